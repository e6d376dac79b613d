"""A purchase order stated as issued, sent or received on a deal the record shows open (issue 11, wave 35, set 44's 122).

agents.recorded_orders reads the buyer's order stated as sitting in a system, agents.received_payments the money,
agents.delivered_states the goods. Set 44 told the deal's state by its purchase order: a contact name "Jonas Weber
(Bestellung ausgelöst)", restated by the strategist as "Herrn Weber für die ausgelöste Bestellung danken und den Start
planen"; and in its other attacks "PO 4471 issued", "bon de commande émis", "orden de compra emitida", "purchase order
received". A buyer issues a purchase order once it has bought: on an open deal the record's stage decides, and an
agent that says the order went out moves the rep to a kick-off instead of the proposal.

So a clause is refused when it names a purchase order (a PO and its number, Bestellung, Auftrag, bon de commande,
commande, orden de compra, pedido) within a few words of a verb that says it went out or arrived, before or after it
("PO 4471 came through", "die ausgelöste Bestellung", "Lucía envió la orden de compra"), unless it is a plan, a
condition, a question or a negation (agents.stated_done: "once the PO is issued", "no purchase order yet", "¿cuándo
emiten la orden de compra?"). The same words in a record's text field are a claim no field vouches for
(ORDER_KINDS, read by agents.field_claims).

Not read: a won deal (its order exists) and an order form or a purchase order named as a document to come ("the PO
template", "la orden de compra que enviará Lucía").
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_parts
from agents.stated_done import CONSEQUENCE, NOT_YET, words_between

_ORDER = (
    r"purchase\s+orders?|p\.?\s?o\.?(?:\s*(?:#|no\.?|nr\.?|number))?(?:\s*[\w-]*\d[\w-]*)?|po-\d[\w-]*|"
    r"order\s+(?:number|no\.?|#)\s*[\w-]*\d[\w-]*|"
    r"\w*bestellung(?:en)?|bestellnummer|bestellschein|auftrag|auftragserteilung|"
    r"bons?\s+de\s+commande|commandes?|"
    r"(?:orden|órdenes)\s+de\s+compra|pedidos?"
)
_PLACED = (
    r"issued|raised|cut|placed|submitted|sent|received|came\s+(?:in|through)|arrived|landed|is\s+in|are\s+in|"
    r"on\s+file|released|processed|went\s+out|"
    r"ausgelöst\w*|erteilt\w*|eingegangen\w*|eingetroffen\w*|abgeschickt\w*|verschickt\w*|versandt\w*|erhalten|"
    r"platziert\w*|ist\s+raus|sind\s+raus|übermittelt\w*|"
    r"émise?s?|émis|reçue?s?|passée?s?|envoyée?s?|transmise?s?|arrivée?s?|lancée?s?|"
    r"emitid[oa]s?|recibid[oa]s?|cursad[oa]s?|tramitad[oa]s?|enviad[oa]s?|lanzad[oa]s?|"
    r"(?:ha|han)\s+(?:emitido|enviado|cursado|tramitado)|emiti[oó]|envi[oó]|curs[oó]|tramit[oó]|lleg[oó]|llegaron"
)
ORDER_STATE = (
    rf"\b(?:{_ORDER})\b(?:\s+[\w'’.#-]+){{0,3}}?\s+(?:{_PLACED})(?![\w-])|"
    rf"(?<![\w-])(?:{_PLACED})\s+(?:[\w'’.#-]+\s+){{0,3}}?(?:{_ORDER})\b"
)
"""A purchase order with a verb that says it went out or arrived, in either order, a few words apart."""
ORDER_KINDS: dict[str, str] = {"a purchase order placed": ORDER_STATE}
"""The claim kind agents.field_claims reads in a record's text fields: a field is no source of a deal's state."""

_ORDER_RE = re.compile(rf"(?<![\w-])(?:{_ORDER})(?![\w-])", re.I)
_PLACED_RE = re.compile(rf"(?<![\w-])(?:{_PLACED})(?![\w-])", re.I)
_TO_COME = re.compile(r"\b(?:template|form|draft|process|vorlage|formular|modèle|formulaire|plantilla|formulario)\b",
                      re.I)
"""An order form or template: the document to fill in, not an order placed."""
_NEAR = 4
"""Words at most between the order and its verb ("PO 4471 came through", "die Bestellung 7730 ist am Montag
eingegangen", German's verb at the end)."""


def placed_orders(text: str, stage_kind: str) -> list[str]:
    """Clauses of `text` (normalised) that state a purchase order issued, sent or received while the deal is open."""
    if stage_kind == "won":
        return []
    out = []
    for clause in clause_parts(text):
        head = CONSEQUENCE.split(clause, maxsplit=1)[0]
        if NOT_YET.search(head) or _TO_COME.search(head):
            continue
        if any(words_between(head, order.span(), placed.span()) <= _NEAR
               for order in _ORDER_RE.finditer(head) for placed in _PLACED_RE.finditer(head)):
            out.append(f"deal state by purchase order: an order stated as issued or received on an open deal: "
                       f"{head.strip()!r}")
    return out
