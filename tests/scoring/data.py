"""Small generated data sets for the scoring tests (mixed types, dates, yes/no, missing values)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def deals(n: int = 300, seed: int = 0, with_target: bool = True) -> pd.DataFrame:
    """Deals with a numeric, categorical, boolean and date column, missing values and a yes/no target."""
    rng = np.random.default_rng(seed)
    amount = rng.lognormal(9, 1, n)
    industry = rng.choice(["software", "retail", "finance", "health"], n)
    meetings = rng.poisson(2, n).astype(float)
    exec_contact = rng.choice(["yes", "no"], n)
    created = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
    discount = rng.uniform(0, 0.3, n).round(3)
    logit = (-0.5 + 0.6 * meetings - 0.3 * np.log(amount / 8000) + 1.0 * (exec_contact == "yes")
             + 0.5 * (industry == "software") + 4 * discount)
    won = rng.uniform(size=n) < 1 / (1 + np.exp(-logit))
    frame = pd.DataFrame({
        "deal_id": [f"D{i:05d}" for i in range(n)],
        "amount": amount.round(2),
        "industry": industry,
        "meetings_30d": meetings,
        "exec_contact": exec_contact,
        "created": created.strftime("%Y-%m-%d"),
        "discount": discount,
    })
    frame.loc[rng.uniform(size=n) < 0.1, "amount"] = np.nan
    frame.loc[rng.uniform(size=n) < 0.1, "industry"] = np.nan
    if with_target:
        frame["won"] = np.where(won, "yes", "no")
    return frame


def transactions(customers: int = 200, seed: int = 0) -> pd.DataFrame:
    """A transaction log over two years: customer, date, amount."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(customers):
        rate = rng.gamma(1.5, 1 / 30)
        start = rng.integers(0, 200)
        life = rng.exponential(400)
        value = rng.gamma(2, 30)
        t = float(start)
        while t < min(730, start + life):
            rows.append((f"C{c:04d}", pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(t)),
                         round(float(rng.gamma(4, value / 4)), 2)))
            t += rng.exponential(1 / rate)
    return pd.DataFrame(rows, columns=["cust", "when", "spend"])
