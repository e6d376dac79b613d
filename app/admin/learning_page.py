"""The tenant's learning report in the console: what `agentic-sales learning report --tenant T`
writes, drawn from the tenant's own logged decisions, outcomes and rewards under the console's
access rules (any role of the account reads it; another account's user is refused).

The page never computes a report in the request (app/admin/learning_report.py): a worker does, after outcomes land
or when the first view asks; the page says when the report shown was computed, whether newer data is waiting for
it, since when one is being computed (and updates itself when it lands), or why the last computation failed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import current_app, g, redirect, request, url_for
from markupsafe import Markup

from app import defaults
from app.admin import bp, tenant_page
from app.admin.learning_report import OBJECT_TYPES, retry, shown, whose
from app.admin.views import page
from app.connectors import enriched_object_types


@bp.get("/t/<tenant>/learning")
@tenant_page("viewer")
def learning(tenant: str) -> Any:
    """The learning report: off-policy estimates with intervals, holdout lift, plots, feedback."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    kinds, kind = _kinds(app)
    report = shown(app, tenant, kind)
    # render_body escapes every value it prints; its images are matplotlib's own PNGs.
    body = Markup(report.body) if report.body is not None else None  # noqa: S704
    age_seconds = (datetime.now(UTC) - report.computed_at).total_seconds() if report.computed_at else 0.0
    return page("admin/learning.html", body=body, kind=kind, kinds=kinds, report=report,
                age_seconds=age_seconds, age=ago(age_seconds),
                no_worker=(not report.fresh and report.failure is None) and _no_worker(app),
                stale_minutes=round(defaults.WORKER_REPORT_STALE_SECONDS / 60),
                poll=defaults.LEARNING_PAGE_POLL_SECONDS)


@bp.post("/t/<tenant>/learning/retry")
@tenant_page("viewer")
def learning_retry(tenant: str) -> Any:
    """Start the report's computation again after it failed; back to the page, which shows it computing."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    _kinds_, kind = _kinds(app)
    retry(app, tenant, kind)
    return redirect(url_for("admin.learning", tenant=tenant, object_type=kind), code=303)


def _kinds(app: Any) -> tuple[dict[str, str], str]:
    """The object types this tenant's report can be about, and the one asked for (deals when it is not one)."""
    # Only the kinds this CRM's records are enriched as: a HubSpot admin was offered "Salesforce Leads".
    kinds = {k: whose(g.tenant.crm, k, app).title for k in OBJECT_TYPES if k in enriched_object_types(g.tenant.crm, app)}
    kind = request.values.get("object_type", "deal")
    return kinds, kind if kind in kinds else "deal"


def _no_worker(app: Any) -> bool:
    """True when jobs run on separate workers and none has reported lately: a requested refresh waits."""
    from app.dispatch import get_dispatcher
    from app.dispatch.inprocess import InProcessBackend
    from app.storage import get_db
    from app.worker_report import fresh_reports

    if isinstance(get_dispatcher(app).backend, InProcessBackend):
        return False
    with get_db(app).session() as s:
        return not fresh_reports(s)


def ago(seconds: float) -> str:
    """An age as revenue ops reads it: "just now", "4 minutes ago", "3 hours ago", "2 days ago"."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        n = int(seconds // size)
        if n >= 1:
            return f"{n} {unit}{'s' if n > 1 else ''} ago"
    return "just now"
