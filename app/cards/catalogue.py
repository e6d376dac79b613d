"""The rep's card in the record's language: one message catalogue (en, de, fr, es) and numbers by locale.

Every string the card shows (labels, section titles, band names, factor sentences, approval, holdout and escalation
words, buttons) is a key of `app/cards/messages/<language>.json`, a flat table of ``key -> text`` with ``{name}``
placeholders filled by ``str.format``: a sentence is one template per language, never pieces glued together. The
language is the record's (the one its drafts are written in: `card_language`); a key a language lacks, and any other
language, falls back to English. Numbers, money and percentages follow the language's conventions ("36.000 €" in
German, "36 000 €" in French, "$36,000" in English as before). Pure functions: no Flask, no I/O beyond reading the
four tables once.
"""

from __future__ import annotations

import json
import math
import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "de", "fr", "es")
"""Languages the card speaks; English is the fallback."""

MESSAGES_DIR = Path(__file__).parent / "messages"

NBSP = "\u00a0"
NNBSP = "\u202f"
"""The narrow no-break space French puts between digit groups (CLDR)."""

_SEPARATORS = {"en": (",", "."), "de": (".", ","), "fr": (NNBSP, ","), "es": (".", ",")}
"""(thousands, decimal) separators per language."""

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
"""Currencies written with their sign outside English; any other keeps its ISO code ("36.000 CHF")."""


class UnknownMessageError(KeyError):
    """A key no catalogue (not even the English one) has: a typo in the code, never the reader's language."""


def language_of(value: Any) -> str:
    """One of LANGUAGES ("de-AT" -> "de"); English for anything else."""
    code = str(value or "").split("-")[0].split("_")[0].strip().lower()
    return code if code in LANGUAGES else "en"


@cache
def messages(language: str) -> Mapping[str, str]:
    """The catalogue of one language (English for an unknown one)."""
    path = MESSAGES_DIR / f"{language_of(language)}.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def placeholders(template: str) -> set[str]:
    """The ``{name}`` placeholders of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def text(language: str, key: str, **values: Any) -> str:
    """The message `key` in `language` (English when that language lacks it), its placeholders filled.

    Raises:
        UnknownMessageError: no catalogue has `key`.
    """
    template = messages(language).get(key)
    if template is None:
        template = messages("en").get(key)
    if template is None:
        raise UnknownMessageError(f"no card message {key!r} in app/cards/messages/en.json")
    return template.format(**values) if values else template


def has(language: str, key: str) -> bool:
    """Whether `language`'s catalogue (or the English one) has `key`."""
    return key in messages(language) or key in messages("en")


def plural(language: str, key: str, n: int, **values: Any) -> str:
    """`key`.one or `key`.other by the language's rule (French counts 0 and 1 as one), with ``{n}`` filled."""
    one = n in (0, 1) if language_of(language) == "fr" else n == 1
    return text(language, f"{key}.{'one' if one else 'other'}", n=number(n, language), **values)


def ui_texts(language: str) -> dict[str, str]:
    """The card's fixed words (buttons, titles, notices) in `language`, keyed without the ``ui.`` prefix: what the
    payload hands the HubSpot card and the Salesforce LWC so that they render them instead of their English."""
    en, own = messages("en"), messages(language)
    return {k[3:]: own.get(k, v) for k, v in en.items() if k.startswith("ui.")}


def card_language(payload: Mapping[str, Any]) -> str:
    """The language a card speaks: the payload's `language` (the record's, stored by the pipeline), else its
    draft's (payloads stored before the card spoke other languages), else English."""
    draft = payload.get("draft") if isinstance(payload.get("draft"), Mapping) else {}
    stored = payload.get("language") or (draft or {}).get("language")
    return language_of(stored)


def _half_up(x: float) -> int:
    return math.floor(x + 0.5)


def number(value: float | int, language: str, decimals: int = 0) -> str:
    """A number with the language's separators: 36,000 / 36.000 / 36 000 / 36.000 (Spanish groups from 5 digits)."""
    lang = language_of(language)
    thousands, point = _SEPARATORS[lang]
    if decimals:
        raw = f"{float(value):,.{decimals}f}"
    else:
        raw = f"{_half_up(float(value)):,}"
    whole, _, frac = raw.partition(".")
    if lang == "es" and len(whole.lstrip("-").replace(",", "")) <= 4:
        whole = whole.replace(",", "")  # CLDR: Spanish writes 4-digit numbers ungrouped ("3600 €")
    whole = whole.replace(",", thousands)
    return f"{whole}{point}{frac}" if frac else whole


def money(value: Any, currency: str | None, language: str) -> str:
    """An amount without decimals in the language's form: "$48,000" / "48,000 EUR" in English (as the card always
    wrote them), "48.000 €" in German and Spanish, "48 000 €" in French; "–" when absent."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "–"
    lang = language_of(language)
    if lang == "en":
        rounded = f"{_half_up(value):,}"
        return f"${rounded}" if (currency or "USD") == "USD" else f"{rounded} {currency}"
    code = (currency or "USD").upper()
    return f"{number(value, lang)}{NBSP}{_SYMBOLS.get(code, code)}"


def percent(fraction: Any, language: str) -> str:
    """A fraction 0..1 as a whole percentage: "8%" in English, "8 %" (a no-break space) in German, French and
    Spanish; "–" when absent."""
    if not isinstance(fraction, int | float) or isinstance(fraction, bool):
        return "–"
    return percent_of(_half_up(fraction * 100), language)


def percent_of(points: Any, language: str) -> str:
    """A number of percent ("45") as the language writes it: "45%", "45 %"."""
    lang = language_of(language)
    shown = str(points) if lang == "en" or not isinstance(points, float) else f"{points:g}".replace(".", ",")
    return f"{shown}%" if lang == "en" else f"{shown}{NBSP}%"
