"""The OAuth `state` parameter: signed, time-limited, and bound to the browser session.

The CRM echoes `state` back on the callback; a forged or replayed callback (CSRF on the install
flow) fails here because it either lacks our signature, is older than `STATE_MAX_AGE_SECONDS`,
or carries a nonce that is not the one this browser's session got at install time.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from flask import current_app, session
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

STATE_MAX_AGE_SECONDS = 600
"""How long an install attempt may take between /install and /callback."""

SESSION_KEY = "oauth_nonce"
SALT = "agentic-sales.oauth"


class StateError(Exception):
    """The callback's state is missing, forged, expired or from another browser session."""


def _serializer() -> URLSafeTimedSerializer:
    secret = current_app.config.get("SECRET_KEY")
    if not secret:
        from app.config import ConfigError

        raise ConfigError("missing required setting(s): AGENTIC_SALES_SECRET_KEY (signs the OAuth state)")
    return URLSafeTimedSerializer(secret, salt=SALT)


def issue_state(extra: dict[str, Any] | None = None) -> str:
    """Create a signed state for a new install attempt and remember its nonce in the session."""
    nonce = secrets.token_urlsafe(16)
    session[SESSION_KEY] = nonce
    return _serializer().dumps({"n": nonce, **(extra or {})})


def verify_state(state: str | None) -> dict[str, Any]:
    """Check a returned state; return its payload.

    Raises:
        StateError: with one message per failure (missing, expired, bad signature, wrong session).
    """
    if not state:
        raise StateError("missing state")
    try:
        data = _serializer().loads(state, max_age=STATE_MAX_AGE_SECONDS)
    except SignatureExpired:
        raise StateError("state expired") from None
    except BadSignature:
        raise StateError("state signature mismatch") from None
    expected = session.pop(SESSION_KEY, None)
    if not expected or not hmac.compare_digest(str(expected), str(data.get("n"))):
        raise StateError("state is not from this browser session")
    return dict(data)
