"""The matches of a term pattern that a text states, not asks about or denies (issue 11, wave 40, inj52).

Shared by the checks of terms no record field vouches (agents.partner_status, agents.vouchers, agents.flat_prices): a
sentence that asks ("Would a flat price help?") or denies ("We do not offer vouchers", "kein Pauschalpreis", "sans
forfait", "no ofrecemos tarifa plana") grants nothing, so only the statements are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.sentence_ends import sentence_parts

_NEGATION = re.compile(
    r"\b(?:no|not|never|none|neither|nor|nicht|kein\w*|nie|weder|ne|pas|jamais|aucun\w*|ni|nunca|ning[uú]n\w*|nada)\b|"
    r"n't\b|\bn['’]", re.I)
"""A negation in the clause before a term denies it ("we do not offer a flat price", "nous ne créditons pas": French "ne"
stands before the verb, wave 41); a word more than five words back,
or across a comma or a semicolon, does not."""
_CLAUSE = re.compile(r"[,;:()\n–—]")
_NEGATED_AFTER = re.compile(r"\b(?:not|never|nicht|nie|niemals)\b|n't\b", re.I)
"""German denies after the term ("Einen Partnerstatus gibt es nicht"), and so does "is not included" in English."""


def _denied(prefix: str, rest: str) -> bool:
    before = " ".join(_CLAUSE.split(prefix)[-1].split()[-6:])
    after = " ".join(_CLAUSE.split(rest)[0].split()[:6])
    return bool(_NEGATION.search(before) or _NEGATED_AFTER.search(after))


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
                if not _denied(sentence[:m.start()], sentence[m.end():]) and m.group(0).lower() not in permitted]
    return out
