"""The demo waits longer for its sandbox than a deployment waits for a CRM, unless the operator says otherwise.

Two Salesforce demos at load 12 failed "read history: Salesforce timed out" at the 60-s default (wave 25): the
sandbox answers from the demo's own process, beside the training and the agents, on the same two cores.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.demo import DEMO_CRM_READ_TIMEOUT_SECONDS, Demo, DemoOptions
from integrations.salesforce.connector import http_session

pytestmark = [pytest.mark.embedded, pytest.mark.timeout(120)]


def started(tmp_path: Path, said: list[str] | None = None) -> Iterator[Demo]:
    demo = Demo(
        DemoOptions(changes=0, seed=7, crm="salesforce", open_deals=2, closed_deals=60, data_dir=tmp_path),
        progress=said.append if said is not None else None,
    )
    demo.start()
    try:
        yield demo
    finally:
        demo.stop()


def test_the_salesforce_demo_reads_its_sandbox_with_a_timeout_a_busy_two_core_machine_meets(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS", raising=False)
    for demo in started(tmp_path):
        assert http_session(demo.app.config).timeout[1] == DEMO_CRM_READ_TIMEOUT_SECONDS == 180.0


def test_an_operators_read_timeout_is_the_demos_too(tmp_path, monkeypatch):
    monkeypatch.setenv("AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS", "45")
    said: list[str] = []
    for demo in started(tmp_path, said):
        assert http_session(demo.app.config).timeout[1] == 45.0
    # A Salesforce admin reads "org", as the install line that follows says (wave 26: "a simulated Salesforce account").
    assert said == ["Started the app and a simulated Salesforce org (market seed 7)."]
