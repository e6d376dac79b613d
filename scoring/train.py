"""Training entry points: a table (CSV) per task, a transaction log for CLV, CRM records."""

from __future__ import annotations

import hashlib
import shutil
import warnings
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from tqdm import tqdm

from . import churn_labels, defaults, leads
from ._columns import coerce_binary_target, infer_column_types, require_columns
from ._encoder import TabularEncoder
from .errors import DataError, EmptyDataError, NotEnoughHistoryError
from .features import (
    DEFAULT_TARGET_KEYS,
    parse_time,
    record_features,
    snapshot_step,
    snapshot_times,
    won_amount,
)
from .holdout import classification_summary, gain_table, price_curve, reliability_bins, value_deciles
from .leakage import screen_leaks
from .metrics import classification_metrics, normalized_gini, regression_metrics
from .models.churn import ChurnClassifier
from .models.clv import FEATURES as CLV_FEATURES
from .models.clv import ClvModel
from .models.conversion import ConversionClassifier
from .models.price import PriceModel
from .promotion import (
    PROMISED_MODEL_TASKS,
    SIMPLER_MODEL_TASKS,
    baseline_gate,
    choose_served,
    promised_model_served,
)

CLASSIFICATION_TASKS = ("conversion", "churn", "price", leads.TASK)
"""Tasks trained from a table with a binary target."""

_IMPORTANCE_ROWS = 500  # holdout rows used for factor importance: plenty for a stable mean


def fingerprint(frame: pd.DataFrame) -> str:
    """SHA-256 of a table's content and column names (the training-data snapshot reference)."""
    h = hashlib.sha256(",".join(map(str, frame.columns)).encode())
    h.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return h.hexdigest()


def _make(task: str, types: dict[str, str], discount_column: str | None, max_discount: float,
          random_state: int, fast: bool, logistic_only: bool = False) -> Any:
    if task in ("conversion", leads.TASK):
        return ConversionClassifier(column_types=types, random_state=random_state, net_bag=defaults.NET_BAG,
                                    **({"cv": 3, "max_iter": 60, "gb_max_iter": 50} if fast else {}))
    if task == "churn":
        return ChurnClassifier(column_types=types, random_state=random_state, logistic_only=logistic_only,
                               **({"cv": 3, "n_estimators": 60} if fast else {}))
    return PriceModel(discount_column=discount_column, max_discount=max_discount, column_types=types,
                      random_state=random_state, **({"n_estimators": 30} if fast else {}))


def _logistic(types: dict[str, str], random_state: int) -> Pipeline:
    """The reference every model must not fall below: a plain logistic regression on the same rows."""
    return Pipeline([("encode", TabularEncoder(column_types=types, scale=True)),
                     ("lr", LogisticRegression(C=1.0, max_iter=2000, random_state=random_state))])


def holdout_split(y: np.ndarray, time: np.ndarray | None = None, groups: np.ndarray | None = None, *,
                  observed: np.ndarray | None = None, fraction: float = defaults.HOLDOUT_FRACTION,
                  random_state: int = defaults.RANDOM_STATE) -> tuple[np.ndarray, np.ndarray, str]:
    """Training and holdout row indices: the latest ``fraction`` of groups when times are known.

    Rows of one group (the snapshots of one deal) always fall on the same side. Without times,
    or when the latest groups hold fewer than 5 of a class, the split is random and stratified.

    With ``observed`` (when each row describes its entity: churn's customer-moments) the split is
    by observation time instead (:func:`observation_split`), or, when the history is too short for
    one, random by group: never the latest groups, which for churn are the survivors.

    Returns:
        ``(train_idx, holdout_idx, kind)`` with kind ``time`` | ``random``.
    """
    n = len(y)
    groups = np.arange(n) if groups is None else np.asarray(groups)
    if time is not None and observed is not None:
        split = observation_split(y, time, observed, fraction=fraction)
        if split is not None:
            return split
        time = None  # the latest groups by last outcome would be the survivors: random by group instead
    if time is not None:
        t = pd.Series(pd.to_datetime(pd.Series(time), errors="coerce", utc=True).to_numpy())
        last = t.groupby(groups).max().sort_values(kind="stable")
        if last.notna().all():
            cut = int(round(len(last) * (1 - fraction)))
            test_groups = set(last.index[cut:])
            test = np.isin(groups, list(test_groups))
            if min(np.bincount(y[test], minlength=2).min(), np.bincount(y[~test], minlength=2).min()) >= 5:
                return np.flatnonzero(~test), np.flatnonzero(test), "time"
    unique = pd.unique(groups)
    label = pd.Series(y).groupby(groups).max().reindex(unique).to_numpy()
    g_train, g_test = train_test_split(unique, test_size=fraction, stratify=label, random_state=random_state)
    test = np.isin(groups, g_test)
    return np.flatnonzero(~test), np.flatnonzero(test), "random"


def observation_split(y: np.ndarray, known: np.ndarray, observed: np.ndarray, *,
                      fraction: float = defaults.HOLDOUT_FRACTION) -> tuple[np.ndarray, np.ndarray, str] | None:
    """Split churn's customer-moments by when they were observed, each side with whole label windows.

    Holdout: the latest ``fraction`` of the moments whose label window (observation + horizon) had
    closed by the latest known outcome; training: the moments whose window had closed by the cut,
    i.e. what a model trained on the cut day could have learnt from, churners and survivors alike.
    A moment whose window was still open counts on neither side, whatever its label: keeping it
    only when it churned (as the training rows do, see scoring/churn_labels.py) fills the recent
    past with churners (demo market, seed 7: the 106 moments of the last year before the data's
    end are all churns).

    Why not the latest groups by their last outcome (:func:`holdout_split`): a churned customer's
    moments end at its churn and a survivor's run to today, so the customers whose outcome became
    known last are the survivors (seed 7: 74% of the training moments churned, 22% of the holdout's).

    A customer may have moments on both sides: its training windows close by the cut and its
    holdout moments start at it, so no label window straddles the two. The window's length is read
    from the rows: a survivor's outcome is known exactly one horizon after its moment.

    Returns:
        ``(train_idx, holdout_idx, "time")``, or None when a side would have fewer than 5 of a class
        (the history is shorter than about two horizons).
    """
    seen = pd.to_datetime(pd.Series(observed), errors="coerce", utc=True)
    known_at = pd.to_datetime(pd.Series(known), errors="coerce", utc=True)
    if not len(y) or seen.isna().any() or known_at.isna().any():
        return None
    window = (known_at - seen).max()
    closes = seen + window
    whole = (closes <= known_at.max()).to_numpy()
    if not whole.any():
        return None
    ordered = np.sort(seen[whole].to_numpy())
    cut = ordered[min(len(ordered) - 1, int(round(len(ordered) * (1 - fraction))))]
    test = whole & (seen >= cut).to_numpy()
    train = whole & (closes <= cut).to_numpy()
    if min(np.bincount(y[side], minlength=2).min() for side in (train, test)) < 5:
        return None
    return np.flatnonzero(train), np.flatnonzero(test), "time"


def dates_to_durations(X: pd.DataFrame, types: dict[str, str], reference: pd.Series | None
                       ) -> tuple[pd.DataFrame, dict[str, str], dict[str, str]]:
    """Date columns become ages (days before the row's reference time); never absolute time.

    An absolute date teaches the model the calendar: moving every create date three years
    later changed predictions with no real effect, and "Create date: 07/03/2025" was a top
    factor. With a reference time (the time column at training; the time column or now at
    prediction) a date becomes "days before"; without one it is dropped.

    Returns:
        ``(X, types, policy)``; policy maps each date column to ``days_before_reference`` or
        ``dropped`` (the model's metadata keeps it so prediction does the same).
    """
    dates = [c for c, t in types.items() if t == "date"]
    if not dates:
        return X, types, {}
    X, types = X.copy(), dict(types)
    policy: dict[str, str] = {}
    if reference is None:
        for c in dates:
            policy[str(c)] = "dropped"
            types.pop(c)
        return X.drop(columns=dates), types, policy
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = pd.to_datetime(pd.Series(np.asarray(reference)), errors="coerce", utc=True, format="mixed")
        for c in dates:
            when = pd.to_datetime(X[c].reset_index(drop=True), errors="coerce", utc=True, format="mixed")
            X[c] = ((ref - when).dt.total_seconds() / 86400.0).to_numpy()
            types[c] = "numeric"
            policy[str(c)] = "days_before_reference"
    return X, types, policy


def train_table(task: str, frame: pd.DataFrame, target: str, *, id_column: str | None = None,
                discount_column: str | None = None, max_discount: float = defaults.MAX_DISCOUNT,
                positive: str | None = None, time_column: str | None = None, group_column: str | None = None,
                observed_column: str | None = None, min_rows: int = defaults.MIN_TRAINING_ROWS,
                random_state: int = defaults.RANDOM_STATE, fast: bool = False, progress: bool = False,
                holdout_out: dict[str, Any] | None = None) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """Train a classification/price model on a table, measured on a holdout against baselines.

    Steps: explicit positive class; minimum data; holdout (the latest rows when ``time_column``
    is given, else random and stratified); leakage screen on the training split; the model and
    a logistic regression fitted on the training split and compared on the holdout (the
    promotion gate, see :mod:`scoring.promotion`); then the model is refitted on all rows.

    Args:
        task: ``conversion`` | ``churn`` | ``price``.
        frame: the data, with the target column.
        target: binary target column.
        id_column: a column to drop from the features (echoed by ``predict``).
        discount_column: the discount column (price only; a fraction, or percent if above 1;
            empty means no discount was given, i.e. 0).
        max_discount: cap on the recommended discount (price).
        positive: the target value to predict (required unless the labels are 1/0, true/false,
            yes/no or won/lost).
        time_column: when each row's outcome became known (time-based holdout; not a feature).
        group_column: rows that describe the same entity (kept on one side; not a feature).
        observed_column: when each row describes its entity (churn's customer-moments): the
            holdout is then split by observation time (:func:`observation_split`; not a feature).
        min_rows: fewest labelled rows accepted (see ``defaults.MIN_TRAINING_ROWS``).
        random_state: seed.
        fast: fewer iterations (tests and smoke runs).
        progress: show a progress bar on stderr.
        holdout_out: if given, receives ``X``, ``y`` and ``groups`` (each row's deal or customer, or
            None) of the holdout (for a paired comparison with the champion at promotion).

    Returns:
        ``(model, metadata, holdout)``.

    Raises:
        DataError: (subclasses) empty data, a missing column, an unusable or ambiguous target.
        NotEnoughHistoryError: fewer than ``min_rows`` rows or ``MIN_ROWS_PER_CLASS`` of a class.
    """
    if task not in CLASSIFICATION_TASKS:
        raise DataError(f"unknown task {task!r}; expected one of {', '.join(CLASSIFICATION_TASKS)}")
    if task == "price" and not discount_column:
        raise DataError("task price needs a discount column")
    require_columns(frame, {"target": target, "id column": id_column, "discount column": discount_column,
                            "time column": time_column, "group column": group_column,
                            "observed column": observed_column})
    y, target_info = coerce_binary_target(frame[target], target, positive)
    minority = int(np.bincount(y, minlength=2).min())
    if len(y) < min_rows:
        raise NotEnoughHistoryError(len(y), min_rows, "labelled rows")
    if minority < defaults.MIN_ROWS_PER_CLASS:
        raise NotEnoughHistoryError(minority, defaults.MIN_ROWS_PER_CLASS, "rows of the rarer class")
    bookkeeping = [c for c in (target, id_column, time_column, group_column, observed_column) if c]
    X = frame.drop(columns=bookkeeping)
    if X.shape[1] == 0:
        raise EmptyDataError("no feature columns besides the target and id")
    types = infer_column_types(X)
    X, types, date_policy = dates_to_durations(X, types, frame[time_column] if time_column else None)
    if discount_column:
        X = X.copy()
        X[discount_column] = pd.to_numeric(X[discount_column], errors="coerce")
        if X[discount_column].max() > 1:  # given in percent
            X[discount_column] = X[discount_column] / 100.0
        # No discount recorded means none was given: 0, not "unknown" (imputing the mean
        # flattened the learned curve and every card said 0%).
        X[discount_column] = X[discount_column].fillna(0.0)
        types[discount_column] = "numeric"
    if all(t == "id" for t in types.values()):
        raise EmptyDataError("no usable feature columns (all look like ids or are empty)")
    bar = tqdm(total=4, desc=f"train {task}", disable=not progress, leave=False)
    idx_train, idx_test, split_kind = holdout_split(
        y, frame[time_column].to_numpy() if time_column else None,
        frame[group_column].to_numpy() if group_column else None,
        observed=frame[observed_column].to_numpy() if observed_column and time_column else None,
        random_state=random_state)
    leaks = screen_leaks(X.iloc[idx_train], y[idx_train], types, random_state=random_state,
                         keep=(discount_column,) if discount_column else ())
    if leaks:
        X = X.drop(columns=[d["column"] for d in leaks])
        types = {c: t for c, t in types.items() if c not in {d["column"] for d in leaks}}
        if all(t == "id" for t in types.values()):
            raise EmptyDataError("every feature column predicts the target alone (leaks): nothing left to learn from")
    bar.update()
    Xtr, Xt = X.iloc[idx_train], X.iloc[idx_test]
    groups = frame[group_column].to_numpy() if group_column else None

    row_times = frame[time_column].to_numpy() if time_column else None

    def fit(model: Any, rows: np.ndarray | slice) -> Any:
        if task in ("conversion", leads.TASK):
            return model.fit(X.iloc[rows], y[rows], groups=None if groups is None else groups[rows],
                             times=None if row_times is None else row_times[rows])
        if groups is not None and task != "price":
            return model.fit(X.iloc[rows], y[rows], groups=groups[rows])
        return model.fit(X.iloc[rows], y[rows])

    probe = fit(_make(task, types, discount_column, max_discount, random_state, fast), idx_train)
    p = probe.predict_proba(Xt)[:, 1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter of the reference model
        p_lr = _logistic(types, random_state).fit(Xtr, y[idx_train]).predict_proba(Xt)[:, 1]
    bar.update()
    test_groups = None if groups is None else groups[idx_test]
    gate = baseline_gate(y[idx_test], p, p_lr, float(y[idx_train].mean()), random_state=random_state,
                         groups=test_groups)
    n_test_groups = len(np.unique(groups[idx_test])) if groups is not None else len(idx_test)
    if task == "churn" and n_test_groups < defaults.MIN_HOLDOUT_GROUPS:
        # A holdout of ~20 companies (churn on a young account: customers are scarcer than
        # deals) decides by chance: the same model scored AUC 0.14 to 0.88 across seeds of one
        # market. Gate on every row instead, each predicted by models fitted without its group.
        # (Conversion and price count deals, which a portal has many more of.)
        p_cv, p_lr_cv, fold = _cross_validated(lambda: _make(task, types, discount_column, max_discount, random_state, fast),
                                         lambda: _logistic(types, random_state), X, y, groups, fit_kwargs=task != "price",
                                         random_state=random_state)
        on = {"on": f"{defaults.SMALL_HOLDOUT_FOLDS}-fold cross-validation by group (the holdout had {n_test_groups} "
                    f"groups, fewer than {defaults.MIN_HOLDOUT_GROUPS}); AUCs within folds"}
        holdout_gate, gate = gate, baseline_gate(y, p_cv, p_lr_cv, float(y.mean()), random_state=random_state,
                                                 strata=fold) | on
    else:
        holdout_gate, on = None, {}
    served: dict[str, Any] | None = None
    if task in SIMPLER_MODEL_TASKS:
        # A tie with the logistic regression is no reason to ship the complex model (scoring/README.md,
        # "Promotion"): the demo's churn model tied it at AUC 0.649 on cross-validation, was worse on its
        # own holdout on every metric (ECE 0.385 vs 0.260), and was promoted.
        def simpler() -> Any:
            return _make(task, types, discount_column, max_discount, random_state, fast, logistic_only=True)

        def simpler_gate() -> dict[str, Any]:
            """The simpler model judged on the same evidence as the model (folds or holdout)."""
            if on:
                p_s, p_r, folds_of = _cross_validated(simpler, lambda: _logistic(types, random_state), X, y, groups,
                                                      fit_kwargs=True, random_state=random_state)
                return baseline_gate(y, p_s, p_r, float(y.mean()), random_state=random_state, strata=folds_of) | on
            p_s = fit(simpler(), idx_train).predict_proba(Xt)[:, 1]
            return baseline_gate(y[idx_test], p_s, p_lr, float(y[idx_train].mean()), random_state=random_state,
                                 groups=test_groups)

        served = choose_served(gate, simpler_gate, holdout_gate)
        gate = served.pop("gate")
        if served["model"] == "logistic_regression":
            served["model_holdout"] = {k: v for k, v in classification_metrics(y[idx_test], p).items()
                                       if k in ("roc_auc", "brier", "ece_15", "log_loss")}
            probe = fit(simpler(), idx_train)
            p = probe.predict_proba(Xt)[:, 1]
    elif task in PROMISED_MODEL_TASKS:
        served = promised_model_served(gate)
    metrics: dict[str, Any] = {
        "holdout": classification_metrics(y[idx_test], p) | {"split": split_kind},
        "holdout_logistic_regression": classification_metrics(y[idx_test], p_lr),
        "holdout_prior_rate": classification_metrics(y[idx_test], np.full(len(idx_test), y[idx_train].mean())),
    }
    holdout = {"y": y[idx_test].tolist(), "p": p.tolist(), "p_logistic_regression": p_lr.tolist()}
    importance = _importance(task, probe, Xt.iloc[:_IMPORTANCE_ROWS])
    times = frame[time_column].to_numpy() if time_column else None
    summary = classification_summary(
        y[idx_train], y[idx_test], positive_class=target_info.get("positive_class"), split=split_kind,
        times_train=None if times is None else times[idx_train], times_test=None if times is None else times[idx_test],
        groups_train=None if groups is None else groups[idx_train],
        groups_test=None if groups is None else groups[idx_test])
    if holdout_out is not None:  # raw rows: each model applies its own date policy when predicting
        keep_time = [c for c in bookkeeping if c != time_column]
        holdout_out.update(X=frame.drop(columns=keep_time).iloc[idx_test], y=y[idx_test],
                           groups=None if groups is None else groups[idx_test])
    serve_logistic = served is not None and served["model"] == "logistic_regression"
    model = fit(_make(task, types, discount_column, max_discount, random_state, fast, logistic_only=serve_logistic),
                slice(None))
    bar.update()
    metrics["cv"] = getattr(model, "cv_report_", {})
    # The deployed model's curve over the holdout deals: what the price card draws.
    curve = price_curve(model, Xt) if task == "price" else None
    bar.update()
    bar.close()
    meta = {
        "task": task,
        "target": target,
        "target_info": target_info,
        "id_column": id_column,
        "time_column": time_column,
        "group_column": group_column,
        "discount_column": discount_column,
        "max_discount": max_discount if task == "price" else None,
        "feature_schema": {str(c): t for c, t in model.encoder_.types_.items()},
        "dropped_columns": ([str(c) for c, t in types.items() if t == "id"] + [d["column"] for d in leaks]
                            + [c for c, how in date_policy.items() if how == "dropped"]),
        "date_columns": date_policy,
        "leakage": leaks,
        "promotion_gate": gate,
        "served_model": served,
        "training_rows": int(len(y)),
        "training_data_fingerprint": fingerprint(frame),
        "random_state": random_state,
        "metrics": metrics,
        "importance": importance,
        "holdout_summary": summary,
        "calibration": reliability_bins(y[idx_test], p),
        "gain": gain_table(y[idx_test], p),
        "price_curve": curve,
    }
    return model, meta, holdout


def _cross_validated(make: Any, make_reference: Any, X: pd.DataFrame, y: np.ndarray, groups: np.ndarray | None, *,
                     fit_kwargs: bool, random_state: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold probabilities of the model and of the logistic reference, and each row's fold
    (folds by group).

    Args:
        make: builds a fresh model.
        make_reference: builds a fresh reference (logistic regression).
        X: every row's features.
        y: every row's label.
        groups: rows of one entity (kept in one fold), or None (each row its own group).
        fit_kwargs: pass ``groups=`` to the model's ``fit`` (its inner CV keeps groups together).
        random_state: seed of the folds.
    """
    from sklearn.model_selection import StratifiedGroupKFold

    groups = np.arange(len(y)) if groups is None else np.asarray(groups)
    p, p_lr, fold = np.zeros(len(y)), np.zeros(len(y)), np.zeros(len(y), dtype=int)
    folds = StratifiedGroupKFold(n_splits=defaults.SMALL_HOLDOUT_FOLDS, shuffle=True, random_state=random_state)
    for k, (train, test) in enumerate(folds.split(X, y, groups)):
        fold[test] = k
        model = make()
        if fit_kwargs:
            model.fit(X.iloc[train], y[train], groups=groups[train])
        else:
            model.fit(X.iloc[train], y[train])
        p[test] = model.predict_proba(X.iloc[test])[:, 1]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            p_lr[test] = make_reference().fit(X.iloc[train], y[train]).predict_proba(X.iloc[test])[:, 1]
    return p, p_lr, fold


def _importance(task: str, model: Any, X: pd.DataFrame) -> list[dict[str, Any]]:
    """Mean |impact| per feature on holdout rows, strongest first (the card's factor importance).

    A list, not a dict: the sidecar is written with sorted keys, which turned a dict into
    alphabetical order and the report plotted the first 15 names instead of the strongest.
    """
    from .holdout import ranked_importance
    from .scores import _impacts

    Z = model.encoder_.transform(X)
    p = model.proba_encoded(Z)
    impacts = np.abs(_impacts(task, model, Z, p)).mean(axis=0)
    names = list(model.encoder_.groups_)
    return ranked_importance({n: float(v) for n, v in zip(names, impacts, strict=True)})


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
            "note": f"internal time split: spend in the {ho['label_days']:.0f} days after the internal cut, "
                    f"each customer predicted out of fold ({ho['folds']} folds)", "split": "cross-validated"},
            "holdout_past_spend": regression_metrics(ho["actual"], ho["past_spend"])},
        "holdout_summary": _clv_summary(model, ho, used),
        "deciles": value_deciles(ho["actual"], ho["predicted"]),
        "importance": _clv_importance(model, tx, cutoff),
    }
    meta["promotion_gate"] = clv_gate(ho["actual"], ho["predicted"], ho.get("past_spend"),
                                      random_state=random_state)
    return model, meta, {"actual": ho["actual"], "predicted": ho["predicted"]}


def _clv_importance(model: ClvModel, tx: pd.DataFrame, cutoff: Any) -> list[dict[str, Any]]:
    """Mean |contribution| of each feature to the predicted value (currency, first order, as the
    card's CLV factors), over the customers as of the cutoff, strongest first."""
    from .holdout import ranked_importance
    from .models.clv import CONTRIBUTIONS, feature_table, prepare_transactions, to_day

    _, raw = feature_table(prepare_transactions(tx), to_day(cutoff))
    if len(raw) == 0:
        return []
    value = model.predict_raw(raw)
    impact = np.abs(model.contributions_raw(raw) * value[:, None]).mean(axis=0)
    return ranked_importance({name: float(v) for name, v in zip(CONTRIBUTIONS, impact, strict=True)})


def _clv_summary(model: ClvModel, ho: Mapping[str, Any], used: pd.DataFrame) -> dict[str, Any]:
    """What the CLV card states: held-out customers and the spend window they are measured on."""
    cutoff = pd.Timestamp(model.cutoff_)
    cut = cutoff - pd.Timedelta(days=float(ho["label_days"]))
    # Every customer is held out once (out of fold); each is measured on its actual spend in the
    # window after the internal cut, against a prediction made from its purchases before it.
    return {"rows": len(ho["actual"]), "groups": len(ho["actual"]), "unit": "customers", "split": "cross-validated",
            "folds": ho.get("folds"),
            "date_from": (cut + pd.Timedelta(days=1)).strftime("%Y-%m-%d"), "date_to": cutoff.strftime("%Y-%m-%d"),
            "positive_class": None, "positive_rate": None,
            "training": {"rows": int(len(used)), "groups": int(model.training_customers_),
                         "date_from": used["date"].min().strftime("%Y-%m-%d") if len(used) else None,
                         "date_to": cut.strftime("%Y-%m-%d")}}


def clv_gate(actual: Any, predicted: Any, past_spend: Any = None, *,
             random_state: int = defaults.RANDOM_STATE) -> dict[str, Any]:
    """CLV's training gate, on out-of-fold predictions: a model that ranks customers no better
    than chance, or worse than their past spend, is never shown to reps.

    Paired bootstrap resamples of the customers (as the classification gates): the normalized
    Gini must be above ``CLV_MIN_GINI`` in at least ``BASELINE_CONFIDENCE`` of them (a point
    estimate above 0 let a chance-level model through half the time), and the model must not
    rank worse than the naive "past spend" ordering in that share of them.

    Args:
        actual: each customer's spend in the internal label window.
        predicted: the model's out-of-fold prediction of it.
        past_spend: each customer's spend before the internal cut (the naive baseline), or None.
        random_state: seed of the resamples.

    Returns:
        ``{"passed", "metric", "value", "auc", "share_better_than_chance", "gini_past_spend",
        "share_worse_than_past_spend", "reasons"}`` (``auc`` holds the Gini: the registry's key).
    """
    a, p = np.asarray(actual, float), np.asarray(predicted, float)
    past = None if past_spend is None else np.asarray(past_spend, float)
    gini = normalized_gini(a, p) if len(a) else float("nan")
    rng = np.random.default_rng(random_state)
    ours, naive = [], []
    for _ in range(defaults.BOOTSTRAP_ROUNDS if len(a) else 0):
        idx = rng.integers(0, len(a), len(a))
        if a[idx].sum() <= 0:
            continue
        ours.append(normalized_gini(a[idx], p[idx]))
        if past is not None:
            naive.append(normalized_gini(a[idx], past[idx]))
    better = float(np.mean(np.asarray(ours) > defaults.CLV_MIN_GINI)) if ours else 0.0
    worse = float(np.mean(np.asarray(ours) < np.asarray(naive))) if naive else None
    reasons = []
    if not (np.isfinite(gini) and better >= defaults.BASELINE_CONFIDENCE):
        shown = None if not np.isfinite(gini) else round(float(gini), 3)
        reasons.append(f"ranks the holdout's customers no better than chance: normalized Gini {shown}, above "
                       f"{defaults.CLV_MIN_GINI} in {better:.0%} of resamples (needs "
                       f"{defaults.BASELINE_CONFIDENCE:.0%})")
    if worse is not None and worse >= defaults.BASELINE_CONFIDENCE:
        reasons.append(f"ranks customers worse than their past spend does in {worse:.0%} of resamples")
    return {"passed": not reasons, "metric": "normalized_gini", "value": gini, "auc": gini,
            "share_better_than_chance": better,
            "gini_past_spend": None if past is None or not len(a) else normalized_gini(a, past),
            "share_worse_than_past_spend": worse, "reasons": reasons}


def _closed(records: Iterable[Any]) -> list[Any]:
    return [r for r in records if r.stage_kind in ("won", "lost")]


def _lead_frame(records: list[Any], mapping: Mapping[str, Any] | None,
                per_deal: float) -> tuple[pd.DataFrame, str, str | None]:
    """Lead conversion rows: each closed lead at moments of its life, labelled converted / not
    converted (see :mod:`scoring.leads`); open leads give no row."""
    closed = [r for r in records if leads.is_lead(r) and leads.label(r) is not None]
    step = snapshot_step(closed, per_deal)
    rows = []
    for record in closed:
        label = leads.label(record)
        for moment in (t for t in snapshot_times(record, step) if t is not None):
            feats = leads.lead_features(record, mapping, moment)
            feats["__target__"] = label
            feats["__time__"] = parse_time(record.close_date)
            feats["__group__"] = str(record.id)
            rows.append(feats)
    return pd.DataFrame(rows), "__target__", None


def records_to_frame(records: Iterable[Any], task: str, mapping: Mapping[str, Any] | None = None,
                     as_of: datetime | None = None,
                     per_deal: float = defaults.SNAPSHOTS_PER_DEAL) -> tuple[pd.DataFrame, str, str | None]:
    """Training rows of CRM records for a task.

    Conversion: each closed deal is described as of moments of its life on a calendar grid
    (:func:`scoring.features.snapshot_times`; ``per_deal`` rows per deal on average, long deals
    more), labelled with its eventual outcome, so that training rows look like the open deals
    they will score (mid-cycle, partial activity, long deals as frequent as in an open pipeline).
    Price: each closed deal as of its close, i.e. with the activity the rep had seen when the
    discount was agreed: reps discount the deals they fear losing, so the discount's effect is
    only separable from the deal's strength when the rows carry that strength as the rep saw it
    (mid-life snapshots hide most of it; measured on the confounded market: price regret 11.5%
    with snapshots, 8.0% as of the close).
    Churn: with yes/no labels and a churn date on every churned customer, each customer at
    regular moments labelled by churn within the horizon (:mod:`scoring.churn_labels`: no
    label leak through time-dependent features); otherwise each labelled record as of now.

    Returns:
        ``(frame, target_column, discount_column)``; the frame also holds ``__time__`` (when the
        outcome became known, for the time-based holdout) and ``__group__`` (the record id, so
        a deal's snapshots stay on one side of the holdout).
    """
    targets = {**DEFAULT_TARGET_KEYS, **((mapping or {}).get("targets") or {})}
    records = list(records)
    if task == leads.TASK:
        return _lead_frame(records, mapping, per_deal)
    # A converted lead is not a won deal: the deal tasks learn from deals (and accounts) only.
    records = [r for r in records if not leads.is_lead(r)]
    date_key = targets.get("churn_date", "churn_date")
    if task == "churn" and churn_labels.dated_labels(records, targets["churn"], date_key):
        return _churn_observation_frame(records, mapping, targets["churn"], date_key, as_of)
    if task == "churn":
        # Churn is a company's label: one row per company (its latest deal), not one per deal.
        latest: dict[str, Any] = {}
        for record in records:
            key = str(record.company.id if record.company else record.id)
            if key not in latest or str(record.created_at or "") > str(latest[key].created_at or ""):
                latest[key] = record
        records = list(latest.values())
    rows = []
    step = snapshot_step(_closed(records), per_deal)
    for record in records:
        if task in ("conversion", "price"):
            if record.stage_kind not in ("won", "lost"):
                continue
            label: Any = int(record.stage_kind == "won")
            moments = snapshot_times(record, step) if task == "conversion" else [parse_time(record.close_date)]
            moments = [t for t in moments if t is not None]
            known_at: Any = parse_time(record.close_date)
        else:
            label = record.extra.get(targets["churn"])
            if label is None or label == "":
                continue
            churned_at = parse_time(record.extra.get(targets.get("churn_date", "churn_date")))
            moments = [churned_at or as_of or datetime.now(UTC)]
            known_at = moments[0]
        for moment in moments:
            feats = record_features(record, mapping, moment)
            feats["__target__"] = label
            feats["__time__"] = known_at
            feats["__group__"] = str(record.company.id if task == "churn" and record.company else record.id)
            if task == "price":
                feats["discount"] = record.extra.get(targets["discount"])
            rows.append(feats)
    return pd.DataFrame(rows), "__target__", ("discount" if task == "price" else None)


def _churn_observation_frame(records: list[Any], mapping: Mapping[str, Any] | None, flag_key: str, date_key: str,
                             as_of: datetime | None) -> tuple[pd.DataFrame, str, str | None]:
    """Churn rows from dated labels: each customer at regular moments, labelled by the horizon after it."""
    rows = []
    for obs in churn_labels.observations(
            records, flag_key=flag_key, date_key=date_key, now=as_of or datetime.now(UTC),
            horizon_days=churn_labels.horizon_of(mapping, defaults.CHURN_HORIZON_DAYS),
            step_days=defaults.CHURN_OBSERVATION_STEP_DAYS):
        feats = record_features(obs.record, mapping, obs.at)
        feats["__target__"] = obs.churned
        feats["__time__"] = obs.known_at
        feats["__group__"] = obs.company
        feats["__observed__"] = obs.at
        rows.append(feats)
    return pd.DataFrame(rows), "__target__", None


def _naive_utc(moment: datetime) -> datetime:
    """A moment as the naive UTC time the transaction log uses (naive input is taken as UTC): the
    server's own zone must not move the CLV cutoff."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).replace(tzinfo=None)


def train_from_records(records: Iterable[Any], task: str, *, mapping: Mapping[str, Any] | None = None,
                       min_closed: int = defaults.MIN_CLOSED_DEALS, horizon_days: int = defaults.CLV_HORIZON_DAYS,
                       as_of: datetime | None = None, random_state: int = defaults.RANDOM_STATE,
                       fast: bool = False,
                       holdout_out: dict[str, Any] | None = None) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """Train a task from canonical CRM records (what ``model train-from-crm`` and the scheduler call).

    Args:
        records: canonical Records (deals with ``stage_kind``; accounts' closed-won history for CLV).
        task: one of ``conversion``, ``churn``, ``clv``, ``price``, ``lead_conversion`` (closed Leads only).
        mapping: the tenant's field mapping (``targets`` name the churn flag / discount in ``extra``).
        min_closed: cold-start threshold of closed deals (or labelled records / customers).
        horizon_days: CLV horizon.
        as_of: training moment for CLV (default now).
        random_state: seed.
        fast: fewer iterations.
        holdout_out: receives the holdout ``X``/``y`` (classification tasks; see :func:`train_table`).

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
                # In the currency the scorer's purchase log is in (scoring.features.closed_won_log): the
                # corporate one where the CRM has rates; a deal that cannot be converted is left out.
                amount = won_amount(record, deal)
                if when is not None and amount is not None and key not in seen:
                    seen.add(key)
                    rows.append({"customer": account, "date": _naive_utc(when), "amount": amount})
        tx = pd.DataFrame(rows, columns=["customer", "date", "amount"])
        customers = tx["customer"].nunique() if len(tx) else 0
        if customers < min_closed:
            raise NotEnoughHistoryError(customers, min_closed, "customers with closed-won deals")
        cutoff = _naive_utc(as_of or datetime.now(UTC))
        return train_clv(tx, cutoff, horizon_days, random_state=random_state)
    frame, target, discount = records_to_frame(records, task, mapping, as_of)
    have = int(frame["__group__"].nunique()) if len(frame) else 0
    if have < min_closed:
        raise NotEnoughHistoryError(have, min_closed, {"churn": "customers with a known churn or renewal",
                                                       leads.TASK: leads.UNIT}.get(task, "closed deals"))
    positive = leads.POSITIVE if task == leads.TASK else ((mapping or {}).get("positive") or {}).get(task)
    model, meta, holdout = train_table(task, frame, target, discount_column=discount, random_state=random_state,
                                       positive=positive, time_column="__time__", group_column="__group__",
                                       observed_column="__observed__" if "__observed__" in frame else None,
                                       min_rows=min_closed, fast=fast, holdout_out=holdout_out)
    meta["source"] = "crm"
    meta["snapshots"] = ({"conversion": {"calendar_rows_per_deal": defaults.SNAPSHOTS_PER_DEAL},
                          leads.TASK: {"calendar_rows_per_lead": defaults.SNAPSHOTS_PER_DEAL},
                          "price": "as of the close"}.get(task))
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
            common: dict[str, Any] = {}
            model, meta, holdout = train_from_records(records, task, mapping=mapping, min_closed=min_closed,
                                                      random_state=random_state, fast=fast, holdout_out=common)
            path = save_model(model, root / new_version(task), meta, holdout)
            try:
                # Champion and challenger are compared on the challenger's time-based holdout rows.
                out[task] = registry.promote(tenant, path, holdout=(common["X"], common["y"]) if common else None,
                                             holdout_groups=common.get("groups"))
            finally:
                # A promoted challenger is copied into the registry's versions; a refused one is only its result.
                # Kept, each scheduled run left a model and its holdout predictions behind (a tenant's data).
                shutil.rmtree(path, ignore_errors=True)
        except NotEnoughHistoryError as exc:
            out[task] = {"not_enough_history": {"have": exc.have, "need": exc.need, "unit": exc.what}}
        except (ScoringError, ValueError) as exc:  # one task's bad data must not stop the others
            out[task] = {"error": f"{type(exc).__name__}: {exc}"}
    return out
