"""The console as revenue ops and a CRM admin use it, in Debian's chromium (Playwright) against
the app served over HTTP with the HubSpot sandbox: install → install page → health; sign in with
the CRM → edit a mapping → preview → save → the next enrichment uses it → undo; the discount cap
refuses a draft above it. Screenshots go to test-artifacts/console/ (CI artefacts, not committed)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.admin.live import live_console
from tests.cards.browser import CHROMIUM, LAUNCH_ARGS, require_chromium

pytestmark = pytest.mark.timeout(240)
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "console"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    require_chromium()
    with live_console(tmp_path_factory.mktemp("console")) as handle:
        yield handle


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_install_ends_on_a_page_that_leads_to_the_install_health(live, browser):
    started = time.monotonic()
    page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    page.goto(f"{live.url}/oauth/hubspot/install")  # → sandbox consent → our callback
    assert page.locator("h1").inner_text() == "Agentic Sales is installed"
    assert page.locator("#next-steps").get_by_text("Record customization").count() == 1
    shot(page, "01-installed")
    page.click("#health-link")
    assert page.locator("h1").inner_text() == "Install health"
    assert page.locator("#role").inner_text() == "admin"
    assert "granted" in page.locator("#scopes").inner_text()
    assert page.locator("#token .big").inner_text() == "live"
    shot(page, "02-health")
    print(f"install journey {time.monotonic() - started:.1f} s")
