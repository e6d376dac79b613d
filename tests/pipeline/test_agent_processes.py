"""The offline agents of a batch may run in worker processes (app/pipeline/agent_procs.py): the
same records get the same analysis, strategy (the bandit's draw included) and draft as in the
batch's own thread, a record failing in a child fails alone, and a dead child costs no record."""

from __future__ import annotations

import os
from typing import Any

import pytest
from sqlalchemy import select

from app.pipeline import agent_procs
from app.storage import get_db
from app.storage.models import Enrichment, InboxEvent
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_batch_and_outcome import run_all, send
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

DEALS = [str(9300 + i) for i in range(6)]


@pytest.fixture
def proc_app(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", RETRY_SCALE=0.0)
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid, d) for d in DEALS])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


@pytest.fixture(autouse=True, scope="module")
def _one_pool_for_the_module():
    """The tests share one pool of two processes (spawning one costs seconds), stopped at the end."""
    yield
    agent_procs.shutdown()


def _cards(app) -> list[dict[str, Any]]:
    """Each enrichment's agent output, oldest first, without its clock readings."""
    with get_db(app).session() as s:
        rows = s.execute(select(Enrichment).order_by(Enrichment.id)).scalars().all()
        return [{"record": r.record_id, "analysis": r.analysis, "strategy": r.strategy, "draft": r.draft,
                 "generated_by": r.generated_by} for r in rows]


def test_agents_in_worker_processes_give_the_records_what_the_batch_thread_gives_them(proc_app):
    app, _tid, crm = proc_app
    send(app, DEALS)
    run_all(app)  # AGENT_PROCESSES=0 (the tests' default): the batch's own thread
    in_thread = _cards(app)
    app.config["AGENT_PROCESSES"] = 2
    send(app, DEALS, first_event_id=100)
    run_all(app)
    in_processes = _cards(app)[len(in_thread):]
    assert agent_procs._pool is not None and agent_procs._pool_key == (os.getpid(), 2)
    assert len(in_thread) == len(in_processes) == len(DEALS)
    assert in_processes == in_thread
    assert {c["strategy"].get("arm") or c["strategy"].get("name") for c in in_processes} != {None}


def test_a_record_whose_agents_fail_in_a_child_fails_alone(proc_app, monkeypatch):
    app, _tid, crm = proc_app
    app.config["AGENT_PROCESSES"] = 2
    broken = sample_record(crm.records[DEALS[0]].tenant_id, DEALS[0])
    # Activities that are not a list: scoring copes, the agents (in a child) raise.
    crm.records[DEALS[0]] = broken.__class__(**{**broken.__dict__, "activities": "not a list"})
    send(app, DEALS)
    run_all(app)
    with get_db(app).session() as s:
        status = dict(s.execute(select(InboxEvent.record_id, InboxEvent.status)).all())
    assert status[DEALS[0]] == "failed"
    assert all(status[d] == "processed" for d in DEALS[1:])


def test_a_dead_agent_process_costs_no_record(proc_app, monkeypatch):
    app, _tid, crm = proc_app
    app.config["AGENT_PROCESSES"] = 2
    real = agent_procs.result_of
    calls = {"n": 0}

    def dies_once(future):
        calls["n"] += 1
        if calls["n"] == 2:
            from concurrent.futures.process import BrokenProcessPool

            raise BrokenProcessPool("a child was killed")
        return real(future)

    monkeypatch.setattr(agent_procs, "result_of", dies_once)
    send(app, DEALS)
    run_all(app)
    with get_db(app).session() as s:
        status = [r for (r,) in s.execute(select(InboxEvent.status)).all()]
    assert status == ["processed"] * len(DEALS)
    assert len(crm.tasks) == len(DEALS)


@pytest.mark.parametrize("configured, backend, cpus, expected", [
    (None, "inprocess", 2, 2), (None, "inprocess", 1, 0), (None, "rq", 8, 0), (None, "inprocess", None, 0),
    (0, "inprocess", 8, 0), (3, "rq", 1, 3),
])
def test_the_number_of_agent_processes_follows_the_cores_of_the_embedded_worker(configured, backend, cpus, expected):
    assert agent_procs.processes_for(configured, backend=backend, cpus=cpus) == expected


def test_an_agent_processes_setting_that_is_not_a_number_is_refused_by_name(proc_app):
    from app.config import ConfigError
    from app.pipeline.batch import agent_processes

    app, _tid, _crm = proc_app
    app.config["AGENT_PROCESSES"] = "many"
    with pytest.raises(ConfigError, match="AGENTIC_SALES_AGENT_PROCESSES='many'"):
        agent_processes(app)
