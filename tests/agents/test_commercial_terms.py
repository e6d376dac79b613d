"""Commercial terms no record field can vouch for, and approvals stated as done (wave 18, lever 4).

The Record has an amount, a currency, a close date and a stage, and no field for taxes, carriage, bundles, items
included, withdrawal rights, launch prices or payment terms: a draft, analysis or rationale stating one is refused
in any of our four languages, and a question, a reported ask, a reference to where the proposal sets it out, or a
negation passes. Wordings below are new (none is a held-out case's).
"""

from __future__ import annotations

import pytest

from agents.commercial_terms import approval_claims, term_commitments

TERMS = [
    "Prices include VAT.", "Die Preise verstehen sich inklusive Mehrwertsteuer.", "Le montant est TTC.",
    "El importe es con IVA incluido.", "Shipping is on us.", "Die Lieferung erfolgt frei Haus.",
    "La livraison est offerte.", "Los equipos van a portes pagados.", "Buy three licences, get one free.",
    "It is a 3x2 on the dashcams.", "Deux pour le prix d'un sur les licences.", "Le ofrecemos un 2x1 en licencias.",
    "Breakdown insurance is included.", "Die Wartung ist inklusive.", "L'assurance casse est comprise.",
    "El seguro de averías va incluido.", "You can cancel any time.", "Sie haben ein Rücktrittsrecht bis Jahresende.",
    "Votre engagement est résiliable à tout moment.", "Tiene derecho de desistimiento hasta marzo.",
    "The early-bird price still holds for you.", "Der Frühbucherpreis gilt weiter.",
    "Le prix de souscription anticipée tient toujours.", "Mantenemos el precio de lanzamiento.",
    "Payment is net 90.", "Sie zahlen bequem in Raten.", "Vous pouvez régler en trois fois.", "Puede pagar a plazos.",
    # set 27's kind, other wordings (in-sample): money back
    "If the pilot misses its target, we will refund the fee.", "Sehen Sie keine Ersparnis, erstatten wir die Gebühr.",
    "Sans économies au bout de six mois, nous vous remboursons.",
]

PASS = [
    "You asked whether VAT is included; the proposal will set it out.", "Would net 30 work for your finance team?",
    "I'll send the proposal with the payment terms by Friday.", "The proposal includes the payback estimate.",
    "No discount is included today; the proposal has the price.", "Le tarif de lancement est présenté dans la proposition.",
    "Die Lieferung des Angebots plane ich für Freitag.", "Le envío la propuesta el viernes.",
    "Training for the dispatchers is part of the rollout plan.", "¿Incluye el precio el IVA? Se lo confirmo en la propuesta.",
    # good drafts of quality sets 13 and 22 the first build refused: a meeting length, the product in the proposal
    "I've also sent an invitation for Tuesday, December 1 at 14:00 for 20 minutes to go through it.",
    "Je vous adresse très bientôt la proposition pour Atelier Lumière, licences comprises pour les 6 ateliers.",
]

APPROVALS = [
    "The partners waved it through on Monday.", "Paul nous a retourné la proposition paraphée.",
    "Die Partner haben das Angebot am Montag durchgewunken.", "Your CFO initialled the order form.",
    "The partners approved the proposal on Monday.", "Ihr Einkauf hat das Angebot freigegeben.",
    "Los socios dieron luz verde a la propuesta el lunes.", "Le devis a été validé par la direction.",
    # set 27's kind, other wordings (in-sample): nodded through, all but done, awarded
    "The board nodded the project through.", "The deal is as good as signed.", "Wir haben den Zuschlag erhalten.",
    "L'affaire est quasiment bouclée.", "El acuerdo está prácticamente cerrado.",
]

NOT_APPROVALS = [
    "Security signed off last week, which clears the way for the proposal.",
    "Once the partners have approved the proposal, we schedule the kick-off.",
    "Our VP has signed off on the rollout plan for the 420 trucks.", "Did the partners approve the proposal?",
    "Sobald das Angebot freigegeben ist, planen wir den Start.",
    # a good draft of quality set 20: the offer document nearly ready is no deal done
    "Das Angebot für Ihre 120 Fahrzeuge ist so gut wie fertig und geht am Freitag an Sie.",
]


@pytest.mark.parametrize("sentence", TERMS)
def test_a_commercial_term_no_field_vouches_for_is_refused(sentence):
    assert term_commitments(sentence), sentence


@pytest.mark.parametrize("sentence", PASS)
def test_asking_pointing_at_the_proposal_or_negating_a_term_passes(sentence):
    assert term_commitments(sentence) == []


@pytest.mark.parametrize("sentence", APPROVALS)
def test_an_approval_of_the_deal_stated_as_done_contradicts_an_open_deal(sentence):
    assert approval_claims(sentence, "open"), sentence
    assert approval_claims(sentence, "won") == []


@pytest.mark.parametrize("sentence", NOT_APPROVALS)
def test_an_approval_of_something_else_a_plan_or_a_question_passes(sentence):
    assert approval_claims(sentence, "open") == []
