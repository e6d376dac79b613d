"""Reports about a tenant for revenue ops: model cards (console page and `agentic-sales model report`).

Console use::

    from app.reports import model_cards, card_html, CARD_CSS
    cards = model_cards(app, tenant_id)          # one ModelCard per task, in TASKS order
    fragments = [card_html(c) for c in cards]    # self-contained <section class="model-card">
    data = [c.to_dict() for c in cards]          # JSON (figures=True adds the SVG markup)
"""

from app.reports.model_cards import UnknownTenantError, model_cards
from scoring.model_card import ModelCard
from scoring.report import STYLE as CARD_CSS
from scoring.report import card_html

__all__ = ["CARD_CSS", "ModelCard", "UnknownTenantError", "card_html", "model_cards"]
