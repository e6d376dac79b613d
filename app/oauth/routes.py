"""HubSpot install, callback and uninstall endpoints.

    GET  /oauth/hubspot/install    -> 302 to HubSpot's consent page, with a signed state
    GET  /oauth/hubspot/callback   -> code exchange -> tenant + encrypted installation
                                      -> output fields ensured -> backfill of open deals started
    POST /oauth/hubspot/uninstall  -> (admin) revoke tokens, delete the tenant's data
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

from flask import Flask, current_app, jsonify, redirect, request, url_for

from app.auth import is_admin
from app.oauth import bp
from app.oauth.state import StateError, issue_state, verify_state
from app.oauth.sync import backfill
from app.oauth.tenants import describe_install, hubspot_client_for, oauth_client, save_install
from app.oauth.uninstall import uninstall
from integrations.errors import CrmError
from integrations.hubspot.oauth import DEFAULT_SCOPES, OPTIONAL_SCOPES

log = logging.getLogger(__name__)


def redirect_uri() -> str:
    """The callback URL registered with HubSpot: PUBLIC_URL when set (proxies), else this host."""
    public = current_app.config.get("PUBLIC_URL")
    if public:
        return public.rstrip("/") + url_for("oauth.hubspot_callback")
    return url_for("oauth.hubspot_callback", _external=True)


@bp.get("/hubspot/install")
def hubspot_install() -> Any:
    """Send the browser to HubSpot's consent page."""
    required, optional = install_scopes()
    url = oauth_client().authorize_url_for(redirect_uri=redirect_uri(), state=issue_state(), scopes=required,
                                           optional_scopes=optional)
    return redirect(url, code=302)


MANIFEST = Path(__file__).resolve().parents[2] / "manifests" / "hubspot" / "app-hsmeta.json"
"""The app registration template; its scope lists are what HubSpot will accept at install."""


def install_scopes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) scopes: HUBSPOT_SCOPES if configured, else the manifest's, else defaults."""
    configured = current_app.config.get("HUBSPOT_SCOPES")
    if configured:
        scopes = tuple(configured.split()) if isinstance(configured, str) else tuple(configured)
        return scopes, ()
    try:
        auth = json.loads(MANIFEST.read_text())["config"]["auth"]
        return tuple(auth["requiredScopes"]), tuple(auth.get("optionalScopes") or ())
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_SCOPES, OPTIONAL_SCOPES


@bp.get("/hubspot/callback")
def hubspot_callback() -> Any:
    """Finish the install: exchange the code, store the tenant, prepare the portal, backfill."""
    if request.args.get("error"):
        return _error(400, "consent_denied", request.args.get("error_description") or request.args["error"])
    try:
        verify_state(request.args.get("state"))
    except StateError as exc:
        log.warning("oauth callback refused: %s", exc)
        return _error(400, "invalid_state", "the install link expired or was not started here; start again")
    code = request.args.get("code")
    if not code:
        return _error(400, "missing_code", "HubSpot did not send an authorization code")
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    client = oauth_client(app)
    try:
        tokens = client.exchange_code(code, redirect_uri())
        if not tokens.hub_id:
            from integrations.hubspot.oauth import with_tokens

            info = client.token_info(tokens.access_token)
            tokens = with_tokens(tokens, hub_id=str(info.get("hub_id")))
    except CrmError as exc:
        log.warning("oauth code exchange failed: %s", exc)
        return _error(502 if exc.should_retry else 400, "exchange_failed", exc.message)
    tenant_id = save_install(app, tokens, api_base=client.base_url)
    fields: list[str] = []
    try:
        fields = hubspot_client_for(tenant_id, app, fresh=True).ensure_output_fields()
    except CrmError as exc:
        # The install itself succeeded; the next job or reconciliation retries the fields.
        log.warning("ensuring output fields failed: %s", exc, extra={"tenant_id": tenant_id})
    _audit_install(app, tenant_id, tokens, fields)
    thread = start_backfill(app, tenant_id)
    return jsonify({"status": "installed", "tenant": tenant_id, "hub_id": tokens.hub_id,
                    "fields_created": fields, "backfill": "started" if thread else "not_started"})


def start_backfill(app: Flask, tenant_id: str) -> threading.Thread | None:
    """Run the install backfill in a background thread (listing a big portal takes a while).

    The thread is kept in `app.extensions["hubspot_backfills"]` so tests and the CLI can join it.
    If the process dies mid-way, `agentic-sales backfill --tenant T` finishes the job.
    """
    if app.config.get("HUBSPOT_BACKFILL_ON_INSTALL") is False:
        return None

    def run() -> None:
        with app.app_context():
            try:
                backfill(tenant_id, app)
            except Exception:
                log.exception("install backfill failed", extra={"tenant_id": tenant_id})

    thread = threading.Thread(target=run, name=f"backfill-{tenant_id}", daemon=True)
    app.extensions.setdefault("hubspot_backfills", {})[tenant_id] = thread
    thread.start()
    return thread


@bp.post("/hubspot/uninstall")
def hubspot_uninstall() -> Any:
    """Uninstall a tenant (admin only): revoke its tokens and delete its data."""
    if not is_admin():
        return _error(403, "forbidden", "admin only")
    body = request.get_json(silent=True) or {}
    tenant_id = body.get("tenant") or request.form.get("tenant")
    if not tenant_id:
        return _error(400, "missing_tenant", "give the tenant id as {\"tenant\": \"hubspot-<hub id>\"}")
    result = uninstall(str(tenant_id))
    if not result["found"]:
        return _error(404, "unknown_tenant", f"no tenant {tenant_id}")
    return jsonify({"status": "uninstalled", **result})


def _error(status: int, code: str, message: str) -> Any:
    resp = jsonify({"error": code, "message": message})
    resp.status_code = status
    return resp


def _audit_install(app: Flask, tenant_id: str, tokens: Any, fields: list[str]) -> None:
    from app.audit import write_audit
    from app.storage import get_db

    try:
        with get_db(app).session() as s:
            write_audit(s, "tenant.installed", tenant_id=tenant_id,
                        detail={**describe_install(tokens), "fields_created": fields})
    except Exception:
        log.exception("audit write failed", extra={"tenant_id": tenant_id})


__all__ = ["hubspot_callback", "hubspot_install", "hubspot_uninstall", "start_backfill"]
