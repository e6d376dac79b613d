"""The meeting times a draft proposes, moved past the time the decision sends it.

The writer proposes two times (agents.meeting_slots) after the strategist's send time; the decision engine then
moves the send time out of the owner's quiet hours and weekends (agents.decision). Moved far enough, an invitation
went out after the first time it proposed: "Tuesday 10:00 or 14:00" in an invitation sent Tuesday 16:00 (the
owner's 08:00 in New York is 14:00 in Berlin). Each time that falls before the decided send time plus a lead of
two working hours (the recipient's) gives way to the next free one, in the draft the card, the CRM task and the
note all show. The day the draft promises an answer by moves with the send day too: wave 29 left an offline draft
sent Tuesday 09:00 saying "I will send you an answer by" Tuesday, the strategist's send day plus one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from agents.context import build_context
from agents.meeting_slots import slots_after, working_hours_after
from agents.phrases import phrase
from agents.slot_text import format_day, format_slots
from agents.writer import DraftPlan, plan_draft
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
    """The run's draft with each proposed time before `send_at` plus the lead moved, and its promised answer day
    counted from `send_at`'s day (the draft itself when neither moves, or when the draft does not state them as the
    writer formats them)."""
    if run.draft.kind == "owner_brief" or not run.draft.body:
        return run.draft
    ctx = build_context(record, scores, now=now, budget_tokens=settings.context_budget_tokens)
    nba = run.next_best_action
    plan = plan_draft(ctx, nba, settings)
    tz = zone(nba.timezone) or ZoneInfo("UTC")
    # The writer's own rule for the day, from the decided send time in the owner's zone (as the strategist's is).
    decided = plan_draft(ctx, nba.model_copy(update={"due_at": send_at.astimezone(tz).isoformat()}), settings)
    body, subject = _answer_day_moved(run.draft.body, plan, decided), run.draft.subject
    country = ctx.safe("company.country", record.company.country if record.company else None)
    slots = list(plan.slots)
    earliest = working_hours_after(send_at, LEAD_WORKING_HOURS, plan.recipient_tz, country)
    if slots and any(s < earliest for s in slots):
        moved = slots_after(slots, earliest, plan.recipient_tz, country)
        before = body
        for language in dict.fromkeys((plan.language, run.draft.language, "en")):
            body = _restated(body, format_slots(slots, language), format_slots(moved, language))
            subject = _restated(subject, format_slots(slots, language), format_slots(moved, language))
        if body == before:
            log.info("meeting times before the send time not found in the draft of %s", record.id)
    if body == run.draft.body and subject == run.draft.subject:
        return run.draft
    return run.draft.model_copy(update={"body": body, "subject": subject})


def _answer_sentences(plan: DraftPlan) -> list[str]:
    """The sentences the offline writer promises its answer with (agents.writer `_answer`: the topic asked about
    first, else the generic one), in the plan's language; none when the buyer asked nothing or only to meet."""
    if plan.ask is None:
        return []
    day = format_day(plan.answer_by, plan.language)
    topics = [t for t in plan.ask.topics if t != "meeting"]
    if not topics:
        return [] if "meeting" in plan.ask.topics else [phrase(plan.language, "answer_generic", day=day)]
    return [phrase(plan.language, "answer", topic=phrase(plan.language, f"topic.{topics[0]}"), day=day)]


def _answer_day_moved(body: str, planned: DraftPlan, decided: DraftPlan) -> str:
    """`body` with the answer promised by the decided send day's next business day instead of the strategist's."""
    if decided.answer_by == planned.answer_by:
        return body
    for old, new in zip(_answer_sentences(planned), _answer_sentences(decided), strict=True):
        if old in body:
            return body.replace(old, new, 1)
    return body


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
