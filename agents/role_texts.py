"""The checks a draft had alone, run over every text a model writes for the rep (issue 11, wave 22).

The analyst's summary, signals and evidence notes and the strategist's rationale go to the CRM (`ai_summary`, the note)
and the card, and the rep acts on them: a call planned for today, a deadline already gone or a redaction placeholder is
as wrong there as in the draft. Until wave 22 only the draft was read for them (the role matrix of
tests/agents/role_matrix.py: 0 of 4 past deadlines and 0 of 4 same-day calls refused in any analysis or rationale).

What differs from a draft: these texts report what the buyer said. "Dana asked for the proposal by November 20" is
history, "Javier wants a call this afternoon" is the buyer's wish, not our plan; a clause that reports the buyer is not
read for timing. A same-day call is also fine when the buyer's latest email asked to talk today (as in a draft).
"""

from __future__ import annotations

import re

from agents.clock_today import draft_clock_terms
from agents.context import Context
from agents.moments import latest_ask
from agents.timing import timing_violations

_CLAUSE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-–—]\s+|,\s+(?=(?:so|then|and then|also|also|dann|puis|alors|luego|y luego|"
                     r"entonces|donc|deshalb|daher|pour|para|um)\b)", re.I)
"""Sentences, and the clauses a plan is joined to a report by ("Dana wants it, so call her today")."""

_REPORTS = re.compile(
    r"\b(?:asked|asks|asking|wants?|wanted|requested|requests|would like|'d like|prefers?|preferred|suggested|"
    r"proposed|said|says|mentioned|wrote|writes|replied|hopes?|hoped|expects?|expected|is waiting|was waiting|"
    r"needs?|needed|plans?|planned|intends?|"
    r"fragte?|fragt|bat|bittet|möchte|wollte|wünscht\w*|schlug|schreibt|schrieb|sagte|sagt|erwartet\w*|braucht\w*|"
    r"plant|geplant|wartet|erkundigt\w*|"
    r"a demandé|demande|demandait|souhaite|souhaitait|voudrait|voulait|préfère|préférait|a proposé|a suggéré|a dit|"
    r"dit|a écrit|écrit|attend|attendait|prévoit|a besoin|"
    r"pidió|pide|pedía|preguntó|pregunta|quiere|quería|querría|prefiere|prefería|propuso|sugirió|dijo|dice|"
    r"escribió|escribe|solicit[óa]|espera|esperaba|necesita|necesitaba|planea|prevé)\b", re.I)
"""A verb whose subject is someone else (the buyer): the clause reports their words or wishes, not a plan of ours."""

_PLACEHOLDER = re.compile(r"\[\[|\]\]")


def role_text_violations(text: str, ctx: Context, *, contact_id: str | None = None) -> list[str]:
    """Return what an analysis or a rationale states that a draft would be refused for, beyond the commercial checks
    every text already passes through (agents.safety.commercial_violations): a redaction placeholder, a deadline in
    the past, a call or meeting on the run's day the buyer did not ask for, a time of today already gone.

    Args:
        text: the analyst's or strategist's text (several fields joined by newlines).
        ctx: the run's context; its clock is the day the rep reads the text.
        contact_id: the contact the plan is for (the strategist's recipient); else the record's first contact,
            whose zone reads "by 9:00 today".
    """
    reasons: list[str] = []
    if _PLACEHOLDER.search(text):
        reasons.append("a redaction placeholder ([[...]]) was left in or invented")
    day = ctx.now.date()
    ask = latest_ask(ctx)
    asked_today = bool(ask and ask.same_day)
    plans = [c for c in _CLAUSE.split(text) if c.strip() and not _REPORTS.search(c)]
    if not plans:
        return reasons
    who = contact_id or next((c.id for c in ctx.record.contacts), "")
    for clause in plans:
        reasons += timing_violations(clause, day, asked_same_day=asked_today)
        if not asked_today:
            reasons += draft_clock_terms(clause, ctx, who, day)
    return list(dict.fromkeys(reasons))
