"""SalesforceClient against the HTTPS sandbox: reads, batched writes, refresh, limits, idempotency."""

from __future__ import annotations

from typing import Any

import pytest

from integrations.base import SALUTATIONS_KEY, FieldUpdate, NoteWrite, TaskSpec, TaskWrite, WriteSet
from integrations.errors import CrmRateLimited
from integrations.salesforce.client import MissingOutputFields
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.salesforce.conftest import ORGS


def open_ids(client: Any, n: int) -> list[str]:
    return list(client.iter_open_ids())[:n]


def app_tasks(sb: SalesforceSandboxHandle, org: str, what_id: str) -> list[dict[str, Any]]:
    return [t for t in sb.store("Task", org_id=org)
            if t.get("WhatId") == what_id and t.get("AI_Idempotency_Key__c") and not t.get("IsClosed")]


def test_a_deal_comes_with_account_owner_contacts_history_and_activities(make_client: Any) -> None:
    c = make_client()
    (rid,) = open_ids(c, 1)
    rec = c.get_record("deal", rid)
    assert rec.crm == "salesforce" and rec.object_type == "deal" and rec.stage_kind == "open"
    assert rec.company and rec.company.name and rec.owner and rec.owner.timezone
    assert rec.contacts and sum(c.is_primary for c in rec.contacts) == 1
    assert rec.history.stage_changes and rec.activities
    assert {a.type for a in rec.activities} & {"email", "call", "meeting"}
    assert 0 < rec.extra["stage_probability"] < 1


def test_forty_deals_are_read_in_two_requests(make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    ids = list(c.iter_open_ids()) + [r["Id"] for r in sfsb.store("Opportunity", org_id=ORGS[0]) if r["IsClosed"]]
    ids = ids[:40]
    c.currency()  # the org's currency set-up (describe + CurrencyType), read once per org and cached
    before = sfsb.stats()["api_requests"]
    got = c.get_records("deal", ids)
    assert set(got) == set(ids)
    assert sfsb.stats()["api_requests"] - before == 2  # the deals with everything + the accounts' wins


def test_thirty_leads_are_read_in_one_request_with_their_owner_and_own_salutation(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    ids = list(c.iter_open_ids("lead"))
    assert len(ids) >= 30
    sfsb.ui_change("Lead", ids[0], {"Salutation": "Dr."}, org_id=ORGS[0])
    try:
        before = sfsb.stats()["api_requests"]
        got = c.get_records("lead", ids[:30])
        assert sfsb.stats()["api_requests"] - before == 1
    finally:
        sfsb.ui_change("Lead", ids[0], {"Salutation": None}, org_id=ORGS[0])
    lead = got[ids[0]]
    assert lead.object_type == "lead" and lead.stage_kind == "open" and lead.owner and lead.owner.timezone
    assert [p.id for p in lead.contacts] == [ids[0]] and lead.contacts[0].is_primary
    assert lead.extra[SALUTATIONS_KEY] == {ids[0]: "Dr."}
    # The canonical feature, as a deal's (no CRM field name).
    assert lead.extra["lead_source"] == sfsb.store("Lead", ids[0], org_id=ORGS[0])["LeadSource"]


def test_a_converted_lead_reads_as_no_longer_open_and_leaves_the_open_list(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    lead = list(c.iter_open_ids("lead"))[-1]
    # Without an Opportunity, so the module's open and closed Opportunities stay as seeded (a
    # conversion cannot be undone: the org refuses every later update of the Lead).
    sfsb.convert_lead(lead, opportunity=False, org_id=ORGS[0])
    converted = c.get_record("lead", lead)
    assert (converted.stage_kind, converted.close_date) == ("won", sfsb.store("Lead", lead, org_id=ORGS[0])[
        "ConvertedDate"])
    assert lead not in set(c.iter_open_ids("lead"))


def test_a_partial_failure_fails_only_its_own_records(make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    a, b = open_ids(c, 2)
    ws = WriteSet(fields=(FieldUpdate("deal", a, {"ai_conversion_score": 71, "ai_strategy": "social_proof"}),
                          FieldUpdate("deal", "006000000000000AAA", {"ai_conversion_score": 10}),
                          FieldUpdate("deal", b, {"StageName": "Bogus stage"})))
    res = c.apply(ws)
    assert [r.status for r in res] == ["updated", "failed", "failed"]
    assert "MALFORMED_ID" in (res[1].error or "")
    assert "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" in (res[2].error or "")
    assert not res[1].should_retry
    assert sfsb.store("Opportunity", a, org_id=ORGS[0])["AI_Conversion_Score__c"] == 71


def test_updates_go_out_in_collections_of_at_most_the_maximum(make_client: Any, sfsb: SalesforceSandboxHandle,
                                                               monkeypatch: Any) -> None:
    from integrations.salesforce import constants

    monkeypatch.setattr(constants, "COLLECTION_MAX", 40)  # the sandbox org has 90 opportunities, not 201
    c = make_client()
    ids = [r["Id"] for r in sfsb.store("Opportunity", org_id=ORGS[0])]
    ws = WriteSet(fields=tuple(FieldUpdate("deal", i, {"ai_model_version": "chunked"}) for i in ids))
    before = sfsb.stats()["by_kind"].get("composite", 0)
    res = c.apply(ws)
    assert len(res) == len(ids) == 90 and all(r.ok for r in res)
    assert sfsb.stats()["by_kind"]["composite"] - before == 3


def test_a_session_timing_out_between_the_patch_and_the_post_costs_one_refresh(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    ids = [r["Id"] for r in sfsb.store("Opportunity", org_id=ORGS[0])]
    recs = c.get_records("deal", ids[22:25])
    ws = WriteSet(fields=tuple(FieldUpdate("deal", i, {"ai_model_version": "mid"}) for i in ids),
                  notes=tuple(NoteWrite(r, "mid-batch note", f"mid-{r.id}") for r in recs.values()))
    sfsb.faults(expire_at_request=2)  # the PATCH lands, the POST finds the session timed out
    res = c.apply(ws)
    assert len(res) == len(ids) + 3 and all(r.ok for r in res)
    assert c.api.refreshes == 1
    assert all(r["AI_Model_Version__c"] == "mid" for r in sfsb.store("Opportunity", org_id=ORGS[0]))
    keys = [t.get("AI_Idempotency_Key__c") for t in sfsb.store("Task", org_id=ORGS[0])]
    assert all(keys.count(f"mid-{i}") == 1 for i in recs)


def test_two_updates_of_one_record_go_out_as_one_body_and_both_report(make_client: Any,
                                                                      sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    (rid,) = open_ids(c, 1)
    res = c.apply(WriteSet(fields=(FieldUpdate("deal", rid, {"ai_strategy": "social_proof"}),
                                   FieldUpdate("deal", rid, {"ai_summary": "two in one"}))))
    assert [(r.status, r.record_id) for r in res] == [("updated", rid), ("updated", rid)]
    rec = sfsb.store("Opportunity", rid, org_id=ORGS[0])
    assert (rec["AI_Strategy__c"], rec["AI_Summary__c"]) == ("social_proof", "two in one")


def test_a_403_limit_storm_keeps_every_write_queued_and_then_lands_them_once(make_client: Any,
                                                                            sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    ids = open_ids(c, 15)[10:]
    recs = c.get_records("deal", ids)
    ws = WriteSet(fields=tuple(FieldUpdate("deal", i, {"ai_next_best_action": "Call the CFO"}) for i in ids),
                  tasks=tuple(TaskWrite(recs[i], TaskSpec("Call the CFO", "b"), f"storm-{i}") for i in ids))
    sfsb.faults(limit_storm=4)
    attempts = 0
    while True:
        attempts += 1
        try:
            res = c.apply(ws)
        except CrmRateLimited as err:
            assert err.should_retry and err.retry_after and err.retry_after >= 10
            continue
        if all(r.ok for r in res):
            break
        assert all(r.should_retry for r in res if not r.ok)
        ws = WriteSet(fields=tuple(f for f, r in zip(ws.fields, res[:len(ws.fields)], strict=True) if not r.ok),
                      tasks=tuple(t for t, r in zip(ws.tasks, res[len(ws.fields):], strict=True) if not r.ok))
    assert attempts > 1
    for i in ids:
        assert sfsb.store("Opportunity", i, org_id=ORGS[0])["AI_Next_Best_Action__c"] == "Call the CFO"
        assert len([t for t in app_tasks(sfsb, ORGS[0], i) if t["AI_Idempotency_Key__c"] == f"storm-{i}"]) == 1


def test_an_ambiguous_create_is_looked_up_not_duplicated(make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    from collections import Counter

    c = make_client()
    counted: Counter[str] = Counter()
    c.api.stats = type("Stats", (), {"bump": lambda self, name, n=1: counted.update({name: n})})()
    ids = open_ids(c, 18)[16:]
    recs = c.get_records("deal", ids)
    sfsb.faults(ambiguous_next=1)  # the POST commits, then the answer is a 502
    ws = WriteSet(tasks=tuple(TaskWrite(recs[i], TaskSpec("Send the case study", "b"), f"amb-{i}") for i in ids),
                  notes=tuple(NoteWrite(recs[i], "Champion engaged", f"note-{i}") for i in ids))
    res = c.apply(ws)
    assert all(r.status == "created" and r.id for r in res)
    keys = [t.get("AI_Idempotency_Key__c") for t in sfsb.store("Task", org_id=ORGS[0])]
    for i in ids:
        assert keys.count(f"amb-{i}") == 1 and keys.count(f"note-{i}") == 1
    assert sfsb.stats()["ambiguous_writes"] >= 1
    assert counted["ambiguous_lookups"] == 1 and counted["transient_retries"] == 1 and counted["calls"] >= 3


def test_the_open_app_task_is_found_on_read_and_updated_in_place(make_client: Any,
                                                                  sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    (rid,) = open_ids(c, 21)[20:]
    rec = c.get_record("deal", rid)
    c.apply(WriteSet(tasks=(TaskWrite(rec, TaskSpec("First", "b1"), "k1"),)))
    rec = c.get_record("deal", rid)
    assert rec.app_task and rec.app_task.subject == "[agentic-sales] First"
    assert not any(a.subject == "[agentic-sales] First" for a in rec.activities)
    (res,) = c.apply(WriteSet(tasks=(TaskWrite(rec, TaskSpec("Second", "b2"), "k2", existing=rec.app_task),)))
    assert res.status == "updated" and res.id == rec.app_task.id
    (res,) = c.apply(WriteSet(tasks=(TaskWrite(rec, TaskSpec("Second", "b2"), "k3", existing=rec.app_task,
                                               complete=True),)))
    assert res.status == "completed"
    assert c.get_record("deal", rid).app_task is None and app_tasks(sfsb, ORGS[0], rid) == []
    assert sfsb.stats()["duplicate_tasks"] == 0  # every test here creates tasks on its own deals


def test_one_orgs_client_cannot_see_another_orgs_records(make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    a, b = make_client(ORGS[0]), make_client(ORGS[1])
    b_ids = open_ids(b, 3)
    assert a.get_records("deal", b_ids) == {}
    res = a.apply(WriteSet(fields=(FieldUpdate("deal", b_ids[0], {"ai_strategy": "social_proof"}),)))
    assert res[0].status == "failed"
    assert sfsb.store("Opportunity", b_ids[0], org_id=ORGS[1]).get("AI_Strategy__c") != "social_proof"


def test_missing_output_fields_are_named_exactly(make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client(ORGS[1])
    assert c.ensure_output_fields() == []
    sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=False)
    try:
        with pytest.raises(MissingOutputFields) as info:
            c.ensure_output_fields()
        assert "Opportunity.AI_Conversion_Score__c" in info.value.missing
        assert "Account.AI_CLV__c" in info.value.missing and len(info.value.missing) == 30
    finally:
        sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=True)


def test_history_for_training_reads_closed_deals_with_outcomes(make_client: Any) -> None:
    recs = list(make_client().iter_records(kinds=("won", "lost")))
    assert recs and {r.stage_kind for r in recs} == {"won", "lost"}


def test_each_deal_carries_its_accounts_churn_label_and_date_under_the_canonical_names(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    accounts = {a["Id"]: a for a in sfsb.store("Account", org_id=ORGS[0])}
    recs = list(make_client().iter_records(kinds=("open", "won", "lost")))
    assert recs and all(r.extra["churned"] is accounts[r.company.id]["Churned__c"] for r in recs if r.company)
    churned = [r for r in recs if r.extra["churned"]]
    assert churned and all(r.extra["churn_date"] == accounts[r.company.id]["Churned_On__c"] for r in churned)
    assert "Churned__c" not in {k for r in recs for k in r.extra}  # no CRM field name crosses the Record


def test_an_org_without_the_packages_churn_fields_still_reads_its_deals_without_the_label(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    from integrations.salesforce.client import SalesforceClient

    c = make_client(ORGS[1])
    sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=False)
    try:
        (rid,) = open_ids(c, 1)
        rec = c.get_record("deal", rid)
        assert rec.stage and "churned" not in rec.extra and "churn_date" not in rec.extra
    finally:
        sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=True)
        SalesforceClient._missing_optional.pop(ORGS[1], None)  # the org has them again


def test_a_tenant_mapping_moves_the_churn_label_to_its_own_account_field(make_client: Any) -> None:
    c = make_client(settings={"field_mappings": [("company", "churned", "Lost_Customer__c")]})
    assert c.account_labels == {"churned": "Lost_Customer__c", "churn_date": "Churned_On__c"}
    with pytest.raises(ValueError, match="not a Salesforce field API name"):
        make_client(settings={"field_mappings": [("company", "churned", "Id FROM Account --")]})


def test_closed_deals_carry_the_close_date_their_rep_expected_before_the_close(make_client: Any) -> None:
    # OpportunityHistory rows hold the close date in force at each change: a snapshot of a closed
    # deal reads the expected close, never the actual one its close wrote (scoring.features).
    from integrations.base import CLOSE_DATE_HISTORY_KEY
    from scoring.features import parse_time, record_features

    recs = list(make_client().iter_records(kinds=("won", "lost")))
    differs = 0
    for r in recs:
        changes = r.extra[CLOSE_DATE_HISTORY_KEY]
        assert changes[-1][1] == r.close_date and parse_time(changes[0][0]) == parse_time(r.created_at)
        created, closed = parse_time(r.created_at), parse_time(r.close_date)
        mid = created + (closed - created) / 2
        read = record_features(r, as_of=mid)["days_to_expected_close"]
        assert read == pytest.approx((parse_time(changes[0][1]) - mid).total_seconds() / 86400)
        differs += abs(read - (closed - mid).total_seconds() / 86400) > 1
    assert len(recs) >= 20 and differs > len(recs) // 2


def test_pipelines_come_from_opportunity_stages(make_client: Any) -> None:
    (p,) = make_client().list_pipelines()
    kinds = {s.label: s.kind for s in p.stages}
    assert kinds["Closed Won"] == "won" and kinds["Closed Lost"] == "lost" and kinds["Prospecting"] == "open"


def test_reconciliation_finds_what_changed_since_a_time(make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    from datetime import UTC, datetime, timedelta

    c = make_client()
    since = datetime.now(UTC) - timedelta(seconds=5)
    rid = open_ids(c, 25)[24]
    sfsb.ui_change("Opportunity", rid, {"Description": "reconcile me"}, org_id=ORGS[0])
    found = dict(c.search_modified_since("deal", since))
    assert rid in found and found[rid] is not None


def test_after_an_uninstall_in_salesforce_the_refused_refresh_says_reinstall(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    from integrations.errors import CrmAuthExpired

    c = make_client(ORGS[1])
    (rid,) = open_ids(c, 1)
    sfsb.control("POST", f"orgs/{ORGS[1]}/uninstall")
    try:
        with pytest.raises(CrmAuthExpired, match="invalid_grant"):
            c.get_record("deal", rid)
    finally:
        sfsb.sandbox.orgs[ORGS[1]].installed = True


def test_revoke_kills_the_refresh_token_and_never_raises(make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    from integrations.errors import CrmAuthExpired

    c = make_client(ORGS[1])
    c.revoke()
    c.revoke()  # a second revoke of a dead token still does not raise
    sfsb.expire_sessions(ORGS[1])
    with pytest.raises(CrmAuthExpired):
        list(c.iter_open_ids())


def test_a_contact_with_email_opt_out_is_named_on_the_deal_read_with_it(make_client: Any,
                                                                        sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    rid = next(i for i in open_ids(c, 30) if c.get_record("deal", i).contacts)
    contact = c.get_record("deal", rid).contacts[0]
    assert contact.id not in c.get_record("deal", rid).opted_out_contact_ids
    sfsb.ui_change("Contact", contact.id, {"HasOptedOutOfEmail": True}, org_id=ORGS[0])
    try:
        assert contact.id in c.get_record("deal", rid).opted_out_contact_ids
        assert contact.id in c.get_record("contact", contact.id).opted_out_contact_ids
    finally:
        sfsb.ui_change("Contact", contact.id, {"HasOptedOutOfEmail": False}, org_id=ORGS[0])


def test_a_contacts_salutation_in_the_org_reaches_the_record_for_the_form_of_address_check(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    rid = next(i for i in open_ids(c, 30) if c.get_record("deal", i).contacts)
    contact = c.get_record("deal", rid).contacts[0]
    assert SALUTATIONS_KEY not in c.get_record("deal", rid).extra
    sfsb.ui_change("Contact", contact.id, {"Salutation": "Ms."}, org_id=ORGS[0])
    try:
        assert c.get_record("deal", rid).extra[SALUTATIONS_KEY] == {contact.id: "Ms."}
    finally:
        sfsb.ui_change("Contact", contact.id, {"Salutation": None}, org_id=ORGS[0])


def test_a_tenant_opt_out_field_the_org_lacks_fails_the_read_naming_it(make_client: Any) -> None:
    from integrations.errors import CrmRejected

    c = make_client(settings={"field_mappings": [("contact", "opted_out", "Do_Not_Email__c")]})
    (rid,) = open_ids(c, 1)
    # Silently dropping an opt-out field would email people who asked not to be: the read fails.
    with pytest.raises(CrmRejected, match="Do_Not_Email__c"):
        c.get_record("deal", rid)


def test_an_output_the_tenant_mapped_to_its_own_field_is_written_there(make_client: Any,
                                                                      sfsb: SalesforceSandboxHandle) -> None:
    c = make_client(settings={"output_mappings": [("deal", "ai_next_best_action", "NextStep")]})
    (rid,) = open_ids(c, 1)
    res = c.apply(WriteSet(fields=(FieldUpdate("deal", rid, {"ai_next_best_action": "Call Ana on Tuesday",
                                                             "ai_strategy": "social_proof"}),)))
    assert [r.status for r in res] == ["updated"]
    row = sfsb.store("Opportunity", rid, org_id=ORGS[0])
    assert row["NextStep"] == "Call Ana on Tuesday"
    assert not row.get("AI_Next_Best_Action__c") and row["AI_Strategy__c"] == "social_proof"


def test_a_deal_feature_revenue_ops_mapped_is_read_with_the_deal(make_client: Any,
                                                                  sfsb: SalesforceSandboxHandle) -> None:
    plain = make_client()
    (rid,) = open_ids(plain, 1)
    sfsb.ui_change("Opportunity", rid, {"NextStep": "Security review booked", "Amount": 41000}, org_id=ORGS[0])
    assert "next_step" not in plain.get_record("deal", rid).extra

    mapped = make_client(settings={"field_mappings": [("deal", "next_step", "NextStep"),
                                                      ("deal", "amount", "Amount")]})
    rec = mapped.get_record("deal", rid)
    assert rec.extra["next_step"] == "Security review booked"
    assert rec.amount == 41000
    # Training reads the same mapping: the feature reaches the history too.
    history = {r.id: r for r in mapped.iter_records("deal", kinds=("open",))}
    assert history[rid].extra["next_step"] == "Security review booked"


def test_a_mapped_field_moves_a_canonical_feature_to_another_field(make_client: Any,
                                                                   sfsb: SalesforceSandboxHandle) -> None:
    c = make_client(settings={"field_mappings": [("deal", "discount", "Probability")]})
    (rid,) = open_ids(c, 1)
    sfsb.ui_change("Opportunity", rid, {"Probability": 35, "Discount_Percent__c": 5}, org_id=ORGS[0])
    # A percent field is held as a fraction, and the tenant's field wins over the packaged one.
    assert c.get_record("deal", rid).extra["discount"] == pytest.approx(0.35)


def test_a_mapped_field_the_org_deleted_drops_that_feature_and_nothing_else(make_client: Any) -> None:
    c = make_client(settings={"field_mappings": [("deal", "champion", "Champion_Engaged__c")]})
    (rid,) = open_ids(c, 1)
    rec = c.get_record("deal", rid)
    assert rec.id == rid and rec.stage and "champion" not in rec.extra


def test_a_mapping_that_is_not_a_field_name_never_reaches_a_query(make_client: Any) -> None:
    with pytest.raises(ValueError, match="not a Salesforce field API name"):
        make_client(settings={"field_mappings": [("deal", "x", "Id FROM Opportunity WHERE Name != null --")]})


def test_the_lead_history_reads_converted_leads_as_won_and_closed_unconverted_ones_as_lost_in_few_requests(
        make_client: Any, sfsb: SalesforceSandboxHandle) -> None:
    c = make_client()
    store = {r["Id"]: r for r in sfsb.store("Lead", org_id=ORGS[0])}
    c.closed_lead_statuses()  # the org's LeadStatus values, read once per org and cached
    before = sfsb.stats()["api_requests"]
    history = list(c.iter_records("lead", kinds=("won", "lost")))
    assert sfsb.stats()["api_requests"] - before <= 1 + -(-len(history) // 200)  # ids, then 200 leads a query
    kinds = {r.id: r.stage_kind for r in history}
    assert set(kinds.values()) == {"won", "lost"}
    for rid, kind in kinds.items():
        row = store[rid]
        assert kind == ("won" if row["IsConverted"] else "lost")
        assert kind == "won" or row["Status"] == "Closed - Not Converted"
    won = next(r for r in history if r.stage_kind == "won")
    assert str(won.close_date).startswith(store[won.id]["ConvertedDate"])  # dated by the conversion
    # The outcome is the record's stage_kind, never a feature-bearing extra key.
    assert not {k for r in history for k in r.extra if "convert" in k.lower() or k.lower() == "status"}
    open_ids = set(c.iter_open_ids("lead"))
    assert open_ids and not open_ids & set(kinds)
