"""Something "free" in a draft (a give-away), and a day or an hour kept free in a calendar (set 28's quality en-g4), which
is availability, not something a seller gives."""

from __future__ import annotations

import re

from agents.claims import GOODS

FREE_ANY = re.compile(
    # "free" first and the lookbehinds after it: a pattern that opens with lookbehinds is tried at every position
    r"\bfree(?<!-free)(?<!feel free)(?<!feels free)(?<!are you free)(?<!i'm free)(?<!i am free)(?<!we're free)"
    r"(?<!we are free)(?<!you're free)(?![-\w])(?!\s+of\s+(?!charge))(?!\s+(?:to|up|on|at|from|between|after|before|all|most|any ?time|this|next|tomorrow|later|"
    r"monday|tuesday|wednesday|thursday|friday|time|slots?|moments?|afternoon|morning|evening|hand|rein)\b)", re.I)
"""Something "free" in a draft gives something away ("training for all your drivers is free"), however far
from the thing it stands; availability ("free on Friday", "are you free"), "feel free", "free up" and
"-free" compounds pass ("risk-free" is a guarantee, checked as such)."""
_SLOT_KEPT = re.compile(r"\b(?:keep|keeping|kept|hold|holding|held|leave|leaving|left|block|blocking)\s+(?:[\w:,.-]+\s+)"
                        r"{0,8}?$", re.I)
_SLOT_WORDS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|"
                         r"calendar|diary|slot|\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d{1,2}:\d\d)\b", re.I)
_GOODS_RE = re.compile(rf"\b(?:{GOODS})\b", re.I)


def slot_kept_free(sentence: str, at: int) -> bool:
    """ "I will keep Wednesday, December 2 at 11 am free for us": a day or an hour kept free in a calendar is
    availability; "we'll keep the training on Monday free" names a thing a seller gives and stays refused."""
    kept = _SLOT_KEPT.search(sentence[:at])
    return kept is not None and bool(_SLOT_WORDS.search(kept.group(0))) and not _GOODS_RE.search(kept.group(0))
