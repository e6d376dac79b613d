"""A decision of the buyer's against an option, stated as made when the record shows none (issue 11, wave 28, set
37's en-b1: "Good to hear you have dropped the telematics add-on from your shortlist", where the note says only that
Dana thinks the add-on is cheaper).

agents.decisions reads a choice of us stated as made; this is its mirror: the buyer said to have dropped, ruled out or
set aside another option (a rival's add-on, an alternative, a phase). The buyer reads it as words put in their mouth,
and a rival still in the running is talked down. Read in en/de/fr/es with the buyer (you, Sie, vous, usted, a contact
or the company) as the one who dropped it, in the past or the perfect. It passes when a sentence of the record states
such a drop, and when the draft asks, conditions or denies it ("if you have ruled it out", "¿han descartado ...?",
"you have not dropped it"). Our own dropping ("we dropped the setup fee") is a concession, read elsewhere.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_DROP = (
    r"(?:dropped|ruled\s+out|abandoned|discarded|shelved|scrapped|crossed\s+off|struck\s+off|decided\s+against|"
    r"walked\s+away\s+from|"
    r"gestrichen|verworfen|aussortiert|fallen\s*gelassen|ausgeschlossen|abgehakt|"
    r"abandonne|ecarte|renonce\s+a|raye|laisse\s+tomber|exclu|"
    r"descartado|abandonado|renunciado\s+a|dejado\s+de\s+lado|tachado|excluido|desistido\s+de)"
)
_BUYER = r"(?:you|you've|your\s+team|sie|vous|usted|ustedes|han|ha)"
_STATED = re.compile(rf"\b{_BUYER}\b(?:\s+[\w'-]+){{0,6}}?\s+{_DROP}\b")
_DROP_ANY = re.compile(rf"\b{_DROP}\b")
_NOT_STATED = re.compile(
    r"\?|^\s*¿|\b(?:if|whether|once|unless|in\s+case|not|never|n't|yet|falls|wenn|ob|sobald|nicht|noch\s+nicht|"
    r"si|une\s+fois|pas|jamais|una\s+vez|en\s+caso|no|nunca|todavia|aun)\b"
)
"""A question, a condition or a denial: the drop is not stated as made."""


def invented_drops(body: str, ctx: Context) -> list[str]:
    """Sentences stating that the buyer dropped an option the record never has them drop."""
    found = []
    for sentence in sentence_parts(normalise(body)):
        folded = _fold(sentence)
        m = _STATED.search(folded)
        if m and not _NOT_STATED.search(folded):
            found.append(sentence.strip())
    if not found:
        return []
    for a in ctx.activities.values():
        if not a.get("withheld") and _DROP_ANY.search(_fold(normalise(a.get("text") or ""))):
            return []  # the record has someone drop something: the rep may be repeating it
    return [f"says the buyer dropped an option, which the record never states: {s[:80]!r}" for s in found]
