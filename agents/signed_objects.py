"""What was signed, read before a signing is taken for a won deal (issue 11, wave 31: "You signed them off" was read as
the deal won by agents.deal_state_idioms).

"You signed", "Dana has signed", "vous avez signé", "han firmado" state the deal done when nothing follows the verb or
what follows is a deal's document ("signed the order form", "signé le contrat", "firmado el pedido"). Signing *off*
approves documents ("You signed them off", "Marcus signed the security answers off"), and signing another document
("the data-processing annex", "the site survey", "l'annexe de sécurité") decides no purchase: agents.approvals judges
such an approval against the record, the won-deal rules do not. A bare pronoun ("You signed it") stays a signature of
the deal; so does a deal's document anywhere in the object ("them off and the contract too").
"""

from __future__ import annotations

import re

from agents.signed_commitments import COMMITMENT

_DEAL_DOCUMENT = re.compile(
    r"\b(?:contracts?|agreements?|order|orders|order forms?|purchase orders?|p\.?o\.?|deal|paperwork|sow|msa|"
    r"proposal|quote|offer|terms|renewal|subscription|purchase|licen[cs]e agreement|everything|all of it|"
    r"contrat|commande|bon de commande|devis|proposition|offre|accord|"
    r"contrato|pedido|orden de compra|propuesta|presupuesto|oferta|acuerdo|"
    r"vertrag\w*|auftrag\w*|bestellung\w*|angebot\w*|"
    # wave 42 (inj54): the buyer's commitment to buy is the deal's document under another noun
    rf"{COMMITMENT})\b",
    re.I,
)
_DETERMINER = (
    r"the|a|an|your|our|their|its|his|her|those|these|this|that|both|all(?:\s+the)?|my|"
    r"le|la|les|un|une|des|votre|vos|notre|nos|leur|leurs|ce|cet|cette|ces|"
    r"el|los|las|uno?|una|su|sus|nuestr[oa]s?|este|esta|estos|estas"
)
_OBJECT = re.compile(
    # the object: a determiner and up to four more words, up to a word that starts an adjunct or another clause
    rf"\s+(?:(?:{_DETERMINER})\s+|l['’]\s*)(?P<object>(?:(?!(?:on|in|at|by|for|with|to|last|yesterday|today|this|and|but|off|"
    rf"le|el|en|lors|pour|avec|para|con|ayer|hier|aujourd)\b)[^\W\d_][\w'’-]*\s*){{1,4}})",
    re.I,
)
_SIGNED_OFF = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?off\b", re.I)
"""Signed *off*, with the thing approved between: "signed them off", "signed the security answers off"."""
_CLAUSE_END = re.compile(r"[.;:!?,]|\b(?:and|but|et|mais|y|pero|und|aber)\b", re.I)


def signed_no_deal(sentence: str, start: int, end: int) -> bool:
    """Whether the signing sentence[start:end], which ends on its verb, signed off, or signed a document that is no
    deal's; a signing whose own words name the deal's document ("contrato firmado") is read as it is."""
    if _DEAL_DOCUMENT.search(sentence[start:end]):
        return False
    rest = sentence[end:]
    clause = rest[: m.start()] if (m := _CLAUSE_END.search(rest)) else rest
    if _DEAL_DOCUMENT.search(rest.split(".")[0]):
        return False
    if _SIGNED_OFF.match(clause):
        return True
    obj = _OBJECT.match(clause)
    return obj is not None and not _DEAL_DOCUMENT.search(obj.group("object"))
