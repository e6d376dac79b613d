"""The per-call LLM usage (`llm_usage`, one row per vendor answer) is kept for the tenant's
`llm_usage_retention_days`, then the daily retention job deletes it: it used to grow forever.

Whole budget months go, never part of one: a month's export (`agentic-sales costs export`) is either
complete or empty, and the running and previous months always stay, with the 30 days the cost
estimate reads and the current month the console's budget lines fall back to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app import settings
from app.admin.usage import budget, export_rows, this_month
from app.retention import purge_expired
from app.storage import get_db
from app.storage.models import LlmUsage
from tests.privacy import retention_checks as checks

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
T = "hubspot-7101"
OTHER = "hubspot-7102"


@pytest.fixture
def tenants(app):
    return checks.two_tenants(app, "7101", "7102")


def book(app, tenant: str, *ats: datetime, usd: float = 0.01) -> None:
    with get_db(app).session() as s:
        for n, at in enumerate(ats):
            s.add(LlmUsage(tenant_id=tenant, at=at, role="writer", provider="openai", model="gpt-4o-mini",
                           input_tokens=900, output_tokens=150, cost_usd=usd, record_id=f"deal-{n}"))


def kept(app, tenant: str = T) -> list[str]:
    with get_db(app).session() as s:
        ats = s.execute(select(LlmUsage.at).where(LlmUsage.tenant_id == tenant).order_by(LlmUsage.at)).scalars()
        return [at.strftime("%Y-%m-%d %H:%M") for at in ats]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_the_default_keeps_four_hundred_days_rounded_back_to_the_start_of_that_month(tenants):
    # 400 days before 2026-12-04 is 2025-10-30: October 2025 is kept whole, September 2025 goes.
    book(tenants, T, utc(2025, 9, 30, 23, 59), utc(2025, 10, 1, 0, 0), utc(2025, 10, 2), utc(2026, 12, 4, 9))

    result = purge_expired(tenants, T, now=NOW)

    assert result["llm_usage_retention_days"] == 400
    assert result["deleted"]["llm_usage"] == 1
    assert kept(tenants) == ["2025-10-01 00:00", "2025-10-02 00:00", "2026-12-04 09:00"]


def test_a_months_export_is_complete_or_empty_never_cut_in_the_middle(tenants):
    settings.update(tenants, T, {"llm_usage_retention_days": 45}, author="finance@example.com")
    # 45 days before 2026-12-04 is 2026-10-20: the whole of October stays, September goes.
    book(tenants, T, *(utc(2026, 9, d) for d in (1, 15, 30)), *(utc(2026, 10, d) for d in (1, 19, 21, 31)))

    purge_expired(tenants, T, now=NOW)

    with get_db(tenants).session() as s:
        september = export_rows(s, T, "2026-09", "UTC", {})
        october = export_rows(s, T, "2026-10", "UTC", {})
    assert september == []
    assert sum(row["calls"] for row in october) == 4


def test_the_month_ends_at_midnight_in_the_tenants_budget_time_zone(tenants):
    # Auckland (NZDT, +13 in October): its October began at 2026-09-30 11:00 UTC, so a call at
    # 2026-09-30 12:00 UTC belongs to Auckland's October and stays with it.
    settings.update(tenants, T, {"budget_timezone": "Pacific/Auckland", "llm_usage_retention_days": 45},
                    author="finance@example.com")
    book(tenants, T, utc(2026, 9, 30, 10, 0), utc(2026, 9, 30, 12, 0))

    assert purge_expired(tenants, T, now=NOW)["deleted"]["llm_usage"] == 1

    assert kept(tenants) == ["2026-09-30 12:00"]


def test_the_console_and_the_estimate_still_see_this_month_and_the_last_thirty_days(tenants):
    settings.update(tenants, T, {"llm_usage_retention_days": 31}, author="finance@example.com")
    book(tenants, T, *(NOW - timedelta(days=d) for d in range(0, 40)), usd=0.02)

    purge_expired(tenants, T, now=NOW)

    with get_db(tenants).session() as s:
        month = this_month(s, T, NOW)
        lines = budget(s, T, settings.get(tenants, T).settings, NOW)
        oldest = s.execute(select(func.min(LlmUsage.at)).where(LlmUsage.tenant_id == T)).scalar_one()
    assert month["total"]["calls"] == 4  # 1 to 4 December
    assert lines[0].committed_usd == pytest.approx(0.08)
    # The previous month is whole, and with it the estimate's 30 days (app/llm_estimate.py).
    assert oldest.replace(tzinfo=UTC) <= NOW - timedelta(days=30)
    assert kept(tenants)[0] == "2026-11-01 10:00"


def test_one_tenants_purge_never_deletes_another_tenants_usage(tenants):
    book(tenants, T, utc(2020, 1, 5))
    book(tenants, OTHER, utc(2020, 1, 5))

    assert purge_expired(tenants, T, now=NOW)["deleted"]["llm_usage"] == 1

    assert kept(tenants, T) == []
    assert kept(tenants, OTHER) == ["2020-01-05 00:00"]


def test_a_second_purge_deletes_nothing(tenants):
    book(tenants, T, utc(2020, 1, 5), utc(2020, 2, 5), utc(2026, 12, 1))

    first = purge_expired(tenants, T, now=NOW)["deleted"]["llm_usage"]
    second = purge_expired(tenants, T, now=NOW)["deleted"]["llm_usage"]

    assert (first, second) == (2, 0)
    assert kept(tenants) == ["2026-12-01 00:00"]


def test_workers_purging_at_the_same_moment_delete_each_row_once_and_neither_fails(tenants):
    book(tenants, T, *(utc(2024, 1, 1) + timedelta(hours=n) for n in range(300)))
    checks.concurrent_purges_delete_once(tenants, T, "llm_usage", now=NOW, rows=300, kept=lambda: kept(tenants))


def test_the_scheduled_retention_job_purges_usage_and_audits_the_window(tenants):
    book(tenants, T, utc(2020, 1, 5), datetime.now(UTC))
    checks.scheduled_purge_audits(tenants, T, "llm_usage", deleted=1, window_key="llm_usage_retention_days", days=400)


def test_privacy_purge_on_the_command_line_reports_the_usage_rows_it_deleted(tenants):
    book(tenants, T, utc(2020, 1, 5))
    checks.command_line_purge_reports(tenants, T, "llm_usage", deleted=1)


@pytest.mark.parametrize("value", ["30", "0", "3651", "forever"])
def test_a_window_shorter_than_a_month_or_longer_than_ten_years_is_refused_naming_the_setting(tenants, value):
    checks.window_refused(tenants, T, "llm_usage_retention_days", value)
