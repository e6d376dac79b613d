"""How close can any model of the CRM records get to the market's truth? (issue 10, |p̂ − p_true|)

A flexible learner (gradient boosting) is fitted on p_true itself, the eventual win probability
of open deals (``integrations.sandbox.market.eventual_p_win``), on a training half of the open
deals, and measured on the other half, from:

(a) the features the product builds (``scoring.features.record_features`` as of the market's now;
    they hold page views and the last visit from the contacts' dated page-view history, as the
    HubSpot adapter reads it);
(b) (a) plus richer as-of-now features from the same records: total and per-30-day activity by
    kind, recency-weighted counts (14-day half-life), the last 14 days against the 14 before,
    the reply ratio, days in the current stage and stage changes per 30 days;
(c) (b) plus the days to the expected close date read from the market itself (the product's
    features carry it since 2026-12-02, rebuilt from the close date's history, so (c) should now
    match (b); before, (a) lacked it and (c) was 0.008 below (b));
(d) (b) plus the hidden engagement (intent) the market draws every deal's activity from;
(e) (d) plus the hidden remaining life and the owner's hidden skill.

No model trained on outcomes can learn from p_true; (a) is the bar for "the features lose
nothing", (b) asks whether richer features would, (d)-(e) how much is unobserved by construction.

(f) asks what learning from outcomes instead of p_true costs at the same size: gradient-boosting
classifiers on the features of (a), on the same training half, each deal labelled by one outcome
drawn from its own p_true (so the labels are exactly as informative as outcomes can be: no drift,
no snapshots of one deal sharing a label), their settings chosen by 3-fold CV log loss inside the
training half, measured against p_true on the test half. Run with ``--open 10000`` its training
half is the product's 5,000 deals: an optimistic bound on what 5,000 outcomes let a learner of
these features reach.

Run: ``python -m benchmarks.scoring_market_floor [--seed 11] [--open 1500] [--closed 900]`` →
``benchmarks/results/scoring_market_floor.json``.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from benchmarks._common import write_result
from benchmarks.scoring_market_product import market_records
from integrations.base import Record
from integrations.sandbox.market import Market, MarketConfig, eventual_p_win
from scoring.features import parse_time, record_features

_KINDS = {"emails_in": ("email", "inbound"), "emails_out": ("email", "outbound"), "calls": ("call", None),
          "meetings": ("meeting", None), "notes": ("note", None)}
RECENCY_HALF_LIFE_DAYS = 14.0
TREND_DAYS = 14.0


def richer_features(record: Record, now: datetime) -> dict[str, float]:
    """As-of-``now`` timeline features of a deal the product does not build (see module docstring)."""
    created = parse_time(record.created_at)
    age = max((now - created).total_seconds() / 86400.0, 0.5) if created else math.nan
    acts = [(t, a.type, a.direction) for a in record.activities if (t := parse_time(a.at)) is not None and t <= now]
    out: dict[str, float] = {}
    recent = earlier = 0
    for name, (kind, direction) in _KINDS.items():
        ages = [(now - t).total_seconds() / 86400.0 for t, k, d in acts
                if k == kind and (direction is None or (d == "inbound") == (direction == "inbound"))]
        out[f"total_{name}"] = float(len(ages))
        out[f"per_30d_{name}"] = len(ages) / age * 30.0
        out[f"recency_weighted_{name}"] = float(sum(0.5 ** (a / RECENCY_HALF_LIFE_DAYS) for a in ages))
        if name != "notes":
            recent += sum(a <= TREND_DAYS for a in ages)
            earlier += sum(TREND_DAYS < a <= 2 * TREND_DAYS for a in ages)
    out["trend_last_14d_vs_previous"] = (recent + 1.0) / (earlier + 1.0)
    out["reply_ratio"] = (out["total_emails_in"] + 1.0) / (out["total_emails_out"] + 2.0)
    stages = sorted(t for s in record.history.stage_changes if (t := parse_time(s.at)) is not None and t <= now)
    out["days_in_stage"] = (now - stages[-1]).total_seconds() / 86400.0 if stages else age
    out["stage_changes_per_30d"] = max(len(stages) - 1, 0) / age * 30.0
    return out


def _numeric(frame: pd.DataFrame) -> np.ndarray:
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].astype("category").cat.codes
    return out.astype(float).to_numpy()


def run(seed: int, n_open: int, n_closed: int) -> dict[str, Any]:
    from sklearn.ensemble import HistGradientBoostingRegressor

    started = time.perf_counter()
    m = Market(MarketConfig(seed=seed, n_companies=max(60, n_closed // 6), n_owners=8, n_open_deals=n_open,
                            n_closed_deals=n_closed, discount_policy="confounded",
                            start=datetime.fromisoformat("2026-06-01T00:00:00+00:00")))
    records = market_records(m)
    keys = [d.key for d in m.deals if d.is_open]
    p_true = np.array([eventual_p_win(m, k) for k in keys])
    print(f"market and p_true: {len(keys)} open deals ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    current = pd.DataFrame([record_features(records[k], as_of=m.now) for k in keys])
    richer = pd.DataFrame([richer_features(records[k], m.now) for k in keys])
    to_close = pd.DataFrame({"days_to_expected_close_from_the_market": [
        (m.deals[k].expected_close - m.now).total_seconds() / 86400.0 for k in keys]})
    hidden_intent = pd.DataFrame({"engagement": [m.deals[k].engagement_ for k in keys]})
    hidden_rest = pd.DataFrame({
        "remaining_days": [((m.deals[k].decision_at_ or m.now) - m.now).total_seconds() / 86400.0 for k in keys],
        "owner_skill": [m.owners[m.deals[k].owner].skill_ for k in keys]})
    order = np.random.default_rng(seed).permutation(len(keys))
    train, test = order[: len(keys) // 2], order[len(keys) // 2:]

    def floor(frame: pd.DataFrame) -> float:
        X = _numeric(frame)
        reg = HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05, max_leaf_nodes=15, random_state=seed)
        reg.fit(X[train], p_true[train])
        return float(np.abs(np.clip(reg.predict(X[test]), 0, 1) - p_true[test]).mean())

    sets = {"a_product_features": [current], "b_plus_richer_timeline": [current, richer],
            "c_b_plus_days_to_expected_close": [current, richer, to_close],
            "d_b_plus_hidden_intent": [current, richer, hidden_intent],
            "e_d_plus_hidden_remaining_life_and_owner_skill": [current, richer, hidden_intent, hidden_rest]}
    floors = {name: floor(pd.concat(parts, axis=1)) for name, parts in sets.items()}
    learned = from_outcomes(_numeric(current), p_true, train, test, seed)
    return {"seed": seed, "open_deals": len(keys), "closed_deals": n_closed, "train_deals": len(train),
            "test_deals": len(test), "mean_p_true": float(p_true.mean()), "sd_p_true": float(p_true.std()),
            "mean_abs_error_of_a_constant": float(np.abs(p_true[test] - np.median(p_true[train])).mean()),
            "mean_abs_error_by_feature_set": floors, "f_a_learned_from_outcomes_drawn_from_p_true": learned,
            "seconds": round(time.perf_counter() - started, 1),
            "load_average_after": list(os.getloadavg())}


OUTCOME_LEARNERS = ({"learning_rate": 0.05, "max_iter": 200, "max_leaf_nodes": 15, "l2_regularization": 0.0},
                    {"learning_rate": 0.03, "max_iter": 300, "max_leaf_nodes": 8, "l2_regularization": 1.0},
                    {"learning_rate": 0.02, "max_iter": 500, "max_leaf_nodes": 4, "l2_regularization": 1.0},
                    {"learning_rate": 0.02, "max_iter": 300, "max_leaf_nodes": 4, "l2_regularization": 5.0},
                    {"learning_rate": 0.02, "max_iter": 800, "max_leaf_nodes": 3, "l2_regularization": 1.0},
                    {"learning_rate": 0.05, "max_iter": 1000, "max_leaf_nodes": 2, "l2_regularization": 1.0})
"""Gradient-boosting settings (f) chooses among by CV inside the training half (never on the test half),
down to stumps (an additive model): at 5,000 deals the simplest tried won the CV before the last two
were added."""


def from_outcomes(X: np.ndarray, p_true: np.ndarray, train: np.ndarray, test: np.ndarray, seed: int,
                  draws: int = 2) -> dict[str, Any]:
    """(f): mean abs(p - p_true) on the test half of classifiers fitted on outcomes drawn from p_true."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import cross_val_score

    errors, chosen = [], []
    for draw in range(draws):
        y = (np.random.default_rng([seed, 17, draw]).random(len(p_true)) < p_true).astype(int)
        scores = [cross_val_score(HistGradientBoostingClassifier(random_state=seed, **kw), X[train], y[train], cv=3,
                                  scoring="neg_log_loss").mean() for kw in OUTCOME_LEARNERS]
        best = OUTCOME_LEARNERS[int(np.argmax(scores))]
        clf = HistGradientBoostingClassifier(random_state=seed, **best).fit(X[train], y[train])
        errors.append(float(np.abs(clf.predict_proba(X[test])[:, 1] - p_true[test]).mean()))
        chosen.append(best)
    return {"mean_abs_error": float(np.mean(errors)), "by_draw": errors, "chosen_by_cv": chosen,
            "train_deals": len(train)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scoring_market_floor")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--open", type=int, dest="open_", default=1500, help="open deals (half train, half test)")
    parser.add_argument("--closed", type=int, default=900, help="closed deals of the history (the accounts' past)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.open_ < 100 or args.closed < 100:
        parser.exit(2, "bad input: need --open >= 100 and --closed >= 100\n")
    path = write_result("scoring_market_floor", run(args.seed, args.open_, args.closed))
    print(path.read_text())


if __name__ == "__main__":
    main()
