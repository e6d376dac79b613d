"""A figure asked "with and without" something: the pair, not a negation (issue 11, wave 41, inj53: set 53's 014).

agents.concepts reads a negation near a cost word as a price given away ("sin coste", "without charge"). Set 53's
014 had Lucía ask for the amount "con y sin IVA" for her budget, and the honest draft answered "la propuesta indicará
el importe con y sin IVA": "sin" near "importe" was refused as no cost. A "with and without" pair ("with and without
VAT", "mit und ohne MwSt.", "avec et sans TVA", "con o sin IVA") names two versions of one figure; it waives nothing.
Only the negation word of the pair is masked, so "with and without VAT, and without any fee" still reads its second
"without".
"""

from __future__ import annotations

import re

_PAIR = re.compile(
    r"\b(?:with|mit|avec|con)\s+(?:and|or|und|oder|et|ou|y|o)\s+(?P<neg>without|ohne|sans|sin)\b", re.I)


def pairs_masked(sentence: str) -> str:
    """`sentence` with the negation of each "with and without" pair blanked, offsets kept."""
    return _PAIR.sub(lambda m: m.group(0)[: m.start("neg") - m.start()] + "_" * len(m.group("neg")), sentence)
