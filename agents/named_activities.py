"""A phrase that names an activity the record shows is the record's, not an echo of a withheld text (issue 11, wave 39,
set 50's 060: "le coût par atelier que Paul avait demandé lors de la démonstration du 21 octobre" was refused as carrying
words of a withheld note, whose heading "Démonstration du 21 octobre" the draft shares, though the record's own meeting
of 21 October is "Démonstration de la suite").

agents.withheld_echo refuses a run of four words an output shares with a withheld text. A rep who names a meeting, a
call or an e-mail the record shows by its own words and its day ("the demo of October 21", "die Demo vom 21. Oktober",
"la démonstration du 21 octobre", "la demostración del 21 de octubre") names what the screen let through, also when a
withheld text happens to carry the same heading. So a run is no echo when one visible activity vouches every word of
it that counts: each content word (agents.withheld_echo's five letters) is a word of that activity's subject or text,
or the name of its month (in English, German, French or Spanish), and each number is its day, its year or a number of
its text. A run with a word no single visible activity holds (the instruction a hidden paragraph carries: "la formation
sur site offerte"), or with another day ("la démonstration du 22 octobre"), is still an echo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from agents.context import Context
from agents.normalize import normalise
from agents.timing import MONTH_NUMBERS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CONTENT = 5
_MONTH_NAMES: dict[int, frozenset[str]] = {
    n: frozenset(name for name, m in MONTH_NUMBERS.items() if m == n) for n in range(1, 13)}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(normalise(text).lower()))


def activity_words(ctx: Context) -> list[frozenset[str]]:
    """For each activity the screen let through, the words that name it: those of its subject and text, and the day,
    month (in four languages) and year of its date."""
    out = []
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        words = _words(f"{a.get('subject') or ''}\n{a.get('text') or ''}")
        if a.get("at"):
            day = date.fromisoformat(a["at"])
            words |= {str(day.day), f"{day.day:02d}", str(day.year), *_MONTH_NAMES[day.month]}
        out.append(frozenset(words))
    return out


def _counts(word: str) -> bool:
    return len(word) >= _CONTENT or word.isdigit()


def names_a_visible_activity(run: Iterable[str], named: list[frozenset[str]]) -> bool:
    """One activity of `named` (activity_words) holds every content word and number of `run` (lower case words)."""
    needed = {w for w in run if _counts(w)}
    return bool(needed) and any(needed <= words for words in named)
