"""A special price declined outright is no price talk (issue 11, wave 36, helper "noticed36").

Wave 35 let agents.claims and agents.colloquial_terms read a declined special price as no promise
(agents.unoffered_special_prices), but agents.price_talk still refused the same sentence as price talk the record does
not anchor: "Nous ne proposons pas de prix spécial pour les écoles.", "We do not offer special pricing for schools.",
"Wir bieten keine Sonderpreise für Schulen an.", "No ofrecemos precios especiales para colegios." A declined offer is no
offer, so the honest answer to a buyer who asked could not be sent unless it also quoted the question.

A decline is outright only when nothing in its sentence keeps the door open: a hedge ("not usually", "normalerweise
nicht", "pas d'habitude", "normalmente no", "not to everyone", "not yet") says that sometimes we do, and a turn after
the price ("..., but for you: 20% off", "..., aber für Sie machen wir eine Ausnahme", "sauf pour vous", "pero para
usted") gives what the first half refused. Either keeps the sentence's price words for the checks to read.
"""

from __future__ import annotations

import re

from agents.stance_words import BUT, words
from agents.unoffered_special_prices import special_price_not_offered

_SPECIAL_PRICE = re.compile(
    r"\b(?:special|preferential|reduced|discounted)\s+(?:pricing|prices?|rates?|terms|tariffs?)\b|"
    r"\b(?:sonder|vorzugs|spezial)(?:preis|konditionen|tarif)\w*|"
    r"\b(?:prix|tarifs?|conditions)\s+(?:spéci(?:al|aux|ale?s?)|préférenti\w+|réduit\w*)\b|"
    r"\b(?:precios?|tarifas?|condiciones)\s+(?:especial(?:es)?|preferente\w*|reducid\w+)\b",
    re.I,
)
HEDGE = re.compile(
    r"\b(?:usually|normally|generally|typically|ordinarily|as\s+a\s+rule|in\s+general|in\s+principle|always|often|"
    r"everyone|everybody|anyone|yet|"
    r"normalerweise|üblicherweise|gewöhnlich|in\s+der\s+regel|grundsätzlich|eigentlich|generell|jedem|allen|noch|"
    r"normalement|d['’]habitude|habituellement|généralement|en\s+général|en\s+principe|toujours|souvent|"
    r"(?:à\s+)?tout\s+le\s+monde|encore|"
    r"normalmente|habitualmente|generalmente|por\s+lo\s+general|en\s+general|en\s+principio|siempre|a\s+menudo|"
    r"a\s+todos|a\s+cualquiera|todavía|aún)\b",
    re.I,
)
"""A word that makes a refusal the rule rather than the answer: the exception may still be the buyer's."""
TURN = words(BUT, r"however|though|although|except|unless|instead|jedoch|sondern|doch|allerdings|außer|stattdessen|"
                  r"cependant|toutefois|pourtant|sauf|à\s+moins|plutôt|sino|sin\s+embargo|salvo|excepto|aunque|"
                  r"a\s+menos|en\s+cambio")
"""A turn after the refusal: what follows it may give back what the refusal named."""


def outright_decline(sentence: str, start: int, end: int) -> bool:
    """Whether the special price sentence[start:end] is declined (agents.unoffered_special_prices) with no hedge in
    the sentence and no turn after it."""
    return special_price_not_offered(sentence, start, end) and not HEDGE.search(sentence) \
        and not TURN.search(sentence, end)


def declined_special_prices_out(sentence: str) -> str:
    """`sentence` with each special price it declines outright blanked (same length), so the price checks read only
    what else it says of price."""
    for m in reversed(list(_SPECIAL_PRICE.finditer(sentence))):
        if outright_decline(sentence, m.start(), m.end()):
            sentence = sentence[: m.start()] + " " * (m.end() - m.start()) + sentence[m.end():]
    return sentence
