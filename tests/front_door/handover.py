"""What the lease hand-over tests share (a stopped `serve` and a stopped gunicorn worker): post deal 77's
changes to a running server, wait for a condition, and read how long deal 77's job lease has left."""

from __future__ import annotations

import json
import time
import urllib.request
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from app.storage import get_db
from app.storage.models import RecordJob
from tests.conftest import WebhookSender, deal_event

RECORD_ID = "77"


def post_change(port: int) -> None:
    """Three signed HubSpot change events for deal 77 (portal 62515), answered 200."""
    body = json.dumps([deal_event(62515, int(RECORD_ID), event_id=i) for i in range(3)]).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/hubspot", data=body,
                                 headers=WebhookSender(None).headers(body))
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.status == 200


def wait_for(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def lease_left(app: Any) -> float:
    """Seconds left on deal 77's job lease (negative once handed over or run out)."""
    with get_db(app).session() as s:
        until = s.execute(select(RecordJob.lease_until).where(RecordJob.record_id == RECORD_ID)).scalar_one()
    assert until is not None, "deal 77's job has no lease"
    until = until if until.tzinfo else until.replace(tzinfo=UTC)
    return (until - datetime.now(UTC)).total_seconds()
