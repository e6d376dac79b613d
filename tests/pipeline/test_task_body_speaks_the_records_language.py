"""The CRM task's own words are in the record's language, as the card's are.

Wave 34's note carried it: a German deal's task said "E-Mail an Frau Schmidt: ..." in its subject and then "Why:",
"Guardrails: discount 8% above 2%", "Needs a manager's approval ...", "Draft email to Anna Schmidt:", "Subject: ..."
over a German draft. The rep reads the task in the CRM's task list, often without opening the card: the frame around
the draft must be the card's words (one catalogue, app/cards/messages). What the agents wrote themselves (the summary,
the strategist's rationale) is shown as written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from agents.decision import Decision
from agents.models import Draft, Person, Recipient
from app.cards.catalogue import text
from app.pipeline.writeback import task_spec
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

DUE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
ENGLISH_FRAME = ("Why:", "Guardrails:", "Needs a manager's approval", "Draft email", "Meeting invitation (email)",
                 "Subject:", "below when this task is due", "No new message to the customer", "Wait before contacting")


def _run(language: str, channel: str = "email"):
    draft = Draft(to=Recipient(contact_id="c1", name="Anna Schmidt", email="anna@example.com"), channel=channel,
                  kind="email", subject="Ihr Angebot", body="Guten Tag Frau Schmidt,\n\nanbei das Angebot.\n\nLena",
                  language=language, tone="neutral")
    nba = SimpleNamespace(channel=channel, summary="Email Anna Schmidt the proposal",
                          recipient=Person(name="Anna Schmidt"))
    strategy = SimpleNamespace(arm="value_reinforcement", rationale="She asked for the proposal.")
    return SimpleNamespace(next_best_action=nba, strategy=strategy, draft=draft)


def _held(action: str = "hold_for_approval", reasons: tuple[str, ...] = ("discount 8% above 2%",)) -> Decision:
    return Decision(action, "email", DUE, 0.08, True, False, reasons)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_held_task_frames_its_draft_in_the_records_language(language):
    body = task_spec(sample_record("t1"), _run(language), _held()).body
    for english in ENGLISH_FRAME:
        assert english not in body, (english, body)
    assert text(language, "draft.subject_line", subject="Ihr Angebot") in body, body
    assert text(language, "task.needs_approval") in body, body
    assert text(language, "draft.heading.email") in body, body
    # The guardrail's reason in the card's words for it ("Rabatt 8 % über 2 %"), not the engine's English.
    assert "above" not in body and "8" in body, body
    # What the agents wrote is shown as written (a translation would be a guess).
    assert "She asked for the proposal." in body and "Email Anna Schmidt the proposal" in body


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_meeting_task_says_when_to_send_the_invitation_in_the_records_language(language):
    suggest = Decision("suggest", "meeting", DUE, None, False, False, ())  # type: ignore[arg-type]
    body = task_spec(sample_record("t1"), _run(language, "meeting"), suggest).body
    assert text(language, "task.send_when_due") in body, body
    assert text(language, "draft.heading.meeting") in body, body
    assert "Send the invitation below" not in body, body


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_task_that_waits_says_so_in_the_records_language(language):
    capped = "contacted 3 times in the last 7 days (cap 2): no new customer message before Mon 7 Dec"
    wait = Decision("wait", "email", DUE, None, False, False, (capped,))  # type: ignore[arg-type]
    spec = task_spec(sample_record("t1"), _run(language), wait)
    assert "contacted" not in spec.body and "(cap 2)" not in spec.body, spec.body  # the cap said as the card says it
    assert spec.subject == text(language, "task.wait_subject", who="Anna Schmidt"), spec.subject
    assert text(language, "task.no_message") in spec.body, spec.body
    assert "Wait before" not in spec.subject and "No new message" not in spec.body


def test_an_english_task_reads_as_it_did():
    body = task_spec(sample_record("t1"), _run("en"), _held()).body
    assert "Why: She asked for the proposal." in body, body
    assert "Guardrails: discount 8% above 2%" in body, body
    assert "Needs a manager's approval before anything reaches the customer." in body, body
    assert "Draft email to Anna Schmidt:" in body and "Subject: Ihr Angebot" in body, body
