"""The LLM budget as revops and finance use it in the console, in Debian's chromium (Playwright)
against the app served over HTTP with the HubSpot sandbox: sign in with the CRM, set a monthly
and a daily cap in the Berlin time zone, see month-to-date spend turn amber past 80% and the day
say it is capped, mistype the time zone and be told which field, download the month's CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from tests.admin.test_journeys_in_browser import shot, sign_in_with_crm

pytestmark = pytest.mark.timeout(240)


def _book(live, cost: float, record_id: str) -> None:
    from app.storage import get_db
    from app.storage.models import LlmUsage

    with get_db(live.app).session() as s:
        s.add(LlmUsage(tenant_id=live.tenant_id, at=datetime.now(UTC), role="writer", provider="openai",
                       model="gpt-4o-mini", input_tokens=9000, output_tokens=800, cost_usd=cost, record_id=record_id))


def test_revops_sets_a_budget_sees_spend_against_it_and_downloads_the_month(live, browser):
    page = sign_in_with_crm(browser, live)
    page.click("nav >> text=LLM")
    assert page.locator("h1").inner_text() == "LLM vendors and spend"
    assert "of the $50.00 monthly cap (0%)" in page.locator("#budget-monthly").inner_text()

    page.fill("#in-budget_timezone", "Europe/Atlantis")
    page.click("#save")
    assert "budget_timezone=Europe/Atlantis is not a time zone" in page.locator("#form-error").inner_text()
    page.fill("#in-monthly_spend_cap_usd", "10")
    page.fill("#in-daily_spend_cap_usd", "1")
    page.fill("#in-budget_timezone", "Europe/Berlin")
    page.click("#save")
    assert "Saved as version" in page.locator("#saved").inner_text()

    _book(live, 8.2, "d-1")
    _book(live, 0.4, "d-2")
    page.reload()
    monthly = page.locator("#budget-monthly")
    assert "budget-warning" in monthly.get_attribute("class")
    assert "$8.60 spent or in flight of the $10.00 monthly cap (86%)" in monthly.inner_text()
    assert "Europe/Berlin" in monthly.inner_text()
    daily = page.locator("#budget-daily")
    assert "budget-capped" in daily.get_attribute("class") and "offline templates" in daily.inner_text()
    assert "$4.3000 per enriched record" in page.locator("#cost-per-record").inner_text()
    shot(page, "20-llm-budget")

    # The link as the signed-in browser follows it (its session cookie, its URL).
    href = page.locator("#usage-csv").get_attribute("href")
    resp = page.context.request.get(f"{live.url}{href}")
    assert resp.ok and "attachment" in resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.text())))
    assert [(r["provider"], r["model"], r["calls"], r["records"]) for r in rows] == [
        ("openai", "gpt-4o-mini", "2", "2")]
    assert float(rows[0]["cost_usd"]) == pytest.approx(8.6)
