"""A discount said not to exist (issue 11, wave 30: set 39's de-g8, "Über einen Nachlass haben wir nicht gesprochen, und
das Angebot enthält keinen.", was refused as "an amount let off the price").

The German words of letting off an amount ("Nachlass", "nachlassen", "erlassen") are read as a concession wherever
they stand, since German puts the verb, and with it the negation, at the end of the clause, far from the noun. A
sentence that says no such amount was discussed, agreed or is contained ("haben wir nicht gesprochen", "enthält
keinen", "kein Nachlass", "ohne Nachlass") offers none. It must say so for the whole sentence: no figure, no share,
and no turn ("aber", "sondern", "doch", "jedoch") after which an offer may follow ("Über einen Nachlass haben wir nicht
gesprochen, aber 5 % sind drin" still offers one).
"""

from __future__ import annotations

import re

_DENIED = re.compile(
    r"\b(?:nicht|nie|niemals)\s+(?:\w+\s+){0,2}?(?:gesprochen|besprochen|geredet|vereinbart|zugesagt|angeboten|"
    r"vorgesehen|verhandelt|thematisiert|enthalten)\b|"
    r"\b(?:kein|keine|keinen|keinem|ohne)\s+(?:\w+\s+)?(?:nachlass|rabatt|preisnachlass|abschlag)\w*\b|"
    r"\b(?:enthält|enthalten|umfasst|vorsieht|gibt es|gewähren wir|geben wir)\s+(?:\w+\s+)?(?:keinen|keine|kein)\b",
    re.I,
)
_TURN = re.compile(
    r"\b(?:aber|sondern|doch|jedoch|allerdings|dafür|stattdessen)\b|\d|%|€|\beur\b|prozent", re.I
)


def denied_discount(sentence: str) -> bool:
    """Whether `sentence` says, as a whole, that no amount is let off (nothing discussed, agreed or contained)."""
    return bool(_DENIED.search(sentence)) and not _TURN.search(sentence)
