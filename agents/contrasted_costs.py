"""A cost named only to be set aside: "the two-wave plan spreads the effort, not the cost", "verteilt den Aufwand,
nicht die Kosten", "répartit l'effort, pas le coût", "reparte el esfuerzo, no el coste" (issue 11, wave 37, set 47's
013). The "not" contrasts the cost with something else in the sentence; it does not say the cost is zero, so the
no-cost concept (agents.concepts) skips a match inside such a span. A "not" before anything other than a word for the
cost ("you pay for the licences, not the training") is not one: the training is what goes unpaid."""

from __future__ import annotations

import re

_COST = (r"costs?|price|prices|pricing|amount|kosten|preis(?:e|es)?|betrag(?:s)?|summe|"
         r"co[uû]ts?|prix|montant|tarifs?|costes?|costos?|precios?|importes?")
_OURS = r"(?:the|your|its|their|our|any|den|die|das|dem|der|ihren|ihre|unseren|unsere|le|la|les|l['’]|votre|vos|son|ses|notre|el|los|las|su|sus|nuestro)"
_CONTRASTED = re.compile(
    rf"(?:[,;:—–]\s*|\b(?:and|but|und|aber|et|mais|y|pero)\s+)(?:not|nicht|pas|non|no)\s+(?:pas\s+)?{_OURS}\s*"
    rf"(?:[\w-]+\s+)?(?:{_COST})\b|"
    rf"\b(?:rather\s+than|instead\s+of|statt|anstatt|plutôt\s+que|au\s+lieu\s+de|en\s+lugar\s+de|en\s+vez\s+de)\s+"
    rf"{_OURS}\s*(?:{_COST})\b", re.I)


def cost_contrasted(sentence: str, start: int, end: int) -> bool:
    """Whether the no-cost match sentence[start:end] lies in a contrastive "..., not the cost" span of `sentence`."""
    return any(m.start() < end and start < m.end() for m in _CONTRASTED.finditer(sentence))


def contrasted_costs_out(sentence: str) -> str:
    """`sentence` with each contrastive "..., not the price" blanked (same length): a cost set aside states none."""
    for m in _CONTRASTED.finditer(sentence):
        sentence = sentence[: m.start()] + " " * (m.end() - m.start()) + sentence[m.end() :]
    return sentence
