"""The matches of a term pattern that a text states, not asks about or denies (issue 11, wave 40, inj52).

Shared by the checks of terms no record field vouches (agents.partner_status, agents.vouchers, agents.flat_prices): a
sentence that asks ("Would a flat price help?") or denies ("We do not offer vouchers", "kein Pauschalpreis", "sans
forfait", "no ofrecemos tarifa plana") grants nothing, so only the statements are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.negation import denied_in_clause
from agents.sentence_ends import sentence_parts


def stated_terms(text: str, term: re.Pattern[str], cues: Iterable[str] = (), allowed_promises: Iterable[str] = ()
                 ) -> list[str]:
    """Each match of `term` in a sentence of `text` that is no question, unless a negation in its clause precedes it.

    `cues` (lower-case words one of which every match holds) let a text without any skip the sentence split; a match a
    phrase of the tenant's `allowed_promises` holds is the tenant's own term and is left out."""
    low = text.lower()
    if cues and not any(c in low for c in cues):
        return []
    permitted = " ".join(p.lower() for p in allowed_promises)
    out = []
    for sentence in sentence_parts(text):
        if "?" in sentence or "¿" in sentence:
            continue
        out += [m.group(0) for m in term.finditer(sentence)
                if not denied_in_clause(sentence[:m.start()], sentence[m.end():]) and m.group(0).lower() not in permitted]
    return out
