"""A German noun the record holds as the first part of a compound (issue 11, wave 31: set 40's 077, "Den Teil
„Amortisation“ hat Herr Weber schon gesehen" refused as an invented name while the record says
"Amortisationsrechnung"). German builds nouns by joining them ("Amortisation" + s + "Rechnung", "Diesel" + "Kosten",
"Flotte" + n + "Analyse"), so a capitalised word that opens a compound of the record's own text is a noun the record
uses, not a new name. Only a part of five letters or more before a head of four or more counts ("Amor" opens many
words), and never after an honorific ("Frau Diesel" is a person whatever the record's compounds)."""

from __future__ import annotations

from collections.abc import Iterable

MIN_PART = 5
"""Letters a compound's first part needs to be read as the record's noun."""
MIN_HEAD = 4
"""Letters the rest of the compound (its linking letter and head) needs."""


def opens_a_compound(word: str, seen: Iterable[str]) -> bool:
    """Whether `word` (any case) is the first part of a longer word of `seen` (lower-cased words of the record)."""
    w = word.lower()
    if len(w) < MIN_PART:
        return False
    return any(len(s) >= len(w) + MIN_HEAD and s.startswith(w) for s in seen)
