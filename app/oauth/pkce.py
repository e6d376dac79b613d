"""PKCE (RFC 7636, S256) for the CRMs whose OAuth supports it (Salesforce: the External Client
App requires it): a code intercepted on its way back (a proxy log, a browser extension, a
redirect) is useless without the verifier, which never leaves the server and the browser's
session cookie (HttpOnly; not in any URL, unlike `state`).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any

from flask import session

SESSION_KEY = "oauth_pkce_verifier"


def challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorize_args(provider: Any) -> dict[str, str]:
    """`code_challenge` for the authorize URL (remembering its verifier in the session), or nothing
    for a provider without PKCE."""
    if not getattr(provider, "supports_pkce", False):
        return {}
    verifier = secrets.token_urlsafe(64)  # 86 characters of the unreserved set (RFC 7636: 43-128)
    session[SESSION_KEY] = verifier
    return {"code_challenge": challenge(verifier)}


def exchange_args(provider: Any) -> dict[str, str]:
    """`code_verifier` for the code exchange (once: it leaves the session), or nothing."""
    if not getattr(provider, "supports_pkce", False):
        return {}
    verifier = session.pop(SESSION_KEY, None)
    return {"code_verifier": str(verifier)} if verifier else {}
