"""The embedded backend: one daemon thread runs due record jobs and the sweeper.

Used when no REDIS_URL is set (`make demo`, a laptop). Jobs wait in a heap until their run time;
transient failures are retried with the same intervals RQ would use.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from typing import Any

from flask import Flask

from app import defaults
from app.dispatch.leases import RecordKey

log = logging.getLogger(__name__)


class InProcessBackend:
    """A heap of (run_at, job) served by one worker thread, started lazily on first enqueue."""

    name = "inprocess"

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._heap: list[tuple[float, int, RecordKey, str, int]] = []
        self._seq = itertools.count()
        self._cv = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._last_sweep = 0.0
        self.jobs_run = 0

    def enqueue(self, key: RecordKey, job_id: str, delay: float) -> None:
        with self._cv:
            heapq.heappush(self._heap, (time.monotonic() + delay, next(self._seq), key, job_id, 0))
            self._cv.notify()
        if self.app.config.get("START_WORKER", True):
            self.start()

    def enqueue_many(self, pairs: list[tuple[RecordKey, str]], delay: float) -> None:
        for key, job_id in pairs:
            self.enqueue(key, job_id, delay)

    def waiting(self, job_ids: list[str]) -> set[str]:
        """Job ids still in the heap (not yet started)."""
        with self._cv:
            held = {entry[3] for entry in self._heap}
        return held & set(job_ids)

    def ping(self) -> dict[str, Any]:
        alive = self._thread is not None and self._thread.is_alive()
        return {"backend": self.name, "worker_alive": alive, "queued": len(self._heap)}

    def start(self) -> None:
        with self._cv:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._loop, name="agentic-sales-worker", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._cv:
            self._stopping = True
            self._cv.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        from app.pipeline import agent_procs

        agent_procs.shutdown()  # the worker's agent processes, if its batches started any

    def run_due(self) -> int:
        """Run every job whose time has come, in this thread (tests drive it directly)."""
        ran = 0
        while True:
            with self._cv:
                if not self._heap or self._heap[0][0] > time.monotonic():
                    return ran
                _, _, key, job_id, attempt = heapq.heappop(self._heap)
            self._run(key, job_id, attempt)
            ran += 1

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
                if self._heap:
                    wait = max(0.0, min(wait, self._heap[0][0] - time.monotonic()))
                if not self._stopping:
                    self._cv.wait(wait)

    def _run(self, key: RecordKey, job_id: str, attempt: int) -> None:
        from app.dispatch.runner import run_record_job

        try:
            with self.app.app_context():
                run_record_job(key.tenant_id, key.crm, key.object_type, key.record_id, job_id)
            self.jobs_run += 1
        except Exception as exc:
            if getattr(exc, "should_retry", False) and attempt < len(defaults.JOB_RETRY_INTERVALS):
                delay = defaults.JOB_RETRY_INTERVALS[attempt] * float(self.app.config.get("RETRY_SCALE", 1.0))
                with self._cv:
                    heapq.heappush(self._heap, (time.monotonic() + delay, next(self._seq), key, job_id, attempt + 1))
                log.warning("job failed, retrying in %.1fs", delay, extra={"job_id": job_id})
            else:
                log.exception("job failed", extra={"job_id": job_id})
