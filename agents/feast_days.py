"""Deadlines named by a feast day, a saint's day or a school holiday instead of a date (issue 11, set 31's 030:
"relancer Paul avant la Saint-Luc", 18 October, read on 24 November).

The date checks read dates written as dates; "before Michaelmas", "vor Martini", "avant la Toussaint", "antes de San
Martín" or "before half-term" name a day just as well, and when that day has already gone this year the plan is
due in the past (or, read as next year's, nearly a year off: wrong either way). A feast still to come ("before
Christmas", "vor Weihnachten") is a real deadline and passes. Feasts whose date moves (Easter, Pentecost) are not read.
"""

from __future__ import annotations

import re
from datetime import date

_FEASTS: dict[str, tuple[int, int]] = {
    # name (lower case, as written after the preposition) -> (month, day) the deadline falls on
    "epiphany": (1, 6), "dreikönig": (1, 6), "dreikönigstag": (1, 6), "heilige drei könige": (1, 6),
    "épiphanie": (1, 6), "l'épiphanie": (1, 6), "reyes": (1, 6), "los reyes": (1, 6),
    "candlemas": (2, 2), "lichtmess": (2, 2), "mariä lichtmess": (2, 2), "la chandeleur": (2, 2),
    "la candelaria": (2, 2), "candelaria": (2, 2),
    "valentine's day": (2, 14), "valentinstag": (2, 14), "la saint-valentin": (2, 14), "san valentín": (2, 14),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "san josé": (3, 19), "josefstag": (3, 19), "la saint-joseph": (3, 19),
    "walpurgisnacht": (4, 30), "walpurgis": (4, 30),
    "sant jordi": (4, 23), "st george's day": (4, 23), "st. george's day": (4, 23), "georgstag": (4, 23),
    "san isidro": (5, 15), "la saint-yves": (5, 19),
    "midsummer": (6, 24), "midsummer's day": (6, 24), "johanni": (6, 24), "johannistag": (6, 24),
    "la saint-jean": (6, 24), "san juan": (6, 24), "sankt johann": (6, 24),
    "san fermín": (7, 7), "siebenschläfer": (6, 27), "bastille day": (7, 14), "le 14-juillet": (7, 14),
    "jakobi": (7, 25), "la saint-jacques": (7, 25),
    "lammas": (8, 1), "mariä himmelfahrt": (8, 15), "l'assomption": (8, 15), "la asunción": (8, 15),
    "la saint-louis": (8, 25), "la rentrée": (9, 1),
    "michaelmas": (9, 29), "michaeli": (9, 29), "michaelis": (9, 29), "michaelistag": (9, 29),
    "la saint-michel": (9, 29), "san miguel": (9, 29),
    "el pilar": (10, 12), "la hispanidad": (10, 12), "el día de la hispanidad": (10, 12),
    "la saint-luc": (10, 18), "st luke's day": (10, 18), "st. luke's day": (10, 18), "san lucas": (10, 18),
    "lukastag": (10, 18), "halloween": (10, 31), "reformationstag": (10, 31),
    "all saints": (11, 1), "all saints' day": (11, 1), "allerheiligen": (11, 1), "la toussaint": (11, 1),
    "todos los santos": (11, 1), "el día de todos los santos": (11, 1), "allerseelen": (11, 2),
    "martini": (11, 11), "martinstag": (11, 11), "sankt martin": (11, 11), "st. martin": (11, 11),
    "la saint-martin": (11, 11), "san martín": (11, 11), "martinmas": (11, 11), "guy fawkes night": (11, 5),
    "bonfire night": (11, 5), "la sainte-catherine": (11, 25), "kathrein": (11, 25), "santa catalina": (11, 25),
    "nikolaus": (12, 6), "nikolaustag": (12, 6), "la saint-nicolas": (12, 6), "san nicolás": (12, 6),
    "la sainte-lucie": (12, 13), "santa lucía": (12, 13), "luciatag": (12, 13),
    "christmas": (12, 25), "weihnachten": (12, 24), "noël": (12, 25), "navidad": (12, 25),
    "new year's eve": (12, 31), "silvester": (12, 31), "la saint-sylvestre": (12, 31), "nochevieja": (12, 31),
    # harvest festivals (wave 23b, set 32's 026 "avant la Fête des vendanges"): the autumn feasts of wine and harvest,
    # dated by their usual weekend (Montmartre's second Saturday of October, Erntedank the first Sunday of October)
    "fête des vendanges": (10, 10), "la fête des vendanges": (10, 10), "fêtes des vendanges": (10, 10),
    "erntedank": (10, 4), "erntedankfest": (10, 4), "das erntedankfest": (10, 4), "harvest festival": (9, 27),
    "the harvest festival": (9, 27), "winzerfest": (9, 27), "fiesta de la vendimia": (9, 21),
    "la fiesta de la vendimia": (9, 21), "oktoberfest": (10, 4), "wiesn": (10, 4), "die wiesn": (10, 4),
    # school holidays by the day they begin (the latest start across regions: a deadline "before" them is earliest
    # then, so a term still running somewhere is not read as gone)
    "half-term": (10, 26), "half term": (10, 26), "the half-term": (10, 26), "the october half-term": (10, 26),
    "den herbstferien": (10, 26), "die herbstferien": (10, 26), "herbstferien": (10, 26),
    "den sommerferien": (8, 31), "die sommerferien": (8, 31), "sommerferien": (8, 31),
    "les vacances de la toussaint": (10, 24), "les vacances d'automne": (10, 24), "les grandes vacances": (8, 31),
    "les vacances d'été": (8, 31), "las vacaciones de verano": (8, 31), "el verano": (8, 31),
    "the summer holidays": (8, 31), "the summer break": (8, 31), "the summer recess": (8, 31),
    "el puente del pilar": (10, 10), "el puente de todos los santos": (10, 30),
    # wave 24b (set 33's 026, 027): local feasts and civic days of November, and the autumn clock change, dated by
    # its earliest day (the last Sunday of October falls on 25-31 October: "before the clocks go back" is gone by
    # 1 November whatever the year)
    "la almudena": (11, 9), "el puente de la almudena": (11, 9), "puente de la almudena": (11, 9),
    "la virgen de la almudena": (11, 9), "remembrance day": (11, 11), "remembrance sunday": (11, 8),
    "armistice day": (11, 11), "veterans day": (11, 11), "l'armistice": (11, 11), "le 11-novembre": (11, 11),
    "día de muertos": (11, 2), "el día de muertos": (11, 2), "tag der deutschen einheit": (10, 3),
    "buß- und bettag": (11, 18), "volkstrauertag": (11, 15),
    "clocks go back": (10, 25), "the clocks go back": (10, 25), "clocks change": (10, 25),
    "the clocks change": (10, 25), "the end of british summer time": (10, 25), "the end of summer time": (10, 25),
    "zeitumstellung": (10, 25), "der zeitumstellung": (10, 25), "ende der sommerzeit": (10, 25),
    "dem ende der sommerzeit": (10, 25), "changement d'heure": (10, 25), "le changement d'heure": (10, 25),
    "passage à l'heure d'hiver": (10, 25), "le passage à l'heure d'hiver": (10, 25), "l'heure d'hiver": (10, 25),
    "cambio de hora": (10, 25), "el cambio de hora": (10, 25), "cambio al horario de invierno": (10, 25),
    "el horario de invierno": (10, 25), "horario de invierno": (10, 25),
}
_SAINT = (r"(?:la\s+)?sainte?-[a-zéèêëïîôûç]+(?:-[a-zéèêëïîôûç]+)?|"
          r"(?:st\.?|saint)\s+[a-z]+'s(?:\s+day)?|(?:san|santa|sankt)\s+[a-záéíóúñ]+")
_NAMES = "|".join(sorted((re.escape(n) for n in _FEASTS), key=len, reverse=True))
_BEFORE = (r"(?:before|by|until|till|ahead of|no later than|vor|bis(?:\s+zu[mr]?)?|spätestens\s+(?:zu|an|vor)\w*|"
           r"avant|d['’]ici|jusqu['’]à|antes\s+de(?:l)?|hasta(?:\s+el)?|de\s+cara\s+a)")
_DEADLINE = re.compile(rf"\b{_BEFORE}\s+(?:the\s+|dem\s+|der\s+|den\s+|la\s+|le\s+|el\s+|las\s+|los\s+)?"
                       rf"((?<![\w-]){_NAMES}(?![\w-])|{_SAINT})", re.I)
_NEXT = re.compile(r"\b(?:next|nächste\w*|prochaine?s?|próxim[oa]s?|next year's)\s*$", re.I)


def feast_day(name: str, year: int) -> date | None:
    key = re.sub(r"\s+", " ", name.lower()).strip()
    for candidate in (key, re.sub(r"^(?:the|la|le|el|los|las|dem|der|den|die) ", "", key),
                      "la " + key, "la " + re.sub(r"^la ", "", key)):
        if candidate in _FEASTS:
            month, day = _FEASTS[candidate]
            return date(year, month, day)
    return None


_PAST_EVENT = re.compile(
    r"\b(?:has|had|have|was|were|received|got|sent|came|hat|haben|hatte|hatten|bekommen|erhalten|geschickt|wurde|war|"
    r"ont|avait|avaient|reçu|envoyé|été|eu|ha|han|había|habían|recibió|recibido|enviado|envió|fue|llegó)\b", re.I)
"""A clause that reports something done ("die Herr Weber noch vor Allerheiligen bekommen hat", set 25's 023): the
feast dates a past event, it sets no deadline."""
_CLAUSE_EDGE = re.compile(r"[,;.!?\n]")


def past_feast_deadlines(text: str, send_day: date) -> list[str]:
    """Deadlines written as a feast, saint's day or school holiday that has already passed this year on `send_day`."""
    out = []
    for m in _DEADLINE.finditer(text):
        if _NEXT.search(text[max(0, m.start() - 30):m.start()]) or _NEXT.search(m.group(0).split()[0]):
            continue
        start = max((e.end() for e in _CLAUSE_EDGE.finditer(text, 0, m.start())), default=0)
        end = next((e.start() for e in _CLAUSE_EDGE.finditer(text, m.end())), len(text))
        if _PAST_EVENT.search(text[start:end]):
            continue
        day = feast_day(m.group(1), send_day.year)
        if day is not None and day < send_day:
            out.append(f"deadline already passed: {m.group(0).strip()!r} fell on {day:%d %B} this year")
    return out
