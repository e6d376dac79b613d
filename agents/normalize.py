"""Text as a screen should read it: one canonical spelling of whatever a CRM field carries.

Injected text hides from pattern checks in four cheap ways: compatibility characters (full-width
letters, ligatures), invisible characters (zero-width joiners, bidi overrides), look-alike
letters from other scripts (Cyrillic "а" for Latin "a") and encodings (base64, percent-encoding,
HTML entities). `screen_view` undoes all four so that the injection patterns, the sentiment
detector and the fact extractor see the same words a model would read.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from urllib.parse import unquote

INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
"""Zero-width, joiner, soft-hyphen, variation-selector and bidi control characters."""

CONFUSABLES = str.maketrans({
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "χ": "x", "ε": "e",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin look-alikes and digits posing as letters inside words are left alone: "0ff" is rare
    # and mapping digits would corrupt amounts.
    "ı": "i", "ȷ": "j", "ℓ": "l", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-",
    "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
})
"""Letters from other scripts that render like Latin ones, and typographic punctuation."""

_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")
_PERCENT_ENC = re.compile(r"(?:%[0-9A-Fa-f]{2}){3,}")
_HEX = re.compile(r"\b(?:[0-9A-Fa-f]{2}){12,}\b")

MIN_DECODED_LETTERS = 0.7
"""Share of letters and spaces a decoded blob needs to count as hidden text, not binary noise."""


def normalise(text: str | None) -> str:
    """Return `text` in NFKC with invisible characters removed and confusables mapped to Latin."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = INVISIBLE.sub("", t)
    return t.translate(CONFUSABLES)


def decoded_parts(text: str) -> list[str]:
    """Return readable text hidden in `text` as base64, percent-encoding, hex or HTML entities."""
    out: list[str] = []
    if "&" in text and ";" in text:
        unescaped = html.unescape(text)
        if unescaped != text:
            out.append(unescaped)
    for m in _PERCENT_ENC.finditer(text):
        out.append(unquote(m.group(0)))
    for m in _BASE64.finditer(text):
        blob = m.group(0)
        padded = blob + "=" * (-len(blob) % 4)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                raw = decode(padded)
            except (binascii.Error, ValueError):
                continue
            if (s := _readable(raw)) is not None:
                out.append(s)
                break
    for m in _HEX.finditer(text):
        if (s := _readable(bytes.fromhex(m.group(0)))) is not None:
            out.append(s)
    return out


def screen_view(text: str | None) -> str:
    """Return what a screen should inspect: the normalised text plus every decoded part of it."""
    t = normalise(text)
    parts = [normalise(p) for p in decoded_parts(t)]
    return "\n".join([t, *parts]) if parts else t


def has_hidden_text(text: str | None) -> bool:
    """Tell whether `text` carries invisible characters or an encoded readable payload."""
    if not text:
        return False
    t = unicodedata.normalize("NFKC", text)
    return bool(INVISIBLE.search(t)) or bool([p for p in decoded_parts(t) if len(p.split()) >= 3])


def _readable(raw: bytes) -> str | None:
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(s) < 8:
        return None
    good = sum(ch.isalpha() or ch.isspace() or ch in ".,:;!?'%$€-" or ch.isdigit() for ch in s)
    return s if good / len(s) >= MIN_DECODED_LETTERS and " " in s else None
