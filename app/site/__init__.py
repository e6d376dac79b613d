"""`GET /`: the first page a newcomer sees.

In sandbox/demo mode (or for an admin) it lists every enriched deal with a link to its card (50 a page,
`?page=N`) and the demo's recap; otherwise it only says the service is running (no customer data in public).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, current_app, request, url_for

from app.auth import is_admin
from app.connectors import deal_words_of, index_deal_words
from app.site.deals import DealsPage, EnrichedDeal, active_tenants, deals_page
from app.site.pages import index_html
from app.storage import get_db

bp = Blueprint("site", __name__)

DEMO_RECAP = "DEMO_RECAP"
"""app.config key where the demo puts its recap sentences for the index page."""


def _card_href(deal: EnrichedDeal) -> str:
    return url_for("card_preview.preview", crm=deal.crm, portal=deal.account, object_type=deal.object_type,
                   object_id=deal.record_id)


@bp.get("/")
def index() -> Any:
    headers = {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
    if not (current_app.config.get("SANDBOX_MODE") or is_admin()):
        return ("<!doctype html><title>Agentic Sales</title><p>Agentic Sales is running. "
                "Health: <a href=\"/healthz\">/healthz</a>.</p>"), 200, headers
    with get_db().session() as s:
        listing = deals_page(s, active_tenants(s), page=request.args.get("page", 1, type=int),
                             deal_word_of=lambda crm: deal_words_of(crm)[0])
    console = url_for("admin.index") if "admin.index" in current_app.view_functions else ""
    html = index_html(listing.deals, href=_card_href, recap=current_app.config.get(DEMO_RECAP) or (),
                      now=datetime.now(UTC), console=console, deal_words=index_deal_words(set(listing.crms)),
                      counts=listing.counts, pager=_pager(listing))
    return html, 200, headers


def _pager(listing: DealsPage) -> dict[str, Any] | None:
    """Where the page sits in the list, with links to its neighbours; None when the list fits on one page."""
    if listing.pages <= 1:
        return None
    return {"first": listing.first, "last": listing.first + len(listing.deals) - 1, "total": listing.total,
            "previous": url_for("site.index", page=listing.page - 1) if listing.page > 1 else None,
            "next": url_for("site.index", page=listing.page + 1) if listing.page < listing.pages else None}
