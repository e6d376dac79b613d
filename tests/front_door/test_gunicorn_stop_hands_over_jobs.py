"""The Procfile's `web` (gunicorn) stopped with SIGTERM, as a platform stops it at every deploy.

With REDIS_URL (production: README "Production deployment") the web process runs no record job: RQ's workers do,
and a job it enqueued waits in Redis, so it has no lease to hand over. Without REDIS_URL each gunicorn worker runs
an embedded worker thread (the first enqueue starts it), and its leases outlived a clean stop by LEASE_SECONDS
(120 s), as `serve`'s did before wave 30: a stopped gunicorn worker now hands them over as `serve` does.
Real gunicorn processes, on the test's database, with the job function of tests/front_door/jobs.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import InboxEvent, RecordJob
from tests.conftest import (
    TEST_PUBLIC_URL,
    TEST_SECRET,
    TEST_SECRET_KEY,
    TEST_TOKEN_KEY,
    install_tenant,
)
from tests.front_door.handover import lease_left, post_change, wait_for

ROOT = Path(__file__).resolve().parents[2]
PORT = 5793


def gunicorn_env(db_url: str, tmp: Path, redis_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTIC_SALES_") and k != "REDIS_URL"}
    env.update({
        "DATABASE_URL": db_url, "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY, "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY,
        "HUBSPOT_CLIENT_ID": "test-client-id", "HUBSPOT_CLIENT_SECRET": TEST_SECRET,
        "AGENTIC_SALES_PUBLIC_URL": TEST_PUBLIC_URL,
        "AGENTIC_SALES_JOB_FUNCTION": "tests.front_door.jobs.block_until_released",
        "AGENTIC_SALES_COALESCE_WINDOW_SECONDS": "0", "AGENTIC_SALES_AGENT_PROCESSES": "0",
        "AGENTIC_SALES_DATA_DIR": str(tmp / "data"), "CRASH_TEST_DIR": str(tmp), "PYTHONPATH": str(ROOT),
        "OMP_NUM_THREADS": "1", "PORT": str(PORT), "WEB_CONCURRENCY": "1", "WEB_THREADS": "2",
    })
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def start_gunicorn(env: dict[str, str], log: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"], env=env,
                            cwd=str(ROOT), stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=5):
                return proc
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            assert proc.poll() is None, log.read_text()[-3000:]
            time.sleep(0.3)
    raise AssertionError(f"gunicorn did not answer: {log.read_text()[-3000:]}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(40)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


@pytest.mark.timeout(240)
def test_a_job_a_gunicorn_worker_held_without_redis_is_handed_over_at_sigterm(app: Any, tmp_path: Path) -> None:
    install_tenant(app, "62515")
    log = tmp_path / "gunicorn.log"
    web = start_gunicorn(gunicorn_env(app.config["DATABASE_URL"], tmp_path), log)
    try:
        post_change(PORT)
        wait_for(lambda: list(tmp_path.glob("started-*")), 60, "the gunicorn worker's embedded worker to take the job")
        assert lease_left(app) > 60  # the web process runs it, under its 120 s lease
    finally:
        stop(web)
    assert web.returncode is not None
    with get_db(app).session() as s:
        assert [r.status for r in s.execute(select(InboxEvent)).scalars()] == ["pending"] * 3
    assert lease_left(app) <= 0, log.read_text()[-3000:]  # handed over at the stop


@pytest.mark.redis
@pytest.mark.timeout(240)
def test_the_production_web_process_with_redis_runs_no_job_and_holds_no_lease_to_hand_over(
        app: Any, tmp_path: Path) -> None:
    from tests.conftest import need, redis_url

    need("redis")
    url = str(redis_url())
    install_tenant(app, "62515")
    log = tmp_path / "gunicorn.log"
    web = start_gunicorn(gunicorn_env(app.config["DATABASE_URL"], tmp_path, url), log)
    try:
        post_change(PORT)
        time.sleep(3)  # long enough for an embedded worker, had the web process one, to take the job
        assert not list(tmp_path.glob("started-*")), "the web process ran a record job"
        with get_db(app).session() as s:
            job = s.execute(select(RecordJob).where(RecordJob.record_id == "77")).scalar_one()
            assert job.state == "scheduled", job.state  # waiting in Redis for an RQ worker, taken by nobody
    finally:
        stop(web)
    assert web.returncode is not None
    # The job waits in Redis for a worker: its lease is the queue's, and the stop leaves it alone.
    assert lease_left(app) > 60, log.read_text()[-3000:]
