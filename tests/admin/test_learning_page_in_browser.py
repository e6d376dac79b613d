"""The learning report page as revenue ops meets it in Debian's chromium (Playwright) against the app served over
HTTP: the first view of a report nobody computed yet answers at once with "computing since", and the report appears
in place when the worker is done, with no reload; a failed computation shows its error and "Try again" computes it."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from tests.learning.logged import log_decisions

pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def fresh_tenant(live: Any, monkeypatch: Any) -> Any:
    """The live tenant with decisions logged and no report stored yet; the page polls every second."""
    from sqlalchemy import delete

    from app import defaults
    from app.storage import get_db
    from app.storage.models import Action, ReportCache

    monkeypatch.setattr(defaults, "LEARNING_PAGE_POLL_SECONDS", 1)
    with get_db(live.app).session() as s:
        s.execute(delete(ReportCache).where(ReportCache.tenant_id == live.tenant_id))
        s.execute(delete(Action).where(Action.tenant_id == live.tenant_id, Action.kind == "strategy_choice"))
    log_decisions(live.app, live.tenant_id, n=12, outcomes=False)
    return live


def hold_computations(monkeypatch: Any, *, fail_first: bool = False) -> threading.Event:
    import learning.report

    real = learning.report.summarise
    gate = threading.Event()
    calls: list[int] = []

    def held(rows: Any, **kw: Any) -> Any:
        calls.append(len(rows))
        assert gate.wait(60)
        if fail_first and len(calls) == 1:
            raise ValueError("3 logged decisions have no propensity")
        return real(rows, **kw)

    monkeypatch.setattr(learning.report, "summarise", held)
    gate.calls = calls  # type: ignore[attr-defined]
    return gate


def test_the_first_view_answers_at_once_and_the_report_appears_in_place_when_computed(
        fresh_tenant, admin_page, monkeypatch):
    gate = hold_computations(monkeypatch)
    try:
        began = time.monotonic()
        admin_page.goto(f"{fresh_tenant.url}/admin/t/{fresh_tenant.tenant_id}/learning", wait_until="domcontentloaded")
        assert time.monotonic() - began < 1.0
        status = admin_page.locator("#report-status")
        assert status.get_attribute("role") == "status"
        assert "Computing this report since" in status.inner_text()
        assert "refreshes every 1 s" in status.inner_text()
        assert admin_page.locator(".learning").count() == 0
        admin_page.evaluate("window.stayed = true")  # gone if the page reloads instead of updating in place
        gate.set()
        admin_page.wait_for_selector("#report-fresh", timeout=30_000)
        assert "12 decisions" in admin_page.locator(".learning").inner_text()
        assert admin_page.evaluate("window.stayed") is True
        assert gate.calls == [12]  # type: ignore[attr-defined]
    finally:
        gate.set()


def test_a_failed_computation_shows_its_error_and_try_again_brings_the_report(fresh_tenant, admin_page, monkeypatch):
    gate = hold_computations(monkeypatch, fail_first=True)
    gate.set()
    admin_page.goto(f"{fresh_tenant.url}/admin/t/{fresh_tenant.tenant_id}/learning")
    admin_page.wait_for_selector("#report-failed", timeout=30_000)
    assert "ValueError: 3 logged decisions have no propensity" in admin_page.locator("#report-failed").inner_text()
    admin_page.reload()
    assert admin_page.locator("#report-failed").count() == 1  # a reload does not start it again by itself
    assert gate.calls == [12]  # type: ignore[attr-defined]
    with admin_page.expect_navigation():
        admin_page.get_by_role("button", name="Try again").click()
    admin_page.wait_for_selector("#report-fresh", timeout=30_000)
    assert "12 decisions" in admin_page.locator(".learning").inner_text()
    assert admin_page.locator("#report-failed").count() == 0
    assert gate.calls == [12, 12]  # type: ignore[attr-defined]
