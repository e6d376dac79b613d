"""The app task written back to the CRM (the same TaskSpec for HubSpot and Salesforce) heads the draft
by what it is, as the card does: a meeting's draft is an invitation, a call's a script."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from agents.models import Draft, Person, Recipient
from app.pipeline.writeback import task_spec
from tests.pipeline.test_pipeline_on_fake_crm import sample_record


def _run(channel: str, kind: str):
    draft = Draft(to=Recipient(contact_id="c1", name="Noah Wright", email="noah@example.com"), channel=channel,
                  kind=kind, subject="Thirty minutes on the rollout" if kind != "call_script" else "Rollout call",
                  body="Hi Noah,\n\nCould we meet on Tuesday?\n\nBest,\nSam", language="en", tone="neutral")
    nba = SimpleNamespace(channel=channel, summary=f"{channel.title()} Noah Wright about the rollout",
                          recipient=Person(name="Noah Wright"))
    strategy = SimpleNamespace(arm="executive_alignment", rationale="The buyer asked for a meeting.")
    return SimpleNamespace(next_best_action=nba, strategy=strategy, draft=draft)


@pytest.mark.parametrize(("channel", "kind", "heading"), [
    ("meeting", "email", "Meeting invitation (email) to Noah Wright:"),
    ("call", "call_script", "Call script to Noah Wright:"),
    ("email", "email", "Draft email to Noah Wright:"),
])
def test_the_task_heads_the_draft_by_its_kind(channel, kind, heading):
    body = task_spec(sample_record("t1"), _run(channel, kind), None).body
    assert heading in body, body
    assert "Subject: " in body and "Could we meet on Tuesday?" in body


def test_a_meeting_invitation_is_not_called_a_draft_email():
    body = task_spec(sample_record("t1"), _run("meeting", "email"), None).body
    assert "Draft email" not in body, body
