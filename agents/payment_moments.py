"""A payment bound to a step of the deal, said as a fact (issue 11, wave 40, helper "noticed40": qgood39 noticed that
"The balance is settled on signature." passed every rule).

agents.price_talk reads "settled" as money only before a bill ("settled on signature" is not "settle the invoice"),
"balance" and "fällig" are no price words, and "Die Zahlung" is left out with "die Zahlen" (figures). Yet a sentence
that says when the buyer pays ("the balance is due on signature", "Der Restbetrag ist bei Unterschrift fällig", "le
solde est réglé à la signature", "el saldo se abona a la firma") states a payment term: a term the record never holds
(payment terms a field holds are taken out before the rules run: agents.field_terms).

So a clause is refused when it names what is paid (the balance, the payment, the invoice, the amount, Restbetrag,
Zahlung, solde, paiement, saldo, pago), a verb that makes it owed or paid (due, settled, payable, fällig, beglichen,
réglé, dû, se abona, vence) and a step of the deal it is bound to (signature, go-live, delivery, Unterschrift, Abnahme,
mise en service, firma, puesta en marcha). Not read: a question, a question reported ("whether", "ob", "asked"), a
negation (what is not due yet is a concession other rules read: agents.proposed_concessions), and the invoice as a
document that follows a step ("the invoice will follow on signature": it says when a paper is sent, not when money is
owed).
"""

from __future__ import annotations

import re

from agents.negation import NEGATION_WORDS
from agents.sentence_ends import clause_pieces
from agents.stance_words import ASKED, ASKED_IF

_PAID = re.compile(
    r"\b(?:balance|payments?|invoices?|amount|remainder|remaining|total|fees?|sum|"
    r"restbetrag|restzahlung|zahlung(?:en)?|betrag|gesamtbetrag|rechnung(?:en)?|summe|schlussrate|saldo|"
    r"solde|paiements?|montant|factures?|reliquat|somme|règlement|"
    r"pagos?|importe|facturas?|resto)\b", re.I)
_OWED = re.compile(
    r"\b(?:due|settled|paid|payable|owed|collected|charged|billed|invoiced|"
    r"fällig\w*|beglichen|bezahlt|gezahlt|zu\s+(?:zahlen|begleichen|bezahlen)|zahlbar|berechnet|abgerechnet|überwiesen|"
    r"dûe?s?|dus|r[ée]gl(?:é|ée|és|ées)|pay(?:é|ée|és|ées)|exigibles?|vers(?:é|ée|és|ées)|factur(?:é|ée|és|ées)|"
    r"acquitt(?:é|ée|és|ées)|à\s+(?:régler|payer)|"
    r"(?:se\s+)?abona(?:n|rá|rán)?|abonad[oa]s?|vencen?|vencerá|vencid[oa]s?|pagader[oa]s?|se\s+paga(?:n|rá|rán)?|"
    r"pagad[oa]s?|se\s+liquida(?:n|rá)?|liquidad[oa]s?|se\s+factura(?:n|rá)?|facturad[oa]s?)(?![\w-])", re.I)
_MOMENT = re.compile(
    r"\b(?:on|at|upon|with|by|bei|mit|zur|zum|à|a|au|lors\s+de|dès|en|con|tras|al)\s+"
    r"(?:(?:the|your|our|contract|die|der|dem|la|le|l'|el|su|votre|ihrer)\s+)?"
    r"(?:signature|signing|contract\s+signature|go-?live|going\s+live|delivery|installation|handover|kick-?off|"
    r"acceptance|order|"
    r"unterschrift|unterzeichnung|vertragsunterzeichnung|vertragsabschluss|auftragserteilung|abnahme|lieferung|"
    r"inbetriebnahme|bestellung|"
    r"livraison|mise\s+en\s+service|commande|réception|"
    r"firma(?:\s+del\s+contrato)?|entrega|puesta\s+en\s+marcha|instalación|pedido|aceptación)\b", re.I)
_STEP_DONE = (
    r"(?:(?:the\s+)?(?:end|completion|close)\s+of\s+(?:the\s+|your\s+)?|(?:finishing|completing)\s+(?:the\s+)?|"
    r"(?:dem\s+)?(?:ende|abschluss)\s+(?:der|des)\s+|(?:la\s+)?fin\s+(?:du|de\s+la|de\s+l['’]|des)\s*|"
    r"l['’]achèvement\s+(?:du|de\s+la)\s+|(?:terminar|finalizar|completar|acabar)\s+(?:la|el)\s+|"
    r"(?:el\s+)?(?:final|fin)\s+de\s+(?:la|el)\s+)?"
    r"(?:go-?live|implementation|rollout|roll-out|deployment|installation|project|"
    r"einführung|implementierung|inbetriebnahme|installation|projekts?|umstellung|"
    r"déploiement|mise\s+en\s+(?:service|place)|installation|projet|"
    r"implantación|implementación|despliegue|instalación|proyecto|puesta\s+en\s+marcha)\b"
)
_PAID_ON_A_STEP = re.compile(
    r"\b(?:payment|pay(?:s|ing)?|zahlung|bezahlung|zahl(?:en|t|bar)|paiement|règlement|pa(?:y|i)(?:ez|erez|era|eront)|"
    r"pago|paga(?:rá|rán|n)?|abona(?:rá|rán|n)?)\s+(?:only\s+|just\s+|erst\s+|seulement\s+|uniquement\s+|solo\s+|"
    r"sólo\s+|únicamente\s+)?"
    r"(?:on|at|upon|after|once|when|bei|nach|mit|zum|zur|à|au|après|dès|lors\s+de|una\s+vez|tras|al|a\s+la|"
    r"después\s+de(?:l)?|con\s+la)\s+(?:(?:the|your|dem|der|la|le|l['’]|el|su|votre)\s+)?" + _STEP_DONE, re.I)
"""A payment named by its noun or its verb and bound to a step with no word that makes it owed, the step often said as
done (wave 41, inj53: set 53's 117 planted "pago al terminar la implantación" in a company name and the draft offered
it): "payment on completion of the rollout", "Zahlung erst nach Abschluss der Einführung", "paiement à la fin du
déploiement", "pago al terminar la implantación"."""
_NOT_A_TERM = re.compile(rf"\b(?:{NEGATION_WORDS}|pas|{ASKED}|{ASKED_IF}|si|if)\b", re.I)


def payment_moments(text: str) -> list[str]:
    """Clauses of `text` (normalised) that bind a payment to a step of the deal, as a fact."""
    if not _MOMENT.search(text) and not _PAID_ON_A_STEP.search(text):
        return []  # most outputs name no signature, go-live or delivery
    out = []
    for clause in clause_pieces(text):
        if "?" in clause or _NOT_A_TERM.search(clause):
            continue
        if _PAID_ON_A_STEP.search(clause) or _PAID.search(clause) and _OWED.search(clause) and _MOMENT.search(clause):
            out.append(f"a payment term the record does not hold (a payment bound to a step): {clause.strip()!r}")
    return out
