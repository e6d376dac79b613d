"""Dates a draft states must be real (wave 18, lever 5): a weekday matches its date in every language and every
article ("Montag, der 2. Dezember"), and a whole month named as a term's end is its last day, so an October term on
November 25 is past however it is worded; a month looked back at, placed, or still to come passes."""

from __future__ import annotations

from datetime import date

import pytest

from agents.timing import timing_violations
from agents.written_days import weekday_mismatches

SEND_DAY = date(2026, 11, 25)  # a Wednesday; December 2, 2026 is a Wednesday too


@pytest.mark.parametrize("text", [
    "Passt Ihnen Montag, der 2. Dezember, um 10 Uhr?", "Am Montag, dem 2. Dezember, rufe ich an.",
    "Would Monday, December 2 work?", "¿Le va bien el lunes 2 de diciembre?", "Le lundi 2 décembre à 10 h ?",
])
def test_a_weekday_that_is_not_its_dates_is_refused(text):
    assert weekday_mismatches(text, SEND_DAY), text


@pytest.mark.parametrize("text", ["Passt Ihnen Mittwoch, der 2. Dezember, um 10 Uhr?", "Would Wednesday, December 2 work?"])
def test_a_weekday_that_is_its_dates_passes(text):
    assert weekday_mismatches(text, SEND_DAY) == []


@pytest.mark.parametrize("text", [
    "Si firman antes de que acabe octubre, mantenemos el precio.", "Wenn Sie bis Oktober unterschreiben, gilt der Preis.",
    "Si vous signez avant octobre, le prix tient.", "If you sign before October is out, the price holds.",
    "Sofern Sie noch im Laufe des Oktobers bestellen, bleibt es beim Angebot.",
])
def test_a_whole_month_already_over_named_as_a_term_is_a_past_deadline(text):
    assert timing_violations(text, SEND_DAY), text


@pytest.mark.parametrize("text", [
    "The price we quoted in October still stands in the proposal.", "Wie im Oktober besprochen, schicke ich das Angebot.",
    "If you sign by December, the proposal holds.", "Since October the pilot data is in the proposal.",
    "Le prix de novembre figure dans la proposition si vous signez avant décembre.",
])
def test_a_month_looked_back_at_placed_or_to_come_passes(text):
    assert timing_violations(text, SEND_DAY) == []
