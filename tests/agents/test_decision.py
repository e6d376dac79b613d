"""The decision engine, one table row per business rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents import Decision, LlmResult, Policy, decide
from tests.agents.conftest import load_record

CHICAGO = ZoneInfo("America/Chicago")
WED_10 = datetime(2026, 11, 25, 10, 0, tzinfo=CHICAGO)
BASE = LlmResult(arm="value_reinforcement", channel="email", due_at=WED_10, recipient_contact_id="501")
RECORD, SCORES = load_record()

ROWS = [
    # id, record changes, scores, llm changes, policy, expected (action, channel, discount, approval, escalate), reason
    ("default_suggest", {}, SCORES, {}, Policy(), ("suggest", "email", None, False, False), None),
    ("closed_won_suppressed", {"stage_kind": "won"}, SCORES, {}, Policy(), ("suppress", None, None, False, False),
     "deal is closed (won)"),
    ("closed_lost_suppressed", {"stage_kind": "lost"}, SCORES, {}, Policy(), ("suppress", None, None, False, False),
     "closed (lost)"),
    ("recipient_not_a_contact", {}, SCORES, {"recipient_contact_id": "999"}, Policy(),
     ("suppress", None, None, False, False), "not one of the record's contacts"),
    ("opted_out_by_id", {}, SCORES, {}, Policy(opted_out_contact_ids=frozenset({"501"})),
     ("suppress", None, None, False, False), "opted out"),
    ("opted_out_by_email", {}, SCORES, {}, Policy(opted_out_emails=frozenset({"DANA.WHITFIELD@northwind-logistics.com"})),
     ("suppress", None, None, False, False), "opted out"),
    ("opted_out_in_crm", {"extra": {"opted_out_contact_ids": ["501"]}}, SCORES, {}, Policy(),
     ("suppress", None, None, False, False), "opted out"),
    ("do_not_contact_flag", {"extra": {"do_not_contact": True}}, SCORES, {}, Policy(),
     ("suppress", None, None, False, False), "opted out"),
    ("discount_capped", {}, SCORES, {"discount": 0.5}, Policy(max_discount=0.1, approval_discount_over=0.2),
     ("suggest", "email", 0.1, False, False), "capped at 10%"),
    ("discount_needs_approval", {}, SCORES, {"discount": 0.08}, Policy(autonomy="auto"),
     ("hold_for_approval", "email", 0.08, True, False), "needs approval"),
    ("small_discount_auto_send", {}, SCORES, {"discount": 0.04}, Policy(autonomy="auto"),
     ("send", "email", 0.04, False, False), None),
    ("auto_sends_clean_email", {}, SCORES, {}, Policy(autonomy="auto"), ("send", "email", None, False, False), None),
    ("auto_never_sends_calls", {}, SCORES, {"channel": "call"}, Policy(autonomy="auto"),
     ("hold_for_approval", "call", None, False, False), None),
    ("approve_mode_holds", {}, SCORES, {}, Policy(autonomy="approve"),
     ("hold_for_approval", "email", None, False, False), None),
    ("failed_checks_need_approval", {}, SCORES, {"checks_passed": False}, Policy(autonomy="auto"),
     ("hold_for_approval", "email", None, True, False), "failed a quality check"),
    ("big_deal_escalates", {"amount": 250_000.0}, SCORES, {}, Policy(autonomy="auto"),
     ("escalate", "email", None, False, True), "human review"),
    ("high_churn_escalates", {}, {"churn": {"probability": 0.91}}, {}, Policy(),
     ("escalate", "email", None, False, True), "churn risk 91%"),
    ("disallowed_channel_becomes_email", {}, SCORES, {"channel": "meeting"},
     Policy(allowed_channels=frozenset({"email", "call"})), ("suggest", "email", None, False, False), "using email"),
    ("no_allowed_channel", {}, SCORES, {"channel": "call"}, Policy(allowed_channels=frozenset({"meeting"})),
     ("suppress", None, None, False, False), "not allowed"),
]


@pytest.mark.parametrize(("changes", "scores", "llm", "policy", "expected", "reason"),
                         [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_decision_table(changes, scores, llm, policy, expected, reason):
    d = decide(replace(RECORD, **changes), scores, replace(BASE, **llm), policy)
    assert isinstance(d, Decision)
    assert (d.action, d.channel, d.discount, d.requires_approval, d.escalate) == expected
    if reason:
        assert any(reason in r for r in d.reasons), d.reasons


QUIET = [
    ("inside_working_hours", datetime(2026, 11, 25, 10, 0, tzinfo=CHICAGO), datetime(2026, 11, 25, 10, 0, tzinfo=CHICAGO)),
    ("late_evening_moves_to_morning", datetime(2026, 11, 25, 21, 30, tzinfo=CHICAGO),
     datetime(2026, 11, 26, 8, 0, tzinfo=CHICAGO)),
    ("early_morning_moves_to_8", datetime(2026, 11, 25, 6, 15, tzinfo=CHICAGO), datetime(2026, 11, 25, 8, 0, tzinfo=CHICAGO)),
    ("friday_night_moves_to_monday", datetime(2026, 11, 27, 22, 0, tzinfo=CHICAGO),
     datetime(2026, 11, 30, 8, 0, tzinfo=CHICAGO)),
    ("saturday_moves_to_monday", datetime(2026, 11, 28, 11, 0, tzinfo=CHICAGO), datetime(2026, 11, 30, 8, 0, tzinfo=CHICAGO)),
]


@pytest.mark.parametrize(("due", "expected"), [q[1:] for q in QUIET], ids=[q[0] for q in QUIET])
def test_quiet_hours_and_weekends_in_the_owner_zone(due, expected):
    d = decide(RECORD, SCORES, replace(BASE, due_at=due), Policy())
    assert d.due_at == expected
    assert d.due_at.tzinfo is not None


def test_decide_is_pure_and_inputs_are_frozen():
    a = decide(RECORD, SCORES, BASE, Policy())
    b = decide(RECORD, SCORES, BASE, Policy())
    assert a == b
    with pytest.raises(AttributeError):
        BASE.discount = 0.5  # type: ignore[misc]


def _touched(*ats: str, kind: str = "email", direction: str = "outbound"):
    from integrations.base import Activity
    extra = tuple(Activity(type=kind, at=at, direction=direction, subject="Follow-up", body="Checking in.")
                  for at in ats)
    return replace(RECORD, activities=RECORD.activities + extra)


def test_a_record_contacted_three_times_this_week_gets_no_new_message_and_a_task_says_why():
    record = _touched("2026-11-20T15:00:00Z", "2026-11-23T15:00:00Z", "2026-11-24T15:00:00Z")
    d = decide(record, SCORES, BASE, Policy())
    assert d.action == "wait" and d.channel is None and d.discount is None
    assert "contacted 3 times in the last 7 days (cap 3)" in d.reasons[-1]
    # The oldest touch leaves the window on Friday 27 November: that is when a message is fine again.
    assert d.due_at.date().isoformat() == "2026-11-27" and "Fri 27 Nov" in d.reasons[-1]


def test_a_wait_that_ends_in_the_night_before_a_weekend_gives_the_owner_a_task_on_monday_morning():
    # The oldest touch, Sunday 29 November 02:01 Chicago time, leaves the window on Sunday 6 December at 02:01: the
    # buyer may hear from us then, but the owner's task is due in working hours, on the Monday.
    record = _touched("2026-11-29T08:01:00Z", "2026-11-30T15:00:00Z", "2026-12-01T15:00:00Z")
    d = decide(record, SCORES, replace(BASE, due_at=datetime(2026, 12, 2, 10, 0, tzinfo=CHICAGO)),
               Policy(quiet_hours=(20, 8)))
    assert d.action == "wait"
    assert "no new customer message before Sun 6 Dec" in d.reasons[-1]
    assert d.due_at == datetime(2026, 12, 7, 8, 0, tzinfo=CHICAGO)


@pytest.mark.parametrize(("record", "policy"), [
    (_touched("2026-11-20T15:00:00Z", "2026-11-23T15:00:00Z"), Policy()),  # two touches: under the cap
    (_touched("2026-11-10T15:00:00Z", "2026-11-12T15:00:00Z", "2026-11-17T15:00:00Z"), Policy()),  # older than 7 days
    (_touched("2026-11-20T15:00:00Z", "2026-11-23T15:00:00Z", "2026-11-24T15:00:00Z", direction="inbound"),
     Policy()),  # the buyer wrote to us: not pestering
    (_touched("2026-11-20T15:00:00Z", "2026-11-23T15:00:00Z", "2026-11-24T15:00:00Z", kind="note"), Policy()),
    (_touched("2026-11-20T15:00:00Z", "2026-11-23T15:00:00Z", "2026-11-24T15:00:00Z"),
     Policy(contact_frequency_cap=0)),  # the tenant turned the cap off
    (_touched("2026-11-26T15:00:00Z", "2026-11-27T15:00:00Z", "2026-11-28T15:00:00Z"), Policy()),  # after the due time
], ids=["two_touches", "older_than_a_week", "inbound", "notes", "cap_off", "after_due"])
def test_touches_under_the_cap_outside_the_week_or_not_outbound_do_not_hold_the_message(record, policy):
    assert decide(record, SCORES, BASE, policy).action == "suggest"


def test_an_angry_buyer_is_escalated_even_when_the_cap_is_reached():
    record = _touched("2026-11-20T15:00:00Z", "2026-11-23T15:00:00Z", "2026-11-24T15:00:00Z")
    d = decide(record, SCORES, replace(BASE, escalations=("angry: 'very disappointed'",)), Policy())
    assert d.action == "escalate"
