"""Reconciliation that repairs: with the sandbox's webhooks switched off, rep edits to deals and
to a contact are found by ONE reconciliation pass and every affected deal is enriched through the
real pipeline; our own write-backs found by the same pass are recognised as echoes by content."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from app.demo import SMALL_MARKET_CLOSED_DEALS, Demo, DemoOptions
from app.storage import get_db
from app.storage.models import Enrichment, RecordLink
from app.sync import reconcile

pytestmark = pytest.mark.embedded


def enriched_after(app, tenant_id: str, since) -> set[str]:
    with get_db(app).session() as s:
        rows = s.execute(select(Enrichment.record_id, Enrichment.created_at)
                         .where(Enrichment.tenant_id == tenant_id)).all()
    return {rid for rid, at in rows if at >= since}


def test_changes_whose_webhooks_were_lost_are_enriched_after_one_reconciliation(tmp_path):
    demo = Demo(DemoOptions(changes=0, seed=7, data_dir=tmp_path, timeout=240, closed_deals=SMALL_MARKET_CLOSED_DEALS))
    demo.start()
    try:
        demo.install()
        demo.backfill()
        demo.drain()
        app, tid = demo.app, demo.tenant_id
        # Everything so far (the backfill's own write-backs included) is the past.
        reconcile(tid, app)
        demo.drain()
        with get_db(app).session() as s:
            link = s.execute(select(RecordLink).where(RecordLink.tenant_id == tid,
                                                      RecordLink.object_type == "contact")).scalars().first()
            linked_deals = {r.deal_id for r in s.execute(select(RecordLink).where(
                RecordLink.tenant_id == tid, RecordLink.object_type == "contact",
                RecordLink.object_id == link.object_id)).scalars()}
        demo.sandbox.control("POST", "faults", webhooks_enabled=False)
        from datetime import UTC, datetime

        since = datetime.now(UTC)
        time.sleep(1.1)
        deals = demo.change(6)
        demo.sandbox.ui_change("contacts", link.object_id, {"jobtitle": "VP Operations (changed)"})
        time.sleep(1.1)
        assert enriched_after(app, tid, since) == set()  # nothing arrived: the webhooks are lost

        result = reconcile(tid, app)
        demo.drain()
        assert set(deals) <= set(result["record_ids"])
        assert result["by_type"]["contact"]["missing"] >= 1
        assert enriched_after(app, tid, since) >= set(deals) | linked_deals

        # The next pass sees our own write-backs to those deals (they modified them) and enqueues
        # nothing: each is explained by the job that read it or recognised as an echo by content.
        demo.sandbox.control("POST", "faults", webhooks_enabled=True)
        again = reconcile(tid, app, since=since)
        assert again["by_type"]["deal"]["modified"] >= len(deals)
        assert again["enqueued"] == 0
    finally:
        demo.stop()
