"""When a Lead's outcome happened: Salesforce gives a converted Lead a ConvertedDate (a date, no
time). The decisions of the day it was converted on were made before it (a converted lead is not
enriched again), so its outcome counts up to the end of that day, and never later than now."""

from __future__ import annotations

from datetime import UTC, datetime

from app.pipeline.outcome import outcome_time
from integrations.base import Record


def lead(close_date: str | None, kind: str = "won") -> Record:
    return Record(crm="salesforce", tenant_id="t", object_type="lead", id="00Q1", stage_kind=kind,
                  close_date=close_date)


def test_a_lead_converted_on_an_earlier_day_closes_at_the_end_of_that_day() -> None:
    now = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    at = outcome_time(lead("2026-11-20"), now=now)
    assert at == datetime(2026, 11, 20, 23, 59, 59, 999999, tzinfo=UTC)


def test_a_lead_converted_today_closes_now_so_this_mornings_decision_is_credited_and_nothing_later() -> None:
    now = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    assert outcome_time(lead("2026-12-04"), now=now) == now


def test_a_lead_closed_unconverted_closes_at_its_last_modification() -> None:
    at = outcome_time(lead("2026-11-21T16:05:00+00:00", "lost"), now=datetime(2026, 12, 4, tzinfo=UTC))
    assert at == datetime(2026, 11, 21, 16, 5, tzinfo=UTC)


def test_a_lead_without_a_close_date_closes_when_it_is_observed() -> None:
    now = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    assert outcome_time(lead(None), now=now) == now
