"""`GET /card/preview/hubspot/<portal>/<object_type>/<id>`: the card as an HTML page.

For the demo and for admins only: enabled in sandbox/demo mode, or for a signed-in admin
(session flag or ADMIN_TOKEN); never public in production.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app

from app.auth import is_admin
from app.cards.payload import canonical_object_type, card_payload
from app.cards.render import render_card_html
from app.connectors import deal_words_of, label_of
from app.inbox import installed_tenant
from app.storage import get_db

bp = Blueprint("card_preview", __name__, url_prefix="/card/preview")


def _allowed() -> bool:
    return bool(current_app.config.get("SANDBOX_MODE")) or is_admin()


@bp.get("/<crm>/<portal>/<object_type>/<object_id>")
def preview(crm: str, portal: str, object_type: str, object_id: str) -> Any:
    """Render the card of one record (404 when preview is not enabled for this request)."""
    if not _allowed():
        abort(404)
    kind = canonical_object_type(object_type)
    if kind is None:
        abort(404)
    with get_db().session() as s:
        tenant = installed_tenant(s, crm, portal)
        if tenant is None:
            abort(404)
        payload = card_payload(s, tenant.id, kind, object_id, deal_word=deal_words_of(crm)[0])
    title = (payload.get("record") or {}).get("name") or f"{kind.title()} {object_id}"
    back = "/" if current_app.config.get("SANDBOX_MODE") else None  # the demo's index page
    html = render_card_html(payload, title=title, object_type=kind, back_url=back, crm_label=label_of(crm),
                            deals_word=deal_words_of(crm)[1])
    return html, 200, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
