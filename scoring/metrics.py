"""Model-quality measures used by training, the report, promotion and the benchmarks."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score


def normalized_gini(actual, predicted) -> float:
    """Gini of the predicted ordering divided by the Gini of the perfect ordering (1 = perfect)."""
    actual = np.asarray(actual, float)
    predicted = np.asarray(predicted, float)

    def gini(order_by):
        order = np.argsort(-order_by, kind="stable")
        cum = np.cumsum(actual[order]) / actual.sum()
        return cum.mean() - (len(actual) + 1) / (2 * len(actual))

    if actual.sum() <= 0:
        return float("nan")
    return float(gini(predicted) / gini(actual))


def top_decile_capture(actual, predicted) -> float:
    """Share of the total actual value held by the 10% predicted highest."""
    actual = np.asarray(actual, float)
    k = max(1, int(np.ceil(len(actual) / 10)))
    top = np.argsort(-np.asarray(predicted, float), kind="stable")[:k]
    return float(actual[top].sum() / actual.sum()) if actual.sum() > 0 else float("nan")


def expected_calibration_error(y, p, bins: int = 15) -> float:
    """ECE with equal-mass bins: mean |observed rate − mean prediction| weighted by bin size."""
    y = np.asarray(y, float)
    p = np.asarray(p, float)
    order = np.argsort(p, kind="stable")
    total = 0.0
    for chunk in np.array_split(order, bins):
        if len(chunk):
            total += len(chunk) * abs(y[chunk].mean() - p[chunk].mean())
    return float(total / len(y))


def classification_metrics(y, p) -> dict[str, float]:
    """ROC AUC, Brier score, log loss, ECE (15 equal-mass bins) and the base rate."""
    y = np.asarray(y, int)
    p = np.clip(np.asarray(p, float), 1e-6, 1 - 1e-6)
    both = len(np.unique(y)) == 2
    return {
        "roc_auc": float(roc_auc_score(y, p)) if both else float("nan"),
        "brier": float(brier_score_loss(y, p)),
        "log_loss": float(log_loss(y, p, labels=[0, 1])),
        "ece_15": expected_calibration_error(y, p),
        "positive_rate": float(y.mean()),
        "rows": int(len(y)),
    }


def regression_metrics(actual, predicted) -> dict[str, float]:
    """Normalised Gini, top-decile capture, RMSE, MAE and totals (actual vs predicted)."""
    a = np.asarray(actual, float)
    p = np.asarray(predicted, float)
    return {
        "normalized_gini": normalized_gini(a, p),
        "top_decile_capture": top_decile_capture(a, p),
        "rmse": float(np.sqrt(np.mean((a - p) ** 2))),
        "mae": float(np.mean(np.abs(a - p))),
        "total_actual": float(a.sum()),
        "total_predicted": float(p.sum()),
        "rows": int(len(a)),
    }


PRIMARY_METRIC = {"conversion": "roc_auc", "churn": "roc_auc", "price": "roc_auc", "clv": "normalized_gini",
                  "lead_conversion": "roc_auc"}
"""The holdout metric (higher is better) that decides a champion/challenger promotion."""
