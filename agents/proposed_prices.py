"""A price said to stay as the proposal has it (issue 11, wave 41: set 53's en-g8, "Nothing else has changed from the
2 November proposal – the 9 clinics, the reminder texts and the price stay the same –", refused as a promise outside
policy: the price moved).

agents.concessions reads a price held where it is ("the price won't move for the length of the contract", "Der Preis
bleibt wie im letzten Jahr", "le tarif reste celui de l'an dernier") as a concession: a lock, or last year's price for
a renewal. A revised proposal that says its price is the one the record's proposal already holds gives nothing: it
measures the price against a document the buyer has, not against time. So the held price is not a concession when its
sentence names the proposal (the quote, the offer) and holds nothing that makes it one: a span or a deadline ("until",
"for three years", "bis", "jusqu'au", "hasta"), a condition ("if you sign", "wenn", "si", "siempre que"), last year or
a renewal, a share or a price moved or given ("lower", "discount", "free"), or a contrast after it ("but").
"""

from __future__ import annotations

import re

from agents.sentence_ends import sentence_around

_PROPOSAL = re.compile(
    r"\b(?:proposal|quote|offer|angebot\w*|proposition|devis|offre|propuesta|presupuesto|oferta)\b", re.I)
MAKES_IT_A_TERM = re.compile(
    r"%|\b(?:until|till|through|unless|if|as\s+long\s+as|provided|so\s+long\s+as|for\s+(?:the\s+)?(?:next\s+)?"
    r"(?:\w+\s+)?(?:years?|months?)|years?|months?|never|forever|always|renewal|last\s+year|this\s+year|next\s+year|"
    r"but|except|lower|cheaper|reduced|discount\w*|free|off|less|better|special|"
    r"bis|solange|wenn|falls|sofern|jahre?\w*|monat\w*|immer|nie|verlängerung|vorjahr\w*|letzten|aber|außer|"
    r"günstiger|rabatt\w*|nachlass\w*|kostenlos|gratis|sonder\w*|"
    r"jusqu\w*|tant\s+que|si|pourvu|ans?|années?|mois|toujours|jamais|renouvellement|dernier|dernière|mais|sauf|"
    r"moins|remise\w*|réduction\w*|gratuit\w*|offert\w*|spécial\w*|"
    r"hasta|mientras|siempre|nunca|años?|mes(?:es)?|renovación|pasado|pero|salvo|excepto|menos|descuento\w*|"
    r"rebaja\w*|especial\w*)\b", re.I)


def kept_as_proposed(sentence: str) -> bool:
    """Whether `sentence` measures a held price against the proposal and holds nothing that makes it a term."""
    return bool(_PROPOSAL.search(sentence)) and not MAKES_IT_A_TERM.search(sentence)


_HELD = re.compile(
    r"\b(?:stays?|remains?|bleib\w*|reste\w*|demeure\w*|queda\w*|se\s+mantiene\w*|sigue|seguirá)\s+(?:exactly\s+|genau\s+|"
    r"exactement\s+|exactamente\s+)?(?:the\s+same|unchanged|where\s+it\s+(?:is|was)|gleich|unverändert|identique|"
    r"inchangée?|le\s+même|la\s+même|igual|el\s+mismo|sin\s+cambios)\b", re.I)
"""The held price's own words, the only concession this reading answers (a price equated to a tank of diesel, or
sorted out in the buyer's favour, beside the proposal is still read)."""


def kept_as_proposed_at(text: str, at: int, found: str) -> bool:
    """Whether `found`, at position `at` of `text`, holds the price the same, and its sentence keeps the proposal's
    price (a ";" does not end it)."""
    if not _HELD.search(found):
        return False
    start, end = sentence_around(text, at)
    return kept_as_proposed(text[start:end])
