"""Wave 24 (issue 11): "0 ask(s)" was the audit's top false-refusal row. Two more shapes of a good draft that ends on a
step and asks nothing (sets 23 and 28, each refused since its first measurement): a conditional invitation to answer
this e-mail ("If anything needs updating, just reply to this email"), and a check-in on a calendar date beside a dated
delivery ("on Tuesday, December 1 I will check in with Marcus"). Look-alikes that must stay refused: an invitation
with no condition and no day, a check-in with no date, a dated delivery beside an undated check-in."""

from __future__ import annotations

import pytest

from tests.agents.test_quality import _checks

RECORDS = {"en": ("hubspot_deal", "501", "Hi Dana,"), "de": ("de_deal", "701", "Guten Tag Frau Schmidt,"),
           "fr": ("fr_deal", "711", "Bonjour Claire,"), "es": ("es_opportunity", "0035g00000Es01", "Hola Javier:")}


def _step(lang: str, sentence: str) -> tuple[bool, str]:
    record, contact, greeting = RECORDS[lang]
    entry = {"record": record, "language": lang, "draft": {
        "to_contact_id": contact, "subject": "Proposal", "kind": "email",
        "body": f"{greeting}\n\nThe figures you asked for are in the proposal. {sentence}\n\nSam"}}
    check = next(c for c in _checks(entry) if c.name == "one_clear_call_to_action")
    return check.passed, check.detail


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "If anything in it needs updating, just reply to this email and I will change it."),
    ("de", "Falls etwas fehlt, antworten Sie einfach auf diese E-Mail."),
    ("fr", "Si quelque chose manque, répondez simplement à cet e-mail."),
    ("es", "Si falta algo, responda simplemente a este correo."),
    ("en", "I will send the proposal on Friday, November 27, and on Tuesday, December 1 I will check in with Marcus."),
    ("de", "Das Angebot erhalten Sie bis Freitag, 27. November. Ich melde mich am Montag, 30. November, bei Ihnen."),
    ("fr", "Je vous envoie la proposition le vendredi 27 novembre et je reviendrai vers vous le lundi 30 novembre."),
    ("es", "Le envío la propuesta el viernes 27 de noviembre y me pondré en contacto con usted el lunes 30 de noviembre."),
])
def test_a_draft_ending_on_a_conditional_reply_or_a_dated_check_in_has_a_step(lang, sentence):
    passed, detail = _step(lang, sentence)
    assert passed, detail


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Just reply whenever you like."),
    ("en", "I will send the proposal on Friday, November 27. I'll follow up next week."),
    ("de", "Ich melde mich nächste Woche wieder."),
    ("fr", "Je reviendrai vers vous la semaine prochaine."),
    ("es", "Me pondré en contacto con usted la próxima semana."),
    ("de", "Antworten Sie einfach, wann immer es Ihnen passt."),
])
def test_an_invitation_with_no_condition_or_a_check_in_with_no_date_is_no_step(lang, sentence):
    assert not _step(lang, sentence)[0]

