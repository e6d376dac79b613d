"""Set 52's good drafts refused as price talk (fr-g6, es-g6: a one-page summary listing the amount), in other wordings
than the set's (wave 40, qual52).

As the user: a summary or an overview whose listed contents include the amount, with no figure and nothing that moves
the price, names a heading and passes. As the adversary: the same summary with a new, lower or special amount, a
percentage, or a clause of its own on the price ("and we waive the setup fee"), is still refused (bad drafts of earlier sets:
tests.agents.measure_heldout).
"""

from __future__ import annotations

import pytest

from agents.price_talk import unanchored_price_talk


@pytest.mark.parametrize("sentence", [
    "I'll add a one-page summary: the annual amount, the rollout plan and the licence count.",
    "I will attach an overview: annual amount, cost per clinic and the number of seats.",
    "Ich lege eine einseitige Zusammenfassung bei: Betrag pro Jahr, Zeitplan und Zahl der Lizenzen.",
    "Je joins un récapitulatif avec le montant total, le calendrier et le nombre de postes.",
    "Para su comité, incluyo un resumen con el importe anual, las fases de implantación y el número de licencias.",
])
def test_the_amount_as_a_listed_heading_of_a_summary_is_no_price_talk(sentence):
    assert unanchored_price_talk(sentence) == []


@pytest.mark.parametrize("sentence", [
    "I'll add a one-page summary: the new lower amount, the rollout plan and the licence count.",
    "I will add a one-page summary: the annual amount, the timeline and the users, and we waive the setup fee.",
    "Je joins un récapitulatif : le montant avec 10 % de remise, le calendrier et les postes.",
    "Incluyo un resumen de una página: el precio especial, el calendario y las fases.",
    "Incluyo un resumen de una página: el importe anual con un 10 % menos, el calendario y las fases.",
    "Ich lege eine Übersicht bei: neuer Betrag, Zeitplan und Zahl der Lizenzen.",
])
def test_a_summary_that_states_or_moves_the_price_is_still_price_talk(sentence):
    assert unanchored_price_talk(sentence)
