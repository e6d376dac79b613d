"""The install/uninstall endpoints' own checks (state, admin), without a HubSpot behind them."""

from urllib.parse import parse_qs, urlparse

import pytest

from app.storage import get_db
from app.storage.models import Installation, Tenant
from tests.conftest import install_tenant


def ensure_blueprint(application):
    """Register app.oauth's blueprint if the factory does not yet (see the report to the lead)."""
    if "oauth" not in application.blueprints:
        from app.oauth import bp

        application.register_blueprint(bp)
    return application


@pytest.fixture
def oauth_app(app_factory):
    return ensure_blueprint(app_factory(ADMIN_TOKEN="admin-secret", HUBSPOT_AUTHORIZE_URL="https://hs.test/authorize"))


def test_install_redirects_with_signed_state_and_scopes(oauth_app):
    client = oauth_app.test_client()
    resp = client.get("/oauth/hubspot/install")
    assert resp.status_code == 302
    url = urlparse(resp.headers["Location"])
    q = parse_qs(url.query)
    assert url.netloc == "hs.test" and q["client_id"] == ["test-client-id"]
    assert q["redirect_uri"] == ["https://agentic-sales.test/oauth/hubspot/callback"]
    assert "crm.objects.deals.write" in q["scope"][0].split() and q["state"][0]


@pytest.mark.parametrize("state", [None, "forged", "from-other-browser"])
def test_callback_refuses_bad_state(oauth_app, state):
    client = oauth_app.test_client()
    if state == "from-other-browser":
        other = oauth_app.test_client()
        state = parse_qs(urlparse(other.get("/oauth/hubspot/install").headers["Location"]).query)["state"][0]
    resp = client.get("/oauth/hubspot/callback", query_string={"code": "c", **({"state": state} if state else {})})
    assert resp.status_code == 400 and resp.get_json()["error"] == "invalid_state"


def test_callback_reports_denied_consent(oauth_app):
    resp = oauth_app.test_client().get("/oauth/hubspot/callback?error=access_denied")
    assert resp.status_code == 400 and resp.get_json()["error"] == "consent_denied"


def test_uninstall_needs_admin_and_deletes_without_hubspot(oauth_app):
    tid = install_tenant(oauth_app, "555")
    client = oauth_app.test_client()
    assert client.post("/oauth/hubspot/uninstall", json={"tenant": tid}).status_code == 403
    assert client.post("/oauth/hubspot/uninstall", json={"tenant": tid},
                       headers={"X-Admin-Token": "wrong"}).status_code == 403
    # HubSpot unreachable (test client id, real host unreachable offline): data is deleted anyway.
    oauth_app.config["HUBSPOT_API_BASE"] = "http://127.0.0.1:9"
    resp = client.post("/oauth/hubspot/uninstall", json={"tenant": tid}, headers={"X-Admin-Token": "admin-secret"})
    body = resp.get_json()
    assert resp.status_code == 200 and body["revoked"] == 0 and body["revoke_errors"]
    with get_db(oauth_app).session() as s:
        assert s.get(Tenant, tid) is None and s.query(Installation).count() == 0
    assert client.post("/oauth/hubspot/uninstall", json={"tenant": tid},
                       headers={"X-Admin-Token": "admin-secret"}).status_code == 404


@pytest.mark.parametrize("body", [[{"tenant": "hubspot-555"}], "hubspot-555", 555, {"tenant": ["hubspot-555"]},
                                  {"tenant": {"id": "hubspot-555"}}])
def test_an_uninstall_body_of_the_wrong_shape_is_400_naming_the_expected_one_and_deletes_nothing(oauth_app, body):
    tid = install_tenant(oauth_app, "555")
    resp = oauth_app.test_client().post("/oauth/hubspot/uninstall", json=body, headers={"X-Admin-Token": "admin-secret"})
    assert resp.status_code == 400 and resp.get_json()["error"] == "missing_tenant", resp.get_data(as_text=True)[:200]
    with get_db(oauth_app).session() as s:
        assert s.get(Tenant, tid) is not None


def test_uninstalling_through_another_crms_route_is_refused_and_deletes_nothing(oauth_app):
    tid = install_tenant(oauth_app, "556")
    resp = oauth_app.test_client().post("/oauth/salesforce/uninstall", json={"tenant": tid},
                                        headers={"X-Admin-Token": "admin-secret"})
    assert resp.status_code == 404 and resp.get_json()["error"] == "unknown_tenant"
    with get_db(oauth_app).session() as s:
        assert s.get(Tenant, tid) is not None


def _state_of(client, crm="hubspot"):
    return parse_qs(urlparse(client.get(f"/oauth/{crm}/install").headers["Location"]).query)["state"][0]


@pytest.mark.parametrize("path", ["/oauth/salesforce/install", "/oauth/salesforce/callback"])
@pytest.mark.parametrize("accept", ["application/json", "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_a_crm_this_deployment_has_no_app_credentials_for_is_a_503_naming_it_not_a_crash(oauth_app, path, accept):
    # A HubSpot-only deployment: anyone (a scanner, a curious admin) opening the Salesforce install got a
    # framework 500 page and the server a traceback.
    oauth_app.config["PROPAGATE_EXCEPTIONS"] = False
    client = oauth_app.test_client()
    query = {"code": "c", "state": _state_of(client)} if path.endswith("callback") else {}
    resp = client.get(path, query_string=query, headers={"Accept": accept})
    assert resp.status_code in (400, 503), resp.get_data(as_text=True)[:300]
    text = resp.get_data(as_text=True)
    assert "Internal Server Error" not in text
    if resp.status_code == 503:
        assert "Salesforce" in text and "SALESFORCE_CLIENT_ID" in text


def test_the_state_of_one_crms_install_is_refused_on_anothers_callback(app_factory):
    app = ensure_blueprint(app_factory(ADMIN_TOKEN="admin-secret", HUBSPOT_AUTHORIZE_URL="https://hs.test/authorize",
                                       SALESFORCE_CLIENT_ID="sf-id", SALESFORCE_CLIENT_SECRET="sf-secret"))
    client = app.test_client()
    resp = client.get("/oauth/salesforce/callback", query_string={"code": "c", "state": _state_of(client)})
    assert resp.status_code == 400 and resp.get_json()["error"] == "invalid_state"


def test_the_state_of_an_install_is_accepted_on_its_own_crms_callback(oauth_app):
    # The honest case: the same CRM's callback gets past the state check (the fake code then fails the exchange).
    client = oauth_app.test_client()
    resp = client.get("/oauth/hubspot/callback", query_string={"code": "c", "state": _state_of(client)})
    assert resp.get_json()["error"] != "invalid_state"
