"""Versioned, audited storage of a tenant's settings and field mappings.

Every change writes a NEW `settings_versions` row holding the whole configuration (settings and
the tenant's own mappings), its author, time and diff, plus an `audit_log` row, and moves
`tenants.settings_version` to the new number by compare-and-set: two concurrent writers cannot
both succeed with the same base. Undo writes a new version equal to an older one, so history is
never rewritten.

Functions take a Flask app (they open and commit their own transaction) or an open SQLAlchemy
Session (the caller's transaction; the caller commits).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import Flask
from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from app.audit import write_audit
from app.settings.schema import (
    DEFAULTS,
    SettingsError,
    TenantSettingsModel,
    apply_changes,
    check_deployment_roles,
    diff,
    validate,
)
from app.storage import get_db, rowcount
from app.storage.models import SettingsVersion, Tenant, utcnow

log = logging.getLogger(__name__)

Target = Flask | Session
"""Where to read and write: an app (own transaction) or a session (the caller's)."""

MAX_AUTHOR_CHARS = 255


class UnknownTenantError(LookupError):
    """No tenant with that id; the message lists the known ones (a few)."""

    def __init__(self, tenant_id: str, known: list[str]) -> None:
        self.tenant_id = tenant_id
        shown = ", ".join(known[:10]) + (" ..." if len(known) > 10 else "")
        super().__init__(f"no tenant {tenant_id!r}; known tenants: {shown or 'none'}")


class ConcurrentChangeError(RuntimeError):
    """Someone else changed the tenant's settings between our read and our write: read again and retry."""


@dataclass(frozen=True)
class Snapshot:
    """A tenant's settings at one version."""

    version: int
    settings: TenantSettingsModel


@dataclass(frozen=True)
class Version:
    """One entry of a tenant's settings history."""

    version: int
    author: str
    at: datetime
    changes: dict[str, list[Any]] = field(default_factory=dict)
    action: str = "settings"

    def as_json(self) -> dict[str, Any]:
        return {"version": self.version, "author": self.author, "at": self.at.isoformat(),
                "action": self.action, "changes": self.changes}


@dataclass(frozen=True)
class State:
    """Everything one version holds: the settings and the tenant's own mappings."""

    version: int
    settings: TenantSettingsModel
    mappings: dict[str, dict[str, dict[str, str]]]
    crm: str


@contextmanager
def session_for(target: Target) -> Iterator[Session]:
    """A session on `target`: the given one, or a new committed transaction on the app's database."""
    if isinstance(target, Session):
        yield target
    else:
        with get_db(target).session() as s:
            yield s


def get(target: Target, tenant_id: str) -> Snapshot:
    """The tenant's current settings and version number.

    Raises:
        UnknownTenantError: no such tenant.
    """
    with session_for(target) as s:
        state = read_state(s, tenant_id)
    return Snapshot(state.version, state.settings)


def at_version(target: Target, tenant_id: str, version: int) -> Snapshot | None:
    """The tenant's settings as they were at `version`; None when no such version is stored.

    Raises:
        UnknownTenantError: no such tenant.
    """
    with session_for(target) as s:
        state = state_at(s, tenant_id, version)
    return None if state is None else Snapshot(state.version, state.settings)


def update(target: Target, tenant_id: str, changes: Mapping[str, Any], *, author: str) -> Snapshot:
    """Validate `changes` against the current settings and store them as a new version.

    Args:
        changes: {key: value}; dotted keys set one entry of a dict setting (`llm_roles.writer`).
        author: who made the change (an email, `cli:<user>`, `admin:<name>`), kept in history.

    Raises:
        SettingsError: an unknown key or a value outside what is allowed (nothing is written).
        UnknownTenantError: no such tenant.
        ConcurrentChangeError: another change landed first.
    """
    author = check_author(author)
    with session_for(target) as s:
        state = read_state(s, tenant_id)
        new = apply_changes(state.settings, changes)
        if any(str(k).split(".")[0] in ("llm_allow_list", "llm_roles") for k in changes):
            check_deployment_roles(new, deployment_roles(target))
        changed = diff(state.settings, new)
        if not changed:
            return Snapshot(state.version, state.settings)
        version = write_version(s, tenant_id, state, settings=new, mappings=state.mappings, action="settings",
                                author=author, changes=changed)
    return Snapshot(version, new)


def history(target: Target, tenant_id: str, *, limit: int | None = None) -> list[Version]:
    """The tenant's versions, newest first.

    Raises:
        UnknownTenantError: no such tenant.
    """
    with session_for(target) as s:
        require_tenant(s, tenant_id)
        stmt = (select(SettingsVersion).where(SettingsVersion.tenant_id == tenant_id)
                .order_by(SettingsVersion.version.desc()))
        if limit:
            stmt = stmt.limit(limit)
        rows = s.execute(stmt).scalars().all()
        return [Version(r.version, r.author, r.at, dict(r.changes or {}), r.action) for r in rows]


def undo(target: Target, tenant_id: str, *, author: str, to_version: int | None = None) -> Snapshot:
    """Return to an earlier version (by default the one before the current), as a new version.

    Raises:
        SettingsError: `to_version` is not an earlier version of this tenant, or there is nothing
            to undo (the tenant is at its first version).
        UnknownTenantError: no such tenant.
    """
    author = check_author(author)
    with session_for(target) as s:
        state = read_state(s, tenant_id)
        rows = s.execute(select(SettingsVersion).where(SettingsVersion.tenant_id == tenant_id)
                         .order_by(SettingsVersion.version.desc())).scalars().all()
        earlier = [r for r in rows if r.version < state.version]
        if not earlier:
            raise SettingsError("to_version", to_version if to_version is not None else state.version - 1,
                                f"an earlier version (version {state.version} is the first)",
                                problem="cannot be undone to")
        if to_version is None:
            target_row = earlier[0]
        else:
            matches = [r for r in earlier if r.version == to_version]
            if not matches:
                low, high = earlier[-1].version, earlier[0].version
                raise SettingsError("to_version", to_version, f"{low} to {high}", problem="is not an earlier version")
            target_row = matches[0]
        settings = load_settings(target_row.settings or {}, tenant_id)
        mappings = dict(target_row.mappings or {})
        changes: dict[str, list[Any]] = {**diff(state.settings, settings), **mapping_diff(state.mappings, mappings)}
        version = write_version(s, tenant_id, state, settings=settings, mappings=mappings, action="undo",
                                author=author, changes=changes, undo_to=target_row.version)
    return Snapshot(version, settings)


# -- shared with app.settings.mappings ----------------------------------------------------------

def require_tenant(s: Session, tenant_id: str) -> Tenant:
    tenant = s.get(Tenant, tenant_id)
    if tenant is None:
        known = list(s.execute(select(Tenant.id).order_by(Tenant.id).limit(11)).scalars())
        raise UnknownTenantError(tenant_id, known)
    return tenant


def read_state(s: Session, tenant_id: str) -> State:
    """The tenant's current version: the newest row, else defaults at the tenant's version number."""
    tenant = require_tenant(s, tenant_id)
    row = latest_row(s, tenant_id)
    if row is None:
        return State(int(tenant.settings_version or 0), DEFAULTS, {}, tenant.crm)
    return State(max(row.version, int(tenant.settings_version or 0)), load_settings(row.settings or {}, tenant_id),
                 dict(row.mappings or {}), tenant.crm)


def state_at(s: Session, tenant_id: str, version: int) -> State | None:
    """Everything the tenant's configuration held at `version` (settings and mappings); None when not stored.

    Raises:
        UnknownTenantError: no such tenant.
    """
    state = read_state(s, tenant_id)
    if version == state.version:
        return state
    row = s.execute(select(SettingsVersion).where(SettingsVersion.tenant_id == tenant_id,
                                                  SettingsVersion.version == version)).scalars().first()
    if row is None:
        return None
    return State(row.version, load_settings(row.settings or {}, tenant_id), dict(row.mappings or {}), state.crm)


def latest_row(s: Session, tenant_id: str) -> SettingsVersion | None:
    return s.execute(select(SettingsVersion).where(SettingsVersion.tenant_id == tenant_id)
                     .order_by(SettingsVersion.version.desc()).limit(1)).scalars().first()


def write_version(s: Session, tenant_id: str, base: State, *, settings: TenantSettingsModel,
                  mappings: Mapping[str, Any], action: str, author: str, changes: Mapping[str, Any],
                  undo_to: int | None = None) -> int:
    """Store a new version on top of `base` (compare-and-set on tenants.settings_version)."""
    if latest_row(s, tenant_id) is None:
        # The state before the first change, so that it can be undone to and shows in history.
        s.add(SettingsVersion(tenant_id=tenant_id, version=base.version, settings=base.settings.model_dump(mode="json"),
                              mappings=dict(base.mappings), action="initial", author="system", changes={}))
    new_version = base.version + 1
    moved = s.execute(sql_update(Tenant).where(Tenant.id == tenant_id, Tenant.settings_version == base.version)
                      .values(settings_version=new_version))
    if rowcount(moved) != 1:
        raise ConcurrentChangeError(f"the settings of {tenant_id} changed meanwhile (was version {base.version}); "
                                    "read them again and retry")
    s.add(SettingsVersion(tenant_id=tenant_id, version=new_version, settings=settings.model_dump(mode="json"),
                          mappings=dict(mappings), action=action, author=author, changes=dict(changes),
                          at=utcnow()))
    detail: dict[str, Any] = {"version": new_version, "action": action, "author": author, "changes": dict(changes)}
    if undo_to is not None:
        detail["undo_to"] = undo_to
    write_audit(s, f"settings.{action}", tenant_id=tenant_id, detail=detail)
    s.flush()
    log.info("settings of %s: version %d by %s (%s)", tenant_id, new_version, author, action,
             extra={"tenant_id": tenant_id})
    return new_version


def load_settings(stored: Mapping[str, Any], tenant_id: str = "") -> TenantSettingsModel:
    """Stored settings as the model. A stored value the schema no longer accepts (a setting
    removed or narrowed since) falls back to its default, with an error logged, rather than
    stopping every job of the tenant."""
    data = {k: v for k, v in stored.items() if k in TenantSettingsModel.model_fields}
    for _ in range(len(data) + 1):
        try:
            return validate(data)
        except SettingsError as exc:
            key = exc.key.split(".")[0]
            log.error("stored setting of %s no longer valid, using its default: %s", tenant_id, exc,
                      extra={"tenant_id": tenant_id})
            if key not in data:
                break
            data.pop(key)
    return DEFAULTS


def mapping_diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """{"object_type.canonical": [old field, new field]} between two mapping overlays."""
    out: dict[str, list[Any]] = {}
    for object_type in sorted(set(old) | set(new)):
        a, b = old.get(object_type) or {}, new.get(object_type) or {}
        for canonical in sorted(set(a) | set(b)):
            fa, fb = (a.get(canonical) or {}).get("field"), (b.get(canonical) or {}).get("field")
            if fa != fb:
                out[f"{object_type}.{canonical}"] = [fa, fb]
    return out


def deployment_roles(target: Target) -> dict[str, str]:
    """role → `provider:model` as the deployment configures it (empty outside an app)."""
    from flask import current_app, has_app_context

    app = target if isinstance(target, Flask) else (current_app if has_app_context() else None)
    if app is None:
        return {}
    return {role: str(app.config.get(f"LLM_{role.upper()}") or "") for role in ("analyst", "strategist", "writer")}


def check_author(author: str) -> str:
    text = str(author or "").strip()
    if not text:
        raise SettingsError("author", author, "a non-empty name (who made the change)", problem="is missing")
    return text[:MAX_AUTHOR_CHARS]
