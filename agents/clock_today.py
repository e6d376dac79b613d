"""A term set at a clock time of the send day that has already passed when the message goes out (issue 11, wave 21;
set 29's 027 "antes de las 9:00 de hoy, hora peninsular" in a draft sent at 16:00 Madrid time).

The date checks (agents.timing) see days: "today" is the send day, never before it, so a term "by 9:00 today" looked
like a term on a day still open. It is not when 9:00 has gone by where the clock is read. The clock's zone is the one
the sentence names (hora peninsular, MEZ/MESZ, CET, heure de Paris, Eastern, a city's time) or else the recipient's
(contact's zone, else the company country's, agents.zones); the moment compared with is the send time (the run's
clock on the send day; a later send day starts at WORKDAY_START local). Only a term is judged (before/by/until/bis/
avant/antes de/hasta ... a clock time, with a word of today in the sentence): "your call this morning at 9:00" tells
of a moment past, which is no term.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from agents.city_zones import CITY_TIME, city_zone
from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.zones import recipient_timezone, zone

WORKDAY_START = time(9, 0)
"""A message scheduled for a later day goes out no earlier than this, local time."""

_TODAY = re.compile(
    r"\b(?:today|this (?:morning|afternoon|evening)|tonight|heute|heut|aujourd'hui|ce (?:matin|midi|soir)|"
    r"cet après-midi|hoy|esta (?:mañana|tarde|noche)|de hoy)\b", re.I)
_TERM = (r"before|by|until|till|no later than|not later than|latest|bis|spätestens|vor|avant|jusqu'à|d'ici|au plus tard|"
         r"antes de|hasta|a más tardar|como tarde|como muy tarde")
_CLOCK = re.compile(
    rf"\b(?P<term>{_TERM})\s+(?:(?P<art>las|la|um|à|at|the|de|den|le|el|heute|today|hoy|aujourd'hui)\s+){{0,3}}"
    r"(?:(?P<h>\d{1,2})(?:[:.h]\s?(?P<m>\d{2}))?\s*(?P<suffix>am|pm|a\.m\.|p\.m\.|uhr|h\b|horas?)?|"
    r"(?P<noon>noon|midday|mittag|12 uhr mittags|midi|mediodía|el mediodía))", re.I)
_OTHER_DAY = re.compile(
    r"\b(?:tomorrow|morgen|übermorgen|demain|(?<!esta )(?<!la )mañana|pasado mañana|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|next week|nächste\w* woche|"
    r"semaine prochaine|próxima semana|semana que viene)\b|\d{1,2}\s*(?:\.|de|er)?\s*(?:jan|feb|fév|mar|mär|apr|avr|abr|"
    r"ma[iy]|jun|juin|jul|juil|aug|ao|ago|sep|oct|okt|nov|dec|dez|déc|dic)", re.I)
"""Another day named by the term ("avant 10 h demain", "by 9:00 on Friday"): the day is that one, not today."""
_ZONES = (
    (r"hora peninsular|hora de madrid|hora española|horario peninsular", "Europe/Madrid"),
    (r"hora canaria|hora de canarias", "Atlantic/Canary"),
    (r"mesz|mez|(?-i:CEST|CET)\b|deutsche[rn]? zeit|heure de paris|heure française|heure de france|heure d'europe centrale|"
     r"central european(?: summer)? time|hora central europea", "Europe/Berlin"),
    (r"eastern(?: time)?|(?-i:E[SD]?T)\b|new york time", "America/New_York"),
    (r"central(?: time)?|(?-i:C[SD]T)\b", "America/Chicago"),
    (r"mountain(?: time)?|(?-i:M[SD]T)\b", "America/Denver"),
    (r"pacific(?: time)?|(?-i:P[SD]T)\b", "America/Los_Angeles"),
    (r"utc|gmt|uk time|british time|(?-i:BST)\b|london time|heure de londres", "Europe/London"),
)
_ZONE_RES = tuple((re.compile(rf"\b(?:{words})", re.I), name) for words, name in _ZONES)


def past_clock_terms(text: str, send_day: date, now: datetime, recipient_tz: str) -> list[str]:
    """Terms at a clock time of the send day (`text` normalised) already past at the send time."""
    if not _TODAY.search(text):
        return []  # nearly every draft: no word of today
    out = []
    for sentence in sentence_parts(text):
        if not _TODAY.search(sentence):
            continue
        for m in _CLOCK.finditer(sentence):
            at = _clock(m)
            near = sentence[max(0, m.start() - 40): m.end() + 40]
            if at is None or not _TODAY.search(near) or _OTHER_DAY.search(sentence[m.start(): m.end() + 25]):
                continue
            tz = _named_zone(sentence[m.end(): m.end() + 40]) or zone(recipient_tz) or ZoneInfo("UTC")
            sent = now.astimezone(tz)
            if send_day > sent.date():
                sent = datetime.combine(send_day, WORKDAY_START, tz)
            if datetime.combine(sent.date(), at, tz) <= sent:
                out.append(f"a term at {m.group(0).strip()!r} today is already past when the message goes out "
                           f"({sent.strftime('%H:%M')} {tz.key})")
    return out


def _clock(m: re.Match[str]) -> time | None:
    if m.group("noon"):
        return time(12, 0)
    hour, minute, suffix = int(m.group("h")), int(m.group("m") or 0), (m.group("suffix") or "").lower()
    if not m.group("m") and not suffix and (m.group("art") or "").lower() not in ("las", "la", "um", "à", "at"):
        return None  # "bis 9" with no clock mark is a count as often as an hour; "antes de las 9", "um 9" are hours
    if suffix.startswith("p") and hour < 12:
        hour += 12
    if suffix.startswith("a") and hour == 12:
        hour = 0
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _named_zone(after: str) -> ZoneInfo | None:
    city = CITY_TIME.match(after)
    if city and (name := city_zone(city)):
        return zone(name)
    head = after[:30]
    for pattern, name in _ZONE_RES:
        if pattern.search(head):
            return zone(name)
    return None


def draft_clock_terms(text: str, ctx: Context, to_contact_id: str, send_day: date) -> list[str]:
    """`past_clock_terms` of a draft, read in its recipient's zone (contact's, else company country's, else owner's)."""
    r = ctx.record
    to = next((c for c in r.contacts if c.id == to_contact_id), None)
    tz = recipient_timezone(to.timezone if to else None, r.company.country if r.company else None,
                            r.owner.timezone if r.owner else None)
    return past_clock_terms(normalise(text), send_day, ctx.now, tz)
