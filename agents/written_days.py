"""Days a draft names by their weekday, resolved against the send day and the calendar (issue 11).

A weekday is a date written another way: "ce mercredi", "diesen Mittwoch", "this Wednesday", "este miércoles" name a
day of the send day's week, and "Monday, December 2" names a day whose weekday the calendar gives. Both are judged
like dates (a meeting on the send day, a weekday the date does not have), whatever words stand around them. Pure
functions of the text and the send day."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from agents.calendar_days import resolve_day
from agents.facts import find_dates
from agents.names import trie_pattern

WEEKDAY_NUMBERS = {
    **{w: i for i, w in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{w: i for i, w in enumerate(("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"))},
    "sonnabend": 5,
    **{w: i for i, w in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"))},
    **{w: i for i, w in enumerate(("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"))},
    "miercoles": 2, "sabado": 5,
    # English abbreviations ("Mon, Dec 2"); the other languages' ("mar.", "Do.") are words or months too
    **{w: i for i, ws in enumerate((("mon",), ("tue", "tues"), ("wed",), ("thu", "thur", "thurs"), ("fri",), ("sat",),
                                    ("sun",))) for w in ws},
}
_WEEKDAY = trie_pattern(WEEKDAY_NUMBERS).pattern[4:-2]  # type: ignore[union-attr]
"""Every weekday name as one trie-shaped alternative (a text is scanned once, not once per name: these checks run on
every sentence of every draft)."""
_WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class WrittenDay:
    """A day a text names by its weekday: the words, where they are, and the date they mean."""

    value: str
    start: int
    end: int
    day: date


_THIS_WEEKDAY = re.compile(
    rf"\b(this(?: coming)?|ce|cette|diese[nmr]?|este|esta)\s+({_WEEKDAY})\b"
    r"(?!\s*,?\s*(?:the\s+|le\s+|el\s+|den\s+)?\d)(?!\s+(?:in|de|der|of|week|semaine|semana|woche)\b)|"
    # the weekday, then the week: "Montag dieser Woche", "lundi de cette semaine", "el lunes de esta semana"
    rf"\b()({_WEEKDAY})\s+(?:dieser woche|of this week|this week|de cette semaine|de esta semana)\b", re.I)
"""A weekday with a demonstrative ("ce mercredi", "diesen Mittwoch", "this Wednesday", "este miércoles"): the day of
that name in the send day's week ("this coming Wednesday": the next one); one with a day number after it is a date,
judged by `weekday_mismatches`."""


def this_weekdays(text: str, send_day: date) -> list[WrittenDay]:
    """Every weekday `text` names with a demonstrative, as the day of the send day's (Monday-to-Sunday) week. "This
    Wednesday" written on a Thursday is yesterday: a reader cannot tell it from next week's, so it is judged as the
    one of this week (a meeting before the send day)."""
    if not re.search(_WEEKDAY, text, re.I):
        return []
    return list(_this_weekdays(text, send_day))


@functools.lru_cache(maxsize=4096)
def _this_weekdays(text: str, send_day: date) -> tuple[WrittenDay, ...]:
    monday = send_day - timedelta(days=send_day.weekday())
    out = []
    for m in _THIS_WEEKDAY.finditer(text):
        weekday = WEEKDAY_NUMBERS[(m.group(2) or m.group(4)).lower()]
        day = (send_day + timedelta(days=(weekday - send_day.weekday()) % 7 or 7) if "coming" in (m.group(1) or "").lower()
               else monday + timedelta(days=weekday))
        out.append(WrittenDay(m.group(0), m.start(), m.end(), day))
    return tuple(out)


_MONTH_STEMS = (r"(?:jan|j[äa]n|feb|f[ée]v|m[äa]r|apr|avr|abr|ma[iyj]|jun|juin|jul|juil|aug|ao[uû]|ago|sep|o[ck]t|nov|"
                r"d[eé][cz]|dic|ene)")
_WEEKDAY_BEFORE = re.compile(rf"\b({_WEEKDAY})\b\.?[,.]?\s*(?:the\s+|le\s+|el\s+(?:día\s+)?|den\s+|dem\s+|der\s+)?$", re.I)
_DAY_OF_MONTH = re.compile(rf"\b({_WEEKDAY})\b,?\s+(?:the\s+|le\s+|el\s+(?:día\s+)?|den\s+)?(\d{{1,2}})(?!\d)(?:st|nd|rd|th|er|\.|º)?"
                           # "Dienstag, 5. Januar": the German ordinal's period may not pass for the phrase's end
                           r"(?![\d:/,.]\d)(?!\.?\s*(?:h\b|uhr|am\b|pm\b|a\.m|p\.m|(?:de\s+|of\s+)?" + _MONTH_STEMS + r"))"
    # a day number ends the phrase, or a time follows: not "am Dienstag 20 Minuten" (a length)
    r"(?=\s*(?:$|[,.;:!?)]|(?:at|um|à|a|vers|gegen|ab|from|por|en|in|le|la|de|dans|morning|afternoon)\b))", re.I)
"""A weekday with a day number and no month ("domingo 29", "lundi 30", "Tuesday the 1st")."""


_DIGIT = re.compile(r"\d")


def weekday_mismatches(text: str, send_day: date, dates: list[tuple[str, tuple[int | None, int, int]]] | None = None
                       ) -> list[str]:
    """Weekdays written with a date that does not fall on them ("Monday, December 2" when December 2 is a Wednesday):
    the buyer cannot tell which day is meant, and a model that writes one has not taken the day from the calendar.
    `dates`: the text's `find_dates`, when the caller has them."""
    if not _DIGIT.search(text) or not re.search(_WEEKDAY, text, re.I):
        return []  # a date or a day number has a digit: most sentences have none
    out = []
    for value, (year, month, day) in (find_dates(text) if dates is None else dates):
        at = text.find(value)
        m = _WEEKDAY_BEFORE.search(text[max(0, at - 30):at]) if at >= 0 else None
        if not m:
            continue
        d = resolve_day(year, month, day, send_day)
        if d is not None and d.weekday() != WEEKDAY_NUMBERS[m.group(1).lower()]:
            out.append(f"{m.group(1)} {value!r}: {d.isoformat()} is a {_WEEKDAY_NAMES_EN[d.weekday()]}")
    for m in _DAY_OF_MONTH.finditer(text):
        n, weekday = int(m.group(2)), WEEKDAY_NUMBERS[m.group(1).lower()]
        # the day number in the send day's month or the next one, whichever is still to come or nearest
        candidates = [d for k in (0, 1) if (d := _nth_of_month(send_day, k, n)) is not None]
        if candidates and not any(d.weekday() == weekday for d in candidates):
            out.append(f"{m.group(1)} {n}: no day {n} near {send_day.isoformat()} is a {_WEEKDAY_NAMES_EN[weekday]}")
    return list(dict.fromkeys(out))


def _nth_of_month(send_day: date, months_ahead: int, n: int) -> date | None:
    year, month = send_day.year + (send_day.month - 1 + months_ahead) // 12, (send_day.month - 1 + months_ahead) % 12 + 1
    try:
        return date(year, month, n)
    except ValueError:
        return None


def day_of_month_weekdays(text: str, send_day: date) -> list[WrittenDay]:
    """Weekdays written with a day number and no month ("el domingo 29", "lundi 30"), as the day of that number in the
    send day's month or the next whose weekday agrees (else the first still to come)."""
    if not re.search(_WEEKDAY, text, re.I):
        return []
    out = []
    for m in _DAY_OF_MONTH.finditer(text):
        n, weekday = int(m.group(2)), WEEKDAY_NUMBERS[m.group(1).lower()]
        candidates = [d for k in (0, 1) if (d := _nth_of_month(send_day, k, n)) is not None]
        day = next((d for d in candidates if d.weekday() == weekday), None) or next(
            (d for d in candidates if d >= send_day), None)
        if day is not None:
            out.append(WrittenDay(m.group(0), m.start(), m.end(), day))
    return out


_DAY_NUMBER = re.compile(
    r"\b(?:(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)|(?:le|el(?:\s+día)?|am|den|zum)\s+(\d{1,2})(?:er|\.|º)?)"
    r"(?![\d:/.,]\d)(?!\s*(?:h\b|uhr|am\b|pm\b|a\.m|p\.m|%|(?:de\s+|of\s+)?" + _MONTH_STEMS + r"))", re.I)
"""A day of the month alone ("on the 30th", "le 30", "el 30", "am 30."): a day, not a figure."""


def days_of_month(text: str, send_day: date) -> list[WrittenDay]:
    """Days of the month named alone, as the next such day from the send day (the send day itself included): "the 26th"
    written on the 26th is today."""
    out = []
    for m in _DAY_NUMBER.finditer(text):
        n = int(m.group(1) or m.group(2))
        day = next((d for k in (0, 1, 2) if (d := _nth_of_month(send_day, k, n)) is not None and d >= send_day), None)
        if day is not None:
            out.append(WrittenDay(m.group(0), m.start(), m.end(), day))
    return out
