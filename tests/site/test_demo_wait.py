"""What the demo counts as an enriched edit: the edit's own job, not an older write-back landing late.

Found with `demo --once --crm salesforce --faults ambiguous-writes,403-limit,5xx --seed 3`: the
backfill's write-backs were retried behind the 403 storm and landed after the rep's edits, so every
edited deal showed `ai_enriched_at` after its change; the demo reported 15 of 15 enriched and
exited 0 while all 30 edit events were still pending in the inbox.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from app.demo import Demo, DemoOptions
from app.storage import get_db
from app.storage.models import InboxEvent
from tests.conftest import install_tenant


class LateWriteBack:
    """A CRM whose deal shows a write-back stamped after the edit (the backfill's, retried)."""

    receipt_sources = ("outbound_message",)

    def __init__(self, stamped: str) -> None:
        self.stamped = stamped

    def read_fields(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        return {i: {"ai_enriched_at": self.stamped} for i in ids}


def demo_waiting_on(app: Any, tid: str, status: str) -> Demo:
    changed_at = time.time() - 5
    with get_db(app).session() as s:
        s.add(InboxEvent(tenant_id=tid, crm="salesforce", object_type="deal", record_id="006A", kind="change",
                         occurred_at=datetime.now(UTC), delivery_key="k1", change_source="outbound_message",
                         received_at=datetime.fromtimestamp(changed_at + 1, UTC).replace(tzinfo=None),
                         status=status))
    demo = Demo.__new__(Demo)
    stamped = (datetime.now(UTC) - timedelta(seconds=2)).isoformat()
    opts = DemoOptions(crm="salesforce")
    opts.timeout = 2.0
    demo.__dict__.update(opt=opts, app=app, tenant_id=tid, changed={"006A": changed_at},
                         driver=LateWriteBack(stamped), say=lambda _m: None)
    return demo


def test_an_edit_whose_event_is_still_pending_is_not_counted_enriched_by_a_late_older_write_back(app):
    tid = install_tenant(app, "00D5g000004ABCDEAW", tenant_id="salesforce-00D5g000004ABCDEAW")
    demo = demo_waiting_on(app, tid, status="pending")
    assert demo.wait() == {}


def test_an_edit_whose_event_was_processed_is_counted_with_its_latency(app):
    tid = install_tenant(app, "00D5g000004ABCDEAW", tenant_id="salesforce-00D5g000004ABCDEAW")
    demo = demo_waiting_on(app, tid, status="processed")
    assert list(demo.wait()) == ["006A"]
