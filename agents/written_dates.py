"""Dates and clock times as a text writes them: "November 20", "20 novembre", "2026-11-20", "20.11.", "11/20", "2 pm
Central", "um 10 Uhr", "30 minutes". agents.facts judges a written date against the record's and blanks dates, times
and durations out before it reads the figures left; the date checks read the dates with `find_dates`."""

from __future__ import annotations

import re
from datetime import date

from agents.text_memory import TEXT_MEMORY, remembered

MONTHS = {m: i for i, ms in enumerate(("jan january", "feb february", "mar march", "apr april", "may", "jun june",
    "jul july", "aug august", "sep sept september", "oct october", "nov november", "dec december"), start=1) for m in ms.split()}
"""Month names and abbreviations to month numbers."""
_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
"""An English month name or its abbreviation, whole: a bare prefix read "mardi 1" (French Tuesday) as March 1."""
_DATE_MD = re.compile(rf"\b{_MON}[^\S\n]+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DATE_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})([-/])(\d{1,2})\2(\d{1,2})\b")  # 2026-11-20 and the year-first 2026/11/20
_DATE_SLASH = re.compile(r"\b(?<!\d/)(?!24/7\b)(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
"""11/20, 20/11/2026; not "24/7", which says round the clock."""
_ROUND_THE_CLOCK = re.compile(r"\b24/7\b")
FOREIGN_MONTHS = {  # German, French and Spanish month names (dates in drafts to buyers in those languages)
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
    "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12}
_DATE_FOREIGN = re.compile(r"\b(\d{1,2})(?:\.|er)?\s+(?:de\s+)?(" + "|".join(FOREIGN_MONTHS) +
                           r")\b(?:\s+(?:de\s+)?(\d{4}))?", re.I)
_DATE_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})?(?!\d)")
_CLOCK_END = r"(?:\s?(?:am|pm|a\.m\.|p\.m\.|uhr\b|h\b(?:\s?\d{2}\b)?)|:\d{2}\b|h\d{2}\b)"
_ZONE = (r"(?:\s+(?:your time|local time|(?:central|eastern|pacific|mountain|atlantic)(?:\s+time)?|"
         r"(?-i:[A-Z]{2,4}T)|utc|gmt|mez|mesz|heure de paris|hora peninsular|hora de madrid))?")
CLOCK_TIME = re.compile(
    # a range of hours ("zwischen 9 und 11 Uhr", "from 9 to 11 am", "de 9 h à 11 h", "entre las 9 y las 11")
    rf"\b\d{{1,2}}(?:[.:]\d{{2}})?(?:\s?h)?\s*(?:-|–|bis|und|to|and|à|et|a|y|y las)\s*\d{{1,2}}{_CLOCK_END}{_ZONE}|"
    rf"\b(?:entre|de|desde) las\s+\d{{1,2}}(?:[.:h]\d{{2}})?\s*(?:y|a|hasta) las\s+\d{{1,2}}(?:[.:h]\d{{2}})?\b{_ZONE}|"
    rf"\b\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm|a\.m\.|p\.m\.){_ZONE}|\b\d{{1,2}}:\d{{2}}\b{_ZONE}|"
    # the clock in German and French: "um 10 Uhr", "10.30 Uhr", "à 10 h", "à 10 h 30", "17 h 30", "10h30"
    rf"\b\d{{1,2}}(?:[.:]\d{{2}})?\s?uhr\b{_ZONE}|(?<=à )\d{{1,2}}\s?h(?:\s?\d{{2}})?\b{_ZONE}|"
    rf"\b\d{{1,2}}\s?h\s?\d{{2}}\b{_ZONE}|\b\d{{1,2}}h\d{{2}}\b{_ZONE}|(?<=a las )\d{{1,2}}\b|"
    # a French hour proposed on its own ("je vous propose 10 h, dans vos horaires d'ouverture", wave 35, set 44's 140):
    # "h" after an hour a verb of proposing governs is the clock's, not a duration ("nous offrons 10 h de formation")
    rf"\b(?:propose|proposons|proposerais|suggère|suggérons|disons|plutôt)\s+(?:[01]?\d|2[0-3])\s?h"
    rf"(?=\s*(?:[,.;:!?)]|$|ou\b|ou\s+\d)){_ZONE}|"
    # an hour after any word that places a time: "vers 10 h", "dès 9 h", "avant 11 h", "sobre las 10", "hacia las 17"
    rf"\b(?:vers|dès|avant|après|jusqu'à|entre|de|partir de) \d{{1,2}}\s?h(?:\s?\d{{2}})?\b{_ZONE}|"
    rf"\b(?:sobre|hacia|eso de|antes de|después de|hasta|desde) las \d{{1,2}}(?::\d{{2}})?\b|"
    # wave 31 (set 40's fr-g4, fr-g5): the hour after a day and a comma, "mercredi 2 décembre, 15 h" (the date is blanked
    # first, so the weekday stands before the comma)
    rf"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b[\s,]+\d{{1,2}}\s?h(?:\s?\d{{2}})?\b{_ZONE}|"
    # a range of hours with a zone and no am/pm: "between 9 and 5 Central"
    rf"\b\d{{1,2}}\s*(?:-|–|to|and)\s*\d{{1,2}}\s+(?:central|eastern|pacific|mountain|atlantic|your time|local time)\b",
    re.I)
"""A clock time (with its range and its time zone: "2:00 pm Central") is a time, not a figure or a name (timing.py
checks the meeting it belongs to)."""
_WEEKDAY_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
    r",?\s+(?:the\s+|den\s+|le\s+|el\s+|día\s+)?\d{1,2}(?:st|nd|rd|th|er|\.)?(?![\d.,:/])", re.I)
"""A weekday with its day of the month ("el lunes 7", "Tuesday the 1st"): a day, not a figure."""
_DURATION = re.compile(r"\b(\d{1,3})[-\s]?(?:minutes?|mins?|hours?|hrs?|minütig\w*|minuten|stunden?|minutos|"
                       r"horas?|heures?)\b", re.I)
DATES_AND_TIMES = (_DATE_MD, _DATE_DM, _DATE_FOREIGN, _DATE_ISO, _DATE_DOTTED, _DATE_SLASH, CLOCK_TIME, _DURATION,
                   _ROUND_THE_CLOCK, _WEEKDAY_DAY)
"""Everything here that is written with figures but is no figure, in the order agents.facts blanks it out."""
DATE_PATTERNS = DATES_AND_TIMES[:6]
"""The ones of DATES_AND_TIMES that write a calendar date (what `find_dates` reads)."""


DAY_FIRST_LANGUAGES = frozenset({"de", "fr", "es"})
"""Languages whose readers read a slash date day first ("4/12" is 4 December)."""


@remembered(TEXT_MEMORY)
def find_dates(text: str, *, day_first: bool = False) -> list[tuple[str, tuple[int | None, int, int]]]:
    """Return (text, (year or None, month, day)) for every date written in `text`. With `day_first` (a German, French
    or Spanish text, wave 32) a slash date both of whose numbers could be a month is read day first: "le 4/12" is 4
    December, as its reader reads it; otherwise month first, as in the US."""
    out: list[tuple[str, tuple[int | None, int, int]]] = []
    for m in _DATE_MD.finditer(text):
        out.append((m.group(0), (int(m.group(3)) if m.group(3) else None, MONTHS[m.group(1).lower()[:3]
                     if m.group(1).lower()[:3] in MONTHS else m.group(1).lower()], int(m.group(2)))))
    for m in _DATE_DM.finditer(text):
        out.append((m.group(0), (int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).lower()[:3]],
                                 int(m.group(1)))))
    for m in _DATE_FOREIGN.finditer(text):
        out.append((m.group(0), (int(m.group(3)) if m.group(3) else None, FOREIGN_MONTHS[m.group(2).lower()],
                                 int(m.group(1)))))
    for m in _DATE_ISO.finditer(text):
        if 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31:  # "ATL-2026-28-06" has no month 28 (set 42's 070)
            out.append((m.group(0), (int(m.group(1)), int(m.group(3)), int(m.group(4)))))
    for m in _DATE_DOTTED.finditer(text):
        if 1 <= int(m.group(2)) <= 12:
            y = int(m.group(3)) if m.group(3) else None
            out.append((m.group(0), ((y + 2000 if y is not None and y < 100 else y), int(m.group(2)), int(m.group(1)))))
    for m in _DATE_SLASH.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        first, second = int(m.group(1)), int(m.group(2))
        # Month first as in the US ("11/20") unless the first number cannot be a month ("20/11").
        month, day = (second, first) if first > 12 >= second or (day_first and second <= 12) else (first, second)
        out.append((m.group(0), ((year + 2000 if year is not None and year < 100 else year), month, day)))
    return out


def date_matches(d: tuple[int | None, int, int], allowed: frozenset[date]) -> bool:
    """Tell whether a written date (year optional) is one of `allowed`."""
    year, month, day = d
    return any(a.month == month and a.day == day and (year is None or a.year == year) for a in allowed)
