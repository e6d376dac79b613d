"""The sandbox's signed webhooks into the app's own receiver, over real HTTP: signatures and
batching verify, a 500 is retried with a higher attemptNumber, injected duplicates are deduped."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from app.storage import get_db
from app.storage.models import InboxEvent
from integrations.sandbox import run_in_thread
from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS
from tests.conftest import TEST_SECRET, install_tenant


class FailFirst:
    """WSGI middleware answering 500 to the first `n` webhook deliveries (a bad deploy)."""

    def __init__(self, app, n: int) -> None:
        self.app, self.left, self.seen = app, n, 0

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/webhooks/hubspot":
            self.seen += 1
            if self.left > 0:
                self.left -= 1
                start_response("500 INTERNAL SERVER ERROR", [("Content-Type", "application/json")])
                return [b'{"error": "simulated outage"}']
        return self.app(environ, start_response)


@pytest.fixture
def wired(app_factory):
    app = app_factory()
    install_tenant(app, "62515")
    middleware = FailFirst(app.wsgi_app, 0)
    app.wsgi_app = middleware
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_URL"] = url
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True).start()
    sandbox = run_in_thread(seed=3, webhook_url=f"{url}/webhooks/hubspot", client_secret=TEST_SECRET,
                            retry_scale=0.0005, n_open_deals=5, n_closed_deals=5, n_companies=4)
    yield app, sandbox, middleware
    sandbox.stop()
    server.shutdown()


def inbox(app):
    with get_db(app).session() as s:
        return s.execute(select(InboxEvent).order_by(InboxEvent.id)).scalars().all()


def open_deal(sandbox) -> str:
    return next(d["id"] for d in sandbox.store("deals")
                if d["properties"].get("dealstage") not in ("closedwon", "closedlost"))


def wait_for(predicate, timeout=20.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_a_rep_edit_arrives_signed_and_lands_in_the_inbox(wired):
    app, sandbox, _ = wired
    deal = open_deal(sandbox)
    sandbox.ui_change("deals", deal, {"amount": "12345", "closedate": "2027-01-15T00:00:00Z"})
    assert wait_for(lambda: len(inbox(app)) == 2)
    rows = inbox(app)
    assert {r.record_id for r in rows} == {deal}
    assert {tuple(r.properties) for r in rows} == {("amount",), ("closedate",)}
    assert len({r.delivery_id for r in rows}) == 1  # both events in one signed batch
    sandbox.flush_webhooks(timeout=10)
    entries = sandbox.control("GET", "webhooks/log")["deliveries"]
    assert entries, "the sandbox logged no delivery"
    assert all(e.get("status") == 200 for e in entries)


def test_a_500_is_retried_and_the_retry_is_accepted_once(wired):
    app, sandbox, middleware = wired
    middleware.left = 2
    deal = open_deal(sandbox)
    sandbox.ui_change("deals", deal, {"amount": "777"})
    assert wait_for(lambda: len(inbox(app)) == 1, timeout=30)
    row = inbox(app)[0]
    assert row.attempt >= 2  # HubSpot's attemptNumber counts the failed deliveries
    assert middleware.seen >= 3
    sandbox.flush_webhooks(timeout=10)
    assert len(inbox(app)) == 1


def test_injected_duplicates_are_deduped(wired):
    app, sandbox, _ = wired
    sandbox.faults(duplicate_rate=1.0)
    deal = open_deal(sandbox)
    sandbox.ui_change("deals", deal, {"amount": "4242"})
    sandbox.flush_webhooks(timeout=15)
    assert wait_for(lambda: len(inbox(app)) >= 1)
    time.sleep(0.5)
    assert len(inbox(app)) == 1
    from prometheus_client import REGISTRY

    assert (REGISTRY.get_sample_value("agentic_sales_webhook_events_total",
                                      {"crm": "hubspot", "outcome": "duplicate"}) or 0) >= 1


def test_a_salutation_edit_on_a_contact_arrives_as_a_contact_change(wired):
    app, sandbox, _ = wired
    contact = sandbox.store("contacts")[0]["id"]
    sandbox.ui_change("contacts", contact, {"salutation": "Frau"})
    assert wait_for(lambda: any(r.object_type == "contact" for r in inbox(app)))
    rows = [r for r in inbox(app) if r.object_type == "contact"]
    assert [(r.record_id, tuple(r.properties)) for r in rows] == [(contact, ("salutation",))]
