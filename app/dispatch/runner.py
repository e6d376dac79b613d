"""The one job function every backend runs: claim the record, process its changes, release.

`run_record_job` takes primitives only (STYLE rule 11) and needs an app context. Transient
failures (exceptions with `should_retry=True`) propagate so the queue retries them; permanent
ones are recorded on the inbox rows and in the audit log, and the job returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from flask import current_app
from sqlalchemy import select, update
from werkzeug.utils import import_string

from app import metrics
from app.audit import write_audit
from app.dispatch import leases
from app.dispatch.leases import RecordKey
from app.storage import get_db
from app.storage.models import InboxEvent

log = logging.getLogger(__name__)


class LeaseLostError(Exception):
    """The job's lease was taken over by a re-dispatch; this copy must stop without committing."""

    should_retry = False


@dataclass
class JobContext:
    """What the pipeline gets for one record: ids, the pending changes, and a lease renewer."""

    key: RecordKey
    job_id: str
    changes: list[dict[str, Any]]
    attempt: int = 0
    renew: Callable[[], None] = field(default=lambda: None)


def _now() -> datetime:
    return datetime.now(UTC)


def run_record_job(tenant_id: str, crm: str, object_type: str, record_id: str, job_id: str) -> dict[str, Any]:
    """Process every pending change of one record under the record's lease.

    Returns:
        A small JSON-ready summary (status and counts), also written to the audit log.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    db = get_db(app)
    key = RecordKey(tenant_id, crm, object_type, record_id)
    job_fn = import_string(app.config["JOB_FUNCTION"])
    if getattr(job_fn, "batch", False):
        from app.dispatch.batch import run_batch

        return run_batch(app, key, job_id, job_fn)
    lease = float(app.config["LEASE_SECONDS"])
    started = time.perf_counter()
    with db.session() as s:
        if not leases.claim(s, key, job_id, now=_now(), lease=lease):
            metrics.JOBS.labels(outcome="superseded").inc()
            log.info("job superseded", extra={"tenant_id": tenant_id, "job_id": job_id})
            return {"status": "superseded"}
        rows = s.execute(
            select(InboxEvent)
            .where(
                InboxEvent.tenant_id == tenant_id,
                InboxEvent.object_type == object_type,
                InboxEvent.record_id == record_id,
                InboxEvent.status == "pending",
            )
            .order_by(InboxEvent.occurred_at, InboxEvent.id)
        ).scalars().all()
        snapshot = [_change_dict(r) for r in rows]
        write_audit(
            s, "job.started", tenant_id=tenant_id, object_type=object_type, record_id=record_id,
            job_id=job_id, detail={"changes": len(snapshot)},
        )
    ids = [c["id"] for c in snapshot]
    log.info("job started", extra={"tenant_id": tenant_id, "job_id": job_id, "changes": len(ids)})

    def renew() -> None:
        with db.session() as s2:
            if not leases.renew(s2, key, job_id, now=_now(), lease=lease):
                raise LeaseLostError(f"job {job_id} lost its lease")

    ctx = JobContext(key=key, job_id=job_id, changes=snapshot, renew=renew)
    process: Callable[[JobContext], dict[str, Any]] = import_string(app.config["JOB_FUNCTION"])
    try:
        result = process(ctx) or {}
    except LeaseLostError:
        metrics.JOBS.labels(outcome="lease_lost").inc()
        raise
    except Exception as exc:
        if getattr(exc, "should_retry", False):
            metrics.JOBS.labels(outcome="retry").inc()
            from app import defaults

            delay = max(defaults.JOB_RETRY_INTERVALS) * float(app.config.get("RETRY_SCALE", 1.0))
            with db.session() as s:
                leases.retry_later(s, key, job_id, now=_now(), delay=delay, lease=lease)
                write_audit(
                    s, "job.retrying", tenant_id=tenant_id, object_type=object_type, record_id=record_id,
                    job_id=job_id, detail={"error": str(exc)[:500], "type": type(exc).__name__},
                )
            raise
        _finish(db, key, job_id, ids, status="failed", error=f"{type(exc).__name__}: {exc}"[:2000],
                detail={"error": str(exc)[:500], "type": type(exc).__name__})
        metrics.JOBS.labels(outcome="failed").inc()
        log.exception("job failed permanently", extra={"tenant_id": tenant_id, "job_id": job_id})
        _reschedule_if_pending(app, key)
        return {"status": "failed", "error": str(exc)[:500]}
    duration = time.perf_counter() - started
    detail = {"changes": len(ids), "duration_ms": round(duration * 1000, 1), **result}
    _finish(db, key, job_id, ids, status="processed", error=None, detail=detail)
    metrics.JOBS.labels(outcome="completed").inc()
    metrics.JOB_SECONDS.observe(duration)
    log.info("job completed", extra={"tenant_id": tenant_id, "job_id": job_id})
    _reschedule_if_pending(app, key)
    return {"status": "processed", **detail}


def _finish(db: Any, key: RecordKey, job_id: str, ids: list[int], *, status: str, error: str | None,
            detail: dict[str, Any]) -> None:
    now = _now()
    with db.session() as s:
        if not leases.release(s, key, job_id, now=now):
            raise LeaseLostError(f"job {job_id} lost its lease before committing")
        if ids:
            s.execute(
                update(InboxEvent)
                .where(InboxEvent.id.in_(ids), InboxEvent.status == "pending")
                .values(status=status, job_id=job_id, processed_at=now, error=error)
            )
        write_audit(
            s, "job.completed" if status == "processed" else "job.failed", tenant_id=key.tenant_id,
            object_type=key.object_type, record_id=key.record_id, job_id=job_id, detail=detail,
        )


def _reschedule_if_pending(app: Any, key: RecordKey) -> None:
    """Changes that arrived while the job ran get a job of their own (never raises)."""
    try:
        from app.dispatch import get_dispatcher

        with get_db(app).session() as s:
            if leases.pending_count(s, key) == 0:
                return
        get_dispatcher(app).schedule([key])
    except Exception:  # the sweeper is the safety net for anything missed here
        log.exception("could not reschedule pending changes")


def _change_dict(row: InboxEvent) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "properties": row.properties,
        "occurred_at": row.occurred_at.isoformat() if row.occurred_at else None,
        "received_at": row.received_at.isoformat() if row.received_at else None,
        "change_source": row.change_source,
        "delivery_id": row.delivery_id,
        "attempt": row.attempt,
    }
