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
from tests.salesforce.test_install import install, install_without_package


def test_install_puts_the_orgs_secret_into_the_package_and_the_page_does_not_show_it(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    sfsb.control("POST", f"orgs/{ORGS[0]}/endpoints", callout_secret=None)
    body = install(app, sfsb, ORGS[0]).get_json()
    assert body["status"] == "installed" and body["secret_in_org"] is True and body["secret_error"] is None
    expected = installation_secret(webhook_key(app.config), ORGS[0])
    assert sfsb.sandbox.orgs[ORGS[0]].callout_secret == expected

    page = install(app, sfsb, ORGS[0], accept="text/html").get_data(as_text=True)  # again, as the browser sees it
    assert "set in your org by the app" in page
    assert f"<code>{expected}</code>" not in page, "the secret is shown on its own, though the org already has it"


def test_an_org_without_the_package_gets_the_manual_step_with_the_reason(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    body = install_without_package(app, sfsb, ORGS[1])
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
