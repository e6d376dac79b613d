"""Automatic column typing and target coercion for tabular (CSV) data.

Types: ``numeric``, ``boolean``, ``categorical``, ``date``; ``id`` columns are dropped.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from . import defaults
from .errors import (
    ConstantTargetError,
    EmptyDataError,
    MissingColumnError,
    MulticlassTargetError,
    TargetError,
)

COLUMN_TYPES = ("numeric", "boolean", "categorical", "date", "id")
"""Every type :func:`infer_column_types` can assign."""

_TRUE = frozenset({"1", "true", "yes", "y", "t", "1.0"})
_FALSE = frozenset({"0", "false", "no", "n", "f", "0.0"})


def _as_text(series: pd.Series) -> pd.Series:
    return series.dropna().astype(str).str.strip().str.lower()


def _is_boolean(series: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(series):
        return True
    values = set(_as_text(series).unique())
    return bool(values) and len(values) <= 2 and values <= (_TRUE | _FALSE)


def _numeric_share(series: pd.Series) -> float:
    non_null = series.dropna()
    if non_null.empty:
        return 0.0
    parsed = pd.to_numeric(non_null, errors="coerce")
    return float(parsed.notna().mean())


def _date_share(series: pd.Series) -> float:
    non_null = series.dropna().astype(str)
    if non_null.empty:
        return 0.0
    with warnings.catch_warnings():
        # pandas warns when it has to guess a format per element; a failed parse is the answer.
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(non_null, errors="coerce", format="mixed")
    return float(parsed.notna().mean())


def infer_column_type(name: str, series: pd.Series) -> str:
    """Infer one column's type.

    Args:
        name: column name (a name ending in ``id`` makes an all-distinct column an id).
        series: the column's values.

    Returns:
        One of :data:`COLUMN_TYPES`.
    """
    non_null = series.dropna()
    if non_null.empty:
        return "id"  # nothing to learn from: dropped like an id
    if _is_boolean(series):
        return "boolean"
    n_unique = non_null.nunique()
    unique_ratio = n_unique / max(len(non_null), 1)
    looks_like_id_name = name.strip().lower().endswith(("id", "_id", " id", "uuid", "key"))
    if pd.api.types.is_numeric_dtype(series):
        if pd.api.types.is_integer_dtype(series) and looks_like_id_name and unique_ratio > defaults.ID_UNIQUE_RATIO:
            return "id"
        return "numeric"
    if _numeric_share(series) >= defaults.TYPE_PARSE_RATIO:
        return "numeric"
    if _date_share(series) >= defaults.TYPE_PARSE_RATIO:
        return "date"
    if unique_ratio > defaults.ID_UNIQUE_RATIO and (looks_like_id_name or len(non_null) >= 20):
        return "id"
    return "categorical"


def infer_column_types(frame: pd.DataFrame, exclude: Sequence[str] = ()) -> dict[str, str]:
    """Infer the type of every column except ``exclude``.

    Args:
        frame: the data.
        exclude: columns to leave out (target, id column).

    Returns:
        Mapping column → type, in column order, ``id`` columns included (callers drop them).
    """
    return {c: infer_column_type(str(c), frame[c]) for c in frame.columns if c not in exclude}


AUTO_POSITIVE_PAIRS: tuple[tuple[str, str], ...] = (("1", "0"), ("true", "false"), ("yes", "no"), ("won", "lost"))
"""(positive, negative) label pairs whose positive class is unambiguous (any case); any other pair
of labels needs an explicit positive class (``--positive``)."""

_NUMERIC_ONE_ZERO = {"1": "1", "1.0": "1", "0": "0", "0.0": "0"}


def _auto_positive(classes: list[str]) -> str | None:
    """The positive one of two lower-cased labels when the pair is unambiguous, else None."""
    canon = {_NUMERIC_ONE_ZERO.get(c, c): c for c in classes}
    for pos, neg in AUTO_POSITIVE_PAIRS:
        if set(canon) == {pos, neg}:
            return canon[pos]
    return None


def coerce_binary_target(series: pd.Series, column: str,
                         positive: str | None = None) -> tuple[np.ndarray, dict[str, object]]:
    """Turn a two-valued target into 0/1 with an explicit (or unambiguous) positive class.

    Args:
        series: the target values; missing values are errors.
        column: the column name, for messages.
        positive: the label to predict (compared case-insensitively). Without it, only the pairs
            of :data:`AUTO_POSITIVE_PAIRS` are accepted: guessing "Converted/Not converted" or
            "2/1" would silently predict the wrong class.

    Returns:
        ``(y, info)``; ``info`` holds ``positive_class`` (as written in the data), ``classes``
        and ``positive_rate``.

    Raises:
        TargetError: missing values, an ambiguous pair without ``positive``, or a ``positive``
            that is not one of the labels.
        ConstantTargetError: one class only.
        MulticlassTargetError: more than two classes.
    """
    if series.isna().any():
        raise TargetError(f"target {column!r} has {int(series.isna().sum())} missing value(s)")
    text = series.astype(str).str.strip()
    lowered = text.str.lower()
    classes = sorted(lowered.unique())
    if len(classes) < 2:
        raise ConstantTargetError(f"target {column!r} is constant ({classes[0] if classes else 'empty'!r})")
    if len(classes) > 2:
        shown = ", ".join(repr(c) for c in classes[:5])
        raise MulticlassTargetError(f"target {column!r} has {len(classes)} classes ({shown}...); need two")
    originals = [text[lowered == c].iloc[0] for c in classes]
    wanted: str | None
    if positive is not None:
        asked = str(positive).strip().lower()
        wanted = next((c for c in classes if c == asked or _NUMERIC_ONE_ZERO.get(c, c) == asked), None)
        if wanted is None:
            raise TargetError(f"--positive {positive!r} is not a value of target {column!r} "
                              f"(its values are {originals[0]!r} and {originals[1]!r})")
    else:
        wanted = _auto_positive(classes)
        if wanted is None:
            raise TargetError(f"target {column!r} has the values {originals[0]!r} and {originals[1]!r}: "
                              f"say which one to predict with --positive (e.g. --positive {originals[1]!r})")
    y = (lowered == wanted).to_numpy(dtype=np.int64)
    original = text[lowered == wanted].iloc[0]
    return y, {"positive_class": original, "classes": originals, "positive_rate": round(float(y.mean()), 6)}


def require_columns(frame: pd.DataFrame, columns: dict[str, str | None]) -> None:
    """Raise if the frame is empty or lacks a named column.

    Args:
        frame: the data.
        columns: role → column name (``None`` skips a role), e.g. ``{"target": "won"}``.

    Raises:
        EmptyDataError: no rows.
        MissingColumnError: a named column is absent.
    """
    if frame.shape[0] == 0:
        raise EmptyDataError("the data has no rows")
    for role, name in columns.items():
        if name is not None and name not in frame.columns:
            raise MissingColumnError(name, role)
