"""Deadlines on an event the record never names, with the decision's object between them (issue 11, wave 30, agfix).

agents.event_limits read "pour"/"para"/"for" before an outside event (a fair, a congress) as a limit only right after
the decision ("signé pour le salon"), so "Dana should sign the order for the trade fair" and "Lucía tendría que aprobar
el presupuesto para el congreso" passed every role; German "zur Messe" without "bis" was no limit at all ("Bitte
unterschreiben Sie zur Messe"); and "pour le Salon de l'Agriculture" kept only "Salon", which a record that speaks of
another salon vouched for. Wordings below are new (none is a held-out case's).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.event_limits import event_limit_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import ROLES, refused_in_role
from tests.agents.role_matrix import role_cases as _cases

OBJECT_BETWEEN = {
    # each passed every role before this wave
    "en": [
        "Dana should sign the order for the trade fair.",
        "Get Dana to confirm the rollout plan for the summit.",
        "Marcus needs to approve the budget for the logistics expo.",
    ],
    "de": [
        "Bitte unterschreiben Sie zur Messe.",
        "Frau Schmidt soll den Auftrag zur Messe unterschreiben.",
        "Herr Weber sollte das Angebot zum Logistikkongress freigeben.",
    ],
    "fr": [
        "Merci de valider le devis pour le Salon de l'Agriculture.",
        "Paul devrait confirmer le budget pour le congrès.",
    ],
    "es": [
        "Lucía tendría que aprobar el presupuesto para el congreso.",
        "Javier debería confirmar el calendario para la exposición.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(OBJECT_BETWEEN))
def test_a_decision_with_its_object_bound_to_an_unnamed_event_is_refused(
    role: str, lang: str, text: str
) -> None:
    assert ROLES[role](lang, text), text


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in OBJECT_BETWEEN.items() for t in ts])
def test_the_rule_itself_reads_the_limit(lang: str, text: str) -> None:
    from tests.agents.role_matrix import world

    assert event_limit_violations(text, world(lang)[0]), text


HONEST = {
    # a purpose that is no event, or no decision bound to it
    "en": [
        "Sign the order form for the depot in Leeds.",
        "The budget for the trade fair is Marcus's call, not ours.",
    ],
    "de": [
        "Zur Messe kommen wir gern vorbei.",
        "Das Angebot für 120 Fahrzeuge schicke ich Ihnen am Freitag.",
    ],
    "fr": [
        "Claire doit signer la commande pour les 6 ateliers.",
        "Nous serons au salon en tant que visiteurs.",
    ],
    "es": ["Javier debe firmar el pedido para los 85 camiones.", "Nos vemos en la feria, si va usted."],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in HONEST.items() for t in ts])
def test_a_purpose_or_an_event_without_a_decision_is_no_limit(lang: str, text: str) -> None:
    from tests.agents.role_matrix import world

    assert event_limit_violations(text, world(lang)[0]) == [], text


def _salon_on_record(raw: dict[str, Any]) -> None:
    raw["activities"].append(
        {
            "type": "note",
            "at": "2026-11-19T10:00:00Z",
            "direction": None,
            "subject": "Salon",
            "body": "Claire sera au salon de Lyon en janvier avec Paul.",
        }
    )


def _fr_ctx(tweak: Any = None) -> Any:
    raw = json.loads((FIXTURES / "records" / "fr_deal.json").read_text())
    if tweak:
        tweak(raw)
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


SALONS = [
    "Claire doit signer pour le Salon de l'Agriculture.",
    "Merci de signer la commande pour le Salon du Bourget.",
    "Il faut valider le devis pour le Salon des Transports.",
]


@pytest.mark.parametrize("text", SALONS)
def test_an_event_named_in_full_is_not_vouched_for_by_its_first_word(text: str) -> None:
    # the record speaks of the Lyon salon; "Salon de l'Agriculture" is another event, which it never names (the rule
    # passed each before this wave; in the roles the names check refused the capitalised "Salon" already)
    assert event_limit_violations(text, _fr_ctx(_salon_on_record)), text


@pytest.mark.parametrize("role", ["analyst", "strategist", "writer"])
@pytest.mark.parametrize("text", SALONS)
def test_an_event_named_in_full_is_refused_in_every_role(role: str, text: str) -> None:
    assert refused_in_role(role, _fr_ctx(_salon_on_record), text, "711"), text


def test_the_salon_the_record_names_is_vouched_for() -> None:
    ctx = _fr_ctx(_salon_on_record)
    assert event_limit_violations("Claire doit signer pour le salon de Lyon.", ctx) == []
    assert event_limit_violations("Il faut valider le devis pour le salon.", ctx) == []
