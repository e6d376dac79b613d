"""versioned tenant settings and field mappings (app/settings)

One table, `settings_versions`, replaces `tenant_settings` and `field_mappings`: each row is a
full snapshot (settings + the tenant's own mappings), with author, time and what changed. The
data of the old tables becomes each tenant's first version ("migrated"), converted to the new
schema: `max_discount`/`approval_discount` → `discount_cap`/`approval_threshold`, the tone
"professional" (which the writer never had: it silently ran as "friendly") → "friendly", the
locale → a language, the untouched allow-list default ["offline"] → null (follow the
deployment's configured providers), `extra` keys that are settings now → their keys.

Revision ID: 0004_settings
Revises: 0003_quarantine
Create Date: 2026-12-01 18:30:00
"""

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004_settings"
down_revision = "0003_quarantine"
branch_labels = None
depends_on = None

# Frozen copies of the schema's values at this revision (a migration never imports app code).
_AUTONOMY = {"suggest", "approve", "auto"}
_TONES = {"friendly", "formal"}
_LANGUAGES = {"en", "de", "fr", "es"}
_PROVIDERS = {"offline", "openai", "anthropic", "openai_compatible"}
_ROLES = {"analyst", "strategist", "writer"}
_EXTRA_KEYS = {"escalate_amount_over", "escalate_churn_over", "card_hidden_scores"}


def _settings_from_row(row: Any) -> dict[str, Any]:
    """The old row as new-schema settings (only keys the row determines; the rest take defaults)."""
    out: dict[str, Any] = {}
    if row.autonomy in _AUTONOMY:
        out["autonomy"] = row.autonomy
    cap = min(max(float(row.max_discount), 0.0), 0.5)
    out["discount_cap"] = cap
    out["approval_threshold"] = min(max(float(row.approval_discount), 0.0), cap)
    allow = [p for p in _loads(row.llm_allow_list, []) if p in _PROVIDERS]
    if allow and allow != ["offline"]:  # ["offline"] was the untouched default: it kept every vendor off
        out["llm_allow_list"] = allow
    roles = {r: s for r, s in _loads(row.llm_roles, {}).items()
             if r in _ROLES and isinstance(s, str) and s.partition(":")[0] in _PROVIDERS}
    if roles:
        out["llm_roles"] = roles
        if "llm_allow_list" in out:
            out["llm_allow_list"] = sorted({*out["llm_allow_list"], *(s.partition(":")[0] for s in roles.values())})
    out["monthly_spend_cap_usd"] = max(float(row.monthly_spend_cap_usd), 0.0)
    out["redact_pii"] = bool(row.redact_pii)
    out["tone"] = row.tone if row.tone in _TONES else "friendly"
    language = str(row.locale or "en").split("-")[0].lower()
    out["language"] = language if language in _LANGUAGES else "en"
    out["min_closed_deals"] = max(int(row.min_closed_deals), 10)
    extra = _loads(row.extra, {})
    out.update({k: v for k, v in extra.items() if k in _EXTRA_KEYS})
    return out


def upgrade() -> None:
    op.create_table(
        "settings_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("mappings", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "version", name="uq_settings_versions_tenant_version"),
    )
    bind = op.get_bind()
    settings = {r.tenant_id: _settings_from_row(r) for r in bind.execute(sa.text("SELECT * FROM tenant_settings"))}
    mappings: dict[str, dict[str, dict[str, Any]]] = {}
    for r in bind.execute(sa.text("SELECT tenant_id, object_type, canonical, crm_field, label FROM field_mappings "
                                  "ORDER BY id")):
        mappings.setdefault(r.tenant_id, {}).setdefault(r.object_type, {})[r.canonical] = {
            "field": r.crm_field, "label": r.label or r.crm_field}
    versions: dict[str, int] = {str(r[0]): int(r[1] or 0)
                                for r in bind.execute(sa.text("SELECT id, settings_version FROM tenants"))}
    table = sa.table("settings_versions", sa.column("tenant_id"), sa.column("version"), sa.column("action"),
                     sa.column("author"), sa.column("at", sa.DateTime(timezone=True)),
                     sa.column("settings", sa.JSON()), sa.column("mappings", sa.JSON()), sa.column("changes", sa.JSON()))
    now = datetime.now(UTC)
    if bind.dialect.name == "sqlite":  # stored naive there, read back as UTC (models.UTCDateTime)
        now = now.replace(tzinfo=None)
    for tenant_id in sorted(set(settings) | set(mappings)):
        if tenant_id not in versions:
            continue
        version = int(versions[tenant_id] or 0) + 1
        op.execute(table.insert().values(tenant_id=tenant_id, version=version, settings=settings.get(tenant_id, {}),
                                         mappings=mappings.get(tenant_id, {}), action="initial",
                                         author="migration 0004_settings", at=now, changes={}))
        op.execute(sa.text("UPDATE tenants SET settings_version = :v WHERE id = :t").bindparams(v=version, t=tenant_id))
    with op.batch_alter_table("field_mappings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_mappings_tenant_id"))
    op.drop_table("field_mappings")
    op.drop_table("tenant_settings")


def downgrade() -> None:
    op.create_table(
        "tenant_settings",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("autonomy", sa.String(length=20), nullable=False),
        sa.Column("max_discount", sa.Float(), nullable=False),
        sa.Column("approval_discount", sa.Float(), nullable=False),
        sa.Column("llm_allow_list", sa.JSON(), nullable=False),
        sa.Column("llm_roles", sa.JSON(), nullable=False),
        sa.Column("monthly_spend_cap_usd", sa.Float(), nullable=False),
        sa.Column("redact_pii", sa.Boolean(), nullable=False),
        sa.Column("locale", sa.String(length=20), nullable=False),
        sa.Column("tone", sa.String(length=40), nullable=False),
        sa.Column("min_closed_deals", sa.Integer(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tenant_id"),
    )
    op.create_table(
        "field_mappings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("canonical", sa.String(length=80), nullable=False),
        sa.Column("crm_field", sa.String(length=120), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "object_type", "canonical", name="uq_field_mappings_canonical"),
    )
    with op.batch_alter_table("field_mappings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_field_mappings_tenant_id"), ["tenant_id"], unique=False)
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT tenant_id, version, settings, mappings FROM settings_versions "
                                "ORDER BY tenant_id, version")).all()
    latest: dict[str, Any] = {r.tenant_id: r for r in rows}
    ts = sa.table("tenant_settings", *(sa.column(c) for c in (
        "tenant_id", "autonomy", "max_discount", "approval_discount", "monthly_spend_cap_usd", "redact_pii",
        "locale", "tone", "min_closed_deals")), sa.column("llm_allow_list", sa.JSON()),
        sa.column("llm_roles", sa.JSON()), sa.column("extra", sa.JSON()))
    fm = sa.table("field_mappings", *(sa.column(c) for c in ("tenant_id", "object_type", "canonical", "crm_field",
                                                               "label")))
    for tenant_id, r in latest.items():
        s = _json(r.settings)
        op.execute(ts.insert().values(
            tenant_id=tenant_id, autonomy=s.get("autonomy", "suggest"), max_discount=s.get("discount_cap", 0.10),
            approval_discount=s.get("approval_threshold", 0.05), llm_allow_list=s.get("llm_allow_list") or ["offline"],
            llm_roles=s.get("llm_roles") or {}, monthly_spend_cap_usd=s.get("monthly_spend_cap_usd", 50.0),
            redact_pii=bool(s.get("redact_pii", True)), locale=s.get("language", "en"),
            tone=s.get("tone", "friendly"), min_closed_deals=s.get("min_closed_deals", 50),
            extra={k: s[k] for k in _EXTRA_KEYS if k in s}))
        for object_type, entries in _json(r.mappings).items():
            for canonical, entry in entries.items():
                op.execute(fm.insert().values(tenant_id=tenant_id, object_type=object_type, canonical=canonical,
                                              crm_field=entry["field"], label=entry.get("label")))
    op.drop_table("settings_versions")


def _loads(value: Any, empty: Any) -> Any:
    """A JSON column read through raw SQL: parsed already (PostgreSQL) or text (SQLite)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return empty
    return value if isinstance(value, type(empty)) else empty


def _json(value: Any) -> dict[str, Any]:
    return dict(_loads(value, {}))
