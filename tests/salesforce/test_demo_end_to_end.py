"""`agentic-sales demo --crm salesforce` end to end (slow: trains models; `make test-slow` or -m slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo import Demo, DemoOptions


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.embedded
def test_the_salesforce_demo_enriches_and_writes_back_every_changed_opportunity(tmp_path: Path) -> None:
    demo = Demo(DemoOptions(changes=10, seed=7, crm="salesforce", data_dir=tmp_path, timeout=300,
                            faults=("ambiguous-writes", "5xx")))
    try:
        demo.start()
        demo.install()
        demo.train()
        demo.backfill()
        demo.drain()
        demo.arm()
        demo.change(10)
        summary = demo.summary(demo.wait(), demo.counters())
    finally:
        demo.stop()
    assert summary["crm"] == "salesforce"
    assert summary["records_enriched"] == summary["records_changed"] == 5
    assert summary["errors"] == 0 and summary["duplicate_tasks"] == 0 and summary["duplicate_notes"] == 0
    assert summary["tasks_written"] == 5 and summary["fields_written"] >= 5 * 6
    assert 0 < summary["crm_requests"] <= summary["records_changed"] * 4
    # Issue 10: all four scores on every enriched card (churn learned from Account.Churned__c).
    assert summary["scores_present"] == ["churn", "clv", "conversion", "price"]
