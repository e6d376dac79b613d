"""The eventual win probability of an open deal: P(win at its decision | the hidden state now).

A deal's outcome is drawn at its decision from the truth applied to its whole life's activity,
so "the probability the outcome was drawn with" (p at the decision) already contains activity
that had not happened when the deal was scored mid-cycle: no forecaster could know it, and
comparing a mid-cycle score with it charges the model for the future's luck. The ground truth
for a score given mid-cycle is instead the expectation over the rest of the deal's life, given
everything hidden now (engagement, decision date, owner skill, the account's churn date): the
remaining emails, calls, meetings, notes and web visits are drawn from the same rates the
simulation uses (:mod:`._generate`), ``samples`` times, with the discount the rep's policy will
give at the decision when none was given yet, and the truth's win probability is averaged.

It follows the simulated days as `Market.advance` runs them:

- the decision is drawn at the end of the simulated day its date falls in, with that whole
  day's activity counted and the silences measured from then;
- page views are the contacts' (not the deal's): every open deal a contact is on brings that
  contact's visits until it closes, so a deal whose buyers are also on the account's other open
  deals gathers their visits too. (Before 2026-12-02 only the deal's own visits were drawn: with
  ~12 open deals per account in the benchmark's market, the open book's eventual win rate was
  0.015 above the mean of this probability, ~9 standard errors on re-simulated futures.)
- an account whose churn date comes before the decision loses the deal (`_generate.close`).

Approximations: the rep's discount policy reads the deal's odds at its decision date, this at the
end of that day (under a day's activity apart). Assumed: no deal is created meanwhile (the benchmarks stop new deals while the scored ones run;
a new deal of the same account would add its visits too), and an account that is not a customer
yet does not become one and churn before the decision (a churn date comes a quarter at least
after the first win).

A separate random stream is used, so asking for it never changes the market's own draws.
"""

from __future__ import annotations

import math
import weakref
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np

from . import _churn, _generate, _truth
from ._market import DISCOUNT_GRID, DISCOUNT_SIZE_NOISE, RANDOM_DISCOUNT_SHARE, discount_chance, discount_size

if TYPE_CHECKING:
    from ._market import Market
    from ._model import Deal

SAMPLES = 400
"""Draws of the deal's remaining life per estimate (standard error of the mean below 0.01)."""

_DAY = timedelta(days=1)
_OPEN_BY_CONTACT: weakref.WeakKeyDictionary[Market, tuple[tuple[datetime, int], dict[int, list[int]]]] = (
    weakref.WeakKeyDictionary())
"""Per market: (its now, its number of deals) when read -> contact -> keys of the open deals it is on."""


def eventual_p_win(m: Market, key: int, *, samples: int = SAMPLES, seed: int = 0) -> float:
    """P(win at the decision | the hidden state at ``m.now``), strategies and discount as they stand.

    A deal already closed returns the probability it was drawn with.
    """
    d = m.deals[key]
    if not d.is_open or d.decision_at_ is None:
        return m.p_win(key, at=d.closed_at)
    comp = m.companies[d.company]
    if _churn.has_left(comp, d.decision_at_):
        return 0.0
    rng = np.random.default_rng([seed, key])
    now = m.now
    decision = decided_at(now, d.decision_at_)
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
    pages, visit_gap = _visits_to_come(m, d, decision, rng, samples)
    feats["page_views"] = base["page_views"] + pages
    last_visit = _last_visit(m, d.contacts, now)
    since_visit = (decision - last_visit).days if last_visit is not None else 365
    feats["days_since_visit"] = np.where(np.isfinite(visit_gap), np.floor(visit_gap), since_visit)
    lift = sum(s[2] for s in d.strategies_)
    return float(_truth.p_win(feats, _discounts(m, d, feats, rng, samples), lift).mean())


def decided_at(now: datetime, decision: datetime) -> datetime:
    """When a deal due at `decision` is decided: `Market.advance` steps whole days from `now`
    and decides a deal at the end of the first day that reaches its date (a date already
    passed: at the end of the next day)."""
    days = max(1, math.ceil((decision - now) / _DAY))
    return now + days * _DAY


def _visits_to_come(m: Market, d: Deal, decision: datetime, rng: np.random.Generator,
                    samples: int) -> tuple[np.ndarray, np.ndarray]:
    """Pages the deal's contacts will view before its decision, and the days from their last
    session to the decision (inf: no session), in each draw.

    Each open deal a contact is on brings that contact sessions at its own engagement's rate
    (`_generate.simulate_activity`) until it is decided; on the deal's own last day, the deals
    after it in the market's order have not had that day yet when it is decided.
    """
    vrate, vsens = _generate.VISITS_PER_30D
    ours = set(d.contacts)
    # Expected sessions and the window (days from now) of each open deal sharing a contact.
    means, windows = [], []
    for other_key in _deals_sharing(m, d.contacts):
        o = m.deals[other_key]
        if not o.is_open:  # closed since the index was read (outside `advance`)
            continue
        shared = len(ours.intersection(o.contacts))
        end = min(decided_at(m.now, o.decision_at_ or m.now), decision - _DAY if other_key > d.key else decision)
        window = (end - m.now).total_seconds() / 86400.0
        if shared and window > 0:
            means.append(vrate * np.exp(vsens * o.engagement_) * window / 30.0 * shared)
            windows.append(window)
    if not means:
        return np.zeros(samples), np.full(samples, np.inf)
    sessions = rng.poisson(np.asarray(means), (samples, len(means)))
    # The last session of each deal's stream: the latest of its uniform moments in its window.
    last = np.where(sessions > 0, np.asarray(windows) * rng.uniform(size=sessions.shape) ** (
        1.0 / np.maximum(sessions, 1)), -np.inf).max(axis=1)
    per_draw = sessions.sum(axis=1)
    # 1-6 pages a session: each draw's pages are its run of the drawn page counts.
    views = np.concatenate(([0], np.cumsum(rng.integers(1, 7, int(per_draw.sum())))))
    ends = np.cumsum(per_draw)
    pages = (views[ends] - views[ends - per_draw]).astype(float)
    gap = np.where(per_draw > 0, (decision - m.now).total_seconds() / 86400.0 - last, np.inf)
    return pages, gap


def _deals_sharing(m: Market, contacts: list[int]) -> list[int]:
    """Keys of the open deals (this one included) on any of these contacts."""
    # Deals open or close only as the market's days pass (its now moves) or as deals are made.
    stamp = (m.now, len(m.deals))
    cached = _OPEN_BY_CONTACT.get(m)
    if cached is None or cached[0] != stamp:
        index: dict[int, list[int]] = {}
        for x in m.deals:
            if x.is_open:
                for c in x.contacts:
                    index.setdefault(c, []).append(x.key)
        cached = (stamp, index)
        _OPEN_BY_CONTACT[m] = cached
    return sorted({k for c in contacts for k in cached[1].get(c, ())})


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
