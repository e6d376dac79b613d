"""The admin/revops console and the install pages as a keyboard-only or screen-reader user meets
them (WCAG 2.2 AA): axe-core per page, then what axe cannot judge, driven in Debian's chromium
against the real app on loopback with the HubSpot sandbox (tests/admin/live.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.audit import (
    barred,
    horizontal_overflow,
    outline,
    run_axe,
    skipped_levels,
    tab_stops,
    without_focus_indicator,
)
from tests.admin.live import ADMIN_TOKEN, live_console

pytestmark = pytest.mark.timeout(240)

TABS = {"health": "", "mappings": "mappings", "guardrails": "guardrails", "llm": "llm", "models": "models",
        "history": "history", "access": "access", "learning": "learning"}
"""The console's tabs (page name → path under /admin/t/<tenant>/)."""


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Any]:
    with live_console(tmp_path_factory.mktemp("a11y-console")) as handle:
        handle.install()
        yield handle


@pytest.fixture(scope="module")
def operator(live: Any, browser: Any) -> Iterator[Any]:
    """A page signed in with the admin token, through the sign-in form, by keyboard only."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(f"{live.url}/admin/login")
    page.keyboard.press("Tab")  # past the skip link, when the page has one
    page.focus("input[name=token]")
    page.keyboard.type(ADMIN_TOKEN)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    yield page
    context.close()


def tab_url(live: Any, name: str) -> str:
    return f"{live.url}/admin/t/{live.tenant_id}/{TABS[name]}"


@pytest.mark.parametrize("name", list(TABS))
def test_each_console_tab_has_no_serious_or_critical_axe_violation(live, operator, axe, name):
    operator.goto(tab_url(live, name))
    assert barred(run_axe(operator, axe)) == []


def test_the_sign_in_page_has_no_serious_or_critical_axe_violation_and_a_main_landmark(live, browser, axe):
    page = browser.new_page()
    page.goto(f"{live.url}/admin/login")
    assert barred(run_axe(page, axe)) == []
    assert page.locator("main").count() == 1
    assert "Agentic Sales" in page.title()
    page.close()


def test_a_refused_page_and_the_install_page_have_no_serious_or_critical_axe_violation(live, operator, browser, axe):
    operator.goto(f"{live.url}/admin/t/hubspot-1/")  # no such tenant: the refusal page
    assert operator.locator("h1").inner_text() == "No such tenant"
    assert "Agentic Sales" in operator.title()
    assert barred(run_axe(operator, axe)) == []
    fresh = browser.new_page()
    fresh.goto(f"{live.url}/oauth/hubspot/install")  # → sandbox consent → our callback's page
    assert fresh.locator("h1").inner_text() == "Agentic Sales is installed"
    assert barred(run_axe(fresh, axe)) == []
    fresh.close()


def test_the_operators_tenant_list_has_no_serious_or_critical_axe_violation_and_a_skip_link(live, operator, axe):
    operator.goto(f"{live.url}/admin/")
    assert operator.locator("h1").inner_text() == "Tenants"
    assert barred(run_axe(operator, axe)) == []
    assert operator.get_by_role("link", name=live.tenant_id).count() == 1
    operator.keyboard.press("Tab")
    assert operator.evaluate("() => document.activeElement.getAttribute('href')") == "#main"


def test_a_denied_consent_reaches_the_admins_browser_as_a_page_that_says_what_to_do(live, browser, axe):
    page = browser.new_page()
    response = page.goto(f"{live.url}/oauth/hubspot/callback?error=access_denied"
                         "&error_description=The+user+denied+the+request")
    assert response is not None and response.status == 400
    assert "text/html" in response.headers["content-type"]
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Agentic Sales was not installed"
    alert = page.get_by_role("alert")
    assert "The user denied the request" in alert.inner_text()
    again = page.get_by_role("link", name="Start the install again")
    assert again.get_attribute("href") == "/oauth/hubspot/install"
    assert barred(run_axe(page, axe)) == []
    page.close()


def test_the_first_tab_stop_is_a_skip_link_that_moves_focus_to_the_main_content(live, operator):
    operator.goto(tab_url(live, "mappings"))
    operator.keyboard.press("Tab")
    focused = operator.evaluate("() => [document.activeElement.innerText, document.activeElement.getAttribute('href')]")
    assert focused == ["Skip to main content", "#main"]
    operator.keyboard.press("Enter")
    assert operator.evaluate("() => document.activeElement.id") == "main"
    operator.keyboard.press("Tab")  # the next stop is inside main, not back in the header
    assert operator.evaluate("() => !!document.activeElement.closest('main')")


@pytest.mark.parametrize("name", ["health", "mappings", "guardrails", "history", "access"])
def test_the_keyboard_reaches_every_control_in_order_and_each_shows_where_focus_is(live, operator, name):
    operator.goto(tab_url(live, name))
    forwards = tab_stops(operator, limit=150)
    focusable = operator.evaluate("""() => [...document.querySelectorAll(
        'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea, summary')]
        .filter(el => el.offsetParent !== null).length""")
    assert len(forwards) == focusable, [s["name"] for s in forwards]
    assert without_focus_indicator(forwards) == []
    backwards = tab_stops(operator, limit=150, backwards=True)
    assert [s["id"] or s["name"] for s in backwards] == [s["id"] or s["name"] for s in reversed(forwards)]


@pytest.mark.parametrize("name", list(TABS))
def test_each_tab_has_one_h1_no_skipped_heading_level_labelled_navigation_and_a_title_naming_it(live, operator, name):
    operator.goto(tab_url(live, name))
    headings = outline(operator)
    assert skipped_levels(headings) == [], headings
    h1 = headings[0][1]
    assert operator.title().startswith(h1.split(" ")[0]) and operator.title().endswith("· Agentic Sales")
    assert operator.locator("main#main").count() == 1 and operator.locator("header").count() >= 1
    labels = [n.get_attribute("aria-label") for n in operator.locator("nav").all()]
    assert all(labels) and len(set(labels)) == len(labels), labels
    current = operator.locator("nav[aria-label=Console] [aria-current=page]")
    assert current.count() == 1


@pytest.mark.parametrize("name", list(TABS))
def test_each_link_says_where_it_goes_and_links_of_one_name_go_to_one_place(live, operator, name):
    operator.goto(tab_url(live, name))
    links = operator.evaluate("""() => [...document.querySelectorAll('a[href]')]
        .map(a => [a.innerText.trim().toLowerCase(), a.getAttribute('href')])""")
    vague = {"here", "click here", "more", "link", "this", "read more", ""}
    assert [text for text, _ in links if text in vague] == []
    targets: dict[str, set[str]] = {}
    for text, href in links:
        targets.setdefault(text, set()).add(href)
    assert {t: h for t, h in targets.items() if len(h) > 1} == {}


@pytest.mark.parametrize("name", list(TABS))
def test_each_tab_reflows_at_320_css_px_without_sideways_scrolling(live, browser, operator, name):
    operator.set_viewport_size({"width": 320, "height": 800})  # 1280 px at 400% zoom (WCAG 1.4.10)
    try:
        operator.goto(tab_url(live, name))
        assert horizontal_overflow(operator) == []
    finally:
        operator.set_viewport_size({"width": 1200, "height": 900})


def test_a_refused_setting_is_marked_invalid_and_its_message_is_read_with_the_field(live, operator, axe):
    operator.goto(tab_url(live, "guardrails"))
    assert operator.locator("[aria-invalid=true]").count() == 0
    field = operator.locator("#in-discount_cap")
    field.fill("0.03")  # in range, but below the approval threshold (0.05): the server refuses it
    with operator.expect_navigation():
        field.press("Enter")  # submit from the keyboard
    invalid = operator.locator("[aria-invalid=true]")
    assert invalid.count() == 1
    described = (invalid.get_attribute("aria-describedby") or "").split()
    texts = [operator.locator(f"#{i}").inner_text() for i in described]
    assert any("approval_threshold=0.05 is above discount_cap" in t for t in texts), texts
    assert any(operator.locator(f"#{i}").get_attribute("class") == "help" for i in described)
    # The summary at the top is announced (role=alert) and its link takes focus to the field.
    summary = operator.locator("#form-error")
    assert summary.get_attribute("role") == "alert"
    assert barred(run_axe(operator, axe)) == []  # the error state too (its link on the pink box)
    summary.get_by_role("link", name="Go to the field").click()
    assert operator.evaluate("() => document.activeElement.id") == invalid.get_attribute("id")


def test_a_mapping_to_a_missing_crm_field_is_marked_invalid_on_that_field(live, operator, axe):
    operator.goto(tab_url(live, "mappings"))
    field = operator.get_by_role("combobox", name="CRM field for amount")
    field.fill("no_such_property")
    operator.click("#save")
    field = operator.get_by_role("combobox", name="CRM field for amount")
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    assert described and "no_such_property" in operator.locator(f"#{described[0]}").inner_text()
    assert operator.locator("#map-name").get_attribute("aria-invalid") in (None, "false")
    assert barred(run_axe(operator, axe)) == []


def test_every_settings_control_has_a_name_and_its_help_is_read_with_it(live, operator):
    operator.goto(tab_url(live, "llm"))
    unnamed = operator.evaluate("""() => [...document.querySelectorAll('#settings-form input:not([type=hidden]), #settings-form select')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
        .map(el => el.name)""")
    assert unnamed == []
    for role_input in operator.locator("input[id^=in-llm_roles-]").all():
        assert role_input.get_attribute("aria-describedby") == "help-llm_roles"


def test_a_resync_reports_its_progress_in_a_live_region_without_reloading_the_page(live, operator):
    operator.goto(tab_url(live, "health"))
    operator.focus("#action-resync")
    operator.keyboard.press("Enter")
    operator.wait_for_url("**/actions/*")
    assert operator.locator("meta[http-equiv=refresh]").count() == 0  # no timed reload (WCAG 2.2.1)
    region = operator.locator("#progress")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
    operator.evaluate("() => { window.__stayed = true; }")
    region.and_(operator.locator("[data-done=true]")).wait_for(timeout=30_000)
    assert operator.evaluate("() => window.__stayed === true"), "the page reloaded instead of updating in place"
    assert "Every queued record is processed" in region.inner_text()


def test_in_forced_colours_and_with_reduced_motion_controls_keep_borders_and_focus_and_nothing_moves(live, browser):
    context = browser.new_context(forced_colors="active", reduced_motion="reduce",
                                  viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(f"{live.url}/admin/login")
    page.fill("input[name=token]", ADMIN_TOKEN)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(tab_url(live, "health"))
    stops = tab_stops(page)
    assert stops and without_focus_indicator(stops) == []
    borders = page.evaluate("""() => [...document.querySelectorAll('button, input:not([type=hidden]), .pill')]
        .filter(el => parseFloat(getComputedStyle(el).borderTopWidth) < 1).map(el => el.outerHTML.slice(0, 60))""")
    assert borders == []
    assert page.evaluate("() => document.getAnimations().length") == 0
    context.close()
