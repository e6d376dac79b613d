"""A deadline set on a bare day of the month (issue 11, wave 41, the lead's probe).

"If you sign before the 1st, the current terms hold", "bis zum 3. unterschreiben", "avant le 4", "antes del día 3":
the day has no month, so agents.facts reads it as no date, and as a number only when the record does not hold that
number ("Sign by the 4th" was refused as the number 4; "before the 1st" passed: the record holds a 1). A limit on a
decision is a date like any other: the record must hold it. The day is vouched when a date the record holds, from the
send day on, falls on it ("by the 27th" when the record dates the proposal 27 November).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

MONTHS = (r"jan\w*|feb\w*|m[aä]r\w*|apr\w*|ma[iy]\w*|jun\w*|jul\w*|aug\w*|sep\w*|o[ck]t\w*|nov\w*|de[cz]\w*|"
           r"janv\w*|févr\w*|avr\w*|juin|juil\w*|août|déc\w*|ene\w*|abr\w*|ago\w*|dic\w*|mär\w*")
_BARE_DAY = re.compile(
    r"\b(?:by|before|until|till|no later than|ahead of)\s+the\s+(?P<en>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b|"
    r"\b(?:bis|vor)\s+(?:zum|dem)\s+(?P<de>3[01]|[12]\d|[1-9])\.(?=\s|$|[,;])|"
    r"\b(?:avant|d['’]ici|jusqu['’]au)\s+(?:le\s+)?(?P<fr>3[01]|[12]\d|[1-9])(?!\d)(?:er)?(?![\w,.]*\s*(?:h\b|heures?|%|€))|"
    r"\b(?:antes|hasta)\s+(?:del?|el)\s+(?:día\s+)?(?P<es>3[01]|[12]\d|[1-9])\b(?![.,]\d)",
    re.I)
"""A deadline word, then a day of the month with no month after it (checked below)."""
_MONTH_AFTER = re.compile(rf"^\s*(?:\.|de|of|du)?\s*(?:{MONTHS})\b|^\s*[/.-]\s*\d|^\s*(?:de\s+)?(?:este|next|this|"
                          r"ce|nächsten|kommenden|del\s+próximo|du\s+mois|of\s+(?:this|next)\s+month)", re.I)
_NOT_A_DAY = re.compile(r"^\s*(?:h\b|uhr|heures?|hours?|days?|tage|jours?|días?|trucks?|%|€|\$|:\d|[.,]\d)", re.I)


def bare_day_deadlines(text: str, dates: Iterable[date], send_day: date) -> list[str]:
    """The deadlines of `text` set on a bare day of the month that no date of `dates` (the record's) from `send_day`
    on falls on."""
    if not any(ch.isdigit() for ch in text):
        return []
    held = {d.day for d in dates if d >= send_day}
    out: list[str] = []
    for m in _BARE_DAY.finditer(text):
        day = int(next(g for g in (m.group("en"), m.group("de"), m.group("fr"), m.group("es")) if g))
        rest = text[m.end():m.end() + 40]
        if _MONTH_AFTER.match(rest) and not re.match(r"^\s*of\s+(?:this|next)\s+month", rest, re.I):
            continue  # "bis zum 3. Dezember", "avant le 4 décembre": a full date, read by the date checks
        if _NOT_A_DAY.match(rest) or day in held:
            continue
        out.append(f"sets a deadline on a day the record does not hold: {m.group(0).strip()!r}")
    return out
