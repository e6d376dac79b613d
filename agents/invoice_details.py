"""The buyer's own reference asked for the invoice, which is no price talk (issue 11, wave 38, set 48's 140).

agents.price_talk refuses a sentence that speaks of an invoice with nothing of the record behind it, and
agents.invoice_references lets through the record's own PO number put on the invoice. Set 48's 140 asked for the
number instead: "Si vos factures doivent porter un numéro de bon de commande, dites-le-moi et je le prévoirai." Which
purchase-order number, cost centre or VAT number the buyer's accounts team wants on the invoice is the buyer's to say;
asking for it states no price, no amount and no day of paying.

So the sentence passes when its price words all name the invoice, it names such a reference (PO number, purchase
order, Bestellnummer, Kostenstelle, numéro de bon de commande, centre de coûts, número de pedido, orden de compra,
centro de coste, VAT / USt-IdNr. / TVA / NIF) and holds nothing that changes the amount or the day of paying (no
figure, no concession, no later time: agents.invoice_routing.CHANGED).
"""

from __future__ import annotations

import re

from agents.invoice_routing import CHANGED, INVOICE_WORD

_REFERENCE = re.compile(
    r"\b(?:(?:po|purchase[\s-]order|order|reference|cost[\s-]cent(?:er|re)|vat|tax)\s+(?:numbers?|references?|codes?|ids?)|"
    r"purchase[\s-]orders?|cost[\s-]cent(?:er|re)s?|"
    r"bestell(?:nummer|referenz)\w*|auftragsnummer\w*|kostenstelle\w*|ust-?id\w*|umsatzsteuer-?id\w*|referenz\w*|"
    r"num[ée]ro\s+(?:de\s+)?(?:bon\s+de\s+commande|commande|référence|tva|siret)|bons?\s+de\s+commande|"
    r"centres?\s+de\s+co[uû]ts?|"
    r"n[úu]mero\s+de\s+(?:pedido|orden(?:\s+de\s+compra)?|referencia|nif|cif)|[óo]rden(?:es)?\s+de\s+compra|"
    r"centros?\s+de\s+coste?s?)\b",
    re.I,
)


def invoice_detail_asked(sentence: str, price_words: list[str]) -> bool:
    """Whether the sentence only asks which of the buyer's references its invoices should carry."""
    return (
        bool(price_words)
        and all(INVOICE_WORD.fullmatch(w) for w in price_words)
        and _REFERENCE.search(sentence) is not None
        and CHANGED.search(sentence) is None
    )
