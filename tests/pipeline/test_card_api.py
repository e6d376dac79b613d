"""Card endpoints: signed by HubSpot over the full URL, tenant from the signed request only."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Action, RecordJob
from tests.conftest import TEST_PUBLIC_URL, WebhookSender, install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import run_change, sample_record
from webhooks.hubspot.signature import sign_v3


def signed(client, method: str, path: str, body: dict | None = None, *, secret: str | None = None):
    data = json.dumps(body).encode() if body is not None else b""
    ts = str(int(time.time() * 1000))
    from tests.conftest import TEST_SECRET

    sig = sign_v3(method=method, uri=TEST_PUBLIC_URL + path, body=data, timestamp=ts, secret=secret or TEST_SECRET)
    headers = {"X-HubSpot-Signature-v3": sig, "X-HubSpot-Request-Timestamp": ts, "Content-Type": "application/json"}
    return client.open(path, method=method, data=data, headers=headers)


@pytest.fixture
def enriched(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_tenant(app, "62515")
    other = install_tenant(app, "777")
    crm = FakeCrm([sample_record(tid)])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    run_change(app, 1)
    return app, tid, other


def test_signed_card_request_returns_the_enriched_payload(enriched):
    app, tid, _ = enriched
    r = signed(app.test_client(), "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515&userId=1")
    assert r.status_code == 200
    body = r.json
    assert body["status"] == "enriched"
    assert body["record"]["id"] == "8807"
    assert body["next_best_action"]["summary"] and body["draft"]["body"]
    assert body["actions"] == ["accept", "dismiss", "rescore"]


def test_a_contact_card_shows_its_related_deal(enriched):
    app, _, _ = enriched
    r = signed(app.test_client(), "GET", "/api/cards/hubspot?objectType=0-1&objectId=501&portalId=62515")
    assert r.json["record"]["id"] == "8807"
    assert r.json["related_to"] == {"object_type": "contact", "id": "501"}


@pytest.mark.parametrize("how", ["unsigned", "forged"])
def test_unsigned_or_forged_card_requests_get_401(enriched, how):
    app, _, _ = enriched
    path = "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515"
    client = app.test_client()
    r = client.get(path) if how == "unsigned" else signed(client, "GET", path, secret="wrong")
    assert r.status_code == 401
    assert r.json["error"] == "invalid_signature"


def test_another_portal_never_sees_this_portals_record(enriched):
    app, _, _ = enriched
    r = signed(app.test_client(), "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=777")
    assert r.status_code == 200
    assert r.json["status"] == "not_enriched"
    assert r.json["scores"] == {} and r.json["draft"] == {}


def test_a_request_naming_two_portals_is_refused(enriched):
    app, _, _ = enriched
    r = signed(app.test_client(), "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=777&portalId=62515")
    assert r.status_code == 400


def test_feedback_is_recorded_once_per_enrichment_and_action(enriched):
    app, tid, _ = enriched
    client = app.test_client()
    path = "/api/cards/hubspot/feedback?portalId=62515"
    first = signed(client, "POST", path, {"objectType": "deal", "objectId": "8807", "action": "accept"})
    again = signed(client, "POST", path, {"objectType": "deal", "objectId": "8807", "action": "accept"})
    assert first.status_code == 200 and not first.json["duplicate"]
    assert again.json["duplicate"]
    with get_db(app).session() as s:
        rows = s.execute(select(Action).where(Action.kind == "feedback_accept")).scalars().all()
    assert len(rows) == 1 and rows[0].tenant_id == tid


def test_feedback_with_a_bad_action_is_400(enriched):
    app, _, _ = enriched
    r = signed(app.test_client(), "POST", "/api/cards/hubspot/feedback?portalId=62515",
               {"objectType": "deal", "objectId": "8807", "action": "delete"})
    assert r.status_code == 400


def test_rescore_enqueues_one_job_and_shows_pending(enriched):
    app, _, _ = enriched
    client = app.test_client()
    r1 = signed(client, "POST", "/api/cards/hubspot/rescore?portalId=62515", {"objectType": "deal", "objectId": "8807"})
    r2 = signed(client, "POST", "/api/cards/hubspot/rescore?portalId=62515", {"objectType": "deal", "objectId": "8807"})
    assert r1.status_code == 202 and r1.json["queued"] and not r2.json["queued"]
    card = signed(client, "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515").json
    assert card["status"] == "pending"
    assert get_dispatcher(app).backend.run_due() == 1
    with get_db(app).session() as s:
        assert s.execute(select(RecordJob.state)).scalar_one() == "idle"


def test_preview_is_hidden_outside_sandbox_mode_and_renders_inside(enriched, app_factory):
    app, _, _ = enriched
    assert app.test_client().get("/card/preview/hubspot/62515/deal/8807").status_code == 404
    app.config["SANDBOX_MODE"] = True
    r = app.test_client().get("/card/preview/hubspot/62515/deal/8807")
    assert r.status_code == 200
    assert 'data-testid="score-conversion"' in r.data.decode() or 'data-testid="status"' in r.data.decode()
    assert "Northwind" in r.data.decode()


def test_webhook_sender_is_unaffected_by_card_routes(enriched):
    app, _, _ = enriched
    assert WebhookSender(app.test_client()).post_events([]).status_code == 200


def test_preview_opens_for_an_admin_token_header_but_never_for_a_token_in_the_url(enriched):
    app, _, _ = enriched
    app.config["ADMIN_TOKEN"] = "admin-test-token"
    client = app.test_client()
    assert client.get("/card/preview/hubspot/62515/deal/8807",
                      headers={"X-Admin-Token": "nope"}).status_code == 404
    assert client.get("/card/preview/hubspot/62515/deal/8807",
                      headers={"X-Admin-Token": "admin-test-token"}).status_code == 200
    assert client.get("/card/preview/hubspot/62515/deal/8807?admin_token=admin-test-token").status_code == 404
