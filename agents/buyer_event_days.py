"""The buyer's own decision or meeting put on a day the record does not give (issue 11, wave 29: set 38's en-b8 "As
the partners meet on 1 December to decide", where the note says only "decision expected in December").

agents.quality vouches for any business day after the send day as a day the rep proposes ("could we talk on Tuesday,
1 December?"). A day for the *buyer's* event is not the rep's to propose: the partners' meeting, the board's vote,
the budget review, "die Entscheidung der Gesellschafter", "la réunion des associés", "la junta de socios" happen when
the buyer says, and a draft that dates one the record does not date will have the buyer chased for a day that does
not exist. So a clause is refused when it has the buyer's deciding body or decision event and a date (a day of a
month) that no activity of the record writes. A month or a week alone ("the partners' decision in December", "before
the December budget review") is what the record says and passes; so do a question ("do the partners meet on 1
December?"), a condition ("if the board meets on 3 December"), and a date the buyer's own words give.
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import resolve_day
from agents.context import Context
from agents.facts import find_dates
from agents.next_steps import WEEKDAY_NAMES
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_BODY = (
    r"(?:partners|board|committee|steering\s+group|leadership\s+team|management\s+team|"
    r"gesellschafter|beirat|vorstand|aufsichtsrat|gremium|geschäftsführung|geschäftsleitung|"
    r"associés|comité|conseil|codir|direction|"
    r"socios|junta|consejo|comité|dirección)"
)
_EVENT = re.compile(
    rf"\b(?:{_BODY})(?:'s?|’s?)?\s+(?:\w+\s+){{0,2}}?(?:meets?|meeting|decides?|decision|votes?|sits?|convenes?|reviews?|"
    r"tagt|tagen|entscheide[nt]|entscheidung|sitzung|trifft\s+sich|treffen\s+sich|berät|beraten|"
    r"se\s+réuni(?:ssent|t)|réunion|décide(?:nt)?|décision|tranche(?:nt)?|votent|"
    r"se\s+reúne[n]?|reunión|deciden?|decisión|votan?)\b|"
    r"\b(?:budget\s+review|board\s+meeting|partners'?\s+meeting|budgetrunde|beiratssitzung|vorstandssitzung|"
    r"gesellschafterversammlung|revue\s+budgétaire|arbitrage\s+budgétaire|réunion\s+des\s+associés|"
    r"revisión\s+presupuestaria|junta\s+de\s+socios|reunión\s+de\s+socios)\b|"
    rf"\b(?:decision|entscheidung|décision|decisión)\s+(?:of|by|der|des|du|de\s+la|des|de\s+los|del)\s+(?:the\s+)?{_BODY}",
    re.I,
)
"""The buyer's deciding body meeting or deciding, or their decision event by name."""
_VERB_LAST = re.compile(
    rf"\b{_BODY}\b(?P<mid>(?:[^.;!?\n]|(?<=\d)\.){{3,40}}?)\b(?:entscheide[nt]|tagt|tagen|zusammenkommt|zusammenkommen|beraten|berät|"
    r"abstimmen|abstimmt)\b",
    re.I,
)
"""German puts the verb last: "da die Gesellschafter am 2. Dezember entscheiden"; the day sits between."""
_NOT_STATED = re.compile(r"\?|^\s*¿|\b(?:if|unless|whether|falls|wenn|ob|si|s'ils?|en\s+caso\s+de)\b", re.I)
_CLAUSE = re.compile(r"[;:]|,\s+(?!\d)|\s+[-–—]\s+")
_NEAR = 40
_GAP = re.compile(
    rf"^[\s,]*(?:(?:is|are|will\s+be|takes\s+place|is\s+(?:set|scheduled|planned)|to\s+decide|ist|findet|tagt|est|a\s+lieu|"
    rf"aura\s+lieu|es|será|tiene\s+lugar|is\s+expected)\s+)?(?:on|am|le|el|for|für|pour|para|at|by|bis|d'ici|"
    rf"in\s+the\s+week\s+of|in\s+der\s+woche\s+vom|statt)?\s*(?:(?:{WEEKDAY_NAMES})\w*,?\s*)?(?:the\s+)?$",
    re.I,
)
"""Between the event and its day only a copula and a preposition: "the partners meet on Tuesday, 1 December"."""
"""Characters after the event in which its day is written ("meets on Tuesday, 1 December")."""


def _recorded_days(ctx: Context) -> set[date]:
    """The days the record's activities write, each read from the day it was written."""
    out: set[date] = set()
    for a in ctx.activities.values():
        if a.get("withheld") or not a.get("at"):
            continue
        written = date.fromisoformat(a["at"][:10])
        for _, (year, month, day) in find_dates(
            normalise(f"{a.get('subject') or ''}\n{a.get('text') or ''}")
        ):
            if (d := resolve_day(year, month, day, written)) is not None:
                out.add(d)
    return out


def undated_buyer_events(body: str, ctx: Context, send_day: date) -> list[str]:
    """Clauses that put the buyer's decision or meeting on a day no activity of the record gives."""
    out: list[str] = []
    recorded: set[date] | None = None
    for sentence in sentence_parts(normalise(body)):
        if _NOT_STATED.search(sentence):
            continue
        for clause in _CLAUSE.split(sentence):
            event = _EVENT.search(clause)
            last = _VERB_LAST.search(clause)
            if last and find_dates(last.group("mid")):
                event, window = last, last.group("mid")
            elif event:
                # the date is the event's when it follows the event closely ("the partners meet on 1 December"), not
                # a day of ours the clause also holds ("November 30 at 2 pm to go through it before your budget review")
                window = clause[event.end() : event.end() + _NEAR]
            else:
                continue
            for value, (year, month, day) in find_dates(window):
                if event is not last and not _GAP.match(window[: window.find(value)]):
                    continue
                d = resolve_day(year, month, day, send_day)
                if d is None or d < send_day:
                    continue
                recorded = _recorded_days(ctx) if recorded is None else recorded
                if d not in recorded:
                    out.append(
                        f"puts the buyer's {event.group(0).strip()!r} on {value!r}, a day the record does not "
                        f"give: {clause.strip()[:80]!r}"
                    )
    return out
