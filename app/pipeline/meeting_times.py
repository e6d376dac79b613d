"""The meeting times a draft proposes, moved past the time the decision sends it.

The writer proposes two times (agents.meeting_slots) after the strategist's send time; the decision engine then
moves the send time out of the owner's quiet hours and weekends (agents.decision). Moved far enough, an invitation
went out after the first time it proposed: "Tuesday 10:00 or 14:00" in an invitation sent Tuesday 16:00 (the
owner's 08:00 in New York is 14:00 in Berlin). Each time that falls before the decided send time plus a lead of
two working hours (the recipient's) gives way to the next free one, in the draft the card, the CRM task and the
note all show.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from agents.context import build_context
from agents.meeting_slots import answer_day, slots_after, working_hours_after
from agents.phrases import phrase
from agents.slot_text import format_day, format_slots
from agents.writer import plan_draft
from agents.zones import zone

LEAD_WORKING_HOURS = 2
"""Working hours (the recipient's) between an invitation going out and the first time it proposes: time to read it
and answer."""

log = logging.getLogger(__name__)


def after_send_time(
    run: Any, record: Any, scores: Mapping[str, Any] | None, decision: Any, settings: Any, *, now: datetime
) -> Any:
    """The run as the decided send time leaves it: its action's summary says that time, and its draft's proposed
    times fall after it (the run itself when the decision did not move the send time later)."""
    if run is None or decision.due_at is None:
        return run
    nba = run.next_best_action
    planned = datetime.fromisoformat(nba.due_at)
    if decision.due_at <= planned:
        return run
    update: dict[str, Any] = {}
    summary = _summary_at(nba, planned, decision.due_at)
    if summary != nba.summary:
        update["next_best_action"] = nba.model_copy(update={"summary": summary})
    draft = _draft_after(run, record, scores, decision.due_at, settings, now=now)
    if draft is not run.draft:
        update["draft"] = draft
    return run.model_copy(update=update) if update else run


def _summary_at(nba: Any, planned: datetime, decided: datetime) -> str:
    """The action's summary with the decided send time in place of the strategist's (agents.strategist writes
    "... on Mon 07 Dec 16:00 America/Chicago"): the CRM task and note said 16:00 on a task due Tuesday 09:00."""
    tz = zone(nba.timezone) or ZoneInfo("UTC")
    said = f" on {planned.astimezone(tz).strftime('%a %d %b %H:%M')} {nba.timezone}"
    return str(nba.summary).replace(
        said, f" on {decided.astimezone(tz).strftime('%a %d %b %H:%M')} {nba.timezone}", 1
    )


def _draft_after(
    run: Any,
    record: Any,
    scores: Mapping[str, Any] | None,
    send_at: datetime,
    settings: Any,
    *,
    now: datetime,
) -> Any:
    """The run's draft with each proposed time before `send_at` plus the lead moved (the draft itself when none
    is, or when the draft does not state them as the writer formats them)."""
    if run.draft.kind == "owner_brief" or not run.draft.body:
        return run.draft
    ctx = build_context(record, scores, now=now, budget_tokens=settings.context_budget_tokens)
    plan = plan_draft(ctx, run.next_best_action, settings)
    country = ctx.safe("company.country", record.company.country if record.company else None)
    slots = list(plan.slots)
    earliest = working_hours_after(send_at, LEAD_WORKING_HOURS, plan.recipient_tz, country)
    languages = dict.fromkeys((plan.language, run.draft.language, "en"))
    body, subject = run.draft.body, run.draft.subject
    if slots and any(s < earliest for s in slots):
        moved = slots_after(slots, earliest, plan.recipient_tz, country)
        for language in languages:
            body = _restated(body, format_slots(slots, language), format_slots(moved, language))
            subject = _restated(subject, format_slots(slots, language), format_slots(moved, language))
        if body == run.draft.body:
            log.info("meeting times before the send time not found in the draft of %s", record.id)
    # the answer promised for the next weekday after the strategist's send day: a draft sent on that day or later
    # promised it for today or for a day gone by (wave 30)
    answer_by = answer_day(send_at.astimezone(plan.send_at.tzinfo).date())
    if answer_by > plan.answer_by:
        for language in languages:
            body = _answer_restated(body, plan.answer_by, answer_by, language)
    if body == run.draft.body and subject == run.draft.subject:
        return run.draft
    return run.draft.model_copy(update={"body": body, "subject": subject})


def _answer_restated(text: str, old: date, new: date, language: str) -> str:
    """`text` with the offline writer's "I will send you an answer by <old>" saying `new` (the words before the day
    as agents.phrases writes them in `language`, so a meeting slot on the same day is left alone)."""
    lead = phrase(language, "answer_generic", day="\0").split("\0")[0].split()[-3:]
    said = " ".join(lead) + " "
    return text.replace(said + format_day(old, language), said + format_day(new, language), 1)


def _restated(text: str, old: tuple[str, str], new: tuple[str, str]) -> str:
    """`text` with the first time `old[0]` and the second `old[1]` after it written as `new`'s."""
    at = text.find(old[0])
    if at < 0:
        return text
    text = text[:at] + new[0] + text[at + len(old[0]) :]
    after = at + len(new[0])
    second = text.find(old[1], after) if old[1] != old[0] else -1
    if second >= 0:
        text = text[:second] + new[1] + text[second + len(old[1]) :]
    return text
