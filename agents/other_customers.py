"""Another customer named in a text: in full, by a distinctive part, spaced, tagged, with umlauts written out, or with
its digit spelled or its word written as a digit ("SmilesForLess" for Smiles4Less, "Tools4Trade" for Tools for Trade:
the same customer to a reader, so the same name to the check; issue 11, set 21)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from agents.customer_name_forms import (
    HAS_UMLAUT,
    UMLAUTS_WRITTEN_OUT,
    denied_forms,
    denied_index,
    names_in_part,
    names_other_customer,
    spaced_name,
    tagged_name,
)
from agents.language_led_names import named_by_its_language_word
from agents.name_abbreviations import later_initial
from agents.well_known_names import without_well_known

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


_LEGAL_FORMS = frozenset("""s.a. sa s.l. sl s.a.s. sas sarl s.r.l. srl gmbh ag kg ohg e.k. ug inc inc. ltd ltd. llc plc
co co. corp corp. bv b.v. nv n.v. y & and und et""".split())
_COMMON_ACRONYMS = frozenset("""AI AM API B2B BI CC CEO CET CFO CIO COO CRM CST CTO CW DE DPA EN ES ETA EU EUR EV FAQ FR
FY GBP GDPR GMT GPS HQ HR ID IT IVA KPI KW MSA MWST NB NDA OEM OK PDF PM PO PR PS PST QA RFP RFQ ROI SLA SOW TCO TV TVA
UK US USA USD UTC VAT VP""".split())
"""Upper-case abbreviations a sales email uses for other things: never read as a customer's initials."""


def initials_of(name: str) -> str:
    """A company name's initials, legal forms left out ("CF" for Contoso Freight); "" for a one-word name."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _LEGAL_FORMS and w[:1].isalpha()]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@functools.lru_cache(maxsize=64)
def _initials(denied: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The initials of each other customer of two or more words, legal forms left out ("CF" for Contoso Freight, "BYA"
    for Blue Yonder Airlines), as one case-sensitive pattern per tenant list (dotted or not: "C.F.")."""
    by_initials: dict[str, str] = {}
    for name in denied:
        initials = initials_of(name)
        if len(initials) >= 2 and initials not in _COMMON_ACRONYMS:
            by_initials.setdefault(initials, name)
    if not by_initials:
        return None, {}
    alts = "|".join(sorted((f"{re.escape(i)}|{'[.]'.join(map(re.escape, i))}[.]?" for i in by_initials), key=len,
                           reverse=True))
    return re.compile(rf"(?<![\w.&-])(?:{alts})(?![\w&-])"), by_initials


def named_by_initials(text: str, denied: tuple[str, ...], own_initials: str, own_words: frozenset[str]) -> list[str]:
    """Other customers named by their initials ("CF went live in four weeks", "the BYA rollout"), unless the initials
    are this record's own company's or a word the record itself uses."""
    pattern, by_initials = _initials(denied)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        key = m.group(0).replace(".", "")
        name = by_initials.get(key)
        if name and key != own_initials and key.lower() not in own_words and name not in out:
            out.append(name)
    return out


def named_other_customers(text: str, denied: tuple[str, ...], own_words: frozenset[str],
                          own_initials: str = "") -> list[str]:
    """The names of `denied` (the tenant's other customers) that the normalised `text` names. One scan finds the few
    whose name pieces occur (customer_name_forms.DeniedIndex); "Köhler" is also looked for as "Koehler"; and one more finds
    initials ("CF" for Contoso Freight) other than this record's company's (`own_initials`)."""
    if not denied:
        return []
    out: list[str] = []
    low = text.lower()
    views = [(text, low)] + ([(t := text.translate(UMLAUTS_WRITTEN_OUT), t.lower())] if HAS_UMLAUT.search(text) else [])
    for view, view_low in views:
        for i in denied_index(denied).candidates(view_low):
            name = denied[i]
            # "Die Deutsche Bahn streikt" names the railway, not Deutsche Fleet GmbH (agents.well_known_names)
            seen = without_well_known(name, view)
            seen_low = view_low if seen is view else seen.lower()
            forms = [f for f in denied_forms(name, own_words) if f in seen_low]
            hit = (forms and any(names_other_customer(form, seen, seen_low) for form in forms)) or spaced_name(
                name, own_words, seen, seen_low) or names_in_part(name, own_words, seen, seen_low)
            if (hit or tagged_name(name, view_low)) and name not in out:
                out.append(name)
    # a first word whole and a later word's initial ("Blue Y."): the first word alone is no candidate of the index
    out += [n for n in denied if n not in out and later_initial(n.lower().split(), text, low, own_words)]
    # wave 38: "English's rollout", "our customer English" for English Garden Supplies (agents.language_led_names)
    out += [n for n in denied if n not in out and named_by_its_language_word(n, text, own_words)]
    return out + [n for n in named_by_initials(text, denied, own_initials, own_words) if n not in out]
