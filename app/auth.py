"""Who counts as an admin: a session that a real sign-in created, or the ADMIN_TOKEN header.

Credentials never travel in a URL (they end up in access logs and browser history): the token is
read from `X-Admin-Token` / `Authorization: Bearer` only, and a browser signs in once through the
`/admin/login` form (POST, CSRF-checked), which stores a timestamped sign-in in the signed
session. A session flag that no sign-in wrote (e.g. `{"admin": true}` in a forged cookie) grants
nothing: `serve` refuses weak secret keys, and the sign-in record must carry its method and time.
"""

from __future__ import annotations

import hmac
import math
import secrets
import time
from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template_string, request, session

from app import defaults, token_attempts

bp = Blueprint("admin_auth", __name__)

_LOGIN_FORM = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Agentic Sales admin</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;color:#33475b;max-width:28rem;margin:4rem auto;padding:0 1rem;line-height:1.45}
a{color:#007a8c}li{margin:.5rem 0}li a{display:inline-block;padding:.2rem 0}.error{color:#b00000}
input{font:inherit;border:1px solid #6b8aab;border-radius:4px;padding:.3rem .4rem;max-width:100%}
button{font:inherit;margin-top:.5rem;padding:.4rem .9rem}:focus-visible{outline:3px solid #007a8c;outline-offset:2px}</style></head>
<body><main>
<h1>Agentic Sales admin</h1>
{% if error %}<p role="alert" class="error" id="token-error">{{ error }}</p>{% endif %}
<form method="post" action="{{ url_for('admin_auth.login') }}">
<input type="hidden" name="csrf_token" value="{{ csrf }}"><input type="hidden" name="next" value="{{ next }}">
<label>Admin token <input type="password" name="token" autocomplete="current-password" required{% if error %} aria-invalid="true" aria-describedby="token-error"{% endif %}></label>
<button type="submit">Sign in</button></form>
{% if crms %}<p>Or, as a user of an account that installed the app:</p><ul>
{% for name, label in crms %}<li><a id="signin-{{ name }}" href="{{ url_for('admin.signin', crm=name) }}">Sign in with {{ label }}</a></li>
{% endfor %}</ul>{% endif %}</main></body></html>"""


def _token_matches(given: str) -> bool:
    return matches_secret(current_app.config.get("ADMIN_TOKEN"), given)


def _signed_in() -> bool:
    login = session.get("admin")
    if not isinstance(login, dict) or login.get("method") != "token":
        return False
    at = login.get("at")
    return isinstance(at, int | float) and 0 <= time.time() - at <= defaults.ADMIN_SESSION_SECONDS


def is_admin() -> bool:
    """True for a signed-in admin session or a request carrying ADMIN_TOKEN in a header."""
    return _signed_in() or token_in_header()


def bearer_token() -> str:
    """The request's `Authorization: Bearer <token>` credential, or "" (never read from the URL)."""
    auth = request.headers.get("Authorization") or ""
    return auth[7:] if auth.lower().startswith("bearer ") else ""


def matches_secret(expected: object, given: str) -> bool:
    """Constant-time comparison of a presented token with a configured one (False when either is empty)."""
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected).encode(), given.encode())


def token_in_header() -> bool:
    """True when the request itself carries ADMIN_TOKEN (a script; a browser cannot be made to send it,
    so such a request needs no CSRF token, unlike one authenticated by the session cookie).

    A wrong token counts against the client's attempts (app/token_attempts.py); over the
    limit, no header token from that client is compared."""
    given = request.headers.get("X-Admin-Token") or bearer_token()
    if not given or not current_app.config.get("ADMIN_TOKEN"):
        return False
    cached = getattr(g, "_admin_header_ok", None)  # is_admin() may be asked several times per request
    if cached is not None:
        return bool(cached)
    wait = token_attempts.wait_before_trying()
    if wait > 0:
        ok = False
        g._admin_retry_after = math.ceil(wait)
    else:
        ok = _token_matches(given)
        if not ok:
            token_attempts.record_failure()
    g._admin_header_ok = ok
    return ok


def csrf_token() -> str:
    """The session's CSRF token (created on first use)."""
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def csrf_ok() -> bool:
    """Tell whether the form's csrf_token matches the session's."""
    given = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    token = session.get("csrf")
    # Bytes: compare_digest refuses str with non-ASCII characters (a TypeError, a 500 on the sign-in form for
    # anyone who sent csrf_token=é).
    return isinstance(token, str) and bool(given) and hmac.compare_digest(token.encode(), given.encode())


def _safe_next(target: str | None) -> str:
    # Only local paths: an open redirect would hand a signed-in admin to another site. Browsers
    # drop tabs and newlines from a URL and read a backslash as a slash, so "/\t/evil.example" and
    # "/\\evil.example" are "//evil.example", another host.
    if not target or not target.startswith("/") or any(c == "\\" or ord(c) < 32 or ord(c) == 127 for c in target):
        return "/"
    return "/" if target.startswith("//") else target


@bp.route("/admin/login", methods=["GET", "POST"])
def login() -> Any:
    """Sign in with the admin token (form POST with CSRF); sets a timestamped session."""
    error = None
    if request.method == "POST":
        if not csrf_ok():
            return render_template_string(_LOGIN_FORM, error="The form expired; try again.", csrf=csrf_token(),
                                          crms=_crm_sign_ins(), next=_safe_next(request.form.get("next"))), 400
        wait = token_attempts.wait_before_trying()
        if wait > 0:
            seconds = math.ceil(wait)
            page = render_template_string(
                _LOGIN_FORM, csrf=csrf_token(), crms=_crm_sign_ins(), next=_safe_next(request.form.get("next")),
                error=f"Too many wrong tokens from this address; try again in {_minutes(seconds)}.")
            return page, 429, {"Retry-After": str(seconds)}
        if _token_matches(request.form.get("token") or ""):
            session.clear()
            session["admin"] = {"method": "token", "at": int(time.time())}
            return redirect(_safe_next(request.form.get("next")))
        token_attempts.record_failure()
        error = "That token is not the admin token."
    status = 401 if error else 200
    return render_template_string(_LOGIN_FORM, error=error, csrf=csrf_token(), crms=_crm_sign_ins(),
                                  next=_safe_next(request.args.get("next"))), status


def _minutes(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} seconds"
    return f"{math.ceil(seconds / 60)} minutes"


def _crm_sign_ins() -> list[tuple[str, str]]:
    """(name, label) of each CRM whose OAuth can sign a person in to the console."""
    if "admin.signin" not in current_app.view_functions:
        return []
    from app.config import ConfigError
    from app.connectors import get_connector, names
    from app.tenants import oauth_for

    out = []
    for n in names():
        try:
            oauth_for(n)
        except ConfigError:
            continue  # no app credentials for that CRM in this deployment: its sign-in could only fail
        out.append((n, str(getattr(get_connector(n), "label", n))))
    return out


@bp.after_app_request
def _say_when_to_retry(response: Any) -> Any:
    """A refusal of a header token that was not compared (too many wrong ones from that client) is
    a 429 saying when to try again, not a 403 that reads as "wrong token"."""
    wait = g.get("_admin_retry_after")
    if not wait or response.status_code not in (401, 403):
        return response
    from flask import jsonify

    refused = jsonify({"error": "too_many_attempts",
                       "detail": f"too many wrong admin tokens from this address; try again in {_minutes(wait)}"})
    refused.status_code = 429
    refused.headers["Retry-After"] = str(wait)
    return refused


@bp.post("/admin/logout")
def logout() -> Any:
    """Forget the admin sign-in."""
    if csrf_ok():
        session.clear()
    return redirect("/")
