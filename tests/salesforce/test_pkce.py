"""PKCE on the Salesforce install and sign-in (the External Client App requires it; the HTTPS
sandbox enforces it as Salesforce does): an authorization code is worth nothing without the
verifier, which stays in the server and the browser's session cookie."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from app.oauth.pkce import challenge
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.conftest import TEST_PUBLIC_URL
from tests.salesforce.conftest import ORGS, sf_config


def consent(sb: SalesforceSandboxHandle, url: str, org_id: str = ORGS[0]) -> str:
    s = requests.Session()
    s.trust_env = False
    back = s.get(url + f"&org_id={org_id}", verify=str(sb.ca_file), allow_redirects=False, timeout=30)
    assert back.status_code == 302 and back.headers["Location"].startswith(TEST_PUBLIC_URL)
    parts = urlsplit(back.headers["Location"])
    return f"{parts.path}?{parts.query}"


def test_the_install_and_the_sign_in_send_an_s256_challenge_and_never_the_verifier(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    for start in ("/oauth/salesforce/install", "/admin/signin/salesforce"):
        client = app.test_client()
        q = parse_qs(urlsplit(client.get(start).headers["Location"]).query)
        assert q["code_challenge_method"] == ["S256"] and len(q["code_challenge"][0]) == 43, start
        with client.session_transaction() as sess:
            verifier = sess["oauth_pkce_verifier"]
        assert challenge(verifier) == q["code_challenge"][0]
        assert verifier not in str(q)


def test_an_install_completes_with_the_verifier_from_its_own_session(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    client = app.test_client()
    back = consent(sfsb, client.get("/oauth/salesforce/install").headers["Location"])
    resp = client.get(back, headers={"Accept": "application/json"})
    assert resp.status_code == 200 and resp.get_json()["status"] == "installed"
    with client.session_transaction() as sess:
        assert "oauth_pkce_verifier" not in sess, "a verifier is used once"


def test_an_intercepted_code_cannot_be_exchanged_without_the_verifier(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    # The attacker read the callback URL (code and state) and knows the app's client secret (the
    # worst case): Salesforce still wants the verifier that only the victim's session holds.
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    back = consent(sfsb, app.test_client().get("/oauth/salesforce/install").headers["Location"])
    code = parse_qs(urlsplit(back).query)["code"][0]
    s = requests.Session()
    s.trust_env = False
    for verifier in (None, "x" * 43):
        form = {"grant_type": "authorization_code", "code": code, "client_id": sfsb.client_id,
                "client_secret": sfsb.client_secret, "redirect_uri": f"{TEST_PUBLIC_URL}/oauth/salesforce/callback",
                **({"code_verifier": verifier} if verifier else {})}
        r = s.post(f"{sfsb.url}/services/oauth2/token", data=form, verify=str(sfsb.ca_file), timeout=30)
        assert r.status_code == 400 and r.json()["error"] == "invalid_grant", r.text
        # the sandbox, like Salesforce, spends the code on the failed attempt: request a new one
        back = consent(sfsb, app.test_client().get("/oauth/salesforce/install").headers["Location"])
        code = parse_qs(urlsplit(back).query)["code"][0]


def test_a_callback_in_a_session_without_the_verifier_installs_nothing(
        app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    client = app.test_client()
    back = consent(sfsb, client.get("/oauth/salesforce/install").headers["Location"])
    with client.session_transaction() as sess:
        sess.pop("oauth_pkce_verifier")
    resp = client.get(back, headers={"Accept": "application/json"})
    assert resp.status_code == 400 and "code verifier" in resp.get_json()["message"]
    from app.storage import get_db
    from app.storage.models import Installation

    with get_db(app).session() as s:
        assert s.query(Installation).count() == 0


def test_an_authorize_request_without_a_challenge_is_refused_like_salesforce_does(
        sfsb: SalesforceSandboxHandle) -> None:
    s = requests.Session()
    s.trust_env = False
    r = s.get(f"{sfsb.url}/services/oauth2/authorize", params={
        "response_type": "code", "client_id": sfsb.client_id, "redirect_uri": "https://app.example/cb",
        "state": "s"}, verify=str(sfsb.ca_file), allow_redirects=False, timeout=30)
    q = parse_qs(urlsplit(r.headers["Location"]).query)
    assert q["error"] == ["invalid_request"] and "code" not in q
