"""Dates the record's own fields hold, beyond the close date (issue 11, wave 29, agfix).

A tenant keeps project dates in custom properties: HubSpot's "go_live_date" (a date property, sent as epoch
milliseconds at midnight UTC or as "2027-02-01"), Salesforce's "Contract_Start__c", a field "Contract start" typed as
"01/03/2027" or "01.03.2027". They are structured data, like the close date: a draft may quote them, so they are known
dates (agents.facts.build_vocabulary, agents.agreed_dates, agents.moved_events). A draft that puts the event a field
dates on another day contradicts the record (agents.field_date_claims).

Only a whole value that is a date counts ("01/03/2027", not "01/03/2027 (tentative, per Anna)"); a field the screen
withheld gives nothing. d/m/Y is read day first, as every record we hold writes it; a value that can only be
month first ("03/15/2027") is read the only way it can be.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from agents.written_dates import find_dates

if TYPE_CHECKING:
    from agents.context import Context

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_DMY = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")
_EPOCH_MS = re.compile(r"\d{12,13}")
_YEARS = range(2000, 2101)


def _field_date(value: Any) -> date | None:
    """The date a whole field value is, or None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(int(value)) if isinstance(value, int | float) else value.strip()
    try:
        if m := _ISO.fullmatch(text):
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif m := _DMY.fullmatch(text):
            first, second = int(m.group(1)), int(m.group(3))
            day, month = (second, first) if second > 12 >= first else (first, second)
            d = date(int(m.group(4)), month, day)
        elif _EPOCH_MS.fullmatch(text) and int(text) % 60_000 == 0:
            # HubSpot date and datetime properties: milliseconds since the epoch, in UTC (an id is no whole minute)
            d = datetime.fromtimestamp(int(text) / 1000, tz=UTC).date()
        else:
            return None
    except ValueError:
        return None
    return d if d.year in _YEARS else None


def dated_fields(ctx: Context) -> dict[str, date]:
    """{field name: the date it holds} for the record's custom fields whose whole value is a date."""
    out: dict[str, date] = {}
    for key, value in (ctx.record.extra or {}).items():
        if isinstance(value, str) and ctx.safe(f"extra.{key}", value) is None:
            continue
        if (d := _field_date(value)) is not None:
            out[key] = d
    return out


def field_dates(ctx: Context) -> set[date]:
    """The dates the record's custom fields hold."""
    return set(dated_fields(ctx).values())


def yearly_field_days(ctx: Context) -> set[date]:
    """The days of the year the record's custom fields hold with no year, in the send day's year (wave 34, set 43's
    139: "fiscal_year_end": "December 31"). A fiscal year's end, a renewal day or an office's closing day recurs every
    year; a written date without a year matches it on its month and day (agents.written_dates.date_matches). Only a
    whole value written in words counts ("December 31", "31. Dezember", "31 décembre", "31 de diciembre"), not a slash
    date a reader may take either way, nor a sentence that holds one."""
    out: set[date] = set()
    for key, value in (ctx.record.extra or {}).items():
        if not isinstance(value, str) or ctx.safe(f"extra.{key}", value) is None:
            continue
        found = find_dates(value.strip())
        if len(found) != 1 or found[0][0] != value.strip().rstrip(".") or found[0][1][0] is not None \
                or not re.search(r"[^\W\d_]{3}", value):
            continue
        _, (_, month, day) = found[0]
        try:
            out.add(date(ctx.now.year, month, day))
        except ValueError:
            continue  # 29 February in a year without one
    return out
