"""Amounts written out in words are refused whatever the language or case; the cheap literal
check in front of the slow pattern never hides one."""

from __future__ import annotations

import random

import pytest

from agents.claims import _SPELLED_MONEY, _SPELLED_MONEY_UNIT, price_violations


@pytest.mark.parametrize("text", [
    "We can do it for fifty thousand.", "Forty-five grand and it's yours.", "FIFTY THOUSAND euros",
    "Für fünfzigtausend Euro machen wir das.", "Zwei Millionen sind drin.", "pour cinquante mille euros",
    "por cincuenta mil dólares", "two million dollars", "a few thousand more",
])
def test_an_amount_written_out_is_refused(text: str) -> None:
    assert any("amount written out" in r for r in price_violations(text, []))


def test_a_text_without_a_spelled_amount_has_no_such_finding() -> None:
    assert price_violations("Happy to walk your team of twenty through the rollout on Tuesday.", []) == []


def test_every_text_the_slow_pattern_matches_passes_the_literal_check() -> None:
    rng = random.Random(5)
    words = ["fifty", "Twenty", "FÜNF", "zwei", "cinquante", "cien", "one", "a few", "several", "thousand", "Grand",
             "MILLION", "millionen", "mille", "mil", "millones", "tausend", "zig", "-", " ", "und", "and", "euros",
             "millimetre", "grandfather", "Tausender"]
    seen = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "-"]) for _ in range(rng.randint(1, 6)))
        if _SPELLED_MONEY.search(text):
            seen += 1
            assert _SPELLED_MONEY_UNIT.search(text), text
    assert seen > 100  # the generator does produce spelled amounts
