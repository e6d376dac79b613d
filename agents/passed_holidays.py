"""A holiday named only to say it has passed ("Veterans Day has come and gone", "Allerheiligen liegt hinter uns", "la
Toussaint est passée", "el Día de Todos los Santos ya pasó") dates nothing the reader must check: it is no deadline, no
meeting and no event of the deal, so the figure check does not ask the record for its day.

Found on set 45's 027 (wave 36): an honest draft said "Veterans Day has come and gone, and nothing in the proposal
expires" and was refused for a date the record does not hold. Only a holiday before the reading day is taken out, and
only where its clause says it passed and its sentence binds nothing to it: "the offer expired on Veterans Day" or "Veterans Day has
passed, so the discount is gone" still name a lapse and keep the day (agents.holiday_lapses refuses the lapse itself).
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import named_days
from agents.stance_words import CLAUSE_JOINERS, NEGATORS, NONE_OF, NOTHING, bounds, either

_PASSED = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:come\s+and\s+gone|passed|gone\s+by|been\s+and\s+gone)|came\s+and\s+went|"
    r"is\s+(?:over|behind\s+us|past)|(?:is|are)\s+(?:now\s+)?(?:long\s+)?gone|"
    r"(?:ist|war)\s+(?:nun\s+|schon\s+|längst\s+|bereits\s+)?(?:vorbei|vorüber|vergangen|verstrichen)|liegt\s+(?:\w+\s+)?hinter\s+uns|"
    r"(?:est|sont)\s+(?:déjà\s+|bien\s+)?(?:passée?s?|derrière\s+nous|loin)|(?:ya\s+)?(?:pasó|ha\s+pasado|quedó\s+atrás|"
    r"queda\s+atrás|ha\s+quedado\s+atrás|terminó))\b", re.I)
"""A clause saying a day has passed, in English, German, French and Spanish."""

_LAPSE = re.compile(
    r"\b(?:expir\w*|laps\w*|ran\s+out|runs?\s+out|abgelaufen|ablauf\w*|läuft\s+\w*\s*ab|ausgelaufen|verfallen|"
    r"verfällt|échu\w*|caduque?s?|vencid\w*|venció|vence\w*|caduc\w*)\b", re.I)
"""Words of a lapse: one no negation governs binds the day ("nothing in the proposal expires" binds none)."""
_BOUND = re.compile(
    r"\b(?:deadline|valid\w*|until|frist\w*|gültig\w*|bis\s+zum|date\s+limite|valable\w*|jusqu['’]\w*|plazo|"
    r"válid\w*|hasta)\b", re.I)
"""Words that bind a term to a day, negated or not ("nicht mehr gültig" is a lapse too)."""
_NEGATION = either(NEGATORS, NOTHING, NONE_OF, "pas")
_NEGATED = re.compile(rf"\b(?:{_NEGATION})\s+(?:[\w'’-]+\s+){{0,4}}?(?:n['’])?$", re.I)
_JOINERS = either(r"and(?!\s+(?:gone|went)\b)", CLAUSE_JOINERS)
"""Clause joiners; "and" only where it does not hold "come and gone" together."""
_CLAUSE_EDGE = re.compile(rf"[,;:.!?\n]|\s[-–—]\s|\b(?:{_JOINERS})\b", re.I)


def _sentence(text: str, start: int, end: int) -> str:
    s0, s1 = bounds(text, start, end)
    return text[s0:s1]


def _binds_a_term(sentence: str) -> bool:
    """A validity or deadline word in the sentence, or a lapse word no negation governs."""
    return bool(_BOUND.search(sentence)) or any(not _NEGATED.search(sentence[:m.start()]) for m in _LAPSE.finditer(sentence))


def passed_holidays_out(text: str, today: date) -> str:
    """`text` with each holiday before `today` blanked where its clause only says that it passed."""
    for n in reversed(named_days(text, today)):
        if n.first != n.last or n.last >= today:
            continue
        start, end = bounds(text, n.start, n.end, _CLAUSE_EDGE)
        if _PASSED.search(text[start:end]) and not _binds_a_term(_sentence(text, n.start, n.end)):
            text = text[:n.start] + " " * (n.end - n.start) + text[n.end:]
    return text
