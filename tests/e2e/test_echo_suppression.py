"""With the sandbox also delivering unsubscribed properties, our own writes come back as echoes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.e2e.conftest import run_demo

pytestmark = pytest.mark.embedded  # the demo runs on the embedded defaults


@pytest.fixture(scope="module")
def echo_run(tmp_path_factory):
    demo, summary = run_demo(tmp_path_factory.mktemp("echo"), changes=6,
                             before_changes=lambda d: d.sandbox.handle.faults(deliver_unsubscribed=True))
    d = demo
    d.sandbox.handle.flush_webhooks(timeout=20)
    yield d, summary
    d.stop()


def test_the_apps_own_field_writes_are_dropped_as_echoes(echo_run):
    from prometheus_client import REGISTRY

    from app.storage import get_db
    from app.storage.models import InboxEvent

    demo, summary = echo_run
    assert summary["records_enriched"] == summary["records_changed"]
    echoes = REGISTRY.get_sample_value("agentic_sales_webhook_events_total",
                                       {"crm": "hubspot", "outcome": "echo"}) or 0
    assert echoes >= summary["records_changed"]  # at least one ai_* field came back per deal
    with get_db(demo.app).session() as s:
        rows = s.execute(select(InboxEvent.properties)).scalars().all()
    assert not any(k.startswith("ai_") for props in rows for k in props)
