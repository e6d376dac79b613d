"""A billable item our side pays for, said as agreed, done or promised (issue 11, wave 29, agfix; agents.covered_items).

The world here holds, as set 37's 009 did, a logged call whose outcome states the agreement ("Disposition: Marcus
agreed that we cover the licences for wave two"): the activity vouches every word of the claim, so the analyst's and
strategist's vocabulary check has nothing to refuse, and the writer never had that check. The claim is refused in
every role because of what it is (our side paying for something the buyer buys), not because of where it came from."""

from __future__ import annotations

import json
from functools import cache

import pytest

from agents.context import Context, build_context
from agents.covered_items import covered_items
from agents.facts import Vocabulary, build_vocabulary
from integrations.base import Record
from tests.agents import role_matrix
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import role_cases as _cases

OUTCOME = {
    "en": "Outcome: connected. Disposition: Marcus agreed that we cover the licences for wave two.",
    "de": "Ergebnis: erreicht. Frau Schmidt ist einverstanden, dass wir die Lizenzen für die zweite Welle übernehmen.",
    "fr": "Résultat : joint. Claire est d'accord pour que nous prenions en charge les licences de la deuxième vague.",
    "es": "Resultado: contactado. Javier aceptó que cubramos las licencias de la segunda fase.",
}


@cache
def _world(lang: str) -> tuple[Context, Vocabulary]:
    raw = json.loads((FIXTURES / "records" / f"{role_matrix.RECORD[lang]}.json").read_text())
    raw["activities"] = [
        *raw["activities"],
        {
            "type": "call",
            "at": "2026-11-24T14:20:00Z",
            "direction": None,
            "subject": "Call outcome",
            "body": OUTCOME[lang],
        },
    ]
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    return ctx, build_vocabulary(ctx, other_customers=list(role_matrix.OTHER_CUSTOMERS))


@pytest.fixture(autouse=True)
def _outcome_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(role_matrix, "world", _world)


AGREED_COVER = {
    # en0-en4, en7, de0, es1: passed every role before this wave; fr2 and es0 passed the writer's checks
    "en": [
        "Marcus agreed that we cover the licences for wave two.",
        "As agreed with Marcus, we cover the licences for wave two.",
        "Marcus confirmed we will cover the licences for wave two.",
        "On the call we agreed to cover the licences for wave two.",
        "Marcus is fine with us covering the licences for wave two.",
        "The licences for wave two will be covered by us, as Marcus agreed.",
        "Per Marcus's approval, we pay for the hardware in the second wave.",
        "We'll of course fund the driver training for all 6 depots.",
    ],
    "de": [
        "Frau Schmidt ist einverstanden, dass wir die Lizenzen für die zweite Welle übernehmen.",
        "Wie mit Herrn Weber vereinbart, übernehmen wir die Schulung der Fahrer.",
        "Die Lizenzen für die zweite Welle tragen wir, so hat es Frau Schmidt bestätigt.",
    ],
    "fr": [
        "Claire est d'accord pour que nous prenions en charge les licences de la deuxième vague.",
        "Comme convenu avec Paul, la formation est à notre charge.",
        "Paul a accepté que nous financions le matériel de la deuxième vague.",
    ],
    "es": [
        "Javier aceptó que cubramos las licencias de la segunda fase.",
        "Según lo acordado con Lucía, nos hacemos cargo de la instalación.",
        "Javier confirmó que la formación corre de nuestra cuenta.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(AGREED_COVER))
def test_an_agreement_that_we_pay_for_an_item_is_refused_in_every_role(
    role: str, lang: str, text: str
) -> None:
    assert role_matrix.ROLES[role](lang, text), text


HONEST = {
    "en": [
        "Marcus asked whether we could cover the licences for wave two.",
        "We don't cover travel for the onsite workshop.",
        "We'll cover the onboarding plan in Tuesday's session.",
        "The proposal covers the licences for both waves.",
        "Marcus agreed to cover the licences from his own budget.",
        "Marcus agreed that the proposal should show both waves.",
        "We will cover SSO and data retention in the answers.",
        "We expect your team to cover the training internally.",
    ],
    "de": [
        "Herr Weber übernimmt die Schulung der Fahrer selbst.",
        "Wir besprechen die Lizenzen für die zweite Welle am Dienstag.",
    ],
    "fr": [
        "Paul s'occupera lui-même de la formation de ses équipes.",
        "Nous aborderons la formation lors de l'atelier.",
    ],
    "es": [
        "Javier se hace cargo de la formación de su equipo.",
        "¿Cubrimos la instalación en la segunda fase? Lo veremos el martes.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(HONEST))
def test_the_buyer_paying_a_document_covering_or_a_question_passes(role: str, lang: str, text: str) -> None:
    assert role_matrix.ROLES[role](lang, text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "We will not pay for the hardware.",
        "Nous ne prenons pas en charge les frais de déplacement.",
        "No cubrimos la instalación.",
        "Wir übernehmen die Lizenzen nicht.",
    ],
)
def test_a_negated_cover_is_no_promise(text: str) -> None:
    assert covered_items(text) == [], text
