"""The production backend: RQ on Redis, with the connection and queue built explicitly.

Workers run `agentic-sales worker [--with-scheduler]`, which builds the app once, pushes an app
context and serves the queue; `--with-scheduler` also runs RQ's scheduler (for the coalescing
delay) and our sweeper thread. Any number of workers on any number of machines may run.
"""

from __future__ import annotations

import logging
import os
import threading
from datetime import timedelta
from typing import Any

from flask import Flask
from redis import Redis
from rq import Queue, Retry
from rq.serializers import JSONSerializer
from werkzeug.utils import import_string

from app import defaults
from app.dispatch import leases
from app.dispatch.leases import RecordKey
from app.dispatch.timeouts import job_timeout_seconds

log = logging.getLogger(__name__)

JOB_FUNC = "app.dispatch.runner.run_record_job"


class RQBackend:
    """Enqueue record jobs on an RQ queue (JSON serializer, explicit retry and timeouts)."""

    name = "rq"

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.redis = Redis.from_url(
            app.config["REDIS_URL"], socket_timeout=defaults.HEALTH_TIMEOUT_SECONDS * 5,
            socket_connect_timeout=defaults.HEALTH_TIMEOUT_SECONDS,
        )
        self.queue = Queue(
            app.config.get("QUEUE_NAME", defaults.QUEUE_NAME), connection=self.redis, serializer=JSONSerializer
        )
        self.stop_requested = threading.Event()

    def enqueue(self, key: RecordKey, job_id: str, delay: float, pipeline: Any = None) -> None:
        retry_scale = float(self.app.config.get("RETRY_SCALE", 1.0))
        kwargs: dict[str, Any] = {
            "args": [*key.as_args(), job_id],
            "job_id": job_id,
            "retry": Retry(max=len(defaults.JOB_RETRY_INTERVALS),
                           interval=[max(1, int(i * retry_scale)) for i in defaults.JOB_RETRY_INTERVALS]),
            "job_timeout": job_timeout_seconds(self.app.config),
            "result_ttl": defaults.JOB_RESULT_TTL_SECONDS,
            "failure_ttl": 7 * 86400,
            "description": f"record {key.crm}/{key.tenant_id}/{key.object_type}/{key.record_id}",
        }
        if pipeline is not None:
            kwargs["pipeline"] = pipeline
        if delay > 0:
            self.queue.enqueue_in(timedelta(seconds=delay), JOB_FUNC, **kwargs)
        else:
            self.queue.enqueue(JOB_FUNC, **kwargs)

    def enqueue_many(self, pairs: list[tuple[RecordKey, str]], delay: float, *, bulk: bool = False) -> None:
        """Enqueue a webhook batch's jobs in one Redis round trip (a pipeline); `bulk` changes
        nothing here (more RQ workers are how RQ runs more batches at once)."""
        with self.redis.pipeline() as pipe:
            for key, job_id in pairs:
                self.enqueue(key, job_id, delay, pipeline=pipe)
            pipe.execute()

    def waiting(self, job_ids: list[str]) -> set[str]:
        """Job ids RQ still holds to run later: queued, scheduled (the coalescing delay, a retry)
        or deferred; a started, finished, failed or vanished job is not waiting."""
        from rq.job import Job, JobStatus

        waiting = {JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.DEFERRED}
        jobs = Job.fetch_many(job_ids, connection=self.redis, serializer=JSONSerializer)
        return {job.id for job in jobs if job is not None and job.get_status(refresh=False) in waiting}

    def taken(self, job_ids: list[str]) -> None:
        """Nothing: each claimed job's run stops at its failed claim (dropping them would cost a
        Redis round trip per job, as much as the run it saves)."""

    def forget_tenant(self, crm: str, tenant_id: str) -> int:
        """Delete the tenant's record jobs that wait (queued, scheduled, deferred) or are done (finished,
        failed, canceled), with their results, from Redis: an uninstall leaves no key naming the tenant
        (they stayed for JOB_RESULT_TTL_SECONDS, a failed one 7 days). A job running now is left to end; it
        finds its records gone. Returns the jobs deleted."""
        from rq.registry import (
            CanceledJobRegistry,
            DeferredJobRegistry,
            FailedJobRegistry,
            FinishedJobRegistry,
            ScheduledJobRegistry,
        )

        prefix = leases.job_id_prefix(crm, tenant_id)
        registries = [cls(self.queue.name, connection=self.redis, serializer=JSONSerializer) for cls in (
            ScheduledJobRegistry, DeferredJobRegistry, FinishedJobRegistry, FailedJobRegistry, CanceledJobRegistry)]
        ids = {job_id for job_id in self.queue.get_job_ids() if job_id.startswith(prefix)}
        for registry in registries:
            ids |= {job_id for job_id in registry.get_job_ids(cleanup=False) if job_id.startswith(prefix)}
        for raw in self.redis.scan_iter(match=f"rq:job:{prefix}*", count=1000):  # a hash no registry lists
            key = raw.decode() if isinstance(raw, bytes) else str(raw)
            if ":" not in key[len("rq:job:"):]:  # not a job's :dependents or :dependencies set
                ids.add(key[len("rq:job:"):])
        with self.redis.pipeline() as pipe:
            for job_id in ids:
                pipe.lrem(self.queue.key, 0, job_id)
                for registry in registries:
                    pipe.zrem(registry.key, job_id)
                pipe.delete(f"rq:job:{job_id}", f"rq:results:{job_id}", f"rq:job:{job_id}:dependents",
                            f"rq:job:{job_id}:dependencies")
            pipe.execute()
        return len(ids)

    def ping(self) -> dict[str, Any]:
        self.redis.ping()
        return {"backend": self.name, "queued": self.queue.count}

    def start(self) -> None:
        """Nothing to start in the web process: workers are separate processes."""

    @property
    def stopping(self) -> bool:
        """The worker in this process got a warm stop (SIGTERM, Ctrl-C; `run_worker`): a running batch starts no
        more records and hands the rest back, instead of running them all past the platform's kill (Heroku sends
        SIGKILL 30 s after SIGTERM). Never in the web process."""
        return self.stop_requested.is_set()

    def stop(self, timeout: float = 5.0) -> None:
        """Nothing to stop in the web process."""


def run_worker(app: Flask, *, with_scheduler: bool, burst: bool = False) -> None:
    """Serve the queue until stopped (or until empty with `burst`); runs the sweeper if scheduling."""
    from app.dispatch import get_dispatcher

    backend = get_dispatcher(app).backend
    if not isinstance(backend, RQBackend):
        raise RuntimeError("REDIS_URL is not set: the RQ worker needs Redis")
    stop = threading.Event()
    if with_scheduler:
        def sweep_loop() -> None:
            every = float(app.config["SWEEP_INTERVAL_SECONDS"])
            while not stop.wait(every):
                try:
                    with app.app_context():
                        get_dispatcher(app).tick()
                except Exception:  # keep sweeping through a database or Redis hiccup
                    log.exception("sweep failed")

        threading.Thread(target=sweep_loop, name="agentic-sales-sweeper", daemon=True).start()
    # The forked work-horse must not reuse the parent's database connections.
    from app.storage import get_db

    engine = get_db(app).engine
    os.register_at_fork(after_in_child=lambda: engine.dispose(close=False))
    # Import the job function (agents, scoring, their libraries) once here, so a forked
    # work-horse inherits it instead of importing it again for every job.
    import_string(app.config["JOB_FUNCTION"])
    with app.app_context():
        # SimpleWorker runs jobs in this process instead of a forked work-horse per job, so the
        # per-tenant clients (metadata caches), the loaded champions and the rate limiter's state
        # survive from one job to the next. WORKER_CLASS=rq.Worker brings the forking one back.
        worker_class = import_string(app.config.get("WORKER_CLASS") or "rq.SimpleWorker")
        worker = worker_class(
            [backend.queue], connection=backend.redis, serializer=JSONSerializer,
            name=f"agentic-sales-{os.getpid()}",
        )
        warm_stop = worker.handle_warm_shutdown_request

        def handle_warm_shutdown_request() -> None:
            # RQ calls this from its SIGTERM/SIGINT handler. A job of this process (SimpleWorker, the default) sees
            # it through `backend.stopping`; a forked work-horse (rq.Worker) does not and finishes its batch.
            backend.stop_requested.set()
            warm_stop()

        worker.handle_warm_shutdown_request = handle_warm_shutdown_request
        from app.worker_report import start_heartbeat, withdraw, worker_id

        # What this worker can run (provider settings held, never a key), for the LLM page of every tenant.
        reporter = worker_id()
        start_heartbeat(app, reporter, stop)
        log.info("worker %s started on queue %s%s%s", worker.name, backend.queue.name,
                 " with the scheduler" if with_scheduler else "", " (burst: stops when the queue is empty)" if burst else "")
        try:
            # RQ's own level, not "INFO": RQ set its logger to INFO, four lines for every job,
            # over the WARNING that app.logs gives it; RQ's warnings and errors still come through.
            worker.work(with_scheduler=with_scheduler, burst=burst,
                        logging_level=logging.getLogger("rq.worker").getEffectiveLevel())
        finally:
            stop.set()
            withdraw(app, reporter)
        # RQ's work() returns whether any job ran: a burst over an empty queue is a clean stop too.
        log.info("worker %s stopped", worker.name)
