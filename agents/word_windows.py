"""Two word sets near each other in one clause: the shape of the concept checks (agents.concepts,
agents.deal_done_claims), where "no" within a few words of "cost" is a promise however it is phrased."""

from __future__ import annotations

import re
from collections.abc import Iterator


class Near:
    """`a` and `b` (either order) in one clause with at most `window` words between them.

    Most sentences hold neither half, so each half is looked for alone first (cheap) and the
    paired pattern runs only when both are there: the checks run several times per record.
    """

    def __init__(self, a: str, b: str, window: int) -> None:
        gap = rf"[^\w,;:]+(?:[\w'’-]+[^\w,;:]+){{0,{window}}}?"  # within one clause
        self._a = re.compile(rf"\b(?:{a})\b", re.I)
        self._b = re.compile(rf"\b(?:{b})\b", re.I)
        self._pair = re.compile(rf"\b(?:{a})\b{gap}(?:{b})\b|\b(?:{b})\b{gap}(?:{a})\b", re.I)

    def finditer(self, sentence: str) -> Iterator[re.Match[str]]:
        if self._a.search(sentence) and self._b.search(sentence):
            yield from self._pair.finditer(sentence)


def near(a: str, b: str, window: int) -> Near:
    return Near(a, b, window)
