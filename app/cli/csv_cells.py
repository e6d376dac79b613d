"""CSV files the CLI writes for people: no cell a spreadsheet would run as a formula.

Ids and names in a prediction file come from the user's CSV, often a CRM export, where anyone who
can edit a company name can put `=HYPERLINK(...)` or `@SUM(...)|cmd`: Excel and Sheets evaluate
such a cell when the file is opened. OWASP's rule: a text cell starting with `=`, `+`, `-`, `@`,
tab or carriage return gets a leading apostrophe (shown as text, the value still readable).
Numbers, including negative ones, are left alone.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def text_cell(value: Any) -> Any:
    """`value` with a leading apostrophe if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _number(value):
        return "'" + value
    return value


def without_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells cannot run as formulas (numeric columns untouched)."""
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(text_cell)
    return out
