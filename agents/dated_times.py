"""A meeting's clock time said again without its day, where the same draft gives that day (issue 11, wave 30, set
39's 084).

agents.timing reads a meeting time with no day in its sentence as today's ("a call at 4 pm your time"). A draft that
proposes "Thursday, December 3 at 9 am Central ... for a 30-minute walkthrough" and says elsewhere "the walkthrough
would start at 9 am Central" names one meeting twice: the second sentence points back at the first with a definite
article ("the walkthrough", "der Termin", "l'appel", "la llamada"), and its day is the first one's.

So a dayless time is that meeting's when all of these hold: the sentence names the meeting with a definite article or
a possessive; another sentence of the draft names the same kind of meeting with a day after the send day; and every
clock time of the dayless sentence is one of that sentence's times. "I'll call you at 9 am" (no meeting named back),
"the walkthrough starts at 4 pm" beside a 9 am proposal, or a meeting whose only day is the send day stay refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from agents.calendar_days import resolve_day
from agents.facts import find_dates
from agents.meeting_today_words import SAID_TODAY
from agents.written_days import WEEKDAY_NUMBERS, days_of_month, this_weekdays

_MEETING = (
    r"walk-?\s?through|call|meeting|demo|demonstration|session|review|appointment|conversation|catch-?up|"
    r"termin|gespräch|telefonat|besprechung|anruf|videocall|videokonferenz|vorführung|durchsprache|"
    r"rendez-vous|appel|réunion|échange|visio|démonstration|entretien|point|"
    r"llamada|reunión|cita|videollamada|demostración|sesión|revisión|conversación"
)
_MEETING_NOUN = re.compile(rf"\b({_MEETING})\b", re.I)
_NAMED_BACK = re.compile(
    r"(?:\b(?:the|this|that|our|your|der|die|das|den|dem|des|unser\w*|ihr\w*|le|la|notre|votre|ce|cet|cette|el|"
    r"nuestr[oa]|su|est[ea])\s+(?:[\w-]+\s+){0,2}|\bl['’]\s*)"
    rf"({_MEETING})\b",
    re.I,
)
"""The meeting named back: "the walkthrough", "the 30-minute call", "der Termin", "l'appel", "la llamada"."""


def _stem(noun: str) -> str:
    return re.sub(r"[\s-]", "", noun.lower())[:5]


_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAY_NUMBERS, key=len, reverse=True)) + r")\b", re.I)


def _days(sentence: str, send_day: date) -> set[date]:
    """The days a sentence names: its dates, "this Thursday", "the 3rd", and a bare weekday as the next one to come."""
    days = {d for _v, (y, m, dd) in find_dates(sentence) if (d := resolve_day(y, m, dd, send_day))}
    days |= {w.day for w in (*this_weekdays(sentence, send_day), *days_of_month(sentence, send_day))}
    for m in _WEEKDAY.finditer(sentence):
        # the send day's own weekday is the send day, no day after it
        days.add(send_day + timedelta(days=(WEEKDAY_NUMBERS[m.group(1).lower()] - send_day.weekday()) % 7))
    return days


def meeting_time_dated_elsewhere(sentence: str, sentences: Iterable[str], send_day: date) -> bool:
    """Whether `sentence`'s clock times are those of a meeting it names back, which another of the draft's
    `sentences` puts on a day after `send_day`."""
    from agents.clock_times import clock_hours  # noqa: PLC0415 - clock_times reads agents.timing, which reads this

    named = {_stem(m.group(1)) for m in _NAMED_BACK.finditer(sentence)}
    hours = {round(h, 2) for _v, h, _tz in clock_hours(sentence)}
    if not named or not hours:
        return False
    for other in sentences:
        if other == sentence or not ({_stem(m.group(1)) for m in _MEETING_NOUN.finditer(other)} & named):
            continue
        if not any(d > send_day for d in _days(other, send_day)):
            continue
        if hours <= {round(h, 2) for _v, h, _tz in clock_hours(other)}:
            return True
    return False


_OTHERWISE = re.compile(r"\b(?:otherwise|or else|alternatively|instead|sonst|andernfalls|alternativ|sinon|autrement|"
                        r"si no|de lo contrario|o bien)\b", re.I)
_SAYS_TODAY = re.compile(rf"\b(?:{SAID_TODAY})\b", re.I)
"""A time said to be today's is today's, whatever day the sentence before names (set 47's 029: "You will have it by
Friday, November 27, in time for the December budget review. I will ring you at 3:30 pm Central today")."""


def times_for_the_day_before(sentence: str, previous: str, send_day: date) -> bool:
    """Whether `sentence`'s dayless clock times complete the meeting `previous` proposes on a later day with no time
    of its own (wave 41, qual41: "Could we find 30 minutes on Tuesday, December 1? 10 am or 2 pm Central both work on
    my side."; "Passt Ihnen Dienstag, 1. Dezember? 10 oder 14 Uhr gingen bei mir."). An alternative ("Otherwise I
    can call at 4 pm", "sinon à 16 h") is another moment, so it stays dayless."""
    from agents.clock_times import clock_hours  # noqa: PLC0415 - clock_times reads agents.timing, which reads this

    if not previous or not clock_hours(sentence) or clock_hours(previous) or _OTHERWISE.search(sentence) \
            or _SAYS_TODAY.search(sentence):
        return False
    if "?" not in previous and not _MEETING_NOUN.search(previous):
        return False  # the sentence before proposes no meeting: "The proposal reaches you on Friday."
    days = {d for _v, (y, m, dd) in find_dates(previous) if (d := resolve_day(y, m, dd, send_day))} \
        or _days(previous, send_day)
    return bool(days) and all(d > send_day for d in days)


_AT_THE_MEETING = re.compile(
    r"\b(?:beim|bei\s+dem|sobald|wenn|once|when|as\s+soon\s+as|after|before|during|dès|lors|pendant|après|avant|quand|"
    r"cuando|en\s+cuanto|durante|tras|después|antes)\s+(?:[\w'’-]+\s+){0,3}?" + rf"({_MEETING})\b",
    re.I,
)
"""A moment set by the meeting itself: "beim Termin", "once the call starts", "dès le rendez-vous", "cuando empiece
la reunión" (wave 33, set 42's de-g7)."""


def anchor_is_a_dated_meeting(sentence: str, sentences: Iterable[str], send_day: date) -> bool:
    """Whether `sentence`'s moment is a meeting ("Soll Herr Weber beim Termin dabei sein?") that another of the draft's
    `sentences` puts on a day after `send_day` with a meeting noun or a clock time ("3. Gemeinsame Durchsicht am
    Mittwoch, 2. Dezember, 10 Uhr"): that meeting's day, not a moment of the buyer's working day today."""
    from agents.clock_times import clock_hours  # noqa: PLC0415 - clock_times reads agents.timing, which reads this

    if not _AT_THE_MEETING.search(sentence):
        return False
    for other in sentences:
        if other == sentence or not (_MEETING_NOUN.search(other) or clock_hours(other)):
            continue
        # its written dates when it has some ("Mittwoch, 2. Dezember" is the 2nd, not the send day's Wednesday)
        days = {d for _v, (y, m, dd) in find_dates(other) if (d := resolve_day(y, m, dd, send_day))} \
            or _days(other, send_day)
        if days and all(d > send_day for d in days):
            return True
    return False
