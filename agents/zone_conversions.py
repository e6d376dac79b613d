"""A meeting time converted between two zones in one sentence must name one instant (issue 11, wave 28).

"Tuesday, December 1 at 10 am Eastern, which is 11 am for you in Central time" gives the buyer the wrong hour: 10 am
Eastern is 9 am Central. Set 25's en-b9 was caught only because "Central" was a name the record did not hold; once the
contact's time zone vouched for it (wave 28, agents.zone_names) nothing read the arithmetic. Two zoned times count as
one conversion only when a link joins them ("which is", "i.e.", "for you", "d. h.", "soit", "es decir", brackets):
"10 am Eastern or 2 pm Central" offers two times and passes.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from agents.calendar_days import resolve_day
from agents.clock_times import SPELLED_ZONES, ZONES, clock_hours
from agents.facts import find_dates
from agents.normalize import normalise
from agents.zones import zone

_LINK = re.compile(
    r"(?:\bwhich\s+is\b|\bthat\s+is\b|\bthat's\b|\bi\.\s?e\.|=|\(|\bmeaning\b|\bfor\s+you\b|\byour\s+time\b|"
    r"\bdas\s+(?:ist|sind|wäre|wären)\b|\bd\.\s?h\.|\bbei\s+ihnen\b|\bfür\s+sie\b|\balso\b|"
    r"\bsoit\b|\bc'est-à-dire\b|\bc'est\b|\bchez\s+vous\b|\bpour\s+vous\b|"
    r"\bes\s+decir\b|\bo\s+sea\b|\bque\s+son\b|\bpara\s+usted(?:es)?\b|\ben\s+su\s+hora\b)",
    re.I,
)
_OTHER_TIME = re.compile(r"\b(?:or|oder|ou|o(?!\s+sea\b)|and|und|et|y|then|dann|puis|luego)\b", re.I)
"""A second time offered, not the first converted ("o sea" is the link "that is", not "or")."""
_ZONE_WORD = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted({*SPELLED_ZONES, *ZONES}, key=len, reverse=True)) + r")\b",
    re.I,
)
_TAIL = 40
"""How far after a time its zone may stand ("11 am for you in Central time")."""


def _zone_after(sentence: str, start: int, stop: int) -> str | None:
    m = _ZONE_WORD.search(sentence, start, min(stop, start + _TAIL))
    if not m:
        return None
    word = m.group(1).lower()
    return SPELLED_ZONES.get(word) or ZONES.get(word)


def _locate(sentence: str, value: str, cursor: int) -> tuple[int, int]:
    """Where a clock time clock_hours read stands in the sentence (its text may end on the zone it appended)."""
    words = value.split()
    while words:
        at = sentence.find(" ".join(words), cursor)
        if at >= 0:
            return at, at + len(" ".join(words))
        words = words[:-1]
    return cursor, cursor


def _day(sentence: str, send_day: date) -> date:
    for _, (year, month, day) in find_dates(sentence):
        d = resolve_day(year, month, day, send_day)
        if d is not None:
            return d
    return send_day + timedelta(days=1)


def _hm(hour: float) -> str:
    h, m = int(hour), round((hour - int(hour)) * 60)
    return f"{h}:{m:02d}"


def wrong_conversions(text: str, send_day: date) -> list[str]:
    """Sentences that convert a time between two zones and land on another instant.

    Args:
        text: subject and body.
        send_day: the day the message goes out (the meeting's day when the sentence names none).

    Returns:
        One reason per wrong conversion (empty when none).
    """
    reasons: list[str] = []
    # a sentence ends before a capital: "i.e. 9 am", "d. h. 8 Uhr" and "1. Dezember" stay inside theirs
    for sentence in re.split(r"(?<=[.!?])(?<!\d\.)\s+(?=[^\W\d_a-zäöüéèàçñ])|\n+", normalise(text)):
        clocks = clock_hours(sentence)
        if len(clocks) < 2:
            continue
        day = _day(sentence, send_day)
        spans, cursor = [], 0
        for value, _, _ in clocks:
            start, stop = _locate(sentence, value, cursor)
            spans.append((start, stop))
            cursor = stop
        for i in range(len(clocks) - 1):
            (v1, h1, z1), (_, h2, z2) = clocks[i], clocks[i + 1]
            end = spans[i + 2][0] if i + 2 < len(spans) else len(sentence)
            z2 = z2 or _zone_after(sentence, spans[i + 1][1], end)
            between = sentence[spans[i][1]:spans[i + 1][0]]
            src, dst = zone(z1), zone(z2)
            if src is None or dst is None or z1 == z2 or not _LINK.search(between) or _OTHER_TIME.search(between):
                continue
            first = datetime.combine(day, time(int(h1), round((h1 % 1) * 60)), tzinfo=src)
            second = datetime.combine(day, time(int(h2), round((h2 % 1) * 60)), tzinfo=dst)
            if first != second:
                right = first.astimezone(dst)
                reasons.append(f"converts {v1!r} to {_hm(h2)} in {z2}, but it is {right:%H:%M} there: "
                               f"{sentence.strip()[:80]!r}")
    return reasons
