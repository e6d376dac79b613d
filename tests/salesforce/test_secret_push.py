"""The org's signing secret goes from the app straight into the package's protected custom setting
(AgenticSalesSecretResource, Apex REST) at install: no admin copies it, nothing in the org reads it
back. The HTTPS sandbox plays the package's resource: it signs its callouts with what it received."""

from __future__ import annotations

from typing import Any

import pytest

from integrations.errors import CrmError
from integrations.salesforce.connector import CONNECTOR, webhook_key
from integrations.salesforce.webhook_secret import installation_secret
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.salesforce.conftest import ORGS, sf_config
from tests.salesforce.test_install import install


def test_install_puts_the_orgs_secret_into_the_package_and_the_page_does_not_show_it(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    sfsb.control("POST", f"orgs/{ORGS[0]}/endpoints", callout_secret=None)
    body = install(app, sfsb, ORGS[0]).get_json()
    assert body["status"] == "installed" and body["secret_in_org"] is True and body["secret_error"] is None
    expected = installation_secret(webhook_key(app.config), ORGS[0])
    assert sfsb.sandbox.orgs[ORGS[0]].callout_secret == expected

    page = _install_html(app, sfsb, ORGS[0])  # the same install again, as the admin's browser sees it
    assert "set in your org by the app" in page
    assert f"<code>{expected}</code>" not in page, "the secret is shown on its own, though the org already has it"


def _install_html(app: Any, sb: SalesforceSandboxHandle, org_id: str) -> str:
    from urllib.parse import urlsplit

    import requests

    client = app.test_client()
    consent = client.get("/oauth/salesforce/install").headers["Location"]
    s = requests.Session()
    s.trust_env = False
    back = s.get(consent + f"&org_id={org_id}", verify=str(sb.ca_file), allow_redirects=False, timeout=30)
    parts = urlsplit(back.headers["Location"])
    return client.get(f"{parts.path}?{parts.query}", headers={"Accept": "text/html"}).get_data(as_text=True)


def test_an_org_without_the_package_gets_the_manual_step_with_the_reason(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=False)
    try:
        body = install(app, sfsb, ORGS[1]).get_json()
    finally:
        sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=True)
    assert body["status"] == "installed" and body["secret_in_org"] is False
    assert "agentic-sales/v1/secret" in body["secret_error"]


@pytest.mark.parametrize("secret", ["short", "G" * 40, ""])
def test_the_package_resource_refuses_a_malformed_secret(make_client: Any, sfsb: SalesforceSandboxHandle,
                                                         secret: str) -> None:
    before = sfsb.sandbox.orgs[ORGS[0]].callout_secret
    with pytest.raises(CrmError) as err:
        make_client(ORGS[0]).set_webhook_secret(secret)
    assert err.value.status == 400
    assert sfsb.sandbox.orgs[ORGS[0]].callout_secret == before


def test_the_connector_pushes_the_secret_under_the_package_namespace(make_client: Any,
                                                                     sfsb: SalesforceSandboxHandle) -> None:
    config = {**sf_config(sfsb), "SALESFORCE_PACKAGE_NAMESPACE": "agsales"}
    CONNECTOR.push_webhook_secret(make_client(ORGS[0]), ORGS[0], config=config)
    assert sfsb.sandbox.orgs[ORGS[0]].callout_secret == installation_secret(webhook_key(config), ORGS[0])
