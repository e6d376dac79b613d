"""Tables whose real drivers are known, for the model-card tests."""

from __future__ import annotations

import numpy as np
import pandas as pd


def driven_deals(n: int = 320, seed: int = 3, *, labels: tuple[str, str] = ("Converted", "Not converted"),
                 with_discount: bool = False) -> pd.DataFrame:
    """Deals won through two drivers whose names sort LAST alphabetically, among noise columns.

    ``zz_driver_a`` and ``zzz_driver_b`` decide the outcome; ``aa_noise``, ``ab_noise``,
    ``ac_region`` and ``ad_noise`` are unrelated to it. A chart that plots features in name order
    would show the noise first. ``closed_at`` spreads the outcomes over 2024 (a time-based holdout).
    With ``with_discount`` a discount (fraction, given at random) raises the chance to win.
    """
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=n), rng.normal(size=n)
    discount = rng.choice([0.0, 0.05, 0.1, 0.15, 0.2], n)
    # Thresholds and an interaction (not a logistic line), so boosted trees can beat the
    # logistic-regression reference of the promotion gate, as on real deals.
    logit = 3.0 * (a > 0) + 2.5 * (b > 0.3) + 1.5 * (a > 0) * (b > 0.3) - 3.2
    if with_discount:
        logit = logit + 8.0 * discount - 0.8
    won = rng.uniform(size=n) < 1 / (1 + np.exp(-logit))
    frame = pd.DataFrame({
        "deal_id": [f"D{i:05d}" for i in range(n)],
        "aa_noise": rng.normal(size=n),
        "ab_noise": rng.uniform(0, 100, n).round(1),
        "ac_region": rng.choice(["north", "south", "east", "west"], n),
        "ad_noise": rng.poisson(3, n).astype(float),
        "zz_driver_a": a.round(3),
        "zzz_driver_b": b.round(3),
        "closed_at": (pd.Timestamp("2024-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 365, n)), unit="D"))
        .strftime("%Y-%m-%d"),
        "outcome": np.where(won, labels[0], labels[1]),
    })
    if with_discount:
        frame["discount"] = discount
    return frame
