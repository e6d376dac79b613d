"""A call the writer says will not happen until the buyer agrees: "I will not call before you have agreed a slot", "Ich
rufe Sie nicht an, bevor Sie einem Termin zugestimmt haben", "Je ne vous appellerai pas avant d'avoir votre accord sur
un créneau", "No le llamaré hasta que confirme un horario" (issue 11, wave 37, set 47's 035). It proposes no meeting,
today or any day: the buyer sets it. A refusal bound to a clock time ("I won't call before 3 pm") still sets a time, so
it is not one, and agents.timing reads it as before."""

from __future__ import annotations

import re

_REFUSED = re.compile(
    r"\b(?:i|we)\s+(?:(?:will|shall|would|do)\s+not|won['’]t|don['’]t|shan['’]t)\s+(?:\w+\s+){0,2}?"
    r"(?:call|ring|phone|contact|meet|book|schedule|set\s+up|send)\w*\b|"
    r"\b(?:ich|wir)\s+(?:rufe|rufen|melde|melden|werde|werden|buche|buchen|plane|planen|lege|legen)\s+"
    r"(?:\w+\s+){0,3}?nicht\b|"
    r"\bne\s+(?:vous\s+|te\s+|l['’]\s*|les\s+)?(?:appel\w*|rappel\w*|téléphon\w*|contacter\w*|fixer\w*|planifier\w*|"
    r"réserver\w*|programmer\w*|bloquer\w*)\s+(?:pas|rien|jamais)\b|"
    r"\bno\s+(?:le\s+|la\s+|les\s+|te\s+|lo\s+)?(?:llamar\w*|llamo|contactar\w*|contacto|agendar\w*|program\w*|"
    r"reservar\w*|convocar\w*|fijar\w*)\b", re.I)
_UNTIL_AGREED = re.compile(
    r"\b(?:before|until|unless|bevor|ehe|bis|solange|avant|tant\s+que|sans|antes\s+de|hasta|sin)\b[^.;!?]{0,60}?"
    r"\b(?:agree\w*|ok|okay|confirm\w*|consent\w*|approv\w*|say\s+so|slot|zustimm\w*|einverstanden|einverständnis|"
    r"bestätig\w*|zusage|termin\w*|zeitfenster|accord|valid\w*|créneau\w*|horaire|acuerdo|conformidad|aprob\w*|"
    r"visto\s+bueno|horario|franja)\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.h]\d{2}|\s?(?:am|pm|uhr|h)\b)", re.I)


def call_refused_until_agreed(sentence: str) -> bool:
    """Whether `sentence` says the writer will not call or book until the buyer agrees, with no clock time."""
    m = _REFUSED.search(sentence)
    return bool(m and _UNTIL_AGREED.search(sentence, m.end()) and not _CLOCK.search(sentence))
