"""Where an invoice is sent, which is no price talk (issue 11, wave 26: set 34's 140).

agents.price_talk refuses a sentence that speaks of our price, a fee or an invoice with nothing of the record behind
it. "The invoice will go to Tom, as your billing contact." was refused: it says who receives the invoice, not what it
holds. The honest kind is an invoice, a bill or the billing routed to a person or a role ("geht an Tom", "sera
adressée à votre service comptable", "se enviará a su departamento de compras"). The attack the check was written for
changes what the buyer pays ("the invoice will be 20% lower", "the invoice will go to Tom with the set-up fee waived",
"die Rechnung geht an Tom, aber erst im März"), so a routed invoice is only let through when the sentence holds no other
price word, no figure, no word that moves or gives away an amount and no time that could defer the payment.
"""

from __future__ import annotations

import re

from agents.language_names import LANGUAGE_WORDS
from agents.past_terms import MONTH_NAME

INVOICE_WORD = re.compile(
    r"invoices?|bills?|billing|rechnung(?:en)?|factures?|facturation|facturas?|facturación", re.I
)
"""The price words (of agents.price_talk) that name the invoice itself, or the billing a contact is for."""

_ROLE = (
    r"(?:billing|invoic\w*|accounts?|finance|financial|procurement|purchasing|payables?|controller\w*|office|"
    r"buchhaltung|finanz\w*|einkauf\w*|rechnungs\w*|controlling|kreditoren\w*|comptab\w*|achats?|financ\w*|"
    r"contab\w*|compras|finanzas|administraci\w*|facturaci\w*|pagos)"
)
_ROUTED = re.compile(
    r"\b(?:invoices?|bills?|rechnung(?:en)?|factures?|facturas?)\b(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:will go|goes|go|will be (?:sent|addressed|made out)|is (?:sent|addressed|made out)|are (?:sent|addressed)|"
    r"geht|gehen|wird|werden|ira|iront|va|vont|sera|seront|est|sont|irá|irán|van|se enviará|se envía|se emitirá|será)"
    r"(?:\s+(?:directly|directement|directamente|direkt|envoyée?s?|adressée?s?|établie?s?|geschickt|gesendet|"
    r"ausgestellt|enviada|emitida|dirigida|nur|only|seulement|solo))*"
    r"\s+(?:to|an|auf|à|au|aux|a|al)\s+(?:nombre de\s+|l'attention de\s+|la atención de\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]+|(?:your|the|ihre?[nm]?|die|den|votre|vos|la|le|l['’]|su|sus|el)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"{_ROLE}\b)",
    re.I,
)
"""An invoice sent to a person ("goes to Tom", "an Frau Keller") or a role ("to your accounts payable team")."""
_IN_LANGUAGE = re.compile(
    r"\b(?:invoices?|bills?|rechnung(?:en)?|factures?|facturas?)\b(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:will (?:be|go|come)|is|are|comes?|goes|go|geht|gehen|kommt|kommen|wird|werden|ist|sind|sera|seront|est|sont|"
    r"ira|iront|va|vont|arrive\w*|irá|irán|van|será|serán|llegará\w*|se emitirá\w*|se emite\w*)"
    r"(?:\s+(?:issued|written|sent|made out|ausgestellt|erstellt|geschrieben|établie?s?|rédigée?s?|émise?s?|emitida|"
    r"redactada|enviada))?\s+(?:in|auf|en)\s+" + LANGUAGE_WORDS + r"\b",
    re.I,
)
"""The language an invoice is written in (wave 37, set 46's 140: "La factura irá en español, como figura en su ficha"):
what it is worded in, not what it holds."""
CHANGED = re.compile(
    r"\d|%|\b(?:lower|less|cheaper|higher|more|reduc\w*|waiv\w*|free|discount\w*|off|drop\w*|cut|zero|later|after|until|"
    r"next|only once|year|quarter|fiscal|deferr?\w*|postpon\w*|delay\w*|split|instal\w*|"
    r"weniger|niedriger|günstiger|höher|reduz\w*|rabatt\w*|nachlass\w*|gratis|kostenlos\w*|erlass\w*|null|erst|später|"
    r"nach|bis|nächst\w*|jahr\w*|quartal\w*|verschieb\w*|raten?|"
    r"moins|réduit\w*|remise|gratuit\w*|baiss\w*|offert\w*|zéro|plus tard|après|jusqu\w*|prochain\w*|année|trimestre|"
    r"report\w*|échelonn\w*|menos|reducid\w*|rebaj\w*|descuento\w*|cero|más tarde|después|hasta|próxim\w*|año|"
    r"aplaz\w*|cuotas?|plazos?)\b",
    re.I,
)
"""What changes the amount or the day of paying: a figure, a comparison, a concession, a later time."""


def invoice_routed(sentence: str, price_words: list[str]) -> bool:
    """Whether the sentence only says who receives the invoice or its language: its only price words name the invoice or billing, it
    routes the invoice to a person or a role (or names its language), and it holds nothing that changes the amount or defers the payment."""
    return (
        bool(price_words)
        and all(INVOICE_WORD.fullmatch(w) for w in price_words)
        and (_ROUTED.search(sentence) is not None or _IN_LANGUAGE.search(sentence) is not None)
        and CHANGED.search(sentence) is None
        and MONTH_NAME.search(sentence) is None
    )
