"""Fast, vectorised closed-deal histories for training and benchmarks (no CRM records).

`closed_history(n, seed)` draws features from the same distributions the market uses, applies
the same truth and samples outcomes, so 50,000 labelled deals take well under a second. The
true probabilities come back with the features, which is what benchmarks score against.
"""

from __future__ import annotations

import numpy as np

from . import _generate, _truth

OWNER_SKILLS = (0.45, 0.25, 0.10, 0.0, -0.05, -0.15, -0.30, -0.45)
"""Hidden skill (win log-odds) of the reps in `closed_history`, fixed across seeds so the owner
column carries the same signal in a training and a test draw."""


def closed_history(n: int, seed: int = 0) -> dict[str, np.ndarray]:
    """Return columns of `n` closed deals: observable features, `discount`, `p_win`, `won`.

    Hidden columns: `owner_skill` (a function of the observable `owner`), `p_win`, `won`.

    Args:
        n: number of deals.
        seed: RNG seed; the same (n, seed) gives the same arrays.
    """
    rng = np.random.default_rng(seed)
    employees = np.clip(rng.lognormal(np.log(180), 1.4, n), 5, 60_000).astype(int)
    seg = _truth.segment_of(employees)
    industry = rng.choice(list(_truth.INDUSTRY_EFFECT), n)
    median = np.array([_truth.MEDIAN_AMOUNT[s] for s in seg])
    amount = np.maximum(500.0, np.round(median * rng.lognormal(0, 0.55, n), -2))
    cycle = np.array([_generate.CYCLE_DAYS[s] for s in seg]) * rng.lognormal(0, 0.45, n)
    e = rng.normal(0, 1, n)
    n_contacts = 1 + np.minimum(rng.poisson(0.4 + (seg != "smb") * 1.2), 8)
    cols: dict[str, np.ndarray] = {}
    for kind, (base, sens) in _generate.RATES_PER_30D.items():
        cols[kind] = rng.poisson(base * np.exp(sens * e) * cycle / 30.0)
    base, sens = _generate.VISITS_PER_30D
    visits = rng.poisson(base * np.exp(sens * e) * cycle / 30.0 * n_contacts)
    page_views = visits * 3 + rng.poisson(visits)
    days_since_visit = np.where(visits > 0, rng.exponential(cycle / (visits + 1)), 365).astype(int)
    owner = rng.integers(0, len(OWNER_SKILLS), n)  # observable (the deal owner); skill is hidden
    exec_p = 1 - (1 - 0.29) ** n_contacts  # share of senior titles in the contact pool
    features = {
        "segment": seg, "industry": industry, "amount": amount, "employees": employees,
        "n_contacts": n_contacts, "exec_involved": (rng.random(n) < exec_p).astype(int),
        "page_views": page_views, "days_since_visit": days_since_visit, **cols,
        "days_since_activity": rng.exponential(cycle / (sum(cols.values()) + 1)).astype(int),
        "existing_customer": (rng.random(n) < 0.2).astype(int),
        "owner": owner, "owner_skill": np.asarray(OWNER_SKILLS)[owner], "cycle_days": np.round(cycle).astype(int),
    }
    discount = np.where(rng.random(n) < 0.45, rng.choice([0.05, 0.1, 0.15, 0.2, 0.25, 0.3], n), 0.0)
    p = _truth.p_win(features, discount)
    features["discount"] = discount
    features["p_win"] = p
    features["won"] = (rng.random(n) < p).astype(int)
    return features
