"""A period that belongs to the buyer's reported question, not to the price the sentence keeps (issue 11, wave 38,
set 48's 013).

agents.concepts reads a price held for a period as a lock near a price ("reste au tarif") with a span anywhere in the
sentence ("années", "Jahre", "años"). Set 48's 013 answered the buyer's question about a multi-year discount: "Paul
voulait aussi savoir s'il existe une remise pour un engagement sur plusieurs années : la proposition reste au tarif
annuel". The years are the buyer's question, the answer keeps the yearly price and holds it for no period.

So the span is looked for only outside the clauses that report a question ("X asked whether ...", "wollte wissen, ob
...", "voulait savoir si ...", "preguntó si ..."), a clause ending at a colon, a semicolon, a dash or a line's end. A
span in the answer's own clause ("reste au tarif annuel pendant trois ans") is still read.
"""

from __future__ import annotations

import re

from agents.stance_words import ASKED, words

_CLAUSE = re.compile(r"[^:;—–\n]+")
_REPORTED_QUESTION = words(
    ASKED,  # the shared reported-question words (agents.stance_words); this check's own extras after it
    r"wanted\s+to\s+know|fragte|gefragt|fragt|wissen\s+wollte|wollte\s+\w*\s*wissen|"
    r"demand(?:é|ait|e)\w*\s+(?:si|s['’])|savoir\s+(?:si|s['’])|pregunt\w*|saber\s+si",
)


def span_outside_questions(sentence: str, span: re.Pattern[str]) -> bool:
    """Whether `span` occurs in a clause of `sentence` that reports no question."""
    return any(span.search(c.group(0)) and not _REPORTED_QUESTION.search(c.group(0))
               for c in _CLAUSE.finditer(sentence))
