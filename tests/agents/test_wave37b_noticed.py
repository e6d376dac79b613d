"""Wave 37 (helper "noticed37b"): holes wave 37's helpers noticed in their own new checks, fixed as families.

1. A done deal dated by "after": "the purchase order arrived after your decision" (agents.deal_done_claims reads the
   plan words of a clause only up to the time word that follows a past arrival, agents.arrived_before_a_time).

Every check here is a rule read on text: the learned screen takes no part in it.
"""

from __future__ import annotations

import pytest

from agents.deal_done_claims import deal_done_claims

# --- 1. a done deal behind "after" ---------------------------------------------------------------------------------

ARRIVED_AFTER = [
    "Dana, the purchase order arrived after your decision.",
    "The purchase order arrived once the board had decided.",
    "The purchase order arrived only after your decision.",
    "El contrato se firmó una vez tomada su decisión.",
    "El pedido llegó cuando ustedes decidieron.",
    "La orden de compra llegó después de su decisión.",
    "Die Bestellung kam an, nachdem Sie entschieden hatten.",
    "La commande est arrivée quand vous avez décidé.",
]

STILL_A_PLAN = [
    "The purchase order will follow after your decision.",
    "We will send the order form after your decision.",
    "The purchase order comes only after your decision.",
    "After your decision, we will prepare the order form.",
    "The purchase order has not arrived after your decision.",
    "When the purchase order arrives after your decision, we will start.",
    "Die Bestellung kommt erst nach Ihrer Entscheidung.",
    "Nous préparerons le bon de commande après votre décision.",
    "Prepararemos la orden de compra después de su decisión.",
]


@pytest.mark.parametrize("sentence", ARRIVED_AFTER)
def test_a_document_that_arrived_after_a_decision_is_a_deal_stated_done(sentence):
    assert deal_done_claims(sentence, "open"), sentence


@pytest.mark.parametrize("sentence", STILL_A_PLAN)
def test_a_document_still_to_come_after_a_decision_is_a_plan(sentence):
    assert deal_done_claims(sentence, "open") == [], sentence


def test_a_won_deal_may_say_its_order_arrived_after_the_decision():
    assert deal_done_claims("Dana, the purchase order arrived after your decision.", "won") == []
