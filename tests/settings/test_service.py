"""The settings service: one schema, versioned and audited changes, undo, mappings against describe()."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import select

from app import settings
from app.settings import MappingError, SettingsError, TenantSettingsModel, UnknownTenantError
from app.storage import get_db
from app.storage.models import AuditLog, Tenant
from integrations.base import FieldSpec
from tests.conftest import install_tenant

PORTAL_FIELDS = [
    FieldSpec("amount", "Amount", "number"),
    FieldSpec("dealname", "Deal Name", "string"),
    FieldSpec("closedate", "Close Date", "datetime"),
    FieldSpec("discount_percent", "Discount (%)", "number"),
    FieldSpec("contract_tier", "Contract tier", "enumeration", options=("gold", "silver")),
    FieldSpec("hs_deal_stage_probability", "Deal Stage Probability", "number", read_only=True),
    FieldSpec("renewal_notes", "Renewal notes", "string", read_only=True),
    FieldSpec("ai_summary", "AI summary", "string"),
    FieldSpec("score_mirror", "Score (mirror)", "number"),
    FieldSpec("hs_priority", "Priority", "enumeration", options=("low", "medium", "high")),
]


def portal(_object_type: str) -> list[FieldSpec]:
    return PORTAL_FIELDS


@pytest.fixture
def tenant(app):
    return install_tenant(app, "4242")


def test_a_tenant_nobody_configured_gets_the_documented_defaults(app, tenant):
    snap = settings.get(app, tenant)
    assert snap.version == 0
    assert snap.settings == TenantSettingsModel()
    assert snap.settings.discount_cap == 0.10 and snap.settings.approval_threshold == 0.05
    assert snap.settings.tone == "friendly" and snap.settings.holdout_share == 0.10
    assert snap.settings.autonomy == "suggest" and snap.settings.llm_allow_list is None


def test_an_update_writes_a_new_version_with_its_author_an_audit_row_and_bumps_the_tenant(app, tenant):
    snap = settings.update(app, tenant, {"discount_cap": 0.2, "tone": "formal"}, author="ana@revops.example")
    assert snap.version == 1 and snap.settings.discount_cap == 0.2 and snap.settings.tone == "formal"
    assert settings.get(app, tenant) == snap
    with get_db(app).session() as s:
        assert s.get(Tenant, tenant).settings_version == 1
        audit = s.execute(select(AuditLog).where(AuditLog.event == "settings.settings")).scalars().one()
    assert audit.detail["author"] == "ana@revops.example"
    assert audit.detail["changes"] == {"discount_cap": [0.1, 0.2], "tone": ["friendly", "formal"]}
    entries = settings.history(app, tenant)
    assert [(v.version, v.author, v.action) for v in entries] == [(1, "ana@revops.example", "settings"),
                                                                  (0, "system", "initial")]
    assert entries[0].changes == {"discount_cap": [0.1, 0.2], "tone": ["friendly", "formal"]}


def test_an_update_that_changes_nothing_makes_no_version(app, tenant):
    settings.update(app, tenant, {"tone": "formal"}, author="ana")
    assert settings.update(app, tenant, {"tone": "formal"}, author="ana").version == 1
    assert len(settings.history(app, tenant)) == 2


@pytest.mark.parametrize(("changes", "key", "words"), [
    ({"discount_cap": 1.5}, "discount_cap", "discount_cap=1.5 is out of range: allowed 0 to 0.5 (0% to 50%)"),
    ({"discount_cap": -0.1}, "discount_cap", "out of range"),
    ({"discount_cap": math.nan}, "discount_cap", "not a finite number"),
    ({"discount_cap": math.inf}, "discount_cap", "not a finite number"),
    ({"discount_cap": "ten percent"}, "discount_cap", "must be a number"),
    ({"approval_threshold": 0.2}, "approval_threshold", "above discount_cap"),
    ({"tone": "professional"}, "tone", "allowed one of: friendly, formal"),
    ({"autonomy": "auto_low_risk"}, "autonomy", "suggest, approve, auto"),
    ({"discounts_cap": 0.2}, "discounts_cap", "is not a setting"),
    ({"min_closed_deals": 3.5}, "min_closed_deals", "must be a whole number"),
    ({"strategy_catalogue": ["free_lunch"]}, "strategy_catalogue", "value_reinforcement"),
    ({"strategy_catalogue": []}, "strategy_catalogue", "wrong length"),
    ({"holdout_share": 0.9}, "holdout_share", "0 to 0.5 (0% to 50%)"),
    ({"quiet_hours_start": 24}, "quiet_hours_start", "0 to 23"),
    ({"llm_roles.writer": "gpt-4o"}, "llm_roles.writer", "provider:model"),
    ({"llm_roles.painter": "openai:gpt-4o"}, "llm_roles.painter", "is not a role"),
])
def test_a_bad_value_is_refused_with_one_line_naming_key_value_and_allowed(app, tenant, changes, key, words):
    with pytest.raises(SettingsError) as err:
        settings.update(app, tenant, changes, author="ana")
    assert err.value.key == key
    assert words in str(err.value) and "\n" not in str(err.value)
    assert settings.get(app, tenant).version == 0  # nothing written


def test_lowering_the_cap_below_the_approval_threshold_is_refused_not_silently_clamped(app, tenant):
    with pytest.raises(SettingsError, match="approval_threshold=0.05 is above discount_cap"):
        settings.update(app, tenant, {"discount_cap": 0.03}, author="ana")
    snap = settings.update(app, tenant, {"discount_cap": 0.03, "approval_threshold": 0.02}, author="ana")
    assert (snap.settings.discount_cap, snap.settings.approval_threshold) == (0.03, 0.02)


def test_a_role_on_a_provider_outside_the_allow_list_names_both(app, tenant):
    settings.update(app, tenant, {"llm_allow_list": ["anthropic"]}, author="ana")
    with pytest.raises(SettingsError) as err:
        settings.update(app, tenant, {"llm_roles.writer": "openai:gpt-4o-mini"}, author="ana")
    assert "llm_roles.writer=openai:gpt-4o-mini uses openai" in str(err.value) and "llm_allow_list" in str(err.value)
    snap = settings.update(app, tenant, {"llm_allow_list": ["anthropic", "openai"],
                                         "llm_roles.writer": "openai:gpt-4o-mini"}, author="ana")
    assert snap.settings.llm_roles == {"writer": "openai:gpt-4o-mini"}
    assert settings.update(app, tenant, {"llm_roles.writer": None}, author="ana").settings.llm_roles == {}


def test_undo_returns_to_the_previous_version_as_a_new_version(app, tenant):
    settings.update(app, tenant, {"discount_cap": 0.2}, author="ana")
    settings.update(app, tenant, {"autonomy": "auto"}, author="ben")
    snap = settings.undo(app, tenant, author="ana")
    assert snap.version == 3 and snap.settings.autonomy == "suggest" and snap.settings.discount_cap == 0.2
    back = settings.undo(app, tenant, author="ana", to_version=0)
    assert back.version == 4 and back.settings == TenantSettingsModel()
    top = settings.history(app, tenant)[0]
    assert top.action == "undo" and top.changes == {"discount_cap": [0.2, 0.1]}


def test_undo_past_the_first_version_or_to_an_unknown_one_is_refused(app, tenant):
    with pytest.raises(SettingsError, match="is the first"):
        settings.undo(app, tenant, author="ana")
    settings.update(app, tenant, {"discount_cap": 0.2}, author="ana")
    for bad in (7, 1, -1):
        with pytest.raises(SettingsError, match="to_version"):
            settings.undo(app, tenant, author="ana", to_version=bad)
    assert settings.get(app, tenant).version == 1


def test_an_unknown_tenant_and_a_missing_author_are_refused(app, tenant):
    with pytest.raises(UnknownTenantError, match="hubspot-4242"):
        settings.get(app, "hubspot-999")
    with pytest.raises(SettingsError, match="author"):
        settings.update(app, tenant, {"tone": "formal"}, author="  ")


def test_the_mapping_has_one_default_per_crm_from_the_connector(app, tenant):
    deal = settings.mappings(app, tenant, "deal")
    assert deal["stage_probability"].crm_field == "hs_deal_stage_probability"
    assert "forecast_probability" not in deal
    assert deal["amount"] == settings.MappingEntry("amount", "Amount", "default")


def test_a_mapping_to_a_property_the_portal_does_not_have_is_refused_naming_it(app, tenant):
    with pytest.raises(MappingError) as err:
        settings.set_mappings(app, tenant, "deal", {"discount": "foo_bar"}, author="ana", describe=portal)
    assert str(err.value) == "deal property 'foo_bar' does not exist in this account"
    assert settings.get(app, tenant).version == 0


@pytest.mark.parametrize(("changes", "words"), [
    ({"amount": "dealname"}, "'dealname' is of type string: amount needs a number"),
    ({"close_date": "amount"}, "close_date needs a date"),
    ({"ai_summary": "renewal_notes"}, "'renewal_notes' is read-only: output ai_summary"),
    ({"ai_conversion_score": "dealname"}, "output ai_conversion_score needs a number"),
    ({"deal_type": "ai_summary"}, "one of the app's own output fields"),
    ({"Bad Name": "amount"}, "is not a feature name"),
])
def test_a_mapping_of_the_wrong_type_or_access_is_refused(app, tenant, changes, words):
    with pytest.raises(SettingsError) as err:
        settings.set_mappings(app, tenant, "deal", changes, author="ana", describe=portal)
    assert words in str(err.value)


@pytest.mark.parametrize(("changes", "words"), [
    ({"ai_conversion_probability": "amount"}, "'amount' is read as the feature amount: output"),
    ({"discount": "discount_percent", "ai_best_discount": "discount_percent"}, "read as the feature discount"),
    ({"ai_conversion_score": "score_mirror", "ai_clv": "score_mirror"}, "already receives output"),
    # Not an input, but the app's webhook subscriptions watch it: every write would come back.
    ({"ai_strategy": "hs_priority"}, "'hs_priority' sends the app a webhook when it changes"),
])
def test_an_output_onto_a_field_the_app_reads_or_another_output_writes_is_refused(app, tenant, changes, words):
    # Written back where the app reads, an output would come back as the customer's data and
    # each write would look like a rep's edit, starting the pipeline again.
    with pytest.raises(MappingError, match=words):
        settings.set_mappings(app, tenant, "deal", changes, author="ana", describe=portal)
    assert settings.get(app, tenant).version == 0


def test_a_valid_mapping_is_versioned_audited_labelled_and_undoable(app, tenant):
    out = settings.set_mappings(app, tenant, "deal", {"discount": "discount_percent", "segment": "contract_tier",
                                                      "ai_conversion_score": "score_mirror"},
                                author="ana", describe=portal)
    assert out["discount"] == settings.MappingEntry("discount_percent", "Discount (%)", "tenant")
    assert out["segment"].label == "Contract tier"
    assert settings.get(app, tenant).version == 1
    assert settings.history(app, tenant)[0].changes == {
        "deal.ai_conversion_score": [None, "score_mirror"], "deal.discount": [None, "discount_percent"],
        "deal.segment": [None, "contract_tier"]}
    # Setting a feature back to its default field leaves no tenant entry.
    settings.set_mappings(app, tenant, "deal", {"amount": "amount"}, author="ana", describe=portal)
    assert settings.mappings(app, tenant, "deal")["amount"].source == "default"
    settings.undo(app, tenant, author="ana", to_version=0)
    assert "discount" not in settings.mappings(app, tenant, "deal")


def test_validate_reports_mappings_the_crm_no_longer_supports(app, tenant):
    settings.set_mappings(app, tenant, "deal", {"discount": "discount_percent"}, author="ana", describe=portal)
    problems = settings.validate_mappings(app, tenant, "deal",
                                          describe=lambda ot: [f for f in PORTAL_FIELDS if f.name != "discount_percent"])
    by_feature = {p.canonical: p for p in problems}
    assert by_feature["discount"].source == "tenant"
    assert by_feature["discount"].message == "deal property 'discount_percent' does not exist in this account"
    assert by_feature["pipeline"].source == "default"  # this portal lacks a default property too


def test_an_object_type_the_crm_does_not_map_is_refused(app, tenant):
    with pytest.raises(SettingsError, match="object=invoice has no field mapping: allowed one of: deal, company, contact"):
        settings.set_mappings(app, tenant, "invoice", {"amount": "amount"}, author="ana", describe=portal)


def test_the_crm_unreachable_or_failing_is_one_line_not_a_traceback(app, tenant):
    def refused(_ot):
        raise ConnectionError("Connection refused\nmore detail")

    def failing(_ot):
        raise RuntimeError("HTTP 503 Service Unavailable\n<html>...</html>")

    with pytest.raises(settings.CrmUnavailableError) as err:
        settings.set_mappings(app, tenant, "deal", {"discount": "x"}, author="ana", describe=refused)
    assert str(err.value) == f"cannot read the deal fields of {tenant} from its CRM: nothing answers at its API"
    with pytest.raises(settings.CrmUnavailableError) as err:
        settings.set_mappings(app, tenant, "deal", {"discount": "x"}, author="ana", describe=failing)
    assert str(err.value).endswith("from its CRM: HTTP 503 Service Unavailable <html>...</html>")


def test_validate_reports_an_object_the_grant_cannot_describe_and_checks_the_others(app, tenant):
    def partly(object_type):
        if object_type == "company":
            raise PermissionError("This app hasn't been granted all required scopes to make this call.")
        return PORTAL_FIELDS

    problems = settings.validate_mappings(app, tenant, describe=partly)
    company = [p for p in problems if p.object_type == "company"]
    assert len(company) == 1 and company[0].canonical == "*" and "required scopes" in company[0].message
    assert any(p.object_type == "deal" and p.canonical == "pipeline" for p in problems)

    def down(_ot):
        raise ConnectionError("Connection refused")

    with pytest.raises(settings.CrmUnavailableError):
        settings.validate_mappings(app, tenant, describe=down)  # nothing could be checked at all


def test_a_change_based_on_a_stale_version_is_refused_not_lost(app, tenant):
    from app.settings.store import read_state, write_version

    settings.update(app, tenant, {"tone": "formal"}, author="ana")
    with get_db(app).session() as s:
        stale = read_state(s, tenant)  # ben opens the settings page at version 1
    settings.update(app, tenant, {"discount_cap": 0.2}, author="ana")  # ana saves first: version 2
    with pytest.raises(settings.ConcurrentChangeError, match="changed meanwhile"):
        with get_db(app).session() as s:
            write_version(s, tenant, stale, settings=stale.settings.model_copy(update={"autonomy": "auto"}),
                          mappings=stale.mappings, action="settings", author="ben", changes={"autonomy": ["", ""]})
    snap = settings.get(app, tenant)
    assert snap.version == 2 and snap.settings.discount_cap == 0.2 and snap.settings.autonomy == "suggest"


def test_a_huge_or_multi_line_value_is_refused_in_one_short_line(app, tenant):
    with pytest.raises(SettingsError) as err:
        settings.update(app, tenant, {"llm_roles.writer": "openai:" + "x" * 5000}, author="ana")
    with pytest.raises(SettingsError) as err2:
        settings.update(app, tenant, {"tone": "formal\nautonomy=auto"}, author="ana")
    for e in (err.value, err2.value):
        assert "\n" not in str(e) and len(str(e)) < 300
