"""A report computed in the background, at most once at a time per tenant and report, on the app's job queue.

A tenant's first learning report took ~12 s inside the page view that asked for it (wave 26, demo at load): the
console waited with a blank tab. Now the view starts the computation on the job queue (RQ workers in production,
a thread of the embedded worker otherwise) and answers at once. "Once at a time" must hold across web processes
and workers, so the computation holds a lease in `leader_leases` (the scheduler's compare-and-set table): a view
or the scheduler's refresh that cannot take it starts nothing. A computation that fails leaves its error in
`report_cache` (kind "<report>:failed"), which the page shows with a retry button instead of starting it again on
every reload.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from app import defaults
from app.storage import get_db, leader_leases
from app.storage.models import LeaderLease, ReportCache

log = logging.getLogger(__name__)

ERROR_CHARS = 500
"""How much of a failure's message is kept for the page (a traceback belongs in the log, not the console)."""


@dataclass(frozen=True)
class Running:
    """A computation under way: who holds the lease (a token), and since when."""

    token: str
    since: datetime


@dataclass(frozen=True)
class Failure:
    """The last computation's error, kept until a computation succeeds or someone retries."""

    message: str
    at: datetime
    key: str
    """The data key it failed at: new data is worth another try without anyone pressing retry."""


def lease_name(tenant_id: str, kind: str) -> str:
    """The lease row's name (40 characters at most: a digest of the tenant and the report kind)."""
    return "report:" + hashlib.sha256(f"{tenant_id}\0{kind}".encode()).hexdigest()[:24]


def failure_kind(kind: str) -> str:
    return f"{kind}:failed"


def lease_seconds(app: Any) -> float:
    return float(app.config.get("REPORT_COMPUTE_LEASE_SECONDS", defaults.REPORT_COMPUTE_LEASE_SECONDS))


def take(app: Any, tenant_id: str, kind: str, *, now: datetime | None = None) -> Running | None:
    """Take the lease of a report's computation (compare-and-set); None when another holds it and has not expired."""
    at = now or datetime.now(UTC)
    token = uuid.uuid4().hex
    holder = f"{token}@{at.isoformat()}"
    until = at + timedelta(seconds=lease_seconds(app))
    with get_db(app).session() as s:
        return Running(token, at) if leader_leases.take(s, lease_name(tenant_id, kind), holder, until, now=at) else None


def release(app: Any, tenant_id: str, kind: str, token: str) -> None:
    """Give the lease back, only if it is still ours (an expired one may have passed to another computation)."""
    with get_db(app).session() as s:
        s.execute(
            delete(LeaderLease).where(
                LeaderLease.name == lease_name(tenant_id, kind), LeaderLease.holder.startswith(f"{token}@")
            )
        )


def running(app: Any, tenant_id: str, kind: str, *, now: datetime | None = None) -> Running | None:
    """The computation under way (an unexpired lease), if any."""
    at = now or datetime.now(UTC)
    with get_db(app).session() as s:
        row = s.get(LeaderLease, lease_name(tenant_id, kind))
        if row is None or _aware(row.until) < at:
            return None
        token, _, since = row.holder.partition("@")
        try:
            started = _aware(datetime.fromisoformat(since))
        except ValueError:  # a holder written otherwise: its lease began one lease length before it ends
            started = _aware(row.until) - timedelta(seconds=lease_seconds(app))
        return Running(token, started)


def failure(app: Any, tenant_id: str, kind: str) -> Failure | None:
    with get_db(app).session() as s:
        row = s.get(ReportCache, (tenant_id, failure_kind(kind)))
        return None if row is None else Failure(row.body, _aware(row.computed_at), row.key)


def record_failure(app: Any, tenant_id: str, kind: str, key: str, exc: BaseException, seconds: float) -> None:
    message = f"{type(exc).__name__}: {exc}"[:ERROR_CHARS]
    with get_db(app).session() as s:
        row = s.get(ReportCache, (tenant_id, failure_kind(kind)))
        if row is None:
            row = ReportCache(tenant_id=tenant_id, kind=failure_kind(kind))
            s.add(row)
        row.key, row.body, row.computed_at, row.seconds = key, message, datetime.now(UTC), seconds


def clear_failure(app: Any, tenant_id: str, kind: str) -> None:
    with get_db(app).session() as s:
        s.execute(
            delete(ReportCache).where(
                ReportCache.tenant_id == tenant_id, ReportCache.kind == failure_kind(kind)
            )
        )


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def stored_kinds(app: Any, tenant_id: str) -> set[str]:
    with get_db(app).session() as s:
        return set(s.execute(select(ReportCache.kind).where(ReportCache.tenant_id == tenant_id)).scalars())
