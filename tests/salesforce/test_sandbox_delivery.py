"""The sandbox's Outbound Messages and callouts, against a listener we control."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS
from tests.conftest import FIXTURES
from tests.salesforce.conftest import ORGS
from webhooks.salesforce import outbound, signature

ACK = (FIXTURES / "salesforce" / "ack.xml").read_bytes()


class Listener:
    """Records deliveries; answers from a script of (status, body) then the exact ack."""

    def __init__(self) -> None:
        self.received: list[tuple[str, dict[str, str], bytes]] = []
        self.script: list[tuple[int, bytes]] = []
        self.lock = threading.Lock()

    def __call__(self, environ: Any, start_response: Any) -> Any:
        req = Request(environ)
        with self.lock:
            self.received.append((req.path, dict(req.headers), req.get_data()))
            status, body = self.script.pop(0) if self.script else (200, ACK)
        return Response(body, status=status, content_type="text/xml")(environ, start_response)


@pytest.fixture
def listener() -> Iterator[tuple[Listener, str]]:
    app = Listener()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True)
    t.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def wait_for(pred: Any, timeout: float = 10.0) -> None:
    end = time.time() + timeout
    while time.time() < end and not pred():
        time.sleep(0.02)
    assert pred()


def test_a_message_is_retried_until_the_exact_ack(sfsb: SalesforceSandboxHandle, listener: Any,
                                                 clean_faults: None) -> None:
    app, url = listener
    app.script = [(500, b"oops"), (200, b"<ok/>"),
                  (200, ACK.replace(b"<Ack>true</Ack>", b"<Ack>false</Ack>"))]
    sfsb.endpoints(ORGS[0], outbound_url=f"{url}/om")
    try:
        opp = next(o for o in sfsb.store("Opportunity", org_id=ORGS[0]) if not o["IsClosed"])
        sfsb.ui_change("Opportunity", opp["Id"], {"Amount": float(opp["Amount"] or 0) + 1}, org_id=ORGS[0])
        assert sfsb.flush(20)
        bodies = [b for p, _, b in app.received if p == "/om"]
        assert len(bodies) == 4 and len(set(bodies)) == 1  # same message each time, ack on the 4th
        msg = outbound.parse(bodies[0], max_notifications=100)
        assert msg.organization_id == ORGS[0] and msg.notifications[0].record_id == opp["Id"]
        assert b'<SessionId xsi:nil="true"/>' in bodies[0]
    finally:
        sfsb.endpoints(ORGS[0], outbound_url=None)


def test_many_changes_go_out_as_messages_of_at_most_one_hundred(sfsb: SalesforceSandboxHandle, listener: Any,
                                                               clean_faults: None) -> None:
    app, url = listener
    sfsb.endpoints(ORGS[1], outbound_url=f"{url}/om")
    try:
        ids = [o["Id"] for o in sfsb.store("Opportunity", org_id=ORGS[1])][:90]
        for rid in ids:
            sfsb.ui_change("Opportunity", rid, {"Description": f"edited {time.time()}"}, org_id=ORGS[1])
        for rid in ids[:30]:
            sfsb.ui_change("Opportunity", rid, {"Description": f"again {time.time()}"}, org_id=ORGS[1])
        assert sfsb.flush(20)
        counts = [len(outbound.parse(b, max_notifications=100).notifications) for p, _, b in app.received]
        assert sum(counts) == 120 and max(counts) <= 100
    finally:
        sfsb.endpoints(ORGS[1], outbound_url=None)


def test_a_write_of_only_output_fields_sends_no_outbound_message(sfsb: SalesforceSandboxHandle, listener: Any,
                                                                 make_client: Any) -> None:
    from integrations.base import FieldUpdate, WriteSet

    app, url = listener
    sfsb.endpoints(ORGS[0], outbound_url=f"{url}/om")
    try:
        c = make_client()
        rid = next(iter(c.iter_open_ids()))
        c.apply(WriteSet(fields=(FieldUpdate("deal", rid, {"ai_strategy": "risk_reversal"}),)))
        assert sfsb.flush(10)
        assert [p for p, _, _ in app.received] == []
    finally:
        sfsb.endpoints(ORGS[0], outbound_url=None)


def test_callouts_are_signed_and_mark_the_apps_own_writes(sfsb: SalesforceSandboxHandle, listener: Any,
                                                         make_client: Any) -> None:
    from integrations.base import FieldUpdate, WriteSet

    app, url = listener
    secret = "s3cr3t-for-this-org"
    sfsb.endpoints(ORGS[0], callout_url=f"{url}/callout", callout_secret=secret)
    try:
        c = make_client()
        rid = next(iter(c.iter_open_ids()))
        c.apply(WriteSet(fields=(FieldUpdate("deal", rid, {"ai_strategy": "social_proof"}),)))
        # A stage the deal is not in already (an edit to the same value changes nothing, so no callout).
        now = sfsb.store("Opportunity", rid, org_id=ORGS[0])["StageName"]
        stage = "Negotiation/Review" if now != "Negotiation/Review" else "Proposal/Price Quote"
        sfsb.ui_change("Opportunity", rid, {"StageName": stage}, org_id=ORGS[0])
        assert sfsb.flush(10)
        got = [(h, b) for p, h, b in app.received if p == "/callout"]
        events = [e for _, b in got for e in json.loads(b)["events"]]
        origins = [e["changeOrigin"] for e in events if e["recordId"] == rid]
        assert any("client=agentic-sales" in o for o in origins) and "" in origins
        for h, b in got:
            signature.verify(headers=h, body=b, secret=secret)
    finally:
        sfsb.endpoints(ORGS[0], callout_url=None, callout_secret=None)


def test_callouts_come_for_exactly_the_objects_the_package_has_change_event_triggers_for(
        sfsb: SalesforceSandboxHandle, listener: Any) -> None:
    """The sandbox posts what the deployed package's Apex would: Contact, Account and Lead edits (the
    drafts read a contact's salutation and an account's country; Leads are enriched themselves)."""
    from integrations.sandbox.salesforce_api.config import packaged_change_event_objects

    assert packaged_change_event_objects() == ("Account", "Contact", "Lead", "Opportunity")
    app, url = listener
    sfsb.endpoints(ORGS[0], callout_url=f"{url}/callout", callout_secret="s3cr3t-for-this-org")
    try:
        contact = sfsb.store("Contact", org_id=ORGS[0])[0]["Id"]
        lead = sfsb.store("Lead", org_id=ORGS[0])[0]["Id"]
        sfsb.ui_change("Contact", contact, {"Salutation": "Dr."}, org_id=ORGS[0])
        sfsb.ui_change("Lead", lead, {"Status": "Working - Contacted"}, org_id=ORGS[0])
        assert sfsb.flush(10)
        events = [e for p, _, b in app.received if p == "/callout" for e in json.loads(b)["events"]]
        assert [(e["sobjectType"], e["changedFields"]) for e in events if e["recordId"] == contact] == [
            ("Contact", ["Salutation"])]
        assert [(e["sobjectType"], e["changeType"], e["changedFields"]) for e in events
                if e["recordId"] == lead] == [("Lead", "UPDATE", ["Status"])]
    finally:
        sfsb.endpoints(ORGS[0], callout_url=None, callout_secret=None)
