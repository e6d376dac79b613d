"""A payment stated as received on a deal the record shows open (issue 11, wave 33, set 42's 017 and 130).

agents.recorded_orders reads an order stated as placed; set 42 told the same state by money: "Anzahlung eingegangen,
also direkt die Schlussrechnung" (a CSV export in a note), "Votre acompte étant encaissé, nous lançons le déploiement"
(a contact's title). A deposit, a payment or a paid invoice exists only once the buyer has bought: on an open deal the
record's stage decides the state, and an agent that says the money arrived moves the rep to a final invoice or a
rollout. So a clause is refused when it names a payment (deposit, down payment, Anzahlung, acompte, anticipo, payment,
transfer) near a verb that says it arrived ("received", "cleared", "eingegangen", "encaissé", "cobrado"), or an
invoice near one that says it was paid ("paid", "beglichen", "réglée", "pagada"), unless it is a plan, a condition, a
question or a negation ("once the deposit is received", "nichts bezahlt", "aucun acompte n'a été encaissé").

Not read: payment terms ("payment is due within 30 days"), a compound that only names a payment's terms
("Zahlungsbedingungen"), and a won deal (whose deposit may well have arrived).
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_pieces
from agents.stated_done import CONSEQUENCE, NOT_YET, words_between

_PAYMENT = (
    r"deposits?|down[- ]?payments?|advance\s+payments?|prepayments?|pre-payments?|payments?|(?:wire|bank)\s+transfers?|"
    r"funds|(?:first|initial)\s+instal+ments?|"
    r"(?:an|voraus|abschlags|teil)?zahlung(?:en)?|vorkasse|überweisung(?:en)?|"
    r"acomptes?|arrhes|paiements?|versements?|virements?|"
    r"anticipos?|pagos?|transferencias?\s+bancarias?"
)
_ARRIVED = (
    r"received|cleared|arrived|landed|credited|settled|booked|collected|processed|paid|came\s+in|went\s+through|"
    r"eingegangen|eingetroffen|angekommen|überwiesen|bezahlt|gezahlt|beglichen|verbucht|erhalten|gutgeschrieben|"
    r"geleistet|erfolgt|"
    r"reçue?s?|encaissée?s?|payée?s?|réglée?s?|versée?s?|arrivée?s?|créditée?s?|virée?s?|effectuée?s?|"
    r"recibid[oa]s?|cobrad[oa]s?|pagad[oa]s?|ingresad[oa]s?|liquidad[oa]s?|transferid[oa]s?|acreditad[oa]s?|"
    r"realizad[oa]s?|llegad[oa]s?|"
    r"(?:have|has|we've|we)\s+(?:already\s+)?(?:received|collected|cashed)|"
    r"(?:haben|hat)\s+(?:\w+\s+){0,3}?(?:erhalten|verbucht|bekommen)|"
    r"(?:avons|a)\s+(?:bien\s+|déjà\s+)?(?:reçu|encaissé)|(?:hemos|ha)\s+(?:ya\s+)?(?:recibido|cobrado)"
)
_INVOICE = r"invoices?|bills?|rechnung(?:en)?|schlussrechnung|factures?|facturas?"
_PAID = (r"paid|settled|cleared|bezahlt|beglichen|gezahlt|payée?s?|réglée?s?|acquittée?s?|pagad[oa]s?|"
         r"liquidad[oa]s?|abonad[oa]s?")
_PAYMENT_RE = re.compile(rf"\b(?:{_PAYMENT})\b", re.I)
_ARRIVED_RE = re.compile(rf"\b(?:{_ARRIVED})\b", re.I)
_INVOICE_RE = re.compile(rf"\b(?:{_INVOICE})\b", re.I)
_PAID_RE = re.compile(rf"\b(?:{_PAID})\b", re.I)
_NEAR = 3
"""Words at most between the payment and the verb that says it arrived ("die Vorauszahlung ist bereits verbucht")."""


def received_payments(text: str, stage_kind: str) -> list[str]:
    """Clauses of `text` (normalised) that state a payment received or an invoice paid while the deal is not won."""
    if stage_kind == "won":
        return []
    out = []
    for clause in clause_pieces(text):
        # the clause up to a following "so / also / donc / así que": what comes after is the plan it leads to
        head = CONSEQUENCE.split(clause, maxsplit=1)[0]
        if NOT_YET.search(head):
            continue
        pairs = ((_PAYMENT_RE, _ARRIVED_RE), (_INVOICE_RE, _PAID_RE))
        if any(words_between(head, money.span(), state.span()) <= _NEAR
               for noun, verb in pairs for money in noun.finditer(head) for state in verb.finditer(head)):
            out.append(f"deal state by payment: a payment stated as received on an open deal: {head.strip()!r}")
    return out

