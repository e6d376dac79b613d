"""Install health's processing time counts each record to when it was written, not to the end of its batch.

A batch of a rep's changes is written back in chunks as records finish (WRITEBACK_CHUNK_RECORDS), so the first
chunk's deals are in the CRM while the next chunk's agents still run. `inbox_events.processed_at` was stamped once,
at the end of the batch, for every record: the health page's "processing" p50 was the batch's length for all."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import InboxEvent
from tests.conftest import WebhookSender, deal_event, install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

pytestmark = pytest.mark.timeout(120)

WRITE_SECONDS = 0.6


class SlowWrites(FakeCrm):
    """Every write-back takes WRITE_SECONDS (a CRM answering a batch update slowly)."""

    def apply(self, writes):
        time.sleep(WRITE_SECONDS)
        return super().apply(writes)


def test_each_chunk_of_a_batch_is_stamped_processed_when_it_was_written_not_when_the_batch_ended(app_factory):
    deals = [str(9300 + i) for i in range(4)]
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10,
                      WRITEBACK_CHUNK_RECORDS=2, START_WORKER=False)
    tid = install_tenant(app, "62515")
    crm = SlowWrites([sample_record(tid, d) for d in deals])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    events = [deal_event(62515, int(d), event_id=1 + i) for i, d in enumerate(deals)]
    assert WebhookSender(app.test_client()).post_events(events).status_code == 200
    backend = get_dispatcher(app).backend
    backend._heap = [(0.0, *e[1:]) for e in backend._heap]  # due now (skip the coalescing window)

    assert backend.run_due() >= 1

    with get_db(app).session() as s:
        stamped = dict(s.execute(select(InboxEvent.record_id, InboxEvent.processed_at)
                                 .where(InboxEvent.tenant_id == tid, InboxEvent.status == "processed")).all())
    assert set(stamped) == set(deals), stamped
    times = sorted(stamped.values())
    # Two chunks, written one WRITE_SECONDS after the other: two stamps, that far apart.
    assert times[0] == times[1] and times[2] == times[3], times
    assert (times[2] - times[0]).total_seconds() >= WRITE_SECONDS * 0.9, times
