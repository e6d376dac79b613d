"""Retention: what we keep only for a while is deleted once a tenant's `retention_days` have passed.

Run daily per tenant by the scheduler leader (periodic job "retention", app/scheduler.py) and on
demand by `agentic-sales privacy purge --tenant T`. Deleted when older than the window:
  * inbox_events processed or failed (the raw webhook payloads; pending ones are still work),
  * quarantined_events of the tenant's account (the refused webhook bodies),
  * llm_cache (LLM answers, which hold drafts naming people),
  * enrichments other than each record's latest (older drafts and analyses).
And, after the tenant's own `llm_budget_retention_days` (a finance window, not a privacy one):
  * llm_budget rows of budget periods (days, months) that ended before the window.
And, after `llm_usage_retention_days` rounded back to the start of that budget month (so a month's
usage export is whole or empty, never cut):
  * llm_usage rows (tokens and cost per vendor call) of the months before.
What stays for the installation's lifetime, and why, is in docs/privacy.md. Quarantined bodies
that name no installed account are bounded by `purge_quarantine` (QUARANTINE_RETENTION_SECONDS),
run by the scheduler leader at every tick.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import ColumnElement, and_, delete, func, or_, select

from agents.providers.spend import month_bounds, zone
from app import settings
from app.audit import write_audit
from app.storage import get_db, rowcount
from app.storage.models import (
    Enrichment,
    InboxEvent,
    LlmBudget,
    LlmCacheEntry,
    LlmUsage,
    QuarantinedEvent,
    Tenant,
)


def purge_expired(app: Flask, tenant_id: str, *, now: datetime | None = None) -> dict[str, Any]:
    """Delete the tenant's rows older than its retention window; returns rows deleted per table.

    Raises:
        UnknownTenantError: no such tenant.
    """
    tenant_settings = settings.get(app, tenant_id).settings
    days, budget_days = tenant_settings.retention_days, tenant_settings.llm_budget_retention_days
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=days)
    tz = tenant_settings.budget_timezone
    budget_cutoff = (now - timedelta(days=budget_days)).astimezone(zone(tz))
    usage_days = tenant_settings.llm_usage_retention_days
    # The start (UTC) of the budget month holding the window's edge: whole months only.
    usage_cutoff = month_bounds(now - timedelta(days=usage_days), tz)[1]
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
        counts["llm_budget"] = rowcount(s.execute(delete(LlmBudget).where(
            LlmBudget.tenant_id == tenant_id, _budget_period_ended_by(budget_cutoff))))
        counts["llm_usage"] = rowcount(s.execute(delete(LlmUsage).where(
            LlmUsage.tenant_id == tenant_id, LlmUsage.at < usage_cutoff)))
        write_audit(s, "retention.purged", tenant_id=tenant_id,
                    detail={"retention_days": days, "before": cutoff.isoformat(),
                            "llm_budget_retention_days": budget_days, "llm_budget_before": budget_cutoff.isoformat(),
                            "llm_usage_retention_days": usage_days, "llm_usage_before": usage_cutoff.isoformat(),
                            "deleted": counts})
    return {"tenant": tenant_id, "retention_days": days, "llm_budget_retention_days": budget_days,
            "llm_usage_retention_days": usage_days, "deleted": counts}


def _budget_period_ended_by(cutoff_local: datetime) -> ColumnElement[bool]:
    """Budget periods that ended by `cutoff_local` (a time in the tenant's budget zone).

    Period keys are local dates (agents/providers/spend.py): day D ends at midnight starting D+1,
    so it has ended iff D < the cutoff's date; month M ends on the 1st of M+1, so iff M < the
    cutoff's month. ISO keys compare as text in date order, on SQLite and PostgreSQL alike.
    """
    day, month = cutoff_local.strftime("%Y-%m-%d"), cutoff_local.strftime("%Y-%m")
    return or_(and_(func.length(LlmBudget.period) == len(day), LlmBudget.period < day),
               and_(func.length(LlmBudget.period) == len(month), LlmBudget.period < month))


def purge_quarantine(app: Flask, *, now: datetime | None = None) -> int:
    """Delete quarantined webhook bodies older than QUARANTINE_RETENTION_SECONDS, whichever account
    they name (a body from an account that never installed, or with no account at all, belongs
    to no tenant's retention window). Returns rows deleted."""
    from app import defaults

    keep = float(app.config.get("QUARANTINE_RETENTION_SECONDS", defaults.QUARANTINE_RETENTION_SECONDS))
    cutoff = (now or datetime.now(UTC)) - timedelta(seconds=keep)
    with get_db(app).session() as s:
        return rowcount(s.execute(delete(QuarantinedEvent).where(QuarantinedEvent.received_at < cutoff)))
