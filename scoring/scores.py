"""Predictions → the Scores contract of DESIGN.md, for one record (hot path) or a table (CLI).

Scores shape::

    {"conversion": {"probability", "score_1_99", "band", "factors", "model_version"},
     "churn": {...same...},
     "clv": {"value", "score_1_99", "band", "factors", "model_version"},
     "price": {...as conversion..., "best_discount", "curve": [[discount, p_win], ...]},
     "absent": {"<task>": {"not_enough_history": {"have": n, "need": N}} | {"no_model": {}} | ...}}

A task is either present with its entry or listed under ``absent`` with the reason.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from . import defaults
from .explain import group_sums, occlusion, top_factors
from .features import closed_won_log, record_features, reference_time
from .registry import TASKS, LoadedModel

_EPOCH_DAY = datetime(1970, 1, 1)


def score_1_99(p: float) -> int:
    """Map a probability to an integer score 1..99."""
    return int(min(99, max(1, round(float(p) * 100))))


def band(p: float) -> str:
    """``low`` | ``medium`` | ``high`` for a probability (edges in ``defaults.BAND_EDGES``)."""
    lo, hi = defaults.BAND_EDGES
    return "low" if p < lo else "medium" if p < hi else "high"


def _labels(mapping: Mapping[str, Any] | None) -> Mapping[str, str]:
    return (mapping or {}).get("labels") or {}


# -- classification tasks --------------------------------------------------------------------
def _impacts(task: str, model: Any, Z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Per-feature impacts on the probability, shape (n, n_features)."""
    enc = model.encoder_
    if task == "churn":
        # Log-odds contributions scaled by dp/dlogit = p(1-p): their first-order effect on p.
        return group_sums(model.contributions_encoded(Z), enc.groups_) * (p * (1 - p))[:, None]
    return occlusion(model.proba_encoded, Z, enc.groups_, enc.baseline_)


def _classification_entry(loaded: LoadedModel, feats: Mapping[str, Any], labels, with_factors: bool) -> dict:
    model = loaded.model
    z = model.encoder_.transform_one(feats)[None, :]
    if loaded.task == "price":
        curve = model.curve_encoded(z)
        best, p_best = model.best_from_curve(curve)
        z = z.copy()
        z[0, model.discount_index_] = (best[0] - model.discount_center_) / model.discount_spread_
        p = np.array([p_best[0]])
    else:
        p = model.proba_encoded(z)
    prob = float(p[0])
    entry = {"probability": round(prob, 6), "score_1_99": score_1_99(prob), "band": band(prob),
             "factors": [], "model_version": loaded.version}
    if with_factors:
        names = list(model.encoder_.groups_)
        impacts = _impacts(loaded.task, model, z, p)[0]
        if loaded.task == "price":
            values = dict(feats) | {model.discount_feature_: float(best[0])}
        else:
            values = feats
        entry["factors"] = top_factors(impacts, names, values, labels)
    if loaded.task == "price":
        entry["best_discount"] = float(best[0])
        entry["curve"] = [[float(d), round(float(q), 6)] for d, q in zip(model.grid_, curve[0], strict=True)]
    return entry


# -- CLV -----------------------------------------------------------------------------------
def clv_score(value: float, quantiles: list[float]) -> int:
    """Score 1..99 of a value: its percentile among the training customers' predictions."""
    if not quantiles:
        return 50
    return int(min(99, max(1, np.searchsorted(np.asarray(quantiles), value, side="right"))))


def _clv_entry(loaded: LoadedModel, log: list[tuple[datetime, float]], as_of: datetime,
               labels, with_factors: bool) -> dict | None:
    from .models.clv import RAW_FEATURES, raw_features

    t = (as_of.replace(tzinfo=None) - _EPOCH_DAY).days
    days = sorted({float((d.replace(tzinfo=None) - _EPOCH_DAY).days) for d, _ in log if d <= as_of})
    if not days:
        return None
    spend: dict[float, float] = {}
    for d, a in log:
        if d <= as_of:
            key = float((d.replace(tzinfo=None) - _EPOCH_DAY).days)
            spend[key] = spend.get(key, 0.0) + a
    raw = np.asarray([raw_features(np.asarray(days), np.asarray([spend[d] for d in days]), float(t))])
    model = loaded.model
    value = float(model.predict_raw(raw)[0])
    score = clv_score(value, loaded.metadata.get("value_quantiles") or [])
    entry = {"value": round(value, 2), "score_1_99": score, "band": band(score / 100),
             "factors": [], "model_version": loaded.version}
    if with_factors:
        from .models.clv import FEATURES

        contribs = model.contributions_raw(raw)[0] * value  # log-scale contributions → currency, first order
        values = dict(zip(RAW_FEATURES, raw[0], strict=True))
        entry["factors"] = top_factors(contribs, list(FEATURES), values, labels)
    return entry


# -- one record ----------------------------------------------------------------------------
def score_record(record, models: Mapping[str, Any], mapping: Mapping[str, Any] | None = None, *,
                 factors: bool = True, as_of: datetime | None = None) -> dict[str, Any]:
    """Score one canonical Record with every available task.

    Args:
        record: an ``integrations.base.Record``.
        models: task → :class:`LoadedModel`, or → a reason dict for an absent task (as
            returned by ``ModelRegistry.load_champions`` or a cold-start check).
        mapping: the tenant's field mapping (labels for factors; target fields to hide).
        factors: compute the top factors (costs one small batched prediction per task).
        as_of: the moment to describe (default: now, or a closed deal's close date).

    Returns:
        The Scores dict (see module docstring).
    """
    feats = record_features(record, mapping, as_of)
    labels = _labels(mapping)
    out: dict[str, Any] = {}
    absent: dict[str, Any] = {}
    for task in TASKS:
        loaded = models.get(task)
        if not isinstance(loaded, LoadedModel):
            absent[task] = dict(loaded) if isinstance(loaded, Mapping) else {"no_model": {}}
            continue
        if task == "clv":
            entry = _clv_entry(loaded, closed_won_log(record), reference_time(record, as_of), labels, factors)
            if entry is None:
                absent[task] = {"no_purchase_history": {}}
            else:
                out[task] = entry
        else:
            out[task] = _classification_entry(loaded, feats, labels, factors)
    out["absent"] = absent
    return out


# -- tables (CLI predict) ------------------------------------------------------------------
def predict_table(loaded: LoadedModel, frame: pd.DataFrame, labels: Mapping[str, str] | None = None,
                  with_factors: bool = True) -> pd.DataFrame:
    """Predict a table with a classification or price model, one output row per input row.

    Returns:
        ``prediction`` (P(positive); for price the best discount), ``p_win_at_best`` (price),
        ``score_1_99`` and ``top_factors`` (JSON list).
    """
    model = loaded.model
    enc = model.encoder_
    frame = frame.copy()
    if loaded.task == "price" and model.discount_feature_ not in frame.columns:
        frame[model.discount_feature_] = np.nan  # the discount is what we recommend
    Z = enc.transform(frame)
    out = pd.DataFrame(index=frame.index)
    if loaded.task == "price":
        best, p = model.best_from_curve(model.curve_encoded(Z))
        Z = Z.copy()
        Z[:, model.discount_index_] = (best - model.discount_center_) / model.discount_spread_
        out["prediction"] = best
        out["p_win_at_best"] = p
        frame[model.discount_feature_] = best
    else:
        p = model.proba_encoded(Z)
        out["prediction"] = p
    out["score_1_99"] = [score_1_99(v) for v in p]
    if with_factors:
        impacts = _impacts(loaded.task, model, Z, p)
        names = list(enc.groups_)
        records = frame.to_dict("records")
        out["top_factors"] = [
            json.dumps(top_factors(impacts[i], names, records[i], labels), ensure_ascii=False)
            for i in range(len(records))
        ]
    return out


def finite_or_none(x: float) -> float | None:
    """JSON-safe float (NaN/inf → None)."""
    return float(x) if x is not None and math.isfinite(x) else None
