"""What a new admin saw walking the console after `agentic-sales demo` (wave 22), in Debian's chromium
against the app served over HTTP with the HubSpot sandbox (tests/admin/live.py): on a desktop-wide
window no table word is split across lines ("grant / ed", "Versi / on"), help texts show code as code,
not Markdown backticks, and labels spell LLM, USD and PII as people write them."""

from __future__ import annotations

import re

import pytest

from tests.admin.live import ADMIN_TOKEN

pytestmark = pytest.mark.timeout(240)

TABS = ("", "mappings", "guardrails", "llm", "history", "access")
"""The console's tabs a new admin reads first (the model cards' tables are the report's own, tests/a11y)."""

SPLIT_WORDS = """() => {
  // A word the browser broke across two lines: its range has more than one line box. Only plain words
  // (letters, digits, dots, underscores): a hyphen or a slash is a place a line may rightly break.
  const out = [];
  for (const cell of document.querySelectorAll('main th, main td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[\\w.]{3,}/g;
      let m;
      while ((m = re.exec(node.data)) !== null) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("tab", TABS)
def test_on_a_desktop_window_no_word_in_a_console_table_is_split_across_lines(live, admin_page, tab):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/{tab}")
    assert admin_page.locator("main table").count() > 0 or tab in ("guardrails", "llm")
    assert admin_page.evaluate(SPLIT_WORDS) == []


@pytest.mark.parametrize("tab", ("", "guardrails", "llm"))
def test_help_texts_show_code_as_code_not_as_markdown_backticks(live, admin_page, tab):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/{tab}")
    text = admin_page.locator("main").inner_text()
    assert "`" not in text, re.findall(r".{0,40}`[^`]*`.{0,10}", text)[:5]
    assert admin_page.locator("main p.help code, main #scopes td code").count() > 3


def test_the_llm_page_spells_llm_usd_and_pii_in_capitals(live, admin_page):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/llm")
    labels = [t.strip() for t in admin_page.locator("main label, main legend").all_inner_texts()]
    wrong = [t for t in labels if re.search(r"\bLlm\b|\busd\b|\bpii\b", t)]
    assert wrong == []
    assert any(t.startswith("Monthly spend cap (USD)") for t in labels), labels
    assert any(t.startswith("Redact PII") for t in labels), labels


def test_a_backticked_name_becomes_code_and_markup_in_a_help_text_stays_text():
    from app.admin import code_spans

    assert str(code_spans("at most `discount_cap`.")) == "at most <code>discount_cap</code>."
    assert str(code_spans("<b>`x`</b> and a lone ` tick")) == "&lt;b&gt;<code>x</code>&lt;/b&gt; and a lone ` tick"
    assert str(code_spans("`<script>`")) == "<code>&lt;script&gt;</code>"


@pytest.mark.parametrize("expires_in_s", [-300, 1])
def test_an_access_token_past_or_near_its_expiry_reads_as_a_working_connection_not_as_expired(
        live, admin_page, expires_in_s):
    # The demo's tokens live 30 s: a new admin found "expired" in the warning colour on a healthy install, and wave
    # 24's "renews at next use · Expired 01:46:06 UTC" still read as a fault. An access token is renewed with the
    # refresh token before the next call; only a revoked or missing grant (or no refresh token) needs the admin.
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from app.storage import get_db
    from app.storage.models import Installation

    with get_db(live.app).session() as s:
        s.execute(update(Installation).where(Installation.tenant_id == live.tenant_id)
                  .values(expires_at=datetime.now(UTC) + timedelta(seconds=expires_in_s)))
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/")
    headline = admin_page.locator("#token .big")
    assert headline.inner_text() == "Connected"
    assert "ok" in (headline.get_attribute("class") or "").split()
    text = admin_page.locator("#token").inner_text()
    assert "renewed automatically with the refresh token" in text and "Expired" not in text


def test_a_refused_preview_says_it_was_not_previewed_not_that_something_was_not_saved(live, admin_page):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/mappings")
    admin_page.fill("#map-amount", "arr_estimat")
    admin_page.click("#preview-button")
    error = admin_page.locator("#form-error").inner_text()
    assert error.startswith("Not previewed: deal property 'arr_estimat' does not exist"), error
    admin_page.click("#save")
    assert admin_page.locator("#form-error").inner_text().startswith("Not saved: "), "a refused save still says so"


def test_a_mapping_preview_shows_picklist_values_by_their_labels_and_the_score_once(live, admin_page):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/mappings")
    admin_page.fill("#map-deal_type", "hs_priority")  # Deal Type's picklist → Priority's, both with labels
    admin_page.fill("#record_id", live.open_deal_ids()[0])
    admin_page.click("#preview-button")
    saved, draft = (admin_page.locator(f"#preview .{c}-value").first.inner_text() for c in ("current", "draft"))
    assert saved in ("New Business", "Existing Business"), saved  # never "existingbusiness"
    assert draft in ("Low", "Medium", "High", "none recorded"), draft
    for side in ("current", "draft"):
        score = admin_page.locator(f"#score-{side}").inner_text().strip()
        assert re.fullmatch(r"\d{1,3}%|\d{1,2} of 99|–", score), score  # not "63 (63%)"
    text = admin_page.locator("#preview").inner_text()
    assert "(+)" not in text
    assert not re.search(r"\b(existingbusiness|newbusiness)\b|Deal Type: (low|medium|high)\b", text), text


def test_a_previews_score_is_written_once_as_the_cards_chance_to_close():
    from app.admin.settings_pages import score_text

    assert score_text({"probability": 0.63, "score_1_99": 63}) == "63%"  # was "63 (63%)"
    assert score_text({"score_1_99": 40}) == "40 of 99"
    assert score_text({}) == "–"


def test_install_health_counts_webhook_deliveries_as_requests_apart_from_their_changes_and_the_backfill(live, admin_page):
    # The wave-22 demo sent one delivery of 30 changes after a backfill of 40 deals: the page said
    # "Webhook deliveries, last 24 h: 70" (every inbox row).
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from app.storage import get_db
    from app.storage.models import InboxEvent

    now = datetime.now(UTC)
    ids = live.open_deal_ids()
    with get_db(live.app).session() as s:
        before = s.scalar(select(func.count(func.distinct(InboxEvent.delivery_id))).where(
            InboxEvent.tenant_id == live.tenant_id, InboxEvent.change_source.is_(None)))
        backfilled = s.scalar(select(func.count()).select_from(InboxEvent).where(
            InboxEvent.tenant_id == live.tenant_id, InboxEvent.change_source.in_(("BACKFILL", "RECONCILE"))))
        for i in range(40):  # a backfill of 40 deals, as app/sync writes it (one id for the whole run)
            s.add(InboxEvent(tenant_id=live.tenant_id, crm="hubspot", object_type="deal", record_id=ids[i % len(ids)],
                             kind="updated", properties={}, occurred_at=now, change_source="BACKFILL",
                             delivery_key=f"walk-23-backfill-{i}", delivery_id="backfill-1", received_at=now,
                             status="processed", processed_at=now))
        for i in range(30):  # then one request from HubSpot carrying 30 property changes
            s.add(InboxEvent(tenant_id=live.tenant_id, crm="hubspot", object_type="deal", record_id=ids[i % len(ids)],
                             kind="updated", properties={"amount": str(1000 + i)}, occurred_at=now,
                             delivery_key=f"walk-23-{i}", delivery_id="walk-23-delivery", received_at=now,
                             status="processed", processed_at=now))
    backfilled += 40
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/")
    box = admin_page.locator("#deliveries")
    assert box.locator(".big").inner_text() == str(before + 1)
    changes = admin_page.locator("#delivery-events").inner_text()
    assert re.match(r"\d+ record changes in them; (\d+) more queued by backfill and re-sync", changes), changes
    assert f"; {backfilled} more queued by backfill" in changes
    assert "requests from HubSpot" in box.inner_text()


def test_no_console_page_asks_for_something_the_app_does_not_serve_not_even_its_icon(live, browser):
    # Every console page logged a 404 for /favicon.ico in the browser's console (wave 22).
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    missing: list[str] = []
    page.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        page.goto(f"{live.url}/admin/login")
        page.fill("input[name=token]", ADMIN_TOKEN)
        with page.expect_navigation():
            page.press("input[name=token]", "Enter")
        for tab in TABS:
            page.goto(f"{live.url}/admin/t/{live.tenant_id}/{tab}")
            page.wait_for_load_state("networkidle")
        assert missing == []
        # The browser's own /favicon.ico request is not a page event Playwright reports: ask for it.
        ico = page.request.get(f"{live.url}/favicon.ico")
        assert ico.status == 200 and ico.body()[:4] == b"\x00\x00\x01\x00", ico.status  # an ICO, not a page
        icon = page.locator("link[rel=icon]").get_attribute("href", timeout=2000)
        svg = page.request.get(f"{live.url}{icon}")
        assert svg.status == 200 and svg.headers["content-type"].startswith("image/svg+xml"), (icon, svg.status)
    finally:
        context.close()


@pytest.mark.parametrize(("value", "kwargs", "text"), [
    ("2026-12-04T18:23:02.478471Z", {}, "2026-12-04 18:23 UTC"),
    ("2026-12-04T19:23:02+01:00", {"seconds": True}, "2026-12-04 18:23:02 UTC"),
    (None, {}, "–"),
    ("not a time", {}, "not a time"),
])
def test_the_console_writes_every_moment_one_way(value, kwargs, text):
    from app.admin.dates import when

    assert when(value, **kwargs) == text


def test_every_setting_label_reads_as_english_words():
    """Wave 28's walk read "Opt out field", "Min closed deals", "Card hidden scores" and "Budget timezone"
    on the guardrails and LLM pages (labels are a key's words joined, and those keys abbreviate or
    run their words backwards)."""
    from app.admin.forms import label_of
    from app.settings.schema import TenantSettingsModel

    labels = {key: label_of(key) for key in TenantSettingsModel.model_fields}
    assert labels["opt_out_field"] == "Opt-out field"
    assert labels["min_closed_deals"] == "Minimum closed deals"
    assert labels["card_hidden_scores"] == "Scores hidden on the card"
    assert labels["budget_timezone"] == "Budget time zone"
    assert labels["link_allowlist"] == "Link allow list"
    wrong = {k: v for k, v in labels.items()
             if re.search(r"\b(Min|min|Opt out|timezone|allowlist|Llm|usd|pii)\b", v) or v.startswith("Card hidden")}
    assert wrong == {}
    # honest labels keep their words
    assert labels["discount_cap"] == "Discount cap" and labels["llm_allow_list"] == "LLM allow list"
    assert labels["monthly_spend_cap_usd"] == "Monthly spend cap (USD)"
    assert len(set(labels.values())) == len(labels)  # no two settings share a label
