"""The learning report where revenue ops meet it: a tab of the tenant's console, under its access
rules, saying in words when there is nothing to chart yet; and opened in a browser (Playwright,
Debian's chromium) from the console's navigation, before outcomes, just after them (the earlier report, marked as
such) and once the worker has recomputed it."""

from __future__ import annotations

import time

import pytest

from tests.a11y.audit import barred, run_axe
from tests.a11y.conftest import axe  # noqa: F401  (fixture)
from tests.admin.conftest import browser, console, crm_session  # noqa: F401  (fixtures)
from tests.admin.test_learning_report_cache import settled
from tests.cards.browser import require_chromium
from tests.learning.logged import add_outcomes, log_decisions

A, B = "hubspot-101", "hubspot-202"


def test_the_console_links_the_learning_report_and_it_shows_the_tenants_own_estimates(console):  # noqa: F811
    log_decisions(console, A)
    client = crm_session(console.test_client(), A, "ann@a.example")
    health = client.get(f"/admin/t/{A}/").get_data(as_text=True)
    assert f'href="/admin/t/{A}/learning"' in health and ">Learning report<" in health
    text = settled(client, f"/admin/t/{A}/learning")  # a first view says it is computing, then shows it
    assert "40 decisions, 40 with an outcome" in text
    assert "Estimated by adaptively weighted AIPW" in text and "<td>adaptively weighted AIPW</td>" in text
    assert 'aria-current="page">Learning report<' in text


def test_another_accounts_user_cannot_read_the_report_and_a_stranger_is_sent_to_sign_in(console):  # noqa: F811
    log_decisions(console, A)
    other = crm_session(console.test_client(), B, "bob@b.example")
    refused = other.get(f"/admin/t/{A}/learning")
    assert refused.status_code == 403 and "40 decisions" not in refused.get_data(as_text=True)
    stranger = console.test_client().get(f"/admin/t/{A}/learning")
    assert stranger.status_code in (302, 303) and "/admin/login" in stranger.headers["Location"]


def test_a_tenant_with_decisions_but_no_outcome_reads_why_there_is_no_chart(console):  # noqa: F811
    log_decisions(console, A, n=5, outcomes=False)
    text = settled(crm_session(console.test_client(), A, "ann@a.example"), f"/admin/t/{A}/learning")
    assert "5 decisions, 0 with an outcome" in text and "No outcomes yet" in text
    assert 'alt="Cumulative reward by policy (running mean)"' not in text


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    from tests.admin.live import live_console

    require_chromium()
    with live_console(tmp_path_factory.mktemp("learning")) as handle:
        handle.install()
        yield handle


@pytest.mark.timeout(240)
def test_revenue_ops_opens_the_learning_report_from_the_console_before_and_after_outcomes(live, browser, axe):  # noqa: F811
    from tests.admin.test_journeys_in_browser import shot, sign_in_with_crm

    log_decisions(live.app, live.tenant_id, n=30, outcomes=False)
    page = sign_in_with_crm(browser, live)
    page.click("nav[aria-label=Console] >> text=Learning report")
    page.wait_for_url(f"**/admin/t/{live.tenant_id}/learning")
    assert page.locator("h1").inner_text() == "Learning report: Deals"
    # Nobody opened it before: computed in the background, and it appears in place (no view waits for it).
    page.wait_for_selector("#report-fresh", timeout=60_000)
    main = page.locator("main").inner_text()
    assert "30 decisions, 0 with an outcome" in main and "No outcomes yet" in main
    assert page.locator("img[alt='Cumulative reward by policy (running mean)']").count() == 0
    assert page.locator("img[alt='Arm shares by week']").count() == 1

    from app.dispatch import get_dispatcher

    get_dispatcher(live.app).backend.start()  # the embedded worker and its scheduler, as `agentic-sales serve` starts them
    live.app.config["LEARNING_REPORT_DELAY_SECONDS"] = 0  # the refresh at the scheduler's next tick, not in a minute
    assert add_outcomes(live.app, live.tenant_id) == 30
    page.reload()
    # At once, the report shown is the one computed before the outcomes, and it says so (app/admin/learning_report.py).
    stale = page.locator("#report-stale")
    assert stale.count() == 1 and "not in it yet" in stale.inner_text() and "computed at" in stale.inner_text()
    assert "30 decisions, 0 with an outcome" in page.locator("main").inner_text()
    shot(page, "30-learning-report-stale")
    assert barred(run_axe(page, axe)) == []
    # The embedded worker's scheduler runs the refresh; the page is current once it has (no view computes it).
    deadline = time.monotonic() + 90
    while page.locator("#report-fresh").count() == 0 and time.monotonic() < deadline:
        time.sleep(1.0)
        page.reload()
    main = page.locator("main").inner_text()
    assert page.locator("#report-stale").count() == 0
    assert "30 decisions, 30 with an outcome" in main and "No outcomes yet" not in main
    assert "Estimated by adaptively weighted AIPW" in main
    rows = page.locator(".learning table").first.locator("tr")
    arms = {rows.nth(i).locator("td").first.inner_text() for i in range(1, rows.count())}
    assert {"social_proof", "education_nurture", "uniform_random"} <= arms
    img = page.locator("img[alt='Cumulative reward by policy (running mean)']")
    assert img.count() == 1 and img.evaluate("i => i.naturalWidth") > 100  # drawn, not a broken image
    shot(page, "30-learning-report")
    assert barred(run_axe(page, axe)) == []  # WCAG 2.2 AA, as tests/a11y checks the other tabs

    # A HubSpot account's leads are contacts and the app enriches none: no "Salesforce Leads" tab to land on
    # an empty report (the Salesforce side: tests/admin/test_learning_report_kinds.py).
    assert page.locator("nav[aria-label='Whose decisions']").count() == 0
    assert "Salesforce Leads" not in page.locator("main").inner_text()
