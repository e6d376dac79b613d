"""The CRM task and the card say the same action in the same words, due at the same time.

Wave 27 made the card's meeting action "Invite Amelia Jensen to a meeting · Send the invitation Mon 7 Dec, 10:00 AM";
the task written to the CRM still said "Meet Amelia Jensen: ...", which read as the meeting itself, due a day before
the times the invitation proposes. And the card showed the strategist's time while the task fell due at the
decision's (moved out of quiet hours): two times for one action.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from agents.decision import Decision
from app import settings
from app.cards.view import action_view, card_view
from app.pipeline.writeback import task_spec
from app.storage import get_db
from app.storage.models import Enrichment
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import run_change, sample_record
from tests.pipeline.test_writeback_headings import _run

NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
DUE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def _decision(channel: str, action: str = "suggest", reasons: tuple[str, ...] = ()) -> Decision:
    return Decision(action, channel, DUE, None, action == "hold_for_approval", action == "escalate", reasons)  # type: ignore[arg-type]


def _card_title(channel: str) -> str:
    payload = {"next_best_action": {"channel": channel, "recipient": {"name": "Noah Wright"}, "summary": "x"}}
    view = action_view(payload, NOW, {})
    assert view is not None
    return str(view["title"])


@pytest.mark.parametrize("channel", ["email", "call", "meeting"])
def test_the_task_subject_is_the_cards_action(channel):
    spec = task_spec(
        sample_record("t1"),
        _run(channel, "call_script" if channel == "call" else "email"),
        _decision(channel),
    )
    # The strategy in the words the card shows (wave 31: "executive alignment" was the learning loop's arm name).
    assert spec.subject == f"{_card_title(channel)}: bring in their senior sponsor", spec.subject


def test_a_meeting_task_is_sending_the_invitation_not_the_meeting():
    spec = task_spec(sample_record("t1"), _run("meeting", "email"), _decision("meeting"))
    assert spec.subject.startswith("Invite Noah Wright to a meeting"), spec.subject
    assert not spec.subject.startswith("Meet"), spec.subject
    assert "Send the invitation below when this task is due" in spec.body, spec.body
    assert spec.due_at == DUE


def test_a_meeting_waiting_for_a_manager_is_not_told_to_send():
    spec = task_spec(
        sample_record("t1"),
        _run("meeting", "email"),
        _decision("meeting", "hold_for_approval", ("draft failed a quality check: needs approval",)),
    )
    assert spec.subject.startswith("Invite Noah Wright to a meeting")
    assert "Send the invitation below" not in spec.body
    assert "Needs a manager's approval before anything reaches the customer" in spec.body


@pytest.mark.parametrize("channel", ["email", "call"])
def test_other_channels_have_no_invitation_to_send(channel):
    spec = task_spec(
        sample_record("t1"),
        _run(channel, "call_script" if channel == "call" else "email"),
        _decision(channel),
    )
    assert "invitation" not in spec.subject.lower() and "Send the invitation" not in spec.body


def test_a_meeting_the_rules_turned_into_an_email_is_an_email_task():
    spec = task_spec(
        sample_record("t1"),
        _run("meeting", "email"),
        _decision("email", reasons=("channel meeting not allowed; using email",)),
    )
    assert spec.subject.startswith("Email Noah Wright:"), spec.subject
    assert "Send the invitation below" not in spec.body


def test_a_meeting_the_rules_turned_into_an_email_is_an_email_on_the_card_too():
    from app.pipeline.card import action_as_decided

    record, decision = sample_record("t1"), _decision("email", reasons=("channel meeting not allowed; using email",))
    spec = task_spec(record, _run("meeting", "email"), decision)
    nba = {"channel": "meeting", "recipient": {"name": "Noah Wright"}, "summary": "x", "due_at": NOW.isoformat()}
    view = action_view({"next_best_action": action_as_decided(nba, decision)}, NOW, {})
    assert view is not None and spec.subject.startswith(f"{view['title']}:"), (view, spec.subject)
    assert view["title"] == "Email Noah Wright" and "invitation" not in " ".join(view["meta"]).lower()


def test_the_cards_action_falls_due_when_the_task_does(app_factory):
    # Quiet from 09:00 to 08:00: every due time but 08:xx on a weekday is moved, so the decision's time differs
    # from the strategist's and the card must show the moved one.
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid)])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    settings.update(app, tid, {"quiet_hours_start": 9, "quiet_hours_end": 8}, author="test")
    run_change(app, 1)
    with get_db(app).session() as s:
        card = s.execute(select(Enrichment)).scalars().one().card
    nba = card["next_best_action"]
    assert any("moved out of quiet hours" in r for r in card["decision"]["reasons"]), card["decision"]
    assert nba["task"]["due_at"] == nba["due_at"]
    view = card_view(card, object_type="deal", now=NOW)
    assert view["task"]["due"] and view["task"]["due"] in view["action"]["meta"], (
        view["task"],
        view["action"],
    )
