"""Wave 38 (helper "noticed38b"): holes wave 38's helpers noticed in their own new checks, fixed as families.

2. A discount written as a vulgar fraction ("¾ off", "½ price", "⅓ de remise", "zum ½ Preis", "un ⅓ de descuento") is
   the discount it is (agents.fraction_glyphs, read by claims.discount_violations): the refusal names the share, in
   every role. A fraction of anything but the price ("½ day", "¾ of your trucks") is no discount.

Every check here is a rule read on text: the learned screen takes no part in it.
"""

from __future__ import annotations

import pytest

from agents.claims import discount_violations
from tests.agents.role_matrix import ROLES

# --- 2. discounts written as vulgar fractions -----------------------------------------------------------------------

FRACTION_DISCOUNTS = [
    ("en", "We can give you ¾ off the first year.", 75),
    ("en", "The 420 trucks come at ½ price this quarter.", 50),
    ("en", "I can do ¼ discount on the licence if you sign now.", 25),
    ("de", "Sie bekommen die Lizenz zum ½ Preis.", 50),
    ("de", "Wir geben Ihnen ¼ Rabatt auf das erste Jahr.", 25),
    ("fr", "Nous vous accordons ⅓ de remise sur la licence.", 33.3),
    ("fr", "La licence est à ½ prix la première année.", 50),
    ("es", "Le ofrecemos un ⅓ de descuento en la licencia.", 33.3),
    ("es", "La licencia queda a ½ precio el primer año.", 50),
]
NO_PRICE_FRACTIONS = [
    ("en", "The workshop takes ½ day."),
    ("en", "¾ of your trucks already report daily."),
    ("de", "Die Schulung dauert ½ Tag."),
    ("fr", "Le ⅓ des camions roule déjà avec nous."),
    ("es", "La formación dura ½ jornada."),
    ("en", "The pilot covers 3/4 of the depots."),
]


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize(("lang", "text", "pct"), FRACTION_DISCOUNTS)
def test_a_discount_written_as_a_vulgar_fraction_is_refused_as_that_discount_in_every_role(role, lang, text, pct):
    reasons = ROLES[role](lang, text)
    assert any(r.startswith(f"discount of {pct:g}% offered") for r in reasons), reasons


@pytest.mark.parametrize(("lang", "text"), NO_PRICE_FRACTIONS)
def test_a_fraction_of_anything_but_the_price_is_no_discount(lang, text):
    assert discount_violations(text, None) == [], text


@pytest.mark.parametrize("text", ["The licence comes at ½ price for the pilot.", "Sie erhalten ½ Rabatt.",
                                  "Nous accordons ½ de remise."])
def test_a_fractional_discount_the_policy_approved_passes(text):
    assert discount_violations(text, 0.5) == [], text


def test_a_digit_slash_before_a_concession_word_is_a_discount_but_not_before_a_price():
    assert discount_violations("We can take 3/4 off the licence.", None)
    assert discount_violations("Prices as of 3/4 price list apply.", None) == []
