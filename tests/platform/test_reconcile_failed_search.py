"""A reconciliation whose CRM search fails, as the operator meets it: the failure is recorded and shown in the
install health, the run is retried soon, and the watermark (installations.last_sync_at) never moves past a window
that was not searched. The types that were searched still get their missed changes enqueued."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import AuditLog, InboxEvent, Installation, PeriodicRun
from app.sync import ReconcileIncomplete
from integrations.errors import CrmUnavailable
from tests.admin.conftest import ADMIN_TOKEN, operator_session
from tests.hubspot import sandbox_helpers as sb
from tests.platform.test_install_realism import install

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def sandbox():
    handle = sb.start(n_open_deals=4, n_closed_deals=4, n_companies=3, seed=9)
    yield handle
    handle.stop()


@pytest.fixture
def hs_app(app_factory, sandbox):
    return app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False, ADMIN_TOKEN=ADMIN_TOKEN))


@pytest.fixture
def contact_search_down(monkeypatch):
    """HubSpot's contact search answers 502s for good (the deal search still works)."""
    from integrations.hubspot.adapter import HubSpotClient

    real = HubSpotClient.search_modified_since

    def search(self, object_type, since):
        if object_type == "contact":
            raise CrmUnavailable("HubSpot answered 502 Bad Gateway to the contacts search", crm="hubspot", status=502)
        return real(self, object_type, since)

    monkeypatch.setattr(HubSpotClient, "search_modified_since", search)


def watermark(app, tid):
    with get_db(app).session() as s:
        return s.execute(select(Installation.last_sync_at).where(Installation.tenant_id == tid)).scalar_one()


def test_a_failed_contact_search_leaves_the_watermark_records_the_failure_and_asks_for_a_retry_soon(
        hs_app, sandbox, contact_search_down):
    from app.scheduler import run_periodic

    tid = install(hs_app, "application/json").get_json()["tenant"]
    before = watermark(hs_app, tid)
    sandbox.change_deals_as_rep(sandbox.deal_ids()[:2])  # changes no webhook brought (webhooks go nowhere)

    with hs_app.app_context(), pytest.raises(ReconcileIncomplete) as raised:
        run_periodic(tid, "reconcile")

    assert "could not search contact" in str(raised.value) and raised.value.status == 502
    assert watermark(hs_app, tid) == before  # the contacts window was not searched
    with get_db(hs_app).session() as s:
        failed = s.execute(select(AuditLog.detail).where(AuditLog.tenant_id == tid,
                                                         AuditLog.event == "reconcile.failed")).scalars().all()
        enqueued = s.execute(select(InboxEvent.record_id).where(InboxEvent.tenant_id == tid,
                                                                InboxEvent.change_source == "RECONCILE")).scalars().all()
        retry = s.execute(select(PeriodicRun.next_run_at).where(PeriodicRun.tenant_id == tid,
                                                                PeriodicRun.name == "reconcile")).scalar_one()
    assert len(failed) == 1 and "contact" in failed[0]["unsearched"], failed
    assert "502" in failed[0]["error"]
    assert set(sandbox.deal_ids()[:2]) <= set(enqueued)  # the deal search's findings were not thrown away
    assert retry - datetime.now(UTC) <= timedelta(minutes=5)

    html = operator_session(hs_app.test_client()).get(f"/admin/t/{tid}/").get_data(as_text=True)
    page = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "reconcile.failed" in page and "502 Bad Gateway to the contacts search" in page, page[:3000]


def test_the_next_reconciliation_searches_from_the_old_watermark_and_then_moves_it(hs_app, sandbox, monkeypatch):
    from app.scheduler import run_periodic
    from integrations.hubspot.adapter import HubSpotClient

    tid = install(hs_app, "application/json").get_json()["tenant"]
    before = watermark(hs_app, tid)
    real = HubSpotClient.search_modified_since
    seen: list[tuple[str, datetime]] = []
    down = {"contact"}

    def search(self, object_type, since):
        seen.append((object_type, since))
        if object_type in down:
            raise CrmUnavailable("502 Bad Gateway", crm="hubspot", status=502)
        return real(self, object_type, since)

    monkeypatch.setattr(HubSpotClient, "search_modified_since", search)
    with hs_app.app_context(), pytest.raises(ReconcileIncomplete):
        run_periodic(tid, "reconcile")
    assert watermark(hs_app, tid) == before
    first = dict(seen)
    seen.clear()
    down.clear()
    with hs_app.app_context():
        run_periodic(tid, "reconcile")

    assert dict(seen)["contact"] == first["contact"]  # the same window again, not one starting after it
    after = watermark(hs_app, tid)
    assert after is not None and (before is None or after > before)


def test_the_retry_of_a_failed_reconciliation_waits_the_deployments_reconcile_retry_seconds(
        app_factory, sandbox, contact_search_down):
    # An operator whose CRM search recovers in a minute sets AGENTIC_SALES_RECONCILE_RETRY_SECONDS=60 (docs/admin.md):
    # the retry is asked for that soon, not after the 300 s that used to be a constant in app/sync.
    from app.config import ConfigError, load
    from app.scheduler import run_periodic

    assert load(None, {"AGENTIC_SALES_RECONCILE_RETRY_SECONDS": "60"})["RECONCILE_RETRY_SECONDS"] == 60.0
    with pytest.raises(ConfigError, match="AGENTIC_SALES_RECONCILE_RETRY_SECONDS"):
        load(None, {"AGENTIC_SALES_RECONCILE_RETRY_SECONDS": "five minutes"})
    app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False, RECONCILE_RETRY_SECONDS=60.0))
    tid = install(app, "application/json").get_json()["tenant"]
    asked = datetime.now(UTC)
    with app.app_context(), pytest.raises(ReconcileIncomplete):
        run_periodic(tid, "reconcile")
    with get_db(app).session() as s:
        retry = s.execute(select(PeriodicRun.next_run_at).where(PeriodicRun.tenant_id == tid,
                                                                PeriodicRun.name == "reconcile")).scalar_one()
    retry = retry if retry.tzinfo else retry.replace(tzinfo=UTC)
    assert timedelta(seconds=55) <= retry - asked <= timedelta(seconds=90), retry - asked
