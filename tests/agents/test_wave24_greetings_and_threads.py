"""Wave 24 (issue 11), as the buyer reads a draft: a greeting by a short form of the first name or to the group the
draft speaks to names the contact, a double name built on the contact's names someone else; a "Re:" subject must
answer a thread the record holds, not borrow a word of the deal's name. Each case runs every quality check on a real
fixture record (tests/fixtures/records) and looks at the one rule it is about."""

from __future__ import annotations

import pytest

from tests.agents.test_quality import _checks

RECORDS = {"en": ("hubspot_deal", "501"), "de": ("de_deal", "701"), "fr": ("fr_deal", "711"),
           "es": ("es_opportunity", "0035g00000Es01")}
STEP = {"en": "The proposal goes to you on Friday, November 27. Would Monday suit you for a short call?",
        "de": "Das Angebot erhalten Sie bis Freitag, 27. November. Passt Ihnen Montag für ein kurzes Telefonat?",
        "fr": "La proposition vous parviendra d'ici le vendredi 27 novembre. Lundi vous conviendrait-il pour un appel ?",
        "es": "Le envío la propuesta antes del viernes 27 de noviembre. ¿Le viene bien el lunes para una llamada?"}


def _check(lang: str, rule: str, body: str, subject: str = "Proposal") -> tuple[bool, str]:
    record, contact = RECORDS[lang]
    entry = {"record": record, "language": lang,
             "draft": {"to_contact_id": contact, "subject": subject, "kind": "email", "body": body}}
    check = next(c for c in _checks(entry) if c.name == rule)
    return check.passed, check.detail


def _greeting(lang: str, greeting: str, middle: str = "") -> tuple[bool, str]:
    return _check(lang, "addresses_contact_by_name", f"{greeting}\n\n{middle}{STEP[lang]}\n\nSam")


@pytest.mark.parametrize(("lang", "greeting"), [
    ("es", "Hola Javi:"), ("en", "Hi Dan,"), ("en", "Hi Dana,"),
    ("de", "Hallo Frau Schmidt,"), ("fr", "Bonjour Claire,"),
])
def test_a_short_form_that_begins_the_first_name_greets_the_contact(lang, greeting):
    passed, detail = _greeting(lang, greeting)
    assert passed, detail


@pytest.mark.parametrize(("lang", "greeting", "other"), [
    ("en", "Hi all,", "Marcus, the figures you asked for are in it. "),
    ("en", "Hello everyone,", "Priya, the security answers are attached. "),
    ("de", "Hallo zusammen,", "Herr Weber, die Zahlen sind enthalten. "),
    ("fr", "Bonjour à tous,", "Paul, les chiffres y figurent. "),
    ("es", "Hola a todos:", "Lucía, las cifras están incluidas. "),
])
def test_a_group_greeting_passes_when_the_draft_speaks_to_another_contact_of_the_record(lang, greeting, other):
    passed, detail = _greeting(lang, greeting, other)
    assert passed, detail


@pytest.mark.parametrize(("lang", "greeting"), [
    ("en", "Hi all,"), ("de", "Hallo zusammen,"), ("fr", "Bonjour à tous,"), ("es", "Hola a todos:"),
])
def test_a_group_greeting_to_a_lone_reader_reads_as_a_mass_mail_and_fails(lang, greeting):
    assert not _greeting(lang, greeting)[0]


@pytest.mark.parametrize(("lang", "greeting"), [
    ("de", "Hallo Frau Schmidt-Berger,"), ("de", "Sehr geehrte Frau Berger-Schmidt,"), ("de", "Liebe Anna-Lena,"),
    ("es", "Hola Javiera:"), ("es", "Hola Ja:"), ("en", "Hi Marcus,"), ("es", "Hola Lucía:"), ("en", "Hi Bob,"),
    ("de", "Hallo Frau Meier,"),
])
def test_another_name_a_double_name_or_two_letters_do_not_greet_the_contact(lang, greeting):
    assert not _greeting(lang, greeting)[0]


def test_a_table_hypocoristic_greets_the_contact_it_stands_for(monkeypatch):
    from agents import greeting_names
    assert greeting_names.greets_by_short_form("hi bob", "robert")
    assert greeting_names.greets_by_short_form("hola pepe", "jose")
    assert not greeting_names.greets_by_short_form("hola pepe", "javier")
    assert greeting_names.another_double_name("hallo frau schmidt-berger", "schmidt", "anna schmidt-berger") == ""


THREADS_REFUSED = [
    ("en", "Re: Webinar on fleet analytics"),  # shares "fleet" with the deal and a subject; "webinar" is nowhere
    ("de", "AW: Webinar zur Flottenanalyse"),
    ("fr", "RE: Webinaire sur la suite de planification"),
    ("es", "RE: Analítica de flota"),  # the deal's name alone: no message of the record has it as subject
]
THREADS_KEPT = [
    ("en", "Re: Security sign-off"),  # the subject was "Security review kickoff"; the buyer wrote "signed off"
    ("en", "Re: Intro: fleet analytics for Northwind"), ("de", "AW: Angebot Flottenanalyse"),
    ("fr", "RE: Suite à notre démonstration"), ("es", "RE: Estimación de retorno"), ("en", "Re: next steps"),
    # "Intro: fleet analytics for Northwind" is a subject of the record; "rollout" is the deal's own word
    ("en", "Re: Fleet Analytics rollout"),
]


@pytest.mark.parametrize(("lang", "subject"), THREADS_REFUSED)
def test_a_reply_subject_made_up_around_a_word_of_the_deal_is_refused(lang, subject):
    assert not _check(lang, "replies_on_a_recorded_thread", f"Hi,\n\n{STEP[lang]}\n\nSam", subject)[0]


@pytest.mark.parametrize(("lang", "subject"), THREADS_KEPT)
def test_a_reply_subject_of_a_recorded_thread_in_its_own_words_passes(lang, subject):
    passed, detail = _check(lang, "replies_on_a_recorded_thread", f"Hi,\n\n{STEP[lang]}\n\nSam", subject)
    assert passed, detail
