"""The tenant's learning report in the console: what `agentic-sales learning report --tenant T`
writes, drawn from the tenant's own logged decisions, outcomes and rewards under the console's
access rules (any role of the account reads it; another account's user is refused)."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from markupsafe import Markup

from app.admin import bp, tenant_page
from app.admin.views import page

OBJECT_TYPES = {"deal": "Deals", "lead": "Salesforce Leads"}
"""Whose decisions a report evaluates (never pooled: a lead's conversion is another reward)."""


@bp.get("/t/<tenant>/learning")
@tenant_page("viewer")
def learning(tenant: str) -> Any:
    """The learning report: off-policy estimates with intervals, holdout lift, plots, feedback."""
    from app.cli.learning import of_object_type, rows_from_db
    from learning.report import render_body, summarise

    kind = request.args.get("object_type", "deal")
    if kind not in OBJECT_TYPES:
        kind = "deal"
    rows = of_object_type(rows_from_db(current_app._get_current_object(), tenant),  # type: ignore[attr-defined]
                          kind)
    # render_body escapes every value it prints; its images are matplotlib's own PNGs.
    body = Markup(render_body(rows, summarise(rows)))  # noqa: S704
    return page("admin/learning.html", body=body, kind=kind, kinds=OBJECT_TYPES)
