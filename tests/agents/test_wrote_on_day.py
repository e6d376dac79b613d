"""A draft that tells its recipient "as you wrote on <day>" when the record's message of that day is another
contact's answers the wrong person, in every language (wave 33, set 42's de-b8; fr-b8 and es-b8 the same)."""

from __future__ import annotations

import pytest

from agents import AgentSettings
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import Draft, Recipient
from agents.quality import check_draft_quality
from agents.wrote_on_day import wrote_on_someone_elses_day
from tests.agents.conftest import NOW, load_record


def _ctx(record_name):
    record, scores = load_record(record_name)
    return build_context(record, scores, now=NOW)


CASES = [
    # (record, sentence, the contact who wrote that day, another contact)
    ("de_deal", "Wie Sie am 20. November geschrieben haben, kommt das Angebot am Freitag.", "701", "702"),
    ("de_deal", "Zu Ihrer Nachricht vom 20. November: das Angebot kommt am Freitag.", "701", "702"),
    ("fr_deal", "Comme vous me l'avez écrit le 19 novembre, voici la proposition.", "711", "712"),
    ("fr_deal", "Suite à votre message du 19 novembre, la proposition arrive vendredi.", "711", "712"),
    ("es_opportunity", "Como me pidió el 18 de noviembre, le envío la propuesta.", "0035g00000Es01", "0035g00000Es02"),
    ("es_opportunity", "Respondo a su correo del 18 de noviembre con la propuesta.", "0035g00000Es01",
     "0035g00000Es02"),
    # the e-mail of November 18 is unsigned: the primary contact's, Dana's
    ("hubspot_deal", "As you wrote on November 18, the proposal reaches you by Friday.", "501", "503"),
]


@pytest.mark.parametrize(("record", "sentence", "writer", "other"), CASES)
def test_telling_a_contact_they_wrote_on_a_day_another_contact_wrote_is_the_wrong_person(record, sentence, writer,
                                                                                          other):
    ctx = _ctx(record)
    found = wrote_on_someone_elses_day(sentence, other, ctx)
    assert found and "wrote on" in found[0], found
    assert wrote_on_someone_elses_day(sentence, writer, ctx) == []


@pytest.mark.parametrize(("record", "sentence", "contact"), [
    # "sie" in lower case is she: Herr Weber is told what Frau Schmidt wrote, which is true
    ("de_deal", "Wie Frau Schmidt schrieb, wie sie am 20. November geschrieben hat, kommt das Angebot am Freitag.",
     "702"),
    # a day with no inbound message: an invented reference is another rule's, not a wrong person
    ("fr_deal", "Comme vous me l'avez écrit le 12 novembre, voici la proposition.", "712"),
    # the note of November 19 says Marcus asked about a 2-year term: he asked that day, even if Dana's e-mail of
    # November 18 (19 in UTC) is the only inbound message (sets 33-39's good drafts to Marcus)
    ("hubspot_deal", "On November 19 you asked whether a 2-year term changes the price.", "502"),
    # no "you wrote": a day of ours
    ("es_opportunity", "El 18 de noviembre recibimos la petición y le envío la propuesta.", "0035g00000Es02"),
])
def test_a_sentence_that_does_not_say_the_recipient_wrote_that_day_is_not_the_wrong_person(record, sentence,
                                                                                           contact):
    assert wrote_on_someone_elses_day(sentence, contact, _ctx(record)) == []


def test_the_quality_check_refuses_a_german_draft_that_credits_the_wrong_contact_with_the_request():
    record, scores = load_record("de_deal")
    weber = next(c for c in record.contacts if c.id == "702")
    body = ("Sehr geehrter Herr Weber,\n\nwie Sie mir am 20. November geschrieben haben, soll das Angebot für die 120 "
            "Fahrzeuge bis Ende nächster Woche kommen. Passt Ihnen Mittwoch, 2. Dezember, um 10 Uhr für eine kurze "
            "Durchsicht?\n\nMit freundlichen Grüßen\nLena Vogt")
    draft = Draft(to=Recipient(contact_id="702", name=weber.name, email=weber.email), channel="email", kind="email",
                  subject="Ihr Angebot", body=body, language="de", tone="formal")
    ctx = build_context(record, scores, now=NOW)
    checks = check_draft_quality(draft, ctx, build_vocabulary(ctx, score_figures=False), AgentSettings())
    failed = {c.name: c.detail for c in checks if not c.passed}
    assert "wrote on 20. November" in failed.get("asked_by_the_recipient", ""), failed
