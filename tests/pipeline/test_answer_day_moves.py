"""The day a draft promises its answer by follows the decided send time, as its proposed meeting times do.

Wave 29 left it: an offline draft whose send time the decision moved (quiet hours, a weekend) still said "I am on it
and will send you an answer by <day>" counted from the strategist's send day: sent Tuesday 09:00, it promised the
answer by Tuesday. The day is the writer's own rule (the next business day after sending) applied to the decided
send time, in the draft's language; a draft that words it otherwise (a model's) is left as written.

Every answer-day case is here (wave 31: tests/pipeline/test_meeting_times.py had three of them again, in other words;
that file keeps the meeting times, and its first test that nothing but the slots and the answer day change).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

import agents.strategist
from agents import AgentSettings, run_agents
from agents.slot_text import format_day
from app.pipeline.meeting_times import after_send_time
from tests.pipeline.test_meeting_times import CHICAGO, NEW_YORK, _moved, _next_monday
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

PROMISE = {
    "en": "will send you an answer by {day}.",
    "de": "melde mich bis zum {day} mit einer",
    "fr": "je vous réponds d'ici le {day}.",
    "es": "{day}",
}


def _monday(hour: int) -> datetime:
    return (
        _next_monday(datetime.now(UTC))
        .astimezone(CHICAGO)
        .replace(hour=hour, minute=0, second=0, microsecond=0)
    )


def _run(monkeypatch, due: datetime, country: str | None = None):
    monkeypatch.setattr(agents.strategist, "schedule", lambda timing, local_now: due)
    record = sample_record("t1")
    if country:
        assert record.company is not None
        record = replace(record, company=replace(record.company, country=country))
    settings = AgentSettings(tenant_id="t1")
    return record, settings, run_agents(record, {}, settings, now=due - timedelta(hours=3))


@pytest.mark.parametrize("country, language", [(None, "en"), ("Germany", "de"), ("France", "fr")])
def test_quiet_hours_that_move_the_send_a_day_move_the_answer_day_in_the_drafts_language(
    monkeypatch, country, language
) -> None:
    monday = _monday(16)
    record, settings, run = _run(monkeypatch, monday, country)
    assert run.draft.language == language
    tuesday, wednesday = (monday + timedelta(days=1)).date(), (monday + timedelta(days=2)).date()
    promised = PROMISE[language].format(day=format_day(tuesday, language))
    assert promised in run.draft.body  # the writer counted from Monday
    fixed = after_send_time(
        run,
        record,
        {},
        _moved(datetime.combine(tuesday, datetime.min.time(), CHICAGO).replace(hour=9)),
        settings,
        now=monday,
    )
    assert promised not in fixed.draft.body, fixed.draft.body
    assert PROMISE[language].format(day=format_day(wednesday, language)) in fixed.draft.body


@pytest.mark.parametrize("country, language", [(None, "en"), ("Germany", "de")])
def test_a_send_moved_over_the_weekend_promises_the_next_business_day(monkeypatch, country, language) -> None:
    friday = _monday(16) - timedelta(days=3)
    record, settings, run = _run(monkeypatch, friday, country)
    next_monday = (friday + timedelta(days=3)).date()
    promised = PROMISE[language].format(day=format_day(next_monday, language))
    assert promised in run.draft.body  # Friday's next business day
    sent = datetime.combine(next_monday, datetime.min.time(), CHICAGO).replace(hour=9)
    fixed = after_send_time(run, record, {}, _moved(sent), settings, now=friday)
    # Tuesday, not the Monday it arrives on (nor Saturday, Friday's next day)
    assert promised not in fixed.draft.body, fixed.draft.body
    assert PROMISE[language].format(day=format_day(next_monday + timedelta(days=1), language)) in fixed.draft.body


def test_the_answer_day_moves_while_a_meeting_slot_on_the_day_after_keeps_its_day(monkeypatch) -> None:
    # Monday 16:00 moved to Tuesday 09:00: the answer goes to Wednesday, the slot on Tuesday at 14:00 stays Tuesday's
    monday = _monday(16)
    record, settings, run = _run(monkeypatch, monday)
    tuesday, wednesday = monday + timedelta(days=1), monday + timedelta(days=2)
    fixed = after_send_time(run, record, {}, _moved(tuesday.replace(hour=9)), settings, now=monday)
    assert f"an answer by {format_day(wednesday.date(), 'en')}." in fixed.draft.body
    assert f"{tuesday:%A}, {tuesday:%B} {tuesday.day} at 14:00" in fixed.draft.body


def test_a_send_moved_later_the_same_day_keeps_the_answer_day(monkeypatch) -> None:
    monday = _monday(10)
    record, settings, run = _run(monkeypatch, monday)
    fixed = after_send_time(run, record, {}, _moved(monday + timedelta(hours=5)), settings, now=monday)
    assert fixed.draft == run.draft


def test_a_draft_that_words_its_promise_otherwise_is_left_as_written(monkeypatch) -> None:
    monday = _monday(16)
    record, settings, run = _run(monkeypatch, monday)
    tuesday = (monday + timedelta(days=1)).date()
    own = run.draft.body.replace(
        f"will send you an answer by {format_day(tuesday, 'en')}.",
        f"will get back to you on {format_day(tuesday, 'en')}.",
    )
    assert own != run.draft.body
    worded = run.model_copy(update={"draft": run.draft.model_copy(update={"body": own})})
    sent = datetime.combine(tuesday, datetime.min.time(), NEW_YORK).replace(hour=16)
    fixed = after_send_time(worded, record, {}, _moved(sent), settings, now=monday)
    assert f"will get back to you on {format_day(tuesday, 'en')}." in fixed.draft.body
