"""The LLM page says what the WORKERS will run: each worker reports which provider settings its own environment
holds (never a key) on start and on a heartbeat; a worker without `OPENAI_API_KEY` runs an `openai` role offline
whatever the web process's environment holds, and the page says so, and says when no worker has reported."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.admin.conftest import ADMIN_TOKEN, crm_session, set_installer
from tests.conftest import (
    TEST_SECRET_KEY,
    TEST_TOKEN_KEY,
    flush_test_redis,
    install_tenant,
    need,
    pg_url,
    redis_url,
)
from tests.worker_processes import stop_workers

ROOT = Path(__file__).resolve().parents[2]
A = "hubspot-101"
KEY = "sk-test-" + "Zq7" * 10  # a key-shaped value that must never reach the database or the page


def writer_on_openai(app) -> None:
    from app import settings as service

    service.update(app, A, {"llm_roles.writer": "openai:gpt-4o"}, author="test")


def llm_page(app) -> str:
    client = crm_session(app.test_client(), A, "ann@a.example")
    resp = client.get(f"/admin/t/{A}/llm")
    assert resp.status_code == 200
    return resp.get_data(as_text=True)


def role_row(page: str, role: str) -> str:
    return page.split(f'<tr id="role-{role}">', 1)[1].split("</tr>", 1)[0]


@pytest.fixture
def rq_console(app_factory):
    # The web process itself HOLDS the key: wave 23's page said "openai:gpt-4o" from that alone.
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, REDIS_URL=redis_url() or "redis://127.0.0.1:1/0",
                      START_WORKER=False, OPENAI_API_KEY=KEY)
    install_tenant(app, "101")
    set_installer(app, A, "ann@a.example")
    writer_on_openai(app)
    return app


def test_with_no_worker_reporting_the_page_says_what_runs_is_unknown(rq_console):
    page = llm_page(rq_console)
    assert 'id="no-workers"' in page and "No worker has reported in the last 3 minutes" in page
    assert "openai:gpt-4o</td></tr>" not in page  # no "Runs on" claimed from the web process's key


def test_two_app_instances_with_different_environments_report_and_the_page_names_the_one_that_falls_back(
        rq_console, app_factory):
    from app.worker_report import report

    with_key = app_factory(OPENAI_API_KEY=KEY, START_WORKER=False)
    without = app_factory(START_WORKER=False, OPENAI_API_KEY=None)
    now = datetime.now(UTC)
    report(with_key, "host-a:11", now, environ={"OPENAI_API_KEY": KEY})
    report(without, "host-b:22", now, environ={})
    page = llm_page(rq_console)
    writer = role_row(page, "writer")
    assert "openai:gpt-4o" in writer and "host-a:11" in writer
    assert "offline templates" in writer and "host-b:22" in writer
    assert "OPENAI_API_KEY is not set in that worker&#39;s environment" in writer
    assert 'id="offline-roles"' in page and "the writer will run offline on 1 of the reporting workers (host-b:22)" \
        in page.replace("\n", " ")
    assert "the one worker" not in role_row(page, "analyst") and "all 2 workers" in role_row(page, "analyst")
    assert KEY not in page


def test_a_worker_not_heard_from_for_three_minutes_is_left_out(rq_console, app_factory):
    from app.storage import get_db
    from app.storage.models import WorkerReport
    from app.worker_report import report

    report(app_factory(START_WORKER=False, OPENAI_API_KEY=None), "host-b:22", datetime.now(UTC), environ={})
    assert "OPENAI_API_KEY is not set in that worker" in role_row(llm_page(rq_console), "writer")
    with get_db(rq_console).session() as s:
        s.execute(update(WorkerReport).values(reported_at=datetime.now(UTC) - timedelta(minutes=4)))
    assert 'id="no-workers"' in llm_page(rq_console)


def start_worker(tmp: Path, n: int, **extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY")}
    env.update({"DATABASE_URL": pg_url() or "", "REDIS_URL": redis_url() or "",
                "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY, "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY,
                "HUBSPOT_CLIENT_ID": "test-client-id", "HUBSPOT_CLIENT_SECRET": "test-client-secret",
                "AGENTIC_SALES_DATA_DIR": str(tmp / f"w{n}"), "AGENTIC_SALES_WORKER_REPORT_SECONDS": "0.5",
                "AGENTIC_SALES_RECONCILE_ENABLED": "false", "AGENTIC_SALES_RETRAIN_ENABLED": "false",
                "PYTHONPATH": str(ROOT), **extra})
    log = (tmp / f"worker-{n}.log").open("ab")
    return subprocess.Popen([sys.executable, "-m", "app", "worker"], env=env, cwd=str(ROOT),
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.timeout(240)
def test_two_worker_processes_with_different_environments_report_on_start_and_beat_and_withdraw_on_stop(
        rq_console, tmp_path):
    need("postgres")
    need("redis")
    flush_test_redis()
    from app.storage import get_db
    from app.storage.models import WorkerReport

    workers = [start_worker(tmp_path, 0, OPENAI_API_KEY=KEY), start_worker(tmp_path, 1)]
    try:
        deadline, rows = time.time() + 120, []
        while time.time() < deadline:
            with get_db(rq_console).session() as s:
                rows = s.execute(select(WorkerReport)).scalars().all()
                s.expunge_all()
            if len(rows) == 2:
                break
            assert all(w.poll() is None for w in workers), (tmp_path / "worker-0.log").read_text()[-2000:]
            time.sleep(0.5)
        assert len(rows) == 2, [(tmp_path / f"worker-{n}.log").read_text()[-2000:] for n in range(2)]
        by_pid = {r.pid: r for r in rows}
        assert by_pid[workers[0].pid].providers == ["openai"] and by_pid[workers[1].pid].providers == []
        first = {r.worker: r.reported_at for r in rows}
        time.sleep(2.0)
        with get_db(rq_console).session() as s:
            later = {r.worker: r.reported_at for r in s.execute(select(WorkerReport)).scalars()}
            stored = " ".join(str([r.providers, r.roles, r.spend]) for r in s.execute(select(WorkerReport)).scalars())
        assert all(later[w] > first[w] for w in first), "no heartbeat"
        assert KEY not in stored
        writer = role_row(llm_page(rq_console), "writer")
        lines = writer.split("<td>")[-1].split("<br>")
        holds = next(line for line in lines if f":{workers[0].pid})" in line)
        lacks = next(line for line in lines if f":{workers[1].pid})" in line)
        assert "openai:gpt-4o" in holds and "offline" not in holds
        assert "offline templates" in lacks and "OPENAI_API_KEY is not set in that worker" in lacks
    finally:
        stop_workers(workers, grace=30)
    with get_db(rq_console).session() as s:
        assert s.execute(select(WorkerReport)).scalars().all() == []  # a clean stop withdraws its report
    flush_test_redis()
