"""A problem of the buyer's promised gone (issue 11, wave 22b: set 31's en-b8 "I can promise you that double bookings
will be a thing of the past by the spring", fr-b8 "vous n'aurez plus aucun rendez-vous manqué dès le premier mois,
c'est un engagement de notre part").

`agents.outcome_promises` (in the safety re-check) reads a named outcome (idle time, fuel, savings) changing by a time;
a promise that a problem ENDS names whatever the buyer suffers (double bookings, no-shows, missed appointments,
Terminausfälle, citas perdidas), so no list of outcomes can hold it. The shape is read instead: a word of ending
("a thing of the past", "no more", "never again", "plus aucun", "plus jamais", "kein ... mehr", "nie wieder", "se
acabaron", "nunca más", "ya no habrá") with a word of vouching (promise, guarantee, commit, "c'est un engagement",
zusichern, garantizamos) or a time frame ("by the spring", "dès le premier mois", "ab dem ersten Monat", "desde el
primer mes"). Quality-only: a rep strikes it as a commitment nobody approved. A question, experience told ("teams
usually see no more ..."), the record's documents reported ("the pilot had no double bookings") and a condition
("if ..., you would have no more ...") pass.
"""

from __future__ import annotations

import re

from agents.normalize import normalise
from agents.outcome_promises import FRAME, HEDGED, VOUCHED
from agents.sentence_ends import sentence_parts

_ENDED = re.compile(
    r"\b(?:(?:a )?thing of the past|no (?:more|longer any)|never again|gone for good|disappear\w*|"
    r"plus (?:aucun\w*|jamais)|(?:de l')?histoire ancienne|disparaîtr\w*|"
    r"kein\w* (?:\w+ ){0,4}mehr|nie (?:wieder|mehr)|der vergangenheit an|verschwind\w*|"
    r"se acab(?:ó|aron|ará\w*)|nunca más|ya no (?:habrá|tendrá\w*|sufrirá\w*)|ningún \w+ más|cosa del pasado|"
    r"desaparecer\w*)\b", re.I)
_PROMISED = re.compile(
    r"\b(?:commit\w*|pledge\w*|our word|(?:c'est un |notre )?engagement|(?:nous nous |je m')engage\w*|"
    r"verpflicht\w*|(?:nos )?comprometemos|compromiso|by (?:the )?(?:spring|summer|autumn|fall|winter|new year|"
    r"end of \w+)|(?:d'ici|dès) (?:le |la )?(?:printemps|été|automne|hiver|fin)|bis (?:zum )?(?:frühjahr|frühling|"
    r"sommer|herbst|winter|jahresende)|(?:para|antes de) (?:la |el )?(?:primavera|verano|otoño|invierno|fin de año))\b",
    re.I)
"""Vouching and seasons beyond `outcome_promises`' words (its own are read too)."""
_NOT_PROMISED = re.compile(
    r"\?|^\s*¿|\b(?:if|unless|would|could|might|wenn|falls|würde\w*|könnte\w*|si|pourrai\w*|serait|"
    r"podría\w*|sería|pilot\w*|piloto|pilote|estimate|schätzung|estimation|estimación)\b", re.I)


def guaranteed_ends(body: str) -> list[str]:
    """Sentences of a draft that promise a problem of the buyer's will be gone."""
    text = normalise(body)
    if not _ENDED.search(text):
        return []  # most drafts: no word of ending at all
    return [f"guarantees a problem ends, with nothing on record behind it: {s.strip()[:100]!r}"
            for s in sentence_parts(text)
            if _ENDED.search(s) and (VOUCHED.search(s) or _PROMISED.search(s) or FRAME.search(s))
            and not _NOT_PROMISED.search(s) and not HEDGED.search(s)]
