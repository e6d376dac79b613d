"""The settings service: a tenant's settings and field mappings, validated, versioned, audited.

One service backs the CLI (`agentic-sales settings|mappings ...`), the admin console and the
workers (DESIGN.md, Settings). Public API (stable: other packages build on it):

Settings
    `TenantSettingsModel`       the one pydantic schema; every field has one documented default,
                                a range or a set of values, and a description.
    `get(target, tenant_id) -> Snapshot(version, settings)`
    `update(target, tenant_id, changes, *, author) -> Snapshot`
                                validates, writes a new version (author, time, diff) and an
                                audit row, bumps `tenants.settings_version`. Dotted keys set
                                one entry: `{"llm_roles.writer": "openai:gpt-4o-mini"}`.
    `history(target, tenant_id) -> list[Version(version, author, at, changes, action)]`, newest first
    `undo(target, tenant_id, *, author, to_version=None) -> Snapshot`
                                back to an earlier version (default: the previous one), as a
                                new version.

Field mappings (canonical feature ← CRM field; our output → CRM field)
    `mappings(target, tenant_id, object_type) -> {canonical: MappingEntry(crm_field, label, source)}`
                                source is "default" (the connector's one default table) or "tenant".
    `set_mappings(target, tenant_id, object_type, {canonical: crm_field | None}, *, author,
                  describe=None) -> {canonical: MappingEntry}`
                                checked against the CRM's describe() (exists, type, output
                                writable); versioned and audited like settings; None restores
                                the default.
    `validate_mappings(target, tenant_id, object_type=None, *, describe=None) -> list[Problem]`

Workers
    `current(app, tenant_id) -> State(version, settings, mappings, crm)`: cached per process,
                                reloaded when `tenants.settings_version` moves (next job sees it).

Errors
    `SettingsError(key, value, allowed)`: "discount_cap=1.5 is out of range: allowed 0.0 to 0.5"
    `MappingError` (a SettingsError): "deal property 'foo_bar' does not exist in this account"
    `UnknownTenantError` (LookupError), `CrmUnavailableError`, `ConcurrentChangeError`

`target` is a Flask app (the call runs and commits its own transaction) or an open SQLAlchemy
Session (the caller's transaction; mapping calls then need an app context for the connector).
"""

from app.settings.cache import current
from app.settings.mappings import (
    CrmUnavailableError,
    MappingEntry,
    MappingError,
    Problem,
    effective,
    mappings,
    mappings_at,
    object_types,
    set_mappings,
    validate_mappings,
)
from app.settings.schema import (
    DEFAULTS,
    KEYS,
    SettingsError,
    TenantSettingsModel,
    parse_value,
    reference_table,
)
from app.settings.store import (
    ConcurrentChangeError,
    Snapshot,
    State,
    UnknownTenantError,
    Version,
    at_version,
    get,
    history,
    undo,
    update,
)

__all__ = [
    "DEFAULTS",
    "KEYS",
    "ConcurrentChangeError",
    "CrmUnavailableError",
    "MappingEntry",
    "MappingError",
    "Problem",
    "SettingsError",
    "Snapshot",
    "State",
    "TenantSettingsModel",
    "UnknownTenantError",
    "Version",
    "at_version",
    "current",
    "effective",
    "get",
    "history",
    "mappings",
    "mappings_at",
    "object_types",
    "parse_value",
    "reference_table",
    "set_mappings",
    "undo",
    "update",
    "validate_mappings",
]
