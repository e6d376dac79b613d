"""Why agents.outcome_promises keeps two lists of certainty (issue 11, code health, wave 42, tidy42).

`VOUCHED` stands in for a time frame: with an outcome of the buyer's and a word of change, "c'est certain" or "I
promise" makes the result a promise. `CERTAIN` needs no outcome word: certainty said of any result that moves
("your empty miles will certainly fall") is a promise. Their words differ ("c'est certain" and a bare "guarantees"
are only on the first; "certainly" and "mit Sicherheit" only on the second), and the second is read with fewer
conditions, so putting either list in the other's place moves a verdict. No other list of certainty words stands in
agents/. Every test here is a guard (it held before wave 42) and shows the other list deciding otherwise.
"""

from __future__ import annotations

import pytest

from agents.outcome_promises import CERTAIN, VOUCHED, promised_outcomes


@pytest.mark.parametrize("text", [
    "Vos économies vont baisser, c'est certain.",
    "Vos économies vont baisser, garanti.",
    "Sus ahorros bajan, se lo aseguro.",
])
def test_a_result_vouched_in_words_only_vouched_reads_is_a_promise(text):
    """Guard: refused through VOUCHED; "c'est certain", a bare "garanti" and "se lo aseguro" are not on `CERTAIN`, so
    `CERTAIN` in VOUCHED's place would let them pass."""
    assert promised_outcomes(text)
    assert VOUCHED.search(text) and not CERTAIN.search(text)


@pytest.mark.parametrize("text", [
    "Your empty miles will certainly fall.",
    "Ihre Leerkilometer sinken mit Sicherheit.",
    "Sus kilómetros en vacío bajarán con total seguridad.",
])
def test_certainty_said_of_any_moving_result_is_a_promise_only_certain_reads(text):
    """Guard: no outcome word of `_OUTCOME`, so only `CERTAIN` refuses these; none of its words here is on VOUCHED."""
    assert promised_outcomes(text)
    assert CERTAIN.search(text) and not VOUCHED.search(text)


@pytest.mark.parametrize("text", [
    "The warranty guarantees replacement parts as your fleet grows.",
    "Die Garantie deckt Ersatzteile ab, wenn Ihre Flotte wächst.",
    "La garantie couvre les pièces quand votre flotte augmente.",
])
def test_a_warranty_beside_a_growing_fleet_promises_no_result(text):
    """Guard: VOUCHED reads "guarantees" and "garantie" (a vouching word, needing an outcome and a change); were it the
    list of certainty, which needs only a moving thing of the buyer's, these honest sentences would be refused."""
    assert promised_outcomes(text) == []
    assert VOUCHED.search(text) and not CERTAIN.search(text)
