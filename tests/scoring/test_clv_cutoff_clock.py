"""The CLV model trained "now" is cut off at the current UTC moment whatever the server's time zone:
the CRM's purchase dates are UTC, and a cutoff read from the local wall clock dropped the last
hours' purchases on a server west of UTC (or took tomorrow's date east of it)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from scoring import train as train_module

from .data import crm_records


@pytest.fixture
def server_zone_on_another_day(monkeypatch):
    """The process's local zone set 12 hours from UTC on the side where the local date differs from UTC's now."""
    zone = "Etc/GMT+12" if datetime.now(UTC).hour < 12 else "Etc/GMT-12"  # POSIX signs: GMT+12 is UTC-12
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    assert datetime.now().date() != datetime.now(UTC).date()  # else the test proves nothing
    yield zone
    monkeypatch.undo()
    time.tzset()


def test_clv_trained_without_an_as_of_is_cut_off_at_the_utc_now_in_any_server_zone(server_zone_on_another_day, monkeypatch):
    seen = {}

    def train_clv(tx, cutoff, horizon_days, **kwargs):
        seen["cutoff"], seen["latest"] = cutoff, tx["date"].max()
        return None, {}, {}

    monkeypatch.setattr(train_module, "train_clv", train_clv)
    before = datetime.now(UTC).replace(tzinfo=None)
    train_module.train_from_records(crm_records(40, seed=2), "clv", min_closed=1)
    after = datetime.now(UTC).replace(tzinfo=None)
    assert before <= seen["cutoff"] <= after, (server_zone_on_another_day, seen["cutoff"], before)
    assert seen["latest"] <= seen["cutoff"]


def test_an_as_of_given_in_tokyo_time_cuts_off_at_the_same_utc_moment(monkeypatch):
    seen = {}
    monkeypatch.setattr(train_module, "train_clv", lambda tx, cutoff, horizon_days, **kw: seen.update(cutoff=cutoff))
    tokyo_evening = datetime(2027, 1, 1, 8, 30, tzinfo=UTC).astimezone(ZoneInfo("Asia/Tokyo"))
    train_module.train_from_records(crm_records(40, seed=2), "clv", min_closed=1, as_of=tokyo_evening)
    assert seen["cutoff"] == datetime(2027, 1, 1, 8, 30)
