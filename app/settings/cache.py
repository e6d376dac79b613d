"""Per-process view of each tenant's configuration, refreshed when its version number moves.

A worker asks `current(app, tenant_id)` at the start of every job: one indexed read of
`tenants.settings_version`; the stored version is loaded again only when that number differs from
the cached one. So a change made through the CLI or the console is used by every running worker
in its next job, without a restart (DESIGN.md, Shared state).
"""

from __future__ import annotations

import threading

from flask import Flask
from sqlalchemy import select

from app.settings.store import State, read_state, session_for
from app.storage.models import Tenant

_lock = threading.Lock()
CACHE_KEY = "tenant_settings_state"


def current(app: Flask, tenant_id: str) -> State:
    """The tenant's current settings and mappings (cached per process and version).

    Raises:
        UnknownTenantError: no such tenant.
    """
    cache: dict[str, State] = app.extensions.setdefault(CACHE_KEY, {})
    with session_for(app) as s:
        version = s.execute(select(Tenant.settings_version).where(Tenant.id == tenant_id)).scalar_one_or_none()
        with _lock:
            hit = cache.get(tenant_id)
        if hit is not None and version is not None and hit.version == int(version):
            return hit
        state = read_state(s, tenant_id)
    with _lock:
        cache[tenant_id] = state
    return state


def forget(app: Flask, tenant_id: str) -> None:
    """Drop a tenant's cached state (after uninstall)."""
    with _lock:
        app.extensions.get(CACHE_KEY, {}).pop(tenant_id, None)
