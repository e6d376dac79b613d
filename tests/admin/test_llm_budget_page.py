"""The LLM page as revops and finance use it: the budget in force with month-to-date spend, a
warning past 80% and a plain statement at the cap, the daily cap and time zone set from the form,
and a CSV of the month that adds up to the page's total."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from app import settings as service
from tests.admin.conftest import crm_session, csrf_of
from tests.admin.test_settings_pages import current_form

A, B = "hubspot-101", "hubspot-202"


def _usage(console, tenant: str, cost: float, *, at: datetime | None = None, record_id: str | None = "d1",
           **kw) -> None:
    from app.storage import get_db
    from app.storage.models import LlmUsage

    with get_db(console).session() as s:
        s.add(LlmUsage(tenant_id=tenant, at=at or datetime.now(UTC), role=kw.pop("role", "writer"),
                       provider=kw.pop("provider", "openai"), model=kw.pop("model", "gpt-4o-mini"),
                       input_tokens=kw.pop("input_tokens", 1000), output_tokens=kw.pop("output_tokens", 200),
                       cost_usd=cost, record_id=record_id, **kw))


def _text(html: str) -> str:
    """What a person reads: tags' text with entities decoded and whitespace collapsed."""
    import html as markup
    import re

    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _post_llm(console, client, **changes):
    from app.admin.settings_pages import LLM_KEYS

    form = current_form(console, A, LLM_KEYS)
    for k, v in changes.items():
        form.setlist(k, [v])
    form["csrf_token"] = csrf_of(client, f"/admin/t/{A}/llm")
    return client.post(f"/admin/t/{A}/llm", data=form)


def test_the_page_shows_month_to_date_spend_against_the_cap_and_warns_past_80_percent(console):
    service.update(console, A, {"monthly_spend_cap_usd": 10.0}, author="test")
    _usage(console, A, 8.5)
    _usage(console, B, 9.9)  # another tenant's spend is not ours
    html = crm_session(console.test_client(), A, "ann@a.example").get(f"/admin/t/{A}/llm").get_data(as_text=True)
    line = _text(html.split('id="budget-monthly"')[1].split("</p>")[0])
    assert "budget-warning" in html and "$8.50 spent or in flight of the $10.00 monthly cap (85%)" in line
    assert "Past 80% of the cap" in line


def test_at_the_cap_the_page_says_calls_go_offline_until_the_next_period(console):
    service.update(console, A, {"monthly_spend_cap_usd": 5.0, "daily_spend_cap_usd": 1.0}, author="test")
    _usage(console, A, 1.0)
    html = crm_session(console.test_client(), A, "ann@a.example").get(f"/admin/t/{A}/llm").get_data(as_text=True)
    daily = _text(html.split('id="budget-daily"')[1].split("</p>")[0])
    assert "budget-capped" in daily and "written by the offline templates" in daily and "until the next day" in daily
    assert "budget-ok" in html.split('id="budget-monthly"')[0][-80:] + html.split('id="budget-monthly"')[1][:40]


def test_revops_sets_a_daily_cap_and_the_budget_time_zone_from_the_form(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = _post_llm(console, client, daily_spend_cap_usd="2.5", budget_timezone="Europe/Berlin")
    assert resp.status_code == 303
    settings = service.get(console, A).settings
    assert settings.daily_spend_cap_usd == 2.5 and settings.budget_timezone == "Europe/Berlin"
    html = client.get(f"/admin/t/{A}/llm").get_data(as_text=True)
    assert "Europe/Berlin" in html.split('id="budget-daily"')[1].split("</p>")[0]


def test_a_time_zone_that_does_not_exist_is_refused_naming_the_field(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = _post_llm(console, client, budget_timezone="Europe/Atlantis")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "Not saved: budget_timezone=Europe/Atlantis is not a time zone: allowed an IANA time zone" in _text(html)
    assert service.get(console, A).settings.budget_timezone == "UTC"


def test_the_csv_export_adds_up_to_the_page_total_and_keeps_other_months_and_tenants_out(console):
    now = datetime.now(UTC)
    _usage(console, A, 0.25, record_id="d1")
    _usage(console, A, 0.0, record_id="d1", cached=True)
    _usage(console, A, 0.0, record_id="d2", provider="offline", model="template-v1", role="analyst",
           fallback_reason="spend_cap_reached: ...", input_tokens=0, output_tokens=0)
    _usage(console, A, 0.10, record_id="d2", estimated=True)
    _usage(console, A, 9.0, at=now.replace(day=1) - timedelta(days=3))
    _usage(console, B, 5.0)
    client = crm_session(console.test_client(), A, "ann@a.example")
    page = client.get(f"/admin/t/{A}/llm").get_data(as_text=True)
    href = page.split('id="usage-csv" href="')[1].split('"')[0]
    assert href == f"/admin/t/{A}/llm/usage.csv"  # the link on the page, followed as a person would
    resp = client.get(href)
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert f"llm-usage-{A}-{now:%Y-%m}.csv" in resp.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert {r["tenant_id"] for r in rows} == {A}
    assert round(sum(float(r["cost_usd"]) for r in rows), 6) == 0.35
    openai = next(r for r in rows if r["provider"] == "openai")
    assert (openai["calls"], openai["billed_calls"], openai["cached_calls"], openai["estimated_calls"]) == \
        ("3", "2", "1", "1")
    assert (openai["price_in_usd_per_mtok"], openai["price_out_usd_per_mtok"]) == ("0.15", "0.6")
    offline = next(r for r in rows if r["provider"] == "offline")
    assert offline["fallbacks"] == "1" and offline["billed_calls"] == "0"
    html = client.get(f"/admin/t/{A}/llm").get_data(as_text=True)
    assert "$0.35</strong>" in html.split('id="usage-total"')[1]


def test_the_per_record_export_ranks_records_by_cost(console):
    _usage(console, A, 0.02, record_id="cheap")
    _usage(console, A, 0.30, record_id="dear")
    _usage(console, A, 0.30, record_id="dear")
    client = crm_session(console.test_client(), A, "ann@a.example")
    rows = list(csv.DictReader(io.StringIO(client.get(f"/admin/t/{A}/llm/usage.csv?by=record").get_data(as_text=True))))
    assert [(r["record_id"], r["calls"], r["cost_usd"]) for r in rows] == [("dear", "2", "0.6"), ("cheap", "1", "0.02")]


def test_a_month_that_is_not_a_month_is_refused_with_a_clear_page(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = client.get(f"/admin/t/{A}/llm/usage.csv?month=December")
    assert resp.status_code == 400 and "month='December' is not a month like 2026-12" in _text(resp.get_data(as_text=True))
    assert client.get(f"/admin/t/{A}/llm/usage.csv?by=week").status_code == 400


def test_a_viewer_of_another_tenant_cannot_download_this_tenants_usage(console):
    client = crm_session(console.test_client(), B, "bob@b.example")
    assert client.get(f"/admin/t/{A}/llm/usage.csv").status_code in (403, 404)


def test_install_health_says_a_hubspot_oauth_app_has_no_daily_api_limit(console):
    html = crm_session(console.test_client(), A, "ann@a.example").get(f"/admin/t/{A}/").get_data(as_text=True)
    box = _text(html.split('id="api-quota"')[1].split("</div></div>")[0])
    assert "HubSpot sets no daily limit on apps installed through OAuth" in box


def _no_vendor_keys(console, monkeypatch) -> None:
    for key in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(key, raising=False)
        monkeypatch.delenv(f"AGENTIC_SALES_{key}", raising=False)
        monkeypatch.setitem(console.config, key, None)


def test_saving_a_vendor_role_without_its_key_says_the_role_will_run_offline_and_why(console, monkeypatch):
    # Wave 22: "Saved as version 2" and nothing else, while every writer run fell back to the templates.
    _no_vendor_keys(console, monkeypatch)
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = _post_llm(console, client, **{"llm_roles.writer": "openai:gpt-4o"})
    assert resp.status_code == 303
    page = _text(client.get(resp.location).get_data(as_text=True))
    assert "Saved as version" in page
    assert "Saved, but the writer ( openai:gpt-4o ) will run offline: OPENAI_API_KEY is not set in this deployment" \
        in page
    html = client.get(f"/admin/t/{A}/llm").get_data(as_text=True)
    row = _text(html.split('id="role-writer"')[1].split("</tr>")[0])
    assert "this account's setting" in row and "offline templates : OPENAI_API_KEY is not set" in row
    analyst = _text(html.split('id="role-analyst"')[1].split("</tr>")[0])
    assert "offline templates" in analyst and "not set" not in analyst  # offline by the deployment's choice


def test_with_the_key_set_the_role_runs_on_its_vendor_and_nothing_warns(console, monkeypatch):
    _no_vendor_keys(console, monkeypatch)
    monkeypatch.setitem(console.config, "OPENAI_API_KEY", "sk-test-not-used")
    service.update(console, A, {"llm_roles.writer": "openai:gpt-4o"}, author="test")
    html = crm_session(console.test_client(), A, "ann@a.example").get(f"/admin/t/{A}/llm").get_data(as_text=True)
    assert 'id="offline-roles"' not in html
    assert "openai:gpt-4o" in _text(html.split('id="role-writer"')[1].split("</tr>")[0]).split("deployment")[0]


def test_a_reached_cap_shows_the_vendor_role_as_offline_until_the_next_month(console, monkeypatch):
    _no_vendor_keys(console, monkeypatch)
    monkeypatch.setitem(console.config, "OPENAI_API_KEY", "sk-test-not-used")
    service.update(console, A, {"llm_roles.writer": "openai:gpt-4o", "monthly_spend_cap_usd": 1.0}, author="test")
    _usage(console, A, 1.0)
    html = crm_session(console.test_client(), A, "ann@a.example").get(f"/admin/t/{A}/llm").get_data(as_text=True)
    alert = _text(html.split('id="offline-roles"')[1].split("</p>")[0])
    assert "the writer ( openai:gpt-4o ) will run offline: the monthly spend cap ($1.00) is reached" in alert


def test_the_spend_is_stated_once_against_the_cap_and_the_costs_guide_is_a_link_that_opens(console):
    _usage(console, A, 2.0)
    client = crm_session(console.test_client(), A, "ann@a.example")
    html = client.get(f"/admin/t/{A}/llm").get_data(as_text=True)
    assert _text(html).count("$50.00") == 1  # the budget line; the usage line says what was billed
    assert "$2.00 billed" in _text(html.split('id="usage-total"')[1].split("</p>")[0])
    href = html.split('id="costs-doc" href="')[1].split('"')[0]
    doc = client.get(href)
    assert doc.status_code == 200 and "docs/costs.md" in doc.get_data(as_text=True)
    assert "spend" in doc.get_data(as_text=True).lower()
    assert client.get("/admin/docs/..%2Fsecrets.md").status_code == 404
    assert client.get("/admin/docs/contributing.md").status_code == 404
    assert "Add the card to the record layout" in client.get("/admin/docs/admin.md").get_data(as_text=True)
