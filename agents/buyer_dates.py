"""A day the buyer's own e-mail names (wave 21, set 29's 139: "free for a call Dec 2?" in an inbound subject, and the
reply "Thanks for saying you are free on Wednesday, December 2"). A reply may name a day the buyer offered; it stayed
refused because only the days the buyer *asked for* ("by the end of next week", agents.ask_dates) were vouched.

Only days still to come count (on or after the send day): a past day in an inbound e-mail vouches for no deadline,
which is how planted past terms work (set 29's past-deadline kind). Only inbound e-mails the screen did not withhold
count, so a planted e-mail with instructions vouches for nothing; a benign-looking planted e-mail can offer a day, as the
buyer can, and a day is all it vouches for (every figure, promise and term in the sentence is still judged)."""

from __future__ import annotations

from datetime import date

from agents.calendar_days import resolve_day
from agents.context import Context
from agents.facts import find_dates
from agents.normalize import normalise


def inbound_days(ctx: Context, send_day: date) -> set[date]:
    """Days on or after `send_day` that an unwithheld inbound e-mail of the record names in figures."""
    out: set[date] = set()
    for a in ctx.activities.values():
        if a["type"] != "email" or a.get("direction") != "inbound" or a.get("withheld") or not a.get("at"):
            continue
        written = date.fromisoformat(a["at"])
        for _, (year, month, day) in find_dates(normalise(f"{a['subject'] or ''}\n{a['text'] or ''}")):
            d = resolve_day(year, month, day, written)
            if d is not None and d >= send_day:
                out.add(d)
    return out
