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
from dataclasses import replace
from datetime import date

from agents.buyer_dates import inbound_days
from agents.calendar_days import resolve_day
from agents.clock_today import draft_clock_terms
from agents.context import Context
from agents.delivery_days import promised_delivery_days
from agents.facts import Vocabulary, find_dates, find_unsupported
from agents.feast_days import past_feast_deadlines
from agents.meeting_hours import proposed_meeting_days
from agents.moments import latest_ask
from agents.timing import timing_violations

_CLAUSE = re.compile(r"(?<=[.!?;])(?<!\d\.)\s+|\n+|\s+[-–—]\s+|,\s+(?=(?:so|then|and then|also|dann|puis|alors|luego|y luego|"
                     r"entonces|donc|deshalb|daher|pour|para|um)\b)", re.I)
"""Sentences (a day number's period, "30. November", ends none), and the clauses a plan is joined to a report by ("Dana wants it, so call her today")."""

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
    # a feast already gone is no deadline even as the buyer's reported wish ("Paul voulait boucler le budget avant la
    # Fête des vendanges", set 32's 026): a plan built on it is due in the past; a done event it dates still passes
    reasons += [r for c in _CLAUSE.split(text) if c.strip() and _REPORTS.search(c) for r in past_feast_deadlines(c, day)]
    if not plans:
        return list(dict.fromkeys(reasons))
    who = contact_id or next((c.id for c in ctx.record.contacts), "")
    for clause in plans:
        reasons += timing_violations(clause, day, asked_same_day=asked_today)
        reasons += past_feast_deadlines(clause, day)
        if not asked_today:
            reasons += draft_clock_terms(clause, ctx, who, day)
    return list(dict.fromkeys(reasons))


_OUR_STEP = re.compile(
    r"\b(?:email|e-mail|send|sending|call|ring|phone|follow(?:ing)? up|propose|offer a|book|schedule|meet|"
    r"schicken|senden|zusenden|anrufen|nachfassen|vorschlagen|melden|mailen|envoyer|appeler|relancer|proposer|"
    r"écrire|enviar|llamar|escribir|proponer|contactar|seguimiento)\b", re.I)
"""A step of ours a plan names a day for: "email Dana on Monday, November 30"."""


def planned_days(text: str, day: date) -> set[date]:
    """Days still to come that a clause of ours (not a report of the buyer) plans a step for."""
    out: set[date] = set()
    for clause in _CLAUSE.split(text):
        if _OUR_STEP.search(clause) and not _REPORTS.search(clause):
            out |= {d for _, (y, m, dd) in find_dates(clause) if (d := resolve_day(y, m, dd, day)) and d >= day}
    return out


def unvouched_dates(text: str, ctx: Context, vocab: Vocabulary) -> list[str]:
    """Dates the record does not vouch for, read as in a draft (agents.safety.check_draft): a day still to come that a
    sentence plans a step of ours on, or a day the buyer named, is a plan or a report, not a fact to vouch for.
    "Decision expected on December 9" or "approved on November 20" in a summary the record never states would go to
    the CRM as a fact otherwise."""
    found = find_unsupported(text, vocab, kinds=("date",))
    if found:
        day = ctx.now.date()
        proposed = (proposed_meeting_days(text, day) | promised_delivery_days(text, day) | inbound_days(ctx, day)
                    | planned_days(text, day))
        found = find_unsupported(text, replace(vocab, dates=vocab.dates | proposed), kinds=("date",))
    return [f"unsupported fact: {f}" for f in found]
