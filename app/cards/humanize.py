"""Formatting for people: percentages, money, dates relative to the reader, labels for internal values.

The rules mirror `ui_extensions/hubspot/format.ts` line for line, so the preview page and the
HubSpot card say the same thing about the same payload (tests/cards/test_card_parity.py and the
vitest suite check the same fixtures). Pure functions: no Flask, no clock (``now`` is passed in).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\b")
_ARROWS = re.compile(r"\s*[↑↓▲▼]")
_SCORE_FACTOR = re.compile(r"Score factor:\s*")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_CAPS_ENUM = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
PROVIDER_NAMES = {"openai": "OpenAI", "anthropic": "Anthropic", "openai_compatible": "OpenAI-compatible server"}
_MODEL_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})T\d+Z")


def half_up(x: float) -> int:
    """Round half up, as JavaScript's Math.round does (Python's round() rounds half to even)."""
    return math.floor(x + 0.5)


def percent(fraction: Any) -> str:
    """A fraction 0..1 as a whole percentage ("8%"); "–" when absent."""
    if not isinstance(fraction, int | float) or isinstance(fraction, bool):
        return "–"
    return f"{half_up(fraction * 100)}%"


def money(value: Any, currency: str | None = "USD") -> str:
    """An amount without decimals ("$48,000", "48,000 EUR"); "–" when absent."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "–"
    rounded = f"{half_up(value):,}"
    return f"${rounded}" if (currency or "USD") == "USD" else f"{rounded} {currency}"


def words(name: Any) -> str:
    """An identifier as words: ``executive_alignment`` / ``FINANCIAL_SERVICES`` -> ``Executive alignment``."""
    if not isinstance(name, str) or not name:
        return ""
    if name.strip().lower() in HYPHENATED:
        return HYPHENATED[name.strip().lower()]
    text = name.replace("_", " ").strip().lower()
    return text[:1].upper() + text[1:]


HYPHENATED = {"re_engagement": "Re-engagement", "limited_time_incentive": "Limited-time incentive"}
"""Identifiers whose words take a hyphen (the strategies' names as the Salesforce card already
writes them): "Re engagement" read as a typo on the card."""


def _zone(name: Any) -> ZoneInfo:
    try:
        return ZoneInfo(name) if isinstance(name, str) and name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def parse_time(iso: Any) -> datetime | None:
    """An ISO-8601 time (a bare date counts as midnight UTC) as an aware datetime, else None."""
    if not isinstance(iso, str) or not iso:
        return None
    try:
        at = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def clock(at: datetime) -> str:
    """"9:30 AM" (HubSpot's US-English default)."""
    hour = at.hour % 12 or 12
    return f"{hour}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


def day(at: datetime, now: datetime) -> str:
    """"today", "tomorrow", "yesterday", else "Wed 2 Dec" (with the year when it differs)."""
    delta = (at.date() - now.date()).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    text = f"{WEEKDAYS[at.weekday()]} {at.day} {MONTHS[at.month - 1]}"
    return text if at.year == now.year else f"{text} {at.year}"


def due_text(iso: Any, now: datetime, tz: Any = None) -> str:
    """When something is due, in the reader's time zone: "tomorrow, 10:00 AM"."""
    at = parse_time(iso)
    if at is None:
        return ""
    zone = _zone(tz)
    return f"{day(at.astimezone(zone), now.astimezone(zone))}, {clock(at.astimezone(zone))}"


def ago(iso: Any, now: datetime) -> str:
    """How long ago: "just now", "5 minutes ago", "3 hours ago", "2 days ago", else the date."""
    at = parse_time(iso)
    if at is None:
        return ""
    seconds = (now - at).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        n = int(seconds // 60)
        return f"{n} minute{'s' if n != 1 else ''} ago"
    if seconds < 86_400:
        n = int(seconds // 3600)
        return f"{n} hour{'s' if n != 1 else ''} ago"
    if seconds < 7 * 86_400:
        n = int(seconds // 86_400)
        return f"{n} day{'s' if n != 1 else ''} ago"
    at = at.astimezone(UTC)
    return f"on {at.day} {MONTHS[at.month - 1]} {at.year}"


def date_text(iso: Any) -> str:
    """A date as "3 Dec 2026" (UTC), "" when absent."""
    at = parse_time(iso)
    if at is None:
        return ""
    at = at.astimezone(UTC)
    return f"{at.day} {MONTHS[at.month - 1]} {at.year}"


def _date_text(match: re.Match[str]) -> str:
    year, month, dom = int(match[1]), int(match[2]), int(match[3])
    if not 1 <= month <= 12:
        return match[0]
    return f"{dom} {MONTHS[month - 1]} {year}"


def prose(text: Any, labels: Mapping[str, str] | None = None) -> str:
    """Free text from the agents, made readable: internal values -> labels, no ISO dates, no arrows.

    ``labels`` maps the CRM's internal values (stage ids, option values) to the labels its users
    see; what no label covers is turned into words when it looks like an identifier.
    """
    if not isinstance(text, str):
        return ""
    out = _SCORE_FACTOR.sub("", text)
    out = _ARROWS.sub("", out)
    for raw, label in sorted((labels or {}).items(), key=lambda kv: -len(kv[0])):
        if raw and label and raw != label:
            out = re.sub(rf"\b{re.escape(raw)}\b", label, out)
    out = _ISO.sub(_date_text, out)
    out = _CAPS_ENUM.sub(lambda m: words(m[0]).lower(), out)
    return _SNAKE.sub(lambda m: m[0].replace("_", " "), out)


def picklist_labels(fields: Any) -> dict[str, str]:
    """"<field label>: <option value>" → "<field label>: <option label>" for every picklist option
    whose label differs from its value, from `describe`'s FieldSpecs.

    Keyed with the field's label because that is how a score factor reads ("Deal Type:
    existingbusiness"); `prose` then replaces a value only where it is that field's value, never
    an ordinary word ("high", "other") in a sentence.
    """
    out: dict[str, str] = {}
    for field in fields or ():
        for value, label in getattr(field, "option_labels", ()) or ():
            if value and label and value != label:
                out[f"{field.label}: {value}"] = f"{field.label}: {label}"
    return out


def option_label(field: Any, value: Any) -> Any:
    """A picklist value as the CRM's users see it (its option's label); any other value unchanged."""
    if not isinstance(value, str):
        return value
    return dict(getattr(field, "option_labels", ()) or ()).get(value, value)


def model_text(task: str, version: Any) -> str:
    """``conversion-20261201T150909712275Z-4f5177`` -> "Conversion model of 1 Dec 2026"."""
    name = "CLV" if task == "clv" else words(task)  # an acronym, as the card's own "Customer lifetime value" box
    match = _MODEL_STAMP.search(str(version or ""))
    if not match:
        return f"{name} model"
    return f"{name} model of {int(match[3])} {MONTHS[int(match[2]) - 1]} {match[1]}"


def writer_text(generated_by: Any) -> str:
    """Who wrote the analysis and draft, in words a rep can interpret."""
    if not isinstance(generated_by, str) or not generated_by:
        return ""
    # Comma-separated when the roles differ: a role whose model answer was not used (timeout,
    # invalid, unsafe) falls back to the templates while the others keep the model's.
    models = [p for p in dict.fromkeys(generated_by.split(",")) if p and not p.startswith("offline")]
    if not models:
        return "Written from built-in templates (no AI model is configured for this account)"
    named = []
    for part in models:
        provider, _, model = part.partition(":")
        named.append(f"{model} ({PROVIDER_NAMES.get(provider, words(provider))})" if model else part)
    partly = "; parts from built-in templates where the model's answer was not used" \
        if len(models) < len([p for p in generated_by.split(",") if p]) else ""
    return f"Written by {', '.join(named)}{partly}"
