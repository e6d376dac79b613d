"""The amount as a heading of a summary we send (issue 11, wave 40: set 52's fr-g6, "j'y joins une synthèse d'une page :
montant annuel, coût par atelier et nombre de licences", and es-g6, "incluyo un resumen de una página con el importe
anual, el calendario de implantación y el retorno", refused as price talk the record does not anchor).

agents.price_talk refuses a sentence on our price that points at nothing the record has. A one-page summary that
lists what it covers names the amount as one of its headings, beside others ("annual amount, cost per workshop and
number of licences"): it states no price and moves none; the figure is the proposal's, which the record holds. Only a
summary or an overview whose contents are listed (after a colon, or "with", "avec", "mit", "con") is read so, and only
with no amount in figures, no percentage and no word that moves the price ("new", "lower", "special", "discounted"):
"a summary with the new annual amount" or "a summary: 20% off the annual fee" is read as before.
"""

from __future__ import annotations

import re

from agents.same_price import AMOUNT_IN_FIGURES

_SUMMARY = re.compile(
    r"\b(?:summary|overview|one-pager|recap|synthèse|résumé|récapitulatif|aperçu|zusammenfassung|übersicht|"
    r"resumen|síntesis|recapitulativo)\b"
    r"[^:\n]{0,40}?(?:\s*:|\s+(?:with|covering|setting out|avec|reprenant|comprenant|mit|con|que recoge|que incluye))\s+"
    r"(?P<items>[^.;!?\n]+)", re.I)
_LIST = re.compile(r",|\b(?:and|et|und|y)\b", re.I)
_MOVES = re.compile(
    r"%|\b(?:per ?cent|prozent|pour ?cent|por ?ciento|new|lower|reduced|special|discount\w*|better|cheaper|free|off|"
    r"neue[nrs]?|reduziert\w*|sonder\w*|rabatt\w*|nachlass\w*|günstiger\w*|nouveau|nouvelle|réduit\w*|spécial\w*|"
    r"remise|rabais|offert\w*|nuevo|nueva|reducid\w*|especial\w*|descuento\w*|rebaj\w*|gratis|gratuit\w*)\b", re.I)
_HEADING_WORDS = 4
"""The most words of a listed heading that names a price ("el importe por camión")."""
_PERSON = re.compile(r"\b(?:i|we|you|ich|wir|sie|je|nous|vous|yo|nosotros|usted|ustedes)\b", re.I)


def summarised_amount(sentence: str, price_words: re.Pattern[str]) -> bool:
    """Whether the price words of `sentence` (`price_words`, agents.price_talk's) all stand in the listed contents of a
    summary, which states no amount and moves none."""
    m = _SUMMARY.search(sentence)
    if m is None or AMOUNT_IN_FIGURES.search(sentence) or _MOVES.search(sentence):
        return False
    items = m.group("items")
    if not _LIST.search(items) or not price_words.search(items):
        return False
    # each heading that names a price is a short noun phrase ("the annual amount", "coût par atelier"); "and we waive
    # the setup fee" is a clause that says something of the price
    priced = [item for item in _LIST.split(items) if price_words.search(item)]
    if any(len(item.split()) > _HEADING_WORDS or _PERSON.search(item) for item in priced):
        return False
    return not price_words.search(sentence[:m.start("items")] + " " + sentence[m.end("items"):])
