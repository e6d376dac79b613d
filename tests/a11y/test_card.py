"""The rep's card as the app serves it (app/cards), in every state, as a keyboard or screen-reader
user meets it in the 400 px sidebar: axe-core, then focus order, the copy button's announcement,
the details by keyboard, the title at 320 px, forced colours.

The payloads are the demo run's cards (tests/fixtures/hubspot/cards/) and the states a rep can meet
(pending, stale, not scored, an error, models retraining)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.cards import render_card_html
from tests.a11y.audit import (
    barred,
    horizontal_overflow,
    outline,
    run_axe,
    skipped_levels,
    tab_stops,
    without_focus_indicator,
)
from tests.cards.browser import SIDEBAR_WIDTH, serve

pytestmark = pytest.mark.timeout(180)
ROOT = Path(__file__).resolve().parents[2]
DEMO = sorted((ROOT / "tests/fixtures/hubspot/cards").glob("demo_deal_*.json"))
NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)


def _states() -> dict[str, tuple[dict[str, Any], str]]:
    demo = json.loads(DEMO[0].read_text())
    name = demo["record"]["name"]
    return {
        **{p.stem: (json.loads(p.read_text()), json.loads(p.read_text())["record"]["name"]) for p in DEMO},
        "pending": ({**demo, "status": "pending"}, name),
        "stale": ({**demo, "status": "stale"}, name),
        "not_enriched": ({"status": "not_enriched", "record": {"id": "123"}, "actions": ["rescore"]}, "Deal 123"),
        "error": ({"error": "internal", "message": "Something broke on our side."}, "Deal 123"),
        "retraining": ({"error": "model_retraining"}, "Deal 123"),
        "long_title": (demo, "Northern Diagnostics Laboratories International – Enterprise plan renewal, 3 years"),
    }


STATES = _states()


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("a11y-cards")
    for key, (payload, title) in STATES.items():
        html = render_card_html(payload, title=title, object_type="deal", now=NOW)
        (folder / f"{key}.html").write_text(html, encoding="utf-8")
    with serve(folder) as base:
        yield base


@pytest.fixture(scope="module")
def page(browser: Any, cards: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": SIDEBAR_WIDTH, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    p = context.new_page()
    yield p
    context.close()


@pytest.mark.parametrize("state", list(STATES))
def test_the_card_has_no_serious_or_critical_axe_violation_in_any_state(page, cards, axe, state):
    page.goto(f"{cards}/{state}.html")
    assert barred(run_axe(page, axe)) == []
    page.get_by_test_id("details-toggle").click() if page.get_by_test_id("details-toggle").count() else None
    assert barred(run_axe(page, axe)) == []  # the opened details too


@pytest.mark.parametrize("state", [DEMO[0].stem, "pending", "not_enriched"])
def test_the_card_has_one_h1_and_no_skipped_heading_level(page, cards, state):
    page.goto(f"{cards}/{state}.html")
    page.get_by_test_id("details-toggle").click() if page.get_by_test_id("details-toggle").count() else None
    assert skipped_levels(outline(page)) == []
    assert page.locator("main").count() == 1 and page.locator("html").get_attribute("lang") == "en"


def test_a_keyboard_user_copies_the_draft_and_hears_that_it_was_copied(page, cards):
    page.goto(f"{cards}/{DEMO[0].stem}.html")
    stops = tab_stops(page)
    assert [s["testid"] for s in stops][:1] == ["btn-copy"]  # the first thing a rep reaches is the action
    assert without_focus_indicator(stops) == []
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    status = page.get_by_test_id("copy-status")
    assert status.get_attribute("role") == "status"
    status.filter(has_text="Copied").wait_for(timeout=5000)
    expected = page.get_by_test_id("btn-copy").get_attribute("data-copy")
    assert page.evaluate("navigator.clipboard.readText()") == expected


def test_the_details_open_with_the_keyboard_and_say_whether_they_are_open(page, cards):
    page.goto(f"{cards}/{DEMO[0].stem}.html")
    toggle = page.get_by_test_id("details-toggle")
    toggle.focus()
    assert page.get_by_role("group").first.evaluate("el => el.open") is False
    page.keyboard.press("Space")
    assert page.get_by_test_id("details").evaluate("el => el.open") is True
    assert page.get_by_test_id("details").locator("h3").first.is_visible()


def test_each_factor_says_in_words_which_way_it_moves_the_chance(page, cards):
    page.goto(f"{cards}/{DEMO[0].stem}.html")
    factors = page.get_by_test_id("factors-conversion").locator("li").all()
    assert factors
    for li in factors:
        # What a screen reader reads: the visually hidden direction, not the glyph (aria-hidden).
        spoken = li.evaluate("""el => [...el.childNodes].filter(n => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'))
                                      .map(n => n.textContent).join('').trim()""")
        assert spoken.startswith(("Raises the chance: ", "Lowers the chance: ")), spoken
        assert li.locator(".marker").get_attribute("aria-hidden") == "true"


@pytest.mark.parametrize("state", [DEMO[0].stem, "not_enriched"])
def test_a_keyboard_user_reads_why_the_dimmed_buttons_do_nothing_here(page, cards, state):
    # Disabled buttons take no focus, so a tooltip on them never reaches the keyboard or a screen
    # reader: the reason is text on the card, and each dimmed button points to it.
    page.goto(f"{cards}/{state}.html")
    dimmed = page.locator("button[disabled], select[disabled]").all()
    assert dimmed
    note = page.get_by_test_id("only-in-crm")
    assert note.is_visible() and "card in your CRM, not on this page" in note.inner_text()
    assert all(b.get_attribute("aria-describedby") == "only-in-crm" for b in dimmed)


@pytest.mark.parametrize("state", ["long_title", DEMO[0].stem, "error"])
def test_at_320_css_px_the_card_reflows_and_shows_its_whole_title(page, cards, state):
    page.set_viewport_size({"width": 320, "height": 900})
    try:
        page.goto(f"{cards}/{state}.html")
        assert horizontal_overflow(page) == []
        title = page.get_by_test_id("card-title")
        assert title.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the title is cut off"
    finally:
        page.set_viewport_size({"width": SIDEBAR_WIDTH, "height": 1000})


def test_in_forced_colours_states_and_bands_keep_a_border_and_focus_stays_visible(browser, cards):
    context = browser.new_context(forced_colors="active", reduced_motion="reduce",
                                  viewport={"width": SIDEBAR_WIDTH, "height": 1000})
    p = context.new_page()
    for state in (DEMO[0].stem, "stale", "error"):
        p.goto(f"{cards}/{state}.html")
        # A control keeps its outline in system colours; a link-styled button keeps its underline.
        thin = p.evaluate("""() => [...document.querySelectorAll('.tag, .alert, button, .button')]
            .filter(el => parseFloat(getComputedStyle(el).borderTopWidth) < 1 && parseFloat(getComputedStyle(el).borderLeftWidth) < 1
                          && !getComputedStyle(el).textDecorationLine.includes('underline'))
            .map(el => el.outerHTML.slice(0, 60))""")
        assert thin == [], state
        assert without_focus_indicator(tab_stops(p)) == []
        assert p.evaluate("() => document.getAnimations().length") == 0
    context.close()
