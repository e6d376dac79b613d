"""A formal greeting by the contact's title, with no name (issue 11, wave 35: set 44's fr-g1 "Madame la Directrice," to
Claire Dubois, Directrice des opérations; fr-g5 "Monsieur le Directeur financier," to Paul Lefèvre, Directeur financier).

French business letters greet a director by the title ("Madame la Directrice,"), as German ones may ("Sehr geehrter
Herr Geschäftsführer,") and Spanish ones ("Estimada señora directora:"). The greeting addresses the contact as surely as
"Madame," alone does, when the title is the one the record gives them: the greeting's title word opens the contact's
title ("Directrice" of "Directrice des opérations"). Another title ("Madame la Présidente," to a Directrice) names
someone else and is not read as theirs; the honorific's gender is checked as for any greeting.
"""

from __future__ import annotations

import re

from agents.normalize import fold_accents

_TITLED = re.compile(
    r"^\W*(?:dear\s+|sehr\s+geehrte[rs]?\s+|ch[eè]re?\s+|estimad[oa]\s+|distinguid[oa]\s+)?"
    r"(?:madame|monsieur|frau|herr|senora|senor|sra\.?|sr\.?|madam|mr\.?|ms\.?)\s+(?:la\s+|le\s+|l'|el\s+)?"
    r"([^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*[,:\n]", re.I)
"""An honorific, an article, and up to three words of a title, then the greeting's end."""


def greets_by_title(greeting_head: str, title: str | None) -> bool:
    """Whether the greeting's title words are the start of the contact's recorded title."""
    if not title:
        return False
    m = _TITLED.match(fold_accents(greeting_head).lower())
    if not m:
        return False
    said = m.group(1).split()
    recorded = fold_accents(title).lower().replace("-", " ").split()
    return len(said[0]) >= 5 and recorded[: len(said)] == said[: len(recorded)] and said[0] == recorded[0]
