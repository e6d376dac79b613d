"""The hidden ground truth: how observable features turn into wins, churn and strategy effects.

Every function is vectorised over numpy arrays so a history of tens of thousands of deals is
scored in milliseconds. Inputs are only things the CRM shows (firmographics, amounts, activity
counts, page views, owner, deal type, discount), so a model trained on what the API returns
can in principle recover `p_win` exactly; the interactions (executive involvement matters for
enterprise, amount matters more for small businesses, more contacts help mid-market and up)
are there so a linear model without interactions underfits.
"""

from __future__ import annotations

import numpy as np

SEGMENTS = ("smb", "mid", "ent")
INDUSTRY_EFFECT = {
    "COMPUTER_SOFTWARE": 0.30, "FINANCIAL_SERVICES": 0.0, "HOSPITAL_HEALTH_CARE": -0.25, "RETAIL": 0.10,
    "MANUFACTURING": -0.10, "LOGISTICS_AND_SUPPLY_CHAIN": 0.05, "EDUCATION_MANAGEMENT": -0.35,
    "MARKETING_AND_ADVERTISING": 0.20,
}
SEGMENT_EFFECT = {"smb": 0.25, "mid": 0.0, "ent": -0.45}
MEDIAN_AMOUNT = {"smb": 8_000.0, "mid": 45_000.0, "ent": 180_000.0}
"""Typical deal size per segment (list price, in the corporate currency `_money.CORPORATE`: the truth reads
values, never a CRM's local amounts)."""

PRICE_BETA = {"smb": 1.6, "mid": 0.9, "ent": 0.35}
PRICE_SCALE = 0.08
"""Win-probability response to a discount d: logit += beta_seg * (1 - exp(-d / PRICE_SCALE))."""

STRATEGIES = ("value_reinforcement", "social_proof", "limited_time_incentive", "executive_alignment",
              "risk_reversal", "education_nurture", "re_engagement")
STRATEGY_EFFECT: dict[str, dict[str, float]] = {
    "value_reinforcement": {"smb": 0.15, "mid": 0.30, "ent": 0.25},
    "social_proof": {"smb": 0.35, "mid": 0.20, "ent": 0.05},
    "limited_time_incentive": {"smb": 0.30, "mid": 0.05, "ent": -0.25},
    "executive_alignment": {"smb": -0.05, "mid": 0.25, "ent": 0.50},
    "risk_reversal": {"smb": 0.20, "mid": 0.30, "ent": 0.15},
    "education_nurture": {"smb": 0.05, "mid": 0.10, "ent": 0.10},
    "re_engagement": {"smb": -0.05, "mid": -0.05, "ent": -0.05},
}
"""Change in win log-odds when a rep executes the strategy, by segment."""
RE_ENGAGEMENT_STALE_BONUS = 0.50
"""Extra effect of re_engagement on deals with no activity for more than STALE_DAYS."""
STALE_DAYS = 21

CHURN_INDUSTRY = {"COMPUTER_SOFTWARE": -0.2, "RETAIL": 0.3, "EDUCATION_MANAGEMENT": 0.25}
CHURN_SEGMENT = {"smb": 0.5, "mid": 0.0, "ent": -0.6}
"""Churn log-odds by industry and segment (the churn process itself is in _churn)."""


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """Logistic function."""
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def segment_of(employees: np.ndarray | int) -> np.ndarray:
    """Return the segment name(s) for employee count(s): <100 smb, <1000 mid, else ent."""
    e = np.asarray(employees)
    return np.where(e < 100, "smb", np.where(e < 1000, "mid", "ent"))


def _lookup(table: dict[str, float], keys: np.ndarray, default: float = 0.0) -> np.ndarray:
    return np.array([table.get(str(k), default) for k in np.atleast_1d(keys)], dtype=float)


def price_effect(segment: np.ndarray, discount: np.ndarray) -> np.ndarray:
    """Return the log-odds lift of a discount (fraction 0..1) by segment."""
    beta = _lookup(PRICE_BETA, segment)
    return beta * (1.0 - np.exp(-np.clip(np.asarray(discount, dtype=float), 0, 1) / PRICE_SCALE))


def strategy_effect(strategy: str, segment: str, days_since_activity: float) -> float:
    """Return the log-odds lift of executing one strategy on one deal."""
    effect = STRATEGY_EFFECT[strategy][segment]
    if strategy == "re_engagement" and days_since_activity > STALE_DAYS:
        effect += RE_ENGAGEMENT_STALE_BONUS
    return effect


def base_logit(f: dict[str, np.ndarray]) -> np.ndarray:
    """Return win log-odds from observable features, before discount and strategies.

    `f` holds equal-length arrays: segment, industry, amount, n_contacts, exec_involved,
    page_views, days_since_visit, emails_in, emails_out, calls, meetings, notes,
    days_since_activity, existing_customer, owner_skill.
    """
    seg = np.asarray(f["segment"])
    ent, smb = (seg == "ent").astype(float), (seg == "smb").astype(float)
    ratio = np.log(np.asarray(f["amount"], dtype=float) / _lookup(MEDIAN_AMOUNT, seg))
    execs = np.asarray(f["exec_involved"], dtype=float)
    many = (np.asarray(f["n_contacts"]) >= 3).astype(float)
    z = (-0.55 + _lookup(INDUSTRY_EFFECT, f["industry"]) + _lookup(SEGMENT_EFFECT, seg)
         + 0.55 * np.log1p(f["meetings"]) + 0.45 * np.log1p(f["emails_in"])
         - 0.20 * np.log1p(f["emails_out"]) + 0.15 * np.log1p(f["calls"])
         + 0.05 * np.log1p(f["notes"])
         + 0.30 * np.log1p(f["page_views"]) - 0.60 * (np.asarray(f["days_since_visit"]) > 30)
         - 0.02 * np.minimum(np.asarray(f["days_since_activity"], dtype=float), 60.0)
         + 0.20 * execs + 0.80 * execs * ent
         + 0.35 * many * (1 - smb) - 0.15 * many * smb
         - 0.30 * ratio - 0.45 * ratio * smb
         + 0.75 * np.asarray(f["existing_customer"], dtype=float)
         + np.asarray(f["owner_skill"], dtype=float))
    return z - 2.9  # centre the book near a 30 % win rate


def p_win(f: dict[str, np.ndarray], discount: np.ndarray | float = 0.0,
          strategy_lift: np.ndarray | float = 0.0) -> np.ndarray:
    """Return the true win probability given features, discount offered and strategy lift."""
    seg = np.asarray(f["segment"])
    disc = np.broadcast_to(np.asarray(discount, dtype=float), seg.shape)
    return sigmoid(base_logit(f) + price_effect(seg, disc) + strategy_lift)
