"""Card endpoints: signed by HubSpot over the full URL, tenant from the signed request only."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Action, AuditLog, RecordJob
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
    assert body["actions"] == ["accept", "dismiss", "rescore", "task_done"]
    assert {"value": "wrong_timing", "label": "Wrong timing"} in body["dismiss_reasons"]
    assert body["feedback"] == {}


def test_a_score_the_tenant_does_not_use_is_marked_so_the_card_hides_it(enriched):
    from app import settings

    app, tid, _ = enriched
    settings.update(app, tid, {"card_hidden_scores": ["churn"]}, author="revops@example.com")
    r = signed(app.test_client(), "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515")
    assert r.json["scores"]["churn"] == {"not_used": {}}
    assert "clv" in r.json["scores"] and r.json["scores"]["clv"] != {"not_used": {}}


def test_hiding_the_lead_score_leaves_a_deals_chance_to_close_on_its_card(enriched):
    from app import settings

    app, tid, _ = enriched
    settings.update(app, tid, {"card_hidden_scores": ["lead_conversion"]}, author="revops@example.com")
    r = signed(app.test_client(), "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515")
    assert r.json["scores"]["conversion"] != {"not_used": {}} and "lead_conversion" not in r.json["scores"]
    settings.update(app, tid, {"card_hidden_scores": ["conversion"]}, author="revops@example.com")
    r = signed(app.test_client(), "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515")
    assert r.json["scores"]["conversion"] == {"not_used": {}}


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


def test_a_dismiss_carries_its_reason_to_the_action_row_the_audit_and_the_card(enriched):
    app, tid, _ = enriched
    client = app.test_client()
    path = "/api/cards/hubspot/feedback?portalId=62515&userId=9"
    r = signed(client, "POST", path, {"objectType": "deal", "objectId": "8807", "action": "dismiss",
                                      "reason": "wrong_timing"})
    assert r.status_code == 200 and r.json["reason"] == "wrong_timing"
    with get_db(app).session() as s:
        row = s.execute(select(Action).where(Action.kind == "feedback_dismiss")).scalar_one()
        audit = s.execute(select(AuditLog).where(AuditLog.event == "feedback.dismiss")).scalars().all()
    assert row.payload["reason"] == "wrong_timing" and row.payload["user_id"] == "9"
    assert len(audit) == 1 and audit[0].detail["reason"] == "wrong_timing"
    card = signed(client, "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515").json
    assert card["feedback"] == {"action": "dismiss", "reason": "wrong_timing"}


@pytest.mark.parametrize("reason", [None, "", "because"])
def test_a_dismiss_without_a_known_reason_is_400_naming_the_reasons(enriched, reason):
    app, _, _ = enriched
    r = signed(app.test_client(), "POST", "/api/cards/hubspot/feedback?portalId=62515",
               {"objectType": "deal", "objectId": "8807", "action": "dismiss", "reason": reason})
    assert r.status_code == 400 and r.json["error"] == "bad_reason" and "wrong_timing" in r.json["message"]


@pytest.mark.parametrize("reason", [["wrong_timing"], {"value": "wrong_timing"}, 7])
def test_a_dismiss_reason_that_is_not_text_is_400_not_a_server_error(enriched, reason):
    app, _, _ = enriched
    r = signed(app.test_client(), "POST", "/api/cards/hubspot/feedback?portalId=62515",
               {"objectType": "deal", "objectId": "8807", "action": "dismiss", "reason": reason})
    assert r.status_code == 400 and r.json["error"] == "bad_reason"


@pytest.mark.parametrize("enrichment_id", ["9" * 30, -1, "1e9", 2**40, 2**70])
def test_an_enrichment_id_that_no_database_row_can_have_is_404_not_a_server_error(enriched, enrichment_id):
    app, _, _ = enriched
    r = signed(app.test_client(), "POST", "/api/cards/hubspot/feedback?portalId=62515",
               {"objectType": "deal", "objectId": "8807", "action": "accept", "enrichment_id": enrichment_id})
    assert r.status_code == 404 and r.json["error"] == "not_enriched"


def test_accepting_after_dismissing_the_same_suggestion_is_a_409(enriched):
    app, _, _ = enriched
    client = app.test_client()
    path = "/api/cards/hubspot/feedback?portalId=62515"
    signed(client, "POST", path, {"objectType": "deal", "objectId": "8807", "action": "dismiss", "reason": "other"})
    r = signed(client, "POST", path, {"objectType": "deal", "objectId": "8807", "action": "accept"})
    assert r.status_code == 409 and r.json["error"] == "feedback_given"


class CompletingCrm:
    """The fake CRM plus the v2 batch write, recording every task it is asked to complete."""

    def __init__(self, crm, fail: bool = False) -> None:
        self.crm, self.fail, self.completed = crm, fail, []

    def __getattr__(self, name):
        return getattr(self.crm, name)

    def apply(self, writes):
        from integrations.base import WriteResult

        out = []
        for t in writes.tasks:
            assert t.complete and t.existing is not None
            if self.fail:
                out.append(WriteResult("failed", kind="task", record_id=t.record.id, error="HTTP 502"))
            else:
                self.completed.append(t.existing.id)
                out.append(WriteResult("completed", id=t.existing.id, kind="task", record_id=t.record.id))
        return out


def test_mark_task_done_completes_the_crm_task_once_and_audits_it(enriched):
    app, _, _ = enriched
    crm = CompletingCrm(app.extensions["crm_factory"](None, None))
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    client = app.test_client()
    path = "/api/cards/hubspot/task-done?portalId=62515"
    first = signed(client, "POST", path, {"objectType": "deal", "objectId": "8807"})
    again = signed(client, "POST", path, {"objectType": "deal", "objectId": "8807"})
    assert first.status_code == 200 and not first.json["duplicate"] and again.json["duplicate"]
    assert crm.completed == [first.json["task_id"]]
    with get_db(app).session() as s:
        audit = s.execute(select(AuditLog).where(AuditLog.event == "task.completed")).scalars().all()
    assert len(audit) == 1
    card = signed(client, "GET", "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515").json
    assert card["feedback"]["task_done"] is True


def test_a_refused_task_completion_is_a_502_and_can_be_retried(enriched):
    app, _, _ = enriched
    crm = CompletingCrm(app.extensions["crm_factory"](None, None), fail=True)
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    path = "/api/cards/hubspot/task-done?portalId=62515"
    r = signed(app.test_client(), "POST", path, {"objectType": "deal", "objectId": "8807"})
    assert r.status_code == 502 and "try again" in r.json["message"]
    crm.fail = False
    r = signed(app.test_client(), "POST", path, {"objectType": "deal", "objectId": "8807"})
    assert r.status_code == 200 and not r.json["duplicate"]


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



def test_the_card_payload_of_a_lead_offers_not_relevant_to_this_lead_and_a_deals_to_this_deal(enriched):
    from app.cards.payload import card_payload
    from app.storage.models import Enrichment

    app, tid, _ = enriched
    with get_db(app).session() as s:
        deal = s.execute(select(Enrichment).where(Enrichment.record_id == "8807")).scalars().one()
        card = {**deal.card, "record": {**deal.card["record"], "object_type": "lead", "id": "00Q1"}}
        s.add(Enrichment(tenant_id=tid, object_type="lead", record_id="00Q1", card=card))
    with get_db(app).session() as s:
        lead = card_payload(s, tid, "lead", "00Q1")["dismiss_reasons"]
        deal_reasons = card_payload(s, tid, "deal", "8807")["dismiss_reasons"]
    assert lead[0] == {"value": "not_relevant", "label": "Not relevant to this lead"}
    assert deal_reasons[0] == {"value": "not_relevant", "label": "Not relevant to this deal"}
    assert [r["value"] for r in lead] == [r["value"] for r in deal_reasons]
