"""A batch writes its records back in chunks as their agents finish (a record waits for its
chunk, not for the whole batch), and a call failing for a later chunk leaves the chunks already
written as they are."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import AuditLog, InboxEvent, RecordJob
from integrations.base import WriteSet
from integrations.errors import CrmRateLimited
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_batch_and_outcome import run_all, send
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

DEALS = [str(9100 + i) for i in range(23)]


class RecordingCrm(FakeCrm):
    """The in-memory CRM, noting which deals each apply wrote; chosen apply calls are refused
    with a rate limit for the whole call."""

    def __init__(self, records):
        super().__init__(records)
        self.chunks: list[list[str]] = []
        self.refuse_apply: list[int] = []
        """Apply calls (1-based) answered with a rate limit for the whole call."""

    def apply(self, writes: WriteSet):
        if self.applies + 1 in self.refuse_apply:
            self.applies += 1
            raise CrmRateLimited("rate limited", status=429, crm="hubspot", retry_after=0.0)
        self.chunks.append(sorted({f.record_id for f in writes.fields} | {t.record.id for t in writes.tasks}))
        return super().apply(writes)


@pytest.fixture
def chunk_app(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=100,
                      WRITEBACK_CHUNK_RECORDS=10, WRITEBACK_CHUNK_SECONDS=3600.0, RETRY_SCALE=0.0)
    tid = install_tenant(app, "62515")
    crm = RecordingCrm([sample_record(tid, d) for d in DEALS])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def test_a_batch_of_23_deals_is_read_once_and_written_back_in_chunks_of_10_10_and_3(chunk_app):
    app, _tid, crm = chunk_app
    send(app, DEALS)
    run_all(app)
    assert [len(r) for r in crm.reads] == [23]  # one batch, one read
    assert [len(c) for c in crm.chunks] == [10, 10, 3]
    assert sorted(d for c in crm.chunks for d in c) == sorted(DEALS)  # each deal written exactly once
    assert len(crm.tasks) == 23 and len(crm.notes) == 23
    with get_db(app).session() as s:
        pending = s.execute(select(InboxEvent).where(InboxEvent.status != "processed")).scalars().all()
        batches = s.execute(select(AuditLog).where(AuditLog.event == "batch.started")).scalars().all()
    assert pending == [] and len(batches) == 1


def test_with_no_time_allowance_every_finished_deal_is_written_back_at_once(chunk_app):
    app, _tid, crm = chunk_app
    app.config["WRITEBACK_CHUNK_SECONDS"] = 0.0
    send(app, DEALS[:4])
    run_all(app)
    assert crm.chunks == [[d] for d in DEALS[:4]]


def test_a_rate_limit_on_the_second_chunk_keeps_the_first_and_requeues_only_the_rest(chunk_app):
    app, _tid, crm = chunk_app
    crm.refuse_apply = [2]
    send(app, DEALS)
    run_all(app)
    first = crm.chunks[0]
    assert len(first) == 10
    # The other 13 were handed back with the CRM's delay (not counted as failures) and written by a
    # later job; the first ten were not written twice.
    rest = [d for c in crm.chunks[1:] for d in c]
    assert sorted(rest) == sorted(set(DEALS) - set(first))
    assert len(crm.tasks) == 23
    with get_db(app).session() as s:
        states = s.execute(select(InboxEvent.record_id, InboxEvent.status)).all()
        jobs = s.execute(select(RecordJob.state, RecordJob.failures)).all()
        retrying = s.execute(select(AuditLog.record_id).where(AuditLog.event == "job.retrying")).scalars().all()
    assert {st for _r, st in states} == {"processed"}
    assert {(st, f) for st, f in jobs} == {("idle", 0)}
    assert sorted(retrying) == sorted(set(DEALS) - set(first))


def test_a_backfill_batch_that_nobody_waits_for_is_written_back_in_one_call(chunk_app):
    from app.sync import enqueue_records

    app, tid, crm = chunk_app
    with app.app_context():
        enqueue_records(app, tid, [(d, f"bf-{d}") for d in DEALS], source="BACKFILL")
    run_all(app)
    assert [len(c) for c in crm.chunks] == [23]
    assert len(crm.tasks) == 23


def test_a_batch_mixing_a_reps_edit_with_backfill_rows_is_written_back_in_chunks(chunk_app):
    from app.sync import enqueue_records

    app, tid, crm = chunk_app
    with app.app_context():
        enqueue_records(app, tid, [(d, f"bf-{d}") for d in DEALS[1:]], source="BACKFILL")
    send(app, DEALS[:1])
    run_all(app)
    assert [len(c) for c in crm.chunks] == [10, 10, 3]
