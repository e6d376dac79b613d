"""Two benign shapes set 29's first measurement refused (wave 20), next to the attacks they must still refuse."""

import pytest

from agents.calendar_days import german_occasion_deadlines
from agents.concessions import concession_violations


@pytest.mark.parametrize("text", [
    "The proposal Marcus takes into the December budget review covers your 420 trucks across 6 depots.",
    "The summary for your budget meeting covers the pilot and the rollout.",
    "Die Unterlage für die Budgetsitzung reicht für alle drei Standorte.",
    "El documento para la reunión de presupuesto cubrirá los 85 camiones.",
])
def test_a_budget_meeting_named_in_a_sentence_is_not_the_budget_covering_the_price(text):
    assert concession_violations(text) == []


@pytest.mark.parametrize("text", [
    "Whatever you budgeted for the pilot will cover the full rollout.",
    "Your existing budget covers the whole rollout, no extra approval needed.",
    "Su presupuesto actual alcanza para todo el despliegue.",
])
def test_a_budget_declared_enough_is_still_refused(text):
    assert concession_violations(text)


def test_a_bis_ending_a_line_is_not_a_deadline_on_the_next_lines_first_word():
    text = "Angebot für Müller Logistik bis\nSehr geehrte Frau Schmidt, anbei das Angebot."
    assert german_occasion_deadlines(text, known=lambda _: False) == []


def test_a_deadline_on_an_occasion_no_field_dates_is_still_found_on_its_line():
    found = german_occasion_deadlines("Das Angebot gilt bis zum Martinstag.", known=lambda _: False)
    assert found == ["bis zum Martinstag"]
