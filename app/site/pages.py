"""The demo's index page and card pages as HTML strings (pure: payloads in, HTML out)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.cards.humanize import money, words
from app.cards.render import TEMPLATES_DIR as CARD_TEMPLATES
from app.cards.render import render_card_html
from app.cards.view import card_view
from app.connectors import deal_noun
from app.site.deals import EnrichedDeal


@cache
def _environment() -> Environment:
    # The card's templates are on the path too: the index shares the card's stylesheet.
    loader = ChoiceLoader([FileSystemLoader(Path(__file__).parent / "templates"), FileSystemLoader(CARD_TEMPLATES)])
    return Environment(loader=loader, autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def stage_text(stage: Any) -> str:
    """A stage as the CRM names it: an identifier without a label (`closed_won`, `QUALIFIED`) as words, and a value
    that is already a label, as Salesforce's StageName is, untouched ("Negotiation/Review" was shown
    "Negotiation/review", "Id. Decision Makers" "Id. decision makers")."""
    if not isinstance(stage, str) or not stage.strip():
        return ""
    identifier = "_" in stage or stage.isupper() or (stage.islower() and " " not in stage)
    return words(stage) if identifier else stage.strip()


def deal_row(deal: EnrichedDeal, href: str, now: datetime) -> dict[str, Any]:
    """One line of the index: the deal, its amount and stage, its chance, its next action."""
    view = card_view(deal.payload, object_type=deal.object_type, now=now)
    record = deal.payload.get("record") or {}
    conversion = view["conversion"] or {}
    action = view["action"] or {}
    return {
        "href": href,
        "title": deal.title,
        "stage": record.get("stage_label") or stage_text(record.get("stage")),
        "amount": money(record.get("amount"), record.get("currency")),
        "chance": conversion.get("headline") or "–",
        "action": action.get("title") or (view["outcome"] or {}).get("text") or view["status_label"],
        "when": action.get("meta") or "",
    }


def index_html(deals: Sequence[EnrichedDeal], *, href: Callable[[EnrichedDeal], str], recap: Sequence[str],
               now: datetime, generated: str = "", console: str = "",
               deal_words: tuple[str, str] = ("deal", "deals"), counts: Mapping[str, int] | None = None,
               pager: Mapping[str, Any] | None = None) -> str:
    """The index page: the recap, then every enriched deal with a link to its card (and, served
    live, a link to the admin console; an offline snapshot has no console to link to). Served live, `deals`
    is one page of the list: `counts` are the whole list's records of each kind and `pager` the page's place
    in it (`first`, `last`, `total`, `previous` and `next` addresses or None)."""
    rows = [deal_row(d, href(d), now) for d in deals if d.object_type == "deal"]
    leads = [deal_row(d, href(d), now) for d in deals if d.object_type == "lead"]
    counts = counts if counts is not None else {"deal": len(rows), "lead": len(leads)}
    return _environment().get_template("index.html").render(
        deals=rows, leads=leads, recap=list(recap), generated=generated, console=console, noun=deal_noun(deal_words),
        n_deals=counts.get("deal", 0), n_leads=counts.get("lead", 0), pager=pager)


def card_html(deal: EnrichedDeal, *, now: datetime, back_url: str, crm_label: str | None = None,
              deals_word: str = "deals") -> str:
    return render_card_html(deal.payload, title=deal.title, object_type=deal.object_type, now=now, back_url=back_url,
                            crm_label=crm_label, deals_word=deals_word)
