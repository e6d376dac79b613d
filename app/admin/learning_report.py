"""The learning report computed by a worker, not in the web request that shows it.

At 26,036 decisions the report takes ~7 s to read, summarise and draw (docs/admin.md, wave 24). Wave 24 kept it in
`report_cache`, but the first view after any new outcome still recomputed it inside the request. Now the outcome
stage asks for a refresh (a "run now" row of the scheduler's `learning_report` job), the scheduler's leader hands
it to a worker, and the page shows the last stored report at once: as up to date when its key still matches
what it was computed from, else with the time it was computed and a note that a newer one is on its way. Only a
tenant that has never had one computed waits for it in the request (there is nothing older to show).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.admin.report_cache import cached, learning_key
from app.storage import get_db
from app.storage.models import ReportCache

log = logging.getLogger(__name__)

OBJECT_TYPES = {"deal": "Deals", "lead": "Salesforce Leads"}
"""Whose decisions a report evaluates (never pooled: a lead's conversion is another reward)."""

JOB = "learning_report"
"""The scheduler's periodic job (app/scheduler.py) that brings a tenant's stored reports up to date."""


def cache_kind(object_type: str) -> str:
    return f"learning:{object_type}"


def compute(app: Any, tenant_id: str, object_type: str) -> str:
    """The report's HTML body (what `agentic-sales learning report --tenant T` writes), from the database now."""
    from app.cli.learning import of_object_type, rows_from_db
    from learning.report import render_body, summarise

    rows = of_object_type(rows_from_db(app, tenant_id), object_type)
    return render_body(rows, summarise(rows))


@dataclass(frozen=True)
class Shown:
    """A report as the page shows it."""

    body: str
    computed_at: datetime
    seconds: float
    fresh: bool
    """False: decisions, outcomes or rewards (or the code) changed since it was computed."""
    computed_now: bool = False


def shown(app: Any, tenant_id: str, object_type: str) -> Shown:
    """The stored report (fresh or not) without computing; computed here only when none was ever stored.

    A stale one is shown with a refresh requested, so the wait is a worker's, not the viewer's.
    """
    kind = cache_kind(object_type)
    with get_db(app).session() as s:
        key = learning_key(s, tenant_id, object_type)
        row = s.get(ReportCache, (tenant_id, kind))
        if row is not None:
            found = Shown(row.body, _aware(row.computed_at), row.seconds, fresh=row.key == key)
        else:
            found = None
    if found is not None:
        if not found.fresh:
            request_refresh(app, tenant_id)
        return found
    made: list[str] = []

    def once() -> str:
        made.append(compute(app, tenant_id, object_type))
        return made[-1]

    started = datetime.now(UTC)
    try:
        with get_db(app).session() as s:
            body, _hit = cached(s, tenant_id, kind, key, once)
    except IntegrityError:
        if not made:
            raise
        # Another process stored the same report first (two first views at once): ours is as good.
        body = made[-1]
    seconds = (datetime.now(UTC) - started).total_seconds()
    return Shown(body, started, seconds, fresh=True, computed_now=bool(made))


def refresh(app: Any, tenant_id: str, object_types: Iterable[str] | None = None) -> dict[str, Any]:
    """Recompute and store each out-of-date report of the tenant (the worker's job).

    Deals always; another object type once someone has viewed its report (a stored row): computing a report
    nobody opened would cost a worker seconds per outcome batch for nothing.
    """
    with get_db(app).session() as s:
        kinds = set(s.execute(select(ReportCache.kind).where(ReportCache.tenant_id == tenant_id)).scalars())
    types = list(object_types) if object_types is not None else [
        t for t in OBJECT_TYPES if t == "deal" or cache_kind(t) in kinds]
    out: dict[str, Any] = {"tenant": tenant_id, "computed": [], "up_to_date": []}
    for object_type in types:
        try:
            with get_db(app).session() as s:
                key = learning_key(s, tenant_id, object_type)
                _body, hit = cached(s, tenant_id, cache_kind(object_type), key,
                                    partial(compute, app, tenant_id, object_type))
        except IntegrityError:  # a web view stored its first computation meanwhile: it is as new as ours
            hit = True
        out["up_to_date" if hit else "computed"].append(object_type)
    return out


def request_refresh(app: Any, tenant_id: str) -> None:
    """Have the job run within LEARNING_REPORT_DELAY_SECONDS. Never raises: the report is not worth failing an
    outcome or a page view for, and the job's periodic run catches up.

    Not at once: outcomes arrive in batches, one after another, and each recomputation of a large tenant's report
    costs a worker seconds (9.6 s at 26k decisions); a minute's delay makes a burst one recomputation, and the page
    says meanwhile that the report shown predates them."""
    from app import defaults
    from app.scheduler import request_soon

    within = float(app.config.get("LEARNING_REPORT_DELAY_SECONDS", defaults.LEARNING_REPORT_DELAY_SECONDS))
    try:
        request_soon(app, tenant_id, JOB, within)
    except Exception:
        log.exception("could not request a learning report refresh", extra={"tenant_id": tenant_id})


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)
