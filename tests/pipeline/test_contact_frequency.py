"""Contact frequency cap through the pipeline: a deal the seller emailed three times in the last hours
gets a task that says to wait, and no draft to send."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from app.cards.view import DRAFT_KINDS
from integrations.base import Activity
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_batch_and_outcome import run_all, send
from tests.pipeline.test_pipeline_on_fake_crm import sample_record


def _emailed(record, hours_ago):
    now = datetime.now(UTC)
    touches = tuple(Activity(type="email", at=(now - timedelta(hours=h)).isoformat(timespec="seconds"),
                             direction="outbound", subject="Checking in", body="Any news on the proposal?")
                    for h in hours_ago)
    return replace(record, activities=record.activities + touches)


def _tenant(app):
    """A tenant whose strategies are all due within a few working days.

    The cap counts the touches in the 7 days before the message is due, and the bandit picks the
    strategy: education_nurture is due next week (from a Monday, seven days ahead, when no past
    touch is in its window), and from a Thursday the others fall on Monday or Tuesday, so touches
    1-3 days old were out of the window at some hours of some weekdays: the test failed on
    Thursday afternoons. Touches hours old and no next-week strategy make it hold at any time.
    """
    from app import settings
    from app.pipeline.strategy import ALL_ARMS

    tid = install_tenant(app, "62515")
    settings.update(app, tid, {"strategy_catalogue": [a for a in ALL_ARMS if a != "education_nurture"]},
                    author="test")
    return tid


def test_a_deal_emailed_three_times_this_week_gets_a_wait_task_without_a_draft(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = _tenant(app)
    crm = FakeCrm([_emailed(sample_record(tid, "8950"), (1, 2, 3)), _emailed(sample_record(tid, "8951"), (1, 9 * 24))])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    send(app, ["8950", "8951"])
    run_all(app)
    capped, normal = crm.tasks["8950"], crm.tasks["8951"]
    assert capped["subject"].startswith("Wait before contacting")
    assert "contacted 3 times in the last 7 days (cap 3)" in capped["body"]
    assert not any(h in capped["body"] for h in ("Draft email", "Call script", "Best,\nSam"))
    assert any(h in normal["body"] for h, _, _ in DRAFT_KINDS.values())


def test_the_card_of_a_capped_deal_says_wait_and_shows_no_draft(app_factory):
    from sqlalchemy import select

    from app.cards.view import card_view
    from app.storage import get_db
    from app.storage.models import Enrichment

    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = _tenant(app)
    crm = FakeCrm([_emailed(sample_record(tid, "8950"), (1, 2, 3))])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    send(app, ["8950"])
    run_all(app)
    with get_db(app).session() as s:
        card = s.execute(select(Enrichment.card).where(Enrichment.record_id == "8950")).scalars().one()
    assert card["draft"] == {} and card["next_best_action"]["summary"].startswith("Wait: contacted 3 times")
    view = card_view(card, now=datetime.now(UTC))
    assert view["draft"] is None and view["action"]["title"].startswith("Wait: contacted 3 times")
    # the card shows when the owner's task falls due (the end of the wait), not the send time the wait replaced
    due = datetime.fromisoformat(card["next_best_action"]["due_at"])
    assert due > datetime.now(UTC) + timedelta(days=6), card["next_best_action"]
