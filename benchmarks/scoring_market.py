"""The simulated market: conversion quality against the true probabilities, discount regret,
and the learning curve (quality vs number of closed deals).

Deals come from ``integrations.sandbox.market.closed_history`` (same distributions and hidden
truth as the sandbox CRM). Hidden columns (``owner_skill``, ``p_win``) never reach a model;
``won`` is the target. Test deals are drawn with another seed.

Run: ``python -m benchmarks.scoring_market [--quick]`` → ``benchmarks/results/scoring_market.json``.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from benchmarks._common import write_result
from integrations.sandbox.market import closed_history, p_win
from scoring import ConversionClassifier, PriceModel
from scoring.metrics import expected_calibration_error
from scoring.models._calibration import roc_auc_safe

HIDDEN = ("owner_skill", "p_win", "won")


def observable(history: dict[str, np.ndarray]) -> pd.DataFrame:
    """The columns a CRM shows (hidden truth dropped)."""
    return pd.DataFrame({k: v for k, v in history.items() if k not in HIDDEN})


def conversion_quality(model, X: pd.DataFrame, truth: np.ndarray, won: np.ndarray) -> dict:
    p = model.predict_proba(X)[:, 1]
    return {"roc_auc": roc_auc_safe(won, p), "ece_15_equal_mass": expected_calibration_error(won, p, 15),
            "mean_abs_error_vs_true_p": float(np.mean(np.abs(p - truth))),
            "roc_auc_of_true_p": roc_auc_safe(won, truth)}


def discount_regret(model: PriceModel, test: dict[str, np.ndarray], rows: int) -> dict:
    """Expected-revenue regret of the recommended discount vs the true optimum on the same grid."""
    feats = {k: v[:rows] for k, v in test.items()}
    X = observable(feats)
    rec = model.recommend(X)
    grid = model.grid_
    amount = feats["amount"]
    true_rev = np.column_stack([amount * (1 - d) * p_win(feats, np.full(rows, d)) for d in grid])
    best = true_rev.max(axis=1)
    ours = true_rev[np.arange(rows), np.searchsorted(grid, rec["best_discount"].to_numpy() - 1e-9)]
    none, cap = true_rev[:, 0], true_rev[:, -1]
    return {"deals": rows, "max_discount": float(grid[-1]),
            "regret_share_of_optimal_revenue": float((best - ours).sum() / best.sum()),
            "regret_no_discount": float((best - none).sum() / best.sum()),
            "regret_always_max_discount": float((best - cap).sum() / best.sum()),
            "mean_recommended_discount": float(rec["best_discount"].mean()),
            "mean_true_optimal_discount": float(grid[true_rev.argmax(axis=1)].mean())}


def main() -> None:
    quick = "--quick" in sys.argv
    n_train, n_test = (4000, 10_000) if quick else (20_000, 20_000)
    train, test = closed_history(n_train, seed=11), closed_history(n_test, seed=22)
    X, y = observable(train), train["won"]
    Xt, yt, truth = observable(test), test["won"], test["p_win"]
    started = time.perf_counter()
    conv = ConversionClassifier(random_state=0).fit(X, y)
    fit_seconds = time.perf_counter() - started
    print("conversion fitted", file=sys.stderr)
    conversion = conversion_quality(conv, Xt, truth, yt) | {
        "train_deals": n_train, "test_deals": n_test, "fit_seconds": fit_seconds, "cv": conv.cv_report_}
    price = PriceModel(discount_column="discount", max_discount=0.3, random_state=0).fit(X, y)
    regret = discount_regret(price, test, min(n_test, 5000))
    print("price fitted", file=sys.stderr)
    curve = []
    for n in (50, 100, 200, 400, 800, 1600, 3200, 6400) if not quick else (50, 200, 800):
        model = ConversionClassifier(random_state=0).fit(X.iloc[:n], y[:n])
        curve.append({"closed_deals": n, **conversion_quality(model, Xt, truth, yt)})
        print(f"learning curve n={n}", file=sys.stderr)
    path = write_result("scoring_market", {"conversion": conversion, "price": regret, "learning_curve": curve})
    print(path.read_text())


if __name__ == "__main__":
    main()
