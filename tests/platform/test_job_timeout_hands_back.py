"""A record job that runs past its RQ job timeout loses no record (wave 31: an 80-deal batch ran past 300 s at load 13
and its records were failed for good until a manual replay).

Through the product path on PostgreSQL + Redis: the HubSpot sandbox over HTTP, signed webhooks into the inbox, a real
RQ worker (the product's `run_worker`, burst) with a 3 s job timeout, and agents that take a second a record. The
timed-out batch keeps what it wrote, hands the rest back in halves, and every deal is enriched exactly once."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from app.storage import get_db
from app.storage.models import AuditLog, Enrichment, InboxEvent
from tests.conftest import WebhookSender, deal_event, flush_test_redis, need, redis_url
from tests.hubspot import sandbox_helpers as sb

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.timeout(240)]

DEALS = 8
SECONDS_PER_RECORD = 1.0
JOB_TIMEOUT = 3


@pytest.fixture
def slow_rq_app(app_factory, monkeypatch):
    need("postgres")
    need("redis")
    flush_test_redis()
    sandbox = sb.start(n_open_deals=DEALS, n_closed_deals=10, n_companies=5, seed=5)
    app = app_factory(**sb.app_config(
        sandbox, REDIS_URL=redis_url(), BACKFILL_ON_INSTALL=False, RETRAIN_ENABLED=False,
        JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=DEALS, JOB_TIMEOUT_SECONDS=JOB_TIMEOUT,
        COALESCE_WINDOW_SECONDS=0.0, WRITEBACK_CHUNK_RECORDS=2, WRITEBACK_CHUNK_SECONDS=60.0,
        HOLDOUT_SHARE_OVERRIDE=0.0, AGENT_PROCESSES=0, AGENT_CONCURRENCY=1, RETRY_SCALE=0.01))
    import agents.run

    real = agents.run.run_agents
    runs: Counter[str] = Counter()

    def slow_agents(record, *args, **kwargs):  # an LLM vendor at load: a second a record
        runs[record.id] += 1
        time.sleep(SECONDS_PER_RECORD)
        return real(record, *args, **kwargs)

    monkeypatch.setattr(agents.run, "run_agents", slow_agents)
    yield app, sandbox, runs
    sandbox.stop()
    flush_test_redis()


def open_deals(sandbox) -> list[str]:
    rows = sandbox.handle.control("GET", "store/deals")["results"]
    return sorted(str(r["id"]) for r in rows
                  if not r.get("archived") and r["properties"].get("dealstage") not in ("closedwon", "closedlost"))


def pending(app) -> int:
    with get_db(app).session() as s:
        return s.execute(select(func.count()).select_from(InboxEvent).where(InboxEvent.status == "pending")).scalar_one()


def test_a_batch_that_runs_past_the_job_timeout_hands_its_unwritten_records_back_in_halves_and_loses_none(
        slow_rq_app):
    from app.dispatch.rq_backend import run_worker

    app, sandbox, runs = slow_rq_app
    tid = sb.install(app.test_client())
    deals = open_deals(sandbox)
    assert len(deals) == DEALS
    sender = WebhookSender(app.test_client(), secret=sandbox.client_secret)
    resp = sender.post_events([deal_event(sandbox.hub_id, int(d), event_id=n + 1) for n, d in enumerate(deals)])
    assert resp.status_code == 200, resp.get_data(as_text=True)

    deadline = time.monotonic() + 180
    while pending(app) and time.monotonic() < deadline:
        run_worker(app, with_scheduler=False, burst=True)  # a real RQ worker; burst: until the queue is empty
        time.sleep(0.2)  # a retry's delay (RETRY_SCALE) is the only thing that can still be scheduled

    with get_db(app).session() as s:
        statuses = dict(s.execute(select(InboxEvent.status, func.count()).where(InboxEvent.tenant_id == tid)
                                  .group_by(InboxEvent.status)).all())
        enriched = Counter(s.execute(select(Enrichment.record_id).where(Enrichment.tenant_id == tid)).scalars())
        handed_back = s.execute(select(AuditLog.detail).where(AuditLog.tenant_id == tid,
                                                              AuditLog.event == "job.retrying")).scalars().all()
        batches = s.execute(select(AuditLog.detail).where(AuditLog.tenant_id == tid, AuditLog.event == "batch.started")
                            .order_by(AuditLog.id)).scalars().all()
    assert statuses == {"processed": DEALS}, statuses  # nothing failed, nothing left behind
    assert sorted(enriched) == sorted(deals) and set(enriched.values()) == {1}, enriched  # each deal written once
    timeouts = [d for d in handed_back if d["type"] == "BatchTimedOut"]
    assert timeouts, handed_back  # the 8-record batch (8 s of agents) did run past the 3 s timeout
    assert "AGENTIC_SALES_JOB_TIMEOUT_SECONDS" in timeouts[0]["error"]
    sizes = [b["batch_size"] for b in batches]
    assert sizes[0] == DEALS and min(sizes) <= DEALS // 2, sizes  # handed back in halves
    # Records written before a timeout are not run again: at most the chunk in hand (2 records) reruns per timed-out
    # batch, and every batch but the last timed out at most once.
    timed_out_batches = len(batches) - 1
    assert sum(runs.values()) <= DEALS + 2 * timed_out_batches, (runs, sizes)
    assert all(n <= 1 + timed_out_batches for n in runs.values()), runs
    counters = sandbox.handle.control("GET", "counters")
    assert counters["duplicate_tasks"] == 0 and counters["duplicate_notes"] == 0, counters


def test_the_default_job_timeout_grows_with_the_batch_size_and_a_set_one_wins():
    from app.config import load
    from app.dispatch.timeouts import job_timeout_seconds

    assert job_timeout_seconds(load(None, {})) == 120 + 10 * 100  # was a fixed 300 s, past which 80 deals ran
    assert job_timeout_seconds(load(None, {"AGENTIC_SALES_PIPELINE_BATCH_SIZE": "25"})) == 120 + 10 * 25
    assert job_timeout_seconds(load(None, {"AGENTIC_SALES_JOB_TIMEOUT_SECONDS": "900"})) == 900


def test_a_handed_back_job_id_carries_its_batch_limit_and_an_ordinary_one_none():
    from app.dispatch.leases import RecordKey, batch_limit, new_job_id

    key = RecordKey("hubspot-62515", "hubspot", "deal", "71000000001")
    assert batch_limit(new_job_id(key, limit=40)) == 40
    assert all(batch_limit(new_job_id(key)) is None for _ in range(200))  # a generation suffix is never a limit
    too_long = RecordKey("hubspot-62515", "hubspot", "deal", "9" * 64)
    long_id = new_job_id(too_long, limit=40)
    assert len(long_id) <= 128  # fits record_jobs.job_id
    assert batch_limit(long_id) == 40  # and still limits the batch it starts (it used to drop the suffix)


def test_a_record_id_too_long_for_a_job_id_is_named_by_its_digest_under_the_tenants_prefix():
    from app.dispatch.leases import RecordKey, batch_limit, job_id_prefix, new_job_id

    one = RecordKey("hubspot-62515", "hubspot", "deal", "9" * 200)
    other = RecordKey("hubspot-62515", "hubspot", "deal", "9" * 199 + "8")
    a, b = new_job_id(one, limit=7), new_job_id(other)
    assert len(a) <= 128 and len(b) <= 128
    assert a.startswith(job_id_prefix("hubspot", "hubspot-62515"))  # an uninstall still deletes it
    assert a.rsplit("-", 2)[0] != b.rsplit("-", 1)[0]  # two long records keep apart
    assert batch_limit(a) == 7 and batch_limit(b) is None


def test_the_longest_tenant_id_the_tables_store_still_gives_a_job_id_that_fits():
    from app.dispatch.leases import RecordKey, batch_limit, new_job_id

    key = RecordKey("t" * 64, "salesforce", "opportunity", "006" + "x" * 300)  # tenants.id is 64 characters at most
    job_id = new_job_id(key, limit=100000)
    assert len(job_id) <= 128 and batch_limit(job_id) == 100000
