"""Which negation keeps a price move or an offered concession from counting (issue 11, wave 29, agfix).

agents.claims read a negation anywhere in the 25 characters before an offer, and spelled "n't" as `\\bn't\\b`, which
never matches ("don't" has no word boundary before its "n"). So an honest "we don't offer a discount" was refused, while
"No problem, we can offer you a discount" passed: "No" sat inside the window though it negates "problem". The
negation now has to govern the offer (agents.negation.negation_governs): inside it ("offer no discount"), right
before it across auxiliaries and modals only ("we are not able to offer"), or a script's label ruling its line
("No hacer: ofrecer rebajas"). A reassurance ("don't worry", "keine Sorge", "pas de souci", "no se preocupe") or a
reminder ("don't forget we agreed ...") negates its own verb, not the offer after it."""

from __future__ import annotations

import pytest

from agents.claims import discount_violations
from agents.negation import negation_governs
from tests.agents.role_matrix import ROLES
from tests.agents.role_matrix import role_cases as _cases

REASSURED_OFFERS = {
    # the first of each language (and es1) passed every role before this wave
    "en": [
        "No problem, we can offer you a discount.",
        "Not to worry, we'll give them a discount on the fleet.",
        "Don't worry, we can offer you a discount.",
        "Don't forget we can offer you a discount.",
        "Don't forget we agreed to waive the fee.",
        "No worries: we can bring the price down for them.",
        "Not a big deal, we'll knock the price down.",
        "Never mind the list, we can give you a discount.",
        "No question, we can lower the price for them.",
        "Don't hesitate to apply the discount we give you.",
    ],
    "de": [
        "Keine Sorge: wir gewähren Ihnen einen Rabatt.",
        "Keine Frage, wir können den Preis senken.",
        "Kein Thema, wir gewähren einen Preisnachlass.",
    ],
    "fr": [
        "Ce n'est pas un souci : nous vous proposons une remise.",
        "Pas de souci, nous pouvons vous accorder une remise.",
        "N'oubliez pas que nous pouvons baisser le prix.",
    ],
    "es": [
        "No hay problema: le concedemos un descuento.",
        "No se preocupe, podemos ofrecerle un descuento.",
        "No lo olvide: le aplicamos un descuento.",
        "Sin problema, podemos bajar el precio.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(REASSURED_OFFERS))
def test_a_negated_reassurance_does_not_negate_the_offer_after_it(role: str, lang: str, text: str) -> None:
    assert ROLES[role](lang, text), text


HONEST_REFUSALS = {
    # refused in every role before this wave ("n't" was never read)
    "en": [
        "We don't offer a discount on this tier.",
        "We can't offer a discount on this plan.",
        "We don't offer discounts on the fleet tier.",
        "Unfortunately we can't give a discount on annual plans.",
        "We aren't able to offer a discount this quarter.",
        "Marcus was told we don't extend discounts on this tier.",
    ],
    # passed before and must keep passing
    "de": ["Einen Rabatt können wir nicht anbieten."],
    "fr": ["Nous ne pouvons pas vous accorder de remise.", "Nous n'accordons pas de remise sur ce forfait."],
    "es": [
        "No podemos ofrecer un descuento en este plan.",
        "No aplicamos descuentos en este plan.",
        "No hacer: ofrecer rebajas por iniciativa propia.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(HONEST_REFUSALS))
def test_a_discount_we_say_we_do_not_give_passes(role: str, lang: str, text: str) -> None:
    assert ROLES[role](lang, text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "We won't lower the price for the fleet.",
        "We're unable to reduce the price further.",
        "We are not in a position to offer a discount.",
        "We have no room to offer a discount.",
        "Nous ne pouvons pas baisser le prix.",
        "No podemos bajar el precio este trimestre.",
        "Wir können den Preis leider nicht senken.",
        "Better not: offer a discount on the call.",
    ],
)
def test_the_discount_check_reads_a_governing_negation(text: str) -> None:
    # other checks still weigh these as price talk; the discount check itself must not read them as an offer
    assert discount_violations(text, None) == [], text


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("We don't offer a discount.", "offer a discount"),
        ("we can offer no discount", "offer no discount"),
        ("Don't: offer a discount.", "offer a discount"),
        ("Don't worry, we offer a discount.", None),
        ("Don't forget we offer a discount.", None),
        ("No: we offer a discount.", None),
        ("Keep in mind we never said no. We offer a discount.", None),
        ("offer, no strings attached, a discount", None),
    ],
)
def test_negation_governs(text: str, phrase: str | None) -> None:
    target = phrase or ("offer, no strings attached, a discount" if "strings" in text else "offer a discount")
    start = text.index(target)
    assert negation_governs(text, start, start + len(target)) is (phrase is not None)
