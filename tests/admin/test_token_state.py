"""The install health's CRM connection box: an access token that ran out while a refresh token is stored is a
working connection (the client renews it before its next call); only a grant that cannot be renewed needs an admin.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.admin.health import token_state
from app.storage.models import Installation

NOW = datetime(2026, 12, 5, 1, 47, 6, tzinfo=UTC)


def _inst(expires_in_s: float | None, *, refresh: bool = True, revoked: bool = False) -> Installation:
    return Installation(
        tenant_id="hubspot:62515",
        crm="hubspot",
        access_token_enc="gAAAA-access",
        refresh_token_enc="gAAAA-refresh" if refresh else None,
        expires_at=None if expires_in_s is None else NOW + timedelta(seconds=expires_in_s),
        revoked_at=NOW - timedelta(hours=1) if revoked else None,
    )


@pytest.mark.parametrize("expires_in_s", [-60, -86400 * 3, 0, 1, 29, 600])
def test_a_demo_token_that_lapsed_or_is_about_to_lapse_with_a_refresh_token_stored_reads_connected(
    expires_in_s,
):
    state = token_state(_inst(expires_in_s), NOW)
    assert (state["state"], state["headline"]) == ("connected", "Connected")
    assert "renewed automatically with the refresh token before the next CRM call" in state["text"]
    assert "Expired" not in state["text"] and "expired" not in state["text"]


def test_the_connected_text_says_when_the_current_token_lapsed():
    assert "(the current one lapsed 2026-12-05 01:46:06 UTC)" in token_state(_inst(-60), NOW)["text"]
    assert "(the current one lapses 2026-12-05 01:47:36 UTC)" in token_state(_inst(30), NOW)["text"]


def test_a_token_with_half_an_hour_left_is_live_until_its_expiry():
    state = token_state(_inst(1800), NOW)
    assert (state["state"], state["headline"]) == ("live", "Connected")
    assert state["text"] == "Access token live until 2026-12-05 02:17:06 UTC (in 30 min)."


def test_an_expired_access_token_without_a_refresh_token_is_expired_and_says_what_to_do():
    state = token_state(_inst(-60, refresh=False), NOW)
    assert (state["state"], state["headline"]) == ("expired", "Expired")
    assert state["text"].endswith("no refresh token is stored to renew it: install the app again.")


def test_an_access_token_about_to_expire_without_a_refresh_token_is_a_warning_with_the_seconds_left():
    state = token_state(_inst(90, refresh=False), NOW)
    assert (state["state"], state["headline"]) == ("expiring", "Expiring")
    assert "(in 90 s)" in state["text"] and "install the app again before then" in state["text"]


def test_a_revoked_grant_stays_revoked_whatever_its_token_clock_says():
    for expires_in_s in (-60, 1800, None):
        assert token_state(_inst(expires_in_s, revoked=True), NOW)["state"] == "revoked"


def test_no_installation_is_missing_and_a_token_without_expiry_is_live():
    assert token_state(None, NOW)["state"] == "missing"
    assert token_state(_inst(None), NOW)["state"] == "live"


def test_a_revoked_grant_tells_the_admin_to_reconnect_in_the_crms_words_and_until_when_data_is_kept():
    state = token_state(_inst(None, revoked=True), NOW, crm="HubSpot", account="account")
    assert state["headline"] == "Not connected" and state["text"].startswith("Reconnect HubSpot: since ")
    assert "an admin of the account installs the app again" in state["text"]
    assert "kept until 2026-12-12" in state["text"]  # the revocation an hour ago plus the 7-day grace


def test_a_token_without_expiry_or_refresh_token_warns_before_the_session_ends():
    state = token_state(_inst(None, refresh=False), NOW, crm="Salesforce", account="org")
    assert state["state"] == "expiring" and state["text"].startswith(
        "Reconnect Salesforce soon: no refresh token"
    )
    assert token_state(_inst(None), NOW, crm="Salesforce", account="org")["state"] == "live"
