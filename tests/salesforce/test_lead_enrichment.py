"""Salesforce Leads enriched end to end: a rep's Lead edit in the sandbox posts the package's
change-event callout over HTTP, the pipeline reads the Leads in one query per batch, scores them,
runs the agents and writes the Lead.AI_* fields and one app Task (WhoId = the Lead) back; a
Lead converted (or closed unconverted) in the sandbox is a won (lost) outcome that rewards its
logged decision once, completes our Task and never writes the Lead again; backfill and
reconcile cover Leads."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.demo import Demo, DemoOptions
from app.storage import get_db
from app.storage.models import Action, Enrichment, InboxEvent, LearningPosterior, Outcome, Reward
from integrations.salesforce import constants, mapping
from integrations.salesforce.connector import CONNECTOR

pytestmark = pytest.mark.embedded

TRAINED: dict[str, Any] = {}
"""What the module's one training run returned (task → promotion result)."""

AI_FIELDS = ", ".join(mapping.api_name(s) for s in ("ai_conversion_score", "ai_strategy", "ai_next_best_action",
                                                    "ai_summary", "ai_enriched_at", "ai_model_version"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The app and a Salesforce sandbox over real HTTP, installed through OAuth, the package's
    callouts pointed at the app (what the admin does with the install page's secret)."""
    run = Demo(DemoOptions(changes=0, seed=7, crm="salesforce", data_dir=Path(tmp_path_factory.mktemp("leads")),
                           timeout=240))
    run.start()
    try:
        run.install()
        TRAINED.update(run.train())  # the demo market: every score passes its gate (~25 s)
        urls = CONNECTOR.webhook_urls(run.account_id, config=run.app.config)
        run.sandbox.handle.endpoints(callout_url=urls["callout_url"], callout_secret=urls["callout_secret"])
        yield run
    finally:
        run.stop()


def open_leads(demo: Demo) -> list[dict[str, Any]]:
    """Leads neither converted nor closed unconverted (the sandbox's closing status is "Closed - Not Converted")."""
    return sorted((r for r in demo.sandbox.handle.store("Lead")
                   if not r.get("IsConverted") and r.get("Status") != "Closed - Not Converted"), key=lambda r: r["Id"])


def lead_row(demo: Demo, lead_id: str) -> dict[str, Any]:
    rows = demo.sandbox._query(f"SELECT Id, {AI_FIELDS} FROM Lead WHERE Id = '{lead_id}'")
    return dict(rows[0])


def app_tasks(demo: Demo, lead_id: str) -> list[dict[str, Any]]:
    return demo.sandbox._query(f"SELECT Id, WhoId, WhatId, Subject, Status FROM Task WHERE WhoId = '{lead_id}' "
                               f"AND {constants.IDEMPOTENCY_FIELD} != null")


def enrichments(demo: Demo, lead_id: str) -> list[Enrichment]:
    with get_db(demo.app).session() as s:
        return list(s.execute(select(Enrichment).where(Enrichment.tenant_id == demo.tenant_id,
                                                       Enrichment.record_id == lead_id)
                              .order_by(Enrichment.id)).scalars())


def edit_and_wait(demo: Demo, lead_id: str, fields: dict[str, Any], *, before: int) -> None:
    """A rep's edit in Lightning; wait until its callout reached the inbox and the job ran."""
    demo.sandbox.handle.ui_change("Lead", lead_id, fields)
    assert demo.sandbox.handle.flush(20)
    deadline = time.time() + 60
    while time.time() < deadline:
        with get_db(demo.app).session() as s:
            got = s.execute(select(InboxEvent).where(InboxEvent.tenant_id == demo.tenant_id,
                                                     InboxEvent.record_id == lead_id)).scalars().all()
        if len(got) > before:
            break
        time.sleep(0.1)
    demo.drain()


def inbox_count(demo: Demo, lead_id: str) -> int:
    with get_db(demo.app).session() as s:
        return len(s.execute(select(InboxEvent.id).where(InboxEvent.tenant_id == demo.tenant_id,
                                                         InboxEvent.record_id == lead_id)).all())


def test_a_reps_lead_edit_writes_the_lead_ai_fields_and_one_task_on_the_lead(demo: Demo) -> None:
    lead = open_leads(demo)[0]["Id"]
    edit_and_wait(demo, lead, {"Title": "VP Revenue Operations"}, before=inbox_count(demo, lead))

    with get_db(demo.app).session() as s:
        rows = s.execute(select(InboxEvent.object_type, InboxEvent.change_source)
                         .where(InboxEvent.record_id == lead)).all()
    assert {r.object_type for r in rows} == {"lead"} and "apex_callout" in {r.change_source for r in rows}
    row = lead_row(demo, lead)
    assert 1 <= row["AI_Conversion_Score__c"] <= 99
    assert row["AI_Strategy__c"] and row["AI_Next_Best_Action__c"] and row["AI_Summary__c"]
    assert row["AI_Enriched_At__c"]
    tasks = [t for t in app_tasks(demo, lead) if not t["Subject"].startswith(f"{constants.TASK_MARKER} Note:")]
    assert len(tasks) == 1 and tasks[0]["WhatId"] is None and tasks[0]["Status"] == "Not Started"
    stored = enrichments(demo, lead)
    assert [e.object_type for e in stored] == ["lead"]
    assert stored[0].card["record"]["object_type"] == "lead"


def test_our_own_write_back_to_a_lead_comes_back_as_an_echo_and_enriches_nothing(demo: Demo) -> None:
    lead = open_leads(demo)[1]["Id"]
    edit_and_wait(demo, lead, {"Title": "Head of Sales"}, before=inbox_count(demo, lead))
    seen = inbox_count(demo, lead)
    assert len(enrichments(demo, lead)) == 1
    # The write-back itself changed the Lead: its change event carried our client id and was dropped.
    assert demo.sandbox.handle.flush(20)
    demo.drain()
    assert inbox_count(demo, lead) == seen
    assert len(enrichments(demo, lead)) == 1


def outcomes_of(demo: Demo, lead_id: str) -> list[Outcome]:
    with get_db(demo.app).session() as s:
        return list(s.execute(select(Outcome).where(Outcome.tenant_id == demo.tenant_id,
                                                    Outcome.deal_id == lead_id)).scalars())


def rewards_of(demo: Demo, lead_id: str) -> list[tuple[int, str, float]]:
    with get_db(demo.app).session() as s:
        return [tuple(r) for r in s.execute(select(Reward.action_id, Reward.arm, Reward.reward).where(
            Reward.tenant_id == demo.tenant_id, Reward.deal_id == lead_id).order_by(Reward.id)).all()]


def decisions_of(demo: Demo, lead_id: str) -> list[Action]:
    with get_db(demo.app).session() as s:
        return list(s.execute(select(Action).where(Action.tenant_id == demo.tenant_id, Action.record_id == lead_id,
                                                   Action.kind == "strategy_choice")).scalars())


def our_task_id(demo: Demo, lead_id: str) -> str:
    with get_db(demo.app).session() as s:
        return str(s.execute(select(Action.crm_id).where(Action.tenant_id == demo.tenant_id,
                                                         Action.record_id == lead_id, Action.kind == "task")
                             .order_by(Action.id.desc())).scalars().first())


def wait_for_inbox(demo: Demo, lead_id: str, before: int) -> None:
    """Wait until the sandbox's change event for the lead reached the inbox; run its jobs."""
    assert demo.sandbox.handle.flush(20)
    deadline = time.time() + 60
    while time.time() < deadline and inbox_count(demo, lead_id) <= before:
        time.sleep(0.1)
    assert inbox_count(demo, lead_id) > before, "the lead's change event never reached the app"
    demo.drain()


def callout(demo: Demo, lead_id: str, event_id: str) -> None:
    """A change-event callout for the lead, signed as the package's Apex signs it, posted to the app."""
    import json

    import requests

    from integrations.sandbox.salesforce_api.delivery import sign

    urls = CONNECTOR.webhook_urls(demo.account_id, config=demo.app.config)
    body = json.dumps({"organizationId": demo.account_id, "events": [
        {"eventId": event_id, "sobjectType": "Lead", "recordId": lead_id, "changeType": "UPDATE",
         "changedFields": ["IsConverted", "Status", "ConvertedDate"], "changeOrigin": "",
         "commitTimestamp": int(time.time() * 1000)}]}, separators=(",", ":")).encode()
    stamp = str(int(time.time()))
    resp = requests.post(urls["callout_url"], data=body, timeout=30, headers={
        "Content-Type": "application/json", "X-Agentic-Org-Id": demo.account_id, "X-Agentic-Timestamp": stamp,
        "X-Agentic-Signature": sign(urls["callout_secret"], stamp, body)})
    assert resp.status_code < 300, resp.text


def test_a_converted_lead_is_one_won_outcome_rewarding_its_decision_its_task_completed_and_the_lead_not_written(
        demo: Demo) -> None:
    lead = open_leads(demo)[2]["Id"]
    edit_and_wait(demo, lead, {"Title": "Director of Sales"}, before=inbox_count(demo, lead))
    assert len(enrichments(demo, lead)) == 1
    [decision] = decisions_of(demo, lead)
    task = our_task_id(demo, lead)
    refused = demo.sandbox.handle.stats()["converted_lead_refusals"]
    seen = inbox_count(demo, lead)

    ids = demo.sandbox.handle.convert_lead(lead)  # the rep clicks Convert: the trigger sends the Lead change
    converted = demo.sandbox.handle.store("Lead", lead)
    wait_for_inbox(demo, lead, seen)

    [outcome] = outcomes_of(demo, lead)
    assert (outcome.kind, outcome.object_type) == ("won", "lead")
    assert outcome.at.date().isoformat() == converted["ConvertedDate"]
    assert rewards_of(demo, lead) == [(decision.id, decision.payload["arm"], 1.0)]  # no amount: it weighs 1
    moved = demo.sandbox.handle.store("Task", task)
    assert moved["Status"] == "Completed" and moved["WhoId"] == ids["ConvertedContactId"]
    # Nothing wrote the converted Lead (the org would have refused it), and it is not enriched again.
    assert demo.sandbox.handle.store("Lead", lead) == converted
    assert demo.sandbox.handle.stats()["converted_lead_refusals"] == refused
    assert len(enrichments(demo, lead)) == 1
    card = enrichments(demo, lead)[-1].card
    assert card["outcome"]["kind"] == "won" and card["outcome"]["object_type"] == "lead"
    from app.cards.view import outcome_view

    assert outcome_view(card, {})["text"].startswith("Converted on ")  # what the Lead page's card says

    # The same change event twice, then a late one: no second outcome, no reward twice.
    callout(demo, lead, f"dup-{lead}")
    callout(demo, lead, f"dup-{lead}")
    demo.drain()
    callout(demo, lead, f"late-{lead}")
    demo.drain()
    assert len(outcomes_of(demo, lead)) == 1
    assert rewards_of(demo, lead) == [(decision.id, decision.payload["arm"], 1.0)]
    assert demo.sandbox.handle.stats()["converted_lead_refusals"] == refused

    # The learning export tells the lead's decision, outcome and reward from a deal's.
    from app.cli.learning import rows_from_db

    [row] = [r for r in rows_from_db(demo.app, demo.tenant_id) if r["deal_id"] == lead]
    assert (row["object_type"], row["outcome_kind"], row["reward"], row["arm"]) == (
        "lead", "won", 1.0, decision.payload["arm"])


def test_a_lead_closed_unconverted_is_a_lost_outcome_with_zero_reward_and_its_task_completed(demo: Demo) -> None:
    lead = open_leads(demo)[2]["Id"]
    edit_and_wait(demo, lead, {"Title": "Head of Growth"}, before=inbox_count(demo, lead))
    [decision] = decisions_of(demo, lead)
    task = our_task_id(demo, lead)

    seen = inbox_count(demo, lead)
    demo.sandbox.handle.close_lead(lead)
    wait_for_inbox(demo, lead, seen)

    [outcome] = outcomes_of(demo, lead)
    assert (outcome.kind, outcome.object_type) == ("lost", "lead")
    assert rewards_of(demo, lead) == [(decision.id, decision.payload["arm"], 0.0)]
    assert demo.sandbox.handle.store("Task", task)["Status"] == "Completed"
    assert len(enrichments(demo, lead)) == 1


def test_the_lead_decisions_fold_into_the_tenants_lead_posterior_and_not_the_deal_posterior(demo: Demo) -> None:
    with get_db(demo.app).session() as s:
        lead_rewards = s.execute(select(func.count()).select_from(Reward).join(
            Outcome, Outcome.id == Reward.outcome_id).where(Reward.tenant_id == demo.tenant_id,
                                                            Outcome.object_type == "lead")).scalar_one()
        lead_post = s.get(LearningPosterior, (demo.tenant_id, "lead"))
        deal_post = s.get(LearningPosterior, (demo.tenant_id, "deal"))
    assert lead_rewards >= 2 and lead_post is not None and lead_post.rewards == lead_rewards
    assert deal_post is None or deal_post.rewards == 0


def test_the_next_leads_choice_is_drawn_from_the_lead_posterior_its_outcomes_taught_not_the_deals(
        demo: Demo) -> None:
    """Replays the bandit's draw of a Lead's logged decision (same context, allowed arms and
    random stream as `learning.policy.bandit_policy`) on each stored posterior: the logged
    probabilities are the lead posterior's, which the outcomes above taught."""
    import hashlib

    import numpy as np

    from app.pipeline import posterior as posterior_store
    from app.pipeline.strategy import ALL_ARMS
    from learning.bandit import make_context

    lead = open_leads(demo)[2]["Id"]
    edit_and_wait(demo, lead, {"Title": "Revenue Operations Lead"}, before=inbox_count(demo, lead))
    [decision] = decisions_of(demo, lead)
    logged, context = decision.payload, decision.payload["context"]
    situation = make_context(context["segment"], context["band"], context["engagement"], context["baseline"])
    key = f"{demo.tenant_id}|salesforce|{lead}|{decision.created_at.date()}".encode()

    def drawn_from(object_type: str) -> dict[str, float]:
        post = posterior_store.load(demo.app, demo.tenant_id, ALL_ARMS, object_type=object_type)
        rng = np.random.default_rng(int(hashlib.sha256(key).hexdigest()[:16], 16))
        return {a: round(p, 6) for a, p in post.probabilities(situation, list(logged["probabilities"]),
                                                               rng=rng).items()}

    assert logged["probabilities"] == drawn_from("lead") != drawn_from("deal")
    assert logged["propensity"] == logged["probabilities"][logged["arm"]]  # the true one, logged


def test_the_learning_export_cli_lists_a_leads_decision_outcome_and_reward_with_its_object_type(
        demo: Demo, tmp_path: Path) -> None:
    import csv

    from click.testing import CliRunner

    from app.cli.learning import learning

    out = tmp_path / "export.csv"
    data_dir = demo.app.config.get("DATA_DIR") or demo.opt.data_dir
    result = CliRunner().invoke(learning, ["export", "--tenant", demo.tenant_id, "--out", str(out)],
                                env={"AGENTIC_SALES_DATA_DIR": str(data_dir)})
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    leads = [r for r in rows if r["object_type"] == "lead" and r["outcome_kind"]]
    assert {r["outcome_kind"] for r in leads} >= {"won", "lost"}
    assert all(r["reward"] in ("1.0", "0.0") and r["arm"] and r["propensity"] for r in leads)


def test_the_salesforce_history_trains_all_four_scores_and_the_lead_score_churn_from_the_accounts_churned_checkbox(
        demo: Demo) -> None:
    from app.pipeline import tenant as tenant_inputs

    assert {task: result.get("promoted") for task, result in TRAINED.items()} == {
        "conversion": True, "price": True, "clv": True, "churn": True, "lead_conversion": True}, TRAINED
    churn = tenant_inputs.champions(demo.app, demo.tenant_id)["churn"]
    features = set(churn.metadata["feature_schema"])
    assert features and not {f for f in features if "churn" in f.lower()}  # the label never a feature


def test_backfill_enqueues_the_open_leads_beside_the_open_opportunities_and_cards_show_all_four_scores(
        demo: Demo) -> None:
    from app.sync import backfill

    result = backfill(demo.tenant_id, demo.app)
    demo.drain()
    leads = open_leads(demo)
    opportunities = demo.sandbox.open_ids()
    assert result["records_backfilled"] == len(leads) + len(opportunities)
    assert result["by_type"] == {"deal": len(opportunities), "lead": len(leads)}
    with get_db(demo.app).session() as s:
        enriched = {r for (r,) in s.execute(select(Enrichment.record_id).where(
            Enrichment.tenant_id == demo.tenant_id, Enrichment.object_type == "lead")).all()}
    assert enriched >= {r["Id"] for r in leads}
    # Issue 10's demo item: every enriched Opportunity's card carries all four scores, churn included
    # (but the one a lead conversion above created: it has no amount yet, so no price and no CLV).
    amounts = {r["Id"]: r.get("Amount") for r in demo.sandbox.handle.store("Opportunity")}
    assert demo.scores_present([o for o in opportunities if amounts[o]]) == ["churn", "clv", "conversion", "price"]
    assert {"churn", "conversion"} <= set(demo.scores_present([o for o in opportunities if not amounts[o]]))
    churn_risk = demo.sandbox.read_fields(opportunities[:5])
    assert all(0 <= float(f["ai_churn_risk"]) <= 1 for f in churn_risk.values()), churn_risk


def test_reconcile_finds_a_lead_edit_whose_callout_was_lost_and_enriches_it(demo: Demo) -> None:
    from app.sync import reconcile

    # Every notification is lost (the sandbox also sends Outbound Messages for Leads).
    demo.sandbox.handle.endpoints(callout_url=None, callout_secret=None, outbound_url=None)
    try:
        # a lead whose Status the edit below really changes
        lead = next(r["Id"] for r in open_leads(demo)[3:] if r["Status"] != "Working - Contacted")
        reconcile(demo.tenant_id, demo.app)  # everything so far is the past
        demo.drain()
        before = len(enrichments(demo, lead))
        since = datetime.now(UTC)
        time.sleep(1.1)
        demo.sandbox.handle.ui_change("Lead", lead, {"Status": "Working - Contacted"})
        result = reconcile(demo.tenant_id, demo.app, since=since)
        demo.drain()
        assert result["by_type"]["lead"]["missing"] == 1
        assert len(enrichments(demo, lead)) == before + 1
        # Our write-back is found by the next pass and recognised as an echo by content.
        again = reconcile(demo.tenant_id, demo.app, since=since)
        assert again["by_type"]["lead"]["modified"] >= 1 and again["by_type"]["lead"]["missing"] == 0
    finally:
        urls = CONNECTOR.webhook_urls(demo.account_id, config=demo.app.config)
        demo.sandbox.handle.endpoints(callout_url=urls["callout_url"], callout_secret=urls["callout_secret"],
                                      outbound_url=urls["outbound_message_url"])


def test_a_batch_of_leads_costs_a_handful_of_requests_not_one_per_lead(demo: Demo) -> None:
    """DESIGN v2's batch-first pipeline: one query reads the batch's Leads (with their tasks and
    events), one collection PATCH writes their fields, one collection POST their tasks."""
    from app.sync import enqueue_records

    leads = [r["Id"] for r in open_leads(demo)[10:22]]
    demo.sandbox.control("POST", "counters/mark")
    enqueue_records(demo.app, demo.tenant_id, [(rid, f"count-{rid}") for rid in leads], source="BACKFILL",
                    object_type="lead")
    demo.drain()
    spent = demo.sandbox.control("GET", "counters")["app_requests_since_mark"]
    assert all(len(enrichments(demo, rid)) >= 1 for rid in leads)
    assert spent <= 6 < len(leads)


def test_the_default_company_mapping_names_the_packages_churn_fields_and_validates_against_the_org(
        demo: Demo) -> None:
    from app import settings

    company = settings.mappings(demo.app, demo.tenant_id, "company")
    assert {c: e.crm_field for c, e in company.items()} == {"churned": "Churned__c", "churn_date": "Churned_On__c"}
    assert settings.validate_mappings(demo.app, demo.tenant_id, "company") == []


def test_the_lead_record_pages_card_shows_the_leads_own_enrichment(demo: Demo) -> None:
    """What the package's Apex controller asks for on a Lead page (objectType=lead), signed with
    the org's secret, over HTTP."""
    import requests

    from integrations.salesforce.card_auth import sign_card

    lead = open_leads(demo)[5]["Id"]
    edit_and_wait(demo, lead, {"Title": "Head of Revenue"}, before=inbox_count(demo, lead))
    path = f"/api/cards/salesforce?objectType=lead&objectId={lead}"
    stamp = str(int(time.time()))
    secret = CONNECTOR.webhook_urls(demo.account_id, config=demo.app.config)["callout_secret"]
    headers = {"X-Agentic-Org-Id": demo.account_id, "X-Agentic-Timestamp": stamp,
               "X-Agentic-Signature": sign_card(secret=secret, timestamp=stamp, method="GET", path_qs=path, body=b"")}
    resp = requests.get(demo.url + path, headers=headers, timeout=30)
    assert resp.status_code == 200, resp.text
    card = resp.json()
    assert card["status"] == "enriched" and card["record"] == {**card["record"], "id": lead, "object_type": "lead"}
    assert card["scores"]["conversion"]["score_1_99"] >= 1 and card["next_best_action"]
    assert card["scores"]["conversion"]["task"] == "lead_conversion"  # the LWC labels it "Lead conversion"


def test_leads_are_scored_by_the_lead_model_trained_on_the_orgs_closed_leads_not_by_the_deal_model(
        demo: Demo) -> None:
    """The lead score through the product path: the sandbox's converted and closed-unconverted
    Leads -> the connector's records -> the training job -> the registry -> the batch pipeline ->
    Lead.AI_Conversion_Score__c, with its factors and its own model version."""
    from app.pipeline import tenant as tenant_inputs
    from app.sync import enqueue_records

    model = tenant_inputs.champions(demo.app, demo.tenant_id)["lead_conversion"]
    meta = model.metadata
    assert meta["target_info"]["positive_class"] == "converted" and meta["source"] == "crm"
    summary = meta["holdout_summary"]
    assert summary["split"] == "time" and summary["groups"] + summary["training"]["groups"] >= 500
    assert not set(meta["feature_schema"]) & {"stage", "amount", "status", "is_converted", "converted_date"}
    assert {"lead_source", "rating", "company_industry", "title_seniority"} <= set(meta["feature_schema"])
    leads = [r["Id"] for r in open_leads(demo)[30:42]]
    enqueue_records(demo.app, demo.tenant_id, [(rid, f"score-{rid}") for rid in leads], source="BACKFILL",
                    object_type="lead")
    demo.drain()
    rows = {rid: lead_row(demo, rid) for rid in leads}
    scores = [r["AI_Conversion_Score__c"] for r in rows.values()]
    assert all(1 <= s <= 99 for s in scores) and len(set(scores)) >= 4, scores  # not one figure for all
    assert all("lead_conversion:" in r["AI_Model_Version__c"] for r in rows.values())
    card = enrichments(demo, leads[0])[-1].card
    assert card["scores"]["conversion"]["task"] == "lead_conversion" and card["scores"]["conversion"]["factors"]


def test_a_lead_closed_unconverted_is_neither_open_nor_enriched(demo: Demo) -> None:
    from app.tenants import client_for

    closed = next(r["Id"] for r in demo.sandbox.handle.store("Lead") if r.get("Status") == "Closed - Not Converted")
    assert closed not in set(client_for(demo.tenant_id, demo.app).iter_open_ids("lead"))
    edit_and_wait(demo, closed, {"Title": "Analyst"}, before=inbox_count(demo, closed))
    assert enrichments(demo, closed) == []


def test_revops_can_hide_the_lead_score_from_lead_cards_without_hiding_the_deals(demo: Demo) -> None:
    import requests

    from app import settings
    from integrations.salesforce.card_auth import sign_card

    lead = open_leads(demo)[5]["Id"]
    secret = CONNECTOR.webhook_urls(demo.account_id, config=demo.app.config)["callout_secret"]

    def card(object_type: str, object_id: str) -> dict[str, Any]:
        path = f"/api/cards/salesforce?objectType={object_type}&objectId={object_id}"
        stamp = str(int(time.time()))
        headers = {"X-Agentic-Org-Id": demo.account_id, "X-Agentic-Timestamp": stamp,
                   "X-Agentic-Signature": sign_card(secret=secret, timestamp=stamp, method="GET", path_qs=path,
                                                    body=b"")}
        resp = requests.get(demo.url + path, headers=headers, timeout=30)
        assert resp.status_code == 200, resp.text
        return dict(resp.json())

    deal = demo.sandbox.open_ids()[0]
    settings.update(demo.app, demo.tenant_id, {"card_hidden_scores": ["lead_conversion"]}, author="revops@example.com")
    try:
        assert card("lead", lead)["scores"]["conversion"] == {"not_used": {}}
        assert card("deal", deal)["scores"]["conversion"]["score_1_99"] >= 1  # enriched by the backfill above
    finally:
        settings.update(demo.app, demo.tenant_id, {"card_hidden_scores": []}, author="revops@example.com")
