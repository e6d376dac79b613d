"""Days of the year a custom field gives as a span (issue 11, wave 42, inj54b: set 54's 139, the field
"fermeture_annuelle": "ateliers fermés du 24/12 au 2/01", refused for "votre fermeture du 24 décembre au 2 janvier"
as "date '24 décembre' is not in the inputs").

agents.field_dates reads a field whose whole value is one date ("December 31"), and leaves out a slash date a
reader may take either way and a sentence that holds one. An annual closing, a holiday shutdown or a blackout period
is kept as a span of two days of the year, written with slashes or dots: the two ends are structured data as much as
a fiscal year's end, so a draft may name them. A span fixes how its slashes read: "du 24/12 au 2/01" can only be day
first (24 is no month), so its "2/01" is 2 January, not 1 February; French, German and Spanish spans ("du ... au",
"vom ... bis", "del ... al") are day first as their readers write them.

Only a short value counts: at most four words of no figure before the span ("ateliers fermés", "Betriebsferien"),
the span, and nothing after it, so a field that hides a sentence or an offer around two dates gives nothing. A
field the screen withheld gives nothing either.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agents.context import Context

_DAY = r"(\d{1,2})[./](\d{1,2})\.?"
_SPAN = re.compile(
    rf"^(?P<lead>(?:[^\W\d_][\w'’-]*\s+){{0,4}}?)(?P<from>from|du|vom|von|del|de|desde)?\s*{_DAY}\s*"
    rf"(?P<to>-|–|to|until|till|au|bis|al|a|hasta)\s*{_DAY}$", re.I)
_DAY_FIRST_WORDS = frozenset("du au vom von bis del de desde al a hasta".split())
"""The span's words in French, German and Spanish, which write the day first."""


def field_day_spans(ctx: Context) -> set[date]:
    """The two ends of each span of days of the year the record's custom fields hold, in the send day's year (a
    written date without a year matches them on month and day: agents.written_dates.date_matches)."""
    out: set[date] = set()
    for key, value in (ctx.record.extra or {}).items():
        if not isinstance(value, str) or ctx.safe(f"extra.{key}", value) is None:
            continue
        out |= span_days(value, ctx.now.year)
    return out


def span_days(value: str, year: int) -> set[date]:
    """The two ends of the span `value` is, or nothing when it is none or its ends cannot be read one way."""
    m = _SPAN.match(value.strip())
    if m is None:
        return set()
    pairs = [(int(m.group(3)), int(m.group(4))), (int(m.group(6)), int(m.group(7)))]
    words = {(m.group("from") or "").lower(), m.group("to").lower()}
    if any(first > 12 for first, _ in pairs) or words & _DAY_FIRST_WORDS or "." in m.group(0):
        order = [(second, first) for first, second in pairs]  # day first: (month, day)
    elif any(second > 12 for _, second in pairs):
        order = list(pairs)  # month first, as in the US: "12/24 - 1/2"
    else:
        return set()  # "from 3/4 to 5/6" reads either way
    try:
        return {date(year, month, day) for month, day in order}
    except ValueError:
        return set()  # no such day, or the span read the other way round
