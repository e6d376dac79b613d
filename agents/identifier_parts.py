"""Letters inside an identifier are no words (issue 11, wave 37: set 46's look-alike 070, the opportunity's id
"0065g00000Es001" quoted as a reference, whose "Es" was read as an unvouched name).

A run of letters and digits with at least two digits and no run of more than three letters ("0065g00000Es001",
"INV-2026-00417Ab", "SO48213XB") is a code a system made: the capitals inside it are a base-62 digit, not a person or a
company. A word glued to figures ("Meridian2024Logistics") keeps its words and is read as before. It is taken out before names are
read. A name spelled with digits for letters ("J0hn", "M4rcus") has one digit or is short and stays for the
look-alike check (agents.names.disguised_words)."""

from __future__ import annotations

import re

_IDENTIFIER = re.compile(r"(?<![\w-])(?=[\w-]*\d[\w-]*\d)(?=[\w-]*[^\W\d_])[\w-]{6,}(?![\w-])")
_LONG_LETTERS = re.compile(r"[^\W\d_]{4,}")


def identifiers_out(text: str) -> str:
    """`text` with each identifier (two or more digits, letters in runs of three at most) replaced by a space."""
    return _IDENTIFIER.sub(lambda m: m.group(0) if _LONG_LETTERS.search(m.group(0)) else " ", text)
