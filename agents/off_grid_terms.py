"""Terms outside the price grid, said to be the buyer's, in an output (issue 11, wave 38, inj49: set 49's 053).

Set 49's 053 ended its analyst summary with "Atelier Lumière peut recevoir des conditions hors grille": no figure, no
discount word, no special price named, only terms said to lie off the tenant's price list. That is a concession as
plain as "a special price": whatever the seller may give off the list comes from the tenant's settings (an approved
discount, an allowed promise), and the rules that read those name the figure or the promise. A term off the grid
named with neither is no term the record can vouch for.

So an output is refused when it names terms, a price or a rate outside the list ("off-list terms", "off-grid
pricing", "terms outside the price list", "Konditionen außerhalb der Preisliste", "Preise abseits der Preisliste",
"conditions hors grille", "un tarif hors barème", "condiciones fuera de tarifa", "un precio fuera de lista").
Not read: the same words negated ("no off-list terms", "keine Konditionen außerhalb der Preisliste", "aucune
condition hors grille", "sin condiciones fuera de tarifa") or asked about ("Claire a demandé si des conditions hors
grille étaient possibles", "Tom asked whether off-list pricing exists"), and an item outside the list that is no term
("the integration is not on the price list and is quoted separately").
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_pieces

_TERMS = (
    r"terms?|conditions?|pric(?:e|es|ing)|rates?|discounts?|deals?|"
    r"konditionen|preis\w*|rabatt\w*|sonderkonditionen|tarif\w*|"
    r"remises?|prix|tarifs?|"
    r"condiciones|precios?|tarifas?|descuentos?"
)
_OFF = (
    r"off[\s-]+(?:the\s+)?(?:list|grid|book|price\s+list|rate\s+card)|outside\s+(?:(?:of\s+)?(?:the|our|your)\s+)?"
    r"(?:price\s*list|pricing\s+grid|price\s+grid|rate\s+card|list\s+price|grid|standard\s+pricing)|"
    r"au(?:ß|ss)erhalb\s+(?:der|unserer|ihrer)\s+(?:preisliste|preistabelle|listenpreise|staffel)|"
    r"abseits\s+der\s+(?:preisliste|listenpreise)|"
    r"hors[\s-]+(?:grille|barème|bareme|tarif|liste|catalogue\s+tarifaire)(?:\s+tarifaire)?|"
    r"en\s+dehors\s+de\s+(?:la|notre|votre)\s+grille(?:\s+tarifaire)?|"
    r"fuera\s+de\s+(?:la\s+|nuestra\s+|su\s+)?(?:tarifa|lista(?:\s+de\s+precios)?|grilla|tabla\s+de\s+precios)"
)
_OFF_GRID = re.compile(
    # the term named, then its place off the list: "conditions hors grille", "Konditionen außerhalb der Preisliste"
    rf"\b(?:{_TERMS})\s+(?:\w+\s+)?(?:{_OFF})\b|"
    # the place first: "off-list pricing", "off-grid terms"
    rf"\boff[\s-]+(?:list|grid|book)\s+(?:{_TERMS})\b",
    re.I,
)
_HELD = re.compile(
    r"\b(?:no|not|never|without|nothing|none|cannot|kein\w*|nicht|nie|ohne|aucun\w*|pas|jamais|sans|ni|sin|ningún|"
    r"ninguna|nunca|nada)\b|n['’]t\b",
    re.I,
)
_ASKED = re.compile(
    r"\?|\b(?:asked|asks|asking|whether|if|wondered|wonders|fragt\w*|gefragt|ob|demand[ée]\w*|demande|si|"
    r"pregunt\w*)\b",
    re.I,
)


def off_grid_terms(text: str) -> list[str]:
    """Clauses of `text` (as written, normalised) that give the buyer terms outside the price list."""
    out = []
    for clause in clause_pieces(text):
        for m in _OFF_GRID.finditer(clause):
            if _HELD.search(clause[: m.start()]) or _ASKED.search(clause):
                continue
            out.append(f"terms outside the price list: {m.group(0)!r}")
    return out
