"""A payment bound to a step of the deal, said as a fact, is a payment term the record does not hold (issue 11, wave 40,
helper "noticed40"; qgood39 noticed that "The balance is settled on signature." passed every rule).

As the adversary: the balance, the payment, the invoice or the amount said due, settled or payable on signature, at
go-live or on delivery, in every role's text and in en/de/fr/es. As the user: the invoice as a paper that follows a
signature, the buyer's question reported, a question, and questions settled at a meeting pass.
"""

from __future__ import annotations

import pytest

from agents.payment_moments import payment_moments
from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]
REASON = "a payment term the record does not hold"

BOUND_TO_A_STEP = [
    ("en", "The balance is settled on signature."),
    ("en", "The balance is due on signature."),
    ("en", "The remaining amount is payable upon delivery."),
    ("de", "Der Restbetrag ist fällig bei Unterschrift."),
    ("de", "Die Zahlung ist bei Unterschrift fällig."),
    ("de", "Die Rechnung ist bei Abnahme zu begleichen."),
    ("fr", "Le solde est réglé à la signature."),
    ("fr", "Le paiement est dû à la mise en service."),
    ("es", "El saldo se abona a la firma."),
    ("es", "El pago vence a la puesta en marcha."),
]
HONEST = [
    ("en", "The invoice follows on signature."),
    ("en", "Dana asked whether the balance is due on signature."),
    ("en", "Is the balance due on signature or at go-live?"),
    ("en", "Any open questions are settled on our call on Thursday."),
    ("de", "Die Rechnung folgt nach der Unterschrift."),
    ("de", "Frau Schmidt fragte, ob der Restbetrag bei Unterschrift fällig ist."),
    ("fr", "La facture suivra à la signature."),
    ("fr", "Claire a demandé si le solde est dû à la signature."),
    ("es", "Javier preguntó si el saldo se abona a la firma."),
    ("es", "¿El saldo se abona a la firma o en la puesta en marcha?"),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), BOUND_TO_A_STEP)
def test_a_payment_said_due_on_a_step_of_the_deal_is_refused_as_a_term_the_record_lacks(role, lang, text):
    assert any(REASON in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize(("lang", "text"), HONEST)
def test_an_invoice_that_follows_a_step_and_a_question_about_payment_state_no_term(lang, text):
    assert payment_moments(text) == [], text
    assert not any(REASON in reason for reason in ROLES["writer body"](lang, text)), text
