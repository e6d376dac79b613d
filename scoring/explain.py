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


def is_missing(value: Any) -> bool:
    """No value recorded (None, NaN, empty text)."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _format_value(value: Any, feature: str = "") -> str:
    if is_missing(value):
        return "missing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float) and (feature.startswith("days") or feature.endswith("_days")):
        return f"{value:,.0f}"  # "Days since last email: 2", not "2.07"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    if isinstance(value, str) and value.isupper() and "_" in value:
        # CRM enumeration values such as HubSpot's MARKETING_AND_ADVERTISING, in words
        return value.replace("_", " ").capitalize()
    return str(value)


CLV_LABELS: dict[str, str] = {
    "frequency": "Repeat purchases",
    "recency": "Days between first and last purchase",
    "T": "Days as a customer",
    "days_since_last": "Days since last purchase",
    "recency_share": "Share of the relationship still buying",
    "n_transactions": "Purchases",
    "total_spend": "Total spend",
    "mean_spend": "Average purchase",
    "monetary_repeat": "Average repeat purchase",
    "max_spend": "Largest purchase",
    "spend_30": "Spend in the last 30 days",
    "spend_90": "Spend in the last 90 days",
    "spend_180": "Spend in the last 180 days",
    "days_active_90": "Days with a purchase (last 90 days)",
    "trend": "Spend trend (recent vs earlier)",
    "bg_p_alive": "Chance the customer is still active",
    "bg_purchases_label": "Expected purchases (buying pattern)",
    "gg_value": "Expected purchase size",
    "bg_spend_label": "Expected spend (buying pattern)",
    "past_spend_rate": "Spend per year so far",
}
"""Plain words for the CLV model's features (never "Bg p alive")."""

DERIVED_FROM: dict[str, tuple[str, str]] = {
    "days_open": ("created_at", "Days since {}"),
    "company_industry": ("industry", "{}"),
    "company_employees": ("employees", "{}"),
    "company_annual_revenue": ("annual_revenue", "{}"),
    "company_country": ("country", "{}"),
    "pipeline": ("pipeline", "{}"),
    "amount": ("amount", "{}"),
    "owner": ("owner_id", "{}"),
    "stage": ("stage", "{}"),
}
"""Feature → (canonical CRM field it is computed from, label template), so a factor can carry the
CRM's own property label from the tenant's mapping ("Days since Create date")."""


def label_for(feature: str, labels: Mapping[str, str] | None = None) -> str:
    """The human label of a feature: the tenant's CRM label, ours, or the name made readable.

    Order: the mapping's label for the feature; the mapping's label of the CRM field it is
    derived from (``days_since_<field>`` and :data:`DERIVED_FROM`); our label; the name.
    """
    if labels and feature in labels:
        return str(labels[feature])
    if labels:
        source, template = DERIVED_FROM.get(feature, (None, ""))
        if feature.startswith("days_since_") and feature[len("days_since_"):] in labels:
            source, template = feature[len("days_since_"):], "Days since {}"
        if source and source in labels:
            return template.format(labels[source])
    return FEATURE_LABELS.get(feature) or CLV_LABELS.get(feature) or feature.replace("_", " ").strip().capitalize()


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
        ``label`` reads like "Days since last meeting: 41 ↓". A feature without a value on
        this record is never listed.
    """
    order = np.argsort(-np.abs(impacts), kind="stable")
    pos, neg = [], []
    for i in order:
        impact = float(impacts[i])
        if impact == 0 or not math.isfinite(impact) or is_missing(values.get(names[i])):
            # A field the record does not have is not a reason a rep can read or act on
            # ("Days since last meeting: missing ↓"); the card shows the drivers it has.
            continue
        bucket = pos if impact > 0 else neg
        if len(bucket) >= k:
            continue
        name = names[i]
        arrow = "↑" if impact > 0 else "↓"
        bucket.append({
            "feature": name,
            "label": f"{label_for(name, labels)}: {_format_value(values.get(name), name)} {arrow}",
            "direction": "+" if impact > 0 else "-",
            "impact": round(impact, 6),
        })
        if len(pos) >= k and len(neg) >= k:
            break
    return pos + neg
