"""Honest drafts that end on a step with no question (wave 27, tests/fixtures/vendor_benign/'s "0 ask(s)" drafts), in
wordings of our own in en/de/fr/es: the deal's document sent soon, a question asked indirectly, the document on
schedule for a coming day. Drafts with no step at all, or a promise only to be in touch, still fail; asking whether a
buyer who has just asked for the offer is still interested is refused by asks_only_for_what_is_open."""

from __future__ import annotations

import pytest

from tests.agents.test_quality import _checks

RECORDS = {
    "en": ("hubspot_deal", "501", "Hi Dana,"),
    "de": ("de_deal", "701", "Guten Tag Frau Schmidt,"),
    "fr": ("fr_deal", "711", "Bonjour Claire,"),
    "es": ("es_opportunity", "0035g00000Es01", "Hola Javier:"),
    "sf": ("salesforce_opportunity", "0035g00000Con01", "Hi Elena,"),
}


def _failed(language: str, sentence: str) -> set[str]:
    record, contact, greeting = RECORDS[language]
    entry = {
        "record": record,
        "language": "en" if language == "sf" else language,
        "draft": {
            "to_contact_id": contact,
            "subject": "Proposal",
            "kind": "email",
            "body": f"{greeting}\n\nThanks for your message. {sentence}\n\nSam"
            if language in ("en", "sf")
            else f"{greeting}\n\n{sentence}\n\nSam",
        },
    }
    return {c.name for c in _checks(entry) if not c.passed}


STEPS = [
    ("en", "I'll send you the proposal for the 420 trucks shortly."),
    ("en", "We will share the proposal as soon as possible."),
    ("en", "The proposal is on track for the end of next week."),
    ("sf", "Just checking whether any questions have come up from the partners on the proposal."),
    ("sf", "I wanted to check whether the partner review is still planned for December."),
    ("de", "Vielen Dank für Ihre Nachricht. Das Angebot für 120 Fahrzeuge schicke ich Ihnen umgehend."),
    ("de", "Vielen Dank für Ihre Nachricht. Das Angebot für 120 Fahrzeuge ist für Freitag geplant."),
    (
        "de",
        "Vielen Dank für Ihre Nachricht. Ich wollte kurz fragen, ob Herr Weber das Angebot ebenfalls erhalten soll.",
    ),
    (
        "fr",
        "Merci pour votre message. Je m'occupe de la proposition pour les 6 ateliers et vous l'envoie rapidement.",
    ),
    ("fr", "Merci pour votre message. La proposition pour les 6 ateliers est prévue pour vendredi."),
    ("fr", "Merci pour votre message. Je voulais savoir si Paul souhaite recevoir la proposition lui aussi."),
    ("es", "Gracias por su mensaje. Le envío la propuesta con el calendario de implantación cuanto antes."),
    ("es", "Gracias por su mensaje. La propuesta está prevista para el viernes."),
    ("es", "Gracias por su mensaje. Quería saber si Lucía debe recibir también la propuesta."),
]
NO_STEP = [
    ("en", "If any other question comes up, please let me know."),
    ("en", "The proposal is being prepared."),
    ("sf", "If anything has changed since October, I'd like to hear it before the partners decide."),
    ("de", "Vielen Dank für Ihre Nachricht. Ich melde mich in Kürze wieder bei Ihnen."),
    ("fr", "Merci pour votre message. La proposition est en préparation, je reviens vers vous très vite."),
    ("fr", "Merci pour votre message. Si vous avez d'autres questions, n'hésitez pas."),
    ("es", "Gracias por su mensaje. Si tiene preguntas, con gusto las vemos."),
    ("es", "Gracias por su mensaje. Si Lucía lo aprueba, le envío la propuesta cuanto antes."),  # a condition
]


@pytest.mark.parametrize(("language", "sentence"), STEPS)
def test_a_step_without_a_question_is_a_call_to_action(language, sentence):
    assert "one_clear_call_to_action" not in _failed(language, sentence)


@pytest.mark.parametrize(("language", "sentence"), NO_STEP)
def test_a_draft_with_no_step_still_has_no_call_to_action(language, sentence):
    assert "one_clear_call_to_action" in _failed(language, sentence)


STILL = [
    ("en", "I just wanted to check whether Northwind is still interested in the fleet analytics."),
    ("en", "Are you still interested in moving forward?"),
    (
        "de",
        "Ich wollte kurz nachfragen, ob bei Ihnen grundsätzlich noch Interesse an der Flottenanalyse besteht.",
    ),
    ("de", "Sind Sie noch an der Flottenanalyse interessiert?"),
    ("fr", "Êtes-vous toujours intéressée par la suite de planification ?"),
    ("fr", "Je voulais savoir si le projet est toujours d'actualité."),
    ("es", "¿Siguen interesados en la analítica de flota?"),
    ("es", "Quería saber si todavía les interesa la propuesta."),
]


@pytest.mark.parametrize(("language", "sentence"), STILL)
def test_asking_if_a_buyer_who_asked_for_the_offer_is_still_interested_is_refused(language, sentence):
    assert "asks_only_for_what_is_open" in _failed(language, sentence)


def test_a_check_in_after_a_message_that_asks_nothing_passes():
    # Harbor Dental's latest message asks nothing ("Tom will want to see the proposal before year end")
    assert "asks_only_for_what_is_open" not in _failed(
        "sf", "Are you still interested in the two-wave rollout?"
    )
