"""The lead score: a Salesforce Lead's chance to convert, learnt from the tenant's closed leads.

The leads come from the sandbox market's lead funnel (`integrations.sandbox.market.leads`: sources,
industries and sizes that convert more, with noise; converted, closed-unconverted and open leads)
and reach scoring as the Salesforce connector maps a Lead row (`mapping.person_to_record`), so the
labels are the connector's: converted = won, a closing unconverted Status = lost, else open.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest

from integrations.base import Record
from integrations.salesforce import mapping
from integrations.sandbox.market.leads import Lead, generate_leads
from scoring import ModelRegistry, NotEnoughHistoryError, save_model, score_batch, train_from_records
from scoring.leads import NEGATIVE, POSITIVE, TASK, lead_features
from scoring.train import records_to_frame

NOW = datetime(2026, 12, 1, tzinfo=UTC)
CLOSING = mapping.closed_lead_statuses([
    {"ApiName": "Open - Not Contacted", "MasterLabel": "Open - Not Contacted", "IsConverted": False},
    {"ApiName": "Working - Contacted", "MasterLabel": "Working - Contacted", "IsConverted": False},
    {"ApiName": "Closed - Converted", "MasterLabel": "Closed - Converted", "IsConverted": True},
    {"ApiName": "Closed - Not Converted", "MasterLabel": "Closed - Not Converted", "IsConverted": False}])


def sf_time(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def lead_row(lead: Lead, **extra: Any) -> dict[str, Any]:
    """The Lead as the client's SOQL answers it (with its Tasks and Events sub-queries)."""
    status = ("Closed - Converted" if lead.converted else "Closed - Not Converted" if lead.converted is False
              else "Working - Contacted")
    tasks = [{"Id": f"00T{lead.key}x{i}", "Subject": a.kind.title(), "TaskSubtype": "Call" if a.kind == "call"
              else "Email", "CallType": None, "CreatedDate": sf_time(a.at), "ActivityDate": a.at.date().isoformat()}
             for i, a in enumerate(lead.activities) if a.kind != "meeting"]
    events = [{"Id": f"00U{lead.key}x{i}", "Subject": "Meeting", "StartDateTime": sf_time(a.at)}
              for i, a in enumerate(lead.activities) if a.kind == "meeting"]
    return {"Id": f"00Q{lead.key:012d}", "Name": f"{lead.first} {lead.last}", "Company": lead.company,
            "Title": lead.title, "Industry": lead.industry, "NumberOfEmployees": lead.employees,
            "AnnualRevenue": lead.revenue, "Country": lead.country, "LeadSource": lead.source,
            "Rating": lead.rating, "Status": status, "IsConverted": bool(lead.converted),
            "ConvertedDate": lead.decided_at.date().isoformat() if lead.converted else None,
            "CreatedDate": sf_time(lead.created_at),
            "LastModifiedDate": sf_time(lead.closed_at or lead.created_at),
            "Owner": {"Id": f"005{lead.owner}", "Name": f"Rep {lead.owner}"},
            "Tasks": {"records": tasks} if tasks else None, "Events": {"records": events} if events else None,
            **extra}


def lead_records(n: int, seed: int = 7) -> tuple[list[Record], dict[str, float]]:
    leads = generate_leads(n, seed=seed, now=NOW, n_owners=6)
    records = [mapping.person_to_record("Lead", lead_row(lead), tenant_id="t1", closed_statuses=CLOSING)
               for lead in leads]
    return records, {r.id: lead.p_convert for r, lead in zip(records, leads, strict=True)}


def a_deal(i: int, kind: str) -> Record:
    created = NOW - timedelta(days=200 + i)
    return Record(crm="salesforce", tenant_id="t1", object_type="deal", id=f"006{i:012d}", amount=1000.0 + i,
                  stage_kind=kind, created_at=created.isoformat(),
                  close_date=(created + timedelta(days=40)).isoformat() if kind != "open" else None)


@pytest.fixture(scope="module")
def trained() -> dict[str, Any]:
    records, truth = lead_records(800)
    model, meta, holdout = train_from_records(records, TASK, fast=True, as_of=NOW)
    return {"records": records, "truth": truth, "model": model, "meta": meta, "holdout": holdout}


def test_the_connector_labels_converted_leads_won_closed_unconverted_lost_and_the_rest_open() -> None:
    records, _ = lead_records(120)
    kinds = {r.stage_kind for r in records}
    assert kinds == {"won", "lost", "open"}
    for r in records:
        assert (r.close_date is not None) == (r.stage_kind != "open")
    # A status an org added ("Unqualified") closes a lead too; a converted value never reads as lost.
    assert mapping.closed_lead_statuses([{"ApiName": "Unqualified", "IsConverted": False},
                                         {"ApiName": "Closed - Converted", "IsConverted": True},
                                         {"ApiName": "Nurturing", "IsConverted": False}]) == {"Unqualified"}


def test_training_rows_are_closed_leads_only_labelled_converted_or_not_and_never_deals() -> None:
    records, _ = lead_records(200)
    deals = [a_deal(i, "won") for i in range(5)]
    frame, target, _ = records_to_frame([*records, *deals], TASK)
    closed = {r.id: r for r in records if r.stage_kind in ("won", "lost")}
    assert set(frame["__group__"]) <= set(closed) and len(set(frame["__group__"])) > 0.8 * len(closed)
    assert set(frame[target]) == {POSITIVE, NEGATIVE}
    for rid, label in frame.groupby("__group__")[target].first().items():
        assert label == (POSITIVE if closed[rid].stage_kind == "won" else NEGATIVE)
    # ... and a converted lead is not a won deal: the deal task never sees a lead.
    deal_frame, _, _ = records_to_frame([*records, *deals], "conversion")
    assert set(deal_frame["__group__"]) == {d.id for d in deals}


def test_nothing_the_outcome_wrote_reaches_a_leads_features() -> None:
    records, _ = lead_records(60)
    converted = next(r for r in records if r.stage_kind == "won")
    # A tenant that mapped the conversion fields into the record's extra still does not teach them.
    leaky = replace(converted, extra={
        **converted.extra, "converted_date": converted.close_date, "converted_opportunity_id": "006x",
        "converted_account_id": "001x", "converted_contact_id": "003x", "is_converted": True,
        "status": "Closed - Converted", "lead_status": "Closed - Converted"})
    feats = lead_features(leaky, None, datetime.fromisoformat(str(leaky.created_at)) + timedelta(days=3))
    assert not {k for k in feats if "convert" in k or "status" in k}
    assert "stage" not in feats and "amount" not in feats
    assert {"lead_source", "company_industry", "company_employees", "company_annual_revenue", "company_country",
            "title_seniority", "lead_age_days", "days_since_last_activity", "calls_total"} <= set(feats)
    # Activity after the moment described is not counted.
    assert feats["calls_total"] + feats["emails_out_total"] + feats["meetings_total"] <= len(leaky.activities)


def test_missing_lead_fields_stay_missing_rather_than_guessed() -> None:
    records, _ = lead_records(300)
    bare = next(r for r in records if r.company and r.company.employees is None and not r.contacts[0].title)
    feats = lead_features(bare)
    assert np.isnan(feats["company_employees"]) and np.isnan(feats["title_seniority"])


def test_a_leaky_field_under_a_name_we_do_not_know_is_caught_by_the_leakage_screen() -> None:
    records, _ = lead_records(300)
    tagged = [replace(r, extra={**r.extra, "sync_flag": "Y" if r.stage_kind == "won" else "N"}) for r in records]
    _, meta, _ = train_from_records(tagged, TASK, fast=True, as_of=NOW)
    assert "sync_flag" in [d["column"] for d in meta["leakage"]]
    assert "sync_flag" not in meta["feature_schema"]


def test_the_lead_model_beats_the_prior_rate_names_its_positive_class_and_passes_the_gate(
        trained: dict[str, Any]) -> None:
    meta = trained["meta"]
    assert meta["task"] == TASK and meta["target_info"]["positive_class"] == POSITIVE
    m = meta["metrics"]
    assert m["holdout"]["roc_auc"] > 0.62, m["holdout"]
    assert m["holdout"]["brier"] < m["holdout_prior_rate"]["brier"]
    assert meta["promotion_gate"]["passed"], meta["promotion_gate"]
    assert meta["holdout_summary"]["split"] == "time"
    assert not set(meta["feature_schema"]) & {"stage", "amount", "status", "is_converted"}


def test_below_the_minimum_the_lead_task_is_absent_with_closed_leads_as_the_unit() -> None:
    records, _ = lead_records(40)
    with pytest.raises(NotEnoughHistoryError) as err:
        train_from_records(records, TASK, fast=True, as_of=NOW)
    assert err.value.need == 50 and "closed leads" in err.value.what and err.value.have < 50


def test_a_lead_is_scored_by_the_lead_model_and_a_deal_by_the_deal_model(
        trained: dict[str, Any], tmp_path) -> None:
    path = save_model(trained["model"], tmp_path / "staging" / "lead_conversion-1", trained["meta"],
                      trained["holdout"])
    reg = ModelRegistry(tmp_path / "models")
    assert reg.promote("t1", path, holdout=None)["promoted"]
    models = reg.load_champions("t1")
    open_leads = [r for r in trained["records"] if r.stage_kind == "open"]
    deal = a_deal(1, "open")
    scores = score_batch([*open_leads, deal], models)
    for lead in open_leads:
        conv = scores[lead.id]["conversion"]
        assert conv["task"] == TASK and 1 <= conv["score_1_99"] <= 99 and conv["factors"]
    ps = [scores[r.id]["conversion"]["probability"] for r in open_leads]
    assert np.std(ps) > 0.03  # not one figure for every lead
    # The deal has no deal model here: absent, never the lead model's figure.
    assert "conversion" not in scores[deal.id] and scores[deal.id]["absent"]["conversion"] == {"no_model": {}}


def test_without_a_lead_model_a_lead_shows_the_reason_not_the_deal_models_figure(trained: dict[str, Any]) -> None:
    lead = next(r for r in trained["records"] if r.stage_kind == "open")
    reason = {"not_enough_history": {"have": 12, "need": 50, "unit": "closed leads"}}
    deal_model = object()  # would fail if the lead were scored with it
    scores = score_batch([lead], {"conversion": deal_model, TASK: reason})
    assert "conversion" not in scores[lead.id]
    assert scores[lead.id]["absent"]["conversion"] == reason


def test_the_lead_models_card_says_what_it_predicts_and_which_class_is_positive(trained: dict[str, Any],
                                                                                 tmp_path) -> None:
    from scoring import load_model
    from scoring.model_card import build_card

    meta = {**trained["meta"], "source": "crm"}
    card = build_card(load_model(save_model(trained["model"], tmp_path / "m", meta, trained["holdout"])),
                      figures=False)
    assert card.title.startswith("Lead conversion") and card.predicts == "P(the lead is converted)"
    assert card.positive_class == "converted"


def test_a_lead_in_a_batch_of_deals_gets_no_churn_or_price_figure_from_the_deal_models_and_says_why(
        trained: dict[str, Any]) -> None:
    """The deal models were trained on deals' features, which a Lead does not have: their answer for a
    lead was their answer to missing values (and a churn figure over the escalation threshold could send a
    lead to a human for a risk it cannot have)."""
    from scoring.leads import NOT_FOR_LEADS
    from tests.scoring.data import crm_records

    history = crm_records(80, seed=13)
    models: dict[str, Any] = {TASK: _loaded(TASK, trained["model"], trained["meta"])}
    for task in ("conversion", "churn", "price"):
        model, meta, _ = train_from_records(history, task, fast=True)
        models[task] = _loaded(task, model, meta)
    open_deals = [replace(r, stage_kind="open") for r in crm_records(3, seed=14)]
    open_leads = [r for r in trained["records"] if r.stage_kind == "open"][:3]
    batch = score_batch([*open_deals, *open_leads], models, as_of=NOW)
    for deal in open_deals:  # the deals in the same batch keep every figure
        assert {"conversion", "churn", "price"} <= set(batch[deal.id])
    for lead in open_leads:
        got = batch[lead.id]
        assert got["conversion"]["task"] == TASK and 0 < got["conversion"]["probability"] < 1
        assert "churn" not in got and "price" not in got
        assert got["absent"]["churn"] == {"reason": NOT_FOR_LEADS["churn"]}
        assert got["absent"]["price"] == {"reason": NOT_FOR_LEADS["price"]}


def test_the_card_says_in_words_why_a_lead_has_no_churn_or_discount() -> None:
    from app.cards.view import absent_text
    from scoring.leads import NOT_FOR_LEADS

    assert "not a customer yet" in (absent_text("churn", {"reason": NOT_FOR_LEADS["churn"]}) or "")
    assert "no quote yet" in (absent_text("price", {"reason": NOT_FOR_LEADS["price"]}) or "")


def _loaded(task: str, model: Any, meta: dict[str, Any]) -> Any:
    from scoring import LoadedModel

    return LoadedModel(task=task, model=model, metadata=meta | {"version": f"{task}-v1"}, path=None)


def test_a_record_with_nothing_to_value_says_so_instead_of_not_scored() -> None:
    from app.cards.view import absent_text

    assert absent_text("clv", {"no_purchase_history": {}}) == "no purchases or deal amount to value yet"
