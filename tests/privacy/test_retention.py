"""Raw webhook payloads, cached LLM answers and superseded drafts are kept `retention_days`, then
deleted by the scheduler's daily job or `agentic-sales privacy purge`; they used to be kept forever."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update

from app import settings
from app.scheduler import periodic_jobs, run_periodic
from app.storage import get_db
from app.storage.models import Enrichment, InboxEvent, LlmCacheEntry, QuarantinedEvent
from tests.pipeline.test_pipeline_on_fake_crm import run_change
from tests.privacy.helpers import PORTAL, enriched_app
from tests.privacy.test_subject_requests_cli import TENANT, agentic_sales


def age_everything(app, days: int) -> None:
    """Move every stored row `days` into the past, as if the deployment had run that long."""
    then = datetime.now(UTC) - timedelta(days=days)
    with get_db(app).session() as s:
        s.execute(update(InboxEvent).values(received_at=then))
        s.execute(update(Enrichment).values(created_at=then))
        s.add(LlmCacheEntry(tenant_id=TENANT, cache_key="k", value={"body": "Hi Dana"}, created_at=then))
        s.add(QuarantinedEvent(crm="hubspot", account_hint=PORTAL, reason="bad", raw="{}", received_at=then))


def counts(app) -> dict[str, int]:
    with get_db(app).session() as s:
        return {m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
                for m in (InboxEvent, Enrichment, LlmCacheEntry, QuarantinedEvent)}


def test_the_purge_deletes_what_is_older_than_the_window_and_keeps_each_records_latest_card(app_factory):
    app, _ = enriched_app(app_factory)
    run_change(app, 2)  # a second enrichment of deal 8807 supersedes the first
    age_everything(app, 31)
    run_change(app, 3)  # ... and a fresh change arrives today
    before = counts(app)
    assert before["inbox_events"] == 3 and before["enrichments"] >= 2

    r = agentic_sales(app, "privacy", "purge", "--tenant", TENANT)

    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["retention_days"] == 30
    after = counts(app)
    assert after == {"inbox_events": 1, "enrichments": 1, "llm_cache": 0, "quarantined_events": 0}
    assert result["deleted"]["inbox_events"] == 2
    with get_db(app).session() as s:
        assert s.execute(select(Enrichment.record_id)).scalar_one() == "8807"  # the card still shows


def test_a_longer_window_set_by_revops_keeps_the_rows_and_the_scheduler_runs_the_purge_daily(app_factory):
    app, _ = enriched_app(app_factory)
    age_everything(app, 31)
    settings.update(app, TENANT, {"retention_days": 90}, author="dpo@example.com")
    assert periodic_jobs(app)["retention"] == 86_400

    with app.app_context():
        result = run_periodic(TENANT, "retention")

    assert result["retention_days"] == 90 and set(result["deleted"].values()) == {0}
    settings.update(app, TENANT, {"retention_days": 7}, author="dpo@example.com")
    with app.app_context():
        assert run_periodic(TENANT, "retention")["deleted"]["inbox_events"] == 1


def test_a_window_shorter_than_the_crms_redelivery_is_refused_naming_the_setting(app_factory):
    app, _ = enriched_app(app_factory)
    r = agentic_sales(app, "settings", "set", "--tenant", TENANT, "retention_days=2")
    assert r.returncode == 2 and "retention_days" in r.stderr


def test_the_scheduler_deletes_old_quarantined_bodies_that_name_no_installed_account(app_factory):
    # A portal that never installed the app (or a body with no portal at all) has no tenant whose
    # retention_days could reach its quarantined webhook bodies: they were kept forever.
    from app.scheduler import tick

    app = app_factory()
    old = datetime.now(UTC) - timedelta(days=31)
    with get_db(app).session() as s:
        s.add(QuarantinedEvent(crm="hubspot", account_hint="4040", reason="unknown portal",
                               raw='{"propertyValue": "dana@example.com"}', received_at=old))
        s.add(QuarantinedEvent(crm="hubspot", account_hint=None, reason="not JSON", raw="{", received_at=old))
        s.add(QuarantinedEvent(crm="hubspot", account_hint="4040", reason="today", raw="{}"))

    out = tick(app, enqueue=lambda tenant, name: None)

    assert out["quarantine_purged"] == 2
    assert counts(app)["quarantined_events"] == 1
