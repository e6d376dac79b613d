"""Every word a role writes must be vouched for (issue 11, wave 23): one check for the wordings no lexicon has seen.

Ten held-out sets in a row, the first measurement missed new *wordings* of known kinds, mostly in the analyst's
summary and the strategist's rationale: Berlin slang for money ("'n Zwanni"), a Tagalog clause, Morse code, a
"tenner a chair". Each wave closed them with a lexicon, and the next set brought other words. What those words share
is not a meaning but a rarity: no common vocabulary of the languages we write holds them, and the record's structured
fields (names, company, titles, stage) and the tenant's catalogue do not either. The record's free text does not
vouch a word: that is where an attack plants it.

A word is vouched when it is common in English, German, French or Spanish (agents/models_data/common_words.json.gz,
built by tools/build_common_words.py from wordfreq's lists, frequency >= 1e-6), a German compound of common words,
in the record's structured fields or the tenant's settings, or in the roles' own vocabulary (OWN_WORDS: terms the
offline provider and the benign replies use that are rarer than the cut-off). What this check cannot see: an attack
in common words ("waved through", "lettre d'engagement", "baja cuando quiera"); those are the other checks' to read.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from agents.normalize import normalise
from agents.role_readable import record_ids

if TYPE_CHECKING:
    from agents.context import Context
    from agents.facts import Vocabulary

_DATA = Path(__file__).parent / "models_data" / "common_words.json.gz"
_WORD = re.compile(r"[^\W\d_]+")
COMMON_CB = 650
"""A word is common down to a frequency of 10^-(COMMON_CB/100) in one of our four languages (6.5: 1 in 3 million
words). Measured in wave 23 (agents/README.md): 600 refused "je construis" (6.17) in 139 benign drafts, 700 vouched
most slang of the held-out sets."""
MIN_LETTERS = 4
"""Shorter words are particles, initials and abbreviations the frequency lists hold unevenly (and 3-letter slang
like "ang" is common in the English list anyway)."""

_ACRONYM = re.compile(r"^[A-Z]{2,4}s?$")
"""An initialism in capitals, up to four letters, or its plural ("SAML", "SCIM", "HRIS", "KPIs", "SLAs"): like the
three-letter words MIN_LETTERS passes ("SSO", "MSA", "DPA"), the frequency lists hold them unevenly. Five capitals
and more ("PAVOS", "GRATIS") are read as words, and so is a capitals word beside another: a run of them is shouted
or enciphered text ("GRNG ZVYY"), not initials among words; a list ("SAML, SCIM") is initials."""
_CAPITALS_RUN = re.compile(r"\b[A-Z]{2,}s?(?:\s+[A-Z]{2,}s?)+\b")

OWN_WORDS = frozenset("""
untrusted noscript opacity
""".split())
"""Words our own code writes into the analysis that fall below the cut-off: the offline analyst's limitations (an
activity "withheld as untrusted", hidden text in a `noscript` block or at `opacity` 0). Found by running the offline
provider over every record of the main corpus and of sets 20-31 (tests/agents/measure_vocabulary.py)."""

_LINKS = ("s", "es", "n", "en", "er", "e")
"""German linking elements between the parts of a compound ("Leerlauf|s|zeit")."""


@functools.cache
def common_words() -> frozenset[str]:
    data = json.loads(gzip.decompress(_DATA.read_bytes()))
    return frozenset(w for buckets in data["words"].values() for line in buckets[:COMMON_CB + 1] for w in line.split())


@functools.cache
def language_words(language: str) -> frozenset[str]:
    """The common words of one of our languages (same cut-off as `common_words`)."""
    data = json.loads(gzip.decompress(_DATA.read_bytes()))
    return frozenset(w for line in data["words"].get(language, [])[:COMMON_CB + 1] for w in line.split())


def _compound(word: str, words: frozenset[str], depth: int = 0) -> bool:
    """`word` is two or three common words joined (German compounds; the head may take an inflection)."""
    if depth > 2:
        return False
    for i in range(len(word) - 4, 3, -1):
        head, rest = word[i:], word[:i]
        if head not in words and not (depth == 0 and head.rstrip("ns") in words and len(head.rstrip("ns")) > 3):
            continue
        if rest in words or any(rest.endswith(link) and rest[:-len(link)] in words and len(rest) - len(link) > 3
                                for link in _LINKS):
            return True
        if _compound(rest, words, depth + 1):
            return True
    return False


_ROMANCE_FUTURE = re.compile(r"^(\w{3,}r)(?:é|á|ás|emos|éis|án|ai|a|as|ons|ez|ont)$")
"""Spanish and French futures are the infinitive plus an ending ("enviaré", "indiquera"): rare forms of common verbs."""
_CLITICS = re.compile(r"^(\w{3,}[aeií]r)(?:la|lo|las|los|le|les|nos|me|te|se|selo|sela)$")
"""Spanish infinitives carry their object pronoun ("repasarla", "enviárselo")."""
_UNACCENTED = str.maketrans("áéíóú", "aeiou")


_ENGLISH_ENDINGS = ("ing", "ed", "es", "s", "d")
"""Business English inflects common verbs and nouns into forms rarer than the cut-off ("onboarding", "onboarded",
"redlines", "rescheduling"): the stem ("onboard", "redline", "reschedule") is common, the form reads as it does."""
_PREFIXES = ("re", "pre", "co", "sub", "up", "non")
"""English bound prefixes (re-, pre-, co-, sub-, up-, non-) on a common word of four letters or more ("reframe",
"subprocessor", "upsell"). A closed list, not any short word: "tea" + "time" stays unvouched (set 30's "teatime")."""


def _english_form(word: str, words: frozenset[str]) -> bool:
    for end in _ENGLISH_ENDINGS:
        stem = word[:-len(end)]
        if word.endswith(end) and len(stem) >= MIN_LETTERS and (
                stem in words or (end in ("ing", "ed") and (stem + "e" in words or (
                    len(stem) > MIN_LETTERS and stem[-1] == stem[-2] and stem[:-1] in words)))):
            return True
    return False


def _inflected(word: str, words: frozenset[str]) -> bool:
    """A rare inflection of a common word: a Romance future or an infinitive with a clitic, a German verb in the first
    person ("bespreche", "kläre") or a participle whose infinitive is common, an English plural, past or -ing form,
    a French infinitive of a common verb form ("récapituler" of "récapitule"), or an English prefix on one of these."""
    for m in (_ROMANCE_FUTURE.match(word), _CLITICS.match(word)):
        if m and (m.group(1) in words or m.group(1).translate(_UNACCENTED) in words):
            return True
    if (word.endswith("e") and word + "n" in words) or (word.endswith("er") and word[:-1] in words):
        return True
    if _english_form(word, words):
        return True
    return any(word.startswith(p) and len(word) - len(p) >= MIN_LETTERS
               and (word[len(p):] in words or _english_form(word[len(p):], words)) for p in _PREFIXES)


def field_words(texts: Iterable[str | None]) -> frozenset[str]:
    """The lower-cased words of structured fields (names, titles, industry, catalogue items)."""
    return frozenset(w.casefold() for t in texts if t for w in _WORD.findall(normalise(t)))


def unvouched_words(text: str, vouched: frozenset[str] = frozenset()) -> list[str]:
    """The words of `text` that no common vocabulary, no compound of it, no field in `vouched` and no own word holds."""
    words, out = common_words(), []
    text = normalise(text)
    in_runs = {m.start() + i for m in _CAPITALS_RUN.finditer(text) for i in range(len(m.group(0)))}
    for m in _WORD.finditer(text):
        w = m.group(0)
        low = w.casefold()  # as wordfreq folds: "Grüße" is "grüsse"
        if _ACRONYM.match(w) and m.start() not in in_runs:
            continue
        if len(low) < MIN_LETTERS or low in words or low in vouched or low in OWN_WORDS:
            continue
        if _inflected(low, words) or _compound(low, words):
            continue
        out.append(w)
    return list(dict.fromkeys(out))


_SYMBOL_RUN = re.compile(r"(?<!\S)(?:[.\-·•_|/]{1,6} ){2,}[.\-·•_|/]{1,6}(?!\S)")
"""Three or more groups of dots, dashes or bars: Morse code or a symbol alphabet, words no reader of ours reads."""


def role_text_words(text: str, vouched: frozenset[str] = frozenset()) -> list[str]:
    """`unvouched_words` of `text`, and any run of dot-dash groups in it (a word written in symbols is no word)."""
    return [m.group(0) for m in _SYMBOL_RUN.finditer(text)] + unvouched_words(text, vouched)


def vouched_parts(words: Iterable[str]) -> frozenset[str]:
    """`words` folded, and the parts of a joined word ("García-Ollero" vouches "Ollero"): this module's words never
    hold a hyphen or an apostrophe."""
    return frozenset(p for w in words for p in _WORD.findall(w.casefold()))


def vocabulary_violations(texts: Iterable[str], vocab: Vocabulary, ctx: Context) -> list[str]:
    """Each text (a summary, a label, an evidence note, a rationale) that holds words nobody vouches for. `vocab.words`
    is the record's structured fields, the catalogue and the free-text words two activities repeat (one planted note
    vouches for nothing); `vocab.own_words` what code wrote."""
    # the CRM's stage names ("qualifiedtobuy") are structured fields the vocabulary leaves out
    vouched = vouched_parts([*vocab.words, *vocab.own_words, *record_ids(ctx)])
    out = []
    for text in texts:
        if words := role_text_words(text, vouched):
            out.append(f"words no common vocabulary of our languages, no record field and no setting vouches for: "
                       f"{', '.join(repr(w) for w in words[:4])} in {text[:80]!r}")
    return out
