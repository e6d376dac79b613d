"""The `Market`: a deterministic simulated book of business with a queryable hidden truth."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from . import _churn, _effects, _generate, _simulate, _truth
from ._model import Activity, Company, Contact, Deal, Owner


@dataclass
class MarketConfig:
    """Size and randomness of a market; same config -> same market, value for value."""

    seed: int = 7
    start: datetime | None = None
    """The market's 'now' (UTC); None means today at 00:00 UTC."""
    n_companies: int = 60
    n_owners: int = 6
    n_open_deals: int = 80
    n_closed_deals: int = 240
    injection_rate: float = 0.01
    """Share of notes that carry a prompt-injection attempt (LLM input is untrusted)."""
    task_completion_rate: float = 0.35
    """Daily probability that a rep completes an open app task."""
    new_deals_per_day: float | None = None
    """New deals per simulated day; None keeps the open pipeline roughly stable."""
    discount_policy: str = "confounded"
    """How reps discounted past deals: "confounded" (they discount the deals they fear losing,
    more for weaker ones, capped at 30%; the realistic case) or "random" (a randomised history)."""
    randomising_share: float = 0.25
    """Share of reps who discount at random even under the confounded policy (the variation a
    price model can learn from)."""
    locale: str | None = None
    """Buyer language of every company, contact and activity ("de", "fr" or "es": see _locales); None is the
    default, mostly English-speaking, market."""
    drawn_effects: bool = False
    """False (default): the strategies' effects are the fixed table (`_truth.STRATEGY_EFFECT`), the
    same on every seed. True: a table drawn for this seed (`_effects.draw_effects`; the deals and
    every other draw of the seed are unchanged)."""


DISCOUNT_GRID = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
"""Discounts reps give (a randomising rep picks one of them at random)."""
RANDOM_DISCOUNT_SHARE = 0.45
"""Share of deals a randomising rep discounts."""
DISCOUNT_SIZE_NOISE = 0.03
"""Spread of a confounded rep's discount around the size the deal's weakness suggests."""


def discount_chance(p0: np.ndarray | float) -> np.ndarray:
    """Chance a confounded rep discounts a deal whose odds without a discount are `p0`."""
    return _truth.sigmoid(4.0 * (0.35 - np.asarray(p0, dtype=float)))


def discount_size(p0: np.ndarray | float, noise: np.ndarray | float) -> np.ndarray:
    """A confounded rep's discount: larger for weaker deals, on the 5% grid, capped at 30%."""
    size = 0.05 + 0.5 * np.maximum(0.0, 0.45 - np.asarray(p0, dtype=float)) + np.asarray(noise, dtype=float)
    return np.clip(np.round(size * 20) / 20, DISCOUNT_GRID[0], DISCOUNT_GRID[-1])


class Market:
    """Owners, companies, contacts, deals and activities, plus the truth behind them.

    Attributes ending in `_` on entities are hidden. The HubSpot emulation shows everything
    else; benchmarks read the truth through :meth:`truth`, :meth:`price_curve` and
    :meth:`churn_truth`, keyed by market keys (the bridge maps them to CRM ids).
    """

    def __init__(self, config: MarketConfig | None = None) -> None:
        self.config = config or MarketConfig()
        start = self.config.start or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        self.start = start.astimezone(UTC)
        self.now = self.start
        self.effects = _effects.effect_table(self.config.seed, self.config.drawn_effects)
        """What each strategy does to a deal's odds (hidden; the fixed table unless `drawn_effects`)."""
        self.rng = np.random.default_rng(self.config.seed)
        self.trng = random.Random(self.config.seed)  # text choices (fast); see _text
        self.owners: list[Owner] = []
        self.companies: list[Company] = []
        self.contacts: list[Contact] = []
        self.deals: list[Deal] = []
        self.activities: list[Activity] = []
        # Indexes that keep generation linear in the number of deals.
        self.won_at: dict[int, list[datetime]] = {}
        self.company_contacts: dict[int, list[int]] = {}
        self.last_company_activity: dict[int, datetime] = {}
        self.account_weights = np.ones(0)
        """Each company's chance of being the next deal's company (its buying rate, normalised)."""
        self.churn_due_ts = np.ones(0)
        """Each company's churn date as a POSIX timestamp (inf: none scheduled); see _churn."""
        _generate.build_people(self)
        _generate.build_book(self)

    # --- observable features --------------------------------------------------------------
    def is_customer(self, company: int, at: datetime) -> bool:
        """Whether the company had a won deal closed before `at` (and has not churned)."""
        if _churn.has_left(self.companies[company], at):
            return False
        return any(t < at for t in self.won_at.get(company, ()))

    def features(self, key: int, at: datetime | None = None) -> dict[str, Any]:
        """Return the observable features of a deal as of `at` (default: its close or now)."""
        d = self.deals[key]
        at = at or d.closed_at or self.now
        comp = self.companies[d.company]
        views, last_visit = 0, None
        for c in d.contacts:
            v, lv, _ = self.contacts[c].page_views_at(at)
            views += v
            if lv is not None and (last_visit is None or lv > last_visit):
                last_visit = lv
        last_act = d.last_activity_at or d.created_at
        return {
            "segment": comp.segment, "industry": comp.industry, "amount": d.amount,
            "n_contacts": len(d.contacts),
            "exec_involved": int(any(self.contacts[c].seniority >= 2 for c in d.contacts)),
            "page_views": views,
            "days_since_visit": (at - last_visit).days if last_visit else 365,
            **{k: v for k, v in d.counts.items()},
            "days_since_activity": max((at - last_act).days, 0),
            "existing_customer": int(d.dealtype == "existingbusiness"),
            "owner_skill": self.owners[d.owner].skill_,
            "country": comp.country, "owner": d.owner,
        }

    def p_win(self, key: int, at: datetime | None = None, discount: float | None = None,
              with_strategies: bool = True) -> float:
        """Return the true win probability of a deal (current discount and strategies applied)."""
        d = self.deals[key]
        f = {k: np.array([v]) for k, v in self.features(key, at).items()}
        lift = sum(s[2] for s in d.strategies_) if with_strategies else 0.0
        disc = d.discount if discount is None else discount
        return float(_truth.p_win(f, disc, lift)[0])

    def historical_discount(self, d: Deal) -> None:
        """Give a closed historical deal the discount its rep negotiated (for price learning).

        Under the confounded policy most reps discount weak deals (the lower the deal's odds
        without a discount, the likelier and the larger the discount, capped at 30%), so the
        raw history says "discounted deals lose more"; a share of reps randomise.
        """
        if self.randomises(d):
            if self.rng.random() < RANDOM_DISCOUNT_SHARE:
                d.discount = float(self.rng.choice(DISCOUNT_GRID))
            return
        p0 = self.p_win(d.key, at=d.decision_at_, discount=0.0, with_strategies=False)
        if self.rng.random() < float(discount_chance(p0)):
            d.discount = float(discount_size(p0, self.rng.normal(0, DISCOUNT_SIZE_NOISE)))

    def randomises(self, d: Deal) -> bool:
        """Whether the deal's rep discounts at random (the random policy, or a randomising rep)."""
        randomising_rep = d.owner < round(len(self.owners) * self.config.randomising_share)
        return self.config.discount_policy == "random" or randomising_rep

    # --- truth ----------------------------------------------------------------------------
    def truth(self, key: int) -> dict[str, Any]:
        """Return the hidden truth of a deal: p_win now, price curve, strategy lifts, outcome."""
        d = self.deals[key]
        seg = self.companies[d.company].segment
        feats = self.features(key)
        return {
            "deal": key, "segment": seg, "p_win": self.p_win(key),
            "p_win_no_action": self.p_win(key, discount=0.0, with_strategies=False),
            "outcome": None if d.is_open else ("won" if d.stage == "closedwon" else "lost"),
            "discount": d.discount, "strategies_applied": [s[0] for s in d.strategies_],
            "strategy_effects": {s: self.effects.effect(s, seg, feats["days_since_activity"])
                                 for s in _truth.STRATEGIES},
            "price_curve": self.price_curve(key),
            "best_discount": max(self.price_curve(key), key=lambda x: x[1] * (1 - x[0]))[0],
            "engagement": d.engagement_,
        }

    def price_curve(self, key: int, discounts: tuple[float, ...] = (0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
                    ) -> list[tuple[float, float]]:
        """Return [(discount, true win probability)] for a deal, strategies included."""
        return [(float(x), self.p_win(key, discount=float(x))) for x in discounts]

    def churn_truth(self, company: int) -> float | None:
        """Return a customer's true 12-month churn probability from its hidden quarterly risk
        (None if not a customer); see _churn for the process."""
        if not self.is_customer(company, self.now):
            return None
        return _churn.churn_probability(self.companies[company])

    # --- time -----------------------------------------------------------------------------
    def advance(self, days: int = 1, actions: dict[int, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """Move time forward; return the events (see `_simulate`) for the CRM to show.

        Args:
            days: whole simulated days to advance.
            actions: deal key -> {"discount": float | None, "strategy": str | None,
                "open_tasks": [task ref, ...]} as read back from the CRM.
        """
        events: list[dict[str, Any]] = []
        for _ in range(max(int(days), 0)):
            events.extend(_simulate.step(self, actions or {}))
            self.now += timedelta(days=1)
        return events

    def deal_table(self, *, closed: bool = True) -> dict[str, np.ndarray]:
        """Return columns (features as the CRM shows them, `won`, true `p_win`) of the book.

        Args:
            closed: closed deals (features as of their close) or open deals (as of now).
        """
        deals = [d for d in self.deals if d.is_open != closed]
        rows = [self.features(d.key) for d in deals]
        cols: dict[str, np.ndarray] = {k: np.array([r[k] for r in rows]) for k in (rows[0] if rows else {})}
        cols["key"] = np.array([d.key for d in deals])
        cols["discount"] = np.array([d.discount for d in deals])
        cols["p_win"] = np.array([self.p_win(d.key) for d in deals])
        if closed:
            cols["won"] = np.array([int(d.stage == "closedwon") for d in deals])
        return cols

    def open_deals(self) -> list[Deal]:
        """Return the deals still open."""
        return [d for d in self.deals if d.is_open]
