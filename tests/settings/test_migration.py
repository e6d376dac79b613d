"""Migration 0004_settings carries each tenant's old settings row and mapping rows into its first
version, converted to the schema (and back on downgrade), on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from app.storage import migrate
from tests.conftest import need, pg_url

LEGACY = [
    # tenant, autonomy, max_discount, approval, allow-list, roles, tone, locale, extra
    ("hubspot-1", "suggest", 0.15, 0.10, ["offline"], {}, "professional", "en-US", {}),
    ("hubspot-2", "auto", 0.30, 0.40, ["openai"], {"writer": "anthropic:claude-haiku-4-5"}, "formal", "de-DE",
     {"escalate_amount_over": 5000, "card_hidden_scores": ["churn"]}),
]


def seed_legacy(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        for tid, autonomy, cap, approval, allow, roles, tone, locale, extra in LEGACY:
            conn.execute(text("INSERT INTO tenants (id, crm, external_id, status, created_at, settings_version) "
                              "VALUES (:id, 'hubspot', :ext, 'active', CURRENT_TIMESTAMP, 3)"),
                         {"id": tid, "ext": tid.split("-")[1]})
            conn.execute(text(
                "INSERT INTO tenant_settings (tenant_id, autonomy, max_discount, approval_discount, llm_allow_list, "
                "llm_roles, monthly_spend_cap_usd, redact_pii, locale, tone, min_closed_deals, extra) VALUES "
                "(:t, :a, :cap, :ap, :allow, :roles, 50.0, true, :locale, :tone, 50, :extra)"),
                {"t": tid, "a": autonomy, "cap": cap, "ap": approval, "allow": json.dumps(allow),
                 "roles": json.dumps(roles), "locale": locale, "tone": tone, "extra": json.dumps(extra)})
        conn.execute(text("INSERT INTO field_mappings (tenant_id, object_type, canonical, crm_field, label) VALUES "
                          "('hubspot-2', 'deal', 'discount', 'discount_percent', 'Discount (%)')"))
    engine.dispose()


def check_migrated(url: str) -> None:
    from app import create_app
    from app import settings as service

    app = create_app({"TESTING": True, "DATABASE_URL": url, "START_WORKER": False, "REDIS_URL": None})
    with app.app_context():
        one = service.get(app, "hubspot-1")
        two = service.get(app, "hubspot-2")
        deal = service.mappings(app, "hubspot-2", "deal")
        first = service.history(app, "hubspot-2")
    assert one.version == 4 and two.version == 4  # the old version number moves on by one
    # "professional" was never a tone the writer had: it ran as friendly, and stays so.
    assert one.settings.tone == "friendly" and one.settings.discount_cap == 0.15
    assert one.settings.approval_threshold == 0.10 and one.settings.language == "en"
    assert one.settings.llm_allow_list is None  # the untouched ["offline"] default: follow the deployment
    s2 = two.settings
    assert (s2.autonomy, s2.discount_cap, s2.approval_threshold) == ("auto", 0.30, 0.30)  # clamped to the cap
    assert s2.llm_allow_list == ["anthropic", "openai"]  # grown to cover the writer it already named
    assert s2.llm_roles == {"writer": "anthropic:claude-haiku-4-5"} and s2.tone == "formal" and s2.language == "de"
    assert s2.escalate_amount_over == 5000 and s2.card_hidden_scores == ["churn"]
    assert deal["discount"] == service.MappingEntry("discount_percent", "Discount (%)", "tenant")
    assert [(v.version, v.action) for v in first] == [(4, "initial")]


def test_old_settings_and_mappings_become_each_tenants_first_version_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'legacy.db'}"
    migrate.upgrade(url, "0003_quarantine")
    seed_legacy(url)
    migrate.upgrade(url)
    check_migrated(url)
    migrate.downgrade(url, "0003_quarantine")
    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT max_discount, tone, extra FROM tenant_settings WHERE tenant_id='hubspot-2'")).one()
        mapped = conn.execute(text("SELECT crm_field FROM field_mappings WHERE tenant_id='hubspot-2'")).scalar()
    engine.dispose()
    assert row[0] == 0.30 and row[1] == "formal" and json.loads(row[2])["card_hidden_scores"] == ["churn"]
    assert mapped == "discount_percent"


@pytest.mark.postgres
def test_old_settings_and_mappings_become_each_tenants_first_version_on_postgresql():
    need("postgres")
    url = pg_url()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS migtest_settings CASCADE"))
        conn.execute(text("CREATE SCHEMA migtest_settings"))
    engine.dispose()
    scoped = url + ("&" if "?" in url else "?") + "options=-csearch_path%3Dmigtest_settings"
    try:
        migrate.upgrade(scoped, "0003_quarantine")
        seed_legacy(scoped)
        migrate.upgrade(scoped)
        check_migrated(scoped)
        migrate.downgrade(scoped, "0003_quarantine")
        migrate.upgrade(scoped)
    finally:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA migtest_settings CASCADE"))
        engine.dispose()
