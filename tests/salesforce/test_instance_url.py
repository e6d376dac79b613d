"""The token answer's `instance_url` decides where every API call (with the org's access token)
and the refresh token's revocation go: a host that is not Salesforce's, or the configured login
host, never receives a token. As an adversary: the HTTPS sandbox's token endpoint names a listener
of ours on another loopback port, and the listener counts what it receives."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from integrations.base import TokenSet
from integrations.errors import CrmRejected
from integrations.salesforce.instance_url import DEFAULT_INSTANCE_DOMAINS, check_instance_url
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.salesforce.conftest import ORGS, sf_config
from tests.salesforce.test_install import install

LOGIN = "https://login.salesforce.com"


class _Listener(BaseHTTPRequestHandler):
    hits: list[str] = []

    def _any(self) -> None:
        type(self).hits.append(f"{self.command} {self.path} {self.headers.get('Authorization', '')}")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = do_PATCH = _any

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def attacker() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []
    handler = type("Handler", (_Listener,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("url", [
    "https://acme.my.salesforce.com", "https://na139.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com",
    "https://acme.lightning.force.com", "https://ACME.My.Salesforce.com/",
])
def test_salesforce_hosts_are_accepted(url: str) -> None:
    assert check_instance_url(url, login_url=LOGIN) == url.rstrip("/").lower()


@pytest.mark.parametrize("url, why", [
    ("https://evil.example", "not a Salesforce domain"),
    ("https://salesforce.com.evil.example", "not a Salesforce domain"),
    ("https://evilsalesforce.com", "not a Salesforce domain"),
    ("http://acme.my.salesforce.com", "https"),
    ("https://acme.my.salesforce.com:8443", "port"),
    ("https://user:pw@acme.my.salesforce.com", "user"),
    ("https://acme.my.salesforce.com/services/data", "path"),
    ("https://acme.my.salesforce.com?x=1", "path"),
    ("https://acme.my.salesforce.com\\@evil.example", "not a Salesforce domain"),
    ("", "no instance_url"),
])
def test_anything_else_is_refused_with_a_reason(url: str, why: str) -> None:
    with pytest.raises(CrmRejected) as err:
        check_instance_url(url, login_url=LOGIN)
    assert why in err.value.message
    assert "SALESFORCE_INSTANCE_DOMAINS" in err.value.message or why == "no instance_url"


def test_a_government_or_china_cloud_is_allowed_by_adding_its_domain() -> None:
    url = "https://agency.my.salesforce-gov.example"
    with pytest.raises(CrmRejected):
        check_instance_url(url, login_url=LOGIN)
    assert check_instance_url(url, login_url=LOGIN, domains=(*DEFAULT_INSTANCE_DOMAINS, "salesforce-gov.example"))


def test_the_configured_login_host_itself_is_trusted_only_on_its_own_port() -> None:
    assert check_instance_url("https://127.0.0.1:8443", login_url="https://127.0.0.1:8443")
    with pytest.raises(CrmRejected):
        check_instance_url("https://127.0.0.1:9999", login_url="https://127.0.0.1:8443")


def test_an_install_whose_token_answer_names_another_host_sends_it_no_token_and_stores_nothing(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None, attacker: tuple[str, list[str]]) -> None:
    url, hits = attacker
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    sfsb.faults(token_instance_url=url)
    try:
        resp = install(app, sfsb, ORGS[0])
    finally:
        sfsb.faults(token_instance_url="")
    body = resp.get_json()
    assert resp.status_code == 400 and body["error"] == "exchange_failed", body
    assert "127.0.0.1" in body["message"] and "SALESFORCE_INSTANCE_DOMAINS" in body["message"]
    assert hits == [], "the token went to the host the token answer named"

    from app.storage import get_db
    from app.storage.models import Installation

    with get_db(app).session() as s:
        assert s.query(Installation).count() == 0


def test_a_refresh_answer_naming_another_host_is_refused_before_any_api_call(
        make_client: Any, sfsb: SalesforceSandboxHandle, attacker: tuple[str, list[str]]) -> None:
    url, hits = attacker
    client = make_client(ORGS[0])
    sfsb.control("POST", "sessions/expire", orgId=ORGS[0])
    sfsb.faults(token_instance_url=url)
    try:
        with pytest.raises(CrmRejected) as err:
            client.get_record("deal", next(o["Id"] for o in sfsb.store("Opportunity", org_id=ORGS[0])))
    finally:
        sfsb.faults(token_instance_url="")
    assert "no token was sent there" in err.value.message
    assert hits == []


def test_a_stored_installation_with_a_foreign_host_gets_no_client(sfsb: SalesforceSandboxHandle) -> None:
    from integrations.base import Installation
    from integrations.salesforce.connector import CONNECTOR

    tokens = TokenSet(access_token="00D!x", refresh_token="5Aep", expires_at=None, account_id=ORGS[0],
                      instance_url="https://evil.example")
    inst = Installation(tenant_id=CONNECTOR.tenant_id_for(ORGS[0]), crm="salesforce", account_id=ORGS[0],
                        tokens=tokens, settings={})
    with pytest.raises(CrmRejected):
        CONNECTOR.client(inst, config=sf_config(sfsb))


def test_revoke_never_posts_the_refresh_token_to_a_foreign_host(
        sfsb: SalesforceSandboxHandle, attacker: tuple[str, list[str]]) -> None:
    from integrations.salesforce.connector import CONNECTOR

    url, hits = attacker
    oauth = CONNECTOR.oauth(sf_config(sfsb))
    oauth.revoke(TokenSet(access_token="a", refresh_token="5Aep-secret", expires_at=None, instance_url=url))
    assert hits == []
