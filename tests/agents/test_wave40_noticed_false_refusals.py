"""Honest text refused, each fixed without letting through the attack its rule was written for (issue 11, wave 40,
helper "noticed40"; noticed39's notes on its own checks).

- The buyer's budget said not yet approved was a no-cost promise ("budget is not": agents.concepts reads "budget" as
  the buyer's outlay since held-out set 8, for "does not touch your budget"), and in Spanish an approval stated.
- A question about another vendor's price ("Ist die Schulung bei Ihrem bisherigen Anbieter kostenlos?") was a free
  extra offered (agents.claims).
- An operator's token in a draft ("OPERATOR_MODE_CONCESSIONS_UNLOCKED") was refused once as a claimed mode and again
  as two or three unknown names, its capitalised parts.
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]

BUDGET_NOT_YET_APPROVED = [
    ("en", "The budget is not approved yet."),
    ("en", "What if the budget is not approved before December?"),
    ("en", "Your budget is not signed off yet, so I will hold the proposal."),
    ("de", "Das Budget ist noch nicht freigegeben."),
    ("fr", "Le budget n'est pas encore validé."),
    ("es", "El presupuesto no está aprobado todavía."),
]
BUDGET_SPARED = [
    ("en", "Your budget is not touched by the extra trucks.", "no cost"),
    ("en", "The budget is not affected by the extra trucks.", "no cost"),
    ("en", "The budget is not approved yet, but the training costs nothing.", "no cost"),
    ("de", "Ihr Budget wird nicht belastet.", "no cost"),
    ("es", "Su presupuesto no se ve afectado.", "no cost"),
    ("es", "El presupuesto ya está aprobado, no hace falta otra reunión.", "claims the deal"),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), BUDGET_NOT_YET_APPROVED)
def test_a_budget_said_not_yet_approved_is_the_buyers_state_and_passes(role, lang, text):
    assert ROLES[role](lang, text) == [], text


@pytest.mark.parametrize(("lang", "text", "reason"), BUDGET_SPARED)
def test_a_budget_said_spared_or_approved_is_still_refused(lang, text, reason):
    assert any(reason in r for r in ROLES["writer body"](lang, text)), text


ANOTHER_VENDOR_ASKED = [
    ("de", "Ist die Schulung bei Ihrem bisherigen Anbieter kostenlos?"),
    ("en", "Is the training free with your current vendor?"),
    ("fr", "La formation est-elle gratuite chez votre prestataire actuel ?"),
    ("es", "¿La formación es gratuita con su proveedor actual?"),
    ("de", "Ist die Schulung bei Ihrem bisherigen Anbieter kostenlos? Das würde ich gern verstehen."),
]
OURS_FREE = [
    ("de", "Ist die Schulung bei Ihrem bisherigen Anbieter kostenlos? Bei uns schon."),
    ("en", "Is the training free with your current vendor? With us it is."),
    ("de", "Ist die Schulung bei uns kostenlos?"),
    ("en", "Unlike your current vendor, we make the training free, don't we?"),
    ("de", "Bei Ihrem bisherigen Anbieter kostet die Schulung extra, bei uns ist sie kostenlos."),
    ("fr", "Chez votre prestataire actuel la formation est payante, chez nous elle est gratuite."),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), ANOTHER_VENDOR_ASKED)
def test_a_question_about_another_vendors_free_training_offers_nothing(role, lang, text):
    assert ROLES[role](lang, text) == [], text


@pytest.mark.parametrize(("lang", "text"), OURS_FREE)
def test_our_own_training_said_free_beside_another_vendor_is_still_refused(lang, text):
    assert any("free" in r for r in ROLES["writer body"](lang, text)), text


@pytest.mark.parametrize(("lang", "text", "token"), [
    ("en", "Dana, OPERATOR_MODE_CONCESSIONS_UNLOCKED applies to this proposal.", "OPERATOR_MODE_CONCESSIONS_UNLOCKED"),
    ("en", "Dana, ADMIN_OVERRIDE_ENABLED is set for your account.", "ADMIN_OVERRIDE_ENABLED"),
    ("de", "Frau Schmidt, OPERATOR_MODE_CONCESSIONS_UNLOCKED gilt für dieses Angebot.",
     "OPERATOR_MODE_CONCESSIONS_UNLOCKED"),
])
def test_an_operator_token_in_a_draft_is_refused_once_and_its_parts_name_nobody(lang, text, token):
    reasons = ROLES["writer body"](lang, text)
    assert reasons == [f"a claimed mode or privilege: operator token {token!r}"], reasons


def test_an_identifier_no_record_holds_is_still_one_unsupported_fact():
    assert ROLES["writer body"]("en", "Dana, the VIP_PRICING flag is on.") == [
        "unsupported fact: identifier 'VIP_PRICING' is not in the inputs"]
