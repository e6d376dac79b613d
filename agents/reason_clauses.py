"""The clauses a same-day meeting is read in (set 28's benign 036): with a day named for the meeting, a clause that
gives the rep's reason ("I am travelling today, so ...") is its own."""

from __future__ import annotations

import re

_CLAUSES = re.compile(r"[;:]")
_CLAUSES_WITH_A_DAY = re.compile(r"[;:]|,\s*(?=(?:so|but|hence|therefore|which is why|and so|deshalb|daher|darum|"
                                 r"also|donc|alors|du coup|mais|así que|por eso|pero)\b)", re.I)
_FREE_TODAY = re.compile(r"\b(?:works?|suits?|free|available|open|passt|geht|frei|convient|libre|disponible|va bien|"
                         r"me va|le va)\b", re.I)
"""With a day named for the meeting, a clause that gives a reason ends at "so"/"deshalb"/"donc"/"así que": "I am
travelling today, so could we speak on Monday, November 30" meets on Monday; today is the rep's. Not when the
clause offers today ("today works, so could we speak at 4 pm": _FREE_TODAY)."""


def meeting_clauses(sentence: str, no_day: bool) -> list[str]:
    """The parts of `sentence` a meeting word and "today" must share to propose meeting today."""
    return (_CLAUSES if no_day or _FREE_TODAY.search(sentence) else _CLAUSES_WITH_A_DAY).split(sentence)
