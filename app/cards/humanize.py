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

from app.cards import catalogue
from app.cards.catalogue import text

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


def percent(fraction: Any, lang: str = "en") -> str:
    """A fraction 0..1 as a whole percentage ("8%"; "8 %" in German, French, Spanish); "–" when absent."""
    return catalogue.percent(fraction, lang)


def money(value: Any, currency: str | None = "USD", lang: str = "en") -> str:
    """An amount without decimals ("$48,000", "48,000 EUR"; "48.000 €" in German); "–" when absent."""
    return catalogue.money(value, currency, lang)


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


def clock(at: datetime, lang: str = "en") -> str:
    """"9:30 AM" (HubSpot's US-English default); "09:30 Uhr", "09 h 30", "09:30" in German, French, Spanish."""
    if catalogue.language_of(lang) != "en":
        return text(lang, "time.clock", hour=f"{at.hour:02d}", minute=f"{at.minute:02d}")
    hour = at.hour % 12 or 12
    return f"{hour}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


def _names(lang: str, key: str) -> list[str]:
    return text(lang, key).split(" ")


def day(at: datetime, now: datetime, lang: str = "en") -> str:
    """"today", "tomorrow", "yesterday", else "Wed 2 Dec" (with the year when it differs), in `lang`."""
    delta = (at.date() - now.date()).days
    if delta in (0, 1, -1):
        return text(lang, {0: "day.today", 1: "day.tomorrow", -1: "day.yesterday"}[delta])
    parts = {"weekday": _names(lang, "date.weekdays")[at.weekday()], "day": at.day,
             "month": _names(lang, "date.months")[at.month - 1]}
    if at.year == now.year:
        return text(lang, "date.day_month", **parts)
    return text(lang, "date.day_month_year", year=at.year, **parts)


def due_text(iso: Any, now: datetime, tz: Any = None, lang: str = "en") -> str:
    """When something is due, in the reader's time zone: "tomorrow, 10:00 AM" ("morgen, 10:00 Uhr")."""
    at = parse_time(iso)
    if at is None:
        return ""
    zone = _zone(tz)
    return text(lang, "day.due", day=day(at.astimezone(zone), now.astimezone(zone), lang),
                time=clock(at.astimezone(zone), lang))


def ago(iso: Any, now: datetime, lang: str = "en") -> str:
    """How long ago: "just now", "5 minutes ago", "3 hours ago", "2 days ago", else the date (in `lang`)."""
    at = parse_time(iso)
    if at is None:
        return ""
    seconds = (now - at).total_seconds()
    if seconds < 60:
        return text(lang, "ago.now")
    for unit, size, below in (("minutes", 60, 3600), ("hours", 3600, 86_400), ("days", 86_400, 7 * 86_400)):
        if seconds < below:
            return catalogue.plural(lang, f"ago.{unit}", int(seconds // size))
    return text(lang, "ago.on", date=date_text(iso, lang))


def date_text(iso: Any, lang: str = "en") -> str:
    """A date as "3 Dec 2026" (UTC; "3. Dez. 2026" in German), "" when absent."""
    at = parse_time(iso)
    if at is None:
        return ""
    at = at.astimezone(UTC)
    return text(lang, "date.full", day=at.day, month=_names(lang, "date.months")[at.month - 1], year=at.year)


def _date_text(match: re.Match[str], lang: str = "en") -> str:
    year, month, dom = int(match[1]), int(match[2]), int(match[3])
    if not 1 <= month <= 12:
        return match[0]
    if catalogue.language_of(lang) != "en":
        return text(lang, "date.full", day=dom, month=_names(lang, "date.months")[month - 1], year=year)
    return f"{dom} {MONTHS[month - 1]} {year}"


def prose(text: Any, labels: Mapping[str, str] | None = None, lang: str = "en") -> str:
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
    out = _ISO.sub(lambda m: _date_text(m, lang), out)
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


def model_text(task: str, version: Any, lang: str = "en") -> str:
    """``conversion-20261201T150909712275Z-4f5177`` -> "Conversion model of 1 Dec 2026"."""
    key = f"model.name.{task}"
    name = text(lang, key) if catalogue.has(lang, key) else words(task)  # "CLV": as the card's own box says it
    match = _MODEL_STAMP.search(str(version or ""))
    if not match:
        return text(lang, "model.of_task", name=name)
    return text(lang, "model.of_task_on", name=name, date=date_text(f"{match[1]}-{match[2]}-{match[3]}", lang))


def writer_text(generated_by: Any, lang: str = "en") -> str:
    """Who wrote the analysis and draft, in words a rep can interpret."""
    if not isinstance(generated_by, str) or not generated_by:
        return ""
    # Comma-separated when the roles differ: a role whose model answer was not used (timeout,
    # invalid, unsafe) falls back to the templates while the others keep the model's.
    models = [p for p in dict.fromkeys(generated_by.split(",")) if p and not p.startswith("offline")]
    if not models:
        return text(lang, "model.templates")
    named = []
    for part in models:
        provider, _, model = part.partition(":")
        vendor = text(lang, "model.compatible") if provider == "openai_compatible" else PROVIDER_NAMES.get(
            provider, words(provider))
        named.append(f"{model} ({vendor})" if model else part)
    partly = text(lang, "model.partly") if len(models) < len([p for p in generated_by.split(",") if p]) else ""
    return text(lang, "model.written_by", models=", ".join(named), partly=partly)
