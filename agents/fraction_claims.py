"""A magnitude stated as a fraction in words ("cut idle time in half", "réduit les absences de moitié", "reduce su
consumo a la mitad", "um ein Drittel"): a figure like "50 %", which the inputs must give like any percentage (issue 11:
a draft states no fact the record does not vouch for)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_FRACTIONS = (
    (50.0, r"(?:by|in) half|halve[sd]?|halving|de moitié|à moitié|par deux|a la mitad|por la mitad|en un cincuenta|"
           r"um die hälfte|halbier\w*"),
    (100 / 3, r"by (?:a|one) third|d'un tiers|en un tercio|un tercio menos|um ein drittel|gedrittelt"),
    (25.0, r"by (?:a|one) quarter|d'un quart|en un cuarto|um ein viertel"),
    (75.0, r"by three quarters|des trois quarts|en tres cuartos|um drei viertel"),
)
_PATTERNS = tuple((value, re.compile(rf"\b(?:{words})\b", re.I)) for value, words in _FRACTIONS)


def fraction_claims(text: str, percents: Iterable[float]) -> list[str]:
    """Fractions stated in words whose percentage the inputs do not give (`percents`, as in the vocabulary)."""
    given = {round(p) for p in percents}
    return [f"a fraction in words ({m.group(0)!r}, {value:.0f} %) is not in the inputs"
            for value, pattern in _PATTERNS if round(value) not in given and (m := pattern.search(text))]
