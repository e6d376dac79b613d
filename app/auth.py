"""Who counts as an admin: a signed-in admin session, or the configured ADMIN_TOKEN."""

from __future__ import annotations

import hmac

from flask import current_app, request, session


def is_admin(*, allow_query_token: bool = False) -> bool:
    """True for an admin session (`session["admin"]`) or a request carrying ADMIN_TOKEN.

    The token is read from `X-Admin-Token` or `Authorization: Bearer`; pages an admin opens in a
    browser (the card preview) may also pass it as `?admin_token=`.
    """
    if session.get("admin"):
        return True
    expected = current_app.config.get("ADMIN_TOKEN")
    given = request.headers.get("X-Admin-Token") or ""
    auth = request.headers.get("Authorization") or ""
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:]
    if not given and allow_query_token:
        given = request.args.get("admin_token") or ""
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))
