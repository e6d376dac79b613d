"""What a data-protection officer checks after an erasure: every row of every table, as text."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Base, Enrichment, RecordLink
from tests.conftest import WebhookSender, install_tenant, load_fixture
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import run_change, sample_record

PORTAL = "62515"
DANA = ("dana.whitfield@northwind-logistics.com", "Dana Whitfield")
"""The primary contact (id 501) of tests/fixtures/records/hubspot_deal.json: the drafts go to her."""


def rows_mentioning(app: Any, needles: tuple[str, ...]) -> list[tuple[str, str]]:
    """(table, column) of every stored value that still names one of `needles` (case-insensitive)."""
    found = []
    lowered = [n.lower() for n in needles]
    with get_db(app).session() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)).mappings():
                for column, value in row.items():
                    text = json.dumps(value, default=str, ensure_ascii=False).lower()
                    if any(n in text for n in lowered):
                        found.append((table.name, column))
    return sorted(set(found))


def enriched_app(app_factory: Any) -> tuple[Any, str]:
    """One HubSpot portal whose deal 8807 (contacts Dana 501, Marcus 502, Priya 503) was enriched
    and written back through a signed webhook, on the in-memory CRM."""
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_tenant(app, PORTAL)
    crm = FakeCrm([sample_record(tid)])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    run_change(app, 1)
    return app, tid


def contact_event(fixture: str, contact_id: int, event_id: int) -> dict[str, Any]:
    """A captured HubSpot contact event (tests/fixtures/hubspot) about `contact_id`."""
    return {**load_fixture(fixture)[0], "objectId": contact_id, "portalId": int(PORTAL), "eventId": event_id}


def deliver(app: Any, events: list[dict[str, Any]]) -> int:
    """Post the events as HubSpot does and run the jobs they make due; returns jobs run."""
    resp = WebhookSender(app.test_client()).post_events(events)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return int(get_dispatcher(app).backend.run_due())


def linked_contacts(app: Any) -> list[str]:
    with get_db(app).session() as s:
        return sorted(s.execute(select(RecordLink.object_id).where(RecordLink.object_type == "contact")).scalars())


def enrichments(app: Any) -> list[Enrichment]:
    with get_db(app).session() as s:
        rows = list(s.execute(select(Enrichment)).scalars())
        s.expunge_all()
        return rows


def crm_of(app: Any) -> FakeCrm:
    """The in-memory CRM `enriched_app` wired into the app."""
    crm = app.extensions["crm_factory"]("", "hubspot")
    assert isinstance(crm, FakeCrm)
    return crm


def crm_deletes_contact(app: Any, contact_id: str) -> None:
    """What the CRM does before it sends the deletion event: the contact leaves every deal."""
    from dataclasses import replace

    crm = crm_of(app)
    for rid, record in list(crm.records.items()):
        crm.records[rid] = replace(record, contacts=[c for c in record.contacts if c.id != contact_id])
