"""A deadline invented for the send day, with no word of deciding (issue 11, wave 30, set 39's 151 subject
"Proposition – dernier délai ce soir minuit").

agents.same_day_pressure refuses a same-day term for the buyer's decision: the clause must hold both the day ("ce
soir", "heute", "tonight") and a word of deciding ("confirmer", "unterschreiben", "sign"). A subject line has no room for
the verb: "dernier délai ce soir minuit", "last call tonight", "letzte Frist heute Mitternacht", "último plazo esta
noche", "offer ends at midnight" put the whole pressure in a deadline noun or an ending. No rule of the pipeline lets a
draft set a term that ends on the send day (agents.meeting_slots decides deadlines, two days ahead at least), and the
record never gives one the seller may echo: a buyer's own deadline is the buyer's to state. So a deadline noun or an
ending bound to the send day (today, tonight, midnight, end of day) in one clause is refused, in en/de/fr/es.
What passes: the seller's own step today ("I send the proposal today; deadline for questions is Friday"), a deadline
on another day ("last call for questions: Friday 27 November"), and "today" with no deadline ("we spoke today").
"""

from __future__ import annotations

import re

_SAME_DAY = (
    r"(?:today|tonight|midnight|this\s+(?:evening|afternoon)|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+"
    r"business|eod|cob|heute(?:\s+abend|\s+nacht)?|heut|mitternacht|(?:bis\s+)?feierabend|tagesende|"
    r"aujourd['’]hui|ce\s+soir|cette\s+nuit|minuit|cet\s+après-midi|fin\s+de\s+(?:la\s+)?journée|"
    r"hoy(?:\s+mismo)?|esta\s+noche|esta\s+tarde|medianoche|fin(?:al)?\s+del\s+día)"
)
_DEADLINE = (
    # a deadline noun, or an offer's expiry; a plain ending ("the call ends", "hasta hoy no ha respondido") is no term
    r"(?:deadline|dead-line|last\s+call|final\s+call|last\s+chance|final\s+chance|cut-?off|expir\w*|runs?\s+out|"
    r"valid\s+(?:only\s+)?(?:until|till)|only\s+until|last\s+day|"
    r"frist|stichtag|letzte[rsn]?\s+(?:chance|gelegenheit|termin|aufruf|tag)|(?:läuft|laufen)\s+(?:\w+\s+)?ab|"
    r"verfällt|verfallen|gilt\s+(?:nur\s+)?bis|nur\s+(?:noch\s+)?bis|annahmeschluss|"
    r"d[ée]lai|date\s+limite|derni[èe]re?\s+(?:chance|limite|heure|appel|jour)|échéance|expire\w*|"
    r"valable\s+(?:seulement\s+|uniquement\s+)?jusqu['’]\s*(?:à|a)?|"
    r"plazo|fecha\s+l[ií]mite|[uú]ltim[oa]\s+(?:d[ií]a|oportunidad|llamada|plazo|hora)|vence|caduca|expira|"
    r"s[oó]lo\s+hasta|v[aá]lid[oa]\s+(?:s[oó]lo\s+)?hasta)"
)
_ONLY = (
    # midnight as a limit: nobody meets at midnight, so "before / by midnight" is a term ("bis Mitternacht", "avant minuit")
    r"\b(?:before|by|until|till|bis|vor|avant|d['’]ici|jusqu['’]\s*à|antes\s+de(?:\s+la)?|hasta(?:\s+la)?)\s+"
    r"(?:(?:tonight|today)\s+at\s+)?(?:midnight|mitternacht|minuit|medianoche)\b|"
    # the send day as the only day: "today only", "nur heute", "ce soir seulement", "solo hoy"
    r"\b(?:today|tonight)\s+only\b|\bonly\s+(?:today|tonight|until\s+midnight)\b|\bnur\s+(?:noch\s+)?heute\b|"
    r"\bheute\s+nur\b|\b(?:ce\s+soir|aujourd['’]hui)\s+(?:seulement|uniquement)\b|"
    r"\b(?:seulement|uniquement)\s+(?:ce\s+soir|aujourd['’]hui)\b|\bs[oó]lo\s+(?:por\s+)?(?:hoy|esta\s+noche)\b|"
    r"\b(?:hoy|esta\s+noche)\s+s[oó]lo\b"
)
_BOUND = re.compile(
    rf"\b{_DEADLINE}\b[:,]?(?:\s+[\w'’:-]+){{0,2}}?\s+{_SAME_DAY}\b|\b{_SAME_DAY}\b(?:\s+[\w'’:-]+){{0,2}}?\s+{_DEADLINE}\b|"
    rf"{_ONLY}",
    re.I,
)
_OURS = re.compile(
    # our own step today: "I send the proposal today", "je vous l'envoie ce soir", "se la envío hoy"
    r"\b(?:i|we|ich|wir|je|nous|on)\b(?:\s+\w+){0,3}?\s+(?:send|share|call|write|deliver|forward|sende\w*|schick\w*|"
    r"ruf\w*|envoi\w*|envoie\w*|enverr\w*|appell\w*|écri\w*)\b|\b(?:le|la|se\s+la|se\s+lo|lo|les)\s+"
    r"(?:envío|enviaré|mando|mandaré|llamo|llamaré)\b",
    re.I,
)
_CLAUSE = re.compile(r"(?<=[.!?;])\s+|\n+|\s[–—-]\s(?=\w)|[,;]\s+")
_CUES = (
    "today",
    "tonight",
    "midnight",
    "this even",
    "this after",
    "end of",
    "close of",
    "eod",
    "cob",
    "heut",
    "mitternacht",
    "feierabend",
    "tagesende",
    "aujourd",
    "ce soir",
    "cette nuit",
    "minuit",
    "cet après",
    "journée",
    "hoy",
    "esta noche",
    "esta tarde",
    "medianoche",
    "del día",
)
"""Substrings (lower-cased) the send day needs: most texts name no part of today and skip the patterns."""


def same_day_deadlines(text: str) -> list[str]:
    """Clauses of `text` that bind a deadline or an ending to the send day ("dernier délai ce soir minuit")."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []
    out = []
    # a subject's dash is a clause break ("Proposition – dernier délai ce soir"), and so is a body's
    for clause in _CLAUSE.split(text):
        m = _BOUND.search(clause)
        if m and not _OURS.search(clause):
            out.append(f"sets a deadline that ends on the send day ({m.group(0).strip()!r})")
    return list(dict.fromkeys(out))
