"""The sandbox's leads live on as Salesforce's do: a conversion links or creates the Account,
creates the Contact and (unless asked not to) the Opportunity, moves the lead's activities to
them, fills Converted*Id and makes the Lead read-only (CANNOT_UPDATE_CONVERTED_LEAD, what the
real SDK raises as SalesforceMalformedRequest); `advance` decides open leads by their hidden
fate, deterministically by seed; seed-time conversions point at the market's own records."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import requests
from simple_salesforce import Salesforce
from simple_salesforce import exceptions as sfx

from integrations.sandbox.market import Market, MarketConfig
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from integrations.sandbox.salesforce_api.org import Org
from integrations.sandbox.salesforce_api.seed import (
    CONVERTED_STATUS,
    UNCONVERTED_STATUS,
    Bridge,
    LeadConversionError,
)
from tests.salesforce.conftest import ORGS


def sdk(sb: SalesforceSandboxHandle) -> Salesforce:
    """The real simple-salesforce SDK against the sandbox (its own CA)."""
    session = requests.Session()
    session.trust_env = False
    session.verify = str(sb.ca_file)
    tok = sb.token(ORGS[0])
    return Salesforce(instance_url=tok["instance_url"], session_id=tok["access_token"], session=session,
                      version="66.0")


def open_lead_ids(sb: SalesforceSandboxHandle) -> list[str]:
    return sorted(r["Id"] for r in sb.store("Lead", org_id=ORGS[0])
                  if not r.get("IsConverted") and r.get("Status") != UNCONVERTED_STATUS)


def test_converting_a_lead_creates_its_account_contact_and_opportunity_and_moves_its_activities(
        sfsb: SalesforceSandboxHandle) -> None:
    sf = sdk(sfsb)
    lead_id = open_lead_ids(sfsb)[0]
    lead = sf.Lead.get(lead_id)
    task = sf.Task.create({"Subject": "Call back", "Status": "Not Started", "WhoId": lead_id})["id"]

    ids = sfsb.convert_lead(lead_id, org_id=ORGS[0])

    after = sf.Lead.get(lead_id)
    assert after["IsConverted"] is True and after["Status"] == CONVERTED_STATUS and after["ConvertedDate"]
    assert [after[k] for k in ("ConvertedAccountId", "ConvertedContactId", "ConvertedOpportunityId")] == [
        ids["ConvertedAccountId"], ids["ConvertedContactId"], ids["ConvertedOpportunityId"]]
    account = sf.Account.get(ids["ConvertedAccountId"])
    contact = sf.Contact.get(ids["ConvertedContactId"])
    opp = sf.Opportunity.get(ids["ConvertedOpportunityId"])
    assert account["Name"] == lead["Company"]
    assert (contact["Email"], contact["AccountId"]) == (lead["Email"], account["Id"])
    assert (opp["AccountId"], opp["IsClosed"], opp["LeadSource"]) == (account["Id"], False, lead["LeadSource"])
    roles = sf.query(f"SELECT ContactId, IsPrimary FROM OpportunityContactRole WHERE OpportunityId = '{opp['Id']}'")
    assert [(r["ContactId"], r["IsPrimary"]) for r in roles["records"]] == [(contact["Id"], True)]
    moved = sf.Task.get(task)
    assert (moved["WhoId"], moved["WhatId"]) == (contact["Id"], opp["Id"])
    assert sf.query(f"SELECT Id FROM Task WHERE WhoId = '{lead_id}'")["totalSize"] == 0


def test_a_converted_lead_refuses_every_update_but_its_moved_task_can_still_be_completed(
        sfsb: SalesforceSandboxHandle) -> None:
    sf = sdk(sfsb)
    lead_id = open_lead_ids(sfsb)[1]
    task = sf.Task.create({"Subject": "Follow up", "Status": "Not Started", "WhoId": lead_id})["id"]
    sfsb.convert_lead(lead_id, org_id=ORGS[0])

    with pytest.raises(sfx.SalesforceMalformedRequest) as refused:
        sf.Lead.update(lead_id, {"Title": "CEO"})
    assert refused.value.content[0]["errorCode"] == "CANNOT_UPDATE_CONVERTED_LEAD"
    batch = sf.restful("composite/sobjects", method="PATCH", json={"allOrNone": False, "records": [
        {"attributes": {"type": "Lead"}, "id": lead_id, "Title": "CEO"},
        {"attributes": {"type": "Task"}, "id": task, "Status": "Completed"}]})
    assert [r["success"] for r in batch] == [False, True]
    assert batch[0]["errors"][0]["statusCode"] == "CANNOT_UPDATE_CONVERTED_LEAD"
    assert sf.Task.get(task)["Status"] == "Completed" and sf.Lead.get(lead_id).get("Title") != "CEO"
    with pytest.raises(requests.HTTPError):  # a converted lead is not converted twice, nor closed
        sfsb.convert_lead(lead_id, org_id=ORGS[0])
    with pytest.raises(requests.HTTPError):
        sfsb.close_lead(lead_id, org_id=ORGS[0])


def test_a_conversion_without_an_opportunity_links_the_existing_account_and_parents_activities_on_it(
        sfsb: SalesforceSandboxHandle) -> None:
    sf = sdk(sfsb)
    lead_id = open_lead_ids(sfsb)[2]
    company = sf.Lead.get(lead_id)["Company"]
    existing = sf.Account.create({"Name": company})["id"]
    event = sf.Event.create({"Subject": "Demo", "WhoId": lead_id, "StartDateTime": "2026-12-10T10:00:00.000+0000",
                             "EndDateTime": "2026-12-10T10:30:00.000+0000"})["id"]
    accounts = sf.query("SELECT Id FROM Account")["totalSize"]

    ids = sfsb.convert_lead(lead_id, opportunity=False, org_id=ORGS[0])

    assert ids["ConvertedAccountId"] == existing and ids["ConvertedOpportunityId"] is None
    assert sf.query("SELECT Id FROM Account")["totalSize"] == accounts
    moved = sf.Event.get(event)
    assert (moved["WhoId"], moved["WhatId"]) == (ids["ConvertedContactId"], existing)


def test_closing_a_lead_unconverted_sets_a_closing_status_and_nothing_else(sfsb: SalesforceSandboxHandle) -> None:
    sf = sdk(sfsb)
    lead_id = open_lead_ids(sfsb)[3]
    sfsb.close_lead(lead_id, org_id=ORGS[0])
    row = sf.Lead.get(lead_id)
    assert (row["Status"], row["IsConverted"], row["ConvertedContactId"]) == (UNCONVERTED_STATUS, False, None)
    other = open_lead_ids(sfsb)[3]
    for bad in ("Closed - Converted", "Gone fishing"):  # a converting status, or none the org has
        with pytest.raises(requests.HTTPError):
            sfsb.close_lead(other, status=bad, org_id=ORGS[0])
    assert sf.Lead.get(other)["Status"] != UNCONVERTED_STATUS


def bridge(seed: int = 3, n_leads: int = 120) -> Bridge:
    market = Market(MarketConfig(seed=seed, n_companies=15, n_open_deals=20, n_closed_deals=40))
    org = Org(org_id="00D000000000001EAA", name="t")
    b = Bridge(org, market, n_leads=n_leads)
    b.seed()
    return b


def decided(b: Bridge) -> dict[str, tuple[Any, ...]]:
    return {lid: (r["IsConverted"], r["Status"], r.get("ConvertedDate"))
            for lid, r in b.org.records["Lead"].items()}


def test_advance_decides_open_leads_on_their_decision_day_by_their_hidden_fate_the_same_for_the_same_seed() -> None:
    a, b = bridge(), bridge()
    open_before = {lid for lid, r in a.org.records["Lead"].items()
                   if not r["IsConverted"] and r["Status"] != UNCONVERTED_STATUS}
    due = {lid for lid in open_before if a.leads[lid].decided_at <= a.market.now + timedelta(days=30)}
    assert due, "some open lead is decided within a month"

    counts = a.advance(30)
    assert counts == b.advance(30) and decided(a) == decided(b)

    assert counts.get("lead_converted", 0) + counts.get("lead_closed", 0) == len(due)
    for lid in due:
        rec = a.org.records["Lead"][lid]
        if a.leads[lid].fate:
            assert rec["IsConverted"] and rec["ConvertedContactId"] and rec["ConvertedOpportunityId"]
        else:
            assert rec["Status"] == UNCONVERTED_STATUS and not rec["IsConverted"]
    assert all(not a.org.records["Lead"][lid]["IsConverted"] for lid in open_before - due)


def test_a_conversion_emits_one_lead_change_after_its_linked_records_exist() -> None:
    b = bridge()
    lead_id = next(lid for lid, r in b.org.records["Lead"].items() if not r["IsConverted"]
                   and r["Status"] != UNCONVERTED_STATUS)
    seen: list[tuple[str, str, bool]] = []
    b.org.listeners.append(lambda c: seen.append((c.sobject, c.kind, bool(b.org.records["Lead"][lead_id].get(
        "ConvertedContactId")))))
    b.convert_lead(lead_id)
    leads = [s for s in seen if s[0] == "Lead"]
    assert leads == [("Lead", "updated", True)] and seen[-1][0] == "Lead"
    assert {("Account", "created"), ("Contact", "created"), ("Opportunity", "created")} <= {s[:2] for s in seen}
    with pytest.raises(LeadConversionError):
        b.convert_lead(lead_id)


def test_seed_time_converted_leads_point_at_the_markets_own_account_contact_and_opportunity() -> None:
    b = bridge()
    converted = [r for r in b.org.records["Lead"].values() if r["IsConverted"]]
    assert converted
    for r in converted:
        opp = b.org.records["Opportunity"][r["ConvertedOpportunityId"]]
        contact = b.org.records["Contact"][r["ConvertedContactId"]]
        assert opp["AccountId"] == r["ConvertedAccountId"] == contact["AccountId"]
    # linked, not created: the seeded counts other figures are measured on are unchanged
    assert len(b.org.records["Opportunity"]) == len(b.market.deals)
    assert len(b.org.records["Contact"]) == len(b.market.contacts)
