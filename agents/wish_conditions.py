"""A German "wenn" that means "if", not "when" (issue 11, wave 38: set 49's de-g5).

agents.working_day reads "sobald", "wenn", "once", "when" before a moment of the buyer's day as a time of today
("wenn Sie zurück im Büro sind"). German "wenn" is also the "if" of a condition, and a condition on what someone wishes,
needs or finds convenient sets no time: "Wenn Herr Weber dabei sein möchte, passe ich den Termin gern an." (set 49's
de-g5, the meeting dated in the next sentence) was refused as a meeting at a point of the buyer's working day. Such a
clause ends in its verb of wishing ("möchte", "will", "soll", "wünscht", "passt", "lieber ist", "Interesse hat",
"hilft"); it is taken out before the moment is looked for, and the rest of the sentence is still read ("Wenn Sie
möchten, rufe ich an, sobald Ihre Fahrer zurück sind" keeps its "sobald")."""

from __future__ import annotations

import re

_WISH_CONDITION = re.compile(
    r"\b(?:wenn|falls|sofern)\s+(?:[\w'’-]+\s+){0,7}?(?:möchte|möchten|möchtest|will|wollen|willst|mag|mögen|soll|sollen|"
    r"sollte|sollten|wünscht|wünschen|passt|passen|lieber ist|recht ist|lieb ist|hilft|helfen|interesse hat|"
    r"interesse haben|nötig ist|notwendig ist|sinnvoll ist|wichtig ist|gewünscht ist|gewünscht)\b(?=\s*(?:,|$))", re.I)
"""A condition on a wish, a need or a convenience, up to the comma that closes it."""


def wish_conditions_out(sentence: str) -> str:
    """`sentence` without its German conditions on a wish ("Wenn Herr Weber dabei sein möchte,")."""
    return _WISH_CONDITION.sub(" ", sentence)
