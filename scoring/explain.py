"""Per-prediction factors: XGBoost contributions, occlusion for the net and the forest, labels."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from . import defaults
from .features import FEATURE_LABELS


def group_sums(contribs: np.ndarray, groups: Mapping[str, list[int]]) -> np.ndarray:
    """Sum per-encoded-column contributions into one column per source feature.

    Args:
        contribs: shape (n, n_encoded).
        groups: source feature → encoded column indices (``TabularEncoder.groups_``).

    Returns:
        Shape (n, n_groups), groups in ``groups`` order.
    """
    return np.column_stack([contribs[:, idx].sum(axis=1) for idx in groups.values()])


def occlusion(proba: Callable[[np.ndarray], np.ndarray], Z: np.ndarray,
              groups: Mapping[str, list[int]], baseline: np.ndarray) -> np.ndarray:
    """Attribute by occlusion: p(x) − p(x with one feature group set to the training mean/mode).

    One batched call of ``proba`` on ``n * (groups + 1)`` rows, so it costs one prediction of a
    small batch. Honest for any model; interactions are not split between features.

    Args:
        proba: encoded rows → probabilities (or values).
        Z: encoded rows, shape (n, d).
        groups: source feature → encoded column indices.
        baseline: encoded training mean/mode, shape (d,).

    Returns:
        Shape (n, n_groups): positive means the feature's value raises the prediction.
    """
    n, g = Z.shape[0], len(groups)
    batch = np.repeat(Z, g + 1, axis=0).reshape(n, g + 1, Z.shape[1])
    for j, idx in enumerate(groups.values()):
        batch[:, j + 1, idx] = baseline[idx]
    p = proba(batch.reshape(n * (g + 1), Z.shape[1])).reshape(n, g + 1)
    return p[:, :1] - p[:, 1:]


def _format_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "missing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return str(value)


def label_for(feature: str, labels: Mapping[str, str] | None = None) -> str:
    """The human label of a feature: the tenant's CRM label, ours, or the name made readable."""
    if labels and feature in labels:
        return str(labels[feature])
    return FEATURE_LABELS.get(feature) or feature.replace("_", " ").strip().capitalize()


def top_factors(impacts: np.ndarray, names: list[str], values: Mapping[str, Any],
                labels: Mapping[str, str] | None = None, k: int = defaults.TOP_FACTORS) -> list[dict]:
    """The ``k`` strongest positive and ``k`` strongest negative factors of one prediction.

    Args:
        impacts: one impact per feature (same order as ``names``).
        names: feature names.
        values: feature → the record's value (shown in the label).
        labels: feature → CRM label from the tenant's field mapping.
        k: factors per direction.

    Returns:
        ``[{"feature", "label", "direction", "impact"}]``, positives first, strongest first;
        ``label`` reads like "Days since last meeting: 41 ↓".
    """
    order = np.argsort(-np.abs(impacts), kind="stable")
    pos, neg = [], []
    for i in order:
        impact = float(impacts[i])
        if impact == 0 or not math.isfinite(impact):
            continue
        bucket = pos if impact > 0 else neg
        if len(bucket) >= k:
            continue
        name = names[i]
        arrow = "↑" if impact > 0 else "↓"
        bucket.append({
            "feature": name,
            "label": f"{label_for(name, labels)}: {_format_value(values.get(name))} {arrow}",
            "direction": "+" if impact > 0 else "-",
            "impact": round(impact, 6),
        })
        if len(pos) >= k and len(neg) >= k:
            break
    return pos + neg
