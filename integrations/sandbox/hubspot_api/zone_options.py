"""The options of HubSpot's contact property "Time Zone" (`hs_timezone`), in HubSpot's own spelling.

HubSpot stores an IANA zone lower-cased, with "/" written "_slash_" and "-" written "_hyphen_"
("europe_slash_berlin", "america_slash_port_hyphen_au_hyphen_prince"), as public exports of the
property's options show; its labels read "UTC -07:00 America Los Angeles". The sandbox offers every
zone of this machine's tz database in that form (HubSpot's list is a few hundred of them).
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime


def hubspot_zone_value(iana: str) -> str:
    """An IANA zone as HubSpot spells the option's value ("Europe/Berlin" → "europe_slash_berlin")."""
    return iana.lower().replace("/", "_slash_").replace("-", "_hyphen_")


def _label(iana: str, at: datetime) -> str:
    offset = at.astimezone(zoneinfo.ZoneInfo(iana)).strftime("%z") or "+0000"
    return f"UTC {offset[:3]}:{offset[3:]} {iana.replace('/', ' ').replace('_', ' ')}"


def timezone_options(at: datetime | None = None) -> list[tuple[str, str]]:
    """(value, label) of every zone, ordered by its UTC offset at `at` (now) and name, as HubSpot orders them."""
    at = at or datetime.now(UTC)
    zones = [z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))]
    keyed = sorted(zones, key=lambda z: (at.astimezone(zoneinfo.ZoneInfo(z)).utcoffset(), z))
    return [(hubspot_zone_value(z), _label(z, at)) for z in keyed]
