"""Install, callback and uninstall endpoints of any registered CRM connector.

    GET  /oauth/<crm>/install    -> 302 to the CRM's consent page, with a state kept server-side
    GET  /oauth/<crm>/callback   -> code exchange -> tenant + encrypted installation
                                    -> output fields ensured -> backfill of open deals started
                                    -> an HTML page for the admin's browser (JSON when asked for)
    POST /oauth/<crm>/uninstall  -> (admin) revoke tokens, delete the tenant's data
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Flask, current_app, jsonify, redirect, request, url_for

from app.auth import csrf_ok, is_admin, token_in_header
from app.config import ConfigError
from app.connectors import UnknownConnectorError, get_connector
from app.oauth import bp, pkce
from app.oauth.reinstall import ReinstallRefused, check_reinstall
from app.oauth.state import StateError, issue_state, take_state
from app.sync import backfill
from app.tenants import client_for, describe_install, oauth_for, save_install
from app.tenants.uninstall import uninstall
from integrations.errors import CrmError

log = logging.getLogger(__name__)


def redirect_uri(crm: str) -> str:
    """The callback URL registered with the CRM: PUBLIC_URL when set (proxies), else this host."""
    public = current_app.config.get("PUBLIC_URL")
    if public:
        return public.rstrip("/") + url_for("oauth.callback", crm=crm)
    return url_for("oauth.callback", crm=crm, _external=True)


def _connector(crm: str) -> Any:
    try:
        return get_connector(crm)
    except UnknownConnectorError as exc:
        raise _Refused(404, "unknown_crm", str(exc)) from None


def _provider(crm: str, connector: Any) -> Any:
    """The CRM's OAuth provider; a 503 naming the missing settings when this deployment has no app
    credentials for that CRM (a HubSpot-only deployment's Salesforce install was a framework 500 page),
    as the console's "Sign in with ..." says."""
    try:
        return oauth_for(crm)
    except ConfigError as exc:
        label = getattr(connector, "label", crm)
        log.warning("%s install refused: %s", label, exc)
        raise _Refused(503, "crm_not_configured",
                       f"installing into {label} is not set up on this deployment ({exc})") from None


class _Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@bp.after_request
def _no_store(resp: Any) -> Any:
    # The install page shows a Salesforce org's webhook secret and signs the installer in; no
    # answer of the install flow belongs in a shared or browser cache.
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.errorhandler(_Refused)
def _refused(exc: _Refused) -> Any:
    return _error(exc.status, exc.code, exc.message)


@bp.get("/<crm>/install")
def install(crm: str) -> Any:
    """Send the browser to the CRM's consent page."""
    connector = _connector(crm)
    required, optional = connector.install_scopes(current_app.config)
    provider = _provider(crm, connector)
    url = provider.authorize_url(redirect_uri=redirect_uri(crm), state=issue_state(crm),
                                 scopes=required, optional_scopes=optional, **pkce.authorize_args(provider))
    return redirect(url, code=302)


@bp.get("/<crm>/callback")
def callback(crm: str) -> Any:
    """Finish the install: exchange the code, store the tenant, prepare the account, backfill."""
    connector = _connector(crm)
    if request.args.get("error"):
        return _callback_error(crm, 400, "consent_denied",
                               request.args.get("error_description") or request.args["error"])
    try:
        attempt = take_state(request.args.get("state"), crm)
    except StateError as exc:
        log.warning("oauth callback refused: %s", exc)
        return _callback_error(crm, 400, "invalid_state", str(exc))
    code = request.args.get("code")
    if not code:
        return _callback_error(crm, 400, "missing_code", "the CRM did not send an authorization code")
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    provider = _provider(crm, connector)
    try:
        tokens = provider.exchange(code, redirect_uri=redirect_uri(crm), **pkce.exchange_args(provider))
    except CrmError as exc:
        log.warning("oauth code exchange failed: %s", exc)
        return _callback_error(crm, 502 if exc.should_retry else 400, "exchange_failed", exc.message)
    if attempt.purpose == "signin":
        # "Sign in with <CRM>" on the console: the CRM vouched for the person; nothing is installed.
        from app.admin.signin import finish_signin

        return finish_signin(crm, tokens)
    if not tokens.account_id:
        return _callback_error(crm, 502, "exchange_failed", f"{crm} did not say which account was installed; start again")
    try:
        check_reinstall(app, crm, connector.tenant_id_for(str(tokens.account_id)), tokens)
    except ReinstallRefused as exc:
        return _refused_reinstall(exc)
    tenant_id = save_install(app, crm, tokens, api_base=getattr(provider, "base_url", None),
                             installed_by=tokens.user)
    fields: list[str] = []
    fields_error: str | None = None
    try:
        fields = client_for(tenant_id, app, fresh=True).ensure_output_fields()
    except CrmError as exc:
        # The install itself succeeded; the next job or reconciliation retries the fields. The
        # admin sees why (e.g. the exact custom fields a package still has to deploy).
        log.warning("ensuring output fields failed: %s", exc, extra={"tenant_id": tenant_id})
        fields_error = exc.message
    secret_in_org, secret_error = _push_webhook_secret(app, connector, tenant_id, str(tokens.account_id))
    degraded = [{"scope": s.name, "degrades": s.degrades}
                for s in getattr(connector, "missing_optional_scopes", lambda _g: [])(tokens.scopes)]
    first_training = _request_first_training(app, tenant_id)
    # A tenant without models: its open records are enriched once, after that first training (enriched now and
    # again when the models land, day one cost every record's LLM agents twice: app/pipeline/first_training.py).
    waits = (bool(first_training) and app.config.get("BACKFILL_ON_INSTALL") is not False
             and bool(app.config.get("INSTALL_BACKFILL_AFTER_FIRST_TRAINING", True)))
    # The install's audit row says its backfill waits: the training reads it there, not from an empty tenant.
    _audit_install(app, tenant_id, tokens, fields, degraded, backfill_waits=waits)
    thread = None if waits else start_backfill(app, tenant_id)
    body = {"status": "installed", "crm": crm, "tenant": tenant_id, "account_id": tokens.account_id,
            "fields_created": fields, "fields_error": fields_error, "degraded": degraded,
            "secret_in_org": secret_in_org, "secret_error": secret_error,
            "backfill": "started" if thread else "after_first_training" if waits else "not_started",
            "first_training": "requested" if first_training else None}
    if _wants_json():
        return jsonify(body)
    from app.admin.install_page import installed_html

    return installed_html(connector, body, tokens=tokens, config=app.config)


def _request_first_training(app: Flask, tenant_id: str) -> bool:
    """A tenant without models gets its first training at the scheduler's next tick, not a day later."""
    from app.pipeline.first_training import request_after_install

    try:
        return request_after_install(app, tenant_id)
    except Exception:  # the install stands; the daily retraining still comes
        log.exception("could not request the first training", extra={"tenant_id": tenant_id})
        return False


def _push_webhook_secret(app: Flask, connector: Any, tenant_id: str, account_id: str) -> tuple[bool | None, str | None]:
    """A CRM whose package signs requests with the account's secret (Salesforce) gets it from the
    app, into storage only the package reads: (True, None) when done, (False, why) when the admin
    must enter it by hand (the install page shows it then), (None, None) for other CRMs."""
    push = getattr(connector, "push_webhook_secret", None)
    if not callable(push):
        return None, None
    try:
        push(client_for(tenant_id, app), account_id, config=app.config)
    except CrmError as exc:
        log.warning("putting the webhook secret into the org failed: %s", exc, extra={"tenant_id": tenant_id})
        return False, exc.message
    return True, None


def _callback_error(crm: str, status: int, code: str, message: str) -> Any:
    """A failed install as the admin's browser meets it: a page that says what happened and links
    back to the install (not a JSON body); API clients still get the JSON error."""
    if _wants_json():
        return _error(status, code, message)
    from app.admin import refusal

    return refusal(status, "Agentic Sales was not installed", message[:1].upper() + message[1:].rstrip(".") + ".",
                   retry=(url_for("oauth.install", crm=crm), "Start the install again"))


def _refused_reinstall(exc: ReinstallRefused) -> Any:
    if _wants_json():
        return _error(403, "installed_by_another_user", str(exc))
    from app.admin import refusal

    return refusal(403, "Agentic Sales is already installed in this account", str(exc)[0].upper() + str(exc)[1:])


def _wants_json() -> bool:
    # A browser lists text/html first (Chromium also lists XHTML, XML and */*); API clients and
    # scripts send application/json or nothing.
    accept = request.accept_mimetypes
    if not request.headers.get("Accept") or accept.best == "*/*":
        return True
    return accept.best_match(["text/html", "application/json"]) != "text/html"


def start_backfill(app: Flask, tenant_id: str) -> threading.Thread | None:
    """Run the install backfill in a background thread (listing a big account takes a while).

    The thread is kept in `app.extensions["backfills"]` so tests and the CLI can join it. If the
    process dies mid-way, `agentic-sales backfill --tenant T` finishes the job.
    """
    if app.config.get("BACKFILL_ON_INSTALL") is False:
        return None

    def run() -> None:
        with app.app_context():
            try:
                backfill(tenant_id, app)
            except Exception:
                log.exception("install backfill failed", extra={"tenant_id": tenant_id})

    thread = threading.Thread(target=run, name=f"backfill-{tenant_id}", daemon=True)
    app.extensions.setdefault("backfills", {})[tenant_id] = thread
    thread.start()
    return thread


@bp.post("/<crm>/uninstall")
def uninstall_route(crm: str) -> Any:
    """Uninstall a tenant (admin only): revoke its tokens and delete its data."""
    _connector(crm)
    if not is_admin():
        return _error(403, "forbidden", "admin only")
    if not token_in_header() and not csrf_ok():  # a signed-in browser: the console's form, not a forged one
        return _error(400, "csrf_failed", "uninstall from the console (its form carries the CSRF token), or send "
                      "the admin token in the X-Admin-Token header")
    body = request.get_json(silent=True)
    tenant_id = (body.get("tenant") if isinstance(body, dict) else None) or request.form.get("tenant")
    if not tenant_id or not isinstance(tenant_id, str):
        return _error(400, "missing_tenant", "give the tenant id as {\"tenant\": \"<crm>-<account id>\"}")
    owner = _tenant_crm(tenant_id)
    if owner is not None and owner != crm:  # the route names the CRM: never erase another CRM's tenant through it
        return _error(404, "unknown_tenant", f"no {crm} tenant {tenant_id} (it is a {owner} tenant)")
    result = uninstall(tenant_id)
    if not result["found"]:
        return _error(404, "unknown_tenant", f"no tenant {tenant_id}")
    return jsonify({"status": "uninstalled", **result})


def _tenant_crm(tenant_id: str) -> str | None:
    from app.storage import get_db
    from app.storage.models import Tenant

    with get_db().session() as s:
        tenant = s.get(Tenant, tenant_id)
        return tenant.crm if tenant is not None else None


def _error(status: int, code: str, message: str) -> Any:
    resp = jsonify({"error": code, "message": message})
    resp.status_code = status
    return resp


def _audit_install(app: Flask, tenant_id: str, tokens: Any, fields: list[str], degraded: list[Any], *,
                   backfill_waits: bool) -> None:
    from app.audit import write_audit
    from app.pipeline.first_training import BACKFILL_WAITS
    from app.storage import get_db

    try:
        with get_db(app).session() as s:
            write_audit(s, "tenant.installed", tenant_id=tenant_id,
                        detail={**describe_install(tokens), "fields_created": fields, "degraded": degraded,
                                BACKFILL_WAITS: backfill_waits})
    except Exception:
        log.exception("audit write failed", extra={"tenant_id": tenant_id})


__all__ = ["callback", "install", "start_backfill", "uninstall_route"]
