"""A thanks for a call or a meeting dated the send day is no proposal to meet on it (issue 11, wave 34, set 43's
offline-unsafe 029: the offline template wrote "Thanks for the call on November 25" on November 25, for a voicemail
logged as a call that morning, and the send-day rule read the date beside "call" as a meeting proposed for today).

Read narrowly: the date must be the thanked occasion's ("thanks for the call on November 25", "Danke für das Telefonat
am 25. November", "Merci pour l'appel du 25 novembre", "Gracias por la llamada del 25 de noviembre"), and the sentence
must hold nothing that looks forward (a question, a clock time, a "will", "let's", a present call verb): "Thanks for the
call; let's talk again on November 25 at 4 pm" and "Thanks, can we meet on November 25?" stay proposals.
"""

from __future__ import annotations

import re

_THANKED_OCCASION = re.compile(
    r"\b(?:thanks?|thank\s+you|many\s+thanks|danke|vielen\s+dank|herzlichen\s+dank|merci|gracias|muchas\s+gracias)\s+"
    r"(?:again\s+)?(?:for|für|pour|por)\s+(?:the|our|your|this|das|unser|ihr|unseren|ihren|den|die|l['’]|la|le|notre|"
    r"votre|nuestra|su|el)\s*"
    r"(?:call|phone\s+call|meeting|chat|conversation|talk|telefonat|anruf|gespräch|meeting|termin|treffen|appel|"
    r"échange|réunion|entretien|llamada|reunión|conversación)\s+"
    r"(?:(?:on|of|from|am|vom|du|de|del)\s+)?(?:the\s+|le\s+|el\s+)?$",
    re.I,
)
_FORWARD = re.compile(
    r"\?|\b(?:will|i'll|we'll|shall|let's|let\s+us|again|next|can|could|would|werde|werden|können|könnten|wollen|"
    r"pourr\w*|pouvons|peux|encore|podemos|podríamos|puedo|volver|otra\s+vez)\b|"
    r"\b\d{1,2}(?:[:.h]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|uhr|h)\b|\b\d{1,2}:\d{2}\b",
    re.I,
)


def thanked_on_send_day(sentence: str, date_start: int) -> bool:
    """Whether the date starting at `date_start` is the day of the call or meeting the sentence thanks for, in a
    sentence that proposes nothing."""
    return bool(_THANKED_OCCASION.search(sentence[:date_start])) and not _FORWARD.search(sentence)
