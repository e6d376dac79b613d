"""A date stated as the date of a public holiday or feast the calendar confirms (issue 11, wave 29, set 38's 028).

agents.facts holds every date and every named day (agents.calendar_days: "Thanksgiving", "der erste Advent", "la
Toussaint") to the inputs. "Da der erste Advent auf den 29. November fällt, bekommen Sie es schon am Freitag davor" was
refused twice (the date and the holiday), yet it states a fact of the calendar, which code can check: the first Sunday
of Advent 2026 is 29 November. A holiday and a date joined as one fact ("X falls on D", "X ist am D", "X tombe le D",
"X cae el D", "X (D)", "D is X", "le D, la X") are taken out of the text the facts check reads when the calendar gives
that holiday that very day; one it contradicts ("the first Sunday of Advent falls on 6 December") stays, and both
words are refused as before. A holiday held as a deadline ("until Thanksgiving, November 26", "bis zum ersten Advent
am 29. November") is no calendar fact but a term: it stays too, for the deadline checks and the inputs to judge.
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import named_days, resolve_day
from agents.written_dates import find_dates

_LINK_WORDS = frozenset(
    "falls fall fell lands land comes come is was will be on the this year day of "
    "fällt fallt liegt ist wird sein auf den dem am der die das dieses jahr jahres tag "
    "tombe tombera est sera le la l cette année a lieu célèbre se fête jour du de "
    "cae caerá es será el este año se celebra en día del "
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag "
    "sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado "
    "domingo".split()
)
"""What may join a holiday and its date into one statement: verbs of falling on a day, articles, the weekday."""
_LINK_MAX_WORDS = 6
_LINK = re.compile(r"(?:[^\W\d_]|[\s,:()\[\]–—'’-])*")
"""Letters, apostrophes and separators only, one character at a time: the nested form it replaced ("(?:letters+
separators*)*") backtracked exponentially on a paragraph holding a figure (a quality draft held the checks > 300 s)."""
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|through|before|no later than|bis|vor|spätestens|avant|jusqu'(?:à|au)|d'ici|au plus tard|"
    r"hasta|antes|a más tardar|para)\b(?:\W+\w+){0,3}\W*$",
    re.I,
)
"""A deadline word up to three words before the holiday or the date: a term, not a fact of the calendar."""


_WISH = re.compile(
    r"\b(?:happy|merry|enjoy|enjoy\s+your|have\s+a\s+(?:good|great|lovely|nice|happy)|"
    r"frohe|frohes|fröhliche|schöne|schönes|gesegnete|gesegnetes|"
    r"joyeux|joyeuses|joyeuse|bonne|bonnes|belle|"
    r"feliz|felices|buen|buena|buenas|próspero)\s+(?:(?:the|la|le|l'|el|los|las|die|das)\s+)?$",
    re.I,
)
"""A wish just before a holiday's name: the greeting, not a date the text states."""
_AFTER = frozenset("after nach après después tras".split())
_BEFORE = frozenset("before vor avant antes".split())
_RELATION_FILLER = frozenset("the de del la le l los las dem der den des".split())


def _relation_holds(between: str, day: date, holiday: date) -> bool:
    """Whether `between` (the text from a date to a holiday named after it) says the date is after or before the
    holiday, and the calendar agrees ("el 15 de enero, después de Reyes", "am 4. Januar, nach Neujahr", wave 35, set
    44's 028): a holiday named to place a date the record gives is a fact of the calendar, not a date of its own. The
    date itself is still held to the inputs."""
    if not _LINK.fullmatch(between):
        return False
    words = re.findall(r"[^\W\d_]+", between.lower())
    relation = [w for w in words if w in _AFTER | _BEFORE]
    if len(relation) != 1 or any(w not in _RELATION_FILLER for w in words if w not in relation):
        return False
    return day > holiday if relation[0] in _AFTER else day < holiday


def _joined(between: str) -> bool:
    words = re.findall(r"[^\W\d_]+", between.lower())
    if len(words) > _LINK_MAX_WORDS or not all(w in _LINK_WORDS for w in words):
        return False
    return _LINK.fullmatch(between) is not None


def calendar_facts_out(text: str, today: date) -> str:
    """`text` with each holiday and the date stated as its day blanked, when the calendar gives the holiday that day
    (the nearest occurrence to `today`, as agents.calendar_days reads it)."""
    holidays = [n for n in named_days(text, today) if n.first == n.last]
    if not holidays:
        return text
    # a season's wish ("Frohe Weihnachten", "Happy Thanksgiving", "Joyeux Noël", "Feliz Año Nuevo") dates nothing
    spans: list[tuple[int, int]] = [(n.start, n.end) for n in holidays if _WISH.search(text[: n.start])]
    for value, (year, month, day) in find_dates(text):
        d = resolve_day(year, month, day, today)
        start = text.find(value)
        if d is None or start < 0:
            continue
        end = start + len(value)
        for n in holidays:
            if n.first != d:
                if start < n.start and _relation_holds(text[end:n.start], d, n.first):
                    spans.append((n.start, n.end))  # "el 15 de enero, después de Reyes": the date stays a date
                continue
            lo, hi = (n.end, start) if n.end <= start else (end, n.start)
            if lo > hi or not _joined(text[lo:hi]):
                continue
            if _DEADLINE_BEFORE.search(text[: min(n.start, start)]):
                continue
            spans += [(n.start, n.end), (start, end)]
    for s, e in sorted(set(spans), reverse=True):
        text = text[:s] + " " * (e - s) + text[e:]
    return text
