"""The meeting slots and the deadline a draft may offer: business days after the send day in the recipient's zone, no
public holiday where the recipient is, and a close date far enough ahead to be fair (agents.timing checks any draft
against the same rules)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from agents.public_holidays import country_code, day_off, public_holiday
from agents.zones import zone

SLOT_HOURS = (10, 14)
"""Local hours (recipient's zone) of the two meeting slots a draft proposes."""

BUSINESS_HOURS = (9, 17)
"""Recipient-local hours a proposed meeting must start within."""

DEADLINE_MIN_DAYS = 2
"""A deadline offered to the buyer is at least this many days after the send day."""


def proposed_slots(
    send_at: datetime, tz_name: str, *, same_day: bool = False, country: str | None = None
) -> list[datetime]:
    """Two meeting slots in the recipient's zone, on business days after the send day that are no public holiday
    where the recipient is.

    Args:
        send_at: when the message goes out (aware).
        tz_name: the recipient's IANA zone.
        same_day: the buyer asked to talk today; then a slot later that day is fine when today is a
            business day (no weekend, no public holiday where the recipient is) that still has room.
        country: the recipient's country as the record gives it (else the zone's).
    """
    code = country_code(country, tz_name)
    tz = zone(tz_name) or ZoneInfo("UTC")
    local = send_at.astimezone(tz)
    slots: list[datetime] = []
    if same_day and local.weekday() < 5 and not public_holiday(local.date(), code):
        later = (local + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
        if later.date() == local.date() and BUSINESS_HOURS[0] <= later.hour < BUSINESS_HOURS[1]:
            slots.append(later)
    day = local.date()
    while len(slots) < 2:
        day += timedelta(days=1)
        # a slot we choose avoids the customary days off too (the day after Thanksgiving, Heiligabend)
        if day.weekday() >= 5 or day_off(day, code):
            continue
        for hour in SLOT_HOURS:
            if len(slots) < 2:
                slots.append(datetime.combine(day, time(hour), tzinfo=tz))
    return slots


def deadline_date(close: date | None, send_day: date) -> date | None:
    """The close date as a deadline to offer, or None when it is past or too close to be fair."""
    if close is None or close < send_day + timedelta(days=DEADLINE_MIN_DAYS):
        return None
    return close


def answer_day(send_day: date) -> date:
    """The day a draft promises its answer for: the next weekday after the day it is sent (agents.writer's answer_by;
    app.pipeline.meeting_times says it again when the decision sends the draft later)."""
    return next(d for d in (send_day + timedelta(days=n) for n in range(1, 5)) if d.weekday() < 5)


def working_hours_after(start: datetime, hours: int, tz_name: str, country: str | None = None) -> datetime:
    """`start` plus `hours` of the recipient's working time (business hours on business days, no public holiday
    or customary day off where the recipient is), in the recipient's zone."""
    tz = zone(tz_name) or ZoneInfo("UTC")
    code = country_code(country, tz_name)
    at, left = start.astimezone(tz), timedelta(hours=hours)
    while True:
        day_start = at.replace(hour=BUSINESS_HOURS[0], minute=0, second=0, microsecond=0)
        day_end = at.replace(hour=BUSINESS_HOURS[1], minute=0, second=0, microsecond=0)
        if at.weekday() < 5 and not day_off(at.date(), code) and at < day_end:
            at = max(at, day_start)
            if at + left <= day_end:
                return at + left
            left -= day_end - at
        at = (at + timedelta(days=1)).replace(hour=BUSINESS_HOURS[0], minute=0, second=0, microsecond=0)


def slots_after(
    slots: list[datetime], earliest: datetime, tz_name: str, country: str | None
) -> list[datetime]:
    """`slots` with each one before `earliest` replaced by the next one the writer could have proposed (its hours,
    on a business day that is no day off where the recipient is), in order."""
    tz = zone(tz_name) or ZoneInfo("UTC")
    code = country_code(country, tz_name)
    out = [s for s in slots if s >= earliest]
    day = earliest.astimezone(tz).date()
    while len(out) < len(slots):
        if day.weekday() < 5 and not day_off(day, code):
            for hour in SLOT_HOURS:
                slot = datetime.combine(day, time(hour), tzinfo=tz)
                if slot >= earliest and slot not in out and len(out) < len(slots):
                    out.append(slot)
        day += timedelta(days=1)
    return sorted(out)
