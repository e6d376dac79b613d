"""`GET /card/preview/hubspot/<portal>/<object_type>/<id>`: the card as an HTML page.

For the demo and for admins only: enabled in sandbox/demo mode, or for a signed-in admin
(session flag or ADMIN_TOKEN); never public in production.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, abort, current_app

from app.auth import is_admin
from app.cards.payload import canonical_object_type, card_payload
from app.cards.render import render_card_html
from app.cards.view import NOT_FOUND
from app.connectors import deal_words_of, label_of
from app.inbox import installed_tenant
from app.pipeline.crm import crm_client
from app.storage import get_db
from integrations.errors import CrmNotFound

bp = Blueprint("card_preview", __name__, url_prefix="/card/preview")
log = logging.getLogger(__name__)


def _allowed() -> bool:
    return bool(current_app.config.get("SANDBOX_MODE")) or is_admin()


@bp.get("/<crm>/<portal>/<object_type>/<object_id>")
def preview(crm: str, portal: str, object_type: str, object_id: str) -> Any:
    """Render the card of one record (404 when preview is not enabled for this request, or when the CRM
    has no record with this id)."""
    if not _allowed():
        abort(404)
    kind = canonical_object_type(object_type)
    if kind is None:
        abort(404)
    with get_db().session() as s:
        tenant = installed_tenant(s, crm, portal)
        if tenant is None:
            abort(404)
        tenant_id = tenant.id
        payload = card_payload(s, tenant_id, kind, object_id, deal_word=deal_words_of(crm)[0])
    status = 200
    if payload.get("status") == "not_enriched" and not payload.get("related_to") and _crm_lacks(tenant_id, crm,
                                                                                                 kind, object_id):
        noun = deal_words_of(crm)[0] if kind == "deal" else kind
        payload = {"error": NOT_FOUND, "message": f"No such {noun} in {label_of(crm) or crm}: check the id.",
                   "actions": []}
        status = 404
    title = (payload.get("record") or {}).get("name") or f"{kind.title()} {object_id}"
    back = "/" if current_app.config.get("SANDBOX_MODE") else None  # the demo's index page
    html = render_card_html(payload, title=title, object_type=kind, back_url=back, crm_label=label_of(crm),
                            deals_word=deal_words_of(crm)[1])
    return html, status, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}


def _crm_lacks(tenant_id: str, crm: str, kind: str, object_id: str) -> bool:
    """True only when the CRM says it has no such record: a mistyped id in the address must not offer
    "Score now". Any other answer (an outage, a type the adapter cannot read, no live install) proves
    nothing, and the card stays as it was."""
    try:
        crm_client(current_app, tenant_id, crm).get_record(kind, object_id)
    except CrmNotFound:
        return True
    except Exception as exc:  # noqa: BLE001 - a preview page must not fail because the check could not be made
        log.info("card preview: could not check %s %s in %s: %s", kind, object_id, crm, exc)
    return False
