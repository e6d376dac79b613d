"""Retention: what we keep only for a while is deleted once a tenant's `retention_days` have passed.

Run daily per tenant by the scheduler leader (periodic job "retention", app/scheduler.py) and on
demand by `agentic-sales privacy purge --tenant T`. Deleted when older than the window:
  * inbox_events processed or failed (the raw webhook payloads; pending ones are still work),
  * quarantined_events of the tenant's account (the refused webhook bodies),
  * llm_cache (LLM answers, which hold drafts naming people),
  * enrichments other than each record's latest (older drafts and analyses).
What stays for the installation's lifetime, and why, is in docs/privacy.md. Quarantined bodies
that name no installed account are bounded by `purge_quarantine` (QUARANTINE_RETENTION_SECONDS),
run by the scheduler leader at every tick.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import delete, func, select

from app import settings
from app.audit import write_audit
from app.storage import get_db, rowcount
from app.storage.models import Enrichment, InboxEvent, LlmCacheEntry, QuarantinedEvent, Tenant


def purge_expired(app: Flask, tenant_id: str, *, now: datetime | None = None) -> dict[str, Any]:
    """Delete the tenant's rows older than its retention window; returns rows deleted per table.

    Raises:
        UnknownTenantError: no such tenant.
    """
    days = settings.get(app, tenant_id).settings.retention_days
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    counts: dict[str, int] = {}
    with get_db(app).session() as s:
        counts["inbox_events"] = rowcount(s.execute(delete(InboxEvent).where(
            InboxEvent.tenant_id == tenant_id, InboxEvent.status.in_(("processed", "failed")),
            InboxEvent.received_at < cutoff)))
        tenant = s.get(Tenant, tenant_id)
        counts["quarantined_events"] = 0 if tenant is None else rowcount(s.execute(delete(QuarantinedEvent).where(
            QuarantinedEvent.crm == tenant.crm, QuarantinedEvent.account_hint == tenant.external_id,
            QuarantinedEvent.received_at < cutoff)))
        counts["llm_cache"] = rowcount(s.execute(delete(LlmCacheEntry).where(
            LlmCacheEntry.tenant_id == tenant_id, LlmCacheEntry.created_at < cutoff)))
        latest = (select(func.max(Enrichment.id)).where(Enrichment.tenant_id == tenant_id)
                  .group_by(Enrichment.object_type, Enrichment.record_id))
        counts["enrichments"] = rowcount(s.execute(delete(Enrichment).where(
            Enrichment.tenant_id == tenant_id, Enrichment.created_at < cutoff,
            Enrichment.id.not_in(latest))))
        write_audit(s, "retention.purged", tenant_id=tenant_id,
                    detail={"retention_days": days, "before": cutoff.isoformat(), "deleted": counts})
    return {"tenant": tenant_id, "retention_days": days, "deleted": counts}


def purge_quarantine(app: Flask, *, now: datetime | None = None) -> int:
    """Delete quarantined webhook bodies older than QUARANTINE_RETENTION_SECONDS, whichever account
    they name (a body from an account that never installed, or with no account at all, belongs
    to no tenant's retention window). Returns rows deleted."""
    from app import defaults

    keep = float(app.config.get("QUARANTINE_RETENTION_SECONDS", defaults.QUARANTINE_RETENTION_SECONDS))
    cutoff = (now or datetime.now(UTC)) - timedelta(seconds=keep)
    with get_db(app).session() as s:
        return rowcount(s.execute(delete(QuarantinedEvent).where(QuarantinedEvent.received_at < cutoff)))
