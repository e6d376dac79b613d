"""Reports about a tenant for revenue ops: model cards (console page and `agentic-sales model report`)."""

from app.reports.model_cards import UnknownTenantError, model_cards

__all__ = ["UnknownTenantError", "model_cards"]
