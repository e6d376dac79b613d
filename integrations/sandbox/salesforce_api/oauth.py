"""OAuth 2.0 web-server flow, refresh, revoke and the identity URL, as Salesforce serves them.

Token responses carry `access_token`, `refresh_token` (code exchange only, unless rotation is on),
`instance_url`, `id`, `token_type`, `issued_at`, `signature` and `scope` — and no `expires_in`.
"""

from __future__ import annotations

import json
import secrets
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, redirect, request

from .state import EXTENSION, Sandbox

bp = Blueprint("sf_oauth", __name__)


def sb() -> Sandbox:
    return current_app.extensions[EXTENSION]


def oauth_error(error: str, description: str, status: int = 400) -> Response:
    return Response(json.dumps({"error": error, "error_description": description}), status=status,
                    mimetype="application/json")


@bp.get("/services/data/")
@bp.get("/services/data")
def versions() -> Response:
    labels = {"62.0": "Winter '25", "63.0": "Spring '25", "64.0": "Summer '25", "65.0": "Winter '26",
              "66.0": "Spring '26", "67.0": "Summer '26"}
    return Response(json.dumps([{"label": labels.get(v, v), "url": f"/services/data/v{v}", "version": v}
                                for v in sb().config.api_versions]), mimetype="application/json")


@bp.get("/services/oauth2/authorize")
def authorize() -> Any:
    """Auto-consent: redirect to redirect_uri with a one-time code (org picked by `org_id=`)."""
    s = sb()
    args = request.args
    if args.get("response_type") != "code":
        return oauth_error("unsupported_response_type", "response type not supported")
    if args.get("client_id") != s.config.client_id:
        return oauth_error("invalid_client_id", "client identifier invalid")
    redirect_uri = args.get("redirect_uri")
    if not redirect_uri:
        return oauth_error("redirect_uri_mismatch", "redirect_uri must match configuration")
    org_id = args.get("org_id") or s.config.org_ids[0]
    if org_id not in s.orgs:
        return oauth_error("invalid_request", f"unknown org {org_id}")
    if s.config.require_pkce and (not args.get("code_challenge") or args.get("code_challenge_method") != "S256"):
        sep = "&" if "?" in redirect_uri else "?"
        q = {"error": "invalid_request", "error_description": "missing required code challenge",
             **({"state": args["state"]} if args.get("state") else {})}
        return redirect(f"{redirect_uri}{sep}{urlencode(q)}", code=302)
    code = "aPrx" + secrets.token_urlsafe(32)
    with s.lock:
        s.codes[code] = (org_id, redirect_uri, args.get("code_challenge") or "")
    q = {"code": code, **({"state": args["state"]} if args.get("state") else {})}
    sep = "&" if "?" in redirect_uri else "?"
    return redirect(f"{redirect_uri}{sep}{urlencode(q)}", code=302)


def _verifier_matches(verifier: str, challenge: str) -> bool:
    import base64
    import hashlib
    import hmac

    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return hmac.compare_digest(digest, challenge)


def _client_ok(form: Any) -> bool:
    s = sb()
    cid, secret = form.get("client_id"), form.get("client_secret")
    if request.authorization and request.authorization.type == "basic":
        cid, secret = request.authorization.username, request.authorization.password
    return cid == s.config.client_id and secret == s.config.client_secret


@bp.post("/services/oauth2/token")
def token() -> Response:
    s = sb()
    form = request.form
    if not _client_ok(form):
        return oauth_error("invalid_client", "invalid client credentials")
    grant = form.get("grant_type")
    if grant == "authorization_code":
        with s.lock:
            hit = s.codes.pop(form.get("code") or "", None)
        if hit is None or hit[1] != form.get("redirect_uri"):
            return oauth_error("invalid_grant", "invalid authorization code")
        if hit[2] and not _verifier_matches(form.get("code_verifier") or "", hit[2]):
            return oauth_error("invalid_grant", "invalid code verifier")
        with s.lock:
            s.stats.token_exchanges += 1
        s.orgs[hit[0]].installed = True
        return Response(json.dumps(s.mint(hit[0], app=True)), mimetype="application/json")
    if grant == "refresh_token":
        rt = form.get("refresh_token") or ""
        with s.lock:
            tok = s.refresh_tokens.get(rt)
        if tok is None or not s.orgs[tok.org_id].installed:
            return oauth_error("invalid_grant", "expired access/refresh token")
        with s.lock:
            s.stats.token_refreshes += 1
        body = s.mint(tok.org_id, app=tok.app)
        with s.lock:
            s.refresh_tokens.pop(body["refresh_token"], None)
            if s.config.rotate_refresh_tokens:
                s.refresh_tokens.pop(rt, None)
                s.refresh_tokens[body["refresh_token"]] = tok
            else:
                body.pop("refresh_token")
        return Response(json.dumps(body), mimetype="application/json")
    return oauth_error("unsupported_grant_type", "grant type not supported")


@bp.post("/services/oauth2/revoke")
def revoke() -> Response:
    s = sb()
    t = request.form.get("token") or request.args.get("token") or ""
    with s.lock:
        tok = s.refresh_tokens.pop(t, None) or s.tokens.pop(t, None)
        if tok is not None:
            for a in [a for a, x in s.tokens.items() if x.refresh == tok.refresh]:
                s.tokens.pop(a, None)
    if tok is None:
        return oauth_error("invalid_token", "invalid token")
    return Response(status=200)


@bp.get("/id/<org_id>/<user_id>")
def identity(org_id: str, user_id: str) -> Response:
    s = sb()
    auth = request.headers.get("Authorization", "")
    tok = s.session(auth[7:] if auth.lower().startswith("bearer ") else request.args.get("oauth_token"))
    if tok is None or tok.org_id != org_id:
        return Response("Bad_OAuth_Token", status=403)
    user = s.orgs[org_id].org.get("User", user_id) or {}
    b = request.host_url.rstrip("/")
    return Response(json.dumps({
        "id": f"{b}/id/{org_id}/{user_id}", "organization_id": org_id, "user_id": user_id,
        "username": user.get("Email"), "display_name": user.get("Name"), "email": user.get("Email"),
        "active": True, "user_type": "STANDARD", "language": "en_US", "locale": "en_US", "utcOffset": 0,
        "urls": {"rest": f"{b}/services/data/v{{version}}/", "sobjects": f"{b}/services/data/v{{version}}/sobjects/",
                 "query": f"{b}/services/data/v{{version}}/query/"}}), mimetype="application/json")
