"""The sandbox's Outbound Messages and signed callouts into the app's own receivers over HTTP."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.serving import make_server

from integrations.base import FieldUpdate, WriteSet
from integrations.salesforce.connector import CONNECTOR
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS
from tests.salesforce.conftest import ORGS
from tests.salesforce.helpers import inbox_rows, install_org


@pytest.fixture
def served(app: Any) -> Iterator[tuple[Any, str]]:
    install_org(app, ORGS[0])
    server = make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True)
    t.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def wait_rows(app: Any, n: int, timeout: float = 10.0) -> list[Any]:
    end = time.time() + timeout
    rows = inbox_rows(app)
    while len(rows) < n and time.time() < end:
        time.sleep(0.05)
        rows = inbox_rows(app)
    return rows


def test_outbound_messages_reach_the_inbox_once_even_when_delivered_twice(
        served: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app, url = served
    urls = CONNECTOR.webhook_urls(ORGS[0], config={**app.config, "PUBLIC_URL": url})
    sfsb.endpoints(ORGS[0], outbound_url=urls["outbound_message_url"])
    sfsb.faults(duplicate_rate=1.0)
    try:
        opps = [o for o in sfsb.store("Opportunity", org_id=ORGS[0]) if not o["IsClosed"]][:3]
        for o in opps:
            sfsb.ui_change("Opportunity", o["Id"], {"Description": "rep note " + o["Id"]}, org_id=ORGS[0])
        assert sfsb.flush(20)
        rows = wait_rows(app, 3)
        assert sorted(r.record_id for r in rows) == sorted(o["Id"] for o in opps)
        log = sfsb.control("GET", "outbound/log")["results"]
        assert sum(1 for e in log if e["ok"]) >= 2  # each message went out twice and was acked twice
    finally:
        sfsb.endpoints(ORGS[0], outbound_url=None)


def test_callouts_reach_the_inbox_and_the_apps_own_writes_come_back_as_echoes(
        served: Any, sfsb: SalesforceSandboxHandle, make_client: Any) -> None:
    app, url = served
    urls = CONNECTOR.webhook_urls(ORGS[0], config={**app.config, "PUBLIC_URL": url})
    sfsb.endpoints(ORGS[0], callout_url=urls["callout_url"], callout_secret=urls["callout_secret"])
    try:
        c = make_client(ORGS[0])
        rid = list(c.iter_open_ids())[7]
        c.apply(WriteSet(fields=(FieldUpdate("deal", rid, {"ai_strategy": "risk_reversal"}),)))
        sfsb.ui_change("Opportunity", rid, {"StageName": "Negotiation/Review"}, org_id=ORGS[0])
        assert sfsb.flush(20)
        rows = wait_rows(app, 1)
        assert [(r.record_id, r.kind) for r in rows] == [(rid, "updated")]
        log = sfsb.control("GET", "outbound/log")["results"]
        assert all(e["ok"] for e in log if e["kind"] == "callout")
    finally:
        sfsb.endpoints(ORGS[0], callout_url=None, callout_secret=None)


def test_a_contacts_salutation_edit_reaches_the_inbox_as_a_contact_change(
        served: Any, sfsb: SalesforceSandboxHandle) -> None:
    app, url = served
    urls = CONNECTOR.webhook_urls(ORGS[0], config={**app.config, "PUBLIC_URL": url})
    sfsb.endpoints(ORGS[0], callout_url=urls["callout_url"], callout_secret=urls["callout_secret"])
    try:
        contact = sfsb.store("Contact", org_id=ORGS[0])[1]["Id"]
        sfsb.ui_change("Contact", contact, {"Salutation": "Mr."}, org_id=ORGS[0])
        assert sfsb.flush(20)
        rows = wait_rows(app, 1)
        assert [(r.object_type, r.record_id, r.kind) for r in rows] == [("contact", contact, "updated")]
    finally:
        sfsb.endpoints(ORGS[0], callout_url=None, callout_secret=None)
