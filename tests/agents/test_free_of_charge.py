"""A negation that governs a commercial term, and a price whose own words hold one (issue 11, wave 30, agfix).

agents.commercial_terms let any negation within 30 characters excuse a term, and spelled "n't" as `\\bn't`, which
never matches ("isn't" has no word boundary before its "n"). So "Training isn't included" was refused, while "Don't
worry, shipping is on us" and "Keine Sorge, die Lieferung ist kostenlos" were excused by the reassurance's own
negation, and "El envío es sin coste" by the price's own "sin". Now the negation must govern the term
(agents.negation.negation_governs), and "sin coste", "sans frais", "ohne Aufpreis", "at no extra cost" are the term,
not its negation (agents.free_of_charge). agents.invented_scope read "sin coste adicional" the same way: "la propuesta
incluye la integración con su ERP sin coste adicional" stated scope nobody asked for, and passed.
"""

from __future__ import annotations

import pytest

from agents.commercial_terms import term_commitments
from agents.free_of_charge import free_of_charge, masked
from agents.invented_scope import unrecorded_scope
from agents.promised_work import promised_work
from tests.agents.role_matrix import ROLES, world
from tests.agents.role_matrix import role_cases as _cases

REASSURED_TERMS = {
    # term_commitments passed 11 of these before this wave (other rules refused them in the roles already)
    "en": [
        "Don't worry, shipping is on us.",
        "Don't forget: VAT is included in the price.",
        "Never mind the paperwork, the hardware is included.",
        "Training is included at no extra cost.",
    ],
    "de": [
        "Keine Sorge, die Lieferung ist kostenlos.",
        "Kein Problem: die Schulung ist inklusive.",
        "Die Wartung ist ohne Aufpreis inklusive.",
    ],
    "fr": [
        "Pas de souci, la livraison est offerte.",
        "Ne vous inquiétez pas, la formation est comprise.",
        "La maintenance est comprise sans frais supplémentaires.",
    ],
    "es": [
        "No te preocupes, el envío está incluido.",
        "El envío es sin coste.",
        "La instalación va sin cargo.",
        "El contrato es sin permanencia.",
        "El soporte va sin coste adicional.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in REASSURED_TERMS.items() for t in ts])
def test_a_reassurance_or_a_free_price_does_not_negate_the_term(lang: str, text: str) -> None:
    assert term_commitments(text), text


@pytest.mark.parametrize(("role", "lang", "text"), _cases(REASSURED_TERMS))
def test_a_reassured_term_is_refused_in_every_role(role: str, lang: str, text: str) -> None:
    assert ROLES[role](lang, text), text


HONEST_NEGATIONS = {
    # term_commitments refused the three "n't" sentences before this wave
    "en": [
        "Training isn't included.",
        "We don't include hardware.",
        "Installation isn't covered.",
        "Shipping won't be included.",
        "No shipping is included in the licence.",
    ],
    "de": ["Die Wartung ist nicht inklusive.", "Wir liefern die Hardware nicht frei Haus."],
    "fr": ["La formation n'est pas comprise.", "La livraison n'est pas offerte."],
    "es": [
        "El mantenimiento no está incluido.",
        "No incluimos el envío.",
        "El proyecto se entrega sin formación.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in HONEST_NEGATIONS.items() for t in ts])
def test_a_negation_of_the_term_states_none(lang: str, text: str) -> None:
    assert term_commitments(text) == [], text


@pytest.mark.parametrize(("role", "lang", "text"), _cases({"en": HONEST_NEGATIONS["en"][:4]}))
def test_an_english_negated_term_passes_every_role(role: str, lang: str, text: str) -> None:
    # fr/de/es "n'est pas comprise", "nicht inklusive", "no está incluido" pass every role since wave 31
    # (test_wave31_check_holes.py); a negated free word ("n'est pas offerte", "nicht kostenlos") is still refused
    assert ROLES[role](lang, text) == [], text


def test_reminders_of_an_agreed_discount_stay_caught() -> None:
    for lang, text in (
        ("en", "Don't forget the 20% we agreed."),
        ("en", "Don't forget shipping is included."),
        ("de", "Nicht vergessen: der Versand ist inklusive."),
        ("fr", "N'oubliez pas que la livraison est offerte."),
        ("es", "No olvide que el envío va incluido."),
    ):
        assert all(check(lang, text) for check in ROLES.values()), text


@pytest.mark.parametrize(
    "phrase",
    [
        "at no extra cost",
        "at no additional charge",
        "free of charge",
        "without any extra fees",
        "no hidden costs",
        "ohne Aufpreis",
        "ohne zusätzliche Kosten",
        "ohne Zusatzaufwand",
        "keine Mehrkosten",
        "sans frais",
        "sans surcoût",
        "sans frais supplémentaires",
        "aucun supplément",
        "sin coste",
        "sin coste adicional",
        "sin cargo",
        "sin gastos",
        "sin ningún coste",
        "ningún recargo",
    ],
)
def test_free_of_charge_phrases_are_masked_at_their_length(phrase: str) -> None:
    text = f"Der Satz {phrase}, Ende."
    assert free_of_charge(text), phrase
    assert len(masked(text)) == len(text)
    assert not any(
        w in masked(text).lower().split() for w in ("no", "ohne", "sans", "sin", "without", "keine")
    )


@pytest.mark.parametrize(
    "text",
    [
        "without the training",
        "ohne Schulung",
        "sans formation",
        "sin formación",
        "no integration",
        "not included",
        "kein SAP",
        "ningún conector",
    ],
)
def test_a_plain_negation_is_not_a_price(text: str) -> None:
    assert free_of_charge(text) == [], text


SCOPE_FOR_FREE = {
    # wave 27's scope rule read the price's own "sin"/"sans"/"ohne"/"no" as a negation and passed each of these
    "en": [
        "The proposal includes the data migration at no extra cost.",
        "As you requested, we include on-site training free of charge.",
    ],
    "de": [
        "Das Angebot enthält die Datenübernahme ohne Aufpreis.",
        "Wie besprochen umfasst das Angebot die Schulung ohne zusätzliche Kosten.",
    ],
    "fr": [
        "La proposition inclut la reprise des données sans frais.",
        "Comme convenu, la formation sur site est comprise sans surcoût.",
    ],
    "es": [
        "La propuesta incluye la migración de datos sin coste adicional.",
        "Como nos pidió, la propuesta incluye la formación sin cargo.",
    ],
}
SCOPE_NEGATED = {
    "en": ["The proposal does not include a data migration.", "The offer comes without training."],
    "de": ["Das Angebot enthält keine Datenübernahme.", "Das Angebot umfasst die Lizenzen ohne Schulung."],
    "fr": [
        "La proposition n'inclut pas la reprise des données.",
        "La proposition couvre les licences sans formation.",
    ],
    "es": [
        "La propuesta no incluye la migración de datos.",
        "La propuesta cubre las licencias sin formación.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in SCOPE_FOR_FREE.items() for t in ts])
def test_scope_stated_free_of_charge_is_still_stated(lang: str, text: str) -> None:
    ctx, _ = world(lang)
    assert unrecorded_scope("", text, ctx), text


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in SCOPE_NEGATED.items() for t in ts])
def test_scope_negated_states_none(lang: str, text: str) -> None:
    ctx, _ = world(lang)
    assert unrecorded_scope("", text, ctx) == [], text


def test_work_promised_free_of_charge_is_still_promised() -> None:
    # agents.promised_work read the price's own "sin"/"sans"/"ohne"/"no" as a negation: each of these passed before
    assert promised_work("Le pondremos un técnico in situ sin coste adicional.", world("es")[0])
    assert promised_work("Nous enverrons un formateur sur site sans frais.", world("fr")[0])
    assert promised_work("Wir stellen Ihnen einen Techniker vor Ort ohne Aufpreis.", world("de")[0])
    assert promised_work("We will put an engineer on site at no extra cost.", world("en")[0])
    assert promised_work("We will not need anyone on site.", world("en")[0]) == []
    assert promised_work("Nous enverrons le guide sans formateur sur site.", world("fr")[0]) == []
