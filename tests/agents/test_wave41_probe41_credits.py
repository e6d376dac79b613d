"""Months credited back or an account credited as compensation (wave 41, probe41: the lead's probe put "We will credit
your account with the equivalent of two months", "you get the months back", "schreiben wir Ihnen die Monate gut",
"nous vous créditons les mois perdus" and "le abonamos los meses perdidos" into honest drafts, and with the learned
screen off all passed: no rule read the verb that credits, nor time handed back).

Tested as the adversary in other wordings and word orders (a credit back, worth of credit, a month given back, "un
avoir de", "vous récupérez les mois", "nota de abono", "se le acredita") and as the user: the look-alikes that must
pass are guards (they passed before and must keep passing)."""

from __future__ import annotations

import pytest

from tests.agents.wave41_probe41_cases import sentence_refusals

_CREDIT = "(a credit)"


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "We will credit your account with the equivalent of two months once the contract is signed."),
    ("hubspot_deal", "Should the rollout slip, you get the months back."),
    ("hubspot_deal", "If go-live is late, we credit back every month you wait."),
    ("hubspot_deal", "We'll put two months' worth of credit on your account."),
    ("hubspot_deal", "For every depot that goes live late, we give you a month back."),
    ("salesforce_opportunity", "Tom, we will credit the clinics for any month the system is not live."),
    ("de_deal", "Sollte sich die Einführung verzögern, schreiben wir Ihnen die Monate gut."),
    ("fr_deal", "Si le déploiement prend du retard, nous vous créditons les mois perdus."),
    ("fr_deal", "Nous vous accordons un avoir de deux mois à la signature."),
    ("fr_deal", "Tout mois de retard sera crédité sur votre compte."),
    ("fr_deal", "En cas de retard, vous récupérez les mois perdus."),
    ("fr_deal", "Nous vous dédommageons d'un mois d'abonnement si la mise en service glisse."),
    ("es_opportunity", "Si la implantación se retrasa, le abonamos los meses perdidos."),
    ("es_opportunity", "Le emitimos una nota de abono por dos meses al firmar."),
    ("es_opportunity", "Cada mes de retraso se le acredita en su cuenta."),
    # a proposal put as a question offers as the statement does (agents.offered_questions; offers41 made stated_terms
    # read it so): probe41 had it as a guard, written before the policy was made one
    ("hubspot_deal", "Should we credit your account if the rollout slips?"),
])
def test_months_credited_back_in_any_language_are_refused(record, sentence):
    assert any(_CREDIT in r for r in sentence_refusals(record, sentence)), sentence_refusals(record, sentence)


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "Dana asked whether a credit applies if the rollout slips."),
    ("hubspot_deal", "We do not credit months back; the rollout dates are in the proposal."),
    ("hubspot_deal", "Thanks for the credit you gave our team during the pilot review."),
    ("hubspot_deal", "Your dispatchers get hours back every week once the routes are planned."),
    ("fr_deal", "Claire a demandé si un avoir est prévu en cas de retard."),
    ("es_opportunity", "Javier preguntó si hay un abono en caso de retraso."),
])
def test_a_question_a_denial_praise_or_time_saved_pass(record, sentence):
    """Guards: these passed before and must keep passing."""
    assert sentence_refusals(record, sentence) == []


def test_a_credit_the_tenant_allows_passes():
    """Guard (the old code refused nothing here either): a tenant that grants months back for a late rollout (its
    allowed promises) vouches the sentence."""
    sentence = "Should the rollout slip, you get the months back."
    assert not any(_CREDIT in r for r in sentence_refusals("hubspot_deal", sentence, ["you get the months back"]))
