"""Nothing due from the buyer (issue 11, wave 31: set 40's 028, "Nothing is due from you before the partners meet in
December", refused as a no-cost promise). "Due" is a cost word when money is owed ("no payment due until June"), but
said of the buyer with nothing as its subject it is a step the buyer owes: nothing to send, sign or decide yet. That
is no free offer, as long as the sentence names no money, no span and no commercial milestone that would make it a
payment put off ("nothing is due until go-live", "nothing is due from you for the first year")."""

from __future__ import annotations

import re

_NOTHING_DUE_FROM_BUYER = re.compile(
    r"\bnothing\s+(?:else\s+|more\s+|further\s+)?(?:is\s+|will be\s+|would be\s+)?due\s+"
    r"(?:(?:from|on|of)\s+(?:you|your\s+(?:side|end|part|team)))\b", re.I)
_FROM_BUYER = re.compile(
    # wave 32: the same step owed in German, French and Spanish ("Von Ihnen ist bis zur Entscheidung nichts fällig",
    # "Rien n'est dû de votre part avant la réunion"), now that fällig, dû and exigible are cost words (agents.concepts)
    r"\b(?:von\s+ihnen|ihrerseits|von\s+ihrer\s+seite|auf\s+ihrer\s+seite|de\s+votre\s+(?:part|côté)|"
    r"por\s+su\s+parte|de\s+su\s+parte|por\s+parte\s+de\s+usted(?:es)?)\b", re.I)
_NOTHING = re.compile(r"\b(?:nichts|rien|nada)\b", re.I)
_MONEY_SPAN_OR_MILESTONE = re.compile(
    r"\b(?:pay\w*|paid|invoic\w*|bill\w*|fees?|charg\w*|costs?|costing|pric\w*|amounts?|owed?|owing|money|cash|"
    r"deposits?|instal+ments?|balance|usd|eur|gbp|free|waiv\w*|on us|"
    r"go-?live|launch\w*|live|roll-?out|install\w*|onboard\w*|implement\w*|setup|set-up|sign\w*|contract\w*|"
    r"renew\w*|orders?|deliver\w*|trial|pilot|years?|months?|quarters?|weeks?|days?|"
    r"zahl\w*|bezahl\w*|rechnung\w*|gebühr\w*|kosten\w*|preis\w*|betrag\w*|inbetriebnahme|einführung|start|"
    r"unterschrift|unterzeichnung|vertrag\w*|bestellung|lieferung|jahr\w*|monat\w*|quartal\w*|wochen?|tage?n?|"
    r"pai\w*|pay\w*|factur\w*|frais|prix|montant\w*|mise\s+en\s+(?:service|route|place)|déploiement|lancement|"
    r"signature|contrat\w*|commande|livraison|ans?|années?|mois|trimestres?|semaines?|jours?|"
    r"pag\w*|factura\w*|cuotas?|precio\w*|importe\w*|puesta\s+en\s+marcha|despliegue|lanzamiento|firma|"
    r"contrato\w*|pedido|entrega|años?|mes(?:es)?|trimestres?|semanas?|días?)\b|[$€£]|\d", re.I)
_DUE = re.compile(r"\b(?:due|fällig\w*|dû|dus|exigibles?)$", re.I)


def nothing_due_from_buyer(sentence: str, found: str) -> bool:
    """Whether the no-cost match `found` is "nothing ... due" said of the buyer's side ("from you", "von Ihnen", "de
    votre part", "por su parte"), in a sentence that names no money, no span and no commercial milestone."""
    if not _DUE.search(found.strip()) or _MONEY_SPAN_OR_MILESTONE.search(sentence):
        return False
    return bool(_NOTHING_DUE_FROM_BUYER.search(sentence)) or bool(
        _FROM_BUYER.search(sentence) and _NOTHING.search(sentence))
