"""Times said in words rather than figures, for agents.timing: clock times ("quarter to five", "um halb fünf"), spans
from now ("in the next hour", "dans l'heure"), a meeting's length ("20 minutes on Tuesday") and quarters as deadlines
("by Q3"), in English, German, French and Spanish."""

from __future__ import annotations

import re
from datetime import date, timedelta

CLOCK_UNITS = (r"min(?:s|\.)?|minut\w*|hours?|hrs?|stund\w*|stünd\w*|heures?|hor(?:a|as|ita|itas|ación)|"
               r"ratit\w*|momentit\w*")
"""Hours and minutes in any inflection or diminutive ("dentro de una horita", "in einem Stündchen")."""

NEXT_MINUTES = (r"(?:in|within|during|over|dans|en|dentro de|innerhalb|binnen)\s+(?:the |der |den |la |las |los |les |l')?"
                r"(?:next |coming |nächsten |kommenden |prochaines? |próxim[oa]s? )(?:\d+ |few |couple of |zwei |deux |dos )?"
                r"(?:minutes?|mins?|hours?|minuten|stunden?|heures?|minutos|horas?)|dans l'heure")
"""The next minutes or hours, however counted ("within the next 30 minutes", "en la próxima hora"): today."""

DAY_PARTS = (r"en (?:fin|début) de (?:journée|matinée|soirée|après-midi)|en (?:fin|début) d'après-midi|"
             r"a (?:última|primera) hora(?: de la (?:tarde|mañana))?|im laufe des (?:tages|nachmittags|vormittags)|"
             r"am (?:frühen|späten) (?:nachmittag|abend|vormittag)|in the (?:late|early) (?:afternoon|evening|morning)|"
             r"(?:late|early) (?:afternoon|evening)")
"""A part of some day that names no day: the send day's, unless the sentence names another ("mercredi 2 décembre en fin
de matinée")."""
PART_OF_SOME_DAY = re.compile(rf"\b(?:{DAY_PARTS})\b", re.I)
"""With a meeting word and no day named: today. With a day named it belongs to that day (agents.timing removes it,
as it removes a span from now, before looking for today's words)."""

IN_THE_NEXT_MINUTES = re.compile(rf"\b(?:{NEXT_MINUTES})\b", re.I)
"""With a meeting word: today, whatever else the sentence names."""

DURATION_PHRASE = re.compile(
    r"\b(?:in|within|dans|en|dentro de|binnen|innerhalb)\s+(?:(?:about|around|roughly|ungefähr|etwa|environ|unos|unas)\s+)?"
    r"(?:\d+|a few|ten|fifteen|twenty|thirty|forty-five|zehn|fünfzehn|zwanzig|dreißig|einer halben|einer|zwei|half an?|an?|"
    r"one|two|dix|quinze|vingt|trente|une|deux|diez|quince|veinte|treinta|una|dos|media|un par de)\s+"
    rf"(?:{CLOCK_UNITS})\b", re.I)
"""A span of minutes or hours ("in 20 minutes", "dentro de una hora"): from now, unless another day is named."""

_HOUR_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eins|zwei|drei|vier|fünf|sechs|sieben|"
               r"acht|neun|zehn|elf|zwölf|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|una|dos|tres|"
               r"cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce")
CLOCK_SPOKEN = re.compile(
    rf"\b(?:(?:half past|quarter past|quarter to|halb|viertel nach|viertel vor|dreiviertel)\s+(?:{_HOUR_WORDS}|\d{{1,2}})|"
    rf"(?:at|around|um|gegen)\s+(?:{_HOUR_WORDS})(?=\s*(?:[?.!,;]|$|o'clock|uhr|sharp|your time|if\b|or\b|then\b|an\b))|"
    rf"(?:à|vers)\s+(?:{_HOUR_WORDS})\s+heures?|(?:a|sobre|hacia|a eso de) las (?:{_HOUR_WORDS}|\d{{1,2}})|a la una|"
    rf"(?:{_HOUR_WORDS}|\d{{1,2}})\s+(?:o'clock|uhr|heures?)|"
    rf"(?:at |around |um |gegen |à |vers |a )?(?:noon|midday|high noon|mittags|midi|mediodía)|"
    # "around elevenish", "half three" (3:30), "at the top of the hour"
    rf"(?:{_HOUR_WORDS}|\d{{1,2}})-?ish|half (?:{_HOUR_WORDS})|(?:at )?the top of the hour)\b", re.I)
"""A clock time in words ("quarter to five", "um halb fünf", "vers 16 heures", "a las cinco", "at noon"): like one in
figures, with a meeting word and no day it is today."""

QUARTER_DEADLINE = re.compile(
    r"\b(?:by|before|until|till|through|no later than|valid (?:until|through)|ends? (?:in|at)|bis(?: zum)?|bis ende|"
    r"spätestens|avant|avant la fin d[ue]|d'ici la fin d[ue]|jusqu'au|jusqu'à|antes de finales de|antes del final del?|"
    r"antes del?|hasta (?:el )?(?:final del )?)\s+(?:the\s+)?(?:end\s+of\s+|ende\s+|fin\s+|la fin\s+du\s+|"
    r"finales\s+del\s+|(?:des|dem|im)\s+)?"
    r"(?:(?:the\s+)?(?:q|t)([1-4])\b|(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th) quarter|([1-4])\.\s*quartal|"
    r"(erste|zweite|dritte|vierte)[sn]? quartal|(premier|deuxième|second|troisième|quatrième) trimestre|"
    r"(primer|segundo|tercer|cuarto) trimestre)", re.I)
_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "erste": 1,
                     "zweite": 2, "dritte": 3, "vierte": 4, "premier": 1, "deuxième": 2, "troisième": 3,
                     "quatrième": 4, "primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4}


def past_quarter_deadlines(sentence: str, send_day: date) -> list[str]:
    """A deadline naming a quarter ("by Q3", "bis Ende des dritten Quartals") is its last month, read like a month named
    without a day: past when that month ended up to half a year before the send day."""
    out = []
    for m in QUARTER_DEADLINE.finditer(sentence):
        raw = next(g for g in m.groups() if g)
        quarter = int(raw) if raw.isdigit() else _QUARTER_ORDINALS.get(raw.lower(), 0)
        if quarter and 0 < send_day.month - 3 * quarter <= 6:
            out.append(f"deadline {m.group(0).strip()!r} is in the past (the quarter ended)")
    return out


AFTER_THIS_MEETING = re.compile(
    r"\b(?:after|once|when|as soon as|out of|nach|sobald|après|à la sortie de|en cuanto (?:salga|termine|acabe)|al salir|"
    r"después|tras)\s+(?:[\w'’]+\s+){0,3}?(?:this|my current|ce|cette|esta|este|diesem|dieser|meinem jetzigen)\s+"
    r"(?:meeting|call|réunion|rendez-vous|reunión|llamada|termin|besprechung|telefonat)\b|"
    r"\ben sortant de (?:ma |cette |la )?réunion\b|\bclose of play\b|\bend of play\b|\bknock-?off time\b|"
    # the writer's own meeting without a demonstrative: "sobald ich aus dem Termin komme", "when I'm out of my meeting"
    r"\b(?:aus dem|aus der|aus meinem|aus meiner) (?:termin|meeting|besprechung|sitzung)\b|"
    r"\b(?:out of|done with) my (?:meeting|call)\b|\bà la sortie de ma réunion\b|\bal salir de (?:mi|la) reunión\b|"
    # "before close" of the business day (not of a quarter, a year or a deal)
    r"\bbefore (?:close|closing)\b(?!\s+(?:of|on|date|the))", re.I)
"""A call timed from the meeting the writer is in now ("once I'm out of this meeting", "en sortant de réunion", "en
cuanto salga de esta reunión"), or the end of today's play: the same day when no other day is named."""
SENT_TODAY = re.compile(r"\b(?:send|sending|schick\w*|send\w*|envo\w*|env[ií]\w*|mand\w*)\b[^.;]{0,40}?"
                         r"\b(?:later today|today|heute|aujourd'hui|hoy|más tarde|plus tard)\b|\bgleich zu[rm]?\b", re.I)
"""Today said of the sending, or "gleich zur Besprechung am Dienstag" (right into the meeting): not the meeting's day."""


def after(d: tuple[int | None, int, int], send_day: date) -> bool:
    try:
        day = date(d[0] or send_day.year, d[1], d[2])
    except ValueError:
        return False
    return day > send_day or (d[0] is None and day < send_day - timedelta(days=183))


ONCE_READ = re.compile(
    # once the buyer has read this message: "once you've read this", "sobald Sie das gelesen haben"
    r"\b(?:(?:once|when|as soon as|after) you(?:'ve| have)? (?:read|seen|had a look at|gone through) (?:this|it)|"
    r"sobald sie (?:das|dies|es) gelesen haben|dès que vous (?:l'aurez|aurez) lu|en cuanto (?:lo|esto) lea)\b", re.I)
"""A meeting set for when the buyer has read this message is today's, unless another day is named for it ("When you
have read it, shall we take 20 minutes on Wednesday, December 2?", set 27's en-g8, is a proposal for that day)."""
