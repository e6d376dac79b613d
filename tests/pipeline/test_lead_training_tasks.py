"""Which tasks a tenant's training job runs: the lead score only where the CRM's leads are enriched."""

from __future__ import annotations

from app.pipeline.training import LEAD_TASK, TRAIN_TASKS, default_tasks, train_tenant
from integrations.base import Record
from tests.conftest import install_tenant


def salesforce_tenant(app, org: str) -> str:
    from app.storage import get_db
    from app.storage.models import Tenant

    tid = f"salesforce-{org}"
    with get_db(app).session() as s:
        s.add(Tenant(id=tid, crm="salesforce", external_id=org, name=f"Org {org}"))
    return tid


def test_a_hubspot_tenant_trains_the_deal_tasks_only_and_its_results_name_no_lead_score(app_factory):
    app = app_factory()
    tenant = install_tenant(app, "1001")
    assert default_tasks(app, tenant) == TRAIN_TASKS
    deals = [Record(crm="hubspot", tenant_id=tenant, object_type="deal", id=str(i), stage_kind="won")
             for i in range(3)]
    results = train_tenant(app, tenant, records=deals, fast=True)
    assert set(results) == set(TRAIN_TASKS)
    assert results["conversion"]["not_enough_history"]["unit"] == "closed deals"


def test_a_salesforce_tenant_also_trains_the_lead_score_and_says_when_it_lacks_closed_leads(app_factory):
    app = app_factory()
    tenant = salesforce_tenant(app, "00D000000000001EAA")
    assert default_tasks(app, tenant) == (*TRAIN_TASKS, LEAD_TASK)
    leads = [Record(crm="salesforce", tenant_id=tenant, object_type="lead", id=f"00Q{i}", stage_kind=kind,
                    created_at="2026-09-01T00:00:00+00:00", close_date="2026-10-01T00:00:00+00:00")
             for i, kind in enumerate(["won"] * 5 + ["lost"] * 7)]
    results = train_tenant(app, tenant, records=leads, fast=True)
    assert results[LEAD_TASK] == {"not_enough_history": {
        "have": 12, "need": 50, "unit": "closed leads (converted or closed unconverted)"}}
    # The leads are not deals: the deal tasks count none of them.
    assert results["conversion"]["not_enough_history"]["have"] == 0
