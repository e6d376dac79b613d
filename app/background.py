"""Work a web request hands to the app's job queue rather than do itself (a report, a model card's charts).

The same queue the scheduler's periodic jobs use: an RQ worker when the app dispatches on Redis (production), else
a thread of this process (the embedded worker of `agentic-sales serve` and the demo).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from app import defaults

log = logging.getLogger(__name__)

_THREADS = "background_threads"
"""`app.extensions` key: the embedded worker's job threads of this app, for `drain`."""
_LOCK = threading.Lock()


def enqueue(app: Any, job: str, args: list[Any], description: str, *, timeout: float | None = None) -> None:
    """Run `job` (a dotted path to a function that needs an app context) on the app's job queue: an RQ worker
    when the app dispatches on Redis, else a thread of this process (the embedded worker), as the scheduler's
    periodic jobs run. `timeout`: RQ's limit on the job (default: a periodic job's)."""
    from werkzeug.utils import import_string

    backend = app.extensions["dispatcher"].backend
    if getattr(backend, "name", "") == "rq":
        limit = int(timeout if timeout is not None else defaults.PERIODIC_JOB_TIMEOUT_SECONDS)
        backend.queue.enqueue(job, args=args, job_timeout=limit, description=description)
        return
    function: Callable[..., Any] = import_string(job)

    def run() -> None:
        with app.app_context():
            try:
                function(*args)
            # The job keeps what a page needs to know (a report's failure); the thread only logs.
            except Exception:
                log.exception("background job failed", extra={"tenant_id": args[0] if args else None,
                                                               "job": description})

    thread = threading.Thread(target=run, name=description, daemon=True)
    with _LOCK:
        running = app.extensions.setdefault(_THREADS, [])
        running[:] = [t for t in running if t.is_alive()]
        running.append(thread)
    thread.start()


def drain(app: Any, timeout: float = defaults.BACKGROUND_DRAIN_SECONDS) -> list[str]:
    """Wait for the embedded worker's jobs to end (at most `timeout` seconds in all) before the app's data goes: a
    chart drawn after the demo's training wrote into a data directory the caller was deleting (wave 27's vendor
    replay failed on it). Returns the descriptions of the jobs still running at the deadline (nothing on RQ)."""
    deadline = time.monotonic() + timeout
    with _LOCK:
        running = list(app.extensions.get(_THREADS, []))
    for thread in running:
        thread.join(max(0.0, deadline - time.monotonic()))
    return [t.name for t in running if t.is_alive()]
