"""A re-sync says what brought in each record it found changed: the record's webhook, a backfill or
re-sync job that read it after the change, or a job still waiting; only the rest is "missed"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.storage import get_db
from app.storage.models import InboxEvent
from app.sync import unexplained
from tests.conftest import install_tenant


def _row(tid: str, rid: str, *, source: str | None, status: str, at: datetime, processed: datetime | None):
    return InboxEvent(tenant_id=tid, crm="hubspot", object_type="deal", record_id=rid, kind="propertyChange",
                      occurred_at=at, delivery_key=f"k-{rid}-{source}", change_source=source, status=status,
                      processed_at=processed)


def test_each_changed_record_is_counted_once_under_what_brought_it_in(app):
    tid = install_tenant(app, "62515")
    changed = datetime.now(UTC) - timedelta(minutes=30)
    with get_db(app).session() as s:
        s.add(_row(tid, "hooked", source=None, status="done", at=changed, processed=changed + timedelta(seconds=5)))
        s.add(_row(tid, "read", source="BACKFILL", status="done", at=changed - timedelta(days=3),
                   processed=changed + timedelta(minutes=1)))
        s.add(_row(tid, "waiting", source="RECONCILE", status="pending", at=changed, processed=None))
        # Read by a backfill before its latest change: that change is still unexplained.
        s.add(_row(tid, "stale", source="BACKFILL", status="done", at=changed - timedelta(days=3),
                   processed=changed - timedelta(minutes=5)))
    at = changed.isoformat().replace("+00:00", "Z")
    modified = [(rid, at) for rid in ("hooked", "read", "waiting", "stale", "unknown")]
    explained: dict[str, int] = {}
    missing = unexplained(app, tid, modified, "deal", explained=explained)
    assert [rid for rid, _ in missing] == ["stale", "unknown"]
    assert explained == {"webhook": 1, "read": 1, "pending": 1}
    assert sum(explained.values()) + len(missing) == len(modified)
