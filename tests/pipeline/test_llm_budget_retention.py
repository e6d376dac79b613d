"""The LLM budget ledger (`llm_budget`) keeps a tenant's ended periods for `llm_budget_retention_days`,
then the daily retention job deletes them: one row per day and per month used to be kept forever.

A period is only deleted once it ended longer ago than the window, in the tenant's own budget time
zone, so no reservation or settlement in flight can still be booking against it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from agents.providers.base import Usage
from agents.providers.spend import spend_periods
from app import settings
from app.pipeline.llm_store import DbLedger
from app.retention import purge_expired
from app.storage import get_db
from app.storage.models import LlmBudget
from tests.privacy import retention_checks as checks

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
T = "hubspot-7001"
OTHER = "hubspot-7002"


@pytest.fixture
def tenants(app):
    return checks.two_tenants(app, "7001", "7002")


def book(app, tenant: str, *periods: str, usd: float = 1.25) -> None:
    with get_db(app).session() as s:
        for period in periods:
            s.add(LlmBudget(tenant_id=tenant, period=period, committed_usd=usd))


def kept(app, tenant: str = T) -> list[str]:
    with get_db(app).session() as s:
        return sorted(s.execute(select(LlmBudget.period).where(LlmBudget.tenant_id == tenant)).scalars())


def test_the_default_keeps_ninety_days_of_ended_periods_and_every_period_still_running(tenants):
    # 90 days before 2026-12-04 10:00 UTC is 2026-09-05 10:00: 2026-09-04 ended at midnight before it,
    # 2026-09-05 ends after it; August ended before it, September after.
    book(tenants, T, "2026-08", "2026-09", "2026-12", "2026-09-04", "2026-09-05", "2026-12-04")

    result = purge_expired(tenants, T, now=NOW)

    assert result["llm_budget_retention_days"] == 90
    assert result["deleted"]["llm_budget"] == 2
    assert kept(tenants) == ["2026-09", "2026-09-05", "2026-12", "2026-12-04"]


def test_a_period_ends_at_midnight_in_the_tenants_budget_time_zone_not_in_utc(tenants):
    # At 2026-12-04 14:00 UTC the cutoff is 2026-09-05 14:00 UTC, already 02:00 on 6 September in
    # Auckland (NZST, +12): Auckland's 5 September ended before the cutoff, UTC's did not yet.
    settings.update(tenants, T, {"budget_timezone": "Pacific/Auckland"}, author="finance@example.com")
    book(tenants, T, "2026-09-05", "2026-09-06")
    book(tenants, OTHER, "2026-09-05", "2026-09-06")

    now = NOW.replace(hour=14)
    assert purge_expired(tenants, T, now=now)["deleted"]["llm_budget"] == 1
    assert purge_expired(tenants, OTHER, now=now)["deleted"]["llm_budget"] == 0

    assert kept(tenants, T) == ["2026-09-06"]
    assert kept(tenants, OTHER) == ["2026-09-05", "2026-09-06"]


def test_one_tenants_purge_never_deletes_another_tenants_ledger(tenants):
    settings.update(tenants, T, {"llm_budget_retention_days": 7}, author="finance@example.com")
    book(tenants, T, "2026-10", "2026-10-01")
    book(tenants, OTHER, "2026-10", "2026-10-01")

    assert purge_expired(tenants, T, now=NOW)["deleted"]["llm_budget"] == 2

    assert kept(tenants, T) == []
    assert kept(tenants, OTHER) == ["2026-10", "2026-10-01"]


def test_a_second_purge_deletes_nothing_and_the_running_month_still_holds_its_spend(tenants):
    ledger = DbLedger(tenants)
    periods = spend_periods(NOW, tz="UTC", monthly_cap_usd=1.0, daily_cap_usd=0.5)
    assert ledger.reserve(T, periods, 0.30) is None
    ledger.settle(T, periods, 0.30, Usage("openai", "gpt-4o-mini", input_tokens=900, output_tokens=150,
                                          cost_usd=0.02, role="writer"), record_id="deal-42")
    book(tenants, T, "2025-01", "2025-01-31")

    first = purge_expired(tenants, T, now=NOW)["deleted"]["llm_budget"]
    second = purge_expired(tenants, T, now=NOW)["deleted"]["llm_budget"]

    assert (first, second) == (2, 0)
    assert ledger.spent(T, "2026-12") == pytest.approx(0.02)
    assert ledger.spent(T, "2026-12-04") == pytest.approx(0.02)
    # ... and the cap still bites on the rows the purge kept.
    assert ledger.reserve(T, periods, 0.99) is not None


def test_workers_purging_at_the_same_moment_delete_each_row_once_and_neither_fails(tenants):
    days = [(datetime(2025, 1, 1) + timedelta(days=n)).strftime("%Y-%m-%d") for n in range(120)]
    book(tenants, T, *days)
    checks.concurrent_purges_delete_once(tenants, T, "llm_budget", now=NOW, rows=120, kept=lambda: kept(tenants))


def test_the_scheduled_retention_job_purges_the_ledger_and_audits_what_it_deleted(tenants):
    book(tenants, T, "2020-01", "2020-01-15", datetime.now(UTC).strftime("%Y-%m"))
    checks.scheduled_purge_audits(tenants, T, "llm_budget", deleted=2, window_key="llm_budget_retention_days", days=90)


def test_privacy_purge_on_the_command_line_reports_the_ledger_rows_it_deleted(tenants):
    book(tenants, T, "2020-01")
    checks.command_line_purge_reports(tenants, T, "llm_budget", deleted=1)


@pytest.mark.parametrize("value", ["6", "0", "3651", "ninety"])
def test_a_window_outside_seven_days_to_ten_years_is_refused_naming_the_setting(tenants, value):
    checks.window_refused(tenants, T, "llm_budget_retention_days", value)
