"""A Salesforce Lead or Contact is a person: its DELETE (the package's change-event callout) erases it, where
a deleted Lead used to be skipped and its enrichments (drafts addressed to it) kept forever."""

from __future__ import annotations

import json
from dataclasses import replace

from app.dispatch import get_dispatcher
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import sample_record
from tests.privacy.helpers import DANA, enrichments, rows_mentioning
from tests.salesforce.helpers import ORG, callout_body, callout_headers, install_org

LEAD = "00Q5g00000LdAbCEAZ"


def lead_event(change: str, n: int) -> dict:
    return {"eventId": f"0001e8c0-4b1f-4a7e-9d7c-5b0e2f1a9c0{n}:1:{LEAD}", "sobjectType": "Lead",
            "recordId": LEAD, "changeType": change, "changedFields": ["Status"] if change == "UPDATE" else [],
            "changeOrigin": "com/salesforce/api/soap/66.0;client=SfdcInternalAPI/",
            "commitTimestamp": 1764597802000 + n}


def post_callout(app, event: dict) -> None:
    body = callout_body(ORG, [event])
    resp = app.test_client().post("/webhooks/salesforce/callout", data=body, headers=callout_headers(body))
    assert resp.status_code == 200, resp.get_data(as_text=True)
    get_dispatcher(app).backend.run_due()


def test_a_deleted_salesforce_lead_leaves_no_enrichment_or_row_naming_the_person(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_org(app)
    deal = sample_record(tid)
    lead = replace(deal, crm="salesforce", object_type="lead", id=LEAD, name=DANA[1],
                   contacts=[replace(deal.contacts[0], id=LEAD)])  # Dana, the fixture's primary contact
    crm = FakeCrm([lead])
    crm.crm = "salesforce"
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    post_callout(app, lead_event("UPDATE", 1))
    assert [e.record_id for e in enrichments(app)] == [LEAD]
    assert rows_mentioning(app, DANA), "the lead's draft names her: the test would prove nothing otherwise"

    post_callout(app, lead_event("DELETE", 2))

    assert enrichments(app) == []
    assert rows_mentioning(app, DANA) == [], json.dumps(rows_mentioning(app, DANA))


def test_a_deleted_salesforce_contact_leaves_no_row_naming_her_and_her_opportunity_is_rewritten(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_org(app)
    opp, contact = "0065g00000AbCdEAAV", "0035g00000DaNaEAAZ"
    deal = sample_record(tid)
    dana = replace(deal.contacts[0], id=contact)
    crm = FakeCrm([replace(deal, crm="salesforce", id=opp, contacts=[dana, *deal.contacts[1:]])])
    crm.crm = "salesforce"
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    post_callout(app, {**lead_event("UPDATE", 3), "sobjectType": "Opportunity", "recordId": opp,
                       "eventId": f"0001e8c0-4b1f-4a7e-9d7c-5b0e2f1a9c03:1:{opp}"})
    assert rows_mentioning(app, DANA)
    crm.records[opp] = replace(crm.records[opp], contacts=list(deal.contacts[1:]))  # Salesforce deleted her

    post_callout(app, {**lead_event("DELETE", 4), "sobjectType": "Contact", "recordId": contact,
                       "eventId": f"0001e8c0-4b1f-4a7e-9d7c-5b0e2f1a9c04:1:{contact}"})
    get_dispatcher(app).backend.run_due()  # the opportunity, re-scheduled by the erasure

    assert rows_mentioning(app, DANA) == []
    assert "Dana" not in json.dumps(crm.fields[opp])
