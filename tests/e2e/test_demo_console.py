"""The demo's admin console (issue 15 acceptance): the URL the demo prints, "Sign in with HubSpot"
through the demo's sandbox, then the demo tenant's health, mappings and model cards."""

from __future__ import annotations

import pytest
import requests

from app.cli.demo import console_hint
from tests.e2e.conftest import SHARES_THE_DEMO_RUN

pytestmark = [pytest.mark.embedded, SHARES_THE_DEMO_RUN]  # the demo runs on the embedded defaults


def test_the_demo_console_shows_health_mappings_and_model_cards_after_signing_in_with_the_crm(demo_run):
    demo, _summary = demo_run
    said: list[str] = []
    url = console_hint(demo.app, demo.url, "hubspot", said.append)
    assert url == f"{demo.url}/admin/" and "/admin/" in said[0] and "Sign in with HubSpot" in said[0]
    index = requests.get(f"{demo.url}/", timeout=30).text
    assert 'id="console-link" href="/admin/"' in index  # the one printed URL leads to the console
    browser = requests.Session()
    login = browser.get(url, timeout=30)  # not signed in: the sign-in page
    assert login.status_code == 200 and "/admin/login" in login.url and "Sign in with HubSpot" in login.text
    health = browser.get(f"{demo.url}/admin/signin/hubspot", timeout=60)  # → sandbox consent → callback
    assert health.status_code == 200 and health.url == f"{demo.url}/admin/t/{demo.tenant_id}/"
    assert "Install health" in health.text and '<span id="role">admin</span>' in health.text
    received = int(health.text.split('id="deliveries"')[1].split('class="big">')[1].split("<")[0])
    assert received >= 1  # the demo's webhook deliveries are counted
    mappings = browser.get(f"{demo.url}/admin/t/{demo.tenant_id}/mappings", timeout=60)
    assert mappings.status_code == 200 and 'id="map-amount"' in mappings.text
    assert "discount_percent" in mappings.text  # the demo's own mapping (revenue ops' one change)
    models = browser.get(f"{demo.url}/admin/t/{demo.tenant_id}/models", timeout=60)
    assert models.status_code == 200
    assert 'id="card-conversion" data-present="true"' in models.text
    assert "What drives the score" in models.text


def test_the_model_cards_charts_fit_a_phone_wide_console_without_sideways_scrolling(demo_run):
    """The charts are <img> data URIs since wave 5; the console's style still only narrowed inline <svg>, so at
    360 px the calibration and gain charts stuck out 200 px (found by a newcomer's walk, wave 26)."""
    from tests.a11y.audit import horizontal_overflow
    from tests.cards.browser import CHROMIUM, LAUNCH_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    demo, _summary = demo_run
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 320, "height": 800})
            page.goto(f"{demo.url}/admin/signin/hubspot")  # the sandbox's consent signs the installer in
            page.goto(f"{demo.url}/admin/t/{demo.tenant_id}/models")
            charts = page.locator(".model-card figure img")
            assert charts.count() >= 3  # the page under test has its charts
            assert horizontal_overflow(page) == []
            assert max(charts.evaluate_all("imgs => imgs.map(i => i.getBoundingClientRect().right)")) <= 320
        finally:
            browser.close()
