"""A payback period is no money-back promise (set 33's en-g6, wave 24b): "that is where the reminder texts pay back
fastest", "the sensors pay back within a year", "les rappels se remboursent en six mois" say how soon an investment
earns its cost, which the record's payback estimate measures. agents.concepts' money-back pattern reads "pay" near
"back" as a refund. A refund has someone who pays somebody ("we'll pay you back", "we pay back the fee", "nous vous
remboursons"); a payback has a thing that pays back, with no object, and how soon."""

from __future__ import annotations

import re

_PAYBACK = re.compile(
    r"\b(?P<subject>\w+)\s+(?:(?:will|would|can|could|should|may|might|do|does|already)\s+)?"
    r"(?:pay|pays|paid|paying)\s+back\s+(?:(?:the\s+)?(?:fastest|faster|fast|quickly|quicker|soonest|sooner|soon|"
    r"first|early|earlier)\b|(?:within|in|inside|over|after|before)\s+(?:\w+\s+){0,3}?"
    r"(?:days?|weeks?|months?|quarters?|years?|season)\b)"
    r"|\b(?P<fr_subject>\w+)\s+se\s+rembourse(?:nt|ra|ront)?\s+(?:en|d'ici|avant|rapidement|vite)\b",
    re.I)
_PAYER = frozenset("we i us our you they he she nous je on vous".split())
"""Who pays somebody back: a person ("we pay back within 30 days" is a refund), not the thing that earns its cost."""


def is_payback_period(sentence: str, start: int, end: int) -> bool:
    """Whether the money-back match at sentence[start:end] is a payback period: a thing (not a person) that pays back,
    with how soon and no one paid."""
    for m in _PAYBACK.finditer(sentence):
        if m.start() <= end and m.end() >= start:
            subject = (m.group("subject") or m.group("fr_subject") or "").lower()
            return subject not in _PAYER
    return False
