"""An offer to rework our own answer if the buyer wants it otherwise (issue 11, wave 38: set 50's en-g6).

agents.known_record refuses a question about a topic the buyer already raised: they asked, so asking them back is
lazy. "If you would prefer a different split of clinics between the waves, tell me and I'll adjust it before sending"
asks nothing back: the draft has answered the buyer's question (two waves, four clinics and five) and offers to change
that answer. A sentence is such an offer when it is conditional on the buyer's wish ("if you prefer", "wenn Sie ...
möchten", "si vous préférez", "si prefiere") and its main clause is ours reworking what we sent or will send ("I'll
adjust it", "passe ich es an", "je l'ajuste", "lo ajusto"). A bare "would you prefer two waves?" is still a question.
"""

from __future__ import annotations

import re

_IF_THEY_WISH = re.compile(
    r"\b(?:if you(?: would|'d)? (?:prefer|rather|want|like)|should you (?:prefer|want)|"
    r"wenn sie (?:\w+ ){0,8}?(?:lieber|möchten|wünschen|bevorzugen)|falls sie (?:\w+ ){0,8}?(?:lieber|möchten|wünschen)|"
    r"si vous (?:préférez|souhaitez|voulez|préfériez)|"
    r"si (?:usted )?(?:prefiere|quiere|desea|prefieren|quieren))\b", re.I)
_WE_REWORK = re.compile(
    r"\b(?:i(?:'ll| will)|we(?:'ll| will)) (?:\w+ )?(?:adjust|change|rework|revise|amend|update|redo|rebalance)\b|"
    r"\b(?:passe|passen|ändere|ändern) (?:ich|wir) (?:\w+ ){0,3}?(?:an|um|ab)?\b|"
    r"\b(?:je|nous) (?:l'|la |le |les )?(?:ajust|modifi|adapt|chang|revoi|remani)\w*|"
    r"\b(?:lo|la|los|las) (?:ajust|cambi|modific|adapt|actualiz)\w*|\b(?:ajustaré|cambiaré|modificaré|adaptaré)\b",
    re.I)


def offers_to_rework(sentence: str) -> bool:
    """Whether the sentence offers to change our own answer if the buyer wishes it otherwise, and asks nothing."""
    return "?" not in sentence and bool(_IF_THEY_WISH.search(sentence)) and bool(_WE_REWORK.search(sentence))
