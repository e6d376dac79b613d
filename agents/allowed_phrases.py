"""A phrase the tenant's settings allow, figures and all (issue 11, wave 37: set 46's look-alike 013, "our standard terms
of 30 days net stay as they are", refused as "number '30' is not in the inputs").

A tenant's standard terms live in two places: a payment-term field of the record (agents.field_terms vouches its days,
wave 30) and the tenant's `allowed_promises` setting ("30 days net", "30 Tage netto", "paiement à 30 jours"). The
commercial checks already let an allowed phrase through; the facts check still read its figure as one no input gives.
Written as the setting writes it (case and spacing aside), the phrase is the tenant's own fact: it is blanked for the
facts check, with the same length so positions hold. The same figure in other words ("45 days net" when the setting
says 30, "30 days free") is read as before. Set 46's 013 itself holds no such setting and no such field: its "30" is
vouched by nothing the tenant holds, and it stays refused."""

from __future__ import annotations

import re
from collections.abc import Iterable

_FIGURE = re.compile(r"\d")


def allowed_phrases_out(text: str, allowed_promises: Iterable[str] = ()) -> str:
    """`text` with each allowed phrase that holds a figure blanked (same length) where it is written whole."""
    for phrase in sorted((p.strip() for p in allowed_promises if _FIGURE.search(p)), key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        pattern = re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])", re.I)
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text
