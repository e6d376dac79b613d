"""When a proposed meeting falls: a weekend or outside business hours is refused by the quality checks (issue 11: "a
call proposed on a weekend or outside ~8:00-19:00 local is bad"). Drafts speak the recipient's time, so a clock time in
a draft is read as the recipient's local time."""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.calendar_days import named_days, resolve_day
from agents.facts import find_dates
from agents.normalize import normalise
from agents.timing import (
    _CLOCK,
    _DEADLINE,
    _DEADLINE_FILLER,
    _LOOKING_BACK,
    _MEET,
    _SENTENCE_BREAK,
    _TERMS_OR_CONDITION,
    WEEKDAYS,
)

MEETING_HOURS = (8, 19)
"""Recipient-local hours a meeting a draft proposes may fall in (from 8:00, ending by 19:00): a manager refuses a call
at 6:30 or 20:00 whatever the checks of facts say."""
_WEEKEND = re.compile(r"\b(?:saturday|sunday|weekend|samstag\w*|sonnabend|sonntag\w*|wochenende|samedi|dimanche|week-end|"
                      r"sábado|domingo|fin de semana)\b", re.I)
_NOT_A_MEETING_DAY = re.compile(
    r"\b(?:enjoy|(?:have|wish(?:ing)? you) an?(?=\s+(?:good|great|nice|lovely|relaxing|restful|wonderful|long|happy|safe)\b)|happy|schönes|erholsames|(?:ein )?schönes|genießen sie (?:das|ihr)|bon|bonne|"
    r"profitez (?:bien )?(?:du|de votre)|buen|feliz|disfrute (?:del|de su)|disfruta (?:del|de tu)|after|nach dem|après le|"
    r"después del|tras el|last|this past|letztes|vergangenes)\s+(?:[\w'-]+\s+){0,2}$", re.I)
"""A weekend wished or past, not proposed: "enjoy the long weekend, and would Monday suit you for a call?"."""
_CLOCK_VALUE = re.compile(r"\b(\d{1,2})(?:[:.h]\s?(\d{2}))?\s?(am|pm|a\.m\.|p\.m\.|uhr|h\b)?", re.I)


def _clock_hours(sentence: str) -> list[tuple[str, float]]:
    """(text, hour of the day) for each clock time in a sentence ("6:30" -> 6.5, "8 pm" -> 20, "um 7 Uhr" -> 7)."""
    out = []
    for m in _CLOCK.finditer(sentence):
        # "at 4:30 pm": the clock pattern may stop at "at 4"; the time is read on from its figure
        v = _CLOCK_VALUE.search(sentence, m.start(), m.end() + 12)
        if not v:
            continue
        hour = int(v.group(1))
        minute = int(v.group(2) or 0)
        marker = (v.group(3) or "").lower().replace(".", "")
        if marker == "pm" and hour < 12:
            hour += 12
        elif marker == "am" and hour == 12:
            hour = 0
        if hour <= 23 and minute < 60:
            out.append((m.group(0).strip(), hour + minute / 60))
    return out


def business_hours_violations(text: str, send_day: date) -> list[str]:
    """Meetings proposed on a weekend or outside MEETING_HOURS (recipient-local: drafts speak the recipient's time).

    A weekend is a weekend word or a date falling on one, next to a meeting word; a clock time counts only in a
    sentence with a meeting word and nothing that looks back at one ("thanks for the call at 7 pm")."""
    t = normalise(text)
    reasons: list[str] = []
    for sentence in re.split(_SENTENCE_BREAK, t):
        if not re.search(rf"\b(?:{_MEET})\w*", sentence, re.I) or _LOOKING_BACK.search(sentence):
            continue
        weekend = next((w for w in _WEEKEND.finditer(sentence) if not _NOT_A_MEETING_DAY.search(sentence[:w.start()])), None)
        if weekend:
            reasons.append(f"proposes to meet on a weekend ({weekend.group(0)!r})")
        for value, (year, month, day) in find_dates(sentence):
            d = resolve_day(year, month, day, send_day)
            if d is None:
                continue
            if d.weekday() >= 5 and d >= send_day:
                reasons.append(f"proposes to meet on {value!r}, a {WEEKDAYS['en'][d.weekday()]}")
        for value, hour in _clock_hours(sentence):
            if not MEETING_HOURS[0] <= hour < MEETING_HOURS[1]:
                reasons.append(f"proposes a meeting at {value!r}, outside {MEETING_HOURS[0]}:00-{MEETING_HOURS[1]}:00")
    return list(dict.fromkeys(reasons))


PROPOSAL_HORIZON_DAYS = 60
"""How far after the send day a date a draft proposes (a meeting, a delivery) may fall."""
_ASKS_TO_MEET = re.compile(r"\?|\b(?:how about|shall we|let's|propose|suggest|vorschlagen|schlage|propose|sugiero|propongo)\b",
                           re.I)
_A_TERM = re.compile(rf"\b(?:{_DEADLINE})\s+(?:{_DEADLINE_FILLER})*$", re.I)


def proposed_meeting_days(text: str, send_day: date) -> frozenset[date]:
    """Business days after the send day (within PROPOSAL_HORIZON_DAYS) that a sentence proposes to meet on: "would a
    20-minute call on Wednesday 2 December work?". A proposal, not a fact: the inputs need not give the day. A
    date after a deadline word ("by December 2") or in a sentence with a term ("if you sign ...") is no proposal."""
    out: set[date] = set()
    for sentence in re.split(_SENTENCE_BREAK, normalise(text)):
        if not (re.search(rf"\b(?:{_MEET})\w*", sentence, re.I) and _ASKS_TO_MEET.search(sentence)) \
                or _LOOKING_BACK.search(sentence) or _TERMS_OR_CONDITION.search(sentence):
            continue
        days: list[date] = []
        for value, (year, month, day) in find_dates(sentence):
            if _A_TERM.search(sentence[:sentence.find(value)]):
                continue  # "by December 2": a deadline, whatever else the sentence asks
            d = resolve_day(year, month, day, send_day)
            if d is not None:
                days.append(d)
        for n in named_days(sentence, send_day):
            if _A_TERM.search(sentence[:n.start]):
                continue
            days += [n.first + timedelta(days=i) for i in range((n.last - n.first).days + 1)]
        out.update(d for d in days if send_day < d <= send_day + timedelta(days=PROPOSAL_HORIZON_DAYS) and d.weekday() < 5)
    return frozenset(out)
