"""Document codes the record holds whole, read as the record's own (issue 11, wave 30, set 39's 139).

A tenant keeps the buyer's purchase-order number in a custom property ("po_number": "PO-4471", "Bestellnummer":
"4500012345", "bon_de_commande": "BC-5120"). A draft that quotes it back for the invoice ("We will quote PO-4471 on the
invoice") states a fact of the record. agents.order_numbers takes a code out of the figure check only in a sentence
that carries no commercial term, so "PO-4471 goes on the invoice for the USD 48,000" read 4471 as an unsupported
number and as a price; and since a code out of the reading is no fact, a sentence the learned screen flagged had
nothing the record vouched for.

A code is held when a custom field's whole value is that code: capitals, a hyphen or a slash and digits ("PO-4471",
"NWL/Q/1126"), or, in a field whose name says it holds an order number or a reference, digits alone ("4500012345").
Not a code that states terms or money ("NET-90", "EUR-500", "SAVE-2000"), not a field with anything more
("PO-4471 (part 1: invoice on net", set 39's 092: a split carrier, not a code), not a field the input screen withheld.
A held code is the record's reference wherever a draft writes it whole: no figure of the draft, and a fact the record
vouches for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agents.normalize import fold_accents

if TYPE_CHECKING:
    from agents.context import Context

_CODE = re.compile(
    r"(?!(?:NET|EUR|USD|GBP|CHF|KW|CW|FY|SAVE|FREE|OFF|PROMO|DEAL|GRATIS|RABATT|SKONTO|TOTAL|PRICE|COST|FEE|AMOUNT|"
    r"SUM|PREIS|SUMME|BETRAG|PRIX|MONTANT|PRECIO|IMPORTE|TARIFA?)[-/])"
    r"[A-Z][A-Z0-9]{0,5}(?:[-/][A-Z0-9]+)*[-/]\d{3,10}(?:[-/]\d{1,6})*"
)
"""A document code: capitals, then a hyphen or a slash and digits ("PO-4471", "BC-5120", "NWL/Q/1126")."""

_ORDER_KEY = re.compile(
    r"\b(?:po|purchase\s+order|order\s+(?:number|no|ref|reference)|reference|ref|bestellnummer|bestellung|"
    r"auftragsnummer|referenz|bon\s+de\s+commande|commande|numero\s+de\s+commande|reference|pedido|"
    r"orden\s+de\s+compra|numero\s+de\s+pedido|referencia)\b"
)
"""A field name that says it holds an order number or a reference, its words folded ("PO_Number__c" -> "po number")."""


def _key_words(key: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", fold_accents(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key))))


def held_codes(ctx: Context) -> frozenset[str]:
    """The codes the record's custom fields hold whole."""
    out = set()
    for key, value in (ctx.record.extra or {}).items():
        if not isinstance(value, str) or ctx.safe(f"extra.{key}", value) is None:
            continue
        code = value.strip()
        if _CODE.fullmatch(code) or (
            code.isdigit() and 4 <= len(code) <= 12 and _ORDER_KEY.search(_key_words(key))
        ):
            out.add(code)
    return frozenset(out)


def _written(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/-]){re.escape(code)}(?![\w/-]|[.,]\d)", re.I)


def held_codes_out(text: str, codes: frozenset[str], replacement: str = " ") -> str:
    """`text` with each held code written whole replaced by `replacement`."""
    for code in sorted(codes, key=len, reverse=True):
        text = _written(code).sub(replacement, text)
    return text


def quotes_a_held_code(text: str, codes: frozenset[str]) -> bool:
    """Whether `text` writes one of the held codes whole."""
    return any(_written(code).search(text) for code in codes)
