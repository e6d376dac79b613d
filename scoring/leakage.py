"""Leakage screen: drop any column that alone predicts the target almost perfectly.

A column that separates won from lost on its own (a copy of the target, a "churn date" that only
churned customers have, a field reps fill after the outcome) would give a holdout AUC near 1.0
and a useless model on open records, which do not have the value yet. Each column is measured
alone on the training split: numbers by their rank (missing values placed at either end, so a
field that is only filled for one class is caught too), categories by out-of-fold target means
(so an id-like column cannot look predictive by memorising rows).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from . import defaults
from ._encoder import _numeric_series

_OOF_FOLDS = 5


def _auc_both_ways(y: np.ndarray, score: np.ndarray) -> float:
    auc = float(roc_auc_score(y, score))
    return max(auc, 1.0 - auc)


def _numeric_auc(y: np.ndarray, values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.5
    lo, hi = float(finite.min()) - 1.0, float(finite.max()) + 1.0
    return max(_auc_both_ways(y, np.where(np.isfinite(values), values, lo)),
               _auc_both_ways(y, np.where(np.isfinite(values), values, hi)))


def _categorical_auc(y: np.ndarray, values: pd.Series, random_state: int) -> float:
    keys = values.astype(str).where(values.notna(), "__missing__").to_numpy()
    smallest = int(np.bincount(y).min())
    folds = StratifiedKFold(n_splits=min(_OOF_FOLDS, smallest), shuffle=True, random_state=random_state)
    prior = float(y.mean())
    oof = np.full(len(y), prior)
    for fit, test in folds.split(keys, y):
        means = pd.Series(y[fit]).groupby(keys[fit]).mean()
        oof[test] = pd.Series(keys[test]).map(means).fillna(prior).to_numpy()
    return _auc_both_ways(y, oof)


def single_column_auc(y: np.ndarray, values: pd.Series, kind: str, random_state: int = 0) -> float:
    """How well one column alone ranks the target (ROC AUC, direction-free: 0.5 .. 1.0)."""
    if kind in ("numeric", "date", "boolean"):
        return _numeric_auc(y, _numeric_series(kind, values))
    return _categorical_auc(y, values, random_state)


def screen_leaks(X: pd.DataFrame, y: np.ndarray, types: dict[str, str], *,
                 threshold: float = defaults.LEAK_AUC, random_state: int = defaults.RANDOM_STATE,
                 keep: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Columns that alone predict ``y`` with ROC AUC ≥ ``threshold`` (to be dropped).

    Args:
        X: training features.
        y: 0/1 target of the same rows.
        types: column → type (``id`` columns are skipped: they are dropped anyway).
        threshold: AUC from which a column is a leak.
        random_state: seed of the out-of-fold folds.
        keep: columns never dropped (e.g. the price model's discount, the treatment itself).

    Returns:
        ``[{"column", "reason", "auc"}]`` for every leaking column, worst first.
    """
    y = np.asarray(y, dtype=np.int64)
    if len(np.unique(y)) < 2 or np.bincount(y).min() < 2:
        return []
    found = []
    for column, kind in types.items():
        if kind == "id" or column in keep or column not in X.columns:
            continue
        auc = single_column_auc(y, X[column], kind, random_state)
        if auc >= threshold:
            found.append({"column": str(column), "auc": round(auc, 4),
                          "reason": f"alone predicts the target with ROC AUC {auc:.3f} on the training "
                                    f"split (≥ {threshold}): the target or a field derived from it"})
    return sorted(found, key=lambda d: -d["auc"])
