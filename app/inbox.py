"""The durable inbox: verified record changes land here, deduplicated, before any 2xx.

One call inserts a whole batch in the caller's transaction; rows that repeat a delivery key the
tenant already has are skipped by the database itself (ON CONFLICT DO NOTHING), so concurrent
deliveries of the same batch cannot both insert.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.storage.models import InboxEvent, Installation, QuarantinedEvent, Tenant
from app.storage.upsert import insert_if_absent
from webhooks.changes import RecordChange
from webhooks.validation import RejectedEvent


@dataclass
class InboxResult:
    """What an insert did: rows inserted, duplicates skipped, and the records touched."""

    inserted: int = 0
    duplicates: int = 0
    records: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(tenant_id, crm, object_type, record_id) of records with new rows, in first-seen order."""


def insert_changes(
    session: Session, changes: Sequence[RecordChange], *, delivery_id: str | None = None
) -> InboxResult:
    """Insert `changes` into the inbox, skipping known delivery keys; no commit here.

    Args:
        session: the request's session; the caller commits before acknowledging.
        changes: verified, parsed changes (any tenants).
        delivery_id: id of the HTTP delivery, kept for tracing.

    Returns:
        InboxResult with counts and the distinct records that got new rows.
    """
    result = InboxResult()
    unique: dict[tuple[str, str], RecordChange] = {}
    for ch in changes:
        unique.setdefault((ch.tenant_id, ch.delivery_key), ch)
    result.duplicates = len(changes) - len(unique)
    if not unique:
        return result
    now = datetime.now(UTC)
    fresh = list(unique.values())
    if session.get_bind().dialect.name == "postgresql":
        inserted = _insert_postgres(session, fresh, delivery_id=delivery_id, now=now)
    else:
        inserted = _insert_generic(session, fresh, delivery_id=delivery_id, now=now)
    result.inserted = len(inserted)
    result.duplicates += len(fresh) - len(inserted)
    seen: set[tuple[str, str, str, str]] = set()
    for row in inserted:
        key = (row[0], row[1], row[2], row[3])
        if key not in seen:
            seen.add(key)
            result.records.append(key)
    return result


# One statement for the whole batch, whatever its size: the rows travel as one JSON parameter,
# so PostgreSQL plans it once and neither SQLAlchemy nor psycopg converts a thousand parameters.
_PG_INSERT = text("""
INSERT INTO inbox_events (tenant_id, crm, object_type, record_id, kind, properties, occurred_at,
                          delivery_key, delivery_id, attempt, change_source, received_at, status)
SELECT u.tenant_id, u.crm, u.object_type, u.record_id, u.kind, u.properties, u.occurred_at,
       u.delivery_key, :delivery_id, u.attempt, u.change_source, CAST(:now AS timestamptz), 'pending'
FROM json_to_recordset(CAST(:rows AS json))
     AS u(tenant_id text, crm text, object_type text, record_id text, kind text, properties json,
          occurred_at timestamptz, delivery_key text, attempt int, change_source text)
ON CONFLICT (tenant_id, delivery_key) DO NOTHING
RETURNING tenant_id, crm, object_type, record_id
""")


def _insert_postgres(session: Session, changes: list[RecordChange], *, delivery_id: str | None,
                     now: datetime) -> list[Any]:
    rows = [
        {"tenant_id": c.tenant_id, "crm": c.crm, "object_type": c.object_type, "record_id": c.record_id,
         "kind": c.kind, "properties": dict(c.properties), "occurred_at": (c.occurred_at or now).isoformat(),
         "delivery_key": c.delivery_key, "attempt": c.attempt, "change_source": c.change_source}
        for c in changes
    ]
    params = {"rows": json.dumps(rows, default=str), "delivery_id": delivery_id, "now": now}
    return list(session.connection().execute(_PG_INSERT, params).all())


def _insert_generic(session: Session, changes: list[RecordChange], *, delivery_id: str | None,
                    now: datetime) -> list[Any]:
    rows = [
        {"tenant_id": c.tenant_id, "crm": c.crm, "object_type": c.object_type, "record_id": c.record_id,
         "kind": c.kind, "properties": dict(c.properties), "occurred_at": c.occurred_at or now,
         "delivery_key": c.delivery_key, "delivery_id": delivery_id, "attempt": c.attempt,
         "change_source": c.change_source, "received_at": now, "status": "pending", "job_id": None,
         "processed_at": None, "error": None}
        for c in changes
    ]
    statement = insert_if_absent(session, InboxEvent, ["tenant_id", "delivery_key"]).returning(
        InboxEvent.tenant_id, InboxEvent.crm, InboxEvent.object_type, InboxEvent.record_id)
    # executemany with RETURNING: one statement (compiled once, SQLAlchemy caches it), batched by insertmanyvalues.
    return list(session.connection().execute(statement, rows).all())


def quarantine(session: Session, crm: str, rejected: Sequence[RejectedEvent], *,
               delivery_id: str | None = None) -> int:
    """Keep invalid events with their reason (no commit here); return how many.

    The account id is only a hint (the event did not validate): it is never used to find a
    tenant, only to help an admin find where the event came from.
    """
    for r in rejected:
        session.add(QuarantinedEvent(crm=crm, account_hint=r.account_hint, delivery_id=delivery_id,
                                     position=r.index, reason=r.reason[:500], raw=r.raw))
    return len(rejected)


class TenantCache:
    """Which tenant an installed CRM account is, remembered briefly per process (positive only).

    A stale entry after an uninstall in another process is safe: the inbox row's foreign key
    fails, and the receiver forgets the cache and answers from the database.
    """

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._items: dict[tuple[str, str], tuple[str, float]] = {}
        self._lock = threading.Lock()

    def get(self, session: Session, crm: str, external_id: str) -> str | None:
        now = time.monotonic()
        with self._lock:
            hit = self._items.get((crm, external_id))
        if hit and hit[1] > now:
            return hit[0]
        tenant = installed_tenant(session, crm, external_id)
        if tenant is not None and self.ttl > 0:
            with self._lock:
                self._items[(crm, external_id)] = (tenant.id, now + self.ttl)
        return tenant.id if tenant else None

    def forget(self, crm: str | None = None, external_id: str | None = None) -> None:
        with self._lock:
            if crm is None:
                self._items.clear()
            else:
                self._items.pop((crm, str(external_id)), None)


def tenant_cache(app: Any) -> TenantCache:
    """The app's TenantCache."""
    cache = app.extensions.get("tenant_cache")
    if cache is None:
        from app import defaults

        cache = app.extensions["tenant_cache"] = TenantCache(
            float(app.config.get("TENANT_CACHE_SECONDS", defaults.TENANT_CACHE_SECONDS)))
    return cache


def installed_tenant(session: Session, crm: str, external_id: str) -> Tenant | None:
    """The active tenant of a CRM account with a live installation, else None."""
    stmt = (
        select(Tenant)
        .join(Installation, Installation.tenant_id == Tenant.id)
        .where(
            Tenant.crm == crm,
            Tenant.external_id == external_id,
            Tenant.status == "active",
            Installation.revoked_at.is_(None),
        )
        .limit(1)
    )
    return session.execute(stmt).scalars().first()
