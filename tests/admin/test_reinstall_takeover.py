"""An attacker inside the customer's account: another user of the portal runs the install again.

The install callback used to replace the live installation with whoever consented: a rep with the
permission to authorize apps became the installing user, hence console admin (guardrails,
autonomy, discount cap, access grants), and the app ran on their grant. Only the installing
user, an admin of the account in the console, or the operator may replace a live installation;
after an uninstall on the CRM's side (the stored grant is refused) anyone the CRM lets install may.
All through the HubSpot sandbox's real OAuth endpoints.
"""

from __future__ import annotations

import dataclasses

import pytest
import requests
from sqlalchemy import select

from tests.admin.conftest import ADMIN_TOKEN, operator_session
from tests.admin.test_signin_and_install_page import follow_crm, owners
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def sandbox():
    handle = sb.start(n_open_deals=3, n_closed_deals=6, n_companies=4, seed=7)
    yield handle
    handle.stop()


@pytest.fixture
def hs_app(app_factory, sandbox):
    return app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False), ADMIN_TOKEN=ADMIN_TOKEN)


def _installation(app):
    from app.storage import get_db
    from app.storage.models import Installation

    with get_db(app).session() as s:
        return s.execute(select(Installation.id, Installation.installed_by, Installation.access_token_enc,
                                Installation.revoked_at).order_by(Installation.id)).all()


def test_another_user_of_the_portal_cannot_take_over_a_live_installation(hs_app, sandbox):
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    before = _installation(hs_app)
    rep = owners(sandbox)[1]
    attacker = hs_app.test_client()
    resp = follow_crm(attacker, "/oauth/hubspot/install", login_hint=rep)
    assert resp.status_code == 403
    body = resp.get_data(as_text=True)
    assert "already installed" in body and owners(sandbox)[0] in body
    # same row, same installer, still live (its access token may be a fresh one of the owner's grant)
    assert [(r.id, r.installed_by, r.revoked_at) for r in _installation(hs_app)] == \
        [(r.id, r.installed_by, r.revoked_at) for r in before]
    # and the attacker's browser got no console session out of it
    page = attacker.get(f"/admin/t/hubspot-{sandbox.hub_id}/guardrails")
    assert page.status_code == 302 and "/admin/login" in page.location


def test_the_refused_reinstall_answers_json_to_a_script(hs_app, sandbox):
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    client = hs_app.test_client()
    start = client.get("/oauth/hubspot/install").headers["Location"] + "&login_hint=" + owners(sandbox)[1]
    from urllib.parse import parse_qs, urlparse

    callback = urlparse(sb.consent(start))
    resp = client.get(callback.path, query_string=parse_qs(callback.query), headers={"Accept": "application/json"})
    assert resp.status_code == 403 and resp.get_json()["error"] == "installed_by_another_user"


def test_the_installing_user_may_install_again(hs_app, sandbox):
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    (first,) = _installation(hs_app)
    resp = follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    assert resp.status_code == 200
    (again,) = _installation(hs_app)
    assert again.id == first.id and again.installed_by == first.installed_by


def test_a_user_granted_admin_in_the_console_may_install_again(hs_app, sandbox):
    from app.admin.access import grant
    from app.storage import get_db

    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    other = owners(sandbox)[1]
    with get_db(hs_app).session() as s:
        grant(s, f"hubspot-{sandbox.hub_id}", other, "admin", by=owners(sandbox)[0])
    resp = follow_crm(hs_app.test_client(), "/oauth/hubspot/install", login_hint=other)
    assert resp.status_code == 200
    assert _installation(hs_app)[-1].installed_by == other


def test_the_operator_may_reinstall_for_another_user(hs_app, sandbox):
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    other = owners(sandbox)[1]
    resp = follow_crm(operator_session(hs_app.test_client()), "/oauth/hubspot/install", login_hint=other)
    assert resp.status_code == 200
    assert _installation(hs_app)[-1].installed_by == other


def test_after_the_token_key_was_lost_another_user_may_install_again(app_factory, sandbox):
    """docs/admin: losing AGENTIC_SALES_TOKEN_KEY means installing again; the stored grant cannot be
    decrypted, so there is nothing to protect (it was a 500)."""
    from cryptography.fernet import Fernet

    config = {**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False), "ADMIN_TOKEN": ADMIN_TOKEN}
    first = app_factory(**config)
    follow_crm(first.test_client(), "/oauth/hubspot/install")
    other = owners(sandbox)[1]
    rekeyed = app_factory(**config, TOKEN_KEY=Fernet.generate_key().decode())
    resp = follow_crm(rekeyed.test_client(), "/oauth/hubspot/install", login_hint=other)
    assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    assert _installation(rekeyed)[-1].installed_by == other


def test_the_install_answer_is_never_cached(hs_app, sandbox):
    """The install page carries the Salesforce org's webhook secret and signs the installer in: a
    shared proxy or the browser's cache must not keep it (the console pages were no-store, this one not)."""
    page = follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    assert page.status_code == 200 and page.headers.get("Cache-Control") == "no-store"
    client = hs_app.test_client()
    from urllib.parse import parse_qs, urlparse

    callback = urlparse(sb.consent(client.get("/oauth/hubspot/install").headers["Location"]))
    answer = client.get(callback.path, query_string=parse_qs(callback.query), headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.headers.get("Cache-Control") == "no-store"


def test_checking_the_owners_grant_keeps_a_rotated_refresh_token(hs_app, sandbox, monkeypatch):
    """Where the CRM rotates refresh tokens (a Salesforce connected app's option), the check's own
    refresh retires the stored one: what it returns is stored, or the owner's installation dies."""
    from app.oauth import reinstall
    from app.tenants import load_installation

    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    tenant = f"hubspot-{sandbox.hub_id}"
    real = reinstall.oauth_for

    class Rotating:
        def __init__(self, crm, app):
            self.inner = real(crm, app)

        def refresh(self, tokens):
            fresh = self.inner.refresh(tokens)
            return dataclasses.replace(fresh, refresh_token=f"rotated-{fresh.refresh_token}")

    monkeypatch.setattr(reinstall, "oauth_for", Rotating)
    resp = follow_crm(hs_app.test_client(), "/oauth/hubspot/install", login_hint=owners(sandbox)[1])
    assert resp.status_code == 403
    with hs_app.app_context():
        assert str(load_installation(hs_app, tenant).tokens.refresh_token).startswith("rotated-")

def test_after_an_uninstall_on_hubspots_side_another_super_admin_may_install(hs_app, sandbox):
    # last in this module: the sandbox portal stays uninstalled
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    other = owners(sandbox)[1]
    r = requests.post(f"{sandbox.url}/_sandbox/portals/{sandbox.hub_id}/uninstall", timeout=10)
    assert r.status_code < 300, r.text
    resp = follow_crm(hs_app.test_client(), "/oauth/hubspot/install", login_hint=other)
    assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    assert _installation(hs_app)[-1].installed_by == other
