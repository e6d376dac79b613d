"""Another customer named in a text: in full, by a distinctive part, spaced, tagged, with umlauts written out, or with
its digit spelled or its word written as a digit ("SmilesForLess" for Smiles4Less, "Tools4Trade" for Tools for Trade:
the same customer to a reader, so the same name to the check; issue 11, set 21)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from agents.names import (
    HAS_UMLAUT,
    UMLAUTS_WRITTEN_OUT,
    denied_forms,
    denied_index,
    names_in_part,
    names_other_customer,
    spaced_name,
    tagged_name,
)

_DIGIT_WORDS = {"1": ("one", "won", "eins", "un", "uno"), "2": ("two", "to", "too", "zwei", "deux", "dos"),
                "3": ("three", "drei", "trois", "tres"), "4": ("for", "four", "vier", "quatre", "cuatro"),
                "8": ("eight", "ate", "acht", "huit", "ocho")}
"""Digits that stand for a word in company names ("Smiles4Less", "Tech2Go"), with the words they are read as in our
four languages (and the English homophones the names pun on)."""
_WORD_DIGITS = {w: d for d, ws in _DIGIT_WORDS.items() for w in ws}
_NAME_PIECE = re.compile(r"\d|[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")


@functools.lru_cache(maxsize=8192)
def digit_spellings(name: str) -> tuple[str, ...]:
    """Other ways to write a company name whose digit stands for a word: "Smiles4Less" as "SmilesForLess",
    "SmilesFourLess" (and "Smiles For Less" through the spacing check), "Tools for Trade" as "Tools4Trade". Each is
    the same customer (set 21's "SmilesForLess"); only names with such a digit or word get any."""
    words = name.split()
    out: set[str] = set()
    for k, word in enumerate(words):
        pieces = _NAME_PIECE.findall(word)
        if "".join(pieces) != word:
            continue  # punctuation inside the word: left to the other forms
        for i, piece in enumerate(pieces):
            if piece in _DIGIT_WORDS and 0 < i < len(pieces) - 1:
                # a digit inside a word ("Smiles4Less"): the word it is read as
                out.update(" ".join([*words[:k], "".join([*pieces[:i], w.capitalize(), *pieces[i + 1:]]), *words[k + 1:]])
                           for w in _DIGIT_WORDS[piece])
        if word.lower() in _WORD_DIGITS and 0 < k < len(words) - 1:
            # a word between two others ("Tools for Trade"): the digit run together with its neighbours
            out.add(" ".join([*words[:k - 1], words[k - 1] + _WORD_DIGITS[word.lower()] + words[k + 1], *words[k + 2:]]))
    return tuple(sorted(out - {name}))


def with_spellings(names: Iterable[str], own: str) -> tuple[str, ...]:
    """The tenant's other customers (less this record's own company, `own` lower-cased) with each name's spellings."""
    return tuple(dict.fromkeys(v for n in names if n and n.strip().lower() != own for v in (n, *digit_spellings(n))))


def named_other_customers(text: str, denied: tuple[str, ...], own_words: frozenset[str]) -> list[str]:
    """The names of `denied` (the tenant's other customers) that the normalised `text` names. One scan finds the few
    whose name pieces occur (names.DeniedIndex); "Köhler" is also looked for as "Koehler"."""
    if not denied:
        return []
    out: list[str] = []
    low = text.lower()
    views = [(text, low)] + ([(t := text.translate(UMLAUTS_WRITTEN_OUT), t.lower())] if HAS_UMLAUT.search(text) else [])
    for view, view_low in views:
        for i in denied_index(denied).candidates(view_low):
            name = denied[i]
            forms = [f for f in denied_forms(name, own_words) if f in view_low]
            hit = (forms and any(names_other_customer(form, view, view_low) for form in forms)) or spaced_name(
                name, own_words, view, view_low) or names_in_part(name, own_words, view, view_low)
            if (hit or tagged_name(name, view_low)) and name not in out:
                out.append(name)
    return out
