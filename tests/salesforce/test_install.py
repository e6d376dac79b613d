"""Install into a Salesforce org through /oauth/salesforce/install against the HTTPS sandbox."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import requests

from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.conftest import TEST_PUBLIC_URL
from tests.salesforce.conftest import ORGS, sf_config


def install(app: Any, sb: SalesforceSandboxHandle, org_id: str) -> Any:
    client = app.test_client()
    start = client.get("/oauth/salesforce/install")
    assert start.status_code == 302
    consent = start.headers["Location"]
    assert consent.startswith(f"{sb.url}/services/oauth2/authorize?")
    s = requests.Session()
    s.trust_env = False
    back = s.get(consent + f"&org_id={org_id}", verify=str(sb.ca_file), allow_redirects=False, timeout=30)
    assert back.status_code == 302 and back.headers["Location"].startswith(TEST_PUBLIC_URL)
    parts = urlsplit(back.headers["Location"])
    return client.get(f"{parts.path}?{parts.query}", headers={"Accept": "application/json"})


def test_install_stores_the_org_as_a_tenant_and_verifies_the_output_fields(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    resp = install(app, sfsb, ORGS[0])
    body = resp.get_json()
    assert resp.status_code == 200, body
    assert body["tenant"] == f"salesforce-{ORGS[0]}" and body["account_id"] == ORGS[0]
    assert body["fields_created"] == [] and body["fields_error"] is None

    from app.storage import get_db
    from app.storage.models import Installation, Tenant
    from app.tenants import client_for

    with get_db(app).session() as s:
        inst = s.query(Installation).filter_by(tenant_id=body["tenant"]).one()
        assert inst.api_base == sfsb.url and inst.access_token_enc and "!" not in inst.access_token_enc
        assert s.get(Tenant, body["tenant"]).name == urlsplit(sfsb.url).hostname  # the org's host, for people
    rec = client_for(body["tenant"], app, fresh=True).get_record(
        "deal", next(o["Id"] for o in sfsb.store("Opportunity", org_id=ORGS[0]) if not o["IsClosed"]))
    assert rec.tenant_id == body["tenant"] and rec.crm == "salesforce"


def test_install_into_an_org_without_the_package_names_every_field_to_deploy(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=False)
    try:
        body = install(app, sfsb, ORGS[1]).get_json()
    finally:
        sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=True)
    assert body["status"] == "installed"
    assert "Opportunity.AI_Conversion_Score__c" in body["fields_error"]
    assert "Account.AI_Churn_Risk__c" in body["fields_error"] and "manifests/salesforce" in body["fields_error"]
