"""What a model card states about its holdout, measured once at training time and stored.

Every number here comes from the holdout rows that training kept out (never from the training
rows, never from a simulated market): how many rows and deals, which class is "positive", the
dates the rows span, the reliability curve, the gain/lift table, the price curve and the CLV
deciles. Training stores the result in the artefact's metadata (``holdout_summary``,
``calibration``, ``gain``, ``price_curve``, ``deciles``) so a card or report never has to
guess or recompute from rows it no longer has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

CALIBRATION_BINS = 10
"""Equal-mass bins of the reliability curve (fewer when the holdout is small)."""

MIN_ROWS_PER_BIN = 5
"""Fewest holdout rows per reliability bin: fewer makes each observed rate mostly noise."""

GAIN_BUCKETS = 10
"""Buckets (deciles) of the gain/lift table and of the CLV decile chart."""


def _iso_day(value: Any) -> str | None:
    stamp = pd.to_datetime(value, errors="coerce", utc=True)
    return None if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def date_range(times: Sequence[Any] | np.ndarray | None) -> dict[str, str | None]:
    """``{"from", "to"}`` ISO days of a column of times (both None when unknown)."""
    if times is None or len(times) == 0:
        return {"from": None, "to": None}
    stamps = pd.to_datetime(pd.Series(np.asarray(times, dtype=object)), errors="coerce", utc=True).dropna()
    if stamps.empty:
        return {"from": None, "to": None}
    return {"from": _iso_day(stamps.min()), "to": _iso_day(stamps.max())}


def classification_summary(y_train: np.ndarray, y_test: np.ndarray, *, positive_class: Any, split: str,
                           times_train: Sequence[Any] | None = None, times_test: Sequence[Any] | None = None,
                           groups_train: Sequence[Any] | None = None,
                           groups_test: Sequence[Any] | None = None) -> dict[str, Any]:
    """The facts a card states about a classification model's data and holdout.

    Args:
        y_train: 0/1 labels of the training split.
        y_test: 0/1 labels of the holdout.
        positive_class: the label value predicted (as the user's data spells it).
        split: ``time`` (the latest rows) or ``random``.
        times_*: when each row's outcome became known (None without a time column).
        groups_*: the entity of each row (a deal described at several moments), or None.

    Returns:
        ``{"rows", "groups", "positives", "positive_class", "positive_rate", "split",
        "date_from", "date_to", "training": {"rows", "groups", "positives", "date_from", "date_to"}}``.
    """
    def side(y: np.ndarray, times: Sequence[Any] | None, groups: Sequence[Any] | None) -> dict[str, Any]:
        dates = date_range(times)
        return {"rows": int(len(y)), "groups": int(len(set(groups))) if groups is not None else int(len(y)),
                "positives": int(np.sum(y)), "date_from": dates["from"], "date_to": dates["to"]}

    test = side(np.asarray(y_test, int), times_test, groups_test)
    return test | {"positive_class": None if positive_class is None else str(positive_class),
                   "positive_rate": float(np.mean(y_test)) if len(y_test) else None, "split": split,
                   "training": side(np.asarray(y_train, int), times_train, groups_train)}


def reliability_bins(y: np.ndarray, p: np.ndarray, bins: int = CALIBRATION_BINS) -> list[dict[str, float]]:
    """The reliability curve: equal-mass bins of the predicted probability, observed rate in each.

    Returns:
        ``[{"predicted", "observed", "rows"}]`` from the lowest predictions to the highest.
    """
    y, p = np.asarray(y, float), np.asarray(p, float)
    n_bins = max(1, min(bins, len(y) // MIN_ROWS_PER_BIN))
    order = np.argsort(p, kind="stable")
    return [{"predicted": float(p[chunk].mean()), "observed": float(y[chunk].mean()), "rows": int(len(chunk))}
            for chunk in np.array_split(order, n_bins) if len(chunk)]


def gain_table(y: np.ndarray, p: np.ndarray, buckets: int = GAIN_BUCKETS) -> list[dict[str, float]]:
    """Cumulative gain and lift by bucket of the holdout, highest predictions first.

    Returns:
        ``[{"share", "gain", "lift", "rate", "rows"}]``: after the first ``share`` of records,
        ``gain`` of all positives are found; ``lift`` is the bucket's rate over the overall rate.
    """
    y, p = np.asarray(y, float), np.asarray(p, float)
    if len(y) == 0:
        return []
    order = np.argsort(-p, kind="stable")
    total, overall = max(float(y.sum()), 1e-12), float(y.mean())
    out, seen, found = [], 0, 0.0
    for chunk in np.array_split(order, min(buckets, len(y))):
        seen += len(chunk)
        found += float(y[chunk].sum())
        rate = float(y[chunk].mean())
        out.append({"share": seen / len(y), "gain": found / total, "lift": rate / overall if overall else 0.0,
                    "rate": rate, "rows": int(len(chunk))})
    return out


def value_deciles(actual: np.ndarray, predicted: np.ndarray, buckets: int = GAIN_BUCKETS) -> list[dict[str, float]]:
    """CLV deciles of the holdout customers by predicted value (1 = highest).

    Returns:
        ``[{"decile", "predicted", "actual", "rows"}]`` with mean predicted and actual value.
    """
    a, p = np.asarray(actual, float), np.asarray(predicted, float)
    if len(a) == 0:
        return []
    order = np.argsort(-p, kind="stable")
    return [{"decile": i + 1, "predicted": float(p[c].mean()), "actual": float(a[c].mean()), "rows": int(len(c))}
            for i, c in enumerate(np.array_split(order, min(buckets, len(a)))) if len(c)]


def price_curve(model: Any, X: pd.DataFrame) -> dict[str, Any]:
    """The win-probability curve over discount of the holdout deals and its recommended point.

    The curve is the mean of the model's per-deal curves (each made monotone) over the holdout
    rows; the recommended point is where the model's own rule (the revenue-best discount,
    ``PriceModel.best_from_curve``) lands on that mean curve. Also the spread of the per-deal
    recommendations, so the card can say how much they differ between deals.

    Returns:
        ``{"grid", "p_win", "best_discount", "p_win_at_best", "deals", "per_deal_best": {"share_at_zero",
        "median", "p90"}}``.
    """
    curves = model.curve_encoded(model.encoder_.transform(X))
    mean = curves.mean(axis=0)
    best, p_best = model.best_from_curve(mean[None, :])
    per_deal, _ = model.best_from_curve(curves)
    return {"grid": [float(d) for d in model.grid_], "p_win": [float(v) for v in mean],
            "best_discount": float(best[0]), "p_win_at_best": float(p_best[0]), "deals": int(len(X)),
            "per_deal_best": {"share_at_zero": float(np.mean(per_deal == 0)), "median": float(np.median(per_deal)),
                              "p90": float(np.quantile(per_deal, 0.9))}}


def ranked_importance(importance: dict[str, float] | list[Any] | None) -> list[dict[str, Any]]:
    """Features by importance, strongest first, from either stored shape.

    Older artefacts stored a dict, which the JSON sidecar (written with sorted keys) turned into
    alphabetical order; sorting by value here gives the same answer for both shapes.

    Returns:
        ``[{"feature", "importance"}]``.
    """
    if not importance:
        return []
    if isinstance(importance, dict):
        pairs = [(str(k), float(v)) for k, v in importance.items()]
    else:
        pairs = [(str(item["feature"]), float(item["importance"])) for item in importance]
    pairs.sort(key=lambda kv: (-kv[1], kv[0]))
    return [{"feature": k, "importance": v} for k, v in pairs]
