"""Thanks to the recipient for writing, said with the verb, when another contact wrote (wave 40, lead).

noticed40b made "dass Sie weitermachen möchten" the company's decision, which the recipient may be thanked for; qual52's
test of "... und mir am 20. November geschrieben haben" then passed, because the thanks clause ended at "20." and
only "your message" (a noun and "your") was read as the recipient's message. The clause now runs past a German day's
full stop, and "dass Sie mir geschrieben haben", "for writing to me", "de m'avoir écrit", "por escribirme" are the
recipient's message as "Ihre Nachricht" is."""

from __future__ import annotations

import pytest

from agents.thanks import thanks_problems
from tests.agents.quality_probe import record_context

WRONG = "thanks the recipient for a message someone else sent"

# (record, the recipient who never wrote, the contact who did, the greeting)
PEOPLE = {
    "de": ("de_deal", "702", "701", "Sehr geehrter Herr Weber,"),
    "en": ("hubspot_deal", "502", "501", "Hi Marcus,"),
    "fr": ("fr_deal", "712", "711", "Bonjour Monsieur Lefèvre,"),
    "es": ("es_opportunity", "0035g00000Es02", "0035g00000Es01", "Hola Lucía:"),
}

WRITING = [
    ("de", "vielen Dank, dass Sie mir am 20. November geschrieben haben."),
    ("de", "vielen Dank, dass Sie weitermachen möchten und mir am 20. November geschrieben haben."),
    ("en", "thanks for writing to me on November 18."),
    ("en", "thank you for emailing me last week."),
    ("fr", "merci de m'avoir écrit le 19 novembre."),
    ("fr", "merci beaucoup de nous avoir écrit."),
    ("es", "gracias por escribirme el 18 de noviembre."),
    ("es", "muchas gracias por habernos escrito."),
]


def _body(language: str, line: str) -> str:
    return f"{PEOPLE[language][3]}\n\n{line}\n\nBeste Grüße"


@pytest.mark.parametrize(("language", "line"), WRITING)
def test_thanking_the_recipient_for_writing_is_refused_when_another_contact_wrote(language, line):
    record, recipient, _, _ = PEOPLE[language]
    assert WRONG in thanks_problems(_body(language, line), record_context(record), recipient)


@pytest.mark.parametrize(("language", "line"), WRITING)
def test_the_same_thanks_to_the_contact_who_wrote_passes(language, line):
    record, _, writer, _ = PEOPLE[language]
    assert WRONG not in thanks_problems(_body(language, line), record_context(record), writer)


def test_the_addressee_deciding_to_go_on_is_still_the_companys_decision():
    body = _body("de", "vielen Dank, dass Sie weitermachen möchten.")
    assert thanks_problems(body, record_context("de_deal"), "702") == []
