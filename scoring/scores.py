"""Predictions → the Scores contract of DESIGN.md, for one record (hot path) or a table (CLI).

Scores shape::

    {"conversion": {"probability", "score_1_99", "band", "factors", "model_version"},
     "churn": {...same...},
     "clv": {"value", "score_1_99", "band", "factors", "model_version"},
     "price": {...as conversion..., "best_discount", "curve": [[discount, p_win], ...]},
     "absent": {"<task>": {"not_enough_history": {"have": n, "need": N}} | {"no_model": {}} | ...}}

A task is either present with its entry or listed under ``absent`` with the reason. A lead's
(``object_type == "lead"``) ``conversion`` is the ``lead_conversion`` model's P(converted), its entry
marked ``"task": "lead_conversion"`` (see :mod:`scoring.leads`); ``lead_conversion`` is never a key
of its own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from . import defaults, leads
from .explain import CLV_LABELS, occlusion, top_factors
from .features import amount_in_corporate, closed_won_log, past_revenue, record_features, reference_time
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
def _impacts(task: str, model: Any, Z: np.ndarray, p: np.ndarray) -> np.ndarray:  # noqa: ARG001 - same call for every task
    """Per-feature impacts on the shown probability, shape (n, n_features).

    Occlusion for every task: the impact IS the change of the shown probability when the feature
    is set to its reference (training mean / mode), so a factor's sign is always faithful.
    (Churn used first-order XGBoost contributions; 28% of its top factors did not move p.)
    """
    enc = model.encoder_
    return occlusion(model.proba_encoded, Z, enc.groups_, enc.baseline_)


# -- CLV -----------------------------------------------------------------------------------
def clv_score(value: float, quantiles: list[float]) -> int:
    """Score 1..99 of a value: its percentile among the training customers' predictions."""
    if not quantiles:
        return 50
    return int(min(99, max(1, np.searchsorted(np.asarray(quantiles), value, side="right"))))


def _clv_raw(log: list[tuple[datetime, float]], as_of: datetime) -> list[float] | None:
    """One account's raw CLV feature row from its purchase log up to `as_of`; None without one."""
    from .models.clv import raw_features

    t = (as_of.replace(tzinfo=None) - _EPOCH_DAY).days
    days = sorted({float((d.replace(tzinfo=None) - _EPOCH_DAY).days) for d, _ in log if d <= as_of})
    if not days:
        return None
    spend: dict[float, float] = {}
    for d, a in log:
        if d <= as_of:
            key = float((d.replace(tzinfo=None) - _EPOCH_DAY).days)
            spend[key] = spend.get(key, 0.0) + a
    return list(raw_features(np.asarray(days), np.asarray([spend[d] for d in days]), float(t)))


def _clv_entries(loaded: LoadedModel, rows: list[list[float]], labels, with_factors: bool) -> list[dict]:
    """CLV entries of many accounts' raw rows: one prediction (and one contributions) call for all
    (a call per record cost ~0.5 ms of model overhead each, twice, on the batch pipeline's hot path)."""
    from .models.clv import RAW_FEATURES

    if not rows:
        return []
    raw = np.asarray(rows, dtype=float)
    model = loaded.model
    values = model.predict_raw(raw)
    quantiles = loaded.metadata.get("value_quantiles") or []
    entries = []
    for v in values:
        value = float(v)
        score = clv_score(value, quantiles)
        entries.append({"value": round(value, 2), "score_1_99": score, "band": band(score / 100),
                        "factors": [], "model_version": loaded.version})
    if with_factors:
        from .models.clv import CONTRIBUTIONS, FEATURES, PRIOR, add_bg_features, yearly_spend

        contribs = model.contributions_raw(raw)
        full = add_bg_features(raw, model.params_, model.label_days_)
        yearly = yearly_spend(raw)
        for i, entry in enumerate(entries):
            shown = (dict(zip(RAW_FEATURES, raw[i], strict=True)) | dict(zip(FEATURES, full[i], strict=True))
                     | {PRIOR: float(yearly[i])})
            # log-scale contributions → currency, first order
            entry["factors"] = top_factors(contribs[i] * float(values[i]), list(CONTRIBUTIONS), shown,
                                           {**CLV_LABELS, **dict(labels)})
    return entries


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
    return score_batch([record], models, mapping, factors=factors, as_of=as_of)[str(record.id)]


def score_batch(records, models: Mapping[str, Any], mapping: Mapping[str, Any] | None = None, *,
                factors: bool = True, as_of: datetime | None = None) -> dict[str, dict[str, Any]]:
    """Score many records at once: :func:`score_record`'s result per record id, vectorised.

    Each classification task encodes the whole batch and predicts (and occludes, for factors)
    in one call per task; CLV is per account (its features are a small computation per log).
    """
    records = list(records)
    labels = _labels(mapping)
    # A lead is described by what a lead has (scoring.leads), a deal by what a deal has.
    feats = [leads.lead_features(r, mapping, as_of) if leads.is_lead(r) else record_features(r, mapping, as_of)
             for r in records]
    # What a factor's label shows where the feature is an id: the owner's name, as the CRM shows it.
    shown = [{"owner": r.owner.name} if r.owner is not None and r.owner.name else {} for r in records]
    out: dict[str, dict[str, Any]] = {str(r.id): {} for r in records}
    absent: dict[str, dict[str, Any]] = {str(r.id): {} for r in records}
    for task in TASKS:
        if task == leads.TASK:
            continue  # a lead's "conversion" (below): never a task of its own on a card
        if task == "conversion":
            _conversion(records, feats, models, labels, factors, shown, out, absent)
            continue
        keep = [not (task in leads.NOT_FOR_LEADS and leads.is_lead(r)) for r in records]
        for r, kept in zip(records, keep, strict=True):
            if not kept:
                absent[str(r.id)][task] = {"reason": leads.NOT_FOR_LEADS[task]}
        scored = [r for r, kept in zip(records, keep, strict=True) if kept]
        scored_feats = [f for f, kept in zip(feats, keep, strict=True) if kept]
        scored_shown = [v for v, kept in zip(shown, keep, strict=True) if kept]
        loaded = models.get(task)
        if not isinstance(loaded, LoadedModel):
            reason = dict(loaded) if isinstance(loaded, Mapping) else {"no_model": {}}
            for r in scored:
                absent[str(r.id)][task] = dict(reason)
            continue
        if task == "clv":
            rows: list[list[float]] = []
            owners: list[tuple[str, bool, str | None]] = []
            for r in records:
                when = reference_time(r, as_of)
                log = closed_won_log(r)
                own = amount_in_corporate(r)
                prospective = not [d for d, _ in log if d <= when] and bool(own)
                if prospective and own is not None:
                    # A prospect has no purchases yet: its value as a customer if this deal is
                    # won (the deal as its first purchase), which is what a rep weighs; in the
                    # currency of its purchase log (the corporate one where the CRM has rates).
                    log = [(when, own)]
                row = _clv_raw(log, when)
                if row is None:
                    absent[str(r.id)][task] = {"no_purchase_history": {}}
                else:
                    rows.append(row)
                    owners.append((str(r.id), prospective, past_revenue(r).currency))
            for (rid, prospective, currency), entry in zip(owners, _clv_entries(loaded, rows, labels, factors),
                                                           strict=True):
                entry["basis"] = "if this deal is won (no purchase yet)" if prospective else "purchase history"
                if currency:
                    # The log's one currency (the corporate one where the CRM has rates): the card shows
                    # the value in it, never in a currency the amounts were not in.
                    entry["currency"] = currency
                out[rid][task] = entry
            continue
        if not scored:
            continue
        for r, entry in zip(scored, _classification_entries(loaded, scored_feats, labels, factors, scored_shown),
                            strict=True):
            out[str(r.id)][task] = entry
    for rid in out:
        out[rid]["absent"] = absent[rid]
    return out


def _conversion(records: list[Any], feats: list[Mapping[str, Any]], models: Mapping[str, Any], labels,
                factors: bool, shown: list[Mapping[str, Any]], out: dict[str, dict[str, Any]],
                absent: dict[str, dict[str, Any]]) -> None:
    """``conversion`` of each record: a deal's chance to be won from the deal model, a lead's
    chance to be converted from the lead model (``"task": "lead_conversion"`` on its entry). A
    lead is never scored by the deal model: without a lead model its conversion is absent with
    the lead model's reason (e.g. too few closed leads)."""
    for is_lead, task in ((False, "conversion"), (True, leads.TASK)):
        rows = [i for i, r in enumerate(records) if leads.is_lead(r) == is_lead]
        if not rows:
            continue
        loaded = models.get(task)
        if not isinstance(loaded, LoadedModel):
            reason = dict(loaded) if isinstance(loaded, Mapping) else {"no_model": {}}
            for i in rows:
                absent[str(records[i].id)]["conversion"] = dict(reason)
            continue
        entries = _classification_entries(loaded, [feats[i] for i in rows], labels, factors,
                                          [shown[i] for i in rows])
        for i, entry in zip(rows, entries, strict=True):
            if is_lead:
                entry["task"] = leads.TASK
            out[str(records[i].id)]["conversion"] = entry


def _classification_entries(loaded: LoadedModel, feats: list[Mapping[str, Any]], labels,
                            with_factors: bool, shown: list[Mapping[str, Any]] | None = None) -> list[dict]:
    if not feats:
        return []
    model = loaded.model
    Z = np.vstack([model.encoder_.transform_one(f) for f in feats])
    if loaded.task == "price":
        curve = model.curve_encoded(Z)
        best, p = model.best_from_curve(curve)
        Z = Z.copy()
        Z[:, model.discount_index_] = (best - model.discount_center_) / model.discount_spread_
    else:
        p = model.proba_encoded(Z)
    impacts = _impacts(loaded.task, model, Z, p) if with_factors else None
    names = list(model.encoder_.groups_)
    entries = []
    for i, f in enumerate(feats):
        prob = float(p[i])
        entry = {"probability": round(prob, 6), "score_1_99": score_1_99(prob), "band": band(prob),
                 "factors": [], "model_version": loaded.version}
        if impacts is not None:
            values = (dict(f) | dict(shown[i] if shown else {})
                      | ({model.discount_feature_: float(best[i])} if loaded.task == "price" else {}))
            entry["factors"] = top_factors(impacts[i], names, values, labels)
        if loaded.task == "price":
            entry["best_discount"] = float(best[i])
            entry["curve"] = [[float(d), round(float(q), 6)] for d, q in zip(model.grid_, curve[i], strict=True)]
        entries.append(entry)
    return entries


def prepare_frame(loaded: LoadedModel, frame: pd.DataFrame) -> pd.DataFrame:
    """Apply the model's date policy to raw table rows (dates → days before the time column, or now)."""
    frame = frame.copy()
    policy = loaded.metadata.get("date_columns") or {}
    present = {c: "date" for c, how in policy.items() if how == "days_before_reference" and c in frame.columns}
    if present:
        from .train import dates_to_durations

        time_column = loaded.metadata.get("time_column")
        reference = (frame[time_column] if time_column in frame.columns
                     else pd.Series([pd.Timestamp.now(tz="UTC")] * len(frame)))
        converted, _, _ = dates_to_durations(frame[list(present)], present, reference)
        for c in present:
            frame[c] = converted[c].to_numpy()
    return frame


def predict_proba_table(loaded: LoadedModel, frame: pd.DataFrame) -> np.ndarray:
    """P(positive) of raw table rows (the model's date policy applied)."""
    return np.asarray(loaded.model.predict_proba(prepare_frame(loaded, frame))[:, 1], dtype=float)


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
    frame = prepare_frame(loaded, frame)
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
