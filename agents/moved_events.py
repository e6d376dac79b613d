"""The buyer's own event moved to a day the record does not show (issue 11, wave 22: set 23's en-b6 "Since Marcus moved
the budget review to December 9, the proposal will reach you by Friday").

A day still to come passes the fact check as a proposal of ours (agents.quality.proposed_days), so a rescheduling the
draft invents for the buyer ("moved the budget review to December 9", "hat die Budgetrunde auf den 9. Dezember
verschoben", "a reporté le comité au 9 décembre", "han aplazado el comité al 9 de diciembre") went through: it is no
proposal but a statement of the buyer's plan. A clause with a verb of moving an event and a day after it, stated (no
question, no condition) and not moved by us ("I moved our call to ..."), needs that day in the record: written in an
activity the model may read, or the deal's close date. Silent when the record gives the day.
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import named_days, resolve_day
from agents.context import Context, parse_time
from agents.facts import find_dates
from agents.field_dates import field_dates
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_MOVED = re.compile(
    r"\b(?:moved|postponed|pushed(?: back| out)?|rescheduled|brought forward|shifted|delayed|"
    r"verschoben|vorgezogen|verlegt|verschiebt|verlegen|"
    r"report[ée]e?s?|décal[ée]e?s?|avanc[ée]e?s?|déplac[ée]e?s?|repouss[ée]e?s?|"
    r"aplazad[oa]s?|aplaz[oó]|pospuest[oa]s?|pospuso|adelantad[oa]s?|adelant[oó]|trasladad[oa]s?|traslad[oó]|"
    r"movid[oa]s?|movi[oó]|cambiad[oa]s? (?:al|a la|para)|retrasad[oa]s?|retras[oó])\b", re.I)
WINDOW = 45
"""Characters either side of a verb of moving in which its day is read."""
_OURS = re.compile(r"\b(?:i|we|our|ich|wir|unser\w*|je|nous|notre|nos|j'ai|he|hemos|nuestr\w*)\b", re.I)
"""Our own rescheduling, or our own meeting moved, is ours to state (and the meeting checks read its day)."""
_NOT_STATED = re.compile(r"\?|^\s*¿|\b(?:if|whether|in case|should|falls|wenn|ob|si|au cas où|en caso de|por si)\b",
                         re.I)


def _record_days(ctx: Context) -> list[tuple[int | None, int, int]]:
    out: list[tuple[int | None, int, int]] = []
    for a in ctx.activities.values():
        if not a.get("withheld"):
            out += [d for _, d in find_dates(normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}"))]
    close = parse_time(ctx.record.close_date)
    if close:
        out.append((close.year, close.month, close.day))
    out += [(d.year, d.month, d.day) for d in field_dates(ctx)]  # a custom field's go-live, contract start (wave 29)
    return out


def unvouched_reschedules(body: str, ctx: Context, send_day: date) -> list[str]:
    """Clauses of a draft that move the buyer's event to a day the record does not give.

    Returns:
        One reason per such clause.
    """
    known = _record_days(ctx)
    out = []
    for sentence in sentence_parts(normalise(body)):  # "9. Dezember" goes on
        for moved in _MOVED.finditer(sentence):
            # English and Romance put the day after the verb ("moved the review to December 9"), German before it
            # ("auf Mittwoch, 9. Dezember, verschoben"): the clause around the verb, not the whole sentence
            before = sentence[max(0, moved.start() - WINDOW):moved.start()]
            after = re.split(r"(?<!day),\s+(?=\D)|[;:()\u2014]", sentence[moved.end():moved.end() + WINDOW])[0]  # "Wednesday, December 9" goes on
            if _OURS.search(before) or _NOT_STATED.search(sentence):
                continue
            days = [d for text in (before, after) for _, (y, m, dd) in find_dates(text)
                    if (d := resolve_day(y, m, dd, send_day)) is not None]
            days += [n.first for text in (before, after) for n in named_days(text, send_day)]
            day = next((d for d in days if not any(m == d.month and dd == d.day and (y is None or y == d.year)
                                                   for y, m, dd in known)), None)
            if day is not None:
                out.append(f"moves the buyer's event to a day the record does not give ({day.isoformat()}): "
                           f"{sentence.strip()[:80]!r}")
                break
    return out
