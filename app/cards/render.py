"""Render a card payload as one self-contained HTML page that looks like the HubSpot sidebar card.

    from app.cards import render_card_html
    html = render_card_html(payload, title="Northwind Logistics - 250 seats", object_type="deal")

The page has no external assets (inline CSS, one inline script for the copy button), so it works
offline, from disk (the demo's snapshot) and in a screenshot. Elements carry the same
``data-testid`` values as the React card's ``testId``s: ``status``, ``nba-title``, ``draft-body``,
``btn-copy``, ``score-conversion``, ``factors-conversion``, ``btn-accept``, ``details``, ...
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.cards.catalogue import card_language, ui_texts
from app.cards.view import card_view

TEMPLATES_DIR = Path(__file__).parent / "templates"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_card_html(payload: Mapping[str, Any], *, title: str, object_type: str | None = None,
                     now: datetime | None = None, back_url: str | None = None, crm_label: str | None = None,
                     deals_word: str = "deals") -> str:
    """Render the card for one record as a complete HTML document.

    Args:
        payload: the card payload (DESIGN.md "Card payload"; statuses enriched, pending, stale,
            not_enriched), or an error body ``{"error": code, "message": text}`` (the code
            ``model_retraining`` renders the "models are retraining" state).
        title: the page and card heading, e.g. the record's name; HTML-escaped.
        object_type: type of the record the page is about ("deal", "contact", "company"); when the
            payload's ``record.object_type`` differs, the card says it shows the related record.

        now: the reader's current time, for relative dates (default: now, UTC).
        back_url: a link back to the list of deals (the demo's index page), if any.
        crm_label: the CRM whose card has the buttons this page dims ("Salesforce"); None: "your CRM".
        deals_word: what the CRM calls its deals, for the back link ("opportunities" in Salesforce).

    Returns:
        The HTML page as a string (UTF-8, no external resources, all text escaped).
    """
    lang = card_language(payload)
    view = card_view(payload, object_type=object_type, now=now, lang=lang)
    ui = ui_texts(lang)
    back = ui["all.opportunities"] if deals_word == "opportunities" else ui["all.deals"] if deals_word == "deals" \
        else f"← All {deals_word}"
    return _environment().get_template("card.html").render(
        title=title, card=view, back_url=back_url, mailto=mailto_link(view), ui=ui, lang=lang, back_text=back,
        crm_card=ui["crm_card"].format(crm=crm_label) if crm_label else ui["your_crm_card"])


def mailto_link(view: Mapping[str, Any]) -> str | None:
    """Outside HubSpot the composer is the local mail client, prefilled with the draft."""
    draft = view.get("draft") or {}
    to = draft.get("to_email")
    if not draft.get("email") or not to:
        return None
    query = urlencode({"subject": draft.get("subject") or "", "body": draft.get("body") or ""}, quote_via=quote)
    return f"mailto:{quote(to, safe='@')}?{query}"
