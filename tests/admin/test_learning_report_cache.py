"""The learning report is kept in the database keyed by what it is computed from: a second view (from any web
process) is served without recomputing; a new outcome, a new decision, a deleted row or other code makes it out of
date, and the worker's refresh (app/admin/learning_report.py) recomputes it, not the next view."""

from __future__ import annotations

import time
from typing import Any

from tests.admin.conftest import crm_session, operator_session
from tests.learning.logged import add_outcomes, log_decisions

A = "hubspot-101"


def view(app: Any) -> str:
    return settled(crm_session(app.test_client(), A, "ann@a.example"), f"/admin/t/{A}/learning")


def settled(client: Any, path: str, *, wait: float = 60.0) -> str:
    """The page as the admin ends up reading it: a first view answers at once while the report is computed in the
    background, and the page refreshes until it is there; this returns the page once nothing is computing."""
    deadline = time.monotonic() + wait
    while True:
        resp = client.get(path)
        assert resp.status_code == 200
        page = resp.get_data(as_text=True)
        if 'id="report-computing"' not in page:
            return page
        assert time.monotonic() < deadline, "the report was still computing after a minute"
        time.sleep(0.05)


def report_of(page: str) -> str:
    return page.split('<div class="learning">', 1)[1].split("</main>", 1)[0]


def worker_refresh(app: Any) -> dict[str, Any]:
    """What the scheduler's `learning_report` job does on a worker."""
    from app.admin.learning_report import refresh

    return refresh(app, A)


def test_a_second_view_of_an_unchanged_tenant_is_served_without_recomputing(console, computed):
    log_decisions(console, A, outcomes=False)
    first = view(console)
    second = view(console)
    assert computed == [40]
    assert "40 decisions, 0 with an outcome" in second
    assert report_of(first) == report_of(second)  # the page around it carries a per-session CSRF token


def test_another_web_process_on_the_same_database_reuses_the_report(console, app_factory, computed):
    from tests.admin.conftest import ADMIN_TOKEN

    log_decisions(console, A)
    view(console)
    other = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)  # a second app instance: nothing shared but the database
    assert "40 decisions, 40 with an outcome" in view(other)
    assert computed == [40]


def test_a_new_outcome_makes_the_report_out_of_date_and_the_worker_recomputes_it(console, computed):
    log_decisions(console, A, outcomes=False)
    assert "40 decisions, 0 with an outcome" in view(console)
    assert add_outcomes(console, A) == 40
    stale = view(console)
    assert "40 decisions, 0 with an outcome" in stale and 'id="report-stale"' in stale
    assert computed == [40]  # the view did not wait for it
    assert worker_refresh(console)["computed"] == ["deal"]
    fresh = view(console)
    assert "40 decisions, 40 with an outcome" in fresh and 'id="report-fresh"' in fresh
    assert computed == [40, 40]


def test_a_new_decision_or_a_deleted_one_recomputes_the_report(console, computed):
    from sqlalchemy import delete, func, select

    from app.storage import get_db
    from app.storage.models import Action, Reward

    log_decisions(console, A, n=10)
    view(console)
    log_decisions(console, A, n=1, outcomes=False)  # deal d0 decided again, no outcome yet
    assert 'id="report-stale"' in view(console)
    worker_refresh(console)
    assert "11 decisions" in view(console)
    with get_db(console).session() as s:
        newest = s.execute(select(func.max(Action.id)).where(Action.kind == "strategy_choice")).scalar_one()
        s.execute(delete(Reward).where(Reward.action_id == newest))
        s.execute(delete(Action).where(Action.id == newest))  # a privacy erasure of that deal
    assert 'id="report-stale"' in view(console)
    worker_refresh(console)
    assert "10 decisions" in view(console)
    assert computed == [10, 11, 10]


def test_other_code_recomputes_the_report(console, computed, monkeypatch):
    from app.admin import report_cache

    log_decisions(console, A, n=10)
    view(console)
    monkeypatch.setattr(report_cache, "code_version", lambda: "another-release")
    assert 'id="report-stale"' in view(console)
    worker_refresh(console)
    assert 'id="report-fresh"' in view(console)
    assert computed == [10, 10]


def test_deals_and_leads_are_kept_apart(console, computed):
    from sqlalchemy import update

    from app.storage import get_db
    from app.storage.models import Tenant

    with get_db(console).session() as s:  # Leads are Salesforce's: a HubSpot tenant has only the deals' report
        s.execute(update(Tenant).where(Tenant.id == A).values(crm="salesforce"))
    log_decisions(console, A, n=10)
    client = operator_session(console.test_client())
    deals = settled(client, f"/admin/t/{A}/learning")
    leads = settled(client, f"/admin/t/{A}/learning?object_type=lead")
    assert "10 decisions" in deals and "10 decisions" not in leads
    assert len(computed) == 2
