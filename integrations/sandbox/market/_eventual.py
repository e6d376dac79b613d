"""The eventual win probability of an open deal: P(win at its decision | the hidden state now).

A deal's outcome is drawn at its decision from the truth applied to its whole life's activity,
so "the probability the outcome was drawn with" (p at the decision) already contains activity
that had not happened when the deal was scored mid-cycle: no forecaster could know it, and
comparing a mid-cycle score with it charges the model for the future's luck. The ground truth
for a score given mid-cycle is instead the expectation over the rest of the deal's life, given
everything hidden now (engagement, decision date, owner skill): the remaining emails, calls,
meetings, notes and web visits are drawn from the same rates the simulation uses
(:mod:`._generate`), ``samples`` times, with the discount the rep's policy will give at the
decision when none was given yet, and the truth's win probability is averaged.

A separate random stream is used, so asking for it never changes the market's own draws.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from . import _generate, _truth
from ._market import DISCOUNT_GRID, DISCOUNT_SIZE_NOISE, RANDOM_DISCOUNT_SHARE, discount_chance, discount_size

if TYPE_CHECKING:
    from ._market import Market
    from ._model import Deal

SAMPLES = 400
"""Draws of the deal's remaining life per estimate (standard error of the mean below 0.01)."""


def eventual_p_win(m: Market, key: int, *, samples: int = SAMPLES, seed: int = 0) -> float:
    """P(win at the decision | the hidden state at ``m.now``), strategies and discount as they stand.

    A deal already closed returns the probability it was drawn with.
    """
    d = m.deals[key]
    if not d.is_open or d.decision_at_ is None:
        return m.p_win(key, at=d.closed_at)
    rng = np.random.default_rng([seed, key])
    now = m.now
    decision = max(d.decision_at_, now)
    remaining = (decision - now).total_seconds() / 86400.0
    base = m.features(key, at=now)
    e = d.engagement_
    feats: dict[str, np.ndarray] = {k: np.full(samples, v) for k, v in base.items()}
    # Activity still to come: each kind a Poisson count at the simulation's rate.
    total = np.zeros(samples)
    for kind, (rate, sens) in _generate.RATES_PER_30D.items():
        n = rng.poisson(rate * np.exp(sens * e) * remaining / 30.0, samples)
        feats[kind] = d.counts.get(kind, 0) + n
        total += n
    # The last activity before the decision: the latest of `total` uniform moments, if any.
    last_act = d.last_activity_at or d.created_at
    since_last = (decision - last_act).total_seconds() / 86400.0
    gap_after = remaining * (1.0 - rng.uniform(size=samples) ** (1.0 / np.maximum(total, 1)))
    feats["days_since_activity"] = np.floor(np.where(total > 0, gap_after, since_last)).clip(min=0)
    # Web visits still to come, per contact, with 1-6 pages per session.
    vrate, vsens = _generate.VISITS_PER_30D
    sessions = rng.poisson(vrate * np.exp(vsens * e) * remaining / 30.0 * len(d.contacts), samples)
    pages = np.array([rng.integers(1, 7, s).sum() for s in sessions], dtype=float)
    feats["page_views"] = base["page_views"] + pages
    last_visit = _last_visit(m, d.contacts, now)
    since_visit = (decision - last_visit).days if last_visit is not None else 365
    visit_gap = remaining * (1.0 - rng.uniform(size=samples) ** (1.0 / np.maximum(sessions, 1)))
    feats["days_since_visit"] = np.where(sessions > 0, np.floor(visit_gap), since_visit)
    lift = sum(s[2] for s in d.strategies_)
    return float(_truth.p_win(feats, _discounts(m, d, feats, rng, samples), lift).mean())


def _discounts(m: Market, d: Deal, feats: dict[str, np.ndarray], rng: np.random.Generator,
               samples: int) -> np.ndarray | float:
    """The discount at the decision in each draw: the one already given, else the rep's policy.

    Every deal's decision applies its rep's discount policy when none was given before
    (`_generate.decide`), so the eventual odds average over it as the outcome will.
    """
    if d.discount > 0:
        return d.discount
    u = rng.uniform(size=samples)
    if m.randomises(d):
        grid = np.asarray(DISCOUNT_GRID)
        return np.where(u < RANDOM_DISCOUNT_SHARE, grid[rng.integers(0, len(grid), samples)], 0.0)
    p0 = _truth.p_win(feats, 0.0, 0.0)
    size = discount_size(p0, rng.normal(0, DISCOUNT_SIZE_NOISE, samples))
    return np.where(u < discount_chance(p0), size, 0.0)


def _last_visit(m: Market, contacts: list[int], at: datetime) -> datetime | None:
    seen = [lv for c in contacts if (lv := m.contacts[c].page_views_at(at)[1]) is not None]
    return max(seen) if seen else None
