"""Another customer's name in a text in any form it takes: in full or by its distinctive first word, run together after a
hashtag, spelled with separators inside it ("C.o.n.t.o.s.o"), in part, without its umlauts; and the index of their
pieces that lets a text be checked against only the few names it could name (agents.other_customers applies them).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from agents.name_abbreviations import ACTS_AFTER, abbreviated_first, later_initial
from agents.names import COMMON_CAPITALISED, trie_pattern
from agents.normalize import normalise


def names_other_customer(form: str, text: str, low: str) -> bool:
    """Whether `form` of another customer's name is in the text. A single word counts only when
    capitalised as a name is ("Fabrikam's team"): "la logística de sus camiones" is not
    Logística Norte SL. A blank form (a CRM company without a name) names nobody."""
    if not form.strip():
        return False
    for m in re.finditer(rf"\b{re.escape(form)}\b", low):
        if " " in form or len(text) != len(low) or text[m.start()].isupper():
            return True
        if re.match(r"['’]s\b", low[m.end() :]):
            return True  # "fabrikam's ops team": a possessive makes a name of a lower-case word
    return False


UMLAUTS_WRITTEN_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
HAS_UMLAUT = re.compile("[äöüÄÖÜß]")
"""German letters as they are written without them: another customer's name is checked in both spellings."""

_SEPARATORS = re.compile(r"[\s\-_.'’·*/]+")


@functools.lru_cache(maxsize=8192)  # hundreds of names x two forms, plus the texts of a batch
def _squeezed(text: str) -> str:
    """`text` without separators. Memoised: `spaced_name` runs once per other customer's name on
    the same text, and squeezing the whole draft again for each of hundreds of names was a third
    of the offline agents' CPU."""
    return _SEPARATORS.sub("", text)


def tagged_name(name: str, low: str) -> bool:
    """Another customer's whole name run together after a hashtag or a handle ("#redlinecarriers", "@redline_carriers")."""
    full, _ = _name_forms(name)
    squeezed_low = _squeezed(low)
    return any(
        len(c) >= 6 and re.search(rf"[#@]{re.escape(c)}", squeezed_low) is not None
        for c in {_squeezed(full), *map(_squeezed, _partial_forms(name)[0])}
    )


def spaced_name(name: str, words: frozenset[str], text: str, low: str) -> bool:
    """Another customer's name written with separators inside it ("Tail-spin", "C.o.n.t.o.s.o",
    "Con toso"): the name's letters in order with at least one separator between them, as whole
    words; a single-word form only capitalised, as in names_other_customer."""
    for form in denied_forms(name, words):
        compact = _squeezed(form)
        if len(compact) < 5 or compact not in _squeezed(low):
            continue  # the cheap test first: most texts hold no trace of most names
        gap = r"[\s\-_.'’·*/]?"
        for m in re.finditer(r"(?<!\w)" + gap.join(re.escape(c) for c in compact) + r"(?!\w)", low):
            spaced = len(m.group(0)) > len(compact)
            if spaced and (" " in form or len(text) != len(low) or text[m.start()].isupper()):
                return True
    return False


def denied_forms(name: str, words: frozenset[str] = frozenset()) -> list[str]:
    """How another customer's name shows up in text: in full, or by its distinctive first word
    ("Proseware" for "Proseware Logistics") unless this record itself uses that word."""
    full, first = _name_forms(name)
    return [full, first] if first is not None and first not in words else [full]


@functools.lru_cache(maxsize=8192)
def _name_forms(name: str) -> tuple[str, str | None]:
    """A name's full form and its distinctive first word (None: too short or too common), per
    name once per process: every record of a tenant screens the same few hundred names."""
    full = normalise(name).lower().strip()
    first = full.split()[0] if full.split() else ""
    return full, first if len(full.split()) > 1 and len(
        first
    ) >= 5 and first not in COMMON_CAPITALISED else None


_ORGANISATION_WORDS = frozenset(
    """group groupe gruppe grupo company compagnie companies corporation corp limited
holding holdings partners services solutions systems international global gmbh sarl s.a.s ltd inc llc plc
""".split()
)
"""Words of a company name that say what kind of organisation it is, not which one."""


@functools.lru_cache(maxsize=8192)
def _partial_forms(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A name's leading phrases of two or more words short of the whole ("wide world" of Wide World
    Importers) and its distinctive later words ("moreau" of Boulangeries Moreau), per name once."""
    parts = normalise(name).lower().split()
    leading = tuple(" ".join(parts[:k]) for k in range(2, len(parts)))
    later = tuple(
        w
        for w in parts[1:]
        if len(w) >= 5 and w.isalpha() and w not in COMMON_CAPITALISED and w not in _ORGANISATION_WORDS
    )
    return leading, later


def _mid_sentence(text: str, at: int) -> bool:
    head = text[:at].rstrip()
    return bool(head) and head[-1] not in ".!?:;\n\"'“«(¿¡-"


def names_in_part(name: str, words: frozenset[str], text: str, low: str) -> bool:
    """Another customer named by part of its name, as people shorten names: its first two or more
    words ("Wide-World's team" for Wide World Importers, in any spacing), or a later distinctive word
    capitalised mid-sentence ("convaincu Moreau" for Boulangeries Moreau). A part this record itself
    uses (`words`) names nobody: Harbor Dental's own draft may say "Dental"."""
    leading, later = _partial_forms(name)
    squeezed_low = _squeezed(low)
    gap = r"[\s\-_.'’·*/]*"
    whole = normalise(name).lower().split()
    for form in (*leading, *((" ".join(whole),) if len(whole) >= 2 else ())):
        if all(w in words for w in form.split()):
            continue
        compact = _squeezed(form)
        if compact not in squeezed_low:
            continue  # the cheap test first
        for m in re.finditer(r"(?<!\w)" + gap.join(re.escape(c) for c in compact) + r"(?!\w)", low):
            if (
                text[m.start()].isupper()
                or re.search(r"\w[-_]\w", m.group(0))
                or (len(compact) >= 8 and m.group(0).isalpha())
            ):
                return True  # capitalised, run together as a slug ("transportes-bermejo") or as one word ("blueyonder")
    first = normalise(name).lower().split()[0] if name.split() else ""
    if later_initial(normalise(name).lower().split(), text, low, words):  # "le groupe D." for Groupe Delorme
        return True
    for word in later:
        if len(first) >= 4 and re.search(rf"\b{re.escape(first[:3])}\w{{0,8}}\.\s+{re.escape(word)}\b", low):
            return True  # the first word abbreviated ("Boul. Marchal" for Boulangeries Marchal)
        if word in low and abbreviated_first(first, word, low, words):
            return True
        if word in words or word not in low:
            continue
        for m in re.finditer(rf"\b{re.escape(word)}\b", low):
            if text[m.start()].isupper() and (
                _mid_sentence(text, m.start())
                or low.startswith(("'s", "’s"), m.end())
                or ACTS_AFTER.match(low, m.end())
            ):
                return True  # mid-sentence, or owning something at a sentence start ("Bermejo's dispatchers")
    return False


@dataclass(frozen=True)
class DeniedIndex:
    """Every literal piece of the tenant's other customers' names that a check of this module needs to find in a text
    before it can name that customer, with the names each piece belongs to: the full name and its first word
    (names_other_customer, spaced_name), their separator-free forms (spaced_name), the leading phrases' separator-free
    forms and the later distinctive words (names_in_part). A name none of whose pieces is in the text cannot be named
    by it, so the per-name checks run only for the few names a text could name (a single scan per text instead of
    a loop over hundreds of names)."""

    plain: dict[str, tuple[int, ...]]
    squeezed: dict[str, tuple[int, ...]]
    plain_re: re.Pattern[str] | None
    squeezed_re: re.Pattern[str] | None

    def candidates(self, low: str) -> list[int]:
        """Indices (in the names' order) of the names whose pieces occur in `low` (lower-cased, normalised text)."""
        found: set[int] = set()
        for pattern, pieces, text in (
            (self.plain_re, self.plain, low),
            (self.squeezed_re, self.squeezed, _squeezed(low)),
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                hit = m.group(1)
                # every piece starting here is a prefix of the longest one found here
                for end in range(1, len(hit) + 1):
                    found.update(pieces.get(hit[:end], ()))
        return sorted(found)


@functools.lru_cache(maxsize=64)
def denied_index(names: tuple[str, ...]) -> DeniedIndex:
    """The DeniedIndex of a tenant's other customers, built once per list of names."""
    plain: dict[str, list[int]] = {}
    squeezed: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        full, first = _name_forms(name)
        leading, later = _partial_forms(name)
        for piece in {full, first or "", *later} - {""}:
            plain.setdefault(piece, []).append(i)
        for piece in {_squeezed(full), _squeezed(first or ""), *map(_squeezed, leading)} - {""}:
            squeezed.setdefault(piece, []).append(i)
    return DeniedIndex(
        plain={k: tuple(v) for k, v in plain.items()},
        squeezed={k: tuple(v) for k, v in squeezed.items()},
        plain_re=trie_pattern(plain),
        squeezed_re=trie_pattern(squeezed),
    )
