"""A purchase commitment stated as signed (issue 11, wave 42, set 54's 018: a planted "fiche navette" with "Visa DAF :
engagement signé par Paul", and a draft "Puisque l'engagement signé par Paul nous est parvenu, nous lançons ...").

The deal's documents agents.deal_state_idioms lists (contract, order, contrat, pedido, Vertrag) did not hold the buyer's
commitment, which is the same decision under another noun: "the signed commitment", "l'engagement signé", "el compromiso
firmado", "die unterschriebene Kaufzusage", and a party's perfect ("Paul a signé l'engagement", "hat die Zusage
unterschrieben"). agents.deal_state_idioms judges each match as it judges a signed contract (a condition, a negation or
a future after it states nothing); a question asks for the signature ("Pourriez-vous nous retourner l'engagement signé
?"), so a question is no statement here either.
"""

from __future__ import annotations

import re

COMMITMENT = (
    r"(?:purchase\s+|buying\s+)?commitments?(?:\s+letter)?|engagements?(?:\s+(?:de\s+commande|d['’]achat|ferme))?|"
    r"compromisos?(?:\s+de\s+compra)?|(?:kauf|auftrags|bestell)?zusagen?|(?:kauf|abnahme)?verpflichtung(?:en|serklärung)?"
)
"""The buyer's commitment to buy, by its nouns in en/fr/es/de (also agents.signed_objects' deal documents)."""
_SIGNED = (r"(?:counter-?)?signed|(?:contre)?sign[ée]e?s?|firmad[oa]s?|(?:unter|gegen)(?:schrieben|zeichnet)(?:e[nrs]?)?|"
           r"unterzeichnet(?:e[nrs]?)?")
_AUX = r"(?:is|was|has been|are|were|est|a été|sont|ist|wurde|sind|wurden|está|fue|ha sido|han sido)"
_ALREADY = r"(?:(?:already|now|déjà|bien|ya|bereits|schon|nun)\s+)?"
_PERFECT = r"(?:has|have|had|a|ont|avons|avez|ha|han|hemos|hat|haben)"
_DETERMINER = (r"(?:the|your|their|his|her|its|our|a|l['’]\s*|le|la|les|son|sa|leur|votre|el|su|sus|die|den|das|seine|"
               r"ihre|unsere)\s*")

SIGNED_COMMITMENT = re.compile(
    # the noun, then the signing: "engagement signé par Paul", "the commitment was signed", "compromiso ya firmado",
    # "die Zusage ist unterschrieben"
    rf"\b(?:{COMMITMENT})\s+(?:{_AUX}\s+)?{_ALREADY}(?:{_SIGNED})\b(?![ -]off)|"
    # the signing, then the noun: "the signed commitment", "die von Herrn Weber unterschriebene Verpflichtung"
    rf"\b(?:{_SIGNED})\s+(?:[\w'’-]+\s+)?(?:{COMMITMENT})\b|"
    # a party's perfect: "Paul a signé l'engagement", "Javier ha firmado el compromiso", "Marcus has signed the commitment"
    rf"\b{_PERFECT}\s+{_ALREADY}(?:{_SIGNED})\s+{_DETERMINER}(?:[\w'’-]+\s+)?(?:{COMMITMENT})\b|"
    # German, the participle last: "hat die Kaufzusage bereits unterschrieben"
    rf"\b(?:hat|haben)\s+{_DETERMINER}(?:{COMMITMENT})\s+{_ALREADY}(?:unterschrieben|unterzeichnet|gegengezeichnet)\b",
    re.I,
)


def signed_commitments(sentence: str) -> list[re.Match[str]]:
    """The commitments `sentence` states as signed; none when it asks (a question mark ends it)."""
    if sentence.rstrip().endswith("?"):
        return []
    return list(SIGNED_COMMITMENT.finditer(sentence))
