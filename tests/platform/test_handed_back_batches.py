"""A batch the rate budget hands back keeps its place among the backfill's jobs.

The embedded worker serves a backfill's jobs (`bulk`) with two threads, a person's changes with
one. A backfill batch refused by the installation's budget was re-queued as ordinary jobs, so
after the first refusal the backfill ran one batch at a time on the general thread (measured:
each batch started only as the previous one was stored; the rate budget idle between them).
"""

from __future__ import annotations

import time

import pytest

from app.dispatch import get_dispatcher
from app.sync import enqueue_records
from integrations.errors import CrmRateLimited
from tests.conftest import WebhookSender, deal_event, install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

pytestmark = pytest.mark.timeout(120)


class RefusingOnce(FakeCrm):
    """Refuses the first batch read as the installation's spent budget would."""

    def __init__(self, records: list) -> None:
        super().__init__(records)
        self.refused = 0

    def get_records(self, object_type, ids):
        if not self.refused:
            self.refused += 1
            raise CrmRateLimited("rate budget spent", status=429, retry_after=30.0, should_retry=True,
                                 code="LOCAL_BUDGET")
        return super().get_records(object_type, ids)


def _queued(backend) -> tuple[set[str], set[str]]:
    """Record ids waiting in the (general, bulk) heaps of the embedded backend."""
    return ({e[2].record_id for e in backend._heap}, {e[2].record_id for e in backend._bulk})


def _app(app_factory, deals):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10,
                      START_WORKER=False)
    tid = install_tenant(app, "62515")
    crm = RefusingOnce([sample_record(tid, d) for d in deals])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def test_a_backfill_batch_handed_back_by_the_rate_budget_is_queued_again_as_backfill_work(app_factory):
    deals = [str(9100 + i) for i in range(6)]
    app, tid, crm = _app(app_factory, deals)
    backend = get_dispatcher(app).backend
    with app.app_context():
        enqueue_records(app, tid, [(d, f"bf-{d}") for d in deals], source="BACKFILL")
    assert _queued(backend) == (set(), set(deals))
    backend._bulk = [(0.0, *e[1:]) for e in backend._bulk]  # due now (skip the coalescing window)
    assert backend.run_due(bulk_only=True) >= 1
    assert crm.refused == 1
    general, bulk = _queued(backend)
    assert bulk == set(deals) and not general, (general, bulk)
    assert all(e[0] > time.monotonic() + 20 for e in backend._bulk)  # after the budget's 30 s, not at once


def test_a_persons_change_handed_back_stays_with_the_general_worker(app_factory):
    deals = [str(9200 + i) for i in range(3)]
    app, tid, crm = _app(app_factory, deals)
    backend = get_dispatcher(app).backend
    events = [deal_event(62515, int(d), event_id=1 + i) for i, d in enumerate(deals)]
    assert WebhookSender(app.test_client()).post_events(events).status_code == 200
    assert _queued(backend) == (set(deals), set())
    backend._heap = [(0.0, *e[1:]) for e in backend._heap]
    assert backend.run_due() >= 1
    assert crm.refused == 1
    assert _queued(backend) == (set(deals), set())


def test_the_backfill_listing_waits_for_the_budget_its_own_batches_spent_but_the_batches_do_not(
        app_factory, monkeypatch):
    # Once the batches fill a window, the listing's next page used to meet a spent budget and
    # the whole backfill failed half-listed. Its pages now wait (a bulk read with no batch to
    # re-queue); a batch run between two pages, in the same thread, still hands itself back.
    import app.sync as sync
    from app import defaults
    from integrations.limits import RateLimiter

    lim = RateLimiter("memory://", max_sleep=0.5)
    seen: dict[str, list[float]] = {"page": [], "between": []}

    class Listing(FakeCrm):
        def iter_open_ids(self, object_type):
            for n in range(3):
                seen["page"].append(lim.sleep_budget())
                yield f"{9300 + n}"

    app = app_factory(START_WORKER=False, BACKFILL_ON_INSTALL=False)
    tid = install_tenant(app, "62515")
    crm = Listing([])
    monkeypatch.setattr(sync, "client_for", lambda tenant_id, a: crm)
    monkeypatch.setattr(sync, "ENQUEUE_CHUNK", 1)
    with app.app_context():
        sync.backfill(tid, app, progress=lambda n: seen["between"].append(lim.sleep_budget()))
    assert seen["page"] == [defaults.BULK_READ_PATIENCE_SECONDS] * 3
    assert seen["between"] == [0.5] * 3


class Budgeted(FakeCrm):
    """Reads draw their whole cost from a real limiter first, as the HubSpot client's do."""

    def __init__(self, records: list, limiter, key: str) -> None:
        super().__init__(records)
        self.limiter, self.key, self.read_at = limiter, key, []

    def get_records(self, object_type, ids):
        self.limiter.acquire(self.key, cost=len(ids))
        self.read_at.append(time.time())
        return super().get_records(object_type, ids)


def test_a_bulk_thread_waits_in_place_for_the_budget_and_reads_the_moment_the_window_has_room(app_factory):
    # Handed back instead, the batch's 100 records were re-queued, claimed again by the next
    # thread, often refused again: ~0.6 s of database work per refusal under load, the budget
    # idle meanwhile. A bulk thread holds nobody's change, so its batch waits for its turn.
    import threading

    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import AuditLog as Audit
    from integrations.limits import Lane, RateLimiter

    deals = [str(9400 + i) for i in range(5)]
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10,
                      START_WORKER=False, BULK_WORKERS=1, AGENT_PROCESSES=0, BULK_BUDGET_WAIT_SECONDS=10.0)
    tid = install_tenant(app, "62515")
    lim = RateLimiter("memory://", lanes={"default": Lane(10, 2)}, max_sleep=0.0)
    crm = Budgeted([sample_record(tid, d) for d in deals], lim, f"test:{tid}")
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    backend = get_dispatcher(app).backend
    with app.app_context():
        enqueue_records(app, tid, [(d, f"bf-{d}") for d in deals], source="BACKFILL")
    backend._bulk = [(0.0, *e[1:]) for e in backend._bulk]
    from app.dispatch.inprocess import bulk_workers

    assert bulk_workers(app) == 1  # imports the pipeline before the clock starts
    lim.acquire(crm.key, cost=10)  # the window is spent for the next 2 s
    room_at = time.time() + 2.0
    worker = threading.Thread(target=backend._bulk_loop, args=(0,), daemon=True)
    worker.start()
    deadline = time.time() + 30
    while not crm.fields and time.time() < deadline:
        time.sleep(0.05)
    backend._stopping = True
    worker.join(5)
    assert len(crm.read_at) == 1 and set(crm.fields) == set(deals)
    assert room_at - 0.01 <= crm.read_at[0] <= room_at + 0.3, crm.read_at[0] - room_at
    with get_db(app).session() as s:
        events = list(s.execute(select(Audit.event).where(Audit.tenant_id == tid)).scalars())
    assert events.count("batch.started") == 1 and "job.retrying" not in events, events


class AlwaysRefusing(FakeCrm):
    """Every batch read meets a spent budget (20 s)."""

    def __init__(self, records: list) -> None:
        super().__init__(records)
        self.refused = 0

    def get_records(self, object_type, ids):
        self.refused += 1
        raise CrmRateLimited("rate budget spent", status=429, retry_after=20.0, should_retry=True,
                             code="LOCAL_BUDGET")


def test_one_refused_backfill_batch_holds_its_tenants_other_batches_until_the_budget_has_room(app_factory):
    # Without the hold, the thread went on to claim the backfill's next batch, was refused
    # again, re-queued it, and so on through every batch of the backfill: one refusal (and 100
    # records claimed and re-queued) per batch for the same shortage.
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import AuditLog as Audit

    deals = [str(9500 + i) for i in range(30)]
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10,
                      START_WORKER=False)
    tid = install_tenant(app, "62515")
    crm = AlwaysRefusing([sample_record(tid, d) for d in deals])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    backend = get_dispatcher(app).backend
    with app.app_context():
        enqueue_records(app, tid, [(d, f"bf-{d}") for d in deals], source="BACKFILL")
    backend._bulk = [(0.0, *e[1:]) for e in backend._bulk]
    backend.run_due(bulk_only=True)
    assert crm.refused == 1
    with get_db(app).session() as s:
        started = s.execute(select(Audit.event).where(Audit.tenant_id == tid, Audit.event == "batch.started")).all()
    assert len(started) == 1
    _general, bulk = _queued(backend)
    assert bulk == set(deals)  # every record still queued, none lost
    assert min(e[0] for e in backend._bulk) > time.monotonic() + 15  # all wait for the budget
