"""Latin loanwords our languages write as their own (issue 11, wave 32, set 41's 091: "The walkthrough is not a sales
pitch per se; we can keep it ad hoc.").

"per se", "ad hoc", "e.g.", "i.e.", "vice versa", "status quo", "bona fide" are English (and most of them German,
French and Spanish too): a reply that uses one is written in the reply's language. The language checks
(agents.invariants) count a sentence's short words to tell its language; "ad", "hoc", "e", "g" are none of ours, so
"We can add depots ad hoc, e.g." read as another language. The phrases are read out before the count. Only the fixed
phrases: a sentence written in Latin ("Nos omnes in lingua latina scribimus") keeps its own words and stays foreign.
"""

from __future__ import annotations

import re

LATIN_LOANWORDS = re.compile(
    r"(?<![\w.])(?:per\s+se|ad\s+hoc|ad\s+interim|e\.\s?g\.|i\.\s?e\.|vice\s+versa|status\s+quo|bona\s+fide|"
    r"pro\s+rata|pro\s+forma|per\s+annum|per\s+capita|et\s+al\.|etc\.|vs\.|cf\.|viz\.|de\s+facto|in\s+situ|a\s+priori|"
    r"ex\s+ante|ex\s+post|inter\s+alia|ad\s+infinitum|via)(?!\w)",
    re.I,
)
"""Latin phrases written inside a sentence of ours, as fixed phrases."""


_SHORT_WORD = re.compile(r"(?<!['’])\b[^\W\d_]{1,3}\b(?!['’])")


def without_latin_loanwords(sentence: str, own_short_words: frozenset[str]) -> str:
    """`sentence` with its Latin loanwords blanked out, for counting the words of a language: only when the short words
    left (two at least) are all the draft's own (`own_short_words`), or none is left. A Latin sentence padded with loanwords ("Nos omnes
    in lingua latina per se scribimus ad hoc") keeps them, and its count says what it is."""
    rest = LATIN_LOANWORDS.sub(" ", sentence)
    short = [w for w in _SHORT_WORD.findall(rest) if w.islower()]
    # wave 34 (set 43's 090): "The proposal covers idle time, fuel cost, etc., i.e." has no short word left at all; the
    # sentence's other words say what it is (a Latin sentence without short words still has no glue word of ours)
    return rest if not short or (len(short) >= 2 and all(w in own_short_words for w in short)) else sentence
