"""The tenant's learning report in the console: what `agentic-sales learning report --tenant T`
writes, drawn from the tenant's own logged decisions, outcomes and rewards under the console's
access rules (any role of the account reads it; another account's user is refused).

The page never recomputes a report it has (app/admin/learning_report.py): a worker does, after outcomes land;
the page says when the report shown was computed and whether newer data is waiting for it."""

from __future__ import annotations

from typing import Any

from flask import current_app, g, request
from markupsafe import Markup

from app import defaults
from app.admin import bp, tenant_page
from app.admin.learning_report import OBJECT_TYPES, shown
from app.admin.views import page
from app.connectors import enriched_object_types


@bp.get("/t/<tenant>/learning")
@tenant_page("viewer")
def learning(tenant: str) -> Any:
    """The learning report: off-policy estimates with intervals, holdout lift, plots, feedback."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    # Only the kinds this CRM's records are enriched as: a HubSpot admin was offered "Salesforce Leads".
    kinds = {k: title for k, title in OBJECT_TYPES.items() if k in enriched_object_types(g.tenant.crm, app)}
    kind = request.args.get("object_type", "deal")
    if kind not in kinds:
        kind = "deal"
    report = shown(app, tenant, kind)
    # render_body escapes every value it prints; its images are matplotlib's own PNGs.
    body = Markup(report.body)  # noqa: S704
    return page("admin/learning.html", body=body, kind=kind, kinds=kinds, report=report,
                no_worker=not report.fresh and _no_worker(app),
                stale_minutes=round(defaults.WORKER_REPORT_STALE_SECONDS / 60))


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
