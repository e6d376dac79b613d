"""Real RQ workers (two forked `worker --with-scheduler` processes) on PostgreSQL + Redis,
against the HubSpot sandbox over HTTP, through the real batch pipeline: every open deal is
enriched once, with one open app task, and the sandbox holds no duplicate."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import func, select

from app.storage import get_db
from app.storage.models import AuditLog, Enrichment, InboxEvent
from app.sync import backfill
from tests.conftest import TEST_SECRET_KEY, TEST_TOKEN_KEY, flush_test_redis, need, pg_url, redis_url
from tests.hubspot import sandbox_helpers as sb
from tests.worker_processes import stop_workers

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.timeout(300)]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rq_app(app_factory):
    need("postgres")
    need("redis")
    flush_test_redis()
    sandbox = sb.start(n_open_deals=12, n_closed_deals=40, n_companies=20, seed=5)
    app = app_factory(
        REDIS_URL=redis_url(), HUBSPOT_CLIENT_ID=sandbox.client_id, HUBSPOT_CLIENT_SECRET=sandbox.client_secret,
        HUBSPOT_API_BASE=sandbox.url, HUBSPOT_AUTHORIZE_URL=sandbox.url + "/oauth/authorize",
        BACKFILL_ON_INSTALL=False, JOB_FUNCTION="app.pipeline.batch.process_batch",
    )
    yield app, sandbox
    sandbox.stop()
    flush_test_redis()


def install(app) -> str:
    client = app.test_client()
    resp = client.get("/oauth/hubspot/install")
    callback = urlparse(sb.consent(resp.headers["Location"]))
    done = client.get(callback.path, query_string=parse_qs(callback.query), headers={"Accept": "application/json"})
    assert done.status_code == 200, done.get_data(as_text=True)
    return done.get_json()["tenant"]


def start_worker(app, sandbox, tmp: Path, n: int, **extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTIC_SALES_")}
    env.update({
        "DATABASE_URL": pg_url() or "", "REDIS_URL": redis_url() or "",
        "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY, "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY,
        "HUBSPOT_CLIENT_ID": sandbox.client_id, "HUBSPOT_CLIENT_SECRET": sandbox.client_secret,
        "AGENTIC_SALES_HUBSPOT_API_BASE": sandbox.url, "AGENTIC_SALES_DATA_DIR": str(tmp / f"w{n}"),
        "AGENTIC_SALES_WORKER_CLASS": "rq.Worker",  # forked work-horses, as in production
        # Every deal must get its task here; the tenant's 10% holdout is tested in tests/learning.
        "AGENTIC_SALES_HOLDOUT_SHARE_OVERRIDE": "0",
        "AGENTIC_SALES_PIPELINE_BATCH_SIZE": "4", "AGENTIC_SALES_SWEEP_INTERVAL_SECONDS": "0.5",
        "AGENTIC_SALES_RECONCILE_ENABLED": "false", "AGENTIC_SALES_RETRAIN_ENABLED": "false",
        "PYTHONPATH": str(ROOT), **extra,
    })
    log = (tmp / f"worker-{n}.log").open("ab")
    return subprocess.Popen([sys.executable, "-m", "app", "worker", "--with-scheduler"], env=env, cwd=str(ROOT),
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def test_two_forked_rq_workers_enrich_every_open_deal_once_through_the_real_pipeline(rq_app, tmp_path):
    app, sandbox = rq_app
    tid = install(app)
    with app.app_context():
        result = backfill(tid, app)
    deals = result["records_backfilled"]
    assert deals == 12
    workers = [start_worker(app, sandbox, tmp_path, n) for n in range(2)]
    try:
        deadline = time.time() + 240
        while time.time() < deadline:
            with get_db(app).session() as s:
                pending = s.execute(select(func.count()).select_from(InboxEvent)
                                    .where(InboxEvent.status == "pending")).scalar_one()
            if pending == 0:
                break
            assert all(w.poll() is None for w in workers), "a worker died"
            time.sleep(0.5)
        time.sleep(1.0)  # a stray second copy of a job would show itself now
    finally:
        stop_workers(workers)
    logs = "".join((tmp_path / f"worker-{n}.log").read_text(errors="replace")[-3000:] for n in range(2))
    with get_db(app).session() as s:
        statuses = dict(s.execute(select(InboxEvent.status, func.count()).group_by(InboxEvent.status)).all())
        enriched = s.execute(select(Enrichment.record_id)).scalars().all()
        batches = s.execute(select(AuditLog).where(AuditLog.event == "batch.started")).scalars().all()
    assert statuses == {"processed": deals}, logs
    assert sorted(enriched) == sorted(set(enriched)) and len(enriched) == deals  # each deal once
    assert len(batches) >= 3  # batch size 4: the work was split into batches
    full = "".join((tmp_path / f"worker-{n}.log").read_text(errors="replace") for n in range(2))
    assert full.count("started on queue") == 2 and "Job OK" not in full, full[-3000:]  # no RQ lines per job
    counters = sandbox.handle.control("GET", "counters")
    assert counters["duplicate_tasks"] == 0 and counters["duplicate_notes"] == 0
    for deal_id in sorted(set(enriched))[:3]:
        assert sandbox.count_tasks_with_marker(deal_id, "[agentic-sales]") == 1
        assert sandbox.store_get("deals", deal_id)["properties"].get("ai_enriched_at")


def test_three_worker_processes_with_scheduler_reconcile_each_tenant_once_per_interval(rq_app, tmp_path):
    app, sandbox = rq_app
    tid = install(app)
    interval = 3.0
    workers = [start_worker(app, sandbox, tmp_path, n, AGENTIC_SALES_RECONCILE_ENABLED="true",
                            AGENTIC_SALES_RECONCILE_INTERVAL_SECONDS=str(int(interval)),
                            AGENTIC_SALES_SCHEDULER_LEASE_SECONDS="5") for n in range(3)]
    try:
        deadline = time.time() + 150
        while time.time() < deadline:
            with get_db(app).session() as s:
                done = s.execute(select(func.count()).select_from(AuditLog).where(
                    AuditLog.tenant_id == tid, AuditLog.event == "reconcile.completed")).scalar_one()
            if done >= 3:
                break
            assert all(w.poll() is None for w in workers), "a worker died"
            time.sleep(0.5)
    finally:
        stop_workers(workers)
    with get_db(app).session() as s:
        claims = s.execute(select(AuditLog).where(AuditLog.tenant_id == tid, AuditLog.event == "periodic.reconcile")
                           .order_by(AuditLog.at)).scalars().all()
        completed = s.execute(select(func.count()).select_from(AuditLog).where(
            AuditLog.tenant_id == tid, AuditLog.event == "reconcile.completed")).scalar_one()
    # The moment each claim was made for (the compare-and-set's clock), not when its audit row
    # was written: under load a claim's transaction can commit late, which moved the audit time
    # closer to the next claim than the scheduler ever let them be.
    times = sorted(datetime.fromisoformat(c.detail["at"]).timestamp() for c in claims)
    assert len(times) >= 3 and completed >= 3
    # Never two reconciliations of the tenant inside one interval, whichever worker leads.
    assert all(b - a >= interval - 1e-3 for a, b in zip(times, times[1:], strict=False)), times
    assert completed <= len(times)


def wait_until_nothing_pending(app, seconds: float) -> None:
    """Wait (at most `seconds`) until no inbox row is pending; the assertions after it say what was left."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        with get_db(app).session() as s:
            pending = s.execute(select(func.count()).select_from(InboxEvent)
                                .where(InboxEvent.status == "pending")).scalar_one()
        if pending == 0:
            return
        time.sleep(0.5)


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (RQ's work-horses run in a session of their own)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def test_a_worker_killed_mid_batch_loses_no_deal_and_writes_none_twice(rq_app, tmp_path):
    # Two workers share the queue, the limiter and the leases; the one running a job is SIGKILLed (with its
    # work-horse) while the backfill is part written. The other takes its records over (after their lease, or
    # as peers of its own batch when the killed one had not claimed them yet: both seen): every deal is
    # enriched once, with one app task in the CRM and no duplicate task or note.
    import signal

    app, sandbox = rq_app
    tid = install(app)
    sandbox.handle.control("POST", "faults", latency_ms=150)  # a batch takes seconds: room to kill it
    with app.app_context():
        deals = backfill(tid, app)["records_backfilled"]
    short = {"AGENTIC_SALES_LEASE_SECONDS": "6"}
    workers = [start_worker(app, sandbox, tmp_path, n, **short) for n in range(2)]
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            with get_db(app).session() as s:
                written = s.execute(select(func.count()).select_from(Enrichment)).scalar_one()
                running = s.execute(select(AuditLog.detail).where(AuditLog.event == "batch.started")).all()
            if written >= 1 and running:
                break
            time.sleep(0.1)
        assert written < deals, "every deal was written before the kill: nothing was killed mid-batch"
        # The worker whose work-horse is running a job now (an idle one's death would test nothing).
        busy = [(w, _children(w.pid)) for w in workers]
        victim, horses = next(((w, h) for w, h in busy if h), busy[0])
        assert horses, "no worker was running a job at the kill"
        os.killpg(victim.pid, signal.SIGKILL)
        for h in horses:
            try:
                os.kill(h, signal.SIGKILL)
            except ProcessLookupError:
                pass
        victim.wait(10)
        wait_until_nothing_pending(app, 240)
        time.sleep(2.0)
    finally:
        stop_workers(workers)
    logs = "".join((tmp_path / f"worker-{n}.log").read_text(errors="replace")[-3000:] for n in range(2))
    with get_db(app).session() as s:
        statuses = dict(s.execute(select(InboxEvent.status, func.count()).group_by(InboxEvent.status)).all())
        enriched = s.execute(select(Enrichment.record_id)).scalars().all()
    assert statuses == {"processed": deals}, logs
    assert sorted(enriched) == sorted(set(enriched)) and len(enriched) == deals
    counters = sandbox.handle.control("GET", "counters")
    assert counters["duplicate_tasks"] == 0 and counters["duplicate_notes"] == 0, counters
    for deal_id in sorted(set(enriched)):
        assert sandbox.count_tasks_with_marker(deal_id, "[agentic-sales]") == 1, deal_id


def test_a_worker_told_to_stop_mid_batch_hands_the_rest_back_and_another_writes_each_deal_once(rq_app, tmp_path):
    # A platform's restart sends SIGTERM and kills the process soon after (Heroku: 30 s). The in-process worker
    # (rq.SimpleWorker, the default) stops starting records and hands the unwritten ones back at once, instead of
    # running its whole batch into the kill; a second worker writes them, each once.
    import signal

    app, sandbox = rq_app
    tid = install(app)
    sandbox.handle.control("POST", "faults", latency_ms=150)
    with app.app_context():
        deals = backfill(tid, app)["records_backfilled"]
    one_batch = {"AGENTIC_SALES_WORKER_CLASS": "rq.SimpleWorker", "AGENTIC_SALES_PIPELINE_BATCH_SIZE": str(deals)}
    stopping = start_worker(app, sandbox, tmp_path, 0, **one_batch)
    workers = [stopping]
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            with get_db(app).session() as s:
                started = s.execute(select(func.count()).select_from(AuditLog)
                                    .where(AuditLog.event == "batch.started")).scalar_one()
            if started:
                break
            time.sleep(0.05)
        assert started, "the worker never started its batch"
        os.killpg(stopping.pid, signal.SIGTERM)
        stopping.wait(60)
        with get_db(app).session() as s:
            handed = s.execute(select(AuditLog.detail).where(AuditLog.event == "job.retrying")).scalars().all()
            written = s.execute(select(func.count()).select_from(Enrichment)).scalar_one()
        back = [d for d in handed if (d or {}).get("type") == "BatchHandedBack"]
        log0 = (tmp_path / "worker-0.log").read_text(errors="replace")[-3000:]
        assert back, f"nothing was handed back at the stop ({written} of {deals} written): {log0}"
        assert written + len(back) == deals, (written, len(back), deals)
        workers.append(start_worker(app, sandbox, tmp_path, 1, **one_batch))
        wait_until_nothing_pending(app, 180)
    finally:
        stop_workers(workers)
    with get_db(app).session() as s:
        statuses = dict(s.execute(select(InboxEvent.status, func.count()).group_by(InboxEvent.status)).all())
        enriched = s.execute(select(Enrichment.record_id)).scalars().all()
    assert statuses == {"processed": deals}
    assert sorted(enriched) == sorted(set(enriched)) and len(enriched) == deals
    for deal_id in sorted(set(enriched)):
        assert sandbox.count_tasks_with_marker(deal_id, "[agentic-sales]") == 1, deal_id
