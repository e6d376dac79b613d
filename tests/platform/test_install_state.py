"""The OAuth install `state` as an admin (and an attacker) meets it: kept on the server, used once, bound to the CRM
and to the browser session that started the install, good for ten minutes.

Until wave 31 the only record of an install attempt was a nonce in Flask's session cookie, which lives in the
browser: a callback replayed with the cookie saved before it passed the state check again."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import func, select

from app.oauth.state import STATE_MAX_AGE_SECONDS
from app.storage import get_db
from app.storage.models import OAuthState, utcnow
from tests.hubspot.test_oauth_routes import ensure_blueprint


@pytest.fixture
def oauth_app(app_factory):
    return ensure_blueprint(app_factory(ADMIN_TOKEN="admin-secret", HUBSPOT_AUTHORIZE_URL="https://hs.test/authorize",
                                        SALESFORCE_CLIENT_ID="sf-id", SALESFORCE_CLIENT_SECRET="sf-secret"))


def start_install(client, crm="hubspot"):
    location = client.get(f"/oauth/{crm}/install").headers["Location"]
    return parse_qs(urlparse(location).query)["state"][0]


def callback(client, state, crm="hubspot", html=False):
    headers = {"Accept": "text/html"} if html else {"Accept": "application/json"}
    return client.get(f"/oauth/{crm}/callback", query_string={"code": "c", "state": state}, headers=headers)


def test_a_callback_replayed_with_the_session_cookie_saved_before_it_is_refused_as_already_used(oauth_app):
    client = oauth_app.test_client()
    state = start_install(client)
    saved = client.get_cookie("session").value

    first = callback(client, state)
    assert first.get_json()["error"] != "invalid_state"  # the honest callback passes the state (the fake code fails)

    client.set_cookie("session", saved)  # the browser's cookie as it was before the callback
    replay = callback(client, state)
    assert replay.status_code == 400
    body = replay.get_json()
    assert body["error"] == "invalid_state" and "already used" in body["message"]


def test_a_state_started_in_another_browser_is_refused_and_says_to_start_from_this_browser(oauth_app):
    attacker, victim = oauth_app.test_client(), oauth_app.test_client()
    state = start_install(attacker)
    victim.get("/oauth/hubspot/install")  # the victim's own install attempt gives it a session of its own

    resp = callback(victim, state)

    assert resp.status_code == 400
    body = resp.get_json()
    assert body["error"] == "invalid_state" and "another browser" in body["message"]


def test_a_state_kept_in_no_browser_session_at_all_is_refused(oauth_app):
    state = start_install(oauth_app.test_client())
    resp = callback(oauth_app.test_client(), state)  # a browser that never started an install
    assert resp.status_code == 400 and resp.get_json()["error"] == "invalid_state"


def test_a_state_of_the_salesforce_install_is_refused_on_the_hubspot_callback_naming_both(oauth_app):
    client = oauth_app.test_client()
    state = start_install(client, "salesforce")

    resp = callback(client, state, "hubspot")

    body = resp.get_json()
    assert resp.status_code == 400 and body["error"] == "invalid_state"
    assert "Salesforce" in body["message"] and "HubSpot" in body["message"]


def test_a_state_older_than_ten_minutes_is_refused_as_expired_in_the_admins_browser(oauth_app):
    client = oauth_app.test_client()
    state = start_install(client)
    with get_db(oauth_app).session() as s:
        row = s.execute(select(OAuthState)).scalar_one()
        row.expires_at = utcnow() - timedelta(seconds=1)

    resp = callback(client, state, html=True)

    assert resp.status_code == 400 and resp.mimetype == "text/html"
    text = resp.get_data(as_text=True)
    assert "expired" in text and "10 minutes" in text and "/oauth/hubspot/install" in text


def test_an_install_attempt_is_kept_on_the_server_for_ten_minutes_and_not_in_the_url(oauth_app):
    client = oauth_app.test_client()
    state = start_install(client)
    with get_db(oauth_app).session() as s:
        row = s.execute(select(OAuthState)).scalar_one()
        left = (row.expires_at - utcnow()).total_seconds()
        kept = (row.crm, row.purpose, row.digest)
    assert STATE_MAX_AGE_SECONDS == 600 and 590 < left <= 600
    assert kept[:2] == ("hubspot", "install")
    assert state not in kept[2]  # only a digest of the state is stored
    assert "hubspot" not in state and "." not in state  # the state carries nothing but a random value


def test_a_used_state_leaves_no_row_behind_and_expired_ones_are_swept_by_the_next_install(oauth_app):
    client = oauth_app.test_client()
    old = start_install(client)
    callback(client, old)
    stale = start_install(oauth_app.test_client())
    with get_db(oauth_app).session() as s:
        assert s.execute(select(func.count()).select_from(OAuthState)).scalar() == 1
        s.execute(OAuthState.__table__.update().values(expires_at=utcnow() - timedelta(minutes=1)))
    start_install(client)
    with get_db(oauth_app).session() as s:
        left = s.execute(select(func.count()).select_from(OAuthState)).scalar()
    assert left == 1 and stale  # the stale attempt went; the new one stays
