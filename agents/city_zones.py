"""A city's time written after a clock time, in any of our languages ("14 Uhr Torontoer Zeit", "16 h heure de Montréal",
"a las 15:00 hora de Bogotá", "10 am Seattle time"): the time is that city's, and the recipient reads it in their own
(issue 11, wave 16). The city is found by its place in the phrase, not from a list of phrases; its zone comes from the
time-zone database (a city that names a zone: Toronto, Bogota, Tokyo) or, for the few business cities that name none,
a short table.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zoneinfo

CITY_TIME = re.compile(
    r"\s*[,(]?\s*(?:(?P<de>(?-i:(?:[A-ZÄÖÜ][\w'-]+\s)?[A-ZÄÖÜ][\w'-]+))er zeit|ortszeit\s+(?P<de2>(?-i:[A-ZÄÖÜ][\w'-]+))|"
    r"(?:heure|hora)(?: locale| local)? (?:de |d['’])(?P<fres>(?-i:[A-ZÁÉÍÓÚ][\w'-]+(?:\s(?:de\s)?[A-ZÁÉÍÓÚ][\w'-]+)?))|"
    r"(?P<en>(?-i:(?:[A-Z][\w'-]+\s)?[A-Z][\w'-]+)) time)\b", re.I)
_ALIASES = {
    "new york": "America/New_York", "nueva york": "America/New_York", "boston": "America/New_York",
    "washington": "America/New_York", "atlanta": "America/New_York", "miami": "America/New_York",
    "philadelphia": "America/New_York", "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "los angeles": "America/Los_Angeles", "dallas": "America/Chicago", "houston": "America/Chicago",
    "austin": "America/Chicago", "minneapolis": "America/Chicago", "montreal": "America/Toronto",
    "quebec": "America/Toronto", "ottawa": "America/Toronto", "ciudad de mexico": "America/Mexico_City",
    "mexico": "America/Mexico_City", "tokio": "Asia/Tokyo", "peking": "Asia/Shanghai", "pekin": "Asia/Shanghai",
    "beijing": "Asia/Shanghai", "moskau": "Europe/Moscow", "moscou": "Europe/Moscow", "moscu": "Europe/Moscow",
    "londres": "Europe/London", "lissabon": "Europe/Lisbon", "lisbonne": "Europe/Lisbon", "lisboa": "Europe/Lisbon",
    "sao paulo": "America/Sao_Paulo", "singapur": "Asia/Singapore", "bombay": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "sydney": "Australia/Sydney", "dubai": "Asia/Dubai",
}
"""Business cities whose zone the database names after another city, and spellings of our languages ("Tokio")."""


def _plain(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("-", " ").strip()


@functools.cache
def _by_city() -> dict[str, str]:
    out: dict[str, str] = {}
    for tz in zoneinfo.available_timezones():
        if "/" in tz and not tz.startswith(("Etc/", "SystemV/", "US/")):
            out.setdefault(_plain(tz.rsplit("/", 1)[1].replace("_", " ")), tz)
    return out


def city_zone(match: re.Match[str]) -> str | None:
    """The IANA zone of the city a CITY_TIME match names, or None when it names no city we know."""
    name = next((g for g in (match.group("de"), match.group("de2"), match.group("fres"), match.group("en")) if g), "")
    plain = _plain(name)
    tries = [plain, plain[:-1]] if match.group("de") and plain.endswith("t") else [plain]  # "Tokioter": Tokio's
    for city in tries:
        zone = _ALIASES.get(city) or _by_city().get(city)
        if zone:
            return zone
    return None
