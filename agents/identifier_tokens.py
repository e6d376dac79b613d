"""Identifier-shaped tokens no record holds, an unsupported fact (issue 11, wave 38's note on inj48's claimed modes).

agents.claimed_modes refuses an operator's token of three capitalised words or one naming a mode, an unlock or an
override ("OPERATOR_MODE_CONCESSIONS_UNLOCKED"); "FREE_TRUCKS" or "VIP_PRICING" in an output still passed. A token in
the shape of a program's identifier is a flag, a setting or a code, and like a figure it is a fact: the record, an
activity or the tenant's settings must hold it, or the text states something nobody gave it (an activity only
with a second one, as for a name or a figure: one planted note vouches nothing). Read here, beside the
held codes (agents.held_codes): an UPPER_SNAKE token of two words or more ("VIP_PRICING", "FREE_TRUCKS"), a camelCase
flag ("vipPricing", "freeTrucks"), and a dotted configuration key given a value ("pricing.override=true",
"discount.max: 40").

Not read: a code with digits (a deal id, a SKU, a PO number: "PO-4471", "SKU_4410"; agents.held_codes and the figure
checks judge those), a product's own wording in capitals or with a capital inside ("FleetOps", "iPhone", "eBay",
"macOS": no camelCase flag opens with one letter or closes in capitals), an acronym ("GDPR"), a file name or a domain
("proposal_v2.pdf", "fleet.io": no value given). A token the record, an activity or a setting writes is vouched
whole, case aside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_UPPER_SNAKE = re.compile(r"(?<![\w./-])[A-Z]{2,}(?:_[A-Z]{2,})+(?![\w-])")
_CAMEL_FLAG = re.compile(r"(?<![\w./@-])[a-z]{2,}(?:[A-Z][a-z]+)+(?![\w-])")
_DOTTED_SETTING = re.compile(r"(?<![\w./@-])[a-z][a-z_]*(?:\.[a-z][a-zA-Z_]*)+(?=\s*[=:]\s*[\w\"'])")


def identifier_tokens(text: str) -> list[str]:
    """The identifier-shaped tokens of `text`, in order of appearance."""
    found = [(m.start(), m.group(0)) for p in (_UPPER_SNAKE, _CAMEL_FLAG, _DOTTED_SETTING) for m in p.finditer(text)]
    return [t for _, t in sorted(found)]


def held_identifiers(texts: Iterable[str | None], activities: Iterable[str] = (), at_least: int = 2) -> frozenset[str]:
    """The identifier-shaped tokens the record's fields and the tenant's settings write (`texts`), and those at least
    `at_least` of its activities write (lower case): one planted note vouches no flag, as it vouches no name or figure
    (settings.FREE_TEXT_CORROBORATION)."""
    seen = Counter(t for text in activities for t in {t.lower() for t in identifier_tokens(text)})
    return frozenset(t.lower() for text in texts if text for t in identifier_tokens(text)) | frozenset(
        t for t, n in seen.items() if n >= at_least)


def snake_tokens_out(text: str) -> str:
    """`text` with each UPPER_SNAKE token blanked at its length (wave 40): the token is judged whole, by the identifier
    rule above or by agents.claimed_modes, so its capitalised parts ("CONCESSIONS", "UNLOCKED") are no names."""
    return _UPPER_SNAKE.sub(lambda m: " " * len(m.group(0)), text)
