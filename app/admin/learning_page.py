"""The tenant's learning report in the console: what `agentic-sales learning report --tenant T`
writes, drawn from the tenant's own logged decisions, outcomes and rewards under the console's
access rules (any role of the account reads it; another account's user is refused)."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from app.admin import bp, tenant_page
from app.admin.report_cache import cached, learning_key
from app.admin.views import page
from app.storage import get_db

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
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    made: list[str] = []

    def compute() -> str:
        rows = of_object_type(rows_from_db(app, tenant), kind)
        made.append(render_body(rows, summarise(rows)))
        return made[-1]

    # Kept in the database keyed by what the report reads (app/admin/report_cache.py): the second view of an
    # unchanged tenant is one lookup instead of seconds of bootstrap and drawing; a new outcome recomputes it.
    try:
        with get_db(app).session() as s:
            html, hit = cached(s, tenant, f"learning:{kind}", learning_key(s, tenant, kind), compute)
    except IntegrityError:
        if not made:
            raise
        # Another process stored the same report first (two first views at once): ours is as good.
        html, hit = made[-1], False
    # render_body escapes every value it prints; its images are matplotlib's own PNGs.
    body = Markup(html)  # noqa: S704
    return page("admin/learning.html", body=body, kind=kind, kinds=OBJECT_TYPES, cached=hit)
