"""The issue's own case: three rep edits in one batch, one with a NUL in its description.

Before: 500 to the whole batch on PostgreSQL, ten retries, nothing stored. Now: 2xx on the first
attempt, the two good edits enriched and written back, the bad one quarantined with its reason.
Runs on PostgreSQL in CI's server pass (and on SQLite in the embedded one).
"""

from __future__ import annotations

from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Enrichment, QuarantinedEvent
from tests.conftest import WebhookSender, deal_event, install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import sample_record


def test_three_edits_one_with_a_nul_two_enriched_one_quarantined_first_attempt(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid, d) for d in ("101", "102", "103")])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    events = [
        deal_event(62515, 101, event_id=1, prop="amount", value="12000"),
        deal_event(62515, 102, event_id=2, prop="description", value="Legal approved\x00 the MSA"),
        deal_event(62515, 103, event_id=3, prop="closedate", value="1767225600000"),
    ]
    r = WebhookSender(app.test_client()).post_events(events)
    assert r.status_code == 200, r.json
    assert (r.json["accepted"], r.json["quarantined"]) == (2, 1)

    dispatcher = get_dispatcher(app)
    while dispatcher.backend.run_due():
        pass
    with get_db(app).session() as s:
        enriched = sorted({e.record_id for e in s.execute(select(Enrichment)).scalars()})
        [quarantined] = s.execute(select(QuarantinedEvent)).scalars().all()
    assert enriched == ["101", "103"]
    assert set(crm.fields) == {"101", "103"}
    assert "NUL" in quarantined.reason and '"objectId": 102' in quarantined.raw
