"""Words of the record's own fields that a reply may quote as names, beyond its names, titles and company
(agents.facts.build_vocabulary): the everyday names of the time zones it holds (agents.zone_names: "Central", "CET")
and the capitalised words of its custom fields (a delivery address "Hafenstraße 12, Bremen", a line item "Fleet
Analytics licence (FA-120)"), so "the printed copy goes to the Bremen depot" is not a name nobody gave (issue 11, set
37's look-alikes).

A field is data, not an authority (agents.field_claims): a segment of a custom field that states a claim (a price,
something free, a payment term, a state, a promise) gives no word, a field the screen withheld gives none, and only the
words a field capitalises (names, places, products) count. Activity text is not read here: a word one note, meeting
title or location holds still needs a second activity (settings.FREE_TEXT_CORROBORATION), because one planted calendar
entry is exactly how an attack introduces a company or a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from agents.field_claims import unclaimed_segments
from agents.names import word_list
from agents.normalize import normalise
from agents.zone_names import zone_words

if TYPE_CHECKING:
    from agents.context import Context


def custom_field_names(ctx: Context) -> set[str]:
    """Lower-cased capitalised words of the record's custom text fields, outside any segment that states a claim."""
    out: set[str] = set()
    for key, value in (ctx.record.extra or {}).items():
        if not isinstance(value, str) or ctx.safe(f"extra.{key}", value) is None:
            continue
        for segment in unclaimed_segments(normalise(value)):
            out |= {w.lower() for w in word_list(segment) if w[:1].isupper()}
    return out


def field_words(ctx: Context, decided_zones: Iterable[str | None] = ()) -> set[str]:
    """`custom_field_names` and the words of the everyday names of the record's zones and of `decided_zones` (the
    zones code decided: the action's and the recipient's)."""
    return custom_field_names(ctx) | zone_words(ctx.record, decided_zones)
