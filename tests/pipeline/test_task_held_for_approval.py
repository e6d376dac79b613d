"""A task whose action needs a manager's approval says so, and never tells the rep to send it when due.

Wave 30's walk set the approval threshold to 2%: Bright Marketing's draft offered 8% off and the card said "Needs a
manager's approval before it reaches the customer (discount 8% above 2%)"; the CRM task (which a rep may act on
without opening the card) carried only "Guardrails: discount 8% above 2% needs approval" among its lines, with no
word that it is held, and a meeting's task in that state said "Send the invitation below when this task is due". In
the default `suggest` autonomy such a decision stays "suggest" with `requires_approval`; only "escalate" and
"hold_for_approval" were held.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.decision import Decision
from app.pipeline.writeback import task_spec
from tests.pipeline.test_pipeline_on_fake_crm import sample_record
from tests.pipeline.test_writeback_headings import _run

DUE = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
HELD = "Needs a manager's approval before anything reaches the customer."


@pytest.mark.parametrize("channel", ["email", "meeting"])
@pytest.mark.parametrize(
    "action, approval, escalate, reason",
    [
        (
            "suggest",
            True,
            False,
            "discount 8% above 2% needs approval",
        ),  # suggest mode, discount over the threshold
        ("suggest", True, False, "draft failed a quality check: needs approval"),
        ("hold_for_approval", True, False, "discount 8% above 2% needs approval"),  # approve/auto mode
        ("escalate", False, True, "amount 515,500 above 300,000: human review"),
    ],
)
def test_an_action_a_manager_must_approve_is_held_in_the_task(channel, action, approval, escalate, reason):
    decision = Decision(action, channel, DUE, 0.08, approval, escalate, (reason,))  # type: ignore[arg-type]
    body = task_spec(sample_record("t1"), _run(channel, "email"), decision).body
    assert HELD in body and f"Guardrails: {reason}" in body, body
    assert "below when this task is due" not in body, body
    assert "Could we meet on Tuesday?" in body  # the draft is still there, for the approver to read


def test_an_action_no_one_must_approve_keeps_its_instruction_and_is_not_held():
    decision = Decision("suggest", "meeting", DUE, 0.03, False, False, ("moved out of quiet hours",))
    body = task_spec(sample_record("t1"), _run("meeting", "email"), decision).body
    assert "Send the invitation below when this task is due" in body and HELD not in body, body
    email = Decision("suggest", "email", DUE, 0.03, False, False, ())
    assert HELD not in task_spec(sample_record("t1"), _run("email", "email"), email).body
