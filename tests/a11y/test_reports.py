"""Reports with charts and the demo's index page, as a screen-reader or zoom user meets them: every
chart has a short text alternative and its data as a table with headers; axe-core finds nothing
serious; the pages reflow at 320 CSS px.

The model is trained here on the model-card tests' synthetic deals (tests/reports/data.py), in
about two seconds; the CLI page (`model report`) and the console's fragments share card_html."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.a11y.audit import barred, horizontal_overflow, outline, run_axe, skipped_levels
from tests.cards.browser import serve

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from scoring import load_model, save_model, train_table
    from scoring.model_card import build_card
    from tests.reports.data import driven_deals

    model, meta, holdout = train_table("churn", driven_deals(), "outcome", id_column="deal_id", positive="Converted",
                                       time_column="closed_at", fast=True)
    return build_card(load_model(save_model(model, tmp_path_factory.mktemp("a11y-model") / "m", meta, holdout)))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, card: Any, browser: Any) -> Iterator[str]:
    from app.site.deals import EnrichedDeal
    from app.site.pages import index_html
    from scoring.report import report_page
    from tests.a11y.test_card import DEMO

    folder = tmp_path_factory.mktemp("a11y-reports")
    (folder / "report.html").write_text(report_page([card], "Model report: churn"), encoding="utf-8")
    deals = []
    for path in DEMO:
        payload = json.loads(path.read_text())
        deals.append(EnrichedDeal("hubspot", "1", str(payload["record"]["id"]), payload["record"]["name"], payload))
    html = index_html(deals, href=lambda d: f"{d.record_id}.html", recap=["6 deals enriched."],
                      now=datetime(2026, 12, 1, 16, tzinfo=UTC), console="/admin/")
    (folder / "index.html").write_text(html, encoding="utf-8")
    with serve(folder) as base:
        yield base


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    p = context.new_page()
    yield p
    context.close()


def test_the_model_report_has_no_serious_or_critical_axe_violation(page, pages, axe):
    page.goto(f"{pages}/report.html")
    assert barred(run_axe(page, axe)) == []
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("main").count() == 1
    assert skipped_levels(outline(page)) == []


def test_every_chart_has_a_short_alternative_and_its_data_as_a_table_with_headers(page, pages, card):
    page.goto(f"{pages}/report.html")
    figures = page.locator("figure").all()
    assert len(figures) == len(card.figures) >= 3
    for figure in figures:
        name = figure.get_attribute("data-figure")
        alt = figure.locator("img").get_attribute("alt") or ""
        caption = figure.locator("figcaption").inner_text()
        assert alt and alt != caption, name  # not the caption read twice
        assert "table" in alt, name  # says where the numbers are
        table = figure.locator("table")
        assert table.count() == 1, f"{name}: no data table"
        headers = table.locator("thead th").all()
        assert headers and all(h.get_attribute("scope") == "col" for h in headers), name
        rows = table.locator("tbody tr").count()
        expected = {"importance": card.factors, "calibration": card.calibration, "gain": card.gain}[name]
        assert rows == len(expected), name
    # The numbers are the card's own: the gain table's first row is the first gain point.
    gain = page.locator("figure[data-figure=gain] tbody tr").first.locator("td").all_text_contents()
    assert gain[:2] == [f"{card.gain[0]['share']:.0%}", f"{card.gain[0]['gain']:.0%}"]


def test_the_metrics_table_has_column_and_row_headers(page, pages):
    page.goto(f"{pages}/report.html")
    metrics = page.locator("table.metrics")
    assert metrics.locator("thead th[scope=col]").count() >= 2
    assert metrics.locator("tbody th[scope=row]").count() == metrics.locator("tbody tr").count() > 0


def test_the_model_report_reflows_at_320_css_px(page, pages):
    page.set_viewport_size({"width": 320, "height": 800})
    try:
        page.goto(f"{pages}/report.html")
        assert horizontal_overflow(page) == []
    finally:
        page.set_viewport_size({"width": 1200, "height": 900})


def test_the_demo_index_has_no_serious_or_critical_axe_violation_and_reflows(page, pages, axe):
    page.goto(f"{pages}/index.html")
    assert barred(run_axe(page, axe)) == []
    assert page.locator("table[data-testid=deals] thead th[scope=col]").count() == 4
    page.set_viewport_size({"width": 320, "height": 800})
    try:
        assert horizontal_overflow(page) == []
    finally:
        page.set_viewport_size({"width": 1200, "height": 900})
