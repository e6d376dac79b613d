"""Dispatch: turn inbox rows into per-record jobs, on RQ (production) or an in-process thread.

The backend is chosen in `init_app`: RQ on Redis when REDIS_URL is set, else the in-process
worker. Both share the same record state (`leases`) and the same job (`runner.run_record_job`),
so coalescing, leases and the sweeper behave the same on either.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

from flask import Flask, current_app

from app import metrics
from app.dispatch import leases
from app.dispatch.leases import RecordKey
from app.storage import get_db

log = logging.getLogger(__name__)


class Backend(Protocol):
    name: str

    def enqueue(self, key: RecordKey, job_id: str, delay: float) -> None: ...

    def enqueue_many(self, pairs: list[tuple[RecordKey, str]], delay: float, *, bulk: bool = False) -> None: ...

    def ping(self) -> dict[str, Any]: ...

    def waiting(self, job_ids: list[str]) -> set[str]:
        """Which of these jobs still wait in the queue (not started); raises if it cannot tell."""
        ...

    def taken(self, job_ids: list[str]) -> None:
        """A batch claimed these jobs' records under these same ids (their own runs would find
        them taken); a backend may drop them from its queue."""
        ...

    def forget_tenant(self, crm: str, tenant_id: str) -> int:
        """Delete the tenant's waiting and finished jobs (an uninstall); returns how many."""
        ...

    @property
    def stopping(self) -> bool:
        """The process is stopping: a running batch starts no more records."""
        ...

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving; running jobs get at most `timeout` seconds before their records are handed back."""
        ...


class Dispatcher:
    """Schedules record jobs and sweeps expired leases; one per app."""

    def __init__(self, app: Flask, backend: Backend) -> None:
        self.app = app
        self.backend = backend

    @property
    def window(self) -> float:
        return float(self.app.config["COALESCE_WINDOW_SECONDS"])

    @property
    def lease(self) -> float:
        return float(self.app.config["LEASE_SECONDS"])

    def schedule(self, keys: Iterable[RecordKey], *, delay: float | None = None) -> list[str]:
        """Give each record a job unless one is already scheduled; returns new job ids.

        Never raises: if the queue is down, the rows stay pending and the sweeper retries.
        """
        wait = self.window if delay is None else delay
        new: list[tuple[RecordKey, str]] = []
        try:
            with get_db(self.app).session() as s:
                for key in keys:
                    job_id = leases.schedule(s, key, now=datetime.now(UTC), delay=wait, lease=self.lease)
                    if job_id:
                        new.append((key, job_id))
                    else:
                        metrics.DISPATCH.labels(outcome="coalesced").inc()
        except Exception:
            log.exception("scheduling failed; the sweeper will pick the records up")
            return []
        for key, job_id in new:
            self._enqueue(key, job_id, wait)
        return [j for _, j in new]

    def schedule_in(self, session: Any, keys: Iterable[RecordKey]) -> list[tuple[RecordKey, str]]:
        """Schedule inside the caller's transaction (the webhook's); enqueue after its commit."""
        keys = list(keys)
        out = leases.schedule_many(session, keys, now=datetime.now(UTC), delay=self.window, lease=self.lease)
        coalesced = len(set(keys)) - len(out)
        if coalesced:
            metrics.DISPATCH.labels(outcome="coalesced").inc(coalesced)
        return out

    def enqueue_all(self, scheduled: Iterable[tuple[RecordKey, str]], delay: float | None = None, *,
                    bulk: bool = False) -> None:
        """Enqueue jobs scheduled by `schedule_in` once their transaction committed (never raises);
        `bulk`: our own backfill/reconcile rows, which the embedded backend may run beside others."""
        pairs = list(scheduled)
        if not pairs:
            return
        wait = self.window if delay is None else delay
        try:
            self.backend.enqueue_many(pairs, wait, bulk=bulk)
            metrics.DISPATCH.labels(outcome="enqueued").inc(len(pairs))
        except Exception:
            metrics.DISPATCH.labels(outcome="enqueue_failed").inc(len(pairs))
            log.exception("enqueue failed; the sweeper re-dispatches after the lease")

    def _enqueue(self, key: RecordKey, job_id: str, delay: float) -> None:
        try:
            self.backend.enqueue(key, job_id, delay)
            metrics.DISPATCH.labels(outcome="enqueued").inc()
        except Exception:
            metrics.DISPATCH.labels(outcome="enqueue_failed").inc()
            log.exception("enqueue failed; the sweeper re-dispatches after the lease",
                          extra={"tenant_id": key.tenant_id, "job_id": job_id})

    def sweep(self) -> dict[str, int]:
        """One sweeper pass: re-dispatch expired leases, then schedule orphaned pending rows.

        Writes nothing when there is nothing to do, so an idle server writes no rows.
        """
        from app import defaults
        from app.audit import write_audit

        now = datetime.now(UTC)
        redispatched: list[tuple[RecordKey, str]] = []
        db = get_db(self.app)
        with db.session() as s:
            stale = leases.expired(s, now=now, limit=defaults.DISPATCH_BATCH_LIMIT)
        queued = self._still_queued([job_id for _k, job_id, state in stale if state == "scheduled"])
        extended = 0
        for key, old, state in stale:
            if state == "scheduled" and queued is None:
                continue  # the queue cannot say whether it still holds the job: ask again next pass
            with db.session() as s:
                if state == "scheduled" and old in (queued or ()):
                    # Waiting in a long queue is not a lost job: re-dispatching it would only add a
                    # no-op copy behind it (with a lease shorter than the queue's latency, a storm).
                    extended += int(leases.extend_queued(s, key, old, now=now, lease=self.lease))
                    continue
                job_id = leases.redispatch(s, key, old, now=now, lease=self.lease)
                if job_id:
                    write_audit(s, "job.redispatched", tenant_id=key.tenant_id, object_type=key.object_type,
                                record_id=key.record_id, job_id=job_id, detail={"stale_job_id": old, "state": state})
                    redispatched.append((key, job_id))
        for key, job_id in redispatched:
            metrics.DISPATCH.labels(outcome="redispatched").inc()
            self._enqueue(key, job_id, 0.0)
        from datetime import timedelta

        grace = timedelta(seconds=self.window + float(self.app.config["SWEEP_INTERVAL_SECONDS"]))
        with db.session() as s:
            lost = leases.orphans(s, older_than=now - grace, limit=defaults.DISPATCH_BATCH_LIMIT)
        scheduled = self.schedule(lost, delay=0.0) if lost else []
        return {"redispatched": len(redispatched), "orphans_scheduled": len(scheduled), "queued_extended": extended}

    def _still_queued(self, job_ids: list[str]) -> set[str] | None:
        """Job ids the queue still holds; None if it cannot say (re-dispatching into a queue we
        cannot read would fail anyway; the next sweep asks again)."""
        if not job_ids:
            return set()
        try:
            return self.backend.waiting(job_ids)
        except Exception:
            log.exception("could not ask the queue which jobs wait; queued jobs are left for the next pass")
            return None


    def tick(self) -> dict[str, Any]:
        """What every worker runs each sweep interval: the scheduler (only its leader acts)."""
        from app import scheduler

        return scheduler.tick(self.app)


def init_app(app: Flask) -> None:
    """Choose and attach the dispatch backend (RQ when REDIS_URL is set)."""
    backend: Backend
    if app.config.get("REDIS_URL"):
        from app.dispatch.rq_backend import RQBackend

        backend = RQBackend(app)
    else:
        from app.dispatch.inprocess import InProcessBackend

        backend = InProcessBackend(app)
    app.extensions["dispatcher"] = Dispatcher(app, backend)


def get_dispatcher(app: Flask | None = None) -> Dispatcher:
    """The app's Dispatcher."""
    return (app or current_app).extensions["dispatcher"]
