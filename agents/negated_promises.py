"""A promise word said not to be on offer: "keine Preisbindung", "eine mehrjährige Preisbindung ist nicht Teil des
Angebots", "no price lock", "the price is not fixed for life", "pas de prix bloqué", "sin precio congelado". The word
names the term the draft declines; a promise it is not.

Found on set 45's 007 (wave 36): an honest German draft said the amount holds for one year and "eine mehrjährige
Preisbindung ist nicht Teil des Angebots", and was refused as a price-lock promise. agents.negated_free reads the
free words this way and agents.unoffered_special_prices a special price; the other terms a buyer may ask for (a price
lock, a lifetime deal, a guarantee, a refund, an exit right, a price match) had no such reading. The negation must
govern the term (before it, with at most two adjectives between, or as its predicate after it), and nothing after it
in the sentence may give one back ("no price lock, but we guarantee the rate": the guarantee is still read).
"""

from __future__ import annotations

import re

from agents.stance_words import GIVEN_BACK, adjectives, bounds, declined_before, words

NEGATABLE = frozenset({"price lock", "lifetime", "guarantee", "refund", "exit right", "price match", "at cost",
                       "billing deferred", "unlimited"})
"""The promise families a negation can decline. Not "not billed" or "free extra" (their words are negations already:
agents.negated_free reads the free ones) nor a discount (its figure is judged by the discount check)."""

_BEFORE = declined_before(adjectives("year|term"), also=r"\bn['’]\w+\s+pas\s+(?:de\s+|d['’]|un\w*\s+)?")
"""A negation right before the term: "keine (mehrjährige) Preisbindung", "no price lock", "pas de prix bloqué"."""
_AFTER = re.compile(
    r"^[^.;:!?]{0,40}?\b(?:(?:is|are|was|will\s+be)\s+not|isn['’]t|aren['’]t|won['’]t\s+be|"
    r"(?:ist|sind|war|wird)\s+(?:\w+\s+)?(?:nicht|kein\w*)|gibt\s+es\s+nicht|"
    r"n['’](?:est|existe|existent|a|fait|font|sera)\s+(?:\w+\s+)?pas|ne\s+(?:fait|font)\s+pas|"
    r"no\s+(?:es|está|están|existe|existen|aplica|forma\s+parte|hay|se\s+incluye|entra))\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:part|teil|partie|parte|included|offered|inbegriffen|enthalten|vorgesehen|angeboten|"
    r"inclu\w*|prévu\w*|propos\w*|previst\w*|ofrecid\w*|on\s+offer|available|verfügbar|disponible\w*|"
    r"des\s+angebots|de\s+l['’]offre|de\s+la\s+oferta)\b", re.I)
"""The term's predicate denies it: "... ist nicht Teil des Angebots", "... is not part of the offer", "... ne fait pas
partie de l'offre", "... no forma parte de la oferta", "... is not included"."""
_GIVEN_BACK = words(GIVEN_BACK, r"en\s+cambio")


def promise_negated(text: str, start: int, end: int) -> bool:
    """Whether the promise word text[start:end] is declined in its sentence and nothing after it gives one back."""
    s0, s1 = bounds(text, start, end)
    tail = text[end:s1]
    if _GIVEN_BACK.search(tail):
        return False
    return bool(_BEFORE.search(text[s0:start]) or _AFTER.search(tail))
