"""Install and uninstall as they happen on a real portal, against the sandbox over HTTP: the
install ends on an HTML page that says what a withheld scope costs; a refused refresh token
(uninstalled on HubSpot's side) revokes the installation, stops its jobs, and its data is erased
after the grace period."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import InboxEvent, Installation, Tenant
from app.sync import enqueue_records
from app.tenants.uninstall import erase_revoked
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def sandbox():
    handle = sb.start(n_open_deals=5, n_closed_deals=20, n_companies=8, seed=9)
    yield handle
    handle.stop()


@pytest.fixture
def hs_app(app_factory, sandbox):
    return app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False, JOB_FUNCTION="app.pipeline.batch.process_batch"))


def install(app, accept: str):
    client = app.test_client()
    resp = client.get("/oauth/hubspot/install")
    callback = urlparse(sb.consent(resp.headers["Location"]))
    return client.get(callback.path, query_string=parse_qs(callback.query), headers={"Accept": accept})


def test_the_install_ends_on_an_html_page_naming_what_a_withheld_scope_costs(hs_app, sandbox):
    sandbox.handle.control("POST", "faults", withhold_email_scope=True)
    page = install(hs_app, "text/html,application/xhtml+xml,*/*;q=0.8")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "Agentic Sales is installed" in html
    assert "sales-email-read" in html and "email bodies are empty" in html


def test_a_refused_refresh_revokes_the_installation_stops_its_jobs_and_erases_after_the_grace(hs_app, sandbox):
    sandbox.handle.control("POST", "config", access_token_ttl=1)
    body = install(hs_app, "application/json").get_json()
    tid = body["tenant"]
    sandbox.handle.control("POST", "faults", refuse_refresh=True)  # the portal uninstalled us
    time.sleep(1.5)  # the access token expires: the next call must refresh, and is refused
    deal_id = sandbox.deal_ids()[0]
    with hs_app.app_context():
        enqueue_records(hs_app, tid, [(deal_id, "k-1")], source="RECONCILE")
    backend = get_dispatcher(hs_app).backend
    while backend.run_due():
        pass
    with get_db(hs_app).session() as s:
        inst = s.execute(select(Installation).where(Installation.tenant_id == tid)).scalars().one()
        tenant = s.get(Tenant, tid)
        statuses = s.execute(select(InboxEvent.status)).scalars().all()
    assert inst.revoked_at is not None and tenant.status == "revoked"
    assert statuses == ["failed"]  # no retry storm against a portal that uninstalled us
    # Inside the grace period the data stays (a re-install resumes); after it, it is erased.
    assert erase_revoked(hs_app) == []
    later = datetime.now(UTC) + timedelta(days=8)
    assert erase_revoked(hs_app, now=later) == [tid]
    with get_db(hs_app).session() as s:
        assert s.get(Tenant, tid) is None and s.execute(select(InboxEvent)).scalars().all() == []


@pytest.mark.parametrize("job", ["reconcile", "retrain"])
def test_a_refused_refresh_met_by_a_scheduled_job_revokes_the_installation_instead_of_failing_every_period(
        hs_app, sandbox, job):
    # After an uninstall on HubSpot's side no webhook comes any more: the scheduled jobs are the only calls
    # that meet the refusal. They failed (a logged traceback) every 15 minutes, for good, and the tenant read
    # "connected" and was never erased.
    from app.scheduler import claim_due, run_periodic
    from app.storage.models import AuditLog

    sandbox.handle.control("POST", "config", access_token_ttl=1)
    tid = install(hs_app, "application/json").get_json()["tenant"]
    sandbox.handle.control("POST", "faults", refuse_refresh=True)
    time.sleep(1.5)
    with hs_app.app_context():
        result = run_periodic(tid, job)
    assert result["revoked"] is True and "refused" in result["reason"], result
    with get_db(hs_app).session() as s:
        inst = s.execute(select(Installation).where(Installation.tenant_id == tid)).scalars().one()
        assert inst.revoked_at is not None and s.get(Tenant, tid).status == "revoked"
        assert s.execute(select(AuditLog).where(AuditLog.event == "tenant.revoked")).scalars().all()
    later = datetime.now(UTC) + timedelta(days=1)
    assert not [c for c in claim_due(hs_app, now=later) if c[0] == tid]  # no more periodic jobs for it


def test_a_scheduled_job_failing_for_another_reason_does_not_revoke(hs_app, sandbox):
    from app.scheduler import run_periodic

    tid = install(hs_app, "application/json").get_json()["tenant"]
    sandbox.handle.control("POST", "faults", daily_limit_reached=True)  # the CRM refuses calls, not our grant
    with hs_app.app_context(), pytest.raises(Exception):  # noqa: B017 - whatever the CRM's failure maps to
        run_periodic(tid, "reconcile")
    with get_db(hs_app).session() as s:
        assert s.get(Tenant, tid).status != "revoked"
