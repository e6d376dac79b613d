"""When the invoice is sent: on signing a process fact, after a later step a payment term (issue 11, wave 41,
offers41: wave 40's noticed "La factura se envía tras la firma" refused as price talk).

An invoice sent when the contract is signed ("The invoice is sent after signing", "Die Rechnung kommt nach der
Unterschrift", "La facture est envoyée après la signature", "La factura se envía tras la firma") states no payment
term: it names no amount, no due date, no delay; a signed contract is what makes an invoice possible at all, so the
sentence only tells the buyer the order of the paperwork, as "the invoice follows on signature" (agents.price_talk's
anchor since wave 14) and "la facture suivra à la signature" (agents.payment_moments, wave 40) already do. It was
refused as price talk in three languages (the anchor held "follows", not "is sent", "kommt" or "se envía"), and in
French also as a signed contract existing ("est envoyée" read as a past tense), and "La factura sigue a la firma" as
the deal won (the Spanish "a" read as the French "has").

An invoice put off to a step after the signature ("The invoice is sent after go-live", "Die Rechnung kommt erst nach
der Abnahme", "La facture suivra la mise en service", "La factura se envía tras la puesta en marcha") is deferred
billing: the buyer owes nothing until the step, a concession held-out attacks plant ("billing deferred until go-live",
"aucune facture avant la mise en service", "Rechnung erst nach der Abnahme fällig"). A record never holds it (a
payment-term field holds days, agents.field_terms), so such a clause is refused as a payment term in every language.
Not read: a question, a question reported, a negation ("no invoice is sent before go-live" is refused by the
concession rules as it was; this reads only the invoice said to go out), an invoice told as past ("the invoice went out
after delivery" reports an invoice, as agents.signing_words reads it).
"""

from __future__ import annotations

import re

from agents.negation import NEGATION_WORDS
from agents.stance_words import ASKED, ASKED_IF

_INVOICE = r"(?:invoice|rechnung|facture|factura)"
_SENT = (
    r"(?:is|gets|will\s+be|would\s+be)\s+(?:only\s+|then\s+|just\s+)?(?:sent|issued|raised|emailed|mailed|sent\s+out)|goes\s+out|will\s+go\s+out|"
    r"follows|will\s+follow|comes|will\s+come|arrives|will\s+arrive|"
    r"kommt|folgt|geht\s+(?:\w+\s+){0,3}?(?:raus|hinaus)|raus|hinaus|wird\s+(?:\w+\s+){0,2}?(?:verschickt|versandt|versendet|gesendet|"
    r"gestellt|ausgestellt|zugestellt)|verschickt|versandt|versendet|zugestellt|ausgestellt|"
    r"(?:est|sera)\s+(?:\w+\s+)?(?:envoyée|émise|adressée|transmise)|part|partira|suit|suivra|arrive|arrivera|"
    r"vous\s+(?:parvient|parviendra)|"
    r"se\s+(?:envía|enviará|emite|emitirá|remite|remitirá|manda|mandará)|sigue|seguirá|llega|llegará|sale|saldrá"
)
_SIGNING = (
    r"(?:after|on|upon|at|with|following)\s+(?:the\s+|your\s+)?(?:contract\s+)?(?:signing|signature|signature\s+of\s+the\s+"
    r"contract)|(?:once|when|as\s+soon\s+as)\s+(?:you\s+(?:have\s+)?sign(?:ed)?|(?:the\s+contract\s+|it\s+)?is\s+signed)|"
    r"(?:nach|bei|mit)\s+(?:der\s+|ihrer\s+)?(?:vertrags)?(?:unterschrift|unterzeichnung)|"
    r"sobald\s+(?:sie\s+|der\s+vertrag\s+)?(?:\w+\s+)?unterschrieben|"
    r"(?:après|à|dès|lors\s+de)\s+(?:la\s+|votre\s+)?signature|une\s+fois\s+(?:le\s+contrat\s+)?signé|"
    r"(?:tras|a|después\s+de|con)\s+(?:la\s+|su\s+)?firma|al\s+firmar|una\s+vez\s+firmad[oa]"
)
_LATER_STEP = (
    r"go-?live|going\s+live|launch|delivery|acceptance|installation|rollout|roll-out|handover|kick-?off|onboarding|"
    r"lieferung|abnahme|inbetriebnahme|einführung|installation|übergabe|"
    r"livraison|réception|mise\s+en\s+(?:service|production|route)|déploiement|installation|"
    r"entrega|recepción|puesta\s+en\s+(?:marcha|producción)|implantación|despliegue|instalación"
)
_STEP_AT = (r"(?:after|post|upon|on|at|with|following|until|once|nach|bei|mit|zur|zum|bis|après|à|au|dès|lors\s+de|"
            r"jusqu['’]à|tras|después\s+de|a|al|con|hasta)\s+(?:the\s+|your\s+|der\s+|dem\s+|ihrer\s+|la\s+|le\s+|l['’]|"
            rf"votre\s+|el\s+|su\s+)?(?:{_LATER_STEP})\b"
            # the delivery's papers are no step: "the invoice is sent with the delivery note"
            r"(?!\s*(?:note|slip|address|schein|adresse|bon|albarán|nota))")


_WE_SEND = (r"(?:we|i)\s+(?:\w+\s+)?(?:send|issue|raise|e-?mail)|(?:wir|ich)\s+(?:\w+\s+)?(?:schicken|senden|stellen|"
            r"verschicken|versenden|schicke|sende|stelle)|(?:nous|je)\s+(?:n['’])?(?:\w+\s+)?(?:envoyons|enverrons|émettons|"
            r"émettrons|envoie|enverrai)|envoyons|enverrons|enviamos|enviaremos|emitimos|emitiremos|mandamos|le\s+enviamos")
"""The invoice sent by us: "we only send the invoice after acceptance", "Wir stellen die Rechnung nach der Abnahme"."""
_WE_INVOICE = (r"(?:we|i)\s+(?:\w+\s+)?(?:invoice|bill)|(?:wir|ich)\s+(?:\w+\s+)?(?:fakturieren|berechnen|rechnen\s+\w+\s+ab)|"
               r"(?:nous|je)\s+(?:\w+\s+)?(?:facturons|facturerons|facture)|facturamos|facturaremos")
"""Invoicing said by its verb: "we invoice after go-live", "nous facturons après la mise en service"."""


def _said_of(moment: str) -> re.Pattern[str]:
    # the invoice, its sending and the moment in one clause, in the orders our languages put them: "the invoice is sent
    # after go-live", "after go-live, the invoice is sent", "nach der Abnahme wird Ihnen die Rechnung zugestellt", "die
    # Rechnung wird nach der Abnahme verschickt", "we only send the invoice after acceptance", "we invoice on go-live"
    invoice, sent, we_send = rf"\b{_INVOICE}\b", rf"\b(?:{_SENT})\b", rf"\b(?:{_WE_SEND})\b"
    return re.compile(rf"{invoice}[^.!?;,]*?{sent}[^.!?;,]*?\b{moment}|\b{moment}[^.!?;]*?{invoice}[^.!?;,]*?{sent}|"
                      rf"\b{moment}[^.!?;]*?{sent}[^.!?;,]*?{invoice}|{invoice}[^.!?;,]*?\b{moment}[^.!?;,]*?{sent}|"
                      rf"{we_send}[^.!?;,]*?{invoice}[^.!?;,]*?\b{moment}|\b(?:{_WE_INVOICE})\b[^.!?;,]*?\b{moment}", re.I)


_LATER = _said_of(_STEP_AT)
_ON_SIGNING = _said_of(rf"(?:{_SIGNING})\b")
_SPLIT = re.compile(r"\d|%|\b(?:milestones?|instal+ments?|parts?\s+of|partial|balance|deposit|hitos?|cuotas?|plazos?|"
                    r"parte|anticipo|saldo|raten?|teil\w*|anzahlung|restbetrag|tranches?|acompte|solde|partie)\b", re.I)
"""Figures or parts in the sentence ("Facturaremos por hitos: 30 % a la firma y 70 % en junio", inj45's 096): a
payment plan, not the paperwork's order; the sentence is judged as written."""
_NOT_A_STATEMENT = re.compile(rf"\b(?:{NEGATION_WORDS}|pas|{ASKED}|{ASKED_IF})\b|\?|¿", re.I)
_PAST = re.compile(r"\b(?:was|were|went|came|has\s+been|had\s+been|already|wurde|ging|kam|bereits|schon|"
                   r"a\s+été|était|déjà|fue|se\s+envió|llegó|salió|ya)\b", re.I)
_CLAUSE = re.compile(r"[^.!?;\n]+[.!?;]?")


def invoice_on_signing(sentence: str) -> bool:
    """Whether `sentence` says only that the invoice goes out when the contract is signed, as a plan: no later step,
    figure, part, negation, question or past tense in it."""
    return bool(_ON_SIGNING.search(sentence)) and not (
        _LATER.search(sentence) or _NOT_A_STATEMENT.search(sentence) or _PAST.search(sentence)
        or _SPLIT.search(sentence))


def deferred_invoices(text: str) -> list[str]:
    """Clauses of `text` (normalised) that put the invoice off to a step after the signature, as a plan."""
    return [f"a payment term the record does not hold (the invoice put off to a later step): {clause.strip()!r}"
            for clause in _CLAUSE.findall(text)
            if _LATER.search(clause) and not _NOT_A_STATEMENT.search(clause) and not _PAST.search(clause)]
