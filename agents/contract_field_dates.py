"""A contract's date the record's own field holds, quoted: no claim that the contract exists (issue 11, wave 30).

A tenant keeps "Contract start = 01/03/2027" in a custom field (agents.field_dates made such values known dates in
wave 29). A draft that tells the buyer "Contract start is 1 March 2027" quotes the record; agents.deal_done_claims read
"contract" in a clause with no plan word and refused it as "claims a binding document exists" on an open deal. The
kind decides: a sentence that names a binding document, quotes the very date a contract field of the record holds,
and states nothing done with it (signed, received, in hand, unterschrieben, signé, firmado ...) speaks of the
contract's terms, not of a signed contract. Its document nouns are masked before the deal-state concept reads it.
"The contract was signed on 1 March" still states a signature, whatever the field says, and stays refused; so does a
date the field does not hold.
"""

from __future__ import annotations

import re
from datetime import date

from agents.context import Context
from agents.field_dates import dated_fields
from agents.written_dates import find_dates

_CONTRACT_FIELD = re.compile(
    r"contract|agreement|vertrag|vertrags|auftrag|bestellung|contrat|contrato|commande|pedido|order|\bpo\b",
    re.I,
)
"""A field of the contract's kind, by its name ("Contract_Start__c", "contract_end_date", "Vertragsbeginn")."""
_DOCUMENT = re.compile(
    r"\b(?:contracts?|agreements?|order\s+forms?|purchase\s+orders?|orders?|\w*vertr(?:a|ä)g\w*|\w*auftr(?:a|ä)g\w*|"
    r"bestellung\w*|contrats?|commandes?|bons?\s+de\s+commande|contratos?|pedidos?|[oó]rden(?:es)?\s+de\s+compra)\b",
    re.I,
)
_DONE = re.compile(
    r"\b(?:signed|countersigned|executed|received|approved|accepted|agreed|placed|issued|returned|closed|won|"
    r"in\s+hand|on\s+file|(?:we|i)\s+(?:have|hold|got)|(?:has|have)\s+(?:been\s+)?(?:sent|come)|"
    r"unterschrieb\w*|unterzeichne\w*|gegengezeichnet|erteilt|eingegangen|erhalten|abgeschlossen|gewonnen|vorliegen\w*|"
    r"liegt\s+(?:\S+\s+){0,5}?vor|since|seit|depuis|desde|haben\s+wir|wir\s+haben|"
    r"sign[ée]e?s?|contresign\w*|reçue?s?|approuv\w*|valid[ée]e?s?|accept[ée]e?s?|conclue?s?|gagn[ée]e?s?|"
    r"nous\s+avons|en\s+main|"
    r"firmad[oa]s?|firm(?:ó|aron|amos)|recibid[oa]s?|aprobad[oa]s?|aceptad[oa]s?|cerrad[oa]s?|ganad[oa]s?|tenemos|en\s+mano)\b",
    re.I,
)
"""A document stated done or held ("since" a date is held): the sentence claims it exists, whatever date it quotes."""


def quoted_contract_dates(text: str, ctx: Context) -> str:
    """`text` with the binding-document nouns masked ("x" at the same length) in each sentence that quotes the date a
    contract field of the record holds and states nothing done."""
    held = {d for name, d in dated_fields(ctx).items() if _CONTRACT_FIELD.search(name)}
    if not held or not _DOCUMENT.search(text):
        return text
    out: list[str] = []
    for sentence in re.split(r"((?<=[.!?])(?<!\d\.)\s+|\n+)", text):
        if _DOCUMENT.search(sentence) and not _DONE.search(sentence) and _quotes_held(sentence, held):
            sentence = _DOCUMENT.sub(lambda m: re.sub(r"\w", "x", m.group(0)), sentence)
        out.append(sentence)
    return "".join(out)


def _quotes_held(sentence: str, held: set[date]) -> bool:
    """Whether every date the sentence writes is one a contract field holds (a year left out matches any)."""
    written = [ymd for _, ymd in find_dates(sentence)]
    return bool(written) and all(
        any((y is None or y == d.year) and (m, day) == (d.month, d.day) for d in held)
        for y, m, day in written
    )
