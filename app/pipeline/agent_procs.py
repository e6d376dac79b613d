"""The agents stage on every core: offline agents of a batch run in a small pool of processes.

The offline agents are pure Python (~70% of a record's CPU in the embedded worker). Threads
cannot run them in parallel under the interpreter lock, and in the embedded worker they also
take the lock from the webhook receiver and the write-backs of the same process. A pool of
worker processes (spawned, never forked: the app process runs server threads) runs them on the
other cores while the batch's thread writes finished chunks back.

Only the offline roles go to the pool: their chain never touches the answer cache or the spend
ledger (agents/providers/gateway.py), so a run in a child is the same run as in the thread. The
bandit's policy is a closure; the child rebuilds it from the same inputs (`PolicySpec`), and
the policy's draws are seeded per record and day, so the child draws what the thread would.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agents.settings import AgentSettings
from integrations.base import Record
from learning.bandit import Posterior
from learning.errors import NoAllowedArmError
from learning.policy import bandit_policy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PolicySpec:
    """What `bandit_policy` is built from (app/pipeline/strategy.prepare), picklable."""

    posterior: Posterior
    max_discount: float
    excluded: tuple[str, ...]

    def build(self) -> Any:
        return bandit_policy(self.posterior, max_discount=self.max_discount, excluded=self.excluded)


@dataclass(frozen=True)
class AgentJob:
    """One record's agents run, as sent to a worker process."""

    record: Record
    scores: Mapping[str, Any]
    settings: AgentSettings
    now: datetime
    policy: PolicySpec


class AgentProcessError(RuntimeError):
    """A record's agents failed in a worker process with an error that could not be sent back as
    itself; the message names the original type. The record fails alone, as it would in a thread."""


def run_job(job: AgentJob) -> tuple[str, Any]:
    """Run one record's agents (in a worker process): ("ok", AgentRun), ("no_arm", reason) or
    ("error", exception)."""
    from agents import run as agents_run

    try:
        return "ok", agents_run.run_agents(job.record, dict(job.scores), job.settings, now=job.now,
                                           policy=job.policy.build())
    except NoAllowedArmError as exc:
        return "no_arm", str(exc)
    except Exception as exc:  # sent back to fail this record alone
        return "error", _portable(exc)


def result_of(future: Future[tuple[str, Any]]) -> Any:
    """The AgentRun of a submitted job, raising what the agents raised (NoAllowedArmError too)."""
    kind, value = future.result()
    if kind == "ok":
        return value
    if kind == "no_arm":
        raise NoAllowedArmError(value)
    raise value


def _portable(exc: Exception) -> Exception:
    """The exception itself when it survives pickling, else an AgentProcessError naming it."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return AgentProcessError(f"{type(exc).__name__}: {exc}")


def _warm() -> None:
    """Import the agents once per worker process, before its first record."""
    import agents.run  # noqa: F401


def ready() -> bool:
    """A job that only makes the pool start its processes (app/dispatch/inprocess.py)."""
    return True


_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_key: tuple[int, int] | None = None


def pool(size: int) -> ProcessPoolExecutor:
    """This process's pool of `size` agent processes (created on first use, kept for later batches)."""
    global _pool, _pool_key
    with _lock:
        key = (os.getpid(), size)
        if _pool is None or _pool_key != key:
            if _pool is not None and _pool_key is not None and _pool_key[0] == os.getpid():
                _pool.shutdown(wait=False, cancel_futures=True)
            _pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_warm)
            _pool_key = key
        return _pool


def discard(broken: ProcessPoolExecutor) -> None:
    """Forget a broken pool (a child died): the next batch starts a new one."""
    global _pool, _pool_key
    with _lock:
        if _pool is broken:
            _pool, _pool_key = None, None
    broken.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """Stop this process's agent processes (the embedded worker's stop)."""
    global _pool, _pool_key
    with _lock:
        mine = _pool if _pool_key is not None and _pool_key[0] == os.getpid() else None
        _pool, _pool_key = None, None
    if mine is not None:
        mine.shutdown(wait=True, cancel_futures=True)


def processes_for(configured: int | None, *, backend: str, cpus: int | None) -> int:
    """How many agent processes a batch uses: `configured` when set (0 = none, agents in the
    batch's thread); by default one per core in the embedded worker on a machine with 2 or more
    cores, none on 1 core (a child would only compete with the app for it) and none under RQ
    (there, more worker processes are the way to use more cores)."""
    if configured is not None:
        return max(0, int(configured))
    if backend != "inprocess" or not cpus or cpus < 2:
        return 0
    return cpus


def available_cpus() -> int:
    """Cores this process may run on (the scheduler affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
