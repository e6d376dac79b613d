"""The offline analyst's and strategist's words in the record's language (en, de, fr, es).

The card speaks the record's language (app/cards/catalogue.py) and the offline draft is written in the buyer's
(agents.phrases), but until wave 42 the offline analysis and rationale were English on every record: a German rep
read an English paragraph in a German card. Every sentence and label they write is a key of
`agents/offline_messages/<language>.json`, one flat table per language filled by ``str.format``; a key a language
lacks falls back to English, and the English table reproduces the old wording byte for byte. Placeholders are only
ever filled with what the templates filled before: screened names, counts, days and the scorer's own labels.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from agents.phrases import LANGUAGES, buyer_language
from agents.slot_text import format_day

MESSAGES_DIR = Path(__file__).parent / "offline_messages"


def language_of(value: Any) -> str:
    """One of LANGUAGES; English for anything else (a message built with no language is the old English)."""
    return value if value in LANGUAGES else "en"


@cache
def messages(language: str) -> Mapping[str, str]:
    """The table of one language."""
    return dict(json.loads((MESSAGES_DIR / f"{language_of(language)}.json").read_text(encoding="utf-8")))


def say(language: str, key: str, **values: Any) -> str:
    """The message `key` in `language` (English when that language lacks it), its placeholders filled.

    Raises:
        KeyError: not even the English table has `key` (a typo in the code).
    """
    template = messages(language).get(key)
    return (messages("en")[key] if template is None else template).format(**values)


def has(language: str, key: str) -> bool:
    """Whether `language`'s own table has `key` (no English fallback): a band or an arm it does not know is kept as
    the scorer or the tenant wrote it."""
    return key in messages(language)


def counted(language: str, key: str, n: int) -> str:
    """`key` for a count: `key.one`/`key.other` where the language has them (French counts 0 and 1 as one), else the
    plain `key` ("Viewed the pricing page 2 time(s)", as English always wrote it)."""
    if not has(language, f"{key}.one"):
        return say(language, key, n=n)
    one = n in (0, 1) if language == "fr" else n == 1
    return say(language, f"{key}.{'one' if one else 'other'}", n=n)


def pricing_signal(label: str) -> bool:
    """Whether a buying signal is the pricing page's: a model's label that says "pricing", or the offline analyst's
    own in any language ("Preisseite 3-mal aufgerufen"). The offline draft's value sentence reads it; reading only
    "pricing" sent a German record's draft to another sentence once its analysis spoke German (set 38's 145)."""
    if "pricing" in label.lower():
        return True
    forms = [t for lang in LANGUAGES for k, t in messages(lang).items() if k.startswith("signal.pricing")]
    return any(label.startswith(t.split("{n}")[0]) for t in forms)


def figure(value: float, language: str) -> str:
    """A figure as `:g` writes it, with a decimal comma outside English ("4,5")."""
    shown = f"{value:g}"
    return shown if language_of(language) == "en" else shown.replace(".", ",")


def day(iso: str, language: str) -> str:
    """An activity's day: "7 December" as the English template always wrote it, else as the recipient's drafts write
    a day ("7. Dezember", "7 décembre", "7 de diciembre")."""
    d = date.fromisoformat(iso[:10])
    if language_of(language) == "en":
        return f"{d.day} {d.strftime('%B')}"
    return format_day(d, language)


def contact_language(ctx: Any, contact: Any, default: str) -> str:
    """The language a draft to `contact` is written in (agents.writer.plan_draft's rule: the contact's own, else the
    company country's, else the tenant's `language`)."""
    country = ctx.safe("company.country", ctx.record.company.country if ctx.record.company else None)
    return buyer_language(getattr(contact, "language", None), country, default)
