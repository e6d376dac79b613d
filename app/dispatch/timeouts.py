"""A batch job that runs past its RQ job timeout: sized from the batch, detected, and split in two.

RQ stops a job at its timeout by raising `JobTimeoutException` (a SIGALRM in the job's process, whichever the worker
class). Before wave 32 that exception was caught like any error: by the record it interrupted (which then "failed
permanently") or by the batch, which failed every unwritten record for good; an 80-deal backfill batch at load 13
lost its records to the pipeline until a manual replay. Now:

- `job_timeout_seconds`: the RQ timeout of a record job, by default sized from the batch size (JOB_TIMEOUT_BASE_SECONDS
  + JOB_TIMEOUT_PER_RECORD_SECONDS per record), or the deployment's AGENTIC_SALES_JOB_TIMEOUT_SECONDS;
- `deadline_of_current_job`: when the running RQ job's timeout fires (a batch stops starting records after it, even
  when some `except Exception` swallowed the exception);
- `is_timeout`: the exception RQ raises, or ours (`BatchTimedOut`);
- `split_limit`: the batch size the unwritten records are handed back with (half the batch that timed out; their
  new job ids carry it, `leases.new_job_id(limit=...)`). A batch of one that times out is a transient failure of
  that record: retried with JOB_RETRY_INTERVALS, then failed with a message naming the settings to change.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from app import defaults


class BatchTimedOut(Exception):
    """A batch job ran past its job timeout before these records were written; they are handed back (never lost)."""

    should_retry = True
    retry_after = None
    status = None

    def __init__(self, records: int, timeout: float | None) -> None:
        limit = f"{timeout:g} s" if timeout else "its timeout"
        super().__init__(
            f"a batch of {records} record(s) ran past the RQ job timeout ({limit}) before these were written; they "
            f"are handed back in smaller batches. If it recurs, raise AGENTIC_SALES_JOB_TIMEOUT_SECONDS or lower "
            f"AGENTIC_SALES_PIPELINE_BATCH_SIZE (docs/admin.md, Scaling)")
        self.records = records
        self.timeout = timeout


class BatchHandedBack(Exception):
    """The worker is stopping (SIGTERM, Ctrl-C): the batch's records not yet written go back to the queue at once."""

    should_retry = True
    retry_after = None
    status = None

    def __init__(self, records: int) -> None:
        super().__init__(f"the worker is stopping: the records of a batch of {records} not yet written are handed back")
        self.records = records


def job_timeout_seconds(config: Any) -> int:
    """The RQ timeout of a record job (seconds): AGENTIC_SALES_JOB_TIMEOUT_SECONDS when set (> 0), else sized from
    the batch size, so that a bigger batch is not stopped halfway by a timeout chosen for a smaller one."""
    fixed = int(config.get("JOB_TIMEOUT_SECONDS") or 0)
    if fixed > 0:
        return fixed
    size = max(1, int(config.get("PIPELINE_BATCH_SIZE") or defaults.PIPELINE_BATCH_SIZE))
    base = float(config.get("JOB_TIMEOUT_BASE_SECONDS", defaults.JOB_TIMEOUT_BASE_SECONDS))
    per = float(config.get("JOB_TIMEOUT_PER_RECORD_SECONDS", defaults.JOB_TIMEOUT_PER_RECORD_SECONDS))
    return int(base + per * size)


def deadline_of_current_job() -> tuple[float | None, float | None]:
    """(monotonic time at which the running RQ job's timeout fires, the timeout in seconds); (None, None) outside
    an RQ job (the embedded worker has no job timeout). Call it in the job's own thread."""
    try:
        from rq import get_current_job

        job = get_current_job()
    except Exception:  # no RQ, or no job: nothing times this run out
        return None, None
    if job is None or not job.timeout or job.timeout < 0:
        return None, None
    started = job.started_at
    if started is None:
        return time.monotonic() + float(job.timeout), float(job.timeout)
    started = started if started.tzinfo else started.replace(tzinfo=UTC)
    elapsed = max(0.0, (datetime.now(UTC) - started).total_seconds())
    return time.monotonic() + float(job.timeout) - elapsed, float(job.timeout)


def is_timeout(exc: BaseException | None) -> bool:
    """Tell whether `exc` is a job timeout: RQ's (raised by its death penalty) or ours."""
    if exc is None:
        return False
    if isinstance(exc, BatchTimedOut | BatchHandedBack):
        return True
    try:
        from rq.timeouts import BaseTimeoutException
    except ImportError:  # pragma: no cover - rq is a dependency
        return False
    return isinstance(exc, BaseTimeoutException)


def split_limit(records: int) -> int:
    """The largest batch the records of a timed-out batch of `records` are handed back in: half of it."""
    return max(1, records // 2)


__all__ = ["BatchHandedBack", "BatchTimedOut", "deadline_of_current_job", "is_timeout", "job_timeout_seconds", "split_limit"]
