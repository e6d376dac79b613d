"""The card as server-side HTML (the preview page), from the same payload the HubSpot card reads."""

from app.cards.render import render_card_html

__all__ = ["render_card_html"]
