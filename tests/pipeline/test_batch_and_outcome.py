"""The batch pipeline against the in-memory CRM: one read and one write call per batch, a
failing record fails alone, and a deal that closes goes through the outcome stage."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Action, AuditLog, Enrichment, InboxEvent, Outcome, RecordJob, Reward
from tests.conftest import WebhookSender, deal_event, install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

DEALS = [str(8800 + i) for i in range(12)]


@pytest.fixture
def batch_app(app_factory):
    # No time-based chunk: a rep waiting makes a batch write what it has every WRITEBACK_CHUNK_SECONDS (10 s), and ten
    # records' agents took longer than that at load 20 (three writes, wave 29's CI); the count of calls is the point here.
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10,
                      WRITEBACK_CHUNK_SECONDS=3600.0)
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid, d) for d in DEALS])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def send(app, deal_ids, first_event_id=1, **kw) -> None:
    events = [deal_event(62515, int(d), event_id=first_event_id + i, **kw) for i, d in enumerate(deal_ids)]
    assert WebhookSender(app.test_client()).post_events(events).status_code == 200


def run_all(app) -> int:
    backend = get_dispatcher(app).backend
    ran = 0
    while (n := backend.run_due()):
        ran += n
    return ran


def test_changes_to_twelve_deals_take_two_batch_reads_and_two_write_calls(batch_app):
    app, tid, crm = batch_app
    send(app, DEALS)
    run_all(app)
    assert sorted(len(r) for r in crm.reads) == [2, 10]  # batch size 10: one read per batch
    assert crm.applies == 2
    assert set(crm.fields) == set(DEALS) and len(crm.tasks) == 12 and len(crm.notes) == 12
    with get_db(app).session() as s:
        states = set(s.execute(select(RecordJob.state)).scalars())
        pending = s.execute(select(InboxEvent).where(InboxEvent.status != "processed")).scalars().all()
        superseded = s.execute(select(AuditLog).where(AuditLog.event == "batch.started")).scalars().all()
    assert states == {"idle"} and pending == []
    assert len(superseded) == 2  # the records' own queued jobs found them taken and did nothing


def test_a_record_whose_write_fails_retries_alone_and_the_others_finish(batch_app):
    app, tid, crm = batch_app
    app.config["RETRY_SCALE"] = 0.0
    crm.fail_records = {"8803"}
    send(app, DEALS[:5])
    run_all(app)
    assert set(crm.fields) == {"8800", "8801", "8802", "8804"}
    with get_db(app).session() as s:
        job = s.execute(select(RecordJob).where(RecordJob.record_id == "8803")).scalars().one()
        done = s.execute(select(InboxEvent.record_id).where(InboxEvent.status == "processed")).scalars().all()
        failed = s.execute(select(InboxEvent.record_id).where(InboxEvent.status == "failed")).scalars().all()
    assert sorted(done) == ["8800", "8801", "8802", "8804"]
    # It was retried on its own until the retries ran out, then failed: never the batch.
    assert failed == ["8803"] and job.state == "idle" and job.failures == 0
    crm.fail_records = set()
    send(app, ["8803"], first_event_id=100)
    run_all(app)
    assert "8803" in crm.fields


def test_a_deal_closed_won_completes_our_task_records_one_outcome_with_rewards_and_writes_no_note(batch_app):
    app, tid, crm = batch_app
    send(app, ["8800"])
    run_all(app)
    notes, task = len(crm.notes), crm.tasks["8800"]
    assert task.get("status") != "COMPLETED"
    crm.records["8800"] = replace(crm.records["8800"], stage="closedwon", stage_kind="won")
    fields_before = dict(crm.fields["8800"])
    for event_id in (50, 51):  # the outcome webhook, then a duplicate delivery of another property
        send(app, ["8800"], first_event_id=event_id, prop="dealstage", value="closedwon")
        run_all(app)
    assert crm.tasks["8800"]["status"] == "COMPLETED"
    assert len(crm.notes) == notes and crm.fields["8800"] == fields_before  # no note, no draft
    assert [w for w in crm.writes if w[0] == "task_complete"] == [("task_complete", "8800")]
    with get_db(app).session() as s:
        outcomes = s.execute(select(Outcome)).scalars().all()
        rewards = s.execute(select(Reward)).scalars().all()
        choices = s.execute(select(Action).where(Action.kind == "strategy_choice")).scalars().all()
        enrichments = s.execute(select(Enrichment)).scalars().all()
    assert [(o.deal_id, o.kind) for o in outcomes] == [("8800", "won")]
    assert len(choices) == 1 and len(rewards) == 1
    assert rewards[0].action_id == choices[0].id and rewards[0].arm == choices[0].payload["arm"]
    assert rewards[0].propensity == choices[0].payload["propensity"] and rewards[0].reward > 0
    assert len(enrichments) == 1 and enrichments[0].card["outcome"]["kind"] == "won"


def test_a_lost_deal_never_enriched_records_its_outcome_without_rewards_or_writes(batch_app):
    app, tid, crm = batch_app
    crm.records["8801"] = replace(crm.records["8801"], stage="closedlost", stage_kind="lost")
    send(app, ["8801"])
    run_all(app)
    assert crm.writes == []
    with get_db(app).session() as s:
        assert [(o.deal_id, o.kind) for o in s.execute(select(Outcome)).scalars()] == [("8801", "lost")]
        assert s.execute(select(Reward)).scalars().all() == []


def test_a_record_that_cannot_be_scored_fails_alone(batch_app, monkeypatch):
    import app.pipeline.batch as batch_module
    from scoring import score_record as real_score

    app, tid, crm = batch_app
    app.config["RETRY_SCALE"] = 0.0

    def broken_batch(records, models, mapping):
        raise ValueError("one bad feature row")

    def score_one(record, models, mapping):
        if record.id == "8802":
            raise ValueError("cannot encode this record")
        return real_score(record, models, mapping)

    # The pipeline's batch call breaks; scoring's own score_record (built on score_batch) keeps
    # working, so only the record that cannot be encoded fails.
    monkeypatch.setattr(batch_module, "scoring_scores", type("BrokenScoring", (), {"score_batch": broken_batch}))
    monkeypatch.setattr(batch_module, "score_record", score_one)
    send(app, DEALS[:4])
    run_all(app)
    assert set(crm.fields) == {"8800", "8801", "8803"}
    with get_db(app).session() as s:
        failed = s.execute(select(InboxEvent.record_id).where(InboxEvent.status == "failed")).scalars().all()
    assert failed == ["8802"]


def test_agents_run_one_record_at_a_time_when_every_role_is_offline_and_in_parallel_when_one_calls_out(app_factory):
    from agents.settings import AgentSettings
    from app.pipeline.batch import agent_workers

    app = app_factory(AGENT_CONCURRENCY=4)
    offline = AgentSettings(tenant_id="t")
    assert agent_workers(app, offline) == 1
    remote = offline.with_overrides(roles={**offline.roles, "writer": "openai:gpt-4o-mini"})
    assert agent_workers(app, remote) == 4
