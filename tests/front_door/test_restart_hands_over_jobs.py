"""`serve` stopped with SIGTERM hands the record jobs its embedded worker holds to the next start.

The embedded worker's job leases (LEASE_SECONDS, 120 s) outlived a clean stop: after `kill <pid>` and a
restart, the job the old process was running waited two minutes for the sweeper. A clean stop now ends
those leases; a crash (SIGKILL) still leaves them to run out, since nothing then says the job is dead.
Real processes, on the test's database (SQLite, or PostgreSQL with DATABASE_URL), without Redis.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import AuditLog, InboxEvent, RecordJob
from tests.conftest import (
    TEST_PUBLIC_URL,
    TEST_SECRET,
    TEST_SECRET_KEY,
    TEST_TOKEN_KEY,
    WebhookSender,
    deal_event,
    install_tenant,
)
from tests.front_door.handover import lease_left, post_change, wait_for

ROOT = Path(__file__).resolve().parents[2]
PORTS = {"sigterm": 5791, "sigkill": 5792}


def _env(db_url: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTIC_SALES_") and k != "REDIS_URL"}
    env.update(
        {
            "DATABASE_URL": db_url,
            "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY,
            "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY,
            "HUBSPOT_CLIENT_ID": "test-client-id",
            "HUBSPOT_CLIENT_SECRET": TEST_SECRET,
            "AGENTIC_SALES_PUBLIC_URL": TEST_PUBLIC_URL,
            "AGENTIC_SALES_JOB_FUNCTION": "tests.front_door.jobs.block_until_released",
            "AGENTIC_SALES_COALESCE_WINDOW_SECONDS": "0",
            "AGENTIC_SALES_SWEEP_INTERVAL_SECONDS": "0.5",
            "AGENTIC_SALES_AGENT_PROCESSES": "0",
            "AGENTIC_SALES_DATA_DIR": str(tmp / "data"),
            "CRASH_TEST_DIR": str(tmp),
            "PYTHONPATH": str(ROOT),
            "OMP_NUM_THREADS": "1",
        }
    )
    return env


def _serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port)],
        env=env,
        cwd=str(ROOT),
        stdout=subprocess.PIPE,
        stderr=log.open("ab"),
        text=True,
        start_new_session=True,
    )
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.startswith("{"), f"serve did not start: {line!r} {log.read_text()[-2000:]}"
    return proc


def _statuses(app: Any) -> list[str]:
    with get_db(app).session() as s:
        return [r.status for r in s.execute(select(InboxEvent)).scalars()]


def _stop(proc: subprocess.Popen, sig: signal.Signals = signal.SIGTERM) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


@pytest.mark.timeout(240)
def test_a_job_serve_held_at_sigterm_runs_at_the_next_start_without_waiting_out_the_lease(
    app: Any, tmp_path: Path
) -> None:
    install_tenant(app, "62515")
    env, log, port = _env(app.config["DATABASE_URL"], tmp_path), tmp_path / "serve.log", PORTS["sigterm"]
    first = _serve(env, port, log)
    try:
        post_change(port)
        wait_for(lambda: list(tmp_path.glob("started-*")), 60, "the embedded worker to take the job")
        assert lease_left(app) > 60  # running under its 120 s lease
    finally:
        _stop(first)
    assert first.returncode is not None
    assert _statuses(app) == ["pending"] * 3
    assert lease_left(app) <= 0, log.read_text()[-3000:]  # handed over at the stop
    (tmp_path / "release").write_text("go")
    restarted = time.monotonic()
    second = _serve(env, port, log)
    try:
        wait_for(lambda: _statuses(app) == ["processed"] * 3, 45, "the restarted server to run the job")
    finally:
        _stop(second)
    assert time.monotonic() - restarted < 60  # not the 120 s lease
    with get_db(app).session() as s:
        trail = [(a.event, a.job_id) for a in s.execute(select(AuditLog).order_by(AuditLog.id)).scalars()]
    started = [j for e, j in trail if e == "job.started"]
    completed = [j for e, j in trail if e == "job.completed"]
    assert len(started) == 2 and len(completed) == 1 and completed[0] == started[1], trail
    assert any(e == "job.redispatched" for e, _j in trail), trail


@pytest.mark.timeout(180)
def test_a_crashed_server_keeps_its_jobs_lease_until_it_runs_out(app: Any, tmp_path: Path) -> None:
    # Nothing tells a crash from a pause: the lease is what keeps a second copy from running beside it.
    install_tenant(app, "62515")
    env, log, port = _env(app.config["DATABASE_URL"], tmp_path), tmp_path / "serve.log", PORTS["sigkill"]
    proc = _serve(env, port, log)
    try:
        post_change(port)
        wait_for(lambda: list(tmp_path.glob("started-*")), 60, "the embedded worker to take the job")
    finally:
        _stop(proc, signal.SIGKILL)
    assert lease_left(app) > 60
    assert _statuses(app) == ["pending"] * 3


def test_jobs_waiting_in_the_stopped_workers_heap_are_handed_over_and_others_are_not(
    app_factory: Any,
) -> None:
    from datetime import timedelta

    from app.dispatch import get_dispatcher, leases

    app = app_factory(COALESCE_WINDOW_SECONDS=30.0)  # the jobs wait in the heap, unstarted
    install_tenant(app, "62515")
    WebhookSender(app.test_client()).post_events([deal_event(62515, d, event_id=d) for d in (77, 78)])
    # A record another process scheduled (its own queue holds its job): not this process's to hand over.
    from app.dispatch.leases import RecordKey

    other = RecordKey("hubspot-62515", "hubspot", "deal", "99")
    with get_db(app).session() as s:
        assert leases.schedule(s, other, now=datetime.now(UTC), delay=30.0, lease=120.0)
    get_dispatcher(app).backend.stop(timeout=1.0)
    now = datetime.now(UTC)
    with get_db(app).session() as s:
        rows = {r.record_id: r for r in s.execute(select(RecordJob)).scalars()}

    def aware(t: datetime) -> datetime:
        return t if t.tzinfo else t.replace(tzinfo=UTC)

    assert {k: r.state for k, r in rows.items()} == {"77": "scheduled", "78": "scheduled", "99": "scheduled"}
    assert aware(rows["77"].lease_until) <= now and aware(rows["78"].lease_until) <= now
    assert aware(rows["99"].lease_until) > now + timedelta(seconds=100)
    # The next process's first sweep takes them (its queue never had them), and only them.
    again = app_factory(COALESCE_WINDOW_SECONDS=30.0)
    assert get_dispatcher(again).sweep()["redispatched"] == 2


def test_the_running_job_and_the_peers_its_batch_took_are_handed_over_at_the_stop(app_factory: Any) -> None:
    import threading

    from app.dispatch import get_dispatcher, leases
    from app.dispatch.leases import RecordKey
    from tests.front_door import jobs

    app = app_factory(JOB_FUNCTION="tests.front_door.jobs.hold_with_a_peer")
    tid = install_tenant(app, "62515")
    own, peer = RecordKey(tid, "hubspot", "deal", "77"), RecordKey(tid, "hubspot", "deal", "78")
    now = datetime.now(UTC)
    with get_db(app).session() as s:
        own_job = leases.schedule(s, own, now=now, delay=0.0, lease=120.0)
        peer_job = leases.schedule(s, peer, now=now, delay=0.0, lease=120.0)
        assert (
            own_job and peer_job and leases.claim(s, peer, peer_job, now=now, lease=120.0)
        )  # the batch's claim
    jobs.HOLDING.update(peer=peer_job, started=threading.Event(), release=threading.Event())
    backend = get_dispatcher(app).backend
    backend.enqueue(own, own_job, 0.0)
    runner = threading.Thread(target=backend.run_due)
    runner.start()
    try:
        assert jobs.HOLDING["started"].wait(30)
        backend.enqueue(peer, peer_job, 0.0)
        backend.run_due()  # the peer's own queued entry comes up in another thread and is dropped: taken
        assert backend.release_leases() == 2
    finally:
        jobs.HOLDING["release"].set()
        runner.join(30)
    with get_db(app).session() as s:
        left = {r.record_id: r.lease_until for r in s.execute(select(RecordJob)).scalars()}
    assert all((t if t.tzinfo else t.replace(tzinfo=UTC)) <= datetime.now(UTC) for t in left.values() if t), (
        left
    )
