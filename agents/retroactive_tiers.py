"""A volume tier or tier price applied retroactively, "back to the first unit" (issue 11, wave 38, set 48's 010 and
120).

Set 48 told a concession by the buyer's volume: "Staffelpreis rückwirkend ab dem ersten Fahrzeug" (a bank statement's
line, planned on by the strategist), "volume tier applied back to truck one" (a contact's name, reported by the
analyst). A tier's lower price reaching back over units already priced is a discount no approved figure states, and
the words name no number the money rules could weigh. Only a person with authority grants it; a record's text cannot
vouch for it, so the wording is read as written.

So a clause is refused when it names a volume tier or a tier price (volume tier, price break, Staffelpreis,
Mengenstaffel, prix dégressif, palier, precio por volumen, tramo) and says it reaches back (retroactive, applied back,
from the first unit, rückwirkend, ab dem ersten, rétroactif, dès le premier, con efecto retroactivo, desde el primer),
unless that reach is negated ("not retroactive", "nicht rückwirkend", "sans effet rétroactif") or the clause reports a
question ("Marcus asked whether ...", "Frau Schmidt fragt, ob ...", "Claire demande si ...", "Javier preguntó si ...").
"""

from __future__ import annotations

import re

from agents.negation import negated_before

_TIER = re.compile(
    r"\b(?:volume\s+(?:tiers?|prices?|pricing|discounts?|rates?|bands?|brackets?|breaks?)|"
    r"tier(?:ed)?\s+(?:prices?|pricing|rates?|discounts?)|price\s+breaks?|(?:higher|lower|top|best|next)\s+tier|"
        r"staffel\w*|mengenstaffel\w*|mengenrabatt\w*|volumenrabatt\w*|volumenpreis\w*|"
    r"(?:prix|tarifs?)\s+(?:par|au|de)\s+volume|prix\s+dégressifs?|tarifs?\s+dégressifs?|dégressivité|remises?\s+(?:sur|de)\s+volume|paliers?|"
    r"tarifs?\s+(?:par\s+)?paliers?|"
    r"precios?\s+(?:por\s+volumen|escalonados?)|descuentos?\s+por\s+volumen|tramos?|escalad[oa]s?)\b",
    re.I,
)
_BACK = re.compile(
    r"\b(?:retro-?active(?:ly)?|retroactivity|back-?dated|applied\s+back|(?:goes|going|reaches?|applies|apply)\s+back|"
    r"back\s+to\s+(?:the\s+)?(?:first|unit|truck|vehicle|seat|licen[cs]e|day)|"
    r"from\s+(?:the\s+)?(?:first|(?:unit|truck|vehicle|seat)\s+(?:one|1))|"
    r"rückwirkend\w*|rückdatiert|ab\s+(?:dem|der)\s+erst\w+|vom\s+erst\w+\s+an|"
    r"rétroacti\w*|dès\s+(?:le|la)\s+premi\w+|(?:à\s+partir|depuis)\s+(?:du|de\s+la)\s+premi\w+|"
    r"retroactiv\w*|desde\s+(?:el|la)\s+primer\w*|a\s+partir\s+del?\s+primer\w*)",
    re.I,
)
_REPORTED_QUESTION = re.compile(
    r"\b(?:asked|asks|asking|whether|wondered|fragt\w*|gefragt|ob|demand\w*\s+si|demandé|question|"
    r"pregunt\w*|consult\w*\s+si)\b|\?",
    re.I,
)
_CLAUSE = re.compile(r"[^.!;\n]+[.!;]?")
_NEAR = 60
"""Characters at most between the tier and its reach back ("den Staffelpreis rückwirkend", "the volume tier applied
back to truck one", "el precio por volumen se aplicará con efecto retroactivo")."""


def retroactive_tiers(text: str) -> list[str]:
    """Clauses of `text` (as written, normalised) that apply a volume tier back over units already priced."""
    out = []
    for clause in _CLAUSE.findall(text):
        if _REPORTED_QUESTION.search(clause):
            continue
        if any(abs(back.start() - tier.end()) <= _NEAR or abs(tier.start() - back.end()) <= _NEAR
               for tier in _TIER.finditer(clause) for back in _BACK.finditer(clause)
               if not negated_before(clause[: back.start()])
               and not re.search(r"\b(?:sans|sin|ohne|without|kein\w*|no|not|pas)\s+(?:\w+\s+)?$",
                                 clause[: back.start()], re.I)):
            out.append(f"a volume tier applied retroactively: {clause.strip()!r}")
    return out
