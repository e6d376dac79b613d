"""Customer churn: a seeded process of the account's own behaviour, not a label drawn afterwards.

Before this module, churn was drawn after the whole history was generated, from page views and
win counts, and nothing else knew about it: 23 of the 41 churned accounts of the default demo
market went on buying after their churn date (39 won deals), and the months before a churn looked
like any other months. A model had nothing to learn (the demo's churn model ranked customers
worse than chance, AUC 0.35).

The process (every number below is hidden truth; the CRM shows only its consequences):

1. Each account has a quarterly churn risk: ``sigmoid(CHURN_BASE + segment + industry
   - CHURN_BUYING_RATE_EFFECT * log(buying rate) + noise)``: small businesses and some industries
   leave more, accounts that buy often stay (their buying rate is the one new deals are drawn
   with, so it shows as how often they have bought), and a hidden part (``CHURN_NOISE``) no data
   reveals.
2. The number of renewals it survives is drawn once per account from that risk (its own random
   stream): a customer (first closed-won deal) renews every ``RENEWAL_DAYS`` and leaves at the
   renewal after its last survived one. The date is ``churn_due_`` (hidden) and moves only if an
   earlier first win turns up while the history is generated.
3. It fades before it leaves: over the ``FADE_DAYS`` before the churn date its chance of starting
   a new deal falls linearly to zero and the deals it does start are less engaged (engagement
   lowered by up to ``FADE_ENGAGEMENT``: fewer replies and meetings, longer silences).
4. From the churn date on it starts no deal and wins none: a deal still open then is lost.

``churn_probability`` is the truth the sandbox reports for a customer: the chance, from its
quarterly risk alone, of leaving at one of the renewals in the next 12 months.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np

from . import _truth

if TYPE_CHECKING:
    from ._market import Market
    from ._model import Company

RENEWAL_DAYS = 91
"""Customers renew (or leave) every quarter after their first won deal (quarterly contracts)."""
CHURN_BASE = -2.3
"""Quarterly churn log-odds of a mid-market account of an average industry and buying rate (~9% a
quarter, ~31% a year)."""
CHURN_BUYING_RATE_EFFECT = 0.6
"""How much less an account that buys often leaves (log-odds per unit of log buying rate)."""
CHURN_NOISE = 0.5
"""Spread (log-odds) of the part of an account's churn risk nothing observable explains."""
FADE_DAYS = 180
"""Days before its churn date over which an account fades (fewer new deals, less engagement)."""
FADE_ENGAGEMENT = 1.5
"""Engagement (standard deviations of a deal's hidden engagement) lost by a deal started at the
churn date; a deal started when the fade begins loses none."""
MAX_RENEWALS = 400
"""Renewals survived at most (a century of quarters: "never" within any market's history)."""


def quarterly_risk(segment: np.ndarray, industry: np.ndarray, buying_rate: np.ndarray,
                   noise: np.ndarray) -> np.ndarray:
    """Each account's probability of leaving at one renewal (see the module docstring, step 1)."""
    z = (CHURN_BASE + _truth._lookup(_truth.CHURN_SEGMENT, segment) + _truth._lookup(_truth.CHURN_INDUSTRY, industry)
         - CHURN_BUYING_RATE_EFFECT * np.log(np.asarray(buying_rate, dtype=float)) + np.asarray(noise, dtype=float))
    return _truth.sigmoid(z)


def draw_traits(m: Market, traits: np.random.Generator) -> None:
    """Give every account its quarterly risk and the renewals it survives (step 1 and 2)."""
    comps = m.companies
    noise = traits.normal(0.0, CHURN_NOISE, len(comps))
    risk = quarterly_risk(np.array([c.segment for c in comps]), np.array([c.industry for c in comps]),
                          np.array([c.buying_rate_ for c in comps]), noise)
    survived = np.minimum(traits.geometric(np.clip(risk, 1e-6, 1.0)) - 1, MAX_RENEWALS)
    for comp, q, k in zip(comps, risk, survived, strict=True):
        comp.churn_risk_, comp.renewals_survived_ = float(q), int(k)
    m.churn_due_ts = np.full(len(comps), np.inf)


def fade(comp: Company, at: datetime) -> float:
    """1 while the account is healthy, falling linearly to 0 over the FADE_DAYS before its churn."""
    due = comp.churn_due_
    if due is None:
        return 1.0
    left = (due - at).total_seconds() / 86400.0
    return float(min(max(left / FADE_DAYS, 0.0), 1.0))


def buying_weights(m: Market, at: datetime) -> np.ndarray:
    """Each account's chance of starting the next deal at `at`: buying rate times its fade."""
    left_days = (m.churn_due_ts - at.timestamp()) / 86400.0  # inf for accounts with no churn date
    w = m.account_weights * np.clip(left_days / FADE_DAYS, 0.0, 1.0)
    total = float(w.sum())
    # Every account gone would leave no buyer; the market then keeps its old weights (never
    # reached at the sizes used: a third of accounts churn over two years).
    return w / total if total > 0 else m.account_weights


def engagement_shift(comp: Company, at: datetime) -> float:
    """Engagement a deal started at `at` loses to its account's fade (step 3)."""
    return -FADE_ENGAGEMENT * (1.0 - fade(comp, at))


def became_customer(m: Market, comp: Company, won_at: datetime) -> None:
    """Schedule the churn date from the account's first win (an earlier win moves it earlier)."""
    first = won_at if comp.first_won_ is None else min(comp.first_won_, won_at)
    comp.first_won_ = first
    if comp.renewals_survived_ < MAX_RENEWALS:
        comp.churn_due_ = first + timedelta(days=RENEWAL_DAYS * (comp.renewals_survived_ + 1))
        m.churn_due_ts[comp.key] = comp.churn_due_.timestamp()


def has_left(comp: Company, at: datetime) -> bool:
    """Whether the account has churned by `at` (step 4: it wins nothing from then on)."""
    return comp.churn_due_ is not None and comp.churn_due_ <= at


def settle_history(m: Market) -> None:
    """After the history is generated: record churns before the market's start, and make sure no
    churned account won a deal after its churn date (a first win found late can move the date)."""
    from ._model import LOST

    for d in m.deals:
        comp = m.companies[d.company]
        if d.closed_at is not None and d.stage != LOST and has_left(comp, d.closed_at):
            d.stage = LOST
            d.stage_history[-1] = (LOST, d.closed_at)
            m.won_at[d.company].remove(d.closed_at)
    for comp in m.companies:
        if comp.churn_due_ is not None and comp.churn_due_ <= m.start:
            comp.churned_at = comp.churn_due_


def churn_probability(comp: Company) -> float:
    """P(the customer leaves at one of its renewals in the next 12 months), from its quarterly risk."""
    renewals = 365.0 / RENEWAL_DAYS
    return float(1.0 - (1.0 - comp.churn_risk_) ** renewals)
