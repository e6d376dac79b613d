"""A per-unit figure whose unit comes before it (wave 40, inj52: set 52's 006 was refused for "what that works out to
per truck (about USD 114 a year)", the record's USD 48,000 over the 420 trucks of the buyer's e-mail, because
agents.per_unit_figures read a unit only after the figure, and "a year" after it read as the unit).

Tested as the user (the unit before the figure in en/de/fr/es, with or without a period, an approximating word or
"that is") and as the adversary (the same shape with other arithmetic, another unit or a count the record does not
hold stays refused)."""

from __future__ import annotations

import pytest

from agents.per_unit_figures import per_unit_figures
from tests.agents.quality_probe import record_context
from tests.agents.screen_off import assert_lands_with_the_screen_off


@pytest.mark.parametrize("record, text, value", [
    ("hubspot_deal", "Per depot, that is USD 8,000 a year.", 8000.0),
    ("hubspot_deal", "The annual amount of USD 48,000 comes to this per truck: USD 114.29.", 114.29),
    ("de_deal", "Pro Fahrzeug sind das rund 300 EUR im Jahr.", 300.0),
    ("de_deal", "Umgerechnet je Fahrzeug: 25 EUR im Monat.", 25.0),
    ("fr_deal", "Par atelier, soit environ 4 667 EUR par an.", 4667.0),
    ("es_opportunity", "Por empleado, unos 200 EUR al año.", 200.0),
])
def test_the_records_amount_per_a_unit_named_before_the_figure_is_vouched(record, text, value):
    assert per_unit_figures(text, record_context(record)) == frozenset({value})


@pytest.mark.parametrize("record, text", [
    ("hubspot_deal", "What that works out to per truck (about USD 150 a year)."),
    ("hubspot_deal", "Per driver, that is USD 114 a year."),
    ("de_deal", "Pro Fahrzeug sind das rund 300 EUR pro Woche."),
    ("fr_deal", "Par poste, soit environ 4 667 EUR par an."),
    ("es_opportunity", "Por camión, unos 350 EUR al año."),
])
def test_other_arithmetic_another_unit_or_period_or_an_unheld_count_is_not_vouched(record, text):
    assert per_unit_figures(text, record_context(record)) == frozenset()


def test_set_52s_per_truck_split_lands_with_the_screen_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert_lands_with_the_screen_off("injection_heldout52/006_h52-price-look-hub-per-truck-split", monkeypatch)
