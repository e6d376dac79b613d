"""RQ on a real Redis: coalescing through the queue, and a worker SIGKILLed mid-job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import AuditLog, InboxEvent
from tests.conftest import (
    TEST_PUBLIC_URL,
    TEST_SECRET,
    TEST_SECRET_KEY,
    TEST_TOKEN_KEY,
    WebhookSender,
    deal_event,
    flush_test_redis,
    install_tenant,
    need,
    redis_url,
)

pytestmark = pytest.mark.redis
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_app(app_factory):
    need("redis")
    flush_test_redis()
    app = app_factory(REDIS_URL=redis_url(), COALESCE_WINDOW_SECONDS=0.0)
    yield app
    flush_test_redis()


def audit(app, event):
    with get_db(app).session() as s:
        return s.execute(select(AuditLog).where(AuditLog.event == event).order_by(AuditLog.id)).scalars().all()


def statuses(app):
    with get_db(app).session() as s:
        return [r.status for r in s.execute(select(InboxEvent)).scalars()]


def test_a_burst_through_rq_is_one_job(redis_app):
    from rq import SimpleWorker

    from app.dispatch import get_dispatcher

    install_tenant(redis_app, "62515")
    sender = WebhookSender(redis_app.test_client())
    for d in range(5):
        sender.post_events([deal_event(62515, 8807, event_id=d * 10 + i) for i in range(4)])
    backend = get_dispatcher(redis_app).backend
    assert backend.queue.count == 1
    with redis_app.app_context():
        SimpleWorker([backend.queue], connection=backend.redis, serializer=backend.queue.serializer).work(burst=True)
    assert statuses(redis_app) == ["processed"] * 20
    assert len(audit(redis_app, "job.completed")) == 1


def test_rq_says_which_jobs_still_wait_and_forgets_started_and_unknown_ones(redis_app):
    from rq import SimpleWorker

    from app.dispatch import get_dispatcher
    from app.dispatch.leases import RecordKey

    backend = get_dispatcher(redis_app).backend
    tid = install_tenant(redis_app, "62515")
    backend.enqueue(RecordKey(tid, "hubspot", "deal", "1"), "job-now", 0.0)
    backend.enqueue(RecordKey(tid, "hubspot", "deal", "2"), "job-later", 60.0)  # the coalescing delay
    assert backend.waiting(["job-now", "job-later", "job-unknown"]) == {"job-now", "job-later"}
    with redis_app.app_context():
        SimpleWorker([backend.queue], connection=backend.redis, serializer=backend.queue.serializer).work(burst=True)
    assert backend.waiting(["job-now", "job-later"]) == {"job-later"}


def test_healthz_reports_the_queue_on_redis(redis_app):
    r = redis_app.test_client().get("/healthz")
    assert r.status_code == 200
    assert r.json["checks"]["queue"]["backend"] == "rq"


def _worker_env(db_url: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTIC_SALES_")}
    env.update({
        "DATABASE_URL": db_url, "REDIS_URL": redis_url() or "",
        "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY, "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY,
        "HUBSPOT_CLIENT_ID": "test-client-id", "HUBSPOT_CLIENT_SECRET": TEST_SECRET,
        "AGENTIC_SALES_PUBLIC_URL": TEST_PUBLIC_URL,
        "AGENTIC_SALES_JOB_FUNCTION": "tests.front_door.jobs.block_until_released",
        "AGENTIC_SALES_LEASE_SECONDS": "3", "AGENTIC_SALES_SWEEP_INTERVAL_SECONDS": "0.5",
        "AGENTIC_SALES_DATA_DIR": str(tmp), "CRASH_TEST_DIR": str(tmp), "PYTHONPATH": str(ROOT),
        # The forking worker: this test kills the work-horse process RQ forks for the job.
        "AGENTIC_SALES_WORKER_CLASS": "rq.Worker",
    })
    return env


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "worker", "--with-scheduler"], env=env, cwd=str(ROOT),
        stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_worker_killed_mid_job_is_redispatched_and_the_job_completes_once(redis_app, tmp_path):
    install_tenant(redis_app, "62515")
    db_url = redis_app.config["DATABASE_URL"]
    env = _worker_env(db_url, tmp_path)
    log = tmp_path / "workers.log"
    first = _start_worker(env, log)
    try:
        WebhookSender(redis_app.test_client()).post_events([deal_event(62515, 77, event_id=i) for i in range(3)])
        _wait(lambda: list(tmp_path.glob("started-*")), 30, "the first worker to take the job")
        # RQ runs the job in a forked work-horse in its own session: kill both, as a crash would.
        horse = json.loads(next(tmp_path.glob("started-*")).read_text())["pid"]
        os.killpg(first.pid, signal.SIGKILL)
        os.kill(horse, signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert statuses(redis_app) == ["pending"] * 3
    (tmp_path / "release").write_text("go")
    second = _start_worker(env, log)
    try:
        _wait(lambda: statuses(redis_app) == ["processed"] * 3, 45, "the re-dispatched job to complete")
        time.sleep(1.5)  # give any stray second copy time to show itself
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(20)
    started = audit(redis_app, "job.started")
    completed = audit(redis_app, "job.completed")
    redispatched = audit(redis_app, "job.redispatched")
    with get_db(redis_app).session() as s:
        trail = [(a.event, a.job_id, a.detail) for a in s.execute(select(AuditLog).order_by(AuditLog.id)).scalars()]
    assert len(completed) == 1, (trail, log.read_text()[-3000:])
    assert len(redispatched) >= 1, trail
    assert len(started) == 2 and started[0].job_id != started[1].job_id
    assert completed[0].job_id == started[1].job_id
    assert completed[0].detail["changes"] == 3
