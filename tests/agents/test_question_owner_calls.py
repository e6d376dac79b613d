"""What a contact raised, read from our logged calls and meetings too (issue 11, wave 29, agfix; agents.question_owner).

A question about a topic the recipient's role does not own is faulted unless the record has the recipient raise it.
The record was read from the contact's own letters and from notes naming them, but not from a call or a meeting we
logged as outbound (HubSpot's direction for a call we placed): "Call with Dana: Dana asked whether SSO covers the
drivers' app" did not make Dana the one to ask about SSO. A note may also name the contact by last name ("Herr Weber
fragte ..."). A call that names someone else, or names the contact on another topic, still faults the question."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import Context, build_context
from agents.question_owner import questions_for_someone_else
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW


def _ctx(record: str, note: str | None, kind: str = "call", direction: str | None = "outbound") -> Context:
    raw: dict[str, Any] = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    if note:
        raw["activities"] = [
            *raw["activities"],
            {
                "type": kind,
                "at": "2026-11-20T15:00:00Z",
                "direction": direction,
                "subject": "Call",
                "body": note,
            },
        ]
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


ASKED = [
    # (record, recipient, the logged call or meeting, carrier, direction, the draft's question)
    (
        "hubspot_deal",
        "501",
        "Call with Dana: Dana asked whether SSO covers the drivers' app.",
        "call",
        "outbound",
        "Could you confirm whether SSO is needed for the drivers' app?",
    ),
    (
        "hubspot_deal",
        "502",
        "Call with Marcus: Marcus asked how many licences each depot needs.",
        "call",
        "outbound",
        "How many licences per depot should the proposal show?",
    ),
    (
        "hubspot_deal",
        "501",
        "Demo recap: Dana wants to know about data retention for trip logs.",
        "meeting",
        "outbound",
        "How long should data retention run for the trip logs?",
    ),
    (
        "de_deal",
        "702",
        "Anruf: Herr Weber fragte, welche Standorte zuerst starten.",
        "call",
        "outbound",
        "Welche Standorte sollen zuerst starten?",
    ),
    (
        "fr_deal",
        "711",
        "Appel avec Claire : elle a demandé le prix par atelier.",
        "call",
        "outbound",
        "Le prix par atelier vous convient-il ?",
    ),
    (
        "es_opportunity",
        "0035g00000Es01",
        "Llamada con Javier: preguntó por el precio por camión.",
        "call",
        "outbound",
        "¿Le encaja el precio por camión?",
    ),
    (
        "salesforce_opportunity",
        "0035g00000Con01",
        "Call with Elena: she asked about the pricing of wave two.",
        "call",
        "outbound",
        "Does the pricing of wave two work for you?",
    ),
    (
        "salesforce_opportunity",
        "0035g00000Con01",
        "Elena asked about invoicing per clinic.",
        "meeting",
        None,
        "Should we send one invoice per clinic?",
    ),
]


@pytest.mark.parametrize(("record", "contact", "note", "kind", "direction", "question"), ASKED)
def test_a_topic_the_contact_raised_on_a_logged_call_may_be_asked_of_them(
    record: str, contact: str, note: str, kind: str, direction: str | None, question: str
) -> None:
    assert questions_for_someone_else(question, contact, _ctx(record, None)), "faulted without the note"
    assert questions_for_someone_else(question, contact, _ctx(record, note, kind, direction)) == [], note


NOT_RAISED = [
    # the call names another contact, or the recipient on another topic, or is our own letter
    (
        "hubspot_deal",
        "501",
        "Call with Priya: Priya asked whether SSO covers the drivers' app.",
        "call",
        "outbound",
        "Could you confirm whether SSO is needed for the drivers' app?",
    ),
    (
        "hubspot_deal",
        "501",
        "Call with Dana: rollout order for the 6 depots agreed.",
        "call",
        "outbound",
        "Could you confirm whether SSO is needed for the drivers' app?",
    ),
    (
        "hubspot_deal",
        "501",
        "Hi Dana, the SSO answers are attached.",
        "email",
        "outbound",
        "Could you confirm whether SSO is needed for the drivers' app?",
    ),
    (
        "de_deal",
        "702",
        "Anruf mit Frau Schmidt: sie fragte, welche Standorte zuerst starten.",
        "call",
        "outbound",
        "Welche Standorte sollen zuerst starten?",
    ),
    (
        "fr_deal",
        "711",
        "Appel avec Paul : il a demandé le prix par atelier.",
        "call",
        "outbound",
        "Le prix par atelier vous convient-il ?",
    ),
    (
        "es_opportunity",
        "0035g00000Es01",
        "Llamada con Lucía: preguntó por el precio por camión.",
        "call",
        "outbound",
        "¿Le encaja el precio por camión?",
    ),
    (
        "salesforce_opportunity",
        "0035g00000Con01",
        "Call with Elena: the clinic list for wave one.",
        "call",
        "outbound",
        "Does the pricing of wave two work for you?",
    ),
    (
        "salesforce_opportunity",
        "0035g00000Con01",
        "Tom asked about invoicing per clinic.",
        "meeting",
        None,
        "Should we send one invoice per clinic?",
    ),
]


@pytest.mark.parametrize(("record", "contact", "note", "kind", "direction", "question"), NOT_RAISED)
def test_a_call_that_does_not_have_the_recipient_raise_the_topic_still_faults_it(
    record: str, contact: str, note: str, kind: str, direction: str | None, question: str
) -> None:
    assert questions_for_someone_else(question, contact, _ctx(record, note, kind, direction)), note


def test_a_logged_call_makes_the_contact_owner_of_its_own_question_only() -> None:
    # salesforce_opportunity's own outbound call: "Tom asked about the rollout order and whether the 9 clinics can go
    # live in two waves". The order of the clinics is Tom's to be asked; a count of users per clinic is still the
    # operations lead's (wave 27's cases), though both are operations questions.
    ctx = _ctx("salesforce_opportunity", None)
    assert (
        questions_for_someone_else("In which order should the clinics go live?", "0035g00000Con02", ctx) == []
    )
    assert questions_for_someone_else("How many users will each clinic need?", "0035g00000Con02", ctx)
    assert questions_for_someone_else("Which clinics should go in the first wave?", "0035g00000Con02", ctx)
