"""Batch jobs: one job takes the due records of ONE tenant (DESIGN.md, dispatch) as one unit.

The job that starts is a record's own job (its RQ/in-process job id, the record's fence). It
claims its record, then up to BATCH_SIZE - 1 other scheduled records of the same tenant and
object type that are due or due within BATCH_CLAIM_AHEAD_SECONDS (the same burst), each under that record's own job id (leases.claim_peers), and hands them to the
batch job function. Each record then finishes ALONE: processed, failed permanently, or handed
back to the queue with its own retry delay under a new job id. A rate limit from the CRM hands
the whole batch back with the CRM's delay; the worker never sleeps on one tenant's limit.

A record written back and stored in a chunk before the batch ends is finished in the transaction that stores its
enrichment (BatchContext.settle): a worker killed after that commit leaves nothing of it to run again, and one killed
before it leaves the record pending with no enrichment stored (its CRM writes are idempotent when re-run).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, event, select, update
from sqlalchemy.orm import Session

from app import defaults, metrics
from app.audit import write_audit
from app.dispatch import leases
from app.dispatch.leases import RecordKey
from app.dispatch.timeouts import (
    BatchHandedBack,
    BatchTimedOut,
    deadline_of_current_job,
    is_timeout,
    split_limit,
)
from app.storage import get_db
from app.storage.models import InboxEvent

log = logging.getLogger(__name__)


@dataclass
class BatchContext:
    """What a batch job function gets: the tenant's claimed records with their pending changes."""

    tenant_id: str
    crm: str
    object_type: str
    items: list[Any]
    """JobContext per record (key, job_id, changes, renew)."""
    renew: Callable[[], None] = field(default=lambda: None)
    """Extend every claimed record's lease; raises LeaseLostError if any was taken over."""
    deadline: float | None = None
    """time.monotonic() at which the job's RQ timeout fires (None: no timeout, the embedded worker)."""
    timeout: float | None = None
    """That timeout in seconds, for messages."""
    stopping: Callable[[], bool] = field(default=lambda: False)
    """The worker is stopping: start no more records (their leases are handed back)."""
    settle: Callable[[Any, dict[str, dict[str, Any]]], None] = field(default=lambda _s, _o: None)
    """Finish these records (record id → summary) in the caller's transaction, the one that stores their
    enrichment: a worker killed after that commit leaves none of them to run twice. Raises LeaseLostError when one
    was taken over (the caller's transaction must then roll back). The default settles nothing: the runner
    finishes every record at the batch's end."""

    def timed_out(self) -> bool:
        """Tell whether the job's timeout has fired: start no more records (app/dispatch/timeouts.py)."""
        return self.deadline is not None and time.monotonic() >= self.deadline

    def check_time(self) -> None:
        """Raise BatchTimedOut once the job's timeout has fired, BatchHandedBack once the worker is stopping
        (before starting a record)."""
        if self.timed_out():
            raise BatchTimedOut(len(self.items), self.timeout)
        if self.stopping():
            raise BatchHandedBack(len(self.items))


class BatchInterrupted(Exception):
    """A batch function wrote some records back, then a call for the rest failed as a whole.

    `results` holds the finished records' outcomes (kept: they were written); every other
    claimed record is handled as a failed batch would be, with `cause`'s delay or retry.
    """

    def __init__(self, results: dict[str, Any], cause: BaseException) -> None:
        super().__init__(f"batch interrupted after {len(results)} record(s): {type(cause).__name__}: {cause}")
        self.results = results
        self.cause = cause


def _now() -> datetime:
    return datetime.now(UTC)


DONE_AT = "done_at"
"""Key of a record's result (a dict) saying when that record was done: its inbox rows' processed_at. A batch writes
its records back in chunks as they finish; stamping every record at the batch's end made the install health's
processing time the batch's length for each of them."""


def stamp_done(results: dict[str, Any]) -> dict[str, Any]:
    """Mark every finished record in `results` not yet marked as done now (in place); returns `results`."""
    now = _now()
    for outcome in results.values():
        if isinstance(outcome, dict) and DONE_AT not in outcome:
            outcome[DONE_AT] = now
    return results


def run_batch(app: Any, key: RecordKey, job_id: str, process: Callable[[BatchContext], dict[str, Any]]) -> dict[str, Any]:
    """Claim the record and its tenant's other due records, process them, finish each alone."""
    from app.dispatch.runner import JobContext, LeaseLostError, _change_dict

    db = get_db(app)
    lease = float(app.config["LEASE_SECONDS"])
    size = int(app.config.get("PIPELINE_BATCH_SIZE", defaults.PIPELINE_BATCH_SIZE))
    size = min(size, leases.batch_limit(job_id) or size)  # the half of a batch that timed out
    deadline, timeout = deadline_of_current_job()
    started = time.perf_counter()
    with db.session() as s:
        # One claimer per tenant at a time: four workers that pick four jobs of one burst at the
        # same moment would otherwise each claim its own record first and split the burst into
        # four small batches. The next claimer then finds its record taken and stops.
        leases.lock_tenant_claims(s, key.tenant_id)
        if not leases.claim(s, key, job_id, now=_now(), lease=lease):
            metrics.JOBS.labels(outcome="superseded").inc()
            return {"status": "superseded"}
        claimed = [(key, job_id)]
        # Records whose window ends within the claim-ahead belong to the same burst: taken now, a
        # burst is one batch instead of a train of small ones (under RQ, spread over workers).
        ahead = float(app.config.get("BATCH_CLAIM_AHEAD_SECONDS", defaults.BATCH_CLAIM_AHEAD_SECONDS))
        claimed += leases.claim_peers(s, tenant_id=key.tenant_id, object_type=key.object_type, exclude=key,
                                      now=_now(), lease=lease, limit=size - 1, ahead=ahead)
    _tell_taken(app, [jid for _k, jid in claimed[1:]])
    items = []
    with db.session() as s:
        # The pending changes of every claimed record in one query (not one per record).
        changes: dict[str, list[dict[str, Any]]] = {}
        ids = [k.record_id for k, _jid in claimed]
        for i in range(0, len(ids), 500):
            for r in s.execute(
                select(InboxEvent).where(
                    InboxEvent.tenant_id == key.tenant_id, InboxEvent.object_type == key.object_type,
                    InboxEvent.record_id.in_(ids[i:i + 500]), InboxEvent.status == "pending",
                ).order_by(InboxEvent.occurred_at, InboxEvent.id)
            ).scalars():
                changes.setdefault(r.record_id, []).append(_change_dict(r))
        items = [JobContext(key=k, job_id=jid, changes=changes.get(k.record_id, [])) for k, jid in claimed]
        write_audit(s, "batch.started", tenant_id=key.tenant_id, object_type=key.object_type, job_id=job_id,
                    detail={"records": len(items), "batch_size": size, "pid": os.getpid(), "record_ids": [i.key.record_id for i in items][:200]})

    settled: set[str] = set()  # records finished in the transaction that stored them (their leases released)

    def renew() -> None:
        live = [i for i in items if i.key.record_id not in settled]
        with db.session() as s2:
            renewed = leases.renew_many(s2, [(i.key, i.job_id) for i in live], now=_now(), lease=lease)
        lost = [i.job_id for i in live if i.job_id not in renewed]
        if lost:
            raise LeaseLostError(f"job {lost[0]} lost its lease ({len(lost)} of the batch)")

    def settle(s: Session, outcomes: dict[str, dict[str, Any]]) -> None:
        chosen = [i for i in items if i.key.record_id in outcomes and i.key.record_id not in settled]
        done = [(i, [c["id"] for c in i.changes], _detail(i, outcomes[i.key.record_id], len(items)),
                 outcomes[i.key.record_id].get(DONE_AT)) for i in chosen]
        finished = finish_in(s, done, now=_now())
        if len(finished) < len(chosen):
            lost = next(i for i in chosen if i not in finished)
            raise LeaseLostError(f"job {lost.job_id} lost its lease before its enrichment was stored")
        ids = {i.key.record_id for i in finished}
        event.listen(s, "after_commit", lambda _s: settled.update(ids), once=True)

    for item in items:
        item.renew = renew
    batch = BatchContext(tenant_id=key.tenant_id, crm=key.crm, object_type=key.object_type, items=items, renew=renew,
                         deadline=deadline, timeout=timeout, stopping=_stopping_of(app), settle=settle)
    handed_back: dict[str, Any] | None = None
    try:
        results: dict[str, Any] = process(batch) or {}
    except LeaseLostError:
        metrics.JOBS.labels(outcome="lease_lost").inc()
        raise
    except Exception as exc:  # the whole batch (or its unwritten rest) failed before a record's own result
        done_results = exc.results if isinstance(exc, BatchInterrupted) else {}
        cause = exc.cause if isinstance(exc, BatchInterrupted) else exc
        if isinstance(cause, LeaseLostError):
            metrics.JOBS.labels(outcome="lease_lost").inc()
            raise cause from exc
        rest = [i for i in items if i.key.record_id not in done_results]
        retry_after = getattr(cause, "retry_after", None)
        if isinstance(cause, BatchHandedBack):
            # The worker is stopping: the written records stand, the rest are handed back at once (the next worker,
            # or this one after its restart, runs them); nothing is failed and nothing waits for a lease to run out.
            metrics.JOBS.labels(outcome="handed_back").inc()
            _requeue_all(app, rest, delay=0.0, failed=False, reason=cause)
            handed_back = {"handed_back": len(rest)}
            items = [i for i in items if i.key.record_id in done_results]
            rest = []
        elif is_timeout(cause) or batch.timed_out():
            # The job's timeout fired: the written records stand (done_results), the rest go back to the
            # queue in batches of half this one's size; a lone record retries as a transient failure.
            cause = BatchTimedOut(len(items), timeout)
            metrics.JOBS.labels(outcome="timed_out").inc()
            log.warning("%s", cause, extra={"tenant_id": key.tenant_id, "job_id": job_id})
            if len(items) > 1:
                limit = split_limit(len(items))
                _requeue_all(app, rest, delay=0.0, failed=False, reason=cause, limit=limit)
                handed_back = {"timed_out": len(rest), "handed_back_in_batches_of": limit}
                items = [i for i in items if i.key.record_id in done_results]
                rest = []
        elif retry_after is not None and getattr(cause, "status", None) in (429, 403):
            _requeue_all(app, rest, delay=float(retry_after), failed=False, reason=cause)
            metrics.JOBS.labels(outcome="rate_limited").inc()
            if not done_results:
                return {"status": "rate_limited", "records": len(items), "retry_after": retry_after}
            handed_back = {"rate_limited": len(rest), "retry_after": retry_after}
            items = [i for i in items if i.key.record_id in done_results]
        elif is_refused_grant(cause):
            # The CRM refused our refresh token: the app was uninstalled on its side. Revoke the
            # installation (its jobs stop; its data is erased after the grace period).
            from app.tenants import mark_revoked

            mark_revoked(app, key.tenant_id, f"{type(cause).__name__}: {cause}")
        results = {**{i.key.record_id: cause for i in rest}, **done_results}
    summary: dict[str, Any] = {"processed": 0, "failed": 0, "retrying": 0, **(handed_back or {})}
    done: list[tuple[Any, list[int], dict[str, Any], datetime | None]] = []
    early = [i for i in items if i.key.record_id in settled]  # finished with their enrichment already
    for item in items:
        if item.key.record_id in settled:
            continue
        outcome = results.get(item.key.record_id, {"skipped": "no result"})
        if isinstance(outcome, LeaseLostError):  # taken over while this batch stored it: its new job runs it
            log.warning("record lost its lease before committing", extra={"job_id": item.job_id})
            continue
        if isinstance(outcome, BaseException):
            if is_timeout(outcome):  # the timeout fired inside this record: it retries, it did not fail
                outcome = BatchTimedOut(1, timeout)
            _record_failed(app, item, outcome, summary)
            continue
        done.append((item, [c["id"] for c in item.changes], _detail(item, outcome, len(items)), outcome.get(DONE_AT)))
    finished = early + finish_processed(app, done)
    summary["processed"] += len(finished)
    metrics.JOBS.labels(outcome="completed").inc(len(finished))
    reschedule_pending(app, [i.key for i in finished])
    metrics.JOB_SECONDS.observe(time.perf_counter() - started)
    return {"status": "processed", "records": len(items), **summary,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1)}


def _stopping_of(app: Any) -> Callable[[], bool]:
    """Whether the app's worker is stopping (the embedded one's `stopping`; RQ finishes its job on a warm stop)."""
    from app.dispatch import get_dispatcher

    backend = get_dispatcher(app).backend
    return lambda: bool(getattr(backend, "stopping", False))  # a test's backend may have none


def _tell_taken(app: Any, job_ids: list[str]) -> None:
    """Tell the queue which queued jobs this batch took over (never raises: it only saves work)."""
    if not job_ids:
        return
    try:
        from app.dispatch import get_dispatcher

        taken = getattr(get_dispatcher(app).backend, "taken", None)
        if taken is not None:
            taken(job_ids)
    except Exception:
        log.exception("could not tell the queue about the claimed jobs")


def _detail(item: Any, outcome: dict[str, Any], batch_size: int) -> dict[str, Any]:
    """A finished record's job.completed audit detail: its changes, its batch's size and its summary."""
    return {"changes": len(item.changes), "batch": batch_size, **{k: v for k, v in outcome.items() if k != DONE_AT}}


def finish_in(s: Session, done: list[tuple[Any, list[int], dict[str, Any], datetime | None]], *,
              now: datetime) -> list[Any]:
    """Release these records and mark their inbox rows processed in the session `s` (one statement each for the
    leases and the rows); returns the items finished (one whose lease was lost is skipped)."""
    held = leases.release_many(s, [(item.key, item.job_id) for item, _ids, _d, _at in done], now=now)
    rows, finished = [], []
    for item, ids, detail, done_at in done:
        if item.job_id not in held:
            log.warning("record lost its lease before committing", extra={"job_id": item.job_id})
            continue
        rows += [{"row_id": i, "job": item.job_id, "at": done_at or now} for i in ids]
        write_audit(s, "job.completed", tenant_id=item.key.tenant_id, object_type=item.key.object_type,
                    record_id=item.key.record_id, job_id=item.job_id, detail=detail)
        finished.append(item)
    if rows:  # one executemany for every inbox row of the batch
        inbox = cast(Table, InboxEvent.__table__)
        s.connection().execute(
            update(inbox).where(inbox.c.id == bindparam("row_id"), inbox.c.status == "pending")
            .values(status="processed", job_id=bindparam("job"), processed_at=bindparam("at"), error=None), rows)
    return finished


def finish_processed(app: Any, done: list[tuple[Any, list[int], dict[str, Any], datetime | None]]) -> list[Any]:
    """Release the processed records and mark their inbox rows, in ONE transaction for the batch;
    returns the items finished (a record whose fence was lost is skipped: its new job runs it).
    Each row's processed_at is when its record was done (the process's `DONE_AT`), else now.

    If that transaction fails, each record finishes in its own, as it would alone."""
    from app.dispatch.runner import LeaseLostError, _finish

    db = get_db(app)
    try:
        with db.session() as s:
            return finish_in(s, done, now=_now())
    except Exception:
        log.exception("finishing the batch in one transaction failed; finishing record by record")
    finished = []
    for item, ids, detail, _at in done:
        try:
            _finish(db, item.key, item.job_id, ids, status="processed", error=None, detail=detail)
            with db.session() as s:
                leases.reset_failures(s, item.key)
        except LeaseLostError:
            log.warning("record lost its lease before committing", extra={"job_id": item.job_id})
            continue
        finished.append(item)
    return finished


def reschedule_pending(app: Any, keys: list[RecordKey]) -> None:
    """Records whose changes arrived while the batch ran get a job of their own (one query for
    the batch; never raises: the sweeper is the safety net)."""
    if not keys:
        return
    try:
        from app.dispatch import get_dispatcher

        with get_db(app).session() as s:
            waiting = leases.pending_records(s, keys[0].tenant_id, keys[0].object_type, [k.record_id for k in keys])
        if waiting:
            get_dispatcher(app).schedule([k for k in keys if k.record_id in waiting])
    except Exception:
        log.exception("could not reschedule pending changes")


REFUSED_GRANT_CODES = frozenset({"BAD_REFRESH_TOKEN", "invalid_grant", "NO_REFRESH_TOKEN"})
"""Error codes with which CRMs refuse a refresh token that was revoked (an uninstall on their side), and the CRM
client's for a dead session with no refresh token to renew it: either way no later call can succeed."""


def is_refused_grant(exc: BaseException) -> bool:
    """Tell whether an error is the CRM refusing our refresh token for good."""
    code = str(getattr(exc, "code", "") or "")
    return code in REFUSED_GRANT_CODES or any(c in str(exc) for c in REFUSED_GRANT_CODES)


def _record_failed(app: Any, item: Any, exc: BaseException, summary: dict[str, int]) -> None:
    """One record's failure: its own retry (a new job after its delay), or failed for good."""
    from app.dispatch.runner import _finish, _reschedule_if_pending

    db = get_db(app)
    ids = [c["id"] for c in item.changes]
    with db.session() as s:
        done = leases.failures(s, item.key)
    retry_after = getattr(exc, "retry_after", None)
    if getattr(exc, "should_retry", False) and done < len(defaults.JOB_RETRY_INTERVALS):
        delay = float(retry_after) if retry_after is not None else (
            defaults.JOB_RETRY_INTERVALS[done] * float(app.config.get("RETRY_SCALE", 1.0)))
        _requeue_all(app, [item], delay=delay, failed=True, reason=exc)
        summary["retrying"] += 1
        metrics.JOBS.labels(outcome="retry").inc()
        return
    try:
        _finish(db, item.key, item.job_id, ids, status="failed", error=f"{type(exc).__name__}: {exc}"[:2000],
                detail={"error": str(exc)[:500], "type": type(exc).__name__, "status": getattr(exc, "status", None)})
        with db.session() as s:
            leases.reset_failures(s, item.key)
    except Exception:
        log.exception("could not record a failed record", extra={"job_id": item.job_id})
        return
    summary["failed"] += 1
    metrics.JOBS.labels(outcome="failed").inc()
    log.warning("record failed permanently: %s", exc, extra={"tenant_id": item.key.tenant_id, "job_id": item.job_id})
    _reschedule_if_pending(app, item.key)


SYNC_SOURCES = ("BACKFILL", "RECONCILE")
"""change_source of the inbox rows our own sync writes (app/sync): their jobs are `bulk`."""


def is_bulk(item: Any) -> bool:
    """Tell whether a claimed record carries only our own sync's rows (no person's change)."""
    return bool(item.changes) and all(c.get("change_source") in SYNC_SOURCES for c in item.changes)


def _requeue_all(app: Any, items: list[Any], *, delay: float, failed: bool, reason: BaseException,
                 limit: int | None = None) -> None:
    """Hand records back to the queue under new job ids, after `delay` (`limit`: the most records a
    batch their jobs start may take; a timed-out batch's halves).

    A backfill's records stay bulk: handed back by the rate budget as ordinary jobs, they were
    served by the embedded worker's one general thread only, so after the first refusal a
    backfill ran one batch at a time (measured: batches started only as the previous one was
    stored, 22.7 deals/s, the rate budget idle between them)."""
    from app.dispatch import get_dispatcher

    db = get_db(app)
    lease = float(app.config["LEASE_SECONDS"])
    again: list[tuple[RecordKey, str]] = []
    with db.session() as s:
        for item in items:
            new_id = leases.requeue(s, item.key, item.job_id, now=_now(), delay=delay, lease=lease, failed=failed,
                                    limit=limit)
            if new_id:
                again.append((item.key, new_id))
                write_audit(s, "job.retrying", tenant_id=item.key.tenant_id, object_type=item.key.object_type,
                            record_id=item.key.record_id, job_id=new_id,
                            detail={"error": str(reason)[:300], "type": type(reason).__name__,
                                    "status": getattr(reason, "status", None), "delay": delay})
    bulk = {item.key for item in items if is_bulk(item)}
    get_dispatcher(app).enqueue_all([p for p in again if p[0] in bulk], delay, bulk=True)
    get_dispatcher(app).enqueue_all([p for p in again if p[0] not in bulk], delay)
