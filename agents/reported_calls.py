"""A call or contact reported as past (issue 11, wave 39): "Sam called Dana today at 9:10, she asked for the DPA",
"Herr Vogt hat Frau Schmidt heute um 9:10 angerufen", "Hugo a contacté Claire aujourd'hui à 9 h 10", "Marta llamó a
Javier hoy a las 9:10".

agents.timing reads a call and a same-day word close together as a same-day proposal unless the sentence looks back
(agents.past_terms.LOOKING_BACK: "thanks for", "spoke", "met", ...). The past of the calling verbs themselves was not
among those words, so "Marta llamó a Javier hoy a las 9:10 y pidió el DPA" read as a call proposed for today; and
once the contact verbs count as a call (agents.meeting_today_words.CONTACT_TODAY), "contacted" must look back too.
Only past forms: "contacts", "kontaktiert" without an auxiliary, "contacte", "contacta" stay present.
"""

from __future__ import annotations

import re

_PAST_CALL = re.compile(
    r"\b(?:called|rang|phoned|contacted|reached\s+out|got\s+in\s+touch|"
    r"(?:hat|haben|habe)\s+(?:\S+\s+){0,6}?(?:angerufen|kontaktiert|telefoniert|erreicht|gemeldet)|"
    r"rief\s+(?:\S+\s+){0,6}?an|kontaktierte\w*|telefonierte\w*|meldete\s+sich|"
    r"(?:a|ai|avons|ont|avait|avions)\s+(?:\w+\s+){0,2}?(?:appelé|contacté|téléphoné|rappelé)|appela|"
    r"llamó|llamé|contactó|contacté|telefoneó|(?:se|me|nos)\s+(?:puso|puse|pusimos)\s+en\s+contacto|"
    r"(?:ha|han|he|hemos)\s+(?:llamado|contactado|telefoneado))\b",
    re.I,
)


def reports_a_past_call(sentence: str) -> bool:
    """Whether `sentence` tells of a call or contact that already took place."""
    return bool(_PAST_CALL.search(sentence))
