"""Guardrails, LLM and history pages: the settings service's validation reaches the form, a
change is versioned with its author, usage and cost come from the tenant's own llm_usage rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app import settings as service
from tests.admin.conftest import crm_session, csrf_of

A, B = "hubspot-101", "hubspot-202"


def current_form(app, tenant: str, keys) -> dict:
    """The form a browser submits when nothing is touched: every control's current value."""
    from werkzeug.datastructures import MultiDict

    from app.admin.forms import field_views

    snap = service.get(app, tenant)
    form = MultiDict()
    for v in field_views(service.TenantSettingsModel, snap.settings, keys):
        if v.kind == "checkboxes":
            if v.value is None:
                form.add(f"{v.key}.__null__", "1")
            for c in v.value or ():
                form.add(v.key, c)
        elif v.kind == "checkbox":
            if v.value:
                form.add(v.key, "1")
        elif v.kind == "roles":
            for role, spec in (v.value or {}).items():
                form.add(f"{v.key}.{role}", spec)
        else:
            form.add(v.key, "" if v.value is None else str(v.value))
    return form


def post_guardrails(console, client, **changes):
    from app.admin.settings_pages import GUARDRAIL_KEYS

    form = current_form(console, A, GUARDRAIL_KEYS)
    for k, v in changes.items():
        form.setlist(k, [v])
    form["csrf_token"] = csrf_of(client, f"/admin/t/{A}/guardrails")
    return client.post(f"/admin/t/{A}/guardrails", data=form)


def test_an_untouched_form_changes_nothing(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    before = service.get(console, A).version
    resp = post_guardrails(console, client)
    assert resp.status_code == 303 and "unchanged=1" in resp.location
    assert service.get(console, A).version == before


def test_a_discount_cap_out_of_range_is_refused_with_the_allowed_range(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = post_guardrails(console, client, discount_cap="1.5")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "discount_cap=1.5 is out of range: allowed 0 to 0.5 (0% to 50%)" in html
    assert 'name="discount_cap" value="1.5"' in html  # what was typed stays, to be corrected
    assert service.get(console, A).settings.discount_cap == service.DEFAULTS.discount_cap


def test_text_in_a_number_field_is_refused_naming_the_setting(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = post_guardrails(console, client, discount_cap="ten percent")
    assert resp.status_code == 400 and "discount_cap=ten percent is not a number" in resp.get_data(as_text=True)


def test_an_approval_threshold_above_the_cap_is_refused(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = post_guardrails(console, client, discount_cap="0.05", approval_threshold="0.2")
    assert resp.status_code == 400 and "approval_threshold=0.2 is above discount_cap" in resp.get_data(as_text=True)


def test_a_valid_change_is_a_new_version_by_the_person_and_shows_in_history(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    resp = post_guardrails(console, client, discount_cap="0.08", autonomy="approve")
    assert resp.status_code == 303
    snap = service.get(console, A)
    assert (snap.settings.discount_cap, snap.settings.autonomy) == (0.08, "approve")
    last = service.history(console, A)[0]
    assert last.author == "ann@a.example" and set(last.changes) == {"discount_cap", "autonomy"}
    html = client.get(f"/admin/t/{A}/history").get_data(as_text=True)
    assert "discount_cap" in html and "ann@a.example" in html
    assert service.get(console, B).settings.discount_cap == service.DEFAULTS.discount_cap  # B untouched


def test_undo_from_the_history_page_restores_the_previous_value(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    post_guardrails(console, client, discount_cap="0.08")
    csrf = csrf_of(client, f"/admin/t/{A}/history")
    resp = client.post(f"/admin/t/{A}/undo", data={"csrf_token": csrf})
    assert resp.status_code == 303
    assert service.get(console, A).settings.discount_cap == service.DEFAULTS.discount_cap
    assert service.history(console, A)[0].action == "undo"


def test_undo_with_nothing_to_undo_says_so(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    csrf = csrf_of(client, f"/admin/t/{A}/history")
    resp = client.post(f"/admin/t/{A}/undo", data={"csrf_token": csrf, "to_version": "abc"})
    assert resp.status_code == 400 and "to_version=abc is not a version number" in resp.get_data(as_text=True)


def test_a_viewer_sees_the_settings_but_cannot_change_them(console):
    viewer = crm_session(console.test_client(), A, "carl@a.example")
    html = viewer.get(f"/admin/t/{A}/guardrails").get_data(as_text=True)
    assert 'id="save"' not in html and "disabled" in html
    resp = post_guardrails(console, viewer, discount_cap="0.05")
    assert resp.status_code == 403
    assert service.get(console, A).settings.discount_cap == service.DEFAULTS.discount_cap


def test_the_llm_page_counts_this_months_calls_and_cost_of_this_tenant_only(console):
    from app.storage import get_db
    from app.storage.models import LlmUsage

    now = datetime.now(UTC)
    last_month = now.replace(day=1) - timedelta(days=2)
    with get_db(console).session() as s:
        s.add(LlmUsage(tenant_id=A, at=now, role="writer", provider="openai", model="gpt-4o-mini",
                       input_tokens=1000, output_tokens=200, cost_usd=0.25))
        s.add(LlmUsage(tenant_id=A, at=now, role="analyst", provider="offline", model=None, cost_usd=0.0,
                       fallback_reason="spend cap"))
        s.add(LlmUsage(tenant_id=A, at=last_month, role="writer", provider="openai", cost_usd=9.0))
        s.add(LlmUsage(tenant_id=B, at=now, role="writer", provider="openai", cost_usd=5.0))
    client = crm_session(console.test_client(), A, "ann@a.example")
    html = client.get(f"/admin/t/{A}/llm").get_data(as_text=True)
    total = html.split('id="usage-total">')[1].split("</p>")[0]
    assert "2 LLM calls" in total and "1 fell back to offline" in total and "$0.25</strong>" in total
    assert "gpt-4o-mini" in html


def test_a_role_model_from_a_provider_outside_the_allow_list_is_refused(console):
    from app.admin.settings_pages import LLM_KEYS

    client = crm_session(console.test_client(), A, "ann@a.example")
    form = current_form(console, A, LLM_KEYS)
    form.pop("llm_allow_list.__null__", None)
    form.setlist("llm_allow_list", ["offline"])
    form["llm_roles.writer"] = "openai:gpt-4o-mini"
    form["csrf_token"] = csrf_of(client, f"/admin/t/{A}/llm")
    resp = client.post(f"/admin/t/{A}/llm", data=form)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and "llm_roles.writer=openai:gpt-4o-mini uses openai" in html


def test_a_refused_change_does_not_repeat_the_last_saved_banner(console):
    from app.admin.settings_pages import GUARDRAIL_KEYS

    client = crm_session(console.test_client(), A, "ann@a.example")
    post_guardrails(console, client, discount_cap="0.08")
    version = service.get(console, A).version
    form = current_form(console, A, GUARDRAIL_KEYS)
    form.setlist("discount_cap", ["2"])
    form["csrf_token"] = csrf_of(client, f"/admin/t/{A}/guardrails")
    resp = client.post(f"/admin/t/{A}/guardrails?saved={version}", data=form)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and 'id="saved"' not in html and "Not saved" in html


def test_a_refused_spend_cap_leaves_the_stored_cap_in_the_budget_line(console):
    """The typed value stays in its field to be corrected; the budget line states the cap in force."""
    from app.admin.settings_pages import LLM_KEYS

    client = crm_session(console.test_client(), A, "ann@a.example")
    for typed in ("-5", "lots"):
        form = current_form(console, A, LLM_KEYS)
        form.setlist("monthly_spend_cap_usd", [typed])
        form["csrf_token"] = csrf_of(client, f"/admin/t/{A}/llm")
        resp = client.post(f"/admin/t/{A}/llm", data=form)
        html = resp.get_data(as_text=True)
        assert resp.status_code == 400 and "monthly_spend_cap_usd" in html
        monthly = html.split('id="budget-monthly"')[1].split("</p>")[0]
        assert "$50.00 monthly cap" in monthly, monthly
        assert f'value="{typed}"' in html


def test_preview_without_a_changed_field_scores_the_chosen_deal_with_the_saved_mapping(console, monkeypatch):
    """Revenue ops type a deal id and press Preview to see its score; "Nothing changed." answered nothing."""
    from app.admin import preview as preview_module
    from app.admin import settings_pages

    calls = []

    def fake_preview(app, tenant, object_type, draft, record_id):
        calls.append((tenant, object_type, dict(draft), record_id))
        side = preview_module.Side(values={}, scores={"conversion": {"score_1_99": 63, "probability": 0.63,
                                                                     "factors": []}})
        return preview_module.Preview(record_id=record_id, record_name="Quantum Dynamics", current=side, draft=side)

    monkeypatch.setattr(settings_pages, "preview", fake_preview)
    monkeypatch.setattr(settings_pages, "_crm_fields", lambda tenant, object_type: ({}, None))
    client = crm_session(console.test_client(), A, "ann@a.example")
    form = {"csrf_token": csrf_of(client, f"/admin/t/{A}/mappings"), "object": "deal", "action": "preview",
            "record_id": "71000001994"}
    resp = client.post(f"/admin/t/{A}/mappings", data=form)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and calls == [(A, "deal", {}, "71000001994")]
    assert 'id="preview"' in html and "Quantum Dynamics" in html and "Nothing changed" not in html


def _opened_form(console, client, **typed):
    """The guardrails form as Ann's browser holds it: the values and version of when she opened the page."""
    from app.admin.settings_pages import GUARDRAIL_KEYS

    form = current_form(console, A, GUARDRAIL_KEYS)
    form["base_version"] = str(service.get(console, A).version)
    form["csrf_token"] = csrf_of(client, f"/admin/t/{A}/guardrails")
    return form


def test_saving_a_form_opened_before_anothers_change_keeps_that_change(console):
    # Ann opens the page; Bob (another tab, the CLI) changes the quiet hours; Ann saves her discount cap.
    # Her form still held the old quiet hours: saved as they were, they silently undid Bob's change.
    client = crm_session(console.test_client(), A, "ann@a.example")
    form = _opened_form(console, client)
    service.update(console, A, {"quiet_hours_start": 22, "tone": "formal"}, author="cli:bob")
    form.setlist("discount_cap", ["0.2"])
    resp = client.post(f"/admin/t/{A}/guardrails", data=form)
    assert resp.status_code == 303, resp.get_data(as_text=True)[:500]
    now = service.get(console, A).settings
    assert (now.discount_cap, now.quiet_hours_start, now.tone) == (0.2, 22, "formal")
    (last, *_rest) = service.history(console, A)
    assert last.author == "ann@a.example" and set(last.changes) == {"discount_cap"}


def test_two_people_changing_the_same_setting_the_second_is_asked_to_look_again(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    form = _opened_form(console, client)
    service.update(console, A, {"discount_cap": 0.3}, author="cli:bob")
    form.setlist("discount_cap", ["0.2"])
    resp = client.post(f"/admin/t/{A}/guardrails", data=form)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 409
    assert "discount_cap" in html and "cli:bob" in html and "0.3" in html
    assert service.get(console, A).settings.discount_cap == 0.3


def test_a_form_saved_without_anyone_elses_change_in_between_is_saved_as_before(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    form = _opened_form(console, client)
    form.setlist("discount_cap", ["0.2"])
    form.setlist("quiet_hours_start", ["21"])
    resp = client.post(f"/admin/t/{A}/guardrails", data=form)
    assert resp.status_code == 303
    now = service.get(console, A).settings
    assert (now.discount_cap, now.quiet_hours_start) == (0.2, 21)


def test_the_page_carries_the_version_it_shows_for_the_save_to_compare_with(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    service.update(console, A, {"tone": "formal"}, author="cli:bob")
    html = client.get(f"/admin/t/{A}/guardrails").get_data(as_text=True)
    assert f'name="base_version" value="{service.get(console, A).version}"' in html
