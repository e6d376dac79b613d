"""OAuth 2.0 as HubSpot runs it: authorize (auto-consent), token, token info, revoke, introspect.

The authorize page consents at once and redirects to `redirect_uri?code=…&state=…` (a sandbox
extra, `portal_id=`, picks which portal installs; `login_hint=` which owner consents). Token bodies follow hubspot-api-facts.md
§2: `{"token_type","refresh_token","access_token","hub_id","scopes","expires_in"}`; errors
carry HubSpot's legacy `status` codes, and the v3 endpoints add the RFC 6749 fields.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, redirect, request

from . import errors
from .state import current
from .tokens import Grant

EMAIL_SCOPE = "sales-email-read"
"""Without it HubSpot redacts the content of email engagements in API responses."""

bp = Blueprint("hs_oauth", __name__)


@bp.get("/oauth/authorize")
def authorize():
    sb = current()
    args = request.args
    redirect_uri = args.get("redirect_uri")
    if args.get("client_id") != sb.config.client_id or not redirect_uri:
        return Response("<h1>Authorization failed</h1><p>Invalid client_id or missing redirect_uri.</p>", 400,
                        mimetype="text/html")
    requested = tuple(s for s in args.get("scope", "").replace("+", " ").split() if s)
    optional = tuple(s for s in (args.get("optional_scope") or args.get("optional_scopes") or "").split() if s)
    unknown = [s for s in requested if s not in sb.config.scopes]
    if unknown:
        return Response(f"<h1>Authorization failed</h1><p>Scopes not available: {escape(' '.join(unknown))}</p>",
                        400, mimetype="text/html")
    hub_id = int(args.get("portal_id") or sb.config.hub_ids[0])
    if hub_id not in sb.portals:
        return Response("<h1>Unknown portal</h1>", 400, mimetype="text/html")
    granted = tuple(dict.fromkeys(requested + tuple(s for s in optional if s in sb.config.scopes)))
    if sb.limiter.faults.withhold_email_scope:
        granted = tuple(s for s in granted if s != EMAIL_SCOPE)
    grant = sb.grant_for(hub_id, granted or None)
    hint = (args.get("login_hint") or "").strip().lower()
    if hint:
        # Sandbox extra: who is logged in to HubSpot in this browser (default: the portal's first
        # owner). Lets tests sign in to the console as someone other than the installing user.
        owner = next((o for o in sb.portals[hub_id].owners if str(o.get("email", "")).lower() == hint), None)
        if owner is None:
            return Response("<h1>Unknown user</h1>", 400, mimetype="text/html")
        grant = replace(grant, user_id=int(owner["userId"]), user=str(owner["email"]))
    code = sb.tokens.issue_code(grant, redirect_uri)
    query = {"code": code}
    if args.get("state") is not None:
        query["state"] = args["state"]
    sep = "&" if "?" in redirect_uri else "?"
    resp = redirect(f"{redirect_uri}{sep}{urlencode(query)}", 302)
    return resp


def _token_response(grant: Grant, access: str, refresh: str, ttl: int) -> Response:
    body = {"token_type": "bearer", "refresh_token": refresh, "access_token": access, "hub_id": grant.hub_id,
            "scopes": list(grant.scopes), "expires_in": ttl}
    return jsonify(body)


def _token(rfc: bool):
    sb = current()
    form = request.form
    grant_type = form.get("grant_type")
    if form.get("client_id") != sb.config.client_id:
        raise errors.oauth_error("BAD_CLIENT_ID", "missing or invalid client_id", "invalid_client",
                                 "client_id is invalid", rfc=rfc)
    if form.get("client_secret") != sb.config.client_secret:
        raise errors.oauth_error("BAD_CLIENT_SECRET", "missing or invalid client_secret", "invalid_client",
                                 "client_secret is invalid", rfc=rfc)
    ttl = sb.config.access_token_ttl
    if grant_type == "authorization_code":
        grant = sb.tokens.redeem_code(form.get("code", ""), form.get("redirect_uri"))
        if grant is None:
            raise errors.oauth_error("BAD_AUTH_CODE", "missing or unknown auth code", "invalid_grant",
                                     "authorization code is invalid, expired or already used", rfc=rfc)
        access, refresh = sb.tokens.mint(grant, ttl)
        sb.tokens.exchanges += 1
        sb.installed.add(grant.hub_id)
        return _token_response(grant, access, refresh, ttl)
    if grant_type == "refresh_token":
        rt = form.get("refresh_token", "")
        grant = sb.tokens.refresh.get(rt)
        if grant is not None and sb.limiter.faults.refuse_refresh:
            # An admin uninstalled the app in HubSpot's UI: HubSpot tells the app nothing, and
            # the refresh token simply stops working.
            sb.tokens.revoke_portal(grant.hub_id)
            sb.installed.discard(grant.hub_id)
            grant = None
        if grant is None or grant.revoked:
            raise errors.oauth_error("BAD_REFRESH_TOKEN", "missing or unknown refresh token", "invalid_grant",
                                     "refresh token is invalid, expired or revoked", rfc=rfc)
        # HubSpot keeps the refresh token and issues a new access token.
        access, refresh = sb.tokens.mint(grant, ttl, refresh_token=rt)
        sb.tokens.refreshes += 1
        return _token_response(grant, access, refresh, ttl)
    raise errors.oauth_error("BAD_GRANT_TYPE", f"unsupported grant_type: {grant_type}", "unsupported_grant_type",
                             "grant_type must be authorization_code or refresh_token", rfc=rfc)


@bp.post("/oauth/v1/token")
def token_v1():
    return _token(rfc=False)


@bp.post("/oauth/v3/token")
@bp.post("/oauth/2026-03/token")
def token_v3():
    return _token(rfc=True)


def _info(token: str, *, refresh: bool) -> dict[str, Any] | None:
    sb = current()
    grant = sb.tokens.refresh.get(token) if refresh else sb.tokens.check(token)[0]
    if grant is None or grant.revoked:
        return None
    portal = sb.portals[grant.hub_id]
    body: dict[str, Any] = {"token": token, "user": grant.user, "hub_domain": portal.domain,
                            "scopes": list(grant.scopes), "hub_id": grant.hub_id}
    if refresh:
        body.update(client_id=sb.config.client_id, user_id=grant.user_id, token_type="refresh")
    else:
        left = int(grant.expires_at - sb.tokens.clock()) if grant.expires_at else 10 ** 9
        body.update(app_id=sb.config.app_id, expires_in=left, user_id=grant.user_id, token_type="access")
    return body


@bp.get("/oauth/v1/access-tokens/<token>")
def access_token_info(token: str):
    body = _info(token, refresh=False)
    if body is None:
        raise errors.ApiError(404, {"status": "error", "message": "The access token is expired or invalid",
                                    "correlationId": errors.correlation_id(), "category": "OBJECT_NOT_FOUND"})
    return jsonify(body)


@bp.get("/oauth/v1/refresh-tokens/<token>")
def refresh_token_info(token: str):
    body = _info(token, refresh=True)
    if body is None:
        raise errors.ApiError(404, {"status": "error", "message": "refresh token not found",
                                    "correlationId": errors.correlation_id(), "category": "OBJECT_NOT_FOUND"})
    return jsonify(body)


@bp.delete("/oauth/v1/refresh-tokens/<token>")
def revoke_refresh(token: str):
    if not current().tokens.revoke_refresh(token):
        raise errors.ApiError(404, {"status": "error", "message": "refresh token not found",
                                    "correlationId": errors.correlation_id(), "category": "OBJECT_NOT_FOUND"})
    return "", 204


@bp.post("/oauth/v3/token/introspect")
@bp.post("/oauth/2026-03/token/introspect")
def introspect():
    sb = current()
    form = request.form
    if form.get("client_id") != sb.config.client_id or form.get("client_secret") != sb.config.client_secret:
        raise errors.oauth_error("BAD_CLIENT_ID", "missing or invalid client credentials", "invalid_client",
                                 "client authentication failed", rfc=True)
    token = form.get("token", "")
    is_refresh = form.get("token_type_hint") == "refresh_token" or token in sb.tokens.refresh
    info = _info(token, refresh=is_refresh)
    if info is None:
        return jsonify({"active": False})
    body = {"active": True, "token": token, "hub_id": info["hub_id"], "user_id": info["user_id"],
            "client_id": sb.config.client_id, "app_id": sb.config.app_id, "user": info["user"],
            "hub_domain": info["hub_domain"], "scopes": info["scopes"], "is_private_distribution": False,
            "token_use": "refresh_token" if is_refresh else "access_token", "token_type": "Bearer"}
    if not is_refresh:
        body["expires_in"] = info["expires_in"]
    return jsonify(body)


@bp.post("/oauth/v3/token/revoke")
@bp.post("/oauth/2026-03/token/revoke")
def revoke():
    sb = current()
    token = request.form.get("token", "")
    if not sb.tokens.revoke_refresh(token):
        grant = sb.tokens.access.get(token)
        if grant is not None:
            grant.revoked = True
    return "", 200
