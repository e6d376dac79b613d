"""Public holidays of the recipient's country: a meeting proposed on one is refused like one on a weekend (issue 11:
"a call on Thanksgiving Day to a US buyer"; no manager would send it).

The country comes from the record (the company's country, else the contact's time zone); a country not listed here
has no holidays we judge. National days only: regional ones (a German Land's, a Spanish community's) are not judged."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta

from agents.calendar_days import easter_sunday, nth_weekday
from agents.zones import COUNTRY_TIMEZONES

_Rule = Callable[[int], date]


def _fixed(month: int, day: int, name: str) -> tuple[str, _Rule]:
    return name, lambda y: date(y, month, day)


def _easter_plus(days: int, name: str) -> tuple[str, _Rule]:
    return name, lambda y: easter_sunday(y) + timedelta(days=days)


_HOLIDAYS: dict[str, tuple[tuple[str, _Rule], ...]] = {
    "us": (_fixed(1, 1, "New Year's Day"), ("Martin Luther King Jr. Day", lambda y: nth_weekday(y, 1, 0, 3)),
           ("Presidents' Day", lambda y: nth_weekday(y, 2, 0, 3)), ("Memorial Day", lambda y: nth_weekday(y, 5, 0, -1)),
           _fixed(6, 19, "Juneteenth"), _fixed(7, 4, "Independence Day"),
           ("Labor Day", lambda y: nth_weekday(y, 9, 0, 1)), _fixed(11, 11, "Veterans Day"),
           ("Thanksgiving Day", lambda y: nth_weekday(y, 11, 3, 4)), _fixed(12, 25, "Christmas Day")),
    "gb": (_fixed(1, 1, "New Year's Day"), _easter_plus(-2, "Good Friday"), _easter_plus(1, "Easter Monday"),
           ("the early May bank holiday", lambda y: nth_weekday(y, 5, 0, 1)),
           ("the spring bank holiday", lambda y: nth_weekday(y, 5, 0, -1)),
           ("the summer bank holiday", lambda y: nth_weekday(y, 8, 0, -1)),
           _fixed(12, 25, "Christmas Day"), _fixed(12, 26, "Boxing Day")),
    "de": (_fixed(1, 1, "Neujahr"), _easter_plus(-2, "Karfreitag"), _easter_plus(1, "Ostermontag"),
           _fixed(5, 1, "Tag der Arbeit"), _easter_plus(39, "Christi Himmelfahrt"), _easter_plus(50, "Pfingstmontag"),
           _fixed(10, 3, "Tag der Deutschen Einheit"), _fixed(12, 25, "1. Weihnachtstag"),
           _fixed(12, 26, "2. Weihnachtstag")),
    "fr": (_fixed(1, 1, "le jour de l'an"), _easter_plus(1, "le lundi de Pâques"), _fixed(5, 1, "la fête du Travail"),
           _fixed(5, 8, "le 8 mai"), _easter_plus(39, "l'Ascension"), _easter_plus(50, "le lundi de Pentecôte"),
           _fixed(7, 14, "le 14 juillet"), _fixed(8, 15, "l'Assomption"), _fixed(11, 1, "la Toussaint"),
           _fixed(11, 11, "l'Armistice"), _fixed(12, 25, "Noël")),
    "es": (_fixed(1, 1, "Año Nuevo"), _fixed(1, 6, "Reyes"), _easter_plus(-2, "Viernes Santo"),
           _fixed(5, 1, "el Día del Trabajo"), _fixed(8, 15, "la Asunción"), _fixed(10, 12, "la Fiesta Nacional"),
           _fixed(11, 1, "Todos los Santos"), _fixed(12, 6, "el Día de la Constitución"),
           _fixed(12, 8, "la Inmaculada"), _fixed(12, 25, "Navidad")),
    "at": (_fixed(1, 1, "Neujahr"), _fixed(1, 6, "Heilige Drei Könige"), _easter_plus(1, "Ostermontag"),
           _fixed(5, 1, "Staatsfeiertag"), _easter_plus(39, "Christi Himmelfahrt"), _easter_plus(50, "Pfingstmontag"),
           _easter_plus(60, "Fronleichnam"), _fixed(8, 15, "Mariä Himmelfahrt"), _fixed(10, 26, "Nationalfeiertag"),
           _fixed(11, 1, "Allerheiligen"), _fixed(12, 8, "Mariä Empfängnis"), _fixed(12, 25, "Christtag"),
           _fixed(12, 26, "Stefanitag")),
    "ch": (_fixed(1, 1, "Neujahr"), _easter_plus(39, "Auffahrt"), _fixed(8, 1, "Bundesfeier"),
           _fixed(12, 25, "Weihnachten")),
    "ca": (_fixed(1, 1, "New Year's Day"), _easter_plus(-2, "Good Friday"), _fixed(7, 1, "Canada Day"),
           ("Labour Day", lambda y: nth_weekday(y, 9, 0, 1)),
           ("Thanksgiving", lambda y: nth_weekday(y, 10, 0, 2)), _fixed(12, 25, "Christmas Day")),
    "ie": (_fixed(1, 1, "New Year's Day"), _fixed(3, 17, "St Patrick's Day"), _easter_plus(1, "Easter Monday"),
           _fixed(12, 25, "Christmas Day"), _fixed(12, 26, "St Stephen's Day")),
}
"""National public holidays of the countries our buyers are in, by ISO code ("gb" for the United Kingdom): statutory
days only (US federal holidays, German Bundesfeiertage), so a draft proposing one is refused as no manager would send
it. Days many offices close on but no law makes a holiday are in _CUSTOMARY."""

_CUSTOMARY: dict[str, tuple[tuple[str, _Rule], ...]] = {
    "us": (("the day after Thanksgiving", lambda y: nth_weekday(y, 11, 3, 4) + timedelta(days=1)),
           _fixed(12, 24, "Christmas Eve"), _fixed(12, 31, "New Year's Eve")),
    "de": (_fixed(12, 24, "Heiligabend"), _fixed(12, 31, "Silvester")),
}
"""Customary days off ("bridge" days): no statutory holiday, but many buyers are away. The offline writer does not
choose them for a slot; a draft whose writer did (set 30's en-g1, a call the day after Thanksgiving) is not refused
for it, as a sales manager would send it. Only the days the statutory table used to hold (wave 21b) are listed, so the
offline writer's slots are what they were; France's and Spain's tables held no such day."""

_ZONE_COUNTRY = {"America/New_York": "us", "America/Chicago": "us", "America/Denver": "us", "America/Phoenix": "us",
                 "America/Los_Angeles": "us", "America/Anchorage": "us", "Pacific/Honolulu": "us",
                 "Europe/London": "gb", "Europe/Berlin": "de", "Europe/Paris": "fr", "Europe/Madrid": "es",
                 "Europe/Vienna": "at", "Europe/Zurich": "ch", "America/Toronto": "ca", "America/Vancouver": "ca",
                 "Europe/Dublin": "ie"}
_CODE_OF_ZONE = {v: k for k, v in COUNTRY_TIMEZONES.items() if len(k) == 2}
_ALIASES = {"uk": "gb", "usa": "us", "england": "gb", "great britain": "gb", "scotland": "gb", "wales": "gb"}


def country_code(country: str | None, timezone: str | None = None) -> str | None:
    """The ISO code of the country whose holidays the recipient keeps: the contact's own time zone's country when
    the zone names one (a buyer in Los Angeles at a German company keeps Thanksgiving, not German Unity Day), else
    the record's country ("United Kingdom" -> "gb", "España" -> "es"); None when neither says."""
    if timezone in _ZONE_COUNTRY:
        return _ZONE_COUNTRY[timezone]
    name = (country or "").strip().lower()
    if name:
        code = _ALIASES.get(name) or (name if len(name) == 2 else _CODE_OF_ZONE.get(COUNTRY_TIMEZONES.get(name, "")))
        if code:
            return _ALIASES.get(code, code)
    return None


@functools.lru_cache(maxsize=256)
def _of_year(code: str, year: int) -> dict[date, str]:
    days = {rule(year): name for name, rule in _HOLIDAYS.get(code, ())}
    if code in _SUBSTITUTE_DAYS:
        # a bank holiday on a weekend moves to the next working day (Boxing Day 2026, a Saturday: Monday 28 December)
        for day, name in sorted(days.items()):
            if day.weekday() >= 5:
                sub = day
                while sub.weekday() >= 5 or sub in days:
                    sub += timedelta(days=1)
                days[sub] = f"{name} (substitute day)"
    return days


_SUBSTITUTE_DAYS = frozenset({"gb", "ie"})
"""Countries whose bank holidays on a weekend are observed on the next working day."""


def public_holiday(day: date, code: str | None) -> str | None:
    """The name of the national public holiday `day` is in the country `code`, or None."""
    if not code:
        return None
    return _of_year(code, day.year).get(day)


def customary_day_off(day: date, code: str | None) -> str | None:
    """The name of the customary day off (no statutory holiday) `day` is in the country `code`, or None."""
    if not code:
        return None
    return next((name for name, rule in _CUSTOMARY.get(code, ()) if rule(day.year) == day), None)


def day_off(day: date, code: str | None) -> str | None:
    """A public holiday or a customary day off: what a slot we choose ourselves avoids."""
    return public_holiday(day, code) or customary_day_off(day, code)
