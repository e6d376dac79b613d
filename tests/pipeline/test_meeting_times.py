"""A draft never proposes a meeting time before the decided send time plus two working hours: when the decision
moves the send time (quiet hours, weekends), the times the writer proposed give way to later ones, in the draft the
card, the CRM task and the note show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

import agents.strategist
from agents import AgentSettings, LlmResult, Policy, decide, run_agents
from agents.decision import Decision
from agents.meeting_slots import slots_after, working_hours_after
from app.pipeline.meeting_times import after_send_time
from app.storage import get_db
from app.storage.models import Enrichment
from tests.pipeline.test_pipeline_on_fake_crm import pipeline_app, run_change, sample_record  # noqa: F401

CHICAGO, NEW_YORK = ZoneInfo("America/Chicago"), ZoneInfo("America/New_York")
"""The sample deal's owner's zone (where the send time is decided) and its contacts' (where the slots are)."""


def _next_monday(after: datetime) -> datetime:
    # The Monday of Chicago, where the tests set the hour: the UTC Monday after a Sunday evening in Chicago (00:00-06:00
    # UTC) is still Sunday there, and two tests failed in those hours (found at 00:10 UTC, wave 29).
    day = after.astimezone(CHICAGO) + timedelta(days=1)
    while day.weekday() != 0:
        day += timedelta(days=1)
    return day


def _run_due(monkeypatch, due: datetime, *, now: datetime):
    """The offline agents' run with the strategist's send time `due` (the writer plans its slots from it)."""
    monkeypatch.setattr(agents.strategist, "schedule", lambda timing, local_now: due)
    record = sample_record("t1")
    settings = AgentSettings(tenant_id="t1")
    return record, settings, run_agents(record, {}, settings, now=now)


def _moved(decision_due: datetime) -> Decision:
    return Decision("suggest", "email", decision_due, None, False, False, ("moved out of quiet hours",))


def test_quiet_hours_that_move_the_send_past_the_first_slot_move_that_slot(monkeypatch) -> None:
    # Monday 16:00 in Chicago; quiet hours from 16:00 move it to Tuesday 09:00 (10:00 in New York), the very time
    # of the first slot the writer proposed ("Tuesday at 10:00 or at 14:00").
    monday = (
        _next_monday(datetime.now(UTC))
        .astimezone(CHICAGO)
        .replace(hour=16, minute=0, second=0, microsecond=0)
    )
    record, settings, run = _run_due(monkeypatch, monday, now=monday - timedelta(hours=3))
    tuesday, wednesday = monday + timedelta(days=1), monday + timedelta(days=2)
    first = f"{tuesday:%A}, {tuesday:%B} {tuesday.day} at 10:00"
    assert first in run.draft.body and "at 14:00" in run.draft.body
    decision = decide(record, {}, LlmResult.from_run(run), Policy(quiet_hours=(16, 9)))
    assert decision.due_at == tuesday.replace(hour=9)
    fixed = after_send_time(run, record, {}, decision, settings, now=monday - timedelta(hours=3))
    # 10:00 is the send time itself: gone; 14:00 is four working hours later: kept; Wednesday 10:00 joins it.
    assert first not in fixed.draft.body
    assert (
        f"{tuesday:%A}, {tuesday:%B} {tuesday.day} at 14:00 or {wednesday:%A}, {wednesday:%B} {wednesday.day} "
        f"at 10:00" in fixed.draft.body
    )
    # nothing else, but the answer's day (the day after the decided send day, wave 30)
    answered = run.draft.body.replace(
        f"an answer by {tuesday:%B} {tuesday.day}.", f"an answer by {wednesday:%B} {wednesday.day}."
    )
    assert fixed.draft.body.replace(
        fixed.draft.body.split("Would ")[1].split(" (your time)")[0], ""
    ) == answered.replace(answered.split("Would ")[1].split(" (your time)")[0], "")


def test_a_send_moved_past_both_slots_gets_two_later_ones_in_the_drafts_language(monkeypatch) -> None:
    monday = (
        _next_monday(datetime.now(UTC))
        .astimezone(CHICAGO)
        .replace(hour=10, minute=0, second=0, microsecond=0)
    )
    record, settings, run = _run_due(monkeypatch, monday, now=monday - timedelta(hours=1))
    tuesday = monday + timedelta(days=1)
    sent = tuesday.astimezone(NEW_YORK).replace(hour=16)  # after Tuesday's 10:00 and 14:00
    fixed = after_send_time(run, record, {}, _moved(sent), settings, now=monday)
    wednesday = tuesday + timedelta(days=1)
    assert f"{tuesday:%A}, {tuesday:%B} {tuesday.day} at 10:00" not in fixed.draft.body
    # 16:00 plus two working hours is Wednesday 10:00: both Wednesday slots are fair.
    assert f"{wednesday:%A}, {wednesday:%B} {wednesday.day} at 10:00 or at 14:00" in fixed.draft.body


def test_slots_that_stay_two_working_hours_after_the_send_are_left_alone(monkeypatch) -> None:
    monday = (
        _next_monday(datetime.now(UTC))
        .astimezone(CHICAGO)
        .replace(hour=10, minute=0, second=0, microsecond=0)
    )
    record, settings, run = _run_due(monkeypatch, monday, now=monday - timedelta(hours=1))
    later_same_day = monday + timedelta(
        hours=5
    )  # 15:00 Chicago: the slots are tomorrow, 10:00 is 2 working hours on
    assert after_send_time(run, record, {}, _moved(later_same_day), settings, now=monday).draft == run.draft
    assert after_send_time(run, record, {}, _moved(monday), settings, now=monday) is run  # not moved at all
    earlier = monday - timedelta(hours=1)
    assert after_send_time(run, record, {}, _moved(earlier), settings, now=monday) is run  # moved earlier


def test_the_actions_summary_says_the_decided_send_time_not_the_strategists(monkeypatch) -> None:
    # The CRM task and note read "Email Dana Whitfield (...) on Mon 07 Dec 16:00 America/Chicago" on a task due
    # Tuesday 09:00.
    monday = (
        _next_monday(datetime.now(UTC))
        .astimezone(CHICAGO)
        .replace(hour=16, minute=0, second=0, microsecond=0)
    )
    record, settings, run = _run_due(monkeypatch, monday, now=monday - timedelta(hours=3))
    said = f"on {monday:%a %d %b} 16:00 America/Chicago"
    assert said in run.next_best_action.summary
    fixed = after_send_time(run, record, {}, _moved(monday + timedelta(hours=17)), settings, now=monday)
    tuesday = monday + timedelta(days=1)
    assert said not in fixed.next_best_action.summary
    assert fixed.next_best_action.summary.endswith(f"on {tuesday:%a %d %b} 09:00 America/Chicago")
    assert (
        fixed.next_best_action.due_at == run.next_best_action.due_at
    )  # the strategist's plan stays on record


def test_a_draft_in_german_has_its_german_times_moved(monkeypatch) -> None:
    from dataclasses import replace

    monday = (
        _next_monday(datetime.now(UTC))
        .astimezone(CHICAGO)
        .replace(hour=10, minute=0, second=0, microsecond=0)
    )
    monkeypatch.setattr(agents.strategist, "schedule", lambda timing, local_now: monday)
    us = sample_record("t1")
    assert us.company is not None
    record = replace(
        us, company=replace(us.company, country="Germany")
    )  # a buyer in Berlin, written in German
    settings = AgentSettings(tenant_id="t1")
    run = run_agents(record, {}, settings, now=monday)
    tuesday = monday + timedelta(days=1)
    assert run.draft.language == "de" and "Dienstag" in run.draft.body
    fixed = after_send_time(
        run, record, {}, _moved(tuesday.astimezone(NEW_YORK).replace(hour=16)), settings, now=monday
    )
    assert "Dienstag" not in fixed.draft.body and "Mittwoch" in fixed.draft.body


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (datetime(2026, 12, 8, 9, 0), datetime(2026, 12, 8, 11, 0)),  # Tuesday morning: same day
        (datetime(2026, 12, 8, 16, 0), datetime(2026, 12, 9, 10, 0)),  # one hour today, one tomorrow
        (datetime(2026, 12, 8, 21, 0), datetime(2026, 12, 9, 11, 0)),  # after hours: from tomorrow's start
        (
            datetime(2026, 12, 11, 16, 30),
            datetime(2026, 12, 14, 10, 30),
        ),  # Friday afternoon: over the weekend
        (datetime(2026, 12, 23, 16, 0), datetime(2026, 12, 28, 10, 0)),  # 24th and 25th off, then the weekend
    ],
)
def test_two_working_hours_skip_nights_weekends_and_days_off(start, expected) -> None:
    got = working_hours_after(start.replace(tzinfo=NEW_YORK), 2, "America/New_York", "United States")
    assert got.replace(tzinfo=None) == expected


def test_replacement_slots_follow_the_writers_rules_and_keep_the_fair_ones() -> None:
    tuesday_10 = datetime(2026, 12, 8, 10, tzinfo=NEW_YORK)
    slots = [tuesday_10, tuesday_10.replace(hour=14)]
    assert slots_after(slots, tuesday_10.replace(hour=11), "America/New_York", "US") == [
        tuesday_10.replace(hour=14),
        datetime(2026, 12, 9, 10, tzinfo=NEW_YORK),
    ]
    # A lead ending at 10:30 on Friday: Friday 14:00, then Monday (not the weekend) 10:00.
    friday = datetime(2026, 12, 11, 10, 30, tzinfo=NEW_YORK)
    assert slots_after(
        [friday.replace(hour=10, minute=0), friday.replace(hour=14, minute=0)],
        friday,
        "America/New_York",
        "US",
    ) == [friday.replace(hour=14, minute=0), datetime(2026, 12, 14, 10, tzinfo=NEW_YORK)]


def test_the_card_the_crm_task_and_the_note_all_carry_the_moved_times(pipeline_app, monkeypatch) -> None:  # noqa: F811
    from app import settings as tenant_settings

    app, tid, crm = pipeline_app
    tenant_settings.update(
        app, tid, {"quiet_hours_start": 16, "quiet_hours_end": 9}, author="revops@example.com"
    )
    monday = (
        _next_monday(datetime.now(UTC))
        .astimezone(CHICAGO)
        .replace(hour=16, minute=0, second=0, microsecond=0)
    )
    monkeypatch.setattr(agents.strategist, "schedule", lambda timing, local_now: monday)
    run_change(app, 1)
    tuesday, wednesday = monday + timedelta(days=1), monday + timedelta(days=2)
    before = f"{tuesday:%A}, {tuesday:%B} {tuesday.day} at 10:00"
    after = (
        f"{tuesday:%A}, {tuesday:%B} {tuesday.day} at 14:00 or {wednesday:%A}, {wednesday:%B} {wednesday.day}"
    )
    with get_db(app).session() as s:
        card = s.execute(select(Enrichment)).scalars().one().card
    assert card["next_best_action"]["due_at"].startswith(tuesday.strftime("%Y-%m-%dT09:00"))
    task = next(iter(crm.tasks.values()))
    texts = {"card": card["draft"]["body"], "task": str(task)}
    assert all(after in text and before not in text for text in texts.values()), texts
    # The note carries no draft; it and the task say when the rep acts, the decided time.
    said, decided = f"on {monday:%a %d %b} 16:00", f"on {tuesday:%a %d %b} 09:00 America/Chicago"
    for text in (str(task), str(crm.notes[0]), card["next_best_action"]["summary"]):
        assert decided in text and said not in text, text
