"""Reversible PII redaction before a third-party call (a tenant setting).

People's names, email addresses and phone numbers are replaced by placeholders such as
`[[P1_FIRST]]` before the prompt leaves the process, and restored in the answer, so the vendor
never sees them yet the draft still greets the contact by name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel

from agents.providers.base import Message, T
from integrations.base import Record

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w.,])\+?\(?\d[\d\s()./-]{7,}\d(?![\w])")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}/\d{1,2}/\d{1,2}")
_AMOUNT = re.compile(r"\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?")
_CURRENCY_NEAR = re.compile(r"[$€£¥]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK)\b", re.IGNORECASE)
MIN_PHONE_DIGITS = 7
"""Fewest digits in a phone number; shorter runs are counts, codes or amounts."""
MIN_NAME_PART = 3
"""Name parts shorter than this are left alone (initials would replace too much text)."""


class Redactor:
    """Placeholders for one record's people; `restore` undoes `redact`."""

    def __init__(self, record: Record) -> None:
        pairs: list[tuple[str, str]] = []
        people = [c.name for c in record.contacts] + [record.owner.name if record.owner else None]
        for n, name in enumerate((p for p in people if p), start=1):
            pairs.append((name, f"[[P{n}]]"))
            parts = name.split()
            if len(parts) > 1:
                if len(parts[0]) >= MIN_NAME_PART:
                    pairs.append((parts[0], f"[[P{n}_FIRST]]"))
                if len(parts[-1]) >= MIN_NAME_PART:
                    pairs.append((parts[-1], f"[[P{n}_LAST]]"))
        # Longest first, so a full name is replaced before its first name is.
        self._pairs = sorted(pairs, key=lambda p: -len(p[0]))
        self._extra: dict[str, str] = {}

    def redact_text(self, text: str) -> str:
        """Replace names, emails and phone numbers in `text` by placeholders."""
        for value, token in self._pairs:
            text = re.sub(rf"\b{re.escape(value)}\b", token, text)
        text = _EMAIL.sub(lambda m: self._token("EMAIL", m.group(0)), text)
        return _PHONE.sub(lambda m: self._token("PHONE", m.group(0)) if looks_like_phone(m) else m.group(0), text)

    def _token(self, kind: str, value: str) -> str:
        for token, known in self._extra.items():
            if known == value:
                return token
        token = f"[[{kind}{len(self._extra) + 1}]]"
        self._extra[token] = value
        return token

    def redact(self, messages: Sequence[Message]) -> list[Message]:
        """Return the messages with their text redacted (`data` is never sent, so kept)."""
        return [Message(m.role, self.redact_text(m.content), m.data) for m in messages]

    def restore_text(self, text: str) -> str:
        """Put the real values back in place of placeholders."""
        for value, token in self._pairs:
            text = text.replace(token, value)
        for token, value in self._extra.items():
            text = text.replace(token, value)
        return text

    def restore(self, instance: T) -> T:
        """Return a copy of a model answer with every string restored."""
        return type(instance).model_validate(self._walk(instance.model_dump()))

    def _walk(self, value: object) -> object:
        if isinstance(value, str):
            return self.restore_text(value)
        if isinstance(value, dict):
            return {k: self._walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._walk(v) for v in value]
        return value


def looks_like_phone(match: re.Match[str]) -> bool:
    """Tell whether a phone-shaped match is a phone number rather than a date, amount or range.

    Dates (2026-12-01, 01.12.2026) and amounts (48,000.00, 1 250 000, $19,900) have the same
    characters as phone numbers; the agents must still see them, because drafts are checked
    against the record's dates and amounts.
    """
    value = match.group(0).strip()
    digits = sum(ch.isdigit() for ch in value)
    if digits < MIN_PHONE_DIGITS or _DATE.search(value):
        return False
    if _AMOUNT.fullmatch(value):
        return value.startswith("+")  # a bare grouped number is an amount or an id, not a phone
    before = match.string[max(0, match.start() - 4):match.start()]
    after = match.string[match.end():match.end() + 4]
    return not (_CURRENCY_NEAR.search(before) or _CURRENCY_NEAR.search(after))


def is_redacted(model: BaseModel) -> bool:
    """Tell whether an answer still holds placeholders (the model invented one)."""
    return "[[" in model.model_dump_json()
