"""Changes of a deal's contact or company: re-score the deals linked to it; a person's deletion erases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.storage import get_db
from app.storage.models import RecordLink


def fan_out(app: Any, item: Any, kinds: list[str]) -> dict[str, Any]:
    """A contact or company change re-schedules the deals it is linked to; a contact's privacy
    deletion, or its deletion not undone in the same batch, first erases the person everywhere
    (app/pipeline/privacy.py). A later restore re-schedules its deals, rebuilt from the CRM."""
    from app.dispatch import get_dispatcher
    from app.dispatch.leases import RecordKey
    from app.pipeline.privacy import erase_person, erases

    key = item.key
    with get_db(app).session() as s:
        deals = [r[0] for r in s.execute(select(RecordLink.deal_id).where(
            RecordLink.tenant_id == key.tenant_id, RecordLink.object_type == key.object_type,
            RecordLink.object_id == key.record_id)).all()]
    out: dict[str, Any] = {"kinds": kinds}
    if erases(key.object_type, kinds):
        out["erased"] = erase_person(app, key.tenant_id, key.object_type, key.record_id)
    # After an erasure too: the deals' written-back fields and open task named the person, and are
    # rewritten from the CRM, which no longer has them.
    jobs = get_dispatcher(app).schedule([RecordKey(key.tenant_id, key.crm, "deal", d) for d in sorted(set(deals))])
    out["deals_rescheduled"] = len(jobs)
    return out
