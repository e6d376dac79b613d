"""Sign in to the console through the CRM: the connector's own OAuth flow, nothing installed.

`GET /admin/signin/<crm>` sends the browser to the CRM's consent page with a state (kept server-side) that
says "sign-in"; the CRM returns to the connector's registered callback (app/oauth/routes.py),
which hands the exchanged tokens to `finish_signin`. The tokens only prove who the person is and
which portal/org they came from; they are dropped, never stored (the installation keeps its own).
"""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, url_for

from app.admin import bp, refusal
from app.admin.access import sign_in_crm_user
from app.config import ConfigError
from app.connectors import UnknownConnectorError, get_connector
from app.oauth.state import issue_state
from app.storage import get_db
from app.storage.models import Tenant
from app.tenants import active_installation, oauth_for
from integrations.base import TokenSet


@bp.get("/signin/<crm>")
def signin(crm: str) -> Any:
    """Send the browser to the CRM to prove who it is."""
    try:
        connector = get_connector(crm)
    except UnknownConnectorError:
        return refusal(404, "Unknown CRM", f"There is no CRM called {crm!r} here.")
    from app.oauth.routes import redirect_uri

    # The same scopes as the install: HubSpot refuses an authorize URL whose scopes differ from the app's.
    required, optional = connector.install_scopes(current_app.config)  # type: ignore[attr-defined]
    from app.oauth import pkce

    try:
        provider = oauth_for(crm)
    except ConfigError as exc:
        label = getattr(connector, "label", crm)
        return refusal(503, f"Sign-in with {label} is not set up here",
                       f"This deployment has no {label} app credentials, so {label} cannot vouch for you here "
                       f"({exc}). Sign in with the CRM this deployment serves, or with the admin token.")
    url = provider.authorize_url(redirect_uri=redirect_uri(crm),
                                 state=issue_state(crm, "signin"),
                                 scopes=required, optional_scopes=optional, **pkce.authorize_args(provider))
    return redirect(url, code=302)


def finish_signin(crm: str, tokens: TokenSet) -> Any:
    """Start a console session for the person the CRM vouched for, scoped to their account."""
    connector = get_connector(crm)
    if not tokens.account_id or not tokens.user:
        return refusal(403, "The CRM did not say who you are",
                       "Sign-in needs the CRM to name your account and user; try again, or use the admin token.")
    tenant_id = connector.tenant_id_for(str(tokens.account_id))
    with get_db().session() as s:
        tenant = s.get(Tenant, tenant_id)
        live = tenant is not None and tenant.status == "active" and active_installation(s, tenant_id) is not None
    if not live:
        return refusal(403, "Agentic Sales is not installed in this account",
                       f"Install the app from {getattr(connector, 'label', crm)} first "
                       f"({url_for('oauth.install', crm=crm)}), then sign in again.")
    sign_in_crm_user(crm=crm, tenant_id=tenant_id, user=str(tokens.user))
    return redirect(url_for("admin.health", tenant=tenant_id))


@bp.post("/signout")
def signout() -> Any:
    """End the console session (CSRF-checked like every form here)."""
    from flask import session

    session.clear()
    return redirect(url_for("admin_auth.login"))
