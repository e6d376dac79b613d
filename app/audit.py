"""The audit log: one row per thing that happened, with the ids to trace it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.storage.models import AuditLog


def write_audit(
    session: Session,
    event: str,
    *,
    tenant_id: str | None = None,
    object_type: str | None = None,
    record_id: str | None = None,
    job_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """Add an audit row to `session` (committed with the caller's transaction)."""
    row = AuditLog(
        event=event, tenant_id=tenant_id, object_type=object_type, record_id=record_id,
        job_id=job_id, detail=detail or {},
    )
    session.add(row)
    return row
