"""The record pipeline against the in-memory CRM: write-back, idempotency, cards, tenancy."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Action, AuditLog, Enrichment
from integrations.base import Record
from tests.conftest import FIXTURES, WebhookSender, deal_event, install_tenant
from tests.fakes import FakeCrm


def sample_record(tenant_id: str, deal_id: str = "8807") -> Record:
    data = json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())
    data.pop("scores", None)
    data.update({"tenant_id": tenant_id, "id": deal_id})
    return Record.from_dict(data)


@pytest.fixture
def pipeline_app(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid)])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def run_change(app, event_id: int, deal_id: int = 8807) -> None:
    WebhookSender(app.test_client()).post_events([deal_event(62515, deal_id, event_id=event_id)])
    assert get_dispatcher(app).backend.run_due() == 1


def test_a_change_is_enriched_and_written_back(pipeline_app):
    app, tid, crm = pipeline_app
    run_change(app, 1)
    fields = crm.fields["8807"]
    assert fields["ai_strategy"] and fields["ai_next_best_action"] and fields["ai_enriched_at"]
    assert len(crm.tasks) == 1 and len(crm.notes) == 1
    with get_db(app).session() as s:
        enrichment = s.execute(select(Enrichment)).scalars().one()
        audit = s.execute(select(AuditLog).where(AuditLog.event == "record.enriched")).scalars().one()
    assert enrichment.card["status"] == "enriched"
    assert enrichment.card["draft"]["to"]["contact_id"] in {"501", "502", "503"}
    assert audit.detail["generated_by"] == "offline-template"
    assert "llm_usage" in audit.detail and "model_versions" in audit.detail
    # Without trained models every score is absent, with its reason.
    assert set(enrichment.card["scores"]) == {"conversion", "churn", "clv", "price"}
    assert all("no_model" in v for v in enrichment.card["scores"].values())


def test_reprocessing_an_unchanged_record_writes_nothing_new(pipeline_app):
    app, tid, crm = pipeline_app
    run_change(app, 1)
    writes_before = list(crm.writes)
    run_change(app, 2)
    assert crm.writes == writes_before
    assert len(crm.tasks) == 1 and len(crm.notes) == 1


def test_a_real_change_updates_fields_and_the_same_task(pipeline_app):
    app, tid, crm = pipeline_app
    run_change(app, 1)
    task_id = crm.tasks["8807"]["id"]
    crm.change("8807", stage_kind="open", amount=250_000.0)  # big deal: escalated to a human
    run_change(app, 2)
    assert crm.tasks["8807"]["id"] == task_id
    assert len(crm.tasks) == 1
    with get_db(app).session() as s:
        decisions = [a.payload["decision"] for a in s.execute(select(Action).where(Action.kind == "task")).scalars()]
    assert decisions[-1] == "escalate"


def test_a_deal_missing_in_the_crm_is_skipped_not_failed(pipeline_app):
    app, tid, crm = pipeline_app
    run_change(app, 1, deal_id=424242)
    with get_db(app).session() as s:
        done = s.execute(select(AuditLog).where(AuditLog.event == "job.completed")).scalars().one()
    assert "not found" in done.detail["skipped"]


def test_a_contact_change_reschedules_its_linked_deals(pipeline_app):
    app, tid, crm = pipeline_app
    run_change(app, 1)
    WebhookSender(app.test_client()).post_events([
        {**deal_event(62515, 501, event_id=9, sub_type="contact.propertyChange", prop="jobtitle", value="CFO")}])
    assert get_dispatcher(app).backend.run_due() == 2  # the contact's job, then its linked deal's
    with get_db(app).session() as s:
        done = s.execute(select(AuditLog).where(AuditLog.event == "job.completed").order_by(AuditLog.id)).scalars().all()
    assert [(a.object_type, a.record_id) for a in done] == [("deal", "8807"), ("contact", "501"), ("deal", "8807")]
    assert done[1].detail["deals_rescheduled"] == 1


def test_the_task_carries_the_draft_and_the_why_in_plain_text_lines(pipeline_app):
    app, _, crm = pipeline_app
    run_change(app, 1)
    with get_db(app).session() as s:
        card = s.execute(select(Enrichment)).scalars().one().card
    body = crm.tasks["8807"]["body"]
    assert card["draft"]["body"].strip() in body
    assert f"Subject: {card['draft']['subject']}" in body
    assert f"Why: {card['strategy']['rationale']}" in body
    assert "\n\n" in body and "<br" not in body and "<p>" not in body


def test_the_card_payload_carries_the_crms_stage_labels(pipeline_app):
    app, _, _ = pipeline_app
    run_change(app, 1)
    with get_db(app).session() as s:
        card = s.execute(select(Enrichment)).scalars().one().card
    assert card["labels"] == {"open1": "Open", "closedwon": "Won"}


def test_a_task_training_skipped_for_lack_of_history_says_so_on_the_card(pipeline_app):
    from app.audit import write_audit

    app, tid, _ = pipeline_app
    with get_db(app).session() as s:
        write_audit(s, "models.trained", tenant_id=tid, detail={"results": {
            "clv": {"not_enough_history": {"have": 44, "need": 50}}, "churn": {"error": "no labels"}}})
    run_change(app, 1)
    with get_db(app).session() as s:
        scores = s.execute(select(Enrichment)).scalars().one().card["scores"]
    assert scores["clv"] == {"not_enough_history": {"have": 44, "need": 50}}
    # A failed training is not a history shortfall: the card says it failed (the report says why).
    assert scores["churn"] == {"training_error": "no labels"}
