"""The page an admin's browser lands on after consenting to the install.

It says what was installed (account, scopes granted and what each missing one costs), which CRM
fields were created, and what is left to do by hand: placing the card on the record layout (the
CRMs never do it for an app), with a link to the tenant's install-health page. The consenting
person is signed in to the console for that tenant (they are its installing user: admin).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import render_template, url_for

from app.admin.access import sign_in_crm_user
from app.admin.health import scope_rows
from app.connectors import deal_noun


def installed_html(connector: Any, body: Mapping[str, Any], *, tokens: Any, config: Mapping[str, Any]) -> Any:
    """Render the install page for `body` (the callback's JSON answer) and sign the installer in."""
    try:
        requested = connector.install_scopes(config)
    except Exception:  # a connector without install_scopes: its declared scopes
        specs = getattr(connector, "scopes", ())
        requested = (tuple(s.name for s in specs if s.required), tuple(s.name for s in specs if not s.required))
    scopes = scope_rows(requested, tokens.scopes or (), getattr(connector, "scopes", ()))
    labels = {f.name: f.label for f in connector.output_fields()}
    created = [{"name": name, "label": labels.get(name, name)} for name in body.get("fields_created") or ()]
    if tokens.user:
        sign_in_crm_user(crm=body["crm"], tenant_id=body["tenant"], user=str(tokens.user))
    # A CRM whose change notifications the admin wires by hand (an outbound URL and the account's
    # secret, docs/admin.md) gets them here, the one page that admin is sure to see after consenting.
    hook = getattr(connector, "webhook_urls", None)
    webhooks = (hook(str(body["account_id"]), config=config, secret_in_org=bool(body.get("secret_in_org")))
                if callable(hook) and body.get("account_id") else None)
    return render_template(
        "admin/installed.html", crm_label=getattr(connector, "label", body["crm"]), body=body,
        account=getattr(connector, "account_word", "account"),  # the CRM's words: a Salesforce "org"
        deal=deal_noun(tuple(getattr(connector, "deal_words", None) or ("deal", "deals"))),  # type: ignore[arg-type]
        user=tokens.user, scopes=scopes, created=created, expected=len(labels),
        steps=list(getattr(connector, "layout_steps", ())),
        health_url=url_for("admin.health", tenant=body["tenant"]),
        signed_in=bool(tokens.user), webhooks=webhooks, secret_in_org=body.get("secret_in_org"),
        secret_error=body.get("secret_error"))
