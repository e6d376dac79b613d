"""The OAuth `state` parameter: a random value whose install attempt is kept on the server.

`/oauth/<crm>/install` (and the console's "Sign in with <CRM>") stores one row in `oauth_states`: the state's
digest, the CRM and purpose it was started for, a digest of the browser session that started it, and an expiry
`STATE_MAX_AGE_SECONDS` later. The CRM echoes the state back on the callback, which takes the row (deleting it)
and accepts it only for that CRM, from that browser session, before the expiry. So a forged, replayed (even with
the session cookie saved before the callback), foreign or late callback fails, each with its own message.

Until wave 31 the attempt was only a nonce in Flask's session, which is a cookie the browser keeps: a replay
with the saved cookie passed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import Flask, current_app, session
from sqlalchemy import delete

from app.storage import get_db, rowcount
from app.storage.models import OAuthState, utcnow

STATE_MAX_AGE_SECONDS = 600
"""How long an install attempt may take between /install and /callback."""

SESSION_KEY = "oauth_browser"
"""The browser session's own random value; the server keeps only its digest beside each attempt."""


class StateError(Exception):
    """The callback's state is missing, unknown, used, expired, foreign, or for another CRM; `str()` says which,
    in words for the admin's browser."""


@dataclass(frozen=True)
class Attempt:
    """The install attempt a callback's state stood for."""

    crm: str
    purpose: str


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _browser(create: bool) -> str | None:
    value = session.get(SESSION_KEY)
    if not value and create:
        value = secrets.token_urlsafe(24)
        session[SESSION_KEY] = value
    return _digest(str(value)) if value else None


def _label(crm: str, app: Flask) -> str:
    from app.connectors import UnknownConnectorError, get_connector

    try:
        return str(getattr(get_connector(crm, app), "label", crm))
    except UnknownConnectorError:
        return crm


def issue_state(crm: str, purpose: str = "install") -> str:
    """Start an attempt for `crm` in this browser session; the state to send the CRM. Expired attempts of any
    browser are swept here (an attempt abandoned at the consent page leaves its row until then)."""
    state = secrets.token_urlsafe(32)
    now = utcnow()
    with get_db().session() as s:
        s.execute(delete(OAuthState).where(OAuthState.expires_at < now))
        s.add(OAuthState(digest=_digest(state), crm=crm, purpose=purpose, browser=_browser(create=True),
                         expires_at=now + timedelta(seconds=STATE_MAX_AGE_SECONDS)))
    return state


def take_state(state: str | None, crm: str) -> Attempt:
    """Use up the attempt `state` stands for, as the callback of `crm` in this browser session.

    Raises:
        StateError: missing or unknown state, already used, expired, started in another browser session, or
            started for another CRM.
    """
    if not state:
        raise StateError("the CRM sent no install state back; start the install again")
    digest = _digest(state)
    with get_db().session() as s:
        row = s.get(OAuthState, digest)
        found = None if row is None else (row.crm, row.purpose, row.browser, row.expires_at)
        taken = found is not None and rowcount(s.execute(delete(OAuthState).where(OAuthState.digest == digest))) == 1
    if found is None or not taken:
        raise StateError("this install link was already used, or was not started on this server; start the "
                         "install again")
    started_for, purpose, browser, expires_at = found
    if expires_at < utcnow():
        raise StateError(f"the install link expired (it is good for {STATE_MAX_AGE_SECONDS // 60} minutes); "
                         "start the install again")
    here = _browser(create=False)
    if here is None or not hmac.compare_digest(here, browser):
        raise StateError("the install was started in another browser session; start it again from this browser")
    if started_for != crm:
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        raise StateError(f"the install was started for {_label(started_for, app)}, but this is the "
                         f"{_label(crm, app)} callback; start the install again from {_label(crm, app)}")
    return Attempt(crm=started_for, purpose=purpose)
