"""Bounded JSON and per-event validation shared by every CRM receiver (issue: nothing lost).

A webhook batch carries up to a hundred events from many records. One malformed event must not
make the receiver answer 5xx to the whole batch (the CRM would re-send it until it gives up, and
the good events in it would never be stored), so:

- the body is decoded with limits on nesting depth and number size (`loads_bounded`): a body
  that breaks them is refused whole (400), before anything is parsed into events;
- each event is validated on its own; a bad one becomes a `RejectedEvent` with the reason and
  its raw JSON, which the receiver quarantines while storing the good ones;
- every text value that reaches the database is cleaned of what PostgreSQL or UTF-8 refuse
  (NUL characters, lone surrogates) by `clean_text` / `clean_json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from webhooks.errors import AnomalousPayloadError

MAX_JSON_DEPTH = 32
"""Deepest nesting of arrays/objects accepted in a webhook or card body."""

MAX_INT_DIGITS = 30
"""Longest integer literal decoded as a number; a longer one (up to MAX_INT_LITERAL_DIGITS) stays text,
so the one event holding it fails its own field checks and is quarantined alone."""

MAX_INT_LITERAL_DIGITS = 4_000
"""Longest integer literal in a body at all (Python refuses > 4,300 digits with a ValueError, a 500)."""

MAX_TEXT_CHARS = 65_536
"""Longest text value kept from an event; longer values are rejected, not truncated silently."""

MAX_RAW_CHARS = 16_384
"""How much of a rejected event's JSON the quarantine keeps."""

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RejectedEvent:
    """One event of a batch that failed validation: its position, why, and its (cleaned) JSON."""

    index: int
    reason: str
    raw: str
    account_hint: str | None = None


def clean_text(value: str) -> str:
    """Remove NUL characters and replace lone surrogates, so any database can store the text."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    if _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)
    return value


def clean_json(value: Any) -> Any:
    """Apply `clean_text` to every string (keys too) of a decoded JSON value."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_json(v) for v in value]
    if isinstance(value, Mapping):
        return {clean_text(str(k)): clean_json(v) for k, v in value.items()}
    return value


def raw_json(value: Any) -> str:
    """The cleaned JSON text of a value, cut to MAX_RAW_CHARS (for the quarantine)."""
    try:
        text = json.dumps(clean_json(value), ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError):  # pragma: no cover - decoded JSON is always encodable
        text = repr(value)
    return text[:MAX_RAW_CHARS]


def _depth_ok(text: str, limit: int) -> bool:
    """Tell whether the nesting of `text` stays within `limit` (strings are skipped)."""
    depth = 0
    in_string = False
    escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _bounded_int(literal: str) -> int | str:
    digits = len(literal.lstrip("-"))
    if digits > MAX_INT_LITERAL_DIGITS:
        raise ValueError(f"integer literal of {len(literal)} digits exceeds {MAX_INT_LITERAL_DIGITS}")
    if digits > MAX_INT_DIGITS:  # no int conversion; the event's own checks refuse it, alone
        return literal
    return int(literal)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads_bounded(body: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Decode a JSON body with limits on depth and number size.

    Raises:
        AnomalousPayloadError: not UTF-8 JSON, nested deeper than `max_depth`, an integer longer
            than MAX_INT_LITERAL_DIGITS digits, or NaN/Infinity. (Integers longer than MAX_INT_DIGITS
            are kept as their text, for the per-event checks.)
    """
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
    except UnicodeDecodeError as exc:
        raise AnomalousPayloadError(f"body is not UTF-8: {exc.reason}") from None
    if not _depth_ok(text, max_depth):
        raise AnomalousPayloadError(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise AnomalousPayloadError(f"body is not JSON: {exc}") from None
    except (ValueError, RecursionError) as exc:
        raise AnomalousPayloadError(f"body is not acceptable JSON: {exc}") from None
