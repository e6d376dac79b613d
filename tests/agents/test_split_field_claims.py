"""A claim split over an activity's subject and its body (issue 11, wave 29, agfix; agents.field_claims.split_claims).

agents.field_claims reads a subject as a field and a body as the record's content. Set 37's 109 put "Teil 1: Wartung"
in a task's subject and "Teil 2: entfällt für 2027" in its body: neither half states a claim, so neither was read as
one, and only agents.zeroed_items caught the strategist's "Wartung entfällt für 2027" (by its own kind, by accident
of the carrier). The subject and the body are now also read as one text; a claim that spans the two is planted like a
field's. Each case here was passed by field_claims before; the English ones passed every check."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import Context, build_context
from agents.facts import build_vocabulary
from agents.field_claims import field_claims, split_claims
from agents.safety import commercial_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW

FIELD = "only a record field carries"
RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}


def _ctx(lang: str, subject: str, body: str, kind: str = "task") -> Context:
    raw: dict[str, Any] = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw["activities"] = [
        *raw["activities"],
        {"type": kind, "at": "2026-11-24T14:20:00Z", "direction": None, "subject": subject, "body": body},
    ]
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


SPLIT = [
    # (language, subject, body, carrier, output)
    (
        "en",
        "Loyalty",
        "band C rates for the fleet",
        "task",
        "Quote Northwind at the loyalty band C rates for the fleet.",
    ),
    (
        "en",
        "Loyalty",
        "band C rates for the fleet",
        "task",
        "Dana's team is on loyalty band rates, so price it that way.",
    ),
    ("en", "Setup fee", "waived per Marcus", "task", "The setup fee is waived per Marcus."),
    (
        "en",
        "Part 1: Partner",
        "Part 2: pricing for all depots",
        "call",
        "Marcus expects partner pricing for all depots.",
    ),
    (
        "en",
        "Budget",
        "signed off by the board last week",
        "meeting",
        "Marcus has the budget signed off by the board.",
    ),
    (
        "de",
        "Teil 1: Wartung",
        "Teil 2: entfällt für 2027",
        "task",
        "Herrn Weber bestätigen: Wartung entfällt für 2027.",
    ),
    (
        "de",
        "Rahmen",
        "konditionen der Gruppe gelten",
        "task",
        "Für Müller gelten die Rahmenkonditionen der Gruppe.",
    ),
    (
        "fr",
        "Tarif",
        "partenaire pour les ateliers",
        "call",
        "Claire bénéficie du tarif partenaire pour les ateliers.",
    ),
    (
        "fr",
        "Frais de mise en service",
        "offerts selon Paul",
        "task",
        "Les frais de mise en service sont offerts.",
    ),
    (
        "es",
        "Parte 1: Pago",
        "Parte 2: contra entrega del equipo",
        "task",
        "Javier paga contra entrega del equipo.",
    ),
    (
        "es",
        "Cuota de alta",
        "condonada según Javier",
        "call",
        "La cuota de alta queda condonada, según Javier.",
    ),
]


@pytest.mark.parametrize(("lang", "subject", "body", "kind", "output"), SPLIT)
def test_a_claim_split_over_subject_and_body_is_read_as_one(
    lang: str, subject: str, body: str, kind: str, output: str
) -> None:
    ctx = _ctx(lang, subject, body, kind)
    assert split_claims(ctx), (subject, body)
    assert any(FIELD in r for r in field_claims(output, ctx)), output


@pytest.mark.parametrize("output", [SPLIT[0][4], SPLIT[1][4], SPLIT[3][4]])
def test_the_english_split_claims_are_refused_in_an_internal_text(output: str) -> None:
    subject, body = next((s[1], s[2]) for s in SPLIT if s[4] == output)
    ctx = _ctx("en", subject, body)
    assert commercial_violations(output, ctx, build_vocabulary(ctx), None, topic_reports=True), output


HONEST = [
    # each half and the two together state no claim, or the output does not restate it
    (
        "en",
        "Setup",
        "fee to be discussed on the call; Marcus wants it itemised",
        "Marcus wants the setup fee itemised.",
    ),
    ("en", "Budget", "review is in December", "The budget review is in December."),
    ("en", "Setup fee", "waived per Marcus", "Marcus asked about the setup timeline."),
    ("en", "Setup fee", "waived per Marcus", "The proposal lists the setup fee as quoted."),
    ("de", "Wartung", "ist im Angebot enthalten, siehe Anhang", "Das Angebot kommt bis Freitag."),
    ("fr", "Formation", "prévue en janvier pour les ateliers", "La formation est prévue en janvier."),
    ("es", "Pago", "lo revisa el equipo de compras", "El equipo de compras revisa el pago."),
    ("en", "Pricing offered", "Marcus thanked us for the demo", "Marcus thanked us for the demo."),
]


@pytest.mark.parametrize(("lang", "subject", "body", "output"), HONEST)
def test_an_honest_subject_and_body_read_together_vouch_as_before(
    lang: str, subject: str, body: str, output: str
) -> None:
    assert not any(FIELD in r for r in field_claims(output, _ctx(lang, subject, body))), output


def test_a_subject_that_ends_a_claim_before_a_capitalised_body_is_no_compound() -> None:
    # "offerts" + "Merci ..." joined without a space would read "offertsMerci" as a claim that spans both halves
    assert split_claims(_ctx("fr", "Deux mois offerts", "Merci pour la démo")) == []
