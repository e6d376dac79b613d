"""A worker killed between two write-back chunks of a batch leaves no record to be enriched twice.

A batch writes its records back in chunks (WRITEBACK_CHUNK_RECORDS) and stores each chunk's enrichments as it goes.
Until wave 33 the records' inbox rows were marked processed (and their leases released) once, at the end of the
batch: a worker SIGKILLed after the first chunk was stored left those records pending, and the worker that took them
over after their lease enriched them a second time (clean-clone CI of wave 32: four deals with two enrichment rows
each in tests/platform/test_rq_workers_end_to_end.py). A chunk's enrichments and its records' inbox rows are now
committed together, or neither is."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import AuditLog, Enrichment, InboxEvent, RecordJob
from tests.conftest import WebhookSender, deal_event, install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

pytestmark = pytest.mark.timeout(120)


class Killed(BaseException):
    """The process dies here: no `except Exception` of the runner sees it, nothing after it runs."""


class DiesAtTheSecondWrite(FakeCrm):
    """A CRM client whose process is killed as it starts the batch's second write-back (the first chunk stored)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.writes_started = 0
        self.armed = True

    def apply(self, writes):
        self.writes_started += 1
        if self.armed and self.writes_started == 2:
            raise Killed("SIGKILL")
        return super().apply(writes)


def _statuses(app, tid: str) -> dict[str, str]:
    with get_db(app).session() as s:
        return dict(s.execute(select(InboxEvent.record_id, InboxEvent.status).where(InboxEvent.tenant_id == tid)).all())


def test_a_worker_killed_after_its_first_chunk_leaves_that_chunk_done_and_no_deal_is_enriched_twice(app_factory):
    deals = [str(9400 + i) for i in range(4)]
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10,
                      WRITEBACK_CHUNK_RECORDS=2, START_WORKER=False)
    tid = install_tenant(app, "62516")
    crm = DiesAtTheSecondWrite([sample_record(tid, d) for d in deals])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    events = [deal_event(62516, int(d), event_id=1 + i) for i, d in enumerate(deals)]
    assert WebhookSender(app.test_client()).post_events(events).status_code == 200
    dispatcher = get_dispatcher(app)
    backend = dispatcher.backend
    backend._heap = [(0.0, *e[1:]) for e in backend._heap]  # due now (skip the coalescing window)

    with pytest.raises(Killed):
        backend.run_due()

    statuses = _statuses(app, tid)
    with get_db(app).session() as s:
        stored = set(s.execute(select(Enrichment.record_id).where(Enrichment.tenant_id == tid)).scalars())
    assert len(stored) == 2, stored  # the first chunk was stored before the kill
    assert {d: statuses[d] for d in stored} == {d: "processed" for d in stored}, statuses
    assert sorted(statuses.values()).count("pending") == 2, statuses  # the second chunk's records wait

    # The killed worker's leases run out; the sweeper hands its records to a live worker, which runs them.
    crm.armed = False
    with get_db(app).session() as s:
        s.execute(update(RecordJob).where(RecordJob.tenant_id == tid, RecordJob.state != "idle")
                  .values(lease_until=datetime.now(UTC) - timedelta(seconds=1)))
    dispatcher.sweep()
    backend._heap = [(0.0, *e[1:]) for e in backend._heap]
    backend.run_due()

    assert set(_statuses(app, tid).values()) == {"processed"}
    with get_db(app).session() as s:
        per_deal = Counter(s.execute(select(Enrichment.record_id).where(Enrichment.tenant_id == tid)).scalars())
        completed = Counter(s.execute(select(AuditLog.record_id).where(
            AuditLog.tenant_id == tid, AuditLog.event == "job.completed")).scalars())
        leased = s.execute(select(func.count()).select_from(RecordJob).where(
            RecordJob.tenant_id == tid, RecordJob.state != "idle")).scalar_one()
    assert per_deal == Counter(deals), per_deal  # each deal enriched exactly once
    assert completed == Counter(deals), completed  # and finished once
    assert leased == 0  # no record is left holding a lease
