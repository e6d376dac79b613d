"""The durable inbox: verified record changes land here, deduplicated, before any 2xx.

One call inserts a whole batch in the caller's transaction; rows that repeat a delivery key the
tenant already has are skipped by the database itself (ON CONFLICT DO NOTHING), so concurrent
deliveries of the same batch cannot both insert.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.storage.models import InboxEvent, Installation, Tenant
from webhooks.changes import RecordChange


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
    rows = [
        {
            "tenant_id": ch.tenant_id,
            "crm": ch.crm,
            "object_type": ch.object_type,
            "record_id": ch.record_id,
            "kind": ch.kind,
            "properties": dict(ch.properties),
            "occurred_at": ch.occurred_at or now,
            "delivery_key": ch.delivery_key,
            "delivery_id": delivery_id,
            "attempt": ch.attempt,
            "change_source": ch.change_source,
            "received_at": now,
            "status": "pending",
        }
        for ch in unique.values()
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(InboxEvent)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["tenant_id", "delivery_key"])
        .returning(InboxEvent.tenant_id, InboxEvent.crm, InboxEvent.object_type, InboxEvent.record_id)
    )
    inserted = session.execute(stmt).all()
    result.inserted = len(inserted)
    result.duplicates += len(rows) - len(inserted)
    seen: set[tuple[str, str, str, str]] = set()
    for row in inserted:
        key = (row[0], row[1], row[2], row[3])
        if key not in seen:
            seen.add(key)
            result.records.append(key)
    return result


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
