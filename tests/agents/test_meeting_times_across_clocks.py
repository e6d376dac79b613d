"""Meeting slots and next-best-action due times hold at any send time: swept every 15 minutes over
the days around each daylight-saving change, a month end, the year end and a leap day, in zones on
both sides of UTC. The product takes the clock as an argument, so the sweep passes it in instead of
waiting for CI to run at the wrong hour (`make test-clock` covers the tests that read the clock)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.meeting_slots import BUSINESS_HOURS, proposed_slots
from agents.public_holidays import country_code, public_holiday
from agents.strategist import SCHEDULE_HOUR, WORKDAY_LAST_HOUR, WORKDAY_START_HOUR, schedule

MOMENTS = [  # (zone, a UTC instant the sweep is centred on, why)
    ("America/New_York", datetime(2027, 3, 14, 7, 0, tzinfo=UTC), "US daylight time starts"),
    ("America/Los_Angeles", datetime(2027, 11, 7, 9, 0, tzinfo=UTC), "US daylight time ends"),
    ("Europe/Berlin", datetime(2027, 3, 28, 1, 0, tzinfo=UTC), "EU summer time starts"),
    ("Europe/London", datetime(2027, 10, 31, 1, 0, tzinfo=UTC), "EU summer time ends"),
    ("Australia/Sydney", datetime(2027, 4, 3, 16, 0, tzinfo=UTC), "Sydney's daylight time ends"),
    ("Pacific/Auckland", datetime(2027, 9, 25, 14, 0, tzinfo=UTC), "Auckland's daylight time starts"),
    ("Asia/Tokyo", datetime(2026, 12, 31, 15, 0, tzinfo=UTC), "local midnight at the year end"),
    ("America/Los_Angeles", datetime(2027, 3, 1, 8, 0, tzinfo=UTC), "local midnight after a February month end"),
    ("UTC", datetime(2028, 2, 29, 12, 0, tzinfo=UTC), "a leap day"),
]


def sweep(centre: datetime) -> Iterator[datetime]:
    """Every 15 minutes from two days before `centre` to two days after (covers a weekend either way)."""
    at = centre - timedelta(days=2)
    while at <= centre + timedelta(days=2):
        yield at
        at += timedelta(minutes=15)


def local_wall(instant: datetime, zone: ZoneInfo) -> datetime:
    """The wall time a clock in `zone` shows at `instant` (a nonexistent local time comes back moved)."""
    return instant.astimezone(UTC).astimezone(zone)


@pytest.mark.parametrize(("zone_name", "centre", "why"), MOMENTS, ids=[m[2] for m in MOMENTS])
def test_meeting_slots_fall_in_the_recipients_business_hours_after_the_send_day_at_any_send_time(zone_name, centre, why):
    zone, code = ZoneInfo(zone_name), country_code(None, zone_name)
    for send in sweep(centre):
        send_day = send.astimezone(zone).date()
        for same_day in (False, True):
            for slot in proposed_slots(send, zone_name, same_day=same_day):
                seen = local_wall(slot, zone)
                where = f"sent {send.isoformat()} ({why}), same_day={same_day}: slot {slot.isoformat()}"
                assert seen.replace(tzinfo=None) == slot.replace(tzinfo=None), f"{where} is no wall time there"
                assert seen.weekday() < 5 and BUSINESS_HOURS[0] <= seen.hour < BUSINESS_HOURS[1], where
                assert slot > send and (same_day or seen.date() > send_day), where
                assert public_holiday(seen.date(), code) is None, where


@pytest.mark.parametrize(("zone_name", "centre", "why"), MOMENTS, ids=[m[2] for m in MOMENTS])
def test_next_best_actions_are_due_in_the_owners_working_hours_and_never_before_now(zone_name, centre, why):
    zone = ZoneInfo(zone_name)
    for now in sweep(centre):
        local_now = now.astimezone(zone)
        for timing in ("today", "next_business_day", "in_2_business_days", "next_week"):
            due = schedule(timing, local_now)
            seen = local_wall(due, zone)
            where = f"{timing} at {local_now.isoformat()} ({why}): due {due.isoformat()}"
            assert seen.replace(tzinfo=None) == due.replace(tzinfo=None), f"{where} is no wall time there"
            assert seen.weekday() < 5, where
            assert (WORKDAY_START_HOUR, 0) <= (seen.hour, seen.minute) <= (WORKDAY_LAST_HOUR, 30), where
            assert due >= now.replace(second=0, microsecond=0), where
            if timing != "today":
                assert seen.date() > local_now.date() and seen.hour in (WORKDAY_START_HOUR, SCHEDULE_HOUR), where


def test_a_buyer_who_asks_to_talk_today_on_good_friday_in_germany_is_offered_the_next_business_day():
    # Found by the sweep above: the same-day slot skipped weekends but not public holidays, so a
    # German buyer who asked to talk today on Karfreitag was offered 09:00 that day.
    send = datetime(2027, 3, 26, 6, 0, tzinfo=UTC)  # Good Friday, 07:00 in Berlin; Easter Monday follows
    slots = proposed_slots(send, "Europe/Berlin", same_day=True, country="Germany")
    assert [(s.date().isoformat(), s.hour) for s in slots] == [("2027-03-30", 10), ("2027-03-30", 14)]
    # An ordinary Friday still gets its same-day slot.
    slots = proposed_slots(datetime(2027, 3, 19, 6, 0, tzinfo=UTC), "Europe/Berlin", same_day=True, country="Germany")
    assert [(s.date().isoformat(), s.hour) for s in slots] == [("2027-03-19", 9), ("2027-03-22", 10)]
