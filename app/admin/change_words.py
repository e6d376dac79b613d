"""A settings or mapping change as the history page writes it: the values a person set, not Python's reprs.

Wave 30's walk read the history after changing two guardrails and a mapping: "escalate_amount_over: 100000.0 →
300000.0", "deal.deal_type: None → hs_priority", "exchange_rates: {} → {'USD': 1.0, 'EUR': 0.92, 'GBP': 0.79}".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.settings.schema import WHEN_EMPTY, show_number


def value_words(key: str, value: Any) -> str:
    """One side of a change of `key` (a setting, or a mapping written "<object>.<feature>")."""
    if "." in key:  # a mapping: None is the connector's default field
        return "the default field" if value in (None, "") else str(value)
    if value is None:
        return WHEN_EMPTY.get(key, "not set")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return show_number(key, value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items()) or "none"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(_plain(v) for v in value) or "none"
    return str(value)


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
