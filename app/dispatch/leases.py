"""Per-record job state in `record_jobs`, changed only by compare-and-set statements.

A record has at most one live job id at a time (the fence). Every transition is one UPDATE
whose WHERE clause states the expected current state, so two webhook requests, two workers or a
worker and the sweeper can race without running two live copies of a record's job. No
read-then-write: SQLite in WAL mode cannot upgrade a stale read transaction to a writer.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select, text, update
from sqlalchemy.orm import Session

from app.storage import rowcount
from app.storage.models import InboxEvent, RecordJob
from app.storage.upsert import insert_if_absent

_JOB_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True, order=True)
class RecordKey:
    """Identifies one record's job stream."""

    tenant_id: str
    crm: str
    object_type: str
    record_id: str

    def as_args(self) -> list[str]:
        return [self.tenant_id, self.crm, self.object_type, self.record_id]


JOB_ID_CHARS = 128
"""Longest job id the tables store (record_jobs.job_id)."""

_BATCH_LIMIT = re.compile(r"-max(\d+)$")
"""The suffix of a job id that limits the batch its job starts (`-max40`; never hex, so never a generation)."""


def new_job_id(key: RecordKey, *, limit: int | None = None) -> str:
    """A fresh job id for `key`: the record, plus a generation suffix; RQ-safe characters only.

    `limit`: the batch this job starts takes at most this many records (`-max<N>`; a timed-out batch's
    records are handed back so, app/dispatch/timeouts.py)."""
    prefix = job_id_prefix(key.crm, key.tenant_id)
    record = _JOB_ID_UNSAFE.sub("_", f"{key.object_type}-{key.record_id}")
    tail = f"-{uuid.uuid4().hex[:10]}" + (f"-max{int(limit)}" if limit else "")
    if len(prefix) + len(record) + len(tail) > JOB_ID_CHARS:
        # job ids are stored in 128 characters: a record id too long to fit is named by its digest, so the id still
        # begins with the tenant's prefix (an uninstall finds it) and still carries its batch limit.
        room = JOB_ID_CHARS - len(prefix) - len(tail)
        record = "h" + hashlib.sha256(f"{key.object_type}/{key.record_id}".encode()).hexdigest()[:room - 1]
    return prefix + record + tail


def job_id_prefix(crm: str, tenant_id: str) -> str:
    """How every record job id of a tenant begins (`new_job_id`): an uninstall deletes the queue's jobs by it."""
    return _JOB_ID_UNSAFE.sub("_", f"{crm}-{tenant_id}-")


def batch_limit(job_id: str) -> int | None:
    """The batch size a job id limits its batch to (`new_job_id(limit=...)`), or None."""
    found = _BATCH_LIMIT.search(job_id)
    return int(found.group(1)) if found else None


def _where_key(key: RecordKey):  # noqa: ANN202 - SQLAlchemy expression
    return and_(
        RecordJob.tenant_id == key.tenant_id,
        RecordJob.object_type == key.object_type,
        RecordJob.record_id == key.record_id,
    )


def schedule(session: Session, key: RecordKey, *, now: datetime, delay: float, lease: float) -> str | None:
    """Move the record's job from idle to scheduled; return the new job id, or None if coalesced.

    The UPDATE touches the row whatever its state, so it takes the row lock and serialises with a
    worker finishing the same record (which then sees our inbox rows).
    """
    session.execute(insert_if_absent(
        session, RecordJob, ["tenant_id", "object_type", "record_id"],
        tenant_id=key.tenant_id, crm=key.crm, object_type=key.object_type,
        record_id=key.record_id, state="idle", updated_at=now, dispatch_count=0,
    ))
    job_id = new_job_id(key)
    run_after = now + timedelta(seconds=delay)
    idle = RecordJob.state == "idle"
    row = session.execute(
        update(RecordJob)
        .where(_where_key(key))
        .values(
            state=case((idle, "scheduled"), else_=RecordJob.state),
            job_id=case((idle, job_id), else_=RecordJob.job_id),
            run_after=case((idle, run_after), else_=RecordJob.run_after),
            lease_until=case((idle, run_after + timedelta(seconds=lease)), else_=RecordJob.lease_until),
            dispatch_count=case((idle, RecordJob.dispatch_count + 1), else_=RecordJob.dispatch_count),
            updated_at=now,
        )
        .returning(RecordJob.job_id)
    ).first()
    return job_id if row is not None and row[0] == job_id else None


_PG_KEYS = ("json_to_recordset(CAST(:keys AS json)) AS v(tenant_id text, crm text, object_type text, "
            "record_id text, job_id text)")
_PG_CREATE = text(
    "INSERT INTO record_jobs (tenant_id, crm, object_type, record_id, state, dispatch_count, updated_at) "
    f"SELECT v.tenant_id, v.crm, v.object_type, v.record_id, 'idle', 0, CAST(:now AS timestamptz) FROM {_PG_KEYS} "
    "ON CONFLICT (tenant_id, object_type, record_id) DO NOTHING"
)
_PG_LOCK = text(
    "SELECT id FROM record_jobs WHERE (tenant_id, object_type, record_id) IN "
    f"(SELECT v.tenant_id, v.object_type, v.record_id FROM {_PG_KEYS}) "
    "ORDER BY tenant_id, object_type, record_id FOR UPDATE"
)
_PG_SCHEDULE = text("""
UPDATE record_jobs AS j SET
  state = CASE WHEN j.state = 'idle' THEN 'scheduled' ELSE j.state END,
  job_id = CASE WHEN j.state = 'idle' THEN v.job_id ELSE j.job_id END,
  run_after = CASE WHEN j.state = 'idle' THEN CAST(:run_after AS timestamptz) ELSE j.run_after END,
  lease_until = CASE WHEN j.state = 'idle' THEN CAST(:lease_until AS timestamptz) ELSE j.lease_until END,
  dispatch_count = CASE WHEN j.state = 'idle' THEN j.dispatch_count + 1 ELSE j.dispatch_count END,
  updated_at = CAST(:now AS timestamptz)
FROM json_to_recordset(CAST(:keys AS json))
     AS v(tenant_id text, crm text, object_type text, record_id text, job_id text)
WHERE j.tenant_id = v.tenant_id AND j.object_type = v.object_type AND j.record_id = v.record_id
RETURNING j.tenant_id, j.object_type, j.record_id, j.job_id, v.job_id
""")


def schedule_many(session: Session, keys: list[RecordKey], *, now: datetime, delay: float,
                  lease: float) -> list[tuple[RecordKey, str]]:
    """`schedule` for a whole webhook batch; returns (key, new job id) for records not coalesced.

    On PostgreSQL it is three statements whatever the batch size (rows created, locked in key
    order so concurrent batches cannot deadlock, then one compare-and-set UPDATE); elsewhere it
    schedules record by record (SQLite serialises writers anyway).
    """
    keys = sorted(set(keys))
    if not keys:
        return []
    if session.get_bind().dialect.name != "postgresql":
        out = []
        for key in keys:
            job_id = schedule(session, key, now=now, delay=delay, lease=lease)
            if job_id:
                out.append((key, job_id))
        return out
    conn = session.connection()
    ids = {k: new_job_id(k) for k in keys}
    payload = json.dumps([{"tenant_id": k.tenant_id, "crm": k.crm, "object_type": k.object_type,
                           "record_id": k.record_id, "job_id": ids[k]} for k in keys])
    conn.execute(_PG_CREATE, {"keys": payload, "now": now})
    conn.execute(_PG_LOCK, {"keys": payload})
    run_after = now + timedelta(seconds=delay)
    rows = conn.execute(_PG_SCHEDULE, {"keys": payload, "run_after": run_after,
                                       "lease_until": run_after + timedelta(seconds=lease), "now": now}).all()
    won = {(r[0], r[1], r[2]) for r in rows if r[3] == r[4]}
    return [(k, ids[k]) for k in keys if (k.tenant_id, k.object_type, k.record_id) in won]


def lock_tenant_claims(session: Session, tenant_id: str) -> None:
    """Serialise batch claims of one tenant until the end of the transaction.

    PostgreSQL: a transaction-level advisory lock on the tenant (no row lock, so webhook inserts,
    whose foreign keys share-lock the tenant row, never wait on it). SQLite serialises writers
    already.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:t))"), {"t": f"claims:{tenant_id}"})


def claim(session: Session, key: RecordKey, job_id: str, *, now: datetime, lease: float) -> bool:
    """Mark `job_id` running if it is the record's live, scheduled job; False means superseded.

    A job already running cannot be claimed again, not even under its own id: a queue that
    re-delivers a job it believes abandoned must wait for the lease to expire and the sweeper.
    """
    result = session.execute(
        update(RecordJob)
        .where(_where_key(key), RecordJob.job_id == job_id, RecordJob.state == "scheduled")
        .values(state="running", lease_until=now + timedelta(seconds=lease), updated_at=now)
    )
    return rowcount(result) == 1


def renew(session: Session, key: RecordKey, job_id: str, *, now: datetime, lease: float) -> bool:
    """Extend a running job's lease; False means the job lost its lease and must stop."""
    result = session.execute(
        update(RecordJob)
        .where(_where_key(key), RecordJob.job_id == job_id, RecordJob.state == "running")
        .values(lease_until=now + timedelta(seconds=lease), updated_at=now)
    )
    return rowcount(result) == 1


def retry_later(session: Session, key: RecordKey, job_id: str, *, now: datetime, delay: float,
                lease: float) -> bool:
    """Hand a transiently failed job back to the queue's retry under the same id."""
    result = session.execute(
        update(RecordJob)
        .where(_where_key(key), RecordJob.job_id == job_id, RecordJob.state == "running")
        .values(state="scheduled", run_after=now + timedelta(seconds=delay),
                lease_until=now + timedelta(seconds=delay + lease), updated_at=now)
    )
    return rowcount(result) == 1


def release(session: Session, key: RecordKey, job_id: str, *, now: datetime, succeeded: bool = False) -> bool:
    """Set the record idle if `job_id` still holds it; False means the fence was lost.

    `succeeded` also clears the record's count of transient failures in a row (one statement
    instead of a second transaction per record)."""
    values: dict[str, Any] = {"state": "idle", "lease_until": None, "updated_at": now}
    if succeeded:
        values["failures"] = 0
    result = session.execute(update(RecordJob).where(_where_key(key), RecordJob.job_id == job_id).values(**values))
    return rowcount(result) == 1


def _batch_rows(jobs: list[tuple[RecordKey, str]]) -> tuple[Any, ...]:
    """WHERE terms selecting one tenant's batch of records, each still held by its own job id."""
    first = jobs[0][0]
    return (RecordJob.tenant_id == first.tenant_id, RecordJob.object_type == first.object_type,
            RecordJob.record_id.in_([k.record_id for k, _j in jobs]), RecordJob.job_id.in_([j for _k, j in jobs]))


def release_many(session: Session, jobs: list[tuple[RecordKey, str]], *, now: datetime) -> set[str]:
    """`release(..., succeeded=True)` for one tenant's batch in one statement; returns the job ids
    that still held their record (the others lost their fence: their new job runs the record)."""
    if not jobs:
        return set()
    rows = session.execute(
        update(RecordJob)
        .where(*_batch_rows(jobs))
        .values(state="idle", lease_until=None, failures=0, updated_at=now)
        .returning(RecordJob.job_id)
        .execution_options(synchronize_session=False)
    ).all()
    return {str(r[0]) for r in rows}


def renew_many(session: Session, jobs: list[tuple[RecordKey, str]], *, now: datetime, lease: float) -> set[str]:
    """Extend the leases of one tenant's batch of running jobs in one statement; returns the job
    ids renewed (a job id missing from the answer lost its lease)."""
    if not jobs:
        return set()
    rows = session.execute(
        update(RecordJob)
        .where(*_batch_rows(jobs), RecordJob.state == "running")
        .values(lease_until=now + timedelta(seconds=lease), updated_at=now)
        .returning(RecordJob.job_id)
        .execution_options(synchronize_session=False)
    ).all()
    return {str(r[0]) for r in rows}


def pending_records(session: Session, tenant_id: str, object_type: str, record_ids: list[str]) -> set[str]:
    """Which of these records still have inbox rows waiting for a job (one query)."""
    out: set[str] = set()
    for i in range(0, len(record_ids), 500):
        out.update(str(r[0]) for r in session.execute(
            select(InboxEvent.record_id).where(
                InboxEvent.tenant_id == tenant_id, InboxEvent.object_type == object_type,
                InboxEvent.record_id.in_(record_ids[i:i + 500]), InboxEvent.status == "pending",
            ).distinct()))
    return out


def expired(session: Session, *, now: datetime, limit: int) -> list[tuple[RecordKey, str, str]]:
    """Records whose live job's lease ran out: (key, stale job id, state).

    A "running" job whose lease ran out lost its worker (crash, kill). A "scheduled" one may
    have lost its queue entry (an enqueue that failed after the commit) or may simply still be
    waiting in a long queue: the sweeper asks the queue before re-dispatching it.
    """
    rows = session.execute(
        select(RecordJob.tenant_id, RecordJob.crm, RecordJob.object_type, RecordJob.record_id, RecordJob.job_id,
               RecordJob.state)
        .where(RecordJob.state.in_(("scheduled", "running")), RecordJob.lease_until < now)
        .limit(limit)
    ).all()
    return [(RecordKey(r[0], r[1], r[2], r[3]), r[4], r[5]) for r in rows]


def extend_queued(session: Session, key: RecordKey, job_id: str, *, now: datetime, lease: float) -> bool:
    """Give a job that is still waiting in the queue a fresh lease (CAS: still this job, still
    scheduled); its worker claims it, with a lease of its own, when it starts."""
    result = session.execute(
        update(RecordJob)
        .where(_where_key(key), RecordJob.job_id == job_id, RecordJob.state == "scheduled")
        .values(lease_until=now + timedelta(seconds=lease), updated_at=now)
    )
    return rowcount(result) == 1


def expire(session: Session, job_ids: list[str], *, now: datetime) -> int:
    """End the leases of these jobs now, where they still hold their records (scheduled or running):
    a process that stops cleanly hands them to the next sweeper pass instead of making it wait out the
    lease, which stays the rule for a process that dies without saying so. Returns the rows changed."""
    changed = 0
    for i in range(0, len(job_ids), 500):
        result = session.execute(
            update(RecordJob)
            .where(RecordJob.job_id.in_(job_ids[i:i + 500]), RecordJob.state.in_(("scheduled", "running")),
                   RecordJob.lease_until > now)
            .values(lease_until=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        changed += rowcount(result)
    return changed


def redispatch(session: Session, key: RecordKey, stale_job_id: str, *, now: datetime, lease: float) -> str | None:
    """Replace a stale job id with a new one (CAS on the stale id); None if someone else did."""
    job_id = new_job_id(key)
    result = session.execute(
        update(RecordJob)
        .where(_where_key(key), RecordJob.job_id == stale_job_id, RecordJob.lease_until < now)
        .values(
            state="scheduled", job_id=job_id, run_after=now,
            lease_until=now + timedelta(seconds=lease),
            dispatch_count=RecordJob.dispatch_count + 1, updated_at=now,
        )
    )
    return job_id if rowcount(result) == 1 else None


def orphans(session: Session, *, older_than: datetime, limit: int) -> list[RecordKey]:
    """Records with pending inbox rows but no live job (e.g. enqueue failed after commit)."""
    live = (
        select(RecordJob.id)
        .where(
            RecordJob.tenant_id == InboxEvent.tenant_id,
            RecordJob.object_type == InboxEvent.object_type,
            RecordJob.record_id == InboxEvent.record_id,
            RecordJob.state.in_(("scheduled", "running")),
        )
        .exists()
    )
    rows = session.execute(
        select(InboxEvent.tenant_id, InboxEvent.crm, InboxEvent.object_type, InboxEvent.record_id)
        .where(InboxEvent.status == "pending", InboxEvent.received_at < older_than, ~live)
        .group_by(InboxEvent.tenant_id, InboxEvent.crm, InboxEvent.object_type, InboxEvent.record_id)
        .limit(limit)
    ).all()
    return [RecordKey(r[0], r[1], r[2], r[3]) for r in rows]


def pending_count(session: Session, key: RecordKey) -> int:
    """Number of the record's inbox rows still waiting for a job."""
    return int(
        session.execute(
            select(func.count(InboxEvent.id)).where(
                InboxEvent.tenant_id == key.tenant_id,
                InboxEvent.object_type == key.object_type,
                InboxEvent.record_id == key.record_id,
                InboxEvent.status == "pending",
            )
        ).scalar_one()
    )


def claim_peers(session: Session, *, tenant_id: str, object_type: str, exclude: RecordKey, now: datetime,
                lease: float, limit: int, ahead: float = 0.0) -> list[tuple[RecordKey, str]]:
    """Claim up to `limit` more scheduled records of one tenant for a batch job: those due, and
    those due within `ahead` seconds (the rest of the same burst), earliest first.

    One compare-and-set UPDATE: a row moves from `scheduled` (its run time come) to `running`
    under its OWN job id, so the fence is unchanged: the claimed records' own queued jobs find
    them running (or idle again, or re-scheduled under a new id) and stop as superseded.
    Returns (key, job id) of the rows this statement moved.
    """
    if limit <= 0:
        return []
    due = (
        select(RecordJob.id)
        .where(RecordJob.tenant_id == tenant_id, RecordJob.object_type == object_type,
               RecordJob.state == "scheduled", RecordJob.run_after <= now + timedelta(seconds=ahead),
               RecordJob.record_id != exclude.record_id)
        .order_by(RecordJob.run_after, RecordJob.id)
        .limit(limit)
    )
    target: Any = due.scalar_subquery()
    if session.get_bind().dialect.name == "postgresql":
        # Lock the rows first, then update exactly those: PostgreSQL may re-scan a LIMIT ... SKIP
        # LOCKED subquery inside IN (...) and so return more rows than the limit (measured: 12 for 3).
        target = list(session.execute(due.with_for_update(skip_locked=True)).scalars())
        if not target:
            return []
    rows = session.execute(
        update(RecordJob)
        .where(RecordJob.id.in_(target), RecordJob.state == "scheduled")
        .values(state="running", lease_until=now + timedelta(seconds=lease), updated_at=now)
        .returning(RecordJob.tenant_id, RecordJob.crm, RecordJob.object_type, RecordJob.record_id, RecordJob.job_id)
        .execution_options(synchronize_session=False)
    ).all()
    return [(RecordKey(r[0], r[1], r[2], r[3]), str(r[4])) for r in rows]


def requeue(session: Session, key: RecordKey, job_id: str, *, now: datetime, delay: float, lease: float,
            failed: bool, limit: int | None = None) -> str | None:
    """Hand a running record back to the queue under a NEW job id, `delay` seconds from now.

    `failed` counts one more transient failure (a rate limit does not count); `limit` caps the
    batch the new job starts (`new_job_id`). Returns the new job id, or None if `job_id` no
    longer holds the record (the fence was lost).
    """
    new_id = new_job_id(key, limit=limit)
    result = session.execute(
        update(RecordJob)
        .where(_where_key(key), RecordJob.job_id == job_id, RecordJob.state == "running")
        .values(state="scheduled", job_id=new_id, run_after=now + timedelta(seconds=delay),
                lease_until=now + timedelta(seconds=delay + lease),
                dispatch_count=RecordJob.dispatch_count + 1,
                failures=RecordJob.failures + (1 if failed else 0), updated_at=now)
    )
    return new_id if rowcount(result) == 1 else None


def failures(session: Session, key: RecordKey) -> int:
    """Transient failures in a row of the record's jobs."""
    v = session.execute(select(RecordJob.failures).where(_where_key(key))).scalar_one_or_none()
    return int(v or 0)


def reset_failures(session: Session, key: RecordKey) -> None:
    session.execute(update(RecordJob).where(_where_key(key), RecordJob.failures != 0).values(failures=0))
