"""The learning report is computed by a worker when outcomes land, never in the view that shows it: the page
shows the stored report at once, says when it was computed, and never shows an out-of-date one as current."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from app.storage import get_db
from app.storage.models import Action, PeriodicRun, ReportCache, Reward, Tenant
from tests.admin.conftest import ADMIN_TOKEN, crm_session, operator_session, set_installer
from tests.admin.test_learning_report_cache import report_of, settled, view
from tests.conftest import install_tenant, redis_url
from tests.learning.logged import add_outcomes, log_decisions

A = "hubspot-101"
AT = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)


def stamp(app: Any, at: datetime = AT) -> None:
    """Date the stored report, so the page's words can be checked against a known time."""
    with get_db(app).session() as s:
        s.execute(update(ReportCache).where(ReportCache.tenant_id == A).values(computed_at=at))


def requested(app: Any, tenant: str = A) -> bool:
    """The learning-report job is due within LEARNING_REPORT_DELAY_SECONDS (not only at its 10-minute period)."""
    with get_db(app).session() as s:
        row = s.execute(select(PeriodicRun).where(PeriodicRun.tenant_id == tenant,
                                                  PeriodicRun.name == "learning_report")).scalars().first()
        if row is None:
            return False
        due = row.next_run_at if row.next_run_at.tzinfo else row.next_run_at.replace(tzinfo=UTC)
        return due <= datetime.now(UTC) + timedelta(seconds=app.config["LEARNING_REPORT_DELAY_SECONDS"] + 1)


def leaders_tick(app: Any) -> list[tuple[str, str]]:
    """One scheduler tick as the leader makes it, running the jobs it hands out the way a worker runs them."""
    from app import scheduler

    due: list[tuple[str, str]] = []
    scheduler.tick(app, enqueue=lambda t, n: due.append((t, n)))
    with app.app_context():
        for tenant, name in due:
            scheduler.run_periodic(tenant, name)
    return due


def test_an_up_to_date_report_says_when_it_was_computed(console, computed):
    log_decisions(console, A, n=10)
    first = view(console)
    assert 'id="report-fresh"' in first and "Computed just now" in first
    stamp(console)
    page = view(console)
    assert 'id="report-fresh"' in page and 'id="report-stale"' not in page
    assert "Computed at <time datetime=\"2026-03-02T10:15:00+00:00\">2026-03-02 10:15 UTC</time>" in page
    assert "recorded so far" in page
    assert computed == [10]


def change_outcome(app: Any) -> None:
    assert add_outcomes(app, A) > 0


def change_decision(app: Any) -> None:
    log_decisions(app, A, n=1, outcomes=False)


def change_reward(app: Any) -> None:
    with get_db(app).session() as s:
        s.execute(Reward.__table__.delete().where(Reward.id == s.scalar(select(Reward.id).limit(1))))


def change_feedback(app: Any) -> None:
    with get_db(app).session() as s:
        s.add(Action(tenant_id=A, object_type="deal", record_id="d3", kind="feedback_dismiss", status="logged",
                     payload={"reason": "not_relevant"}))


def change_code(app: Any, monkeypatch: Any) -> None:
    from app.admin import report_cache

    monkeypatch.setattr(report_cache, "code_version", lambda: "another-release")


@pytest.mark.parametrize("change", [change_outcome, change_decision, change_reward, change_feedback, change_code])
def test_a_report_older_than_its_data_is_never_shown_as_current(console, computed, monkeypatch, change):
    log_decisions(console, A, n=10, outcomes=change is not change_outcome)
    before = report_of(view(console))
    stamp(console)
    if change is change_code:
        change(console, monkeypatch)
    else:
        change(console)
    page = view(console)
    assert 'id="report-stale"' in page and 'id="report-fresh"' not in page and "recorded so far" not in page
    assert "computed at <time datetime=\"2026-03-02T10:15:00+00:00\">2026-03-02 10:15 UTC</time>" in page
    assert "not in it yet" in page and "A worker is computing a newer one" in page
    assert report_of(page) == before  # the old report, at once: the view computed nothing
    assert len(computed) == 1
    assert requested(console)


def test_a_stale_view_asks_the_scheduler_and_the_leaders_next_tick_brings_it_up_to_date(console, computed):
    console.config["LEARNING_REPORT_DELAY_SECONDS"] = 0
    log_decisions(console, A, n=10, outcomes=False)
    view(console)
    assert not requested(console)  # an up-to-date report asks for nothing
    add_outcomes(console, A)
    assert "0 with an outcome" in view(console)
    assert ("hubspot-101", "learning_report") in leaders_tick(console)
    assert not requested(console)
    page = view(console)
    assert "10 decisions, 10 with an outcome" in page and 'id="report-fresh"' in page
    assert computed == [10, 10]
    assert ("hubspot-101", "learning_report") not in leaders_tick(console)  # nothing asked, not yet due


def test_a_burst_of_requests_makes_one_run_within_the_delay_not_one_per_request(console):
    from app.admin.learning_report import request_refresh
    from app.scheduler import claim_due

    for _ in range(5):  # five outcome batches in a row
        request_refresh(console, A)
    now = datetime.now(UTC)
    assert requested(console)
    assert ("hubspot-101", "learning_report") not in claim_due(console, now=now)  # not before the delay
    later = now + timedelta(seconds=61)
    assert [c for c in claim_due(console, now=later) if c == (A, "learning_report")] == [(A, "learning_report")]
    assert (A, "learning_report") not in claim_due(console, now=later)  # once
    request_refresh(console, A)  # a request never pushes an earlier due time later
    with get_db(console).session() as s:
        row = s.execute(select(PeriodicRun).where(PeriodicRun.tenant_id == A,
                                                  PeriodicRun.name == "learning_report")).scalar_one()
        row.next_run_at = now
    request_refresh(console, A)
    assert (A, "learning_report") in claim_due(console, now=now + timedelta(seconds=1))


def test_the_workers_refresh_leaves_an_up_to_date_report_alone_and_computes_leads_only_once_viewed(console, computed):
    from app.admin.learning_report import refresh

    with get_db(console).session() as s:  # Leads are Salesforce's: a HubSpot tenant's page offers deals only
        s.execute(update(Tenant).where(Tenant.id == A).values(crm="salesforce"))
    log_decisions(console, A, n=10, outcomes=False)
    assert refresh(console, A) == {"tenant": A, "computed": ["deal"], "up_to_date": []}
    assert refresh(console, A) == {"tenant": A, "computed": [], "up_to_date": ["deal"]}
    operator = operator_session(console.test_client())
    settled(operator, f"/admin/t/{A}/learning?object_type=lead")
    add_outcomes(console, A)
    assert refresh(console, A) == {"tenant": A, "computed": ["deal", "lead"], "up_to_date": []}
    assert computed == [10, 0, 10, 0]
    assert 'id="report-fresh"' in settled(operator, f"/admin/t/{A}/learning")


def test_a_failed_refresh_request_does_not_fail_the_page(console, computed, monkeypatch):
    import app.scheduler

    log_decisions(console, A, n=10, outcomes=False)
    view(console)
    add_outcomes(console, A)

    asked: list[str] = []

    def down(*_a: Any, **_k: Any) -> None:
        asked.append("refresh")
        raise ConnectionError("database restarting")

    monkeypatch.setattr(app.scheduler, "request_soon", down)
    assert 'id="report-stale"' in view(console)
    assert asked == ["refresh"]  # it was asked, and its failure stayed out of the page


@pytest.fixture
def rq_console(app_factory: Any) -> Any:
    """Jobs on separate (RQ) workers, none started here."""
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, REDIS_URL=redis_url() or "redis://127.0.0.1:1/0", START_WORKER=False)
    install_tenant(app, "101")
    set_installer(app, A, "ann@a.example")
    return app


def test_with_separate_workers_and_none_reporting_the_stale_note_says_the_refresh_waits(rq_console, computed):
    from app.admin.learning_report import refresh
    from app.worker_report import report

    log_decisions(rq_console, A, n=10, outcomes=False)
    refresh(rq_console, A)  # what a worker's periodic job does
    assert "No worker has reported" not in view(rq_console)  # up to date: nothing waits
    add_outcomes(rq_console, A)
    page = view(rq_console)
    assert 'id="report-stale"' in page and "No worker has reported in the last 3 minutes" in page
    report(rq_console, "host-a:11", datetime.now(UTC), environ={})
    page = view(rq_console)
    assert 'id="report-stale"' in page and "No worker has reported" not in page


def test_the_periodic_job_is_scheduled_unless_turned_off(app_factory):
    from app.scheduler import periodic_jobs

    assert periodic_jobs(app_factory())["learning_report"] == 600
    assert "learning_report" not in periodic_jobs(app_factory(LEARNING_REPORT_ENABLED=False))


def test_a_won_deal_through_the_pipeline_asks_for_the_refresh_and_the_next_view_waits_for_nothing(app_factory,
                                                                                                computed):
    from tests.fakes import FakeCrm
    from tests.pipeline.test_batch_and_outcome import run_all, send
    from tests.pipeline.test_pipeline_on_fake_crm import sample_record

    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=20,
                      HOLDOUT_SHARE_OVERRIDE=0.0, ADMIN_TOKEN=ADMIN_TOKEN, LEARNING_REPORT_DELAY_SECONDS=0)
    tid = install_tenant(app, "62515")
    set_installer(app, tid, "ann@a.example")
    crm = FakeCrm([sample_record(tid, d) for d in ("8800", "8801")])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    send(app, ["8800", "8801"])
    run_all(app)
    assert not requested(app, tid)  # decisions alone: no outcome landed
    crm.records["8800"] = replace(crm.records["8800"], stage="closedwon", stage_kind="won")
    send(app, ["8800"], first_event_id=50, prop="dealstage", value="closedwon")
    run_all(app)
    assert requested(app, tid)
    assert (tid, "learning_report") in leaders_tick(app)
    assert computed == [2]
    page = crm_session(app.test_client(), tid, "ann@a.example").get(f"/admin/t/{tid}/learning").get_data(as_text=True)
    assert "2 decisions, 1 with an outcome" in page and 'id="report-fresh"' in page
    assert computed == [2]  # the view served the worker's report
