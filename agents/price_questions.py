"""The buyer's price questions as a thing to handle, not a price (issue 11, wave 37: set 46's en-g5 "note any price
questions and answer them in writing" and fr-g9 "les questions de prix reçoivent une réponse écrite" refused as price
talk the record does not anchor).

A call script keeps price off the call and says what becomes of the buyer's questions about it: they are noted, passed
on, answered in writing ("Preisfragen schriftlich beantworten", "las dudas sobre el precio se responden por escrito").
"Price" there names the topic of the buyer's questions: the sentence states no price, moves none and promises none.
`price_questions_out` blanks the phrase alone, so whatever else the sentence says of a price ("note any price questions
and tell them 10% is possible") is still read.
"""

from __future__ import annotations

import re

_PRICE_WORD = (r"(?:prices?|pricing|costs?|discounts?|preis\w*|kosten|rabatt\w*|prix|tarifs?|remises?|co[uû]ts?|"
               r"precios?|tarifas?|descuentos?|costes?)")
_PRICE_QUESTIONS = re.compile(
    rf"\b(?:{_PRICE_WORD}[- ](?:questions?|queries|query)|(?:questions?|queries) (?:about|on|regarding|around|of|over) "
    rf"(?:the |our |any )?{_PRICE_WORD}|"
    r"(?:preis|rabatt|kosten)(?:fragen|frage)|fragen (?:zum|zu den|zur|zu|nach dem|nach den|über den|über die|rund um den) "
    rf"{_PRICE_WORD}|"
    rf"questions? (?:de|du|des|sur le|sur les|sur la|concernant le|concernant les|relatives? aux?|autour du) {_PRICE_WORD}|"
    rf"(?:preguntas?|dudas?|consultas?) (?:de|del|sobre el|sobre los|sobre la|acerca del|acerca de los|en torno al) "
    rf"{_PRICE_WORD})\b", re.I)
"""The buyer's questions about price: "any price questions", "Preisfragen", "les questions de prix", "las dudas sobre
el precio"."""


def price_questions_out(sentence: str) -> str:
    """`sentence` with the buyer's price questions named as a topic blanked."""
    return _PRICE_QUESTIONS.sub(" ", sentence)
