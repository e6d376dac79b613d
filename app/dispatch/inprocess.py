"""The embedded backend: one daemon thread runs due record jobs and the sweeper.

Used when no REDIS_URL is set (`make demo`, a laptop). Jobs wait in a heap until their run time;
transient failures are retried with the same intervals RQ would use.

Jobs our own backfill or reconciliation enqueued (`bulk`) wait in a heap of their own, which
BULK_WORKERS more threads also serve (by default one when the agents run in processes). With
one thread, the agent processes idled while it fetched the next batch and wrote the last one
back, a quarter to a third of each batch of a backfill; a second thread fetches and writes while
the first one's agents run. It never takes a job that a person's change enqueued: a rep's edit is
served by the first thread as before, so re-enrichments of deals edited twice do not run beside
the first enrichments of others (tried with two general threads: p95 of the 400-change demo
8.1 -> 10.9 s).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from typing import Any

from flask import Flask

from app import defaults, metrics
from app.dispatch.leases import RecordKey
from integrations.limits import patience

log = logging.getLogger(__name__)


class InProcessBackend:
    """Heaps of (run_at, job) served by one worker thread (bulk ones also by BULK_WORKERS
    threads), started lazily on first enqueue."""

    name = "inprocess"

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._heap: list[tuple[float, int, RecordKey, str, int]] = []
        self._bulk: list[tuple[float, int, RecordKey, str, int]] = []
        self._seq = itertools.count()
        self._cv = threading.Condition()
        self._thread: threading.Thread | None = None
        self._bulk_threads: list[threading.Thread] = []
        self._stopping = False
        self._last_sweep = 0.0
        self._taken: set[str] = set()
        """Queued job ids whose records a batch already claimed (under those same ids)."""
        self._running: dict[int, set[str]] = {}
        """Thread id -> the job it runs and the peers its batch claimed: their leases are ours until it ends."""
        self._held: dict[str, float] = {}
        """tenant id -> monotonic time before which its bulk jobs are not started: a batch of
        that tenant was just handed back by its rate budget until then."""
        self.jobs_run = 0

    def enqueue(self, key: RecordKey, job_id: str, delay: float, *, bulk: bool = False) -> None:
        with self._cv:
            heapq.heappush(self._bulk if bulk else self._heap, (time.monotonic() + delay, next(self._seq), key, job_id, 0))
            self._cv.notify_all()
        if self.app.config.get("START_WORKER", True) and not self._stopping:  # a batch handed back at a stop
            self.start()

    def enqueue_many(self, pairs: list[tuple[RecordKey, str]], delay: float, *, bulk: bool = False) -> None:
        for key, job_id in pairs:
            self.enqueue(key, job_id, delay, bulk=bulk)

    def taken(self, job_ids: list[str]) -> None:
        """A batch claimed these jobs' records under these ids: their queued entries are dropped
        when they come up instead of each failing its claim in a transaction of its own."""
        with self._cv:
            self._taken.update(job_ids)
            running = self._running.get(threading.get_ident())
            if running is not None:  # the batch of the job this thread runs: held until it ends
                running.update(job_ids)

    def waiting(self, job_ids: list[str]) -> set[str]:
        """Job ids still in the heap (not yet started)."""
        with self._cv:
            held = {entry[3] for entry in (*self._heap, *self._bulk)}
        return held & set(job_ids)

    @property
    def stopping(self) -> bool:
        """The process is stopping (SIGTERM, Ctrl-C): a running batch starts no more records and hands the rest back."""
        return self._stopping

    def forget_tenant(self, crm: str, tenant_id: str) -> int:
        """Drop the tenant's waiting jobs from the heaps (an uninstall); returns how many."""
        with self._cv:
            before = len(self._heap) + len(self._bulk)
            for heap in (self._heap, self._bulk):
                heap[:] = [entry for entry in heap if entry[2].tenant_id != tenant_id]
                heapq.heapify(heap)
            return before - len(self._heap) - len(self._bulk)

    def ping(self) -> dict[str, Any]:
        alive = self._thread is not None and self._thread.is_alive()
        return {"backend": self.name, "worker_alive": alive, "queued": len(self._heap) + len(self._bulk),
                "bulk_workers_alive": sum(t.is_alive() for t in self._bulk_threads)}

    def start(self) -> None:
        with self._cv:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._loop, name="agentic-sales-worker", daemon=True)
            self._thread.start()
            # How many is decided in the threads (bulk_workers imports the pipeline): start() runs
            # in the first webhook's request, which must not wait for that import.
            self._bulk_threads = [t for t in self._bulk_threads if t.is_alive()] or [
                threading.Thread(target=self._bulk_loop, args=(n,), name=f"agentic-sales-bulk-{n}", daemon=True)
                for n in range(MAX_BULK_WORKERS)]
            for t in self._bulk_threads:
                if not t.is_alive():
                    t.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop taking jobs, give the running ones `timeout` seconds in all to end, then end the leases of
        every job this process still holds (running, or waiting in its heaps, which die with it): the next
        process's first sweep re-dispatches them at once instead of after LEASE_SECONDS."""
        with self._cv:
            self._stopping = True
            self._cv.notify_all()
        deadline = time.monotonic() + timeout
        for t in [self._thread, *self._bulk_threads]:
            if t is not None and t.ident is not None:
                t.join(max(0.0, deadline - time.monotonic()))
        self.release_leases()
        from app.pipeline import agent_procs

        agent_procs.shutdown()  # the worker's agent processes, if its batches started any

    def hand_over(self, timeout: float) -> int:
        """A clean stop of the serving process (SIGTERM, Ctrl-C): take no more jobs, give the running ones
        `timeout` seconds to end, then end the leases of every job still held (see `stop`). Idle threads are
        not waited for: they die with the process. Returns the records handed over."""
        deadline = time.monotonic() + timeout
        with self._cv:
            self._stopping = True
            self._cv.notify_all()
            while self._running and (left := deadline - time.monotonic()) > 0:
                self._cv.wait(left)
        return self.release_leases()

    def release_leases(self) -> int:
        """End now the leases of the jobs this process holds (see `stop`); returns the records handed over.
        A job still running in a thread may renew its lease meanwhile: a thread that outlives `stop` dies
        with the process, and its lease then runs out as a crashed worker's does."""
        with self._cv:
            held = {entry[3] for entry in (*self._heap, *self._bulk)} | self._taken
            for ids in self._running.values():
                held |= ids
        if not held:
            return 0
        from datetime import UTC, datetime

        from app.dispatch import leases
        from app.storage import get_db

        try:
            with get_db(self.app).session() as s:
                handed = leases.expire(s, sorted(held), now=datetime.now(UTC))
        except Exception:  # a database gone at shutdown: the leases run out on their own
            log.exception("could not hand over the leases of %d job(s) at shutdown", len(held))
            return 0
        if handed:
            log.info("handed over %d record job(s) at shutdown: the next sweep re-dispatches them", handed)
        return handed

    def run_due(self, *, bulk_only: bool = False) -> int:
        """Run every job whose time has come (only bulk ones with `bulk_only`), earliest first,
        in this thread (tests drive it directly); none once the backend is stopping."""
        ran = 0
        while not self._stopping:
            with self._cv:
                now = time.monotonic()
                heaps = [h for h in ((self._bulk,) if bulk_only else (self._heap, self._bulk)) if h and h[0][0] <= now]
                if not heaps:
                    return ran
                heap = min(heaps, key=lambda h: h[0][:2])
                _, _, key, job_id, attempt = heapq.heappop(heap)
                if job_id in self._taken:
                    # A batch claimed this record under this job id (leases.claim_peers): its claim
                    # would fail (an id once claimed is never scheduled again), so the database
                    # round trip is skipped: a 2,000-deal backfill made 1,980 of them.
                    self._taken.discard(job_id)
                    if not self._heap and not self._bulk:
                        self._taken.clear()  # ids whose jobs never reached this heap
                    metrics.JOBS.labels(outcome="superseded").inc()
                    continue
                held = self._held.get(key.tenant_id, 0.0) if heap is self._bulk else 0.0
                if held > now:
                    # Its tenant's budget is spent until then: started now, this job would claim
                    # a batch, be refused and re-queue it (a herd of refusals, one per batch of
                    # the backfill, each ~0.2-0.6 s of database work). It waits in the heap.
                    heapq.heappush(heap, (held, next(self._seq), key, job_id, attempt))
                    continue
            self._run(key, job_id, attempt, bulk=heap is self._bulk)
            ran += 1
        return ran

    def _bulk_loop(self, n: int) -> None:
        try:
            wanted = bulk_workers(self.app)
            if n == 0:
                warm_agent_processes(self.app)
        except Exception:  # a bad setting: the worker thread still serves every job
            log.exception("bulk workers not started")
            return
        if n >= wanted:
            return
        wait = float(self.app.config.get("BULK_BUDGET_WAIT_SECONDS", defaults.BULK_BUDGET_WAIT_SECONDS))
        while not self._stopping:
            # A bulk thread serves only our own backfill/reconcile jobs, so waiting here for the
            # tenant's rate budget holds nobody's change: its batch waits in place for its turn
            # (the exact moment the window has room) instead of being handed back, claimed
            # again by the next thread, refused again and re-queued, 100 records each time.
            with patience(wait):
                ran = self.run_due(bulk_only=True)
            if ran:
                continue
            with self._cv:
                if not self._stopping:
                    self._cv.wait(defaults.WORKER_POLL_SECONDS)

    def _loop(self) -> None:
        sweep_every = float(self.app.config.get("SWEEP_INTERVAL_SECONDS", defaults.SWEEP_INTERVAL_SECONDS))
        while not self._stopping:
            self.run_due()
            if time.monotonic() - self._last_sweep >= sweep_every:
                self._last_sweep = time.monotonic()
                try:
                    from app.dispatch import get_dispatcher

                    with self.app.app_context():
                        get_dispatcher(self.app).tick()
                except Exception:  # the loop must survive a database hiccup
                    log.exception("sweep failed")
            with self._cv:
                wait = defaults.WORKER_POLL_SECONDS
                for heap in (self._heap, self._bulk):
                    if heap:
                        wait = max(0.0, min(wait, heap[0][0] - time.monotonic()))
                if not self._stopping:
                    self._cv.wait(wait)

    def _run(self, key: RecordKey, job_id: str, attempt: int, *, bulk: bool = False) -> None:
        from app.dispatch.runner import run_record_job

        me = threading.get_ident()
        with self._cv:
            self._running[me] = {job_id}
        try:
            with self.app.app_context():
                result = run_record_job(key.tenant_id, key.crm, key.object_type, key.record_id, job_id)
            self.jobs_run += 1
            if bulk and isinstance(result, dict) and result.get("status") == "rate_limited":
                until = time.monotonic() + float(result.get("retry_after") or 0.0)
                with self._cv:
                    self._held[key.tenant_id] = max(self._held.get(key.tenant_id, 0.0), until)
        except Exception as exc:
            if getattr(exc, "should_retry", False) and attempt < len(defaults.JOB_RETRY_INTERVALS):
                delay = defaults.JOB_RETRY_INTERVALS[attempt] * float(self.app.config.get("RETRY_SCALE", 1.0))
                with self._cv:
                    heapq.heappush(self._bulk if bulk else self._heap,
                                   (time.monotonic() + delay, next(self._seq), key, job_id, attempt + 1))
                log.warning("job failed, retrying in %.1fs", delay, extra={"job_id": job_id})
            else:
                log.exception("job failed", extra={"job_id": job_id})
        finally:
            with self._cv:
                self._running.pop(me, None)
                self._cv.notify_all()  # hand_over may be waiting for the running jobs to end


MAX_BULK_WORKERS = 4
"""Threads started for bulk jobs; BULK_WORKERS says how many of them serve (the rest exit)."""


def bulk_workers(app: Flask) -> int:
    """Threads serving bulk jobs beside the worker thread (BULK_WORKERS, at most
    MAX_BULK_WORKERS): by default 1 when the batches' agents run in processes (two batches in
    flight then keep them busy), else 0 (agents in the batch's thread already hold the
    interpreter lock; a second batch would only take it from the webhook receiver)."""
    from app.config import ConfigError
    from app.pipeline.batch import agent_processes

    raw = app.config.get("BULK_WORKERS", defaults.BULK_WORKERS)
    if raw is None or raw == "":
        return 1 if agent_processes(app) > 0 else 0
    try:
        return min(MAX_BULK_WORKERS, max(0, int(raw)))
    except ValueError:
        raise ConfigError(f"AGENTIC_SALES_BULK_WORKERS={raw!r} is not a whole number of threads") from None


def warm_agent_processes(app: Flask) -> None:
    """Start the agent processes now (they import the agents), not in the first batch: the jobs
    of a backfill or a webhook wait out the coalescing window first, which covers the start."""
    from app.pipeline import agent_procs
    from app.pipeline.batch import agent_processes

    procs = agent_processes(app)
    if procs:
        agent_procs.pool(procs).submit(agent_procs.ready)
