"""A question about the order in which the buyer's sites go live (issue 11, wave 28, set 37's es-g4 and es-b8).

"Which depots go first?", "¿en qué orden implantamos las bases?", "In welcher Reihenfolge sollen die Standorte
starten?", "dans quel ordre équiper les ateliers ?" ask how the rollout is sequenced over sites the record already
counts. Two checks read such a question:

- agents.known_record must not take it for an open question about the buyer's priority ("¿qué bases quiere ver
  primero en el calendario?" to the operations director whose priority the demo note states as fuel): it orders
  things on record, it does not ask what matters most;
- agents.question_owner counts it as an operations question: the sequence of the sites is the operations lead's to
  decide, not the CFO's ("¿Podría decidir usted en qué orden implantamos las bases?" to the finance director).

Both read folded text (lower case, no accents). A question naming no site ("in which order should I send the two
documents?") is none of this.
"""

from __future__ import annotations

import re

from agents.normalize import fold_accents as _fold

_SITES = (
    r"(?:sites?|depots?|clinics?|locations?|branches|bases|routes|workshops|stores|warehouses|waves|phases|"
    r"standorte\w*|niederlassungen|filialen|werke|wellen|phasen|praxen|kliniken|"
    r"ateliers|agences|etablissements|cliniques|vagues|magasins|entrepots|"
    r"sedes|almacenes|centros|delegaciones|talleres|clinicas|fases|olas|tiendas)"
)
_FIRST = (
    r"(?:first|go|goes|come|comes|start|starts|launch|join|zuerst|starten|beginnen|anfangen|drankommen|"
    r"en\s+premier|d'abord|demarrer|commencer|primero|empezar|arrancar|comenzar|entrar)"
)
ORDER_OF_SITES = re.compile(
    # which sites first: "which depots should the walkthrough start with", "welche Standorte zuerst", "qué bases primero"
    rf"\b(?:which|what|welche[nrs]?|quel(?:le)?s?|par\s+quel(?:le)?s?|que|cuales|por\s+que)\s+{_SITES}\b"
    rf"[^?.!\n]{{0,50}}\b{_FIRST}\b|"
    # the order itself: "in which order", "in welcher Reihenfolge", "dans quel ordre", "en que orden", "the order of"
    rf"\b(?:in\s+(?:which|what)\s+order|in\s+welcher\s+reihenfolge|dans\s+quel\s+ordre|en\s+que\s+orden)\b"
    rf"[^?.!\n]{{0,60}}\b{_SITES}\b|"
    rf"\b(?:the\s+order\s+of|die\s+reihenfolge\s+der|l'ordre\s+des|el\s+orden\s+de\s+(?:las|los))\s+(?:\w+\s+)?{_SITES}\b"
)
"""A question about the sequence of the buyer's sites or waves (folded text)."""


def orders_sites(sentence: str) -> bool:
    """Whether a sentence asks about the order in which sites or waves go."""
    return ORDER_OF_SITES.search(_fold(sentence.lower())) is not None
