"""Install into a Salesforce org through /oauth/salesforce/install against the HTTPS sandbox."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import requests

from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.conftest import TEST_PUBLIC_URL
from tests.salesforce.conftest import ORGS, sf_config


def install(app: Any, sb: SalesforceSandboxHandle, org_id: str, *, accept: str = "application/json") -> Any:
    """Install through the real OAuth flow (the sandbox's consent for `org_id`); the callback's response, as JSON
    or as the admin's browser sees it (`accept="text/html"`)."""
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
    return client.get(f"{parts.path}?{parts.query}", headers={"Accept": accept})


def install_without_package(app: Any, sb: SalesforceSandboxHandle, org_id: str) -> dict[str, Any]:
    """Install into an org where the package is not deployed (restored afterwards); the callback's JSON."""
    sb.control("POST", f"orgs/{org_id}/package", deployed=False)
    try:
        return dict(install(app, sb, org_id).get_json())
    finally:
        sb.control("POST", f"orgs/{org_id}/package", deployed=True)


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
        # The org's name from its Organization row, not the instance host ("127.0.0.1" in wave 22).
        org_name = next(iter(sfsb.store("Organization", org_id=ORGS[0])))["Name"]
        assert s.get(Tenant, body["tenant"]).name == org_name != urlsplit(sfsb.url).hostname
    rec = client_for(body["tenant"], app, fresh=True).get_record(
        "deal", next(o["Id"] for o in sfsb.store("Opportunity", org_id=ORGS[0]) if not o["IsClosed"]))
    assert rec.tenant_id == body["tenant"] and rec.crm == "salesforce"


def test_install_into_an_org_without_the_package_names_every_field_to_deploy(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    body = install_without_package(app, sfsb, ORGS[1])
    assert body["status"] == "installed"
    assert "Opportunity.AI_Conversion_Score__c" in body["fields_error"]
    assert "Account.AI_Churn_Risk__c" in body["fields_error"] and "manifests/salesforce" in body["fields_error"]


def test_the_console_names_the_org_and_the_installing_user_as_salesforce_does_not_by_host_and_id(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    from sqlalchemy import select

    from app.admin import people
    from app.storage import get_db
    from app.storage.models import Installation
    from tests.admin.conftest import crm_session

    people.forget()
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    body = install(app, sfsb, ORGS[0]).get_json()
    with get_db(app).session() as s:
        installer = s.execute(select(Installation.installed_by)).scalar_one()
    user = next(u for u in sfsb.store("User", org_id=ORGS[0]) if u["Id"] == installer)
    org_name = next(iter(sfsb.store("Organization", org_id=ORGS[0])))["Name"]
    client = crm_session(app.test_client(), body["tenant"], installer)
    health = client.get(f"/admin/t/{body['tenant']}/").get_data(as_text=True)
    assert user["Name"] and f'<span class="who"><span title="{installer}">{user["Name"]}</span>' in health
    assert f"by {user['Name']} <span class=\"muted\">({installer})</span>" in health
    assert org_name in health.split("<header", 1)[1].split("</header>")[0]
    access = client.get(f"/admin/t/{body['tenant']}/access").get_data(as_text=True)
    assert f"<strong>{user['Name']} <span class=\"muted\">({installer})</span></strong>" in access


def test_the_demo_s_install_line_says_the_fields_come_with_the_package_and_names_the_org(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    from app.demo import install_sentence

    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    body = install(app, sfsb, ORGS[0]).get_json()
    org_name = next(iter(sfsb.store("Organization", org_id=ORGS[0])))["Name"]
    line = install_sentence(app, "salesforce", body)
    assert line.startswith(f"Installed the app in org {org_name} ({ORGS[0]}) through OAuth; ")
    import re

    assert "output fields come with the SFDX package and are all there" in line
    assert not re.search(r"\b0 output fields", line)
