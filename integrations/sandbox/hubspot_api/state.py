"""The state behind one sandbox server: portals, markets, tokens, limits and the webhook sender.

`Sandbox` is created by `create_sandbox_app` and stored in `app.extensions["hubspot_sandbox"]`;
views reach it through :func:`current`. Each portal gets its own simulated market (seeded from
the server seed and the portal's position) so several tenants can be tested side by side.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import current_app

from ..market import Market, MarketConfig
from .bridge import Bridge
from .config import SandboxConfig
from .delivery import WebhookDispatcher
from .limits import RateLimiter
from .store import Portal
from .tokens import Grant, TokenStore

EXTENSION = "hubspot_sandbox"


class Sandbox:
    """All state of one sandbox server."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.tokens = TokenStore()
        self.limiter = RateLimiter(config.rate_limit, config.rate_window_ms, config.search_per_second,
                                   seed=config.seed)
        self.limiter.faults.webhooks_enabled = config.webhooks_enabled
        self.webhooks = WebhookDispatcher(config, self.limiter.faults)
        self.portals: dict[int, Portal] = {}
        self.markets: dict[int, Market] = {}
        self.bridges: dict[int, Bridge] = {}
        self.installed: set[int] = set()
        self.reset(config.seed)

    def reset(self, seed: int | None = None, **market_overrides: Any) -> None:
        """Rebuild every portal from the market for `seed` (tokens stay valid)."""
        with self.lock:
            if seed is not None:
                self.config.seed = seed
            self.webhooks.clear()
            self.portals.clear()
            self.markets.clear()
            self.bridges.clear()
            for i, hub_id in enumerate(self.config.hub_ids):
                mc = MarketConfig(
                    seed=self.config.seed * 1000 + i, start=self.config.start,
                    n_companies=market_overrides.get("n_companies", self.config.n_companies),
                    n_owners=market_overrides.get("n_owners", self.config.n_owners),
                    n_open_deals=market_overrides.get("n_open_deals", self.config.n_open_deals),
                    n_closed_deals=market_overrides.get("n_closed_deals", self.config.n_closed_deals),
                    locale=market_overrides.get("locale", self.config.locale),
                    drawn_effects=market_overrides.get("drawn_effects", self.config.drawn_effects),
                )
                market = Market(mc)
                portal = Portal(hub_id)
                b = Bridge(portal, market)
                b.seed()
                portal.listeners.append(self.webhooks.on_change)
                self.portals[hub_id] = portal
                self.markets[hub_id] = market
                self.bridges[hub_id] = b
            if self.config.private_app_token:
                hub = self.config.hub_ids[0]
                self.tokens.add_static(self.config.private_app_token, Grant(
                    hub, self._user_id(hub), self._user(hub), tuple(self.config.scopes)))

    def portal(self, hub_id: int | None = None) -> Portal:
        """Return a portal by hub id (default: the first)."""
        return self.portals[hub_id if hub_id is not None else self.config.hub_ids[0]]

    def grant_for(self, hub_id: int, scopes: tuple[str, ...] | None = None) -> Grant:
        """Return the grant an install of the app into `hub_id` would produce."""
        return Grant(hub_id, self._user_id(hub_id), self._user(hub_id), scopes or tuple(self.config.scopes))

    def _user_id(self, hub_id: int) -> int:
        owners = self.portals[hub_id].owners
        return int(owners[0]["userId"]) if owners else 1

    def _user(self, hub_id: int) -> str:
        owners = self.portals[hub_id].owners
        return str(owners[0]["email"]) if owners else "admin@example.com"

    def stop(self) -> None:
        """Stop background threads (the webhook sender)."""
        self.webhooks.stop()


def current() -> Sandbox:
    """Return the Sandbox of the running app."""
    return current_app.extensions[EXTENSION]
