"""Clock times as drafts write them, with the zone written after them: "6:30", "8 pm", "um 7 Uhr", "20 h 30",
"5 pm Eastern", "14 Uhr Chicagoer Zeit", "a las 9 de la noche". One reading for the checks of when a meeting falls
(agents.meeting_hours) and of a time converted between zones (agents.zone_conversions)."""

from __future__ import annotations

import re

from agents.city_zones import CITY_TIME, city_zone
from agents.past_terms import MONTH_NAME
from agents.timing import CLOCK

_CLOCK_VALUE = re.compile(r"\b(\d{1,2})(?:\s?[:.h]\s?(\d{2}))?\s?(am|pm|a\.m\.|p\.m\.|uhr|h\b)?", re.I)
SPELLED_ZONES = {
    **dict.fromkeys(("pacific time", "west coast time", "pazifischer zeit", "pazifikzeit", "westküstenzeit",
                     "us-westküstenzeit", "heure du pacifique", "heure de la côte ouest", "hora del pacífico",
                     "hora del pacifico", "hora de la costa oeste"), "America/Los_Angeles"),
    **dict.fromkeys(("eastern time", "east coast time", "ostküstenzeit", "us-ostküstenzeit", "östlicher zeit",
                     "heure de l'est", "heure de la côte est", "hora del este", "hora de la costa este"),
                    "America/New_York"),
    **dict.fromkeys(("heure du centre", "hora del centro", "zentraler zeit"), "America/Chicago"),
    **dict.fromkeys(("heure des rocheuses", "hora de la montaña", "hora de las montañas rocosas"), "America/Denver"),
    **dict.fromkeys(("british time", "britischer zeit", "heure britannique", "heure de greenwich", "hora británica",
                     "hora de greenwich"), "Europe/London"),
    **dict.fromkeys(("central european time", "mitteleuropäischer zeit", "heure d'europe centrale",
                     "hora central europea", "hora de europa central"), "Europe/Berlin"),
    **dict.fromkeys(("koordinierter weltzeit", "weltzeit", "temps universel", "tiempo universal"), "UTC"),
}
"""Zone names as people spell them after a clock time, in English, German, French and Spanish (set 30's de-b11: "17 Uhr
pazifischer Zeit", 2 a.m. in Germany)."""
_CLOCK_ZONE = re.compile(
    r"\s*,?\s*\(?\s*(?:(?P<local>your time|your local time|local time|ihrer zeit|(?:à )?votre heure|heure locale|hora local|"
    r"su hora)|(?P<zone>"
    # zones spelled out in our four languages first, so "Central European Time" is not read as "Central" (US)
    rf"{'|'.join(re.escape(k) for k in sorted(SPELLED_ZONES, key=len, reverse=True))}|"
    r"eastern|central|mountain|pacific|e[sd]?t|c[sd]?t|m[sd]?t|p[sd]?t|gmt|utc|bst|cet|cest|mez|mesz|"
    r"uk time|london time|new york time|chicago time|paris time|berlin time|madrid time|heure de paris|"
    r"heure française|hora de madrid|hora peninsular|hora española|deutscher zeit|berliner zeit|"
    # a US or UK city's time in our other languages: "14 Uhr Chicagoer Zeit", "14 h heure de New York"
    r"chicagoer zeit|new yorker zeit|londoner zeit|(?:heure|hora) de (?:chicago|new york|nueva york|londres)))\b", re.I)
"""A zone written after a clock time ("5 pm Eastern", "15 h heure de Paris"): the time is that zone's, and the
recipient reads it in their own."""
ZONES = {"eastern": "America/New_York", "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
          "central": "America/Chicago", "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
          "mountain": "America/Denver", "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
          "pacific": "America/Los_Angeles", "pt": "America/Los_Angeles", "pst": "America/Los_Angeles",
          "pdt": "America/Los_Angeles", "gmt": "UTC", "utc": "UTC", "bst": "Europe/London", "uk time": "Europe/London",
          "london time": "Europe/London", "new york time": "America/New_York", "chicago time": "America/Chicago",
          "chicagoer zeit": "America/Chicago", "heure de chicago": "America/Chicago", "hora de chicago": "America/Chicago",
          "new yorker zeit": "America/New_York", "heure de new york": "America/New_York",
          "hora de new york": "America/New_York", "hora de nueva york": "America/New_York",
          "londoner zeit": "Europe/London", "heure de londres": "Europe/London", "hora de londres": "Europe/London"}
"""Zones by how drafts write them; every other one ("CET", "heure de Paris", "hora peninsular") is Central European."""


def clock_hours(sentence: str) -> list[tuple[str, float, str | None]]:
    """(text, hour of the day, zone) for each clock time in a sentence ("6:30" -> 6.5, "8 pm" -> 20, "um 7 Uhr" -> 7,
    "20 h 30" -> 20.5); the zone is the IANA name written after it ("5 pm Eastern"), else None (the recipient's)."""
    out = []
    read_to = 0
    for m in CLOCK.finditer(sentence):
        if m.start() < read_to:
            continue  # the minutes of a time already read ("at 10" then "00 am" of "at 10:00 am Central")
        # "at 4:30 pm": the clock pattern may stop at "at 4"; the time is read on from its figure
        v = _CLOCK_VALUE.search(sentence, m.start(), m.end() + 12)
        if not v or _EVENING_HOUR.match(sentence, v.start()):
            continue  # "a las 5 de la tarde": read with its part of the day (spoken_hours)
        read_to = v.end()
        hour = int(v.group(1))
        minute = int(v.group(2) or 0)
        marker = (v.group(3) or "").lower().replace(".", "")
        if marker == "pm" and hour < 12:
            hour += 12
        elif marker == "am" and hour == 12:
            hour = 0
        z = _CLOCK_ZONE.match(sentence, max(v.end(), m.end()))
        written = z.group("zone").lower() if z and z.group("zone") else None
        written = written.replace("’", "'") if written else None
        tz = (SPELLED_ZONES.get(written) or ZONES.get(written, "Europe/Berlin") if written else None)
        city = CITY_TIME.match(sentence, max(v.end(), m.end())) if not z else None
        if city and city_zone(city):  # "14 Uhr Torontoer Zeit", "a las 15:00 hora de Bogotá"
            tz, written = city_zone(city), city.group(0).strip()
        if hour <= 23 and minute < 60:
            value = sentence[min(m.start(), v.start()):max(m.end(), v.end())].strip()
            out.append((value + (f" {z.group('zone') if z else written}" if written else ""), hour + minute / 60, tz))
    return out


_HOUR_NUMBERS = {w: i % 12 + 1 for i, group in enumerate(zip(
    "one two three four five six seven eight nine ten eleven twelve".split(),
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(),
    "une deux trois quatre cinq six sept huit neuf dix onze douze".split(),
    "una dos tres cuatro cinco seis siete ocho nueve diez once doce".split(), strict=True)) for w in group}
_EVENING_HOUR = re.compile(
    r"\b(?:(?:half past|quarter past|quarter to|halb|viertel nach|viertel vor)\s+)?(\d{1,2}|" + "|".join(_HOUR_NUMBERS)
    + r")(?:[:.h]\d{2})?(?:\s+(?:o'clock|uhr|heures?|h))?\s+(?:y (?:media|cuarto)\s+)?(?:et (?:demie|quart)\s+)?"
    r"(?P<part>in the evening|at night|tonight|de la noche|de la tarde|du soir|abends|am abend|in der nacht|nachts|"
    r"de la madrugada|du matin|in the morning|de la mañana|morgens|früh|am morgen)\b", re.I)
"""An hour told by its part of the day ("a las 9 de la noche", "at eight in the evening", "à 8 heures du soir", "um 9
Uhr abends", "at 6 in the morning"): the hour it is, like one in figures."""
_DAY_OF_A_MONTH = re.compile(rf"(?:{MONTH_NAME.pattern}|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?),?\s+$",
                             re.I)
"""A month just before the figure makes it the day of a date: "Thursday, December 3 in the morning" is a morning on
the 3rd, not 3 a.m. (set 51's en-g4)."""
_MORNING = ("de la madrugada", "du matin", "in the morning", "de la mañana", "morgens", "früh", "am morgen")


def spoken_hours(sentence: str) -> list[tuple[str, float, str | None]]:
    out: list[tuple[str, float, str | None]] = []
    for m in _EVENING_HOUR.finditer(sentence):
        word = m.group(1).lower()
        if word.isdigit() and m.start(1) == m.start() and _DAY_OF_A_MONTH.search(sentence[:m.start()]):
            continue
        hour = int(word) if word.isdigit() else _HOUR_NUMBERS[word]
        if hour > 12:
            continue  # "20 Uhr abends" is read in figures
        morning = m.group("part").lower() in _MORNING
        hour = hour % 12 if morning else hour % 12 + 12
        out.append((m.group(0), float(hour), None))
    return out
