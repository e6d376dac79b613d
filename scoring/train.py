"""Training entry points: a table (CSV) per task, a transaction log for CLV, CRM records."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from tqdm import tqdm

from . import defaults
from ._columns import coerce_binary_target, infer_column_types, require_columns
from .errors import DataError, EmptyDataError, NotEnoughHistoryError
from .features import parse_time, record_features
from .metrics import classification_metrics, regression_metrics
from .models.churn import ChurnClassifier
from .models.clv import FEATURES as CLV_FEATURES
from .models.clv import ClvModel
from .models.conversion import ConversionClassifier
from .models.price import PriceModel

CLASSIFICATION_TASKS = ("conversion", "churn", "price")
"""Tasks trained from a table with a binary target."""

_HOLDOUT_MIN_PER_CLASS = 5
_IMPORTANCE_ROWS = 500  # holdout rows used for factor importance: plenty for a stable mean


def fingerprint(frame: pd.DataFrame) -> str:
    """SHA-256 of a table's content and column names (the training-data snapshot reference)."""
    h = hashlib.sha256(",".join(map(str, frame.columns)).encode())
    h.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return h.hexdigest()


def _make(task: str, types: dict[str, str], discount_column: str | None, max_discount: float,
          random_state: int, fast: bool) -> Any:
    if task == "conversion":
        return ConversionClassifier(column_types=types, random_state=random_state,
                                    **({"cv": 3, "max_iter": 60, "gb_max_iter": 50} if fast else {}))
    if task == "churn":
        return ChurnClassifier(column_types=types, random_state=random_state,
                               **({"cv": 3, "n_estimators": 60} if fast else {}))
    return PriceModel(discount_column=discount_column, max_discount=max_discount, column_types=types,
                      random_state=random_state, **({"n_estimators": 30} if fast else {}))


def train_table(task: str, frame: pd.DataFrame, target: str, *, id_column: str | None = None,
                discount_column: str | None = None, max_discount: float = defaults.MAX_DISCOUNT,
                random_state: int = defaults.RANDOM_STATE, fast: bool = False,
                progress: bool = False) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """Train a classification/price model on a table, measured on a stratified holdout.

    The model is fitted on the training part, measured on the holdout, then refitted on all rows.

    Args:
        task: ``conversion`` | ``churn`` | ``price``.
        frame: the data, with the target column.
        target: binary target column (0/1, true/false, yes/no, or two values).
        id_column: a column to drop from the features (echoed by ``predict``).
        discount_column: the discount column (price only; a fraction, or percent if above 1).
        max_discount: cap on the recommended discount (price).
        random_state: seed.
        fast: fewer iterations (tests and smoke runs).
        progress: show a progress bar on stderr.

    Returns:
        ``(model, metadata, holdout)``.

    Raises:
        DataError: (subclasses) empty data, a missing column, an unusable target.
    """
    if task not in CLASSIFICATION_TASKS:
        raise DataError(f"unknown task {task!r}; expected one of {', '.join(CLASSIFICATION_TASKS)}")
    if task == "price" and not discount_column:
        raise DataError("task price needs a discount column")
    require_columns(frame, {"target": target, "id column": id_column, "discount column": discount_column})
    y, target_info = coerce_binary_target(frame[target], target)
    X = frame.drop(columns=[c for c in (target, id_column) if c])
    if X.shape[1] == 0:
        raise EmptyDataError("no feature columns besides the target and id")
    types = infer_column_types(X)
    if discount_column:
        X = X.copy()
        X[discount_column] = pd.to_numeric(X[discount_column], errors="coerce")
        if X[discount_column].isna().all():
            raise DataError(f"discount column {discount_column!r} holds no numbers")
        if X[discount_column].max() > 1:  # given in percent
            X[discount_column] = X[discount_column] / 100.0
        types[discount_column] = "numeric"
    if all(t == "id" for t in types.values()):
        raise EmptyDataError("no usable feature columns (all look like ids or are empty)")
    bar = tqdm(total=3, desc=f"train {task}", disable=not progress, leave=False)
    holdout: dict[str, Any] = {}
    metrics: dict[str, Any] = {}
    importance: dict[str, float] = {}
    counts = np.bincount(y)
    if counts.min() >= _HOLDOUT_MIN_PER_CLASS and len(y) >= 40:
        idx_train, idx_test = train_test_split(np.arange(len(y)), test_size=defaults.HOLDOUT_FRACTION,
                                               stratify=y, random_state=random_state)
        probe = _make(task, types, discount_column, max_discount, random_state, fast)
        probe.fit(X.iloc[idx_train], y[idx_train])
        bar.update()
        Xt = X.iloc[idx_test]
        p = probe.predict_proba(Xt)[:, 1]
        metrics["holdout"] = classification_metrics(y[idx_test], p)
        holdout = {"y": y[idx_test].tolist(), "p": p.tolist()}
        importance = _importance(task, probe, Xt.iloc[:_IMPORTANCE_ROWS])
    else:
        bar.update()
        warnings.warn("too few rows per class for a holdout: metrics are cross-validation only",
                      UserWarning, stacklevel=2)
    model = _make(task, types, discount_column, max_discount, random_state, fast).fit(X, y)
    bar.update()
    metrics["cv"] = getattr(model, "cv_report_", {})
    bar.update()
    bar.close()
    meta = {
        "task": task,
        "target": target,
        "target_info": target_info,
        "id_column": id_column,
        "discount_column": discount_column,
        "max_discount": max_discount if task == "price" else None,
        "feature_schema": {str(c): t for c, t in model.encoder_.types_.items()},
        "dropped_columns": [str(c) for c, t in types.items() if t == "id"],
        "training_rows": int(len(y)),
        "training_data_fingerprint": fingerprint(frame),
        "random_state": random_state,
        "metrics": metrics,
        "importance": importance,
    }
    return model, meta, holdout


def _importance(task: str, model: Any, X: pd.DataFrame) -> dict[str, float]:
    """Mean |impact| per feature on holdout rows (the report's factor importance)."""
    from .scores import _impacts

    Z = model.encoder_.transform(X)
    p = model.proba_encoded(Z)
    impacts = np.abs(_impacts(task, model, Z, p)).mean(axis=0)
    names = list(model.encoder_.groups_)
    return {n: float(v) for n, v in sorted(zip(names, impacts, strict=True), key=lambda kv: -kv[1])}


def normalise_transactions(frame: pd.DataFrame, customer: str, date: str, amount: str) -> pd.DataFrame:
    """Select and type the CLV columns (``customer, date, amount``), naming bad columns in errors.

    Raises:
        DataError: empty, missing columns, unparsable dates or amounts.
    """
    require_columns(frame, {"customer column": customer, "date column": date, "amount column": amount})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dates = pd.to_datetime(frame[date], errors="coerce", format="mixed")
    if dates.isna().any():
        bad = frame.loc[dates.isna(), date].head(3).tolist()
        raise DataError(f"date column {date!r}: {int(dates.isna().sum())} value(s) are not dates, e.g. {bad}")
    amounts = pd.to_numeric(frame[amount], errors="coerce")
    if amounts.isna().any():
        bad = frame.loc[amounts.isna(), amount].head(3).tolist()
        raise DataError(f"amount column {amount!r}: {int(amounts.isna().sum())} value(s) are not numbers, e.g. {bad}")
    return pd.DataFrame({"customer": frame[customer].astype(str), "date": dates.dt.tz_localize(None)
                         if dates.dt.tz is not None else dates, "amount": amounts.astype(float)})


def train_clv(tx: pd.DataFrame, cutoff, horizon_days: int, *, random_state: int = defaults.RANDOM_STATE,
              columns: Mapping[str, str] | None = None) -> tuple[ClvModel, dict[str, Any], dict[str, Any]]:
    """Train CLV on a normalised log (see :func:`normalise_transactions`).

    Returns:
        ``(model, metadata, holdout)``; metadata holds the holdout metrics and value quantiles.
    """
    model = ClvModel(horizon_days=horizon_days, random_state=random_state).fit(tx, cutoff)
    predictions = model.predict(tx, cutoff)["prediction"].to_numpy()
    quantiles = np.quantile(predictions, np.linspace(0.01, 0.99, 99)).tolist()
    ho = model.holdout_
    used = tx[tx["date"] <= pd.Timestamp(cutoff)]
    meta = {
        "task": "clv",
        "cutoff": model.cutoff_,
        "horizon_days": horizon_days,
        "label_days": model.label_days_,
        "columns": dict(columns or {}),
        "feature_schema": {name: "numeric" for name in CLV_FEATURES},
        "training_rows": int(len(used)),
        "training_customers": model.training_customers_,
        "training_data_fingerprint": fingerprint(used.reset_index(drop=True)),
        "random_state": random_state,
        "bgnbd_gg_params": model.params_,
        "value_quantiles": quantiles,
        "metrics": {"holdout": regression_metrics(ho["actual"], ho["predicted"]) | {
            "note": f"internal time split: spend in the {ho['label_days']:.0f} days after the internal cut"}},
    }
    return model, meta, {"actual": ho["actual"], "predicted": ho["predicted"]}


def _closed(records: Iterable[Any]) -> list[Any]:
    return [r for r in records if r.stage_kind in ("won", "lost")]


def records_to_frame(records: Iterable[Any], task: str, mapping: Mapping[str, Any] | None = None,
                     as_of: datetime | None = None) -> tuple[pd.DataFrame, str, str | None]:
    """Features and target of CRM records for a task.

    Returns:
        ``(frame, target_column, discount_column)``.
    """
    targets = (mapping or {}).get("targets") or {}
    rows = []
    for record in records:
        feats = record_features(record, mapping, as_of)
        if task in ("conversion", "price"):
            if record.stage_kind not in ("won", "lost"):
                continue
            feats["__target__"] = int(record.stage_kind == "won")
        else:
            key = targets.get("churn", "churned")
            if record.extra.get(key) is None:
                continue
            feats["__target__"] = record.extra.get(key)
        if task == "price":
            key = targets.get("discount", "discount")
            feats["discount"] = record.extra.get(key)
        rows.append(feats)
    return pd.DataFrame(rows), "__target__", ("discount" if task == "price" else None)


def train_from_records(records: Iterable[Any], task: str, *, mapping: Mapping[str, Any] | None = None,
                       min_closed: int = defaults.MIN_CLOSED_DEALS, horizon_days: int = defaults.CLV_HORIZON_DAYS,
                       as_of: datetime | None = None, random_state: int = defaults.RANDOM_STATE,
                       fast: bool = False) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """Train a task from canonical CRM records (what ``model train-from-crm`` and the scheduler call).

    Args:
        records: canonical Records (deals with ``stage_kind``; accounts' closed-won history for CLV).
        task: one of ``conversion``, ``churn``, ``clv``, ``price``.
        mapping: the tenant's field mapping (``targets`` name the churn flag / discount in ``extra``).
        min_closed: cold-start threshold of closed deals (or labelled records / customers).
        horizon_days: CLV horizon.
        as_of: training moment for CLV (default now).
        random_state: seed.
        fast: fewer iterations.

    Returns:
        ``(model, metadata, holdout)`` as :func:`train_table` / :func:`train_clv`.

    Raises:
        NotEnoughHistoryError: fewer than ``min_closed`` usable records.
    """
    records = list(records)
    if task == "clv":
        rows, seen = [], set()
        for record in records:
            account = record.company.id if record.company else record.id
            for deal in record.history.closed_won_deals:
                when = parse_time(deal.date)
                key = (account, deal.date, deal.amount)
                if when is not None and key not in seen:
                    seen.add(key)
                    rows.append({"customer": account, "date": when.replace(tzinfo=None), "amount": deal.amount})
        tx = pd.DataFrame(rows, columns=["customer", "date", "amount"])
        customers = tx["customer"].nunique() if len(tx) else 0
        if customers < min_closed:
            raise NotEnoughHistoryError(customers, min_closed)
        cutoff = (as_of or datetime.now()).replace(tzinfo=None)
        return train_clv(tx, cutoff, horizon_days, random_state=random_state)
    frame, target, discount = records_to_frame(records, task, mapping)
    if len(frame) < min_closed:
        raise NotEnoughHistoryError(len(frame), min_closed)
    model, meta, holdout = train_table(task, frame, target, discount_column=discount, random_state=random_state,
                                       fast=fast)
    meta["source"] = "crm"
    return model, meta, holdout



def retrain_tenant(records: Iterable[Any], tenant: str, registry: Any, *, tasks: Iterable[str] | None = None,
                   mapping: Mapping[str, Any] | None = None, staging: Any = None,
                   min_closed: int = defaults.MIN_CLOSED_DEALS, random_state: int = defaults.RANDOM_STATE,
                   fast: bool = False) -> dict[str, dict[str, Any]]:
    """Train every task from a tenant's records and promote each challenger that beats its champion.

    What the scheduled retraining job calls. A task below the cold-start threshold is reported
    with ``not_enough_history`` and left untouched; one failure never stops the other tasks.

    Args:
        records: the tenant's canonical Records (deals, with their accounts' closed-won history).
        tenant: tenant id.
        registry: a :class:`scoring.ModelRegistry`.
        tasks: tasks to train (default: all).
        mapping: the tenant's field mapping.
        staging: directory for new artefacts (default: ``<registry root>/staging``).
        min_closed: cold-start threshold.
        random_state: seed.
        fast: fewer iterations.

    Returns:
        task → the promotion result, or ``{"not_enough_history": {"have", "need"}}`` /
        ``{"error": "..."}``.
    """
    from pathlib import Path

    from .errors import ScoringError
    from .registry import TASKS, new_version, save_model

    records = list(records)
    root = Path(staging) if staging is not None else Path(registry.root) / "staging"
    out: dict[str, dict[str, Any]] = {}
    for task in tasks or TASKS:
        try:
            model, meta, holdout = train_from_records(records, task, mapping=mapping, min_closed=min_closed,
                                                      random_state=random_state, fast=fast)
            path = save_model(model, root / new_version(task), meta, holdout)
            out[task] = registry.promote(tenant, path)
        except NotEnoughHistoryError as exc:
            out[task] = {"not_enough_history": {"have": exc.have, "need": exc.need}}
        except (ScoringError, ValueError) as exc:  # one task's bad data must not stop the others
            out[task] = {"error": f"{type(exc).__name__}: {exc}"}
    return out
