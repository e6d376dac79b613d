"""The everyday names of the time zones a record holds ("America/Chicago" is "Central", "CST"; "Europe/Paris" is "CET",
"heure de Paris"): a reply that says "All times here are Central, as set on your profile" quotes the record (set 37's
141), and the name check must not read "Central" as a person or a company it does not know.

Only an IANA name that the standard library resolves counts, so a field can add nothing but a zone's own names: a text
field that merely mentions "Central" vouches for nothing here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from agents.names import word_list
from agents.normalize import normalise
from agents.zones import zone

if TYPE_CHECKING:
    from integrations.base import Record

_REGIONS: dict[str, tuple[str, ...]] = {
    "Central": (
        "America/Chicago",
        "America/Winnipeg",
        "America/Indiana/Knox",
        "America/Menominee",
        "America/North_Dakota/Center",
        "America/Matamoros",
        "America/Mexico_City",
    ),
    "Eastern": (
        "America/New_York",
        "America/Toronto",
        "America/Detroit",
        "America/Indiana/Indianapolis",
        "America/Kentucky/Louisville",
        "America/Montreal",
        "America/Nassau",
    ),
    "Mountain": ("America/Denver", "America/Phoenix", "America/Edmonton", "America/Boise"),
    "Pacific": ("America/Los_Angeles", "America/Vancouver", "America/Tijuana"),
    "Atlantic": ("America/Halifax", "America/Puerto_Rico"),
}
"""North American zones by the region name their people say ("9 am Central", "Eastern time")."""

_SPOKEN: dict[str, tuple[str, ...]] = {
    "Europe/Paris": ("heure de Paris", "heure française", "heure de France"),
    "Europe/Madrid": ("hora peninsular", "hora de Madrid", "hora española"),
    "Europe/Berlin": ("MEZ", "MESZ", "deutscher Zeit"),
    "Europe/Vienna": ("MEZ", "MESZ"),
    "Europe/Zurich": ("MEZ", "MESZ"),
    "Europe/London": ("UK time", "London time"),
}
"""How a zone is said in its own language where no abbreviation is used."""


def zone_names(names: Iterable[str | None]) -> set[str]:
    """Every everyday name of the IANA zones among `names`: the region ("Central"), the zone's abbreviations in winter
    and in summer from the time-zone database ("CST", "CDT", "CET", "CEST", "GMT", "BST"), its city ("Chicago") and how
    its language says it ("heure de Paris"). Names that are not IANA zones add nothing."""
    out: set[str] = set()
    for name in names:
        tz = zone(name) if name and "/" in name else None
        if tz is None or name is None:
            continue
        out.add(name.rsplit("/", 1)[-1].replace("_", " "))
        for month in (1, 7):
            abbreviation = datetime(2026, month, 15, 12, tzinfo=tz).tzname()
            if abbreviation and abbreviation.isalpha():  # "+03" names nothing
                out.add(abbreviation)
        out.update(region for region, zones in _REGIONS.items() if name in zones)
        out.update(_SPOKEN.get(name, ()))
    return out


def zone_words(record: Record, extra: Iterable[str | None] = ()) -> set[str]:
    """Lower-cased words of the everyday names of the zones the record's owner, contacts and custom fields hold, and of
    `extra` (zones decided in code: the action's and the recipient's)."""
    names = [
        record.owner.timezone if record.owner else None,
        *(c.timezone for c in record.contacts),
        *extra,
        *(v for v in (record.extra or {}).values() if isinstance(v, str)),
    ]
    return {w.lower() for z in zone_names(names) for w in word_list(normalise(z))}
