"""POST /webhooks/hubspot: status policy, fixtures, echoes, unknown portals, no rows on rejection."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import InboxEvent
from tests.conftest import FIXTURES, WebhookSender, count_rows, deal_event, install_tenant, load_fixture
from webhooks.hubspot.events import EVENT_HANDLERS

SUPPORTED_FIXTURES = sorted(
    p.stem for p in (FIXTURES / "hubspot").glob("*.json") if "__unsupported" not in p.stem and "__echo" not in p.stem
)


def inbox(app):
    with get_db(app).session() as s:
        return s.execute(select(InboxEvent).order_by(InboxEvent.id)).scalars().all()


@pytest.fixture
def portal(app):
    return install_tenant(app, "62515")


def test_every_event_handler_has_a_fixture():
    names = {p.stem.split("__")[0] for p in (FIXTURES / "hubspot").glob("*.json")}
    for sub_type in EVENT_HANDLERS:
        assert sub_type.replace(".", "_") in names, f"no fixture for {sub_type}"


@pytest.mark.parametrize("fixture", SUPPORTED_FIXTURES)
def test_each_fixture_lands_in_the_inbox_with_its_kind(app, webhook, portal, fixture):
    events = load_fixture(fixture)
    r = webhook.post_fixture(fixture)
    assert r.status_code == 200, r.json
    assert r.json["accepted"] == len(events)
    rows = inbox(app)
    assert len(rows) == len(events)
    for row, ev in zip(sorted(rows, key=lambda r: r.delivery_key), sorted(
            events, key=lambda e: __import__("webhooks.changes", fromlist=["x"]).delivery_key(e)), strict=True):
        assert row.tenant_id == portal
        assert row.kind == EVENT_HANDLERS[ev["subscriptionType"]]
        assert row.object_type in ("deal", "contact", "company")
        assert row.status == "pending"


def test_property_change_carries_the_new_value(app, webhook, portal):
    webhook.post_fixture("deal_propertyChange")
    rows = inbox(app)
    assert {r.record_id for r in rows} == {"8807"}
    assert {"dealstage": "contractsent"} in [r.properties for r in rows]
    assert all(r.change_source in ("CRM_UI", "API") for r in rows)


@pytest.mark.parametrize("fixture", ["conversation_newMessage__unsupported", "ticket_creation__unsupported"])
def test_unsupported_event_type_is_answered_200_without_rows(app, webhook, portal, fixture):
    r = webhook.post_fixture(fixture)
    assert r.status_code == 200
    assert r.json["unsupported"] == 1
    assert inbox(app) == []


def test_echo_of_our_own_output_field_is_dropped_and_counted(app, webhook, portal):
    r = webhook.post_fixture("deal_propertyChange__echo")
    assert r.status_code == 200
    assert r.json["echoes"] == 1
    assert inbox(app) == []
    metrics = app.test_client().get("/metrics").data.decode()
    assert 'agentic_sales_webhook_events_total{crm="hubspot",outcome="echo"}' in metrics


def test_verified_event_for_a_portal_not_installed_is_ignored_with_200(app, webhook):
    before = count_rows(app)
    r = webhook.post_events([deal_event(999999, 1, event_id=1)])
    assert r.status_code == 200
    assert r.json["unknown_portal"] == 1
    assert count_rows(app) == before


def test_malformed_json_is_400(app, webhook, portal):
    r = webhook.post_body(b'[{"eventId": 1,')
    assert r.status_code == 400
    assert r.json["error"] == "anomalous_payload"
    assert inbox(app) == []


def test_a_json_object_instead_of_an_array_is_400(app, webhook, portal):
    r = webhook.post_body(b'{"eventId": 1}')
    assert r.status_code == 400


def test_event_without_object_id_is_quarantined_and_the_batch_acknowledged(app, webhook, portal):
    ev = deal_event(62515, 1, event_id=1)
    del ev["objectId"]
    r = webhook.post_events([ev, deal_event(62515, 2, event_id=2)])
    assert r.status_code == 200
    assert (r.json["accepted"], r.json["quarantined"]) == (1, 1)


def test_oversize_batch_is_400_and_writes_nothing(app, webhook, portal):
    events = [deal_event(62515, i, event_id=i) for i in range(101)]
    r = webhook.post_events(events)
    assert r.status_code == 400
    assert "exceeds" in r.json["detail"]
    assert inbox(app) == []


def test_full_batch_of_100_is_accepted(app, webhook, portal):
    events = [deal_event(62515, i, event_id=i) for i in range(100)]
    r = webhook.post_events(events)
    assert r.status_code == 200
    assert r.json["accepted"] == 100


@pytest.mark.parametrize("tamper", ["forged", "stale", "future", "unsigned", "wrong_secret", "wrong_url", "no_ts"])
def test_forged_stale_or_unsigned_webhooks_get_401_and_leave_no_row(app, client, portal, tamper):
    sender = WebhookSender(client)
    body = json.dumps([deal_event(62515, 5, event_id=5)]).encode()
    now_ms = int(time.time() * 1000)
    headers = {
        "forged": {**sender.headers(body), "X-HubSpot-Signature-v3": "Zm9yZ2Vk" * 5 + "AAAA"},
        "stale": sender.headers(body, timestamp_ms=now_ms - 301_000),
        "future": sender.headers(body, timestamp_ms=now_ms + 301_000),
        "unsigned": {"Content-Type": "application/json"},
        "wrong_secret": sender.headers(body, secret="not-the-secret"),
        "wrong_url": sender.headers(body, uri="https://evil.test/webhooks/hubspot"),
        "no_ts": {k: v for k, v in sender.headers(body).items() if k != "X-HubSpot-Request-Timestamp"},
    }[tamper]
    before = count_rows(app)
    r = client.post("/webhooks/hubspot", data=body, headers=headers)
    assert r.status_code == 401
    assert r.json == {"error": "invalid_signature"}
    assert count_rows(app) == before


def test_tampered_body_gets_401(app, client, portal):
    sender = WebhookSender(client)
    body = json.dumps([deal_event(62515, 5, event_id=5)]).encode()
    headers = sender.headers(body)
    r = client.post("/webhooks/hubspot", data=body.replace(b"100", b"999"), headers=headers)
    assert r.status_code == 401


def test_query_string_with_escapes_verifies_against_the_decoded_uri(app, client, portal):
    sender = WebhookSender(client, path="/webhooks/hubspot?src=a%3Ab%2Fc")
    body = json.dumps([deal_event(62515, 5, event_id=5)]).encode()
    headers = sender.headers(body, uri="https://agentic-sales.test/webhooks/hubspot?src=a:b/c")
    r = client.post("/webhooks/hubspot?src=a%3Ab%2Fc", data=body, headers=headers)
    assert r.status_code == 200, r.json


def test_v1_signature_is_refused_by_default_and_accepted_when_enabled(app_factory):
    from tests.conftest import TEST_SECRET

    body = Path(FIXTURES / "hubspot" / "contact_creation__v1_official.json").read_bytes()
    from webhooks.hubspot.signature import sign_v1

    headers = {"X-HubSpot-Signature": sign_v1(body=body, secret=TEST_SECRET), "X-HubSpot-Signature-Version": "v1",
               "Content-Type": "application/json"}
    strict = app_factory()
    install_tenant(strict, "62515")
    assert strict.test_client().post("/webhooks/hubspot", data=body, headers=headers).status_code == 401
    lenient = app_factory(HUBSPOT_ALLOW_V1_V2=True)
    r = lenient.test_client().post("/webhooks/hubspot", data=body, headers=headers)
    assert r.status_code == 200
    assert r.json["accepted"] == 1


def test_the_request_never_runs_the_pipeline(app, webhook, portal):
    # With no worker started, acknowledging must leave the change pending: nothing ran inline.
    webhook.post_fixture("deal_creation")
    assert [r.status for r in inbox(app)] == ["pending"]
