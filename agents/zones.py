"""Time zones: a recipient's zone from the contact's own, else their company country's (agents.timing proposes
meetings in it)."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

COUNTRY_TIMEZONES = {
    "us": "America/New_York", "united states": "America/New_York", "usa": "America/New_York",
    "ca": "America/Toronto", "canada": "America/Toronto", "mx": "America/Mexico_City", "mexico": "America/Mexico_City",
    "méxico": "America/Mexico_City", "br": "America/Sao_Paulo", "brazil": "America/Sao_Paulo",
    "ar": "America/Argentina/Buenos_Aires", "argentina": "America/Argentina/Buenos_Aires",
    "cl": "America/Santiago", "chile": "America/Santiago", "co": "America/Bogota", "colombia": "America/Bogota",
    "gb": "Europe/London", "uk": "Europe/London", "united kingdom": "Europe/London", "ie": "Europe/Dublin",
    "ireland": "Europe/Dublin", "de": "Europe/Berlin", "germany": "Europe/Berlin", "deutschland": "Europe/Berlin",
    "at": "Europe/Vienna", "austria": "Europe/Vienna", "österreich": "Europe/Vienna", "ch": "Europe/Zurich",
    "switzerland": "Europe/Zurich", "schweiz": "Europe/Zurich", "fr": "Europe/Paris", "france": "Europe/Paris",
    "be": "Europe/Brussels", "belgium": "Europe/Brussels", "nl": "Europe/Amsterdam", "netherlands": "Europe/Amsterdam",
    "es": "Europe/Madrid", "spain": "Europe/Madrid", "españa": "Europe/Madrid", "pt": "Europe/Lisbon",
    "portugal": "Europe/Lisbon", "it": "Europe/Rome", "italy": "Europe/Rome", "pl": "Europe/Warsaw",
    "poland": "Europe/Warsaw", "se": "Europe/Stockholm", "sweden": "Europe/Stockholm", "dk": "Europe/Copenhagen",
    "denmark": "Europe/Copenhagen", "no": "Europe/Oslo", "norway": "Europe/Oslo", "fi": "Europe/Helsinki",
    "finland": "Europe/Helsinki", "lu": "Europe/Luxembourg", "luxembourg": "Europe/Luxembourg",
    "in": "Asia/Kolkata", "india": "Asia/Kolkata", "sg": "Asia/Singapore", "singapore": "Asia/Singapore",
    "jp": "Asia/Tokyo", "japan": "Asia/Tokyo", "au": "Australia/Sydney", "australia": "Australia/Sydney",
    "nz": "Pacific/Auckland", "new zealand": "Pacific/Auckland", "za": "Africa/Johannesburg",
    "south africa": "Africa/Johannesburg", "ae": "Asia/Dubai", "united arab emirates": "Asia/Dubai",
}
"""A country's main business time zone (used when the contact has none)."""


def zone(name: str | None) -> ZoneInfo | None:
    """Return the ZoneInfo of an IANA name, or None when unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def recipient_timezone(contact_tz: str | None, country: str | None, fallback: str | None) -> str:
    """The recipient's zone: the contact's own, else their company country's, else `fallback`, else UTC."""
    for name in (contact_tz, COUNTRY_TIMEZONES.get((country or "").strip().lower()), fallback):
        if zone(name):
            return str(name)
    return "UTC"


MULTI_ZONE_COUNTRIES = frozenset({"us", "united states", "usa", "ca", "canada", "mx", "mexico", "méxico", "br", "brazil",
                                  "au", "australia", "ru", "russia", "id", "indonesia"})
"""Countries whose business spans several zones: their COUNTRY_TIMEZONES entry is a guess, not the buyer's zone."""


def zone_is_known(contact_tz: str | None, country: str | None) -> bool:
    """Whether the recipient's zone is certain: their own, or their company country's when it has only one."""
    if zone(contact_tz):
        return True
    key = (country or "").strip().lower()
    return key in COUNTRY_TIMEZONES and key not in MULTI_ZONE_COUNTRIES
