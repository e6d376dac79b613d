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


def crm_records(n: int = 160, seed: int = 0, *, open_share: float = 0.0, shift_days: int = 0,
                signal: bool = True):
    """Canonical deal Records with a learnable outcome, spread over two years.

    Engaged deals get more meetings over their life and win more often; an executive contact
    helps; churn (on won customers) is likelier for small companies. Activities are spread
    over each deal's life, so a snapshot half-way sees about half of them. ``shift_days`` moves
    every date (the same book in another year); ``signal=False`` makes outcomes coin flips.
    """
    from datetime import datetime, timedelta

    from integrations.base import Activity, ClosedWonDeal, Company, Contact, History, Record

    rng = np.random.default_rng(seed)
    start = datetime(2023, 1, 1) + timedelta(days=shift_days)
    out = []
    for i in range(n):
        engaged = rng.normal()
        exec_contact = rng.uniform() < 0.4
        employees = int(rng.lognormal(5, 1.3))
        created = start + timedelta(days=float(rng.uniform(0, 640)))
        life = float(rng.uniform(20, 90))
        closed = created + timedelta(days=life)
        p = 1 / (1 + np.exp(-(-0.6 + 1.3 * engaged + 0.8 * exec_contact))) if signal else 0.4
        won = bool(rng.uniform() < p)
        is_open = rng.uniform() < open_share
        n_meet = int(rng.poisson(np.exp(0.9 + 0.6 * engaged)))
        acts = tuple(Activity(type="meeting", at=(created + timedelta(days=float(rng.uniform(0, life)))).isoformat()
                              + "Z", direction="outbound") for _ in range(n_meet))
        history = History(closed_won_deals=tuple(
            ClosedWonDeal(date=(created - timedelta(days=int(d))).date().isoformat(), amount=float(rng.integers(1e3, 9e3)))
            for d in rng.integers(30, 400, int(rng.integers(0, 4)))))
        churned = bool(rng.uniform() < (0.75 if employees < 100 else 0.1))
        out.append(Record(
            crm="hubspot", tenant_id="t1", object_type="deal", id=str(i), amount=float(rng.integers(1000, 50000)),
            stage_kind="open" if is_open else ("won" if won else "lost"),
            close_date=closed.date().isoformat(), created_at=created.isoformat() + "Z",
            company=Company(id=f"co{i}", industry=str(rng.choice(["retail", "software"])), employees=employees),
            contacts=(Contact(id="c1", title="VP Sales" if exec_contact else "Analyst"),),
            activities=acts, history=history,
            extra={"discount": float(rng.choice([0.0, 0.1, 0.2])) if rng.uniform() < 0.5 else None,
                   "churned": "yes" if churned else "no"},
        ))
    return out
