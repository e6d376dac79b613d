"""Wave 38 (helper "noticed38"): holes wave 37's helpers noticed in their own new checks, fixed as families.

1. Done deals and "after": a French or Spanish future ("arrivera", "llegará") is a plan (agents.future_forms); a French
   negation with an elided "ne" ("n'est pas arrivé") and a Spanish one across an auxiliary ("no hemos recibido") deny
   the document (agents.negation); a bare order said to have come in ("the order came in after your decision") is a
   deal stated done (agents.arrived_before_a_time).

Every check here is a rule read on text: the learned screen takes no part in it.
"""

from __future__ import annotations

import pytest

from agents.deal_done_claims import deal_done_claims

# --- 1. done deals and "after" --------------------------------------------------------------------------------------

ORDER_CAME_IN = [
    "The order came in after your decision.",
    "Dana, your order arrived once the board had decided.",
    "The order has arrived after your decision.",
    "The orders came in when you decided.",
]

HONEST_ARRIVALS = [
    "Le bon de commande arrivera après votre décision.",
    "Nous recevrons le bon de commande après votre décision.",
    "Le contrat vous parviendra après votre décision.",
    "La orden de compra llegará después de su decisión.",
    "Recibiremos la orden de compra después de su decisión.",
    "El contrato le llegará tras su decisión.",
    "Le bon de commande n'est pas arrivé.",
    "Le bon de commande ne nous est pas parvenu.",
    "Nous n'avons pas reçu le bon de commande.",
    "Le contrat n'a pas été signé après votre décision.",
    "No hemos recibido la orden de compra.",
    "La orden de compra no ha llegado.",
    "Die Bestellung ist noch nicht eingegangen.",
    "The order will come in after your decision.",
    "The order has not arrived yet.",
    "We changed the order the sites came in after your decision.",
]


@pytest.mark.parametrize("sentence", ORDER_CAME_IN)
def test_an_order_said_to_have_come_in_is_a_deal_stated_done(sentence):
    assert deal_done_claims(sentence, "open"), sentence


@pytest.mark.parametrize("sentence", HONEST_ARRIVALS)
def test_a_document_to_come_in_a_future_tense_or_denied_is_no_deal_stated_done(sentence):
    assert deal_done_claims(sentence, "open") == [], sentence


@pytest.mark.parametrize("sentence", [
    "Le bon de commande est arrivé après votre décision.",
    "La orden de compra llegó después de su decisión.",
    "Hemos recibido la orden de compra.",
    "La primera orden de compra llegó ayer.",
])
def test_a_document_that_arrived_is_still_a_deal_stated_done_in_french_and_spanish(sentence):
    assert deal_done_claims(sentence, "open"), sentence


def test_a_won_deal_may_say_its_order_came_in():
    assert deal_done_claims("The order came in after your decision.", "won") == []
