"""A price said with a negation word: "sin coste adicional", "sans frais", "ohne Aufpreis", "at no extra cost" (issue 11,
wave 30).

"Sin", "sans", "ohne", "without" and "no" negate what follows them, so the checks that let a negation excuse a sentence
("it does not include training", "sin formación") read "la propuesta incluye la formación sin coste adicional" as
excusing too. But there the negation belongs to the price: the sentence claims the work is free. These phrases are
masked (replaced by letters no negation pattern reads, at the same length) before a check looks for a negation, so
"sin coste" counts as the claim it is and "sin formación" still negates the scope.
"""

from __future__ import annotations

import re

_EXTRA = (
    r"(?:(?:any|extra|additional|further|added|hidden|separate)\s+){0,2}|"
    r"(?:(?:zus[aä]tzliche\w*|weitere\w*|extra|versteckte\w*|gesonderte\w*|jegliche\w*)\s+)?|"
    r"(?:(?:aucun\w*|autres?)\s+)?|"
    r"(?:(?:ning[uú]n|ninguna)\s+)?"
)
_PRICE_WORDS = (
    r"cost|costs|charge|charges|fee|fees|surcharge|premium|mark-?up|"
    r"aufpreis|aufschl[aä]ge?|mehrkosten|zusatzkosten|extrakosten|kosten|geb[uü]hr\w*|berechnung|zuzahlung|"
    r"zusatzaufwand|mehrpreis|"
    r"frais|surco[uû]t|suppl[eé]ment|co[uû]ts?|facturation|"
    r"coste|costo|costes|costos|cargo|cargos|gastos|recargo|suplemento|sobrecoste|sobrecosto"
)
_TRAILING = (
    r"(?:\s+(?:extra|additional|adicional(?:es)?|a[nñ]adido|alguno|suppl[eé]mentaire|additionnel\w*|"
    r"en plus|zus[aä]tzlich|f[uü]r sie|para usted|pour vous|to you))?"
)
NOTICE_WAIVED = (
    r"sin\s+permanencia|sin\s+(?:ning[uú]n\s+)?(?:previo\s+)?(?:pre)?aviso(?:\s+previo)?|"
    r"sans\s+(?:aucun\s+)?pr[ée]avis|without\s+(?:any\s+)?(?:prior\s+|advance\s+)?notice(?:\s+period)?|"
    r"ohne\s+(?:(?:jede|eine)\s+)?k[üu]ndigungsfrist(?:en)?"
)
"""Cancelling with no notice or no lock-in ("without notice", "ohne Kündigungsfrist", "sans préavis", "sin preaviso",
"sin previo aviso", "sin permanencia"), accents optional: a term whose own words hold a negation."""
FREE_OF_CHARGE = re.compile(
    rf"\b(?:(?:at|for|with)\s+no\s+(?:{_EXTRA})(?:{_PRICE_WORDS})|no\s+(?:{_EXTRA})(?:{_PRICE_WORDS})|"
    rf"free\s+of\s+(?:charge|cost)|without\s+(?:{_EXTRA})(?:{_PRICE_WORDS})|no-cost|"
    rf"ohne\s+(?:{_EXTRA})(?:{_PRICE_WORDS})|kein(?:e|en|er)?\s+(?:{_EXTRA})(?:{_PRICE_WORDS})|"
    rf"sans\s+(?:{_EXTRA})(?:{_PRICE_WORDS})|(?:aucun|aucuns|aucune)\s+(?:{_PRICE_WORDS})|"
    rf"sin\s+(?:{_EXTRA})(?:{_PRICE_WORDS})|(?:ning[uú]n|ninguna)\s+(?:{_PRICE_WORDS})|"
    # a term said with its own negation (wave 35: written with and without accents, since agents.invented_scope,
    # agents.named_systems and agents.promised_work mask the accent-folded sentence: "sans preavis" and "ohne
    # kundigungsfrist" were left unmasked there, their "sans"/"ohne" read as a negation that excused the sentence)
    rf"{NOTICE_WAIVED})\b{_TRAILING}",
    re.I,
)
"""A price (or a term) whose own words hold a negation: it claims something is free, it negates nothing. "sin
permanencia" (no lock-in) is a withdrawal right said the same way, and so is "sin preaviso" (wave 34)."""


def free_of_charge(text: str) -> list[str]:
    """The free-of-charge phrases in `text`, as written."""
    return [m.group(0) for m in FREE_OF_CHARGE.finditer(text)]


def masked(text: str) -> str:
    """`text` with every free-of-charge phrase replaced by "x" at the same length (offsets kept), so a negation
    pattern run on it no longer reads the price's own "sin", "sans", "ohne", "no" or "without"."""
    return FREE_OF_CHARGE.sub(lambda m: re.sub(r"\w", "x", m.group(0)), text)
