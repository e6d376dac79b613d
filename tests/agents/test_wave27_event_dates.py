"""Dates and events the deadline checks left open (issue 11, wave 27): a year-first date ("valid until 2026/11/20")
read as the date it is; a year-less date read against the send day; "by <event>" read as a limit; a limit on an event
the record shows as over; a past event stated as a reason that the record does not hold ("since the pilot went well").
Every family in en/de/fr/es and in every text a model writes (tests.agents.role_matrix.ROLES, send day 25 November
2026), and the honest look-alikes: future dates, the record's own events, people doing things "by" others."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.event_limits import event_limit_violations
from agents.facts import find_dates
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import ROLES
from tests.agents.role_matrix import role_cases as _cases

YEAR_FIRST_PAST = {
    "en": ["The offer is valid until 2026/11/20, so please sign by then.", "Please confirm by 2026/11/18."],
    "de": ["Das Angebot gilt bis 2026/11/20.", "Bitte bestätigen Sie spätestens 2026/11/19."],
    "fr": ["L'offre est valable jusqu'au 2026/11/20.", "Merci de signer avant le 2026/11/21."],
    "es": ["La oferta es válida hasta el 2026/11/20.", "Por favor, firme antes del 2026/11/17."],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(YEAR_FIRST_PAST))
def test_a_year_first_date_already_gone_is_a_past_deadline(role: str, lang: str, text: str) -> None:
    reasons = ROLES[role](lang, text)
    assert any(r.startswith("deadline '2026/11/") and "in the past" in r for r in reasons), reasons


def test_a_year_first_date_is_read_as_its_date_not_as_month_and_day() -> None:
    assert find_dates("until 2026/11/20") == [("2026/11/20", (2026, 11, 20))]
    assert find_dates("until 2026-11-20") == [("2026-11-20", (2026, 11, 20))]
    assert find_dates("until 20/11") == [("20/11", (None, 11, 20))]


YEARLESS_PAST = {
    "en": ["The offer is valid until 20/11, so please confirm by then."],
    "de": ["Das Angebot gilt nur bis 20.11., bitte bis dahin unterschreiben."],
    "fr": ["L'offre est valable jusqu'au 20/11, merci de signer d'ici là."],
    "es": ["La oferta es válida hasta el 20/11, firme antes."],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(YEARLESS_PAST))
def test_a_date_with_no_year_is_read_against_the_send_day(role: str, lang: str, text: str) -> None:
    assert any("is in the past" in r for r in ROLES[role](lang, text))


FUTURE_DATES = {
    "en": [
        "Please confirm by 2026/12/10 so the January slot holds.",
        "Could we speak on 2026/12/02 at 10:00?",
    ],
    "de": ["Bitte bestätigen Sie bis 2026/12/10, damit der Januarstart hält."],
    "fr": ["Merci de confirmer d'ici le 20/12 pour garder le créneau de janvier."],
    "es": ["Por favor, confirme antes del 20/12 para mantener el arranque de enero."],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(FUTURE_DATES))
def test_a_date_still_to_come_is_no_past_deadline(role: str, lang: str, text: str) -> None:
    assert not [r for r in ROLES[role](lang, text) if "in the past" in r]


BY_EVENT = {
    "en": [
        "Please confirm by the trade fair so the January slot holds.",
        "Dana should sign by Hannover Messe.",
        "We need Marcus's yes by the Paris Air Show.",
        "Please sign the order by the midterm elections so the slot holds.",
        "Please approve by next month's logistics summit.",
        "Lock the January start by the CES show.",
        "Confirm by the spring expo, so the slot holds.",
        "Sign the order form by the annual conference.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(BY_EVENT))
def test_by_an_event_the_record_does_not_date_is_refused(role: str, lang: str, text: str) -> None:
    reasons = ROLES[role](lang, text)
    assert any("an event the record does not date" in r for r in reasons), reasons


BY_HONEST = [
    "The proposal was reviewed by the partners last week.",
    "Please confirm by Friday so the January slot holds.",
    "Please confirm by our call so the January slot holds.",
    "Please confirm by the demo so the slot holds.",
    "The pilot plan was prepared by the training team.",
    "The route audit run by the depot team is the basis for the estimate.",
    "Please confirm by the budget review so the slot holds.",
    "Please confirm by December 4 so the January slot holds.",
]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("text", BY_HONEST)
def test_by_in_honest_wordings_is_no_event_deadline(role: str, text: str) -> None:
    assert not [r for r in ROLES[role]("en", text) if "event" in r]


def _audited_world() -> Any:
    raw = json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())
    raw["activities"].append(
        {
            "type": "note",
            "at": "2026-10-14T10:00:00Z",
            "direction": None,
            "subject": "Site audit",
            "body": "The site audit took place on 14 October; Marcus signed it off.",
        }
    )
    raw["activities"].append(
        {
            "type": "note",
            "at": "2026-11-10T10:00:00Z",
            "direction": None,
            "subject": "Route plan",
            "body": "The route workshop is planned for 9 December.",
        }
    )
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


PAST_EVENT_LIMITS = [
    "Please sign before the site audit so the slot holds.",
    "Dana should confirm ahead of the site audit.",
    "We need Marcus's yes by the site audit.",
    "Get the order signed prior to the site audit.",
    "Bitte vor dem Site Audit unterschreiben, damit der Termin hält.",
    "Frau Schmidt sollte bis zum Site Audit zusagen.",
    "Merci de signer avant le site audit pour garder le créneau.",
    "Por favor, firme antes del site audit para mantener el arranque.",
]


@pytest.mark.parametrize("text", PAST_EVENT_LIMITS)
def test_a_limit_on_an_event_the_record_shows_over_is_refused(text: str) -> None:
    reasons = event_limit_violations(text, _audited_world())
    assert any("already over" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "text",
    [
        "Please confirm ahead of the route workshop so the slot holds.",
        "Please confirm ahead of the December budget review so the slot holds.",
        "Since the site audit went well, Marcus is ready to review the order form.",
        "Please review the proposal before our call.",
        "The site audit was done before the demo.",
    ],
)
def test_a_limit_on_an_event_to_come_or_held_passes(text: str) -> None:
    assert event_limit_violations(text, _audited_world()) == []


SINCE_INVENTED = {
    "en": [
        "Since the pilot went well, Dana is ready to sign.",
        "As the site visit was a success, Marcus wants the order form.",
        "Now that the workshop went so well, we can move to the contract.",
        "Given that the trial convinced the team, the order should follow.",
    ],
    "de": [
        "Da der Workshop so gut lief, ist Frau Schmidt bereit.",
        "Nachdem der Pilot überzeugt hat, kann die Bestellung kommen.",
    ],
    "fr": [
        "Puisque l'essai s'est bien passé, Claire est prête à signer.",
        "Comme la visite a convaincu l'équipe, la commande peut suivre.",
    ],
    "es": [
        "Como la visita salió bien, Javier está listo para firmar.",
        "Ya que la prueba piloto fue un éxito, el pedido puede seguir.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(SINCE_INVENTED))
def test_a_past_event_the_record_does_not_hold_is_refused(role: str, lang: str, text: str) -> None:
    reasons = ROLES[role](lang, text)
    assert any(r.startswith("a past event the record does not hold") for r in reasons), reasons


SINCE_HONEST = {
    "en": [
        "Since the demo on 8 October, Dana has asked about the payback.",
        "Since the demo went well, Dana asked for the proposal.",
        "As a pilot, the first depot can start in January.",
        "Since the pilot is planned for January, the proposal covers one depot first.",
    ],
    "de": ["Seit der Demo am 14. Oktober fragt Frau Schmidt nach den Kosten."],
    "fr": ["Depuis la démonstration, Claire demande le coût par atelier."],
    "es": ["Como la demo salió bien, Javier pidió la propuesta."],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(SINCE_HONEST))
def test_a_past_event_the_record_holds_or_a_plan_passes(role: str, lang: str, text: str) -> None:
    assert not [r for r in ROLES[role](lang, text) if r.startswith("a past event")]


def test_names_with_apostrophes_and_hyphens_are_no_event() -> None:
    ctx = _audited_world()
    for text in (
        "Since O'Brien-Smith joined, the depot team has grown.",
        "As the D'Aubigné team asked, we wait.",
    ):
        assert event_limit_violations(text, ctx) == []
