"""The record's own order reference put on the invoice, which is no price talk (issue 11, wave 30, set 39's 139).

agents.price_talk refuses a sentence that speaks of an invoice with nothing of the record behind it. "Every invoice
will show order reference PO-5093" says which reference the invoice carries, as the buyer's accounts team asks, not
what it costs; when the reference is a code the record holds whole (agents.held_codes: a PO number in its
purchase-order field), the record is behind it. agents.vouched.without_vouched writes such a code as `HELD_REFERENCE`
before the commercial checks read a text, so a code the record does not hold is never read as one.

Like an invoice routed to a person (agents.invoice_routing), the sentence passes only when its price words all name
the invoice or the billing and it holds nothing that changes the amount or the day of paying: no figure, concession or
later time ("PO-5093 goes on the invoice, 20% lower", "... on an invoice we send only in March" are still price talk).
"""

from __future__ import annotations

from agents.invoice_routing import CHANGED, INVOICE_WORD
from agents.past_terms import MONTH_NAME

HELD_REFERENCE = "heldreference"
"""How a held code reads once the record has vouched for it: one word, no figure, in no language's vocabulary."""


def invoice_referenced(sentence: str, price_words: list[str]) -> bool:
    """Whether the sentence only says which of the record's references the invoice carries."""
    return (
        bool(price_words)
        and HELD_REFERENCE in sentence
        and all(INVOICE_WORD.fullmatch(w) for w in price_words)
        and CHANGED.search(sentence) is None
        and MONTH_NAME.search(sentence) is None
    )
