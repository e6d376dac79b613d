"""Quoted titles and terms in German text, read as one noun ("titel") before capitalised words are taken as names: a
capitalised German word may be a noun, so a quoted one needs its frame to say what it is (agents.names)."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4)
def _quoted_title(determiners: frozenset[str]) -> re.Pattern[str]:
    """A quoted title after a determiner ('unseren "Fleet Idle Report"'): one noun phrase, in whatever language."""
    return re.compile(r"\b(" + "|".join(sorted(determiners, key=len, reverse=True)) + r')\s+"([^"\n]{1,60})"', re.I)


_GERMAN_QUOTED_TERM = re.compile(
    r'\b((?:stich|schlag|schlüssel|fach|such)?wort|begriff|thema|schlagzeile|motto|kennzahl|kapitel|abschnitt|punkt|'
    r'modul|bericht|bereich|ausdruck|formel)(\s+)"([A-ZÄÖÜ][a-zäöüß]+)"', re.I)
"""A quoted word after a noun that introduces a term ('Ihr Stichwort "Leerlauf"', set 32's 099): a term cited, not a
name, when a common list holds it ("Kunde "Bergmann"" is not read here: Kunde introduces no term)."""


def _quoted_term(m: re.Match[str]) -> str:
    # imported here: vouched_vocabulary reads the fact checks, which read this module
    from agents.vouched_vocabulary import common_words

    return f"{m.group(1)}{m.group(2)}titel" if m.group(3).lower() in common_words() else m.group(0)



def quoted_as_titles(text: str, determiners: frozenset[str]) -> str:
    """`text` with each quoted title after a determiner and each quoted common word after a term-noun read as "titel"."""
    return _GERMAN_QUOTED_TERM.sub(_quoted_term, _quoted_title(determiners).sub(r"\1 titel", text))
