"""TabularEncoder: typed columns (numeric, boolean, date, categorical) → one float matrix.

One estimator does typing, imputation, one-hot encoding and scaling, so that a single record
(a dict) can be encoded in pure Python in microseconds on the scoring hot path, with exactly
the same arithmetic as the vectorised path used for training and batch prediction.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from . import defaults
from ._columns import _FALSE, _TRUE, infer_column_types
from .errors import EmptyDataError, MissingColumnError

OTHER = "__other__"
MISSING = "__missing__"
_EPOCH = pd.Timestamp("1970-01-01")


class UnseenCategoryWarning(UserWarning):
    """A categorical value not seen in training was encoded as 'other'."""


def _to_bool(v: Any) -> float:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return math.nan
    if isinstance(v, bool | np.bool_):
        return float(v)
    text = str(v).strip().lower()
    if text in _TRUE:
        return 1.0
    if text in _FALSE:
        return 0.0
    return math.nan


def _to_float(v: Any) -> float:
    if v is None or v == "":
        return math.nan
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan


def _to_days(v: Any) -> float:
    if v is None or v == "" or (isinstance(v, float) and math.isnan(v)):
        return math.nan
    if isinstance(v, datetime | date | pd.Timestamp):
        ts = pd.Timestamp(v)
    else:
        try:
            ts = pd.Timestamp(datetime.fromisoformat(str(v).replace("Z", "+00:00")))
        except ValueError:
            ts = pd.to_datetime(str(v), errors="coerce")
            if ts is pd.NaT:
                return math.nan
    if ts.tzinfo is not None:
        ts = ts.tz_convert(None)
    return (ts - _EPOCH) / pd.Timedelta(days=1)


def _days_series(s: pd.Series) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ts = pd.to_datetime(s, errors="coerce", format="mixed", utc=True).dt.tz_convert(None)
    return ((ts - _EPOCH) / pd.Timedelta(days=1)).to_numpy(dtype=float)


def _skew(values: np.ndarray) -> float:
    spread = values.std()
    return float(((values - values.mean()) ** 3).mean() / spread**3) if spread > 0 else 0.0


def _numeric_series(kind: str, s: pd.Series) -> np.ndarray:
    if kind == "date":
        return _days_series(s)
    if kind == "boolean":
        return np.array([_to_bool(v) for v in s], dtype=float)
    return pd.to_numeric(s, errors="coerce").to_numpy(dtype=float)


class TabularEncoder(TransformerMixin, BaseEstimator):
    """Encode typed columns into floats: impute, flag missing, one-hot, optionally scale.

    Args:
        column_types: column → type (see ``scoring.COLUMN_TYPES``); ``None`` infers them at fit.
            Columns typed ``id`` are dropped.
        max_categories: most frequent categories kept per categorical column.
        scale: standardise numeric outputs (for neural nets; trees do not need it).
        log_skewed: take ``log1p`` of non-negative numeric columns with skewness above
            ``defaults.LOG_SKEW_THRESHOLD`` (counts, amounts) before scaling, so a neural net
            sees their orders of magnitude rather than a few outliers.

    Attributes:
        columns_: source columns used, in order.
        types_: their types.
        feature_names_out_: names of the output columns.
        groups_: source column → indices of its output columns (used by attributions).
        baseline_: the encoded training mean (numeric) / mode (categorical) per output column.
    """

    def __init__(self, column_types=None, max_categories=defaults.MAX_CATEGORIES, scale=True, log_skewed=False):
        self.column_types = column_types
        self.max_categories = max_categories
        self.scale = scale
        self.log_skewed = log_skewed

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        tags.input_tags.string = True
        tags.input_tags.categorical = True
        return tags

    # -- input handling -------------------------------------------------------------------
    def _frame(self, X, reset: bool) -> pd.DataFrame:
        if isinstance(X, pd.DataFrame):
            validate_data(self, X, reset=reset, skip_check_array=True)
            if X.shape[0] == 0:
                raise EmptyDataError("the data has no rows")
            return X
        arr = validate_data(self, X, reset=reset, dtype=None, ensure_all_finite="allow-nan")
        return pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])])

    # -- fit ------------------------------------------------------------------------------
    def fit(self, X, y=None):
        """Learn types, imputation values, categories and scales.

        Args:
            X: DataFrame (preferred) or 2-D array.
            y: ignored.

        Returns:
            self
        """
        frame = self._frame(X, reset=True)
        types = dict(self.column_types) if self.column_types is not None else infer_column_types(frame)
        specs: list[tuple] = []
        names: list[str] = []
        groups: dict[str, list[int]] = {}
        baseline: list[float] = []
        for col in frame.columns:
            kind = types.get(col, "id")
            if kind == "id":
                continue
            start = len(names)
            if kind == "categorical":
                text = frame[col].astype("string").str.strip()
                counts = text.value_counts(dropna=True)
                cats = [str(c) for c in counts.index[: self.max_categories]]
                has_missing = bool(text.isna().any())
                mode = cats[0] if cats else None
                names += [f"{col}={c}" for c in cats] + [f"{col}={OTHER}"]
                baseline += [1.0 if c == mode else 0.0 for c in cats] + [0.0]
                if has_missing:
                    names.append(f"{col}={MISSING}")
                    baseline.append(0.0)
                specs.append(("categorical", col, {c: i for i, c in enumerate(cats)}, has_missing))
            else:
                values = _numeric_series(kind, frame[col])
                missing = np.isnan(values)
                use_log = bool(
                    self.log_skewed and kind == "numeric" and (~missing).sum() > 2
                    and np.nanmin(values) >= 0 and _skew(values[~missing]) > defaults.LOG_SKEW_THRESHOLD
                )
                if use_log:
                    values = np.log1p(values)
                fill = float(np.nanmedian(values)) if (~missing).any() else 0.0
                if kind == "boolean" and (~missing).any():
                    fill = float(np.round(np.nanmean(values)))
                filled = np.where(missing, fill, values)
                center, spread = 0.0, 1.0
                if self.scale:
                    center = float(filled.mean())
                    spread = float(filled.std()) or 1.0
                has_missing = bool(missing.any())
                names.append(str(col))
                baseline.append(float(((filled - center) / spread).mean()))
                if has_missing:
                    names.append(f"{col}={MISSING}")
                    baseline.append(float(missing.mean()))
                specs.append(("log" if use_log else kind, col, (fill, center, spread), has_missing))
            groups[str(col)] = list(range(start, len(names)))
        if not specs:
            raise EmptyDataError("no usable feature columns (all were ids or empty)")
        self.columns_ = [s[1] for s in specs]
        self.types_ = {s[1]: ("numeric" if s[0] == "log" else s[0]) for s in specs}
        self.specs_ = specs
        self.feature_names_out_ = np.array(names, dtype=object)
        self.groups_ = groups
        self.baseline_ = np.array(baseline, dtype=float)
        return self

    # -- transform ------------------------------------------------------------------------
    def transform(self, X):
        """Encode a DataFrame or array with the learned specs.

        Args:
            X: rows to encode; a DataFrame must hold every training column.

        Returns:
            Float array of shape (n_rows, len(feature_names_out_)).

        Raises:
            MissingColumnError: a training column is absent from the DataFrame.
        """
        check_is_fitted(self, "specs_")
        if isinstance(X, pd.DataFrame):
            for col in self.columns_:
                if col not in X.columns:
                    raise MissingColumnError(str(col), "feature column")
            if hasattr(self, "feature_names_in_"):
                # Columns dropped at fit (ids, empty) need not be present at prediction.
                X = X.reindex(columns=list(self.feature_names_in_))
        frame = self._frame(X, reset=False)
        out = np.zeros((frame.shape[0], len(self.feature_names_out_)), dtype=float)
        pos = 0
        for kind, col, params, has_missing in self.specs_:
            if kind == "categorical":
                text = frame[col].astype("string").str.strip()
                idx = text.map(params).to_numpy(dtype=object)
                missing = text.isna().to_numpy()
                unseen = (~missing) & pd.isna(idx)
                n_cats = len(params)
                rows = np.arange(frame.shape[0])
                known = ~pd.isna(idx)
                out[rows[known], pos + idx[known].astype(int)] = 1.0
                out[rows[unseen], pos + n_cats] = 1.0
                if has_missing:
                    out[rows[missing], pos + n_cats + 1] = 1.0
                elif missing.any():
                    out[rows[missing], pos + n_cats] = 1.0
                if unseen.any() and len(params) >= self.max_categories:
                    pass  # infrequent values of a capped column are expected in 'other'
                elif unseen.any():
                    examples = ", ".join(sorted({str(v) for v in text[unseen].head(3)}))
                    warnings.warn(
                        f"column {col!r}: {int(unseen.sum())} value(s) unseen in training ({examples}) "
                        "encoded as 'other'",
                        UnseenCategoryWarning,
                        stacklevel=2,
                    )
                pos += n_cats + 1 + int(has_missing)
            else:
                fill, center, spread = params
                values = _numeric_series(kind, frame[col])
                if kind == "log":
                    values = np.log1p(np.maximum(values, 0.0))
                missing = np.isnan(values)
                out[:, pos] = (np.where(missing, fill, values) - center) / spread
                pos += 1
                if has_missing:
                    out[:, pos] = missing
                    pos += 1
        return out

    def transform_one(self, row: Mapping[str, Any]) -> np.ndarray:
        """Encode one record given as a mapping (absent keys count as missing).

        Args:
            row: feature name → value.

        Returns:
            1-D float array of length ``len(feature_names_out_)``.
        """
        out = np.zeros(len(self.feature_names_out_), dtype=float)
        pos = 0
        for kind, col, params, has_missing in self.specs_:
            v = row.get(col)
            if kind == "categorical":
                n_cats = len(params)
                if v is None or (isinstance(v, float) and math.isnan(v)):
                    out[pos + n_cats + (1 if has_missing else 0)] = 1.0
                else:
                    i = params.get(str(v).strip())
                    out[pos + (n_cats if i is None else i)] = 1.0
                pos += n_cats + 1 + int(has_missing)
            else:
                fill, center, spread = params
                x = _to_days(v) if kind == "date" else _to_bool(v) if kind == "boolean" else _to_float(v)
                if kind == "log" and not math.isnan(x):
                    x = math.log1p(max(x, 0.0))
                is_missing = math.isnan(x)
                out[pos] = ((fill if is_missing else x) - center) / spread
                pos += 1
                if has_missing:
                    out[pos] = float(is_missing)
                    pos += 1
        return out

    def get_feature_names_out(self, input_features=None):
        """Names of the encoded columns (``col``, ``col=category``, ``col=__missing__``)."""
        check_is_fitted(self, "specs_")
        return self.feature_names_out_.copy()
