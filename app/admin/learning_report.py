"""The learning report computed by a worker, never in the web request that shows it.

At 26,036 decisions the report takes ~7 s to read, summarise and draw (docs/admin-walks.md, wave 24). The outcome stage
asks for a refresh (a "run now" row of the scheduler's `learning_report` job), the scheduler's leader hands it to a
worker, and the page shows the last stored report at once: as up to date when its key still matches what it was
computed from, else with the time it was computed and a note that a newer one is on its way. A tenant that never
had one computed gets the page at once too (wave 27; the first view waited ~12 s before): the view starts the
computation on the job queue under a per-report lease (app/admin/report_jobs.py), so two first views, or a first
view and the scheduler, compute it once; the page says since when it is computing and shows the report when it
lands, or the computation's error with a retry.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlalchemy.exc import IntegrityError

from app.admin import report_jobs
from app.admin.report_cache import cached, learning_key
from app.background import enqueue
from app.storage import get_db
from app.storage.models import ReportCache
from learning.holdout_words import Holdout

log = logging.getLogger(__name__)

OBJECT_TYPES = ("deal", "lead")
"""Whose decisions a report evaluates (never pooled: a lead's conversion is another reward)."""


@dataclass(frozen=True)
class Whose:
    """Whose decisions a report is about, in the words of the tenant's CRM."""

    title: str
    """The page's heading and tab: "Opportunities" for a Salesforce org, "Deals" for a HubSpot account."""
    records: str
    outcome: str
    """What happens to a record that gives its decision an outcome."""


def whose(crm: str | None, object_type: str, app: Any = None) -> Whose:
    """The words for a report of `object_type` decisions of a tenant on `crm`: a Salesforce admin read "Learning
    report: Deals" and "none of these decisions' deals" about the org's Opportunities."""
    from app.connectors import deal_words_of
    from learning.report import DEAL_OUTCOME

    if object_type == "lead":
        return Whose("Leads", "leads", "converted or been closed without converting")
    many = deal_words_of(crm, app)[1]
    return Whose(many.capitalize(), many, DEAL_OUTCOME)

JOB = "learning_report"
"""The scheduler's periodic job (app/scheduler.py) that brings a tenant's stored reports up to date."""


def cache_kind(object_type: str) -> str:
    return f"learning:{object_type}"


def compute(app: Any, tenant_id: str, object_type: str) -> str:
    """The report's HTML body (what `agentic-sales learning report --tenant T` writes), from the database now."""
    from app.cli.learning import of_object_type, rows_from_db
    from app.tenants import tenant_crm
    from learning.report import render_body, summarise

    rows = of_object_type(rows_from_db(app, tenant_id), object_type)
    words = whose(tenant_crm(app, tenant_id), object_type, app)
    return render_body(rows, summarise(rows), records=words.records, outcome=words.outcome,
                       holdout=holdout_in_effect(app, tenant_id))


def holdout_in_effect(app: Any, tenant_id: str, session: Any = None) -> Holdout:
    """The holdout share the tenant's workers apply now (app/pipeline/strategy.py): the deployment's override when it
    sets one, else the account's saved share. The report says from it whether a lift can come at all."""
    from app.settings.store import UnknownTenantError, read_state

    def saved_share(s: Any) -> float | None:
        try:
            return float(read_state(s, tenant_id).settings.holdout_share)
        except UnknownTenantError:
            return None

    if session is None:
        with get_db(app).session() as s:
            saved = saved_share(s)
    else:
        saved = saved_share(session)
    override = app.config.get("HOLDOUT_SHARE_OVERRIDE")
    if override is not None:
        return Holdout(float(override), overridden=True, saved=saved)
    return Holdout(saved or 0.0)


def report_key(app: Any, s: Any, tenant_id: str, object_type: str) -> str:
    """The stored report's key: its data (learning_key) and the holdout in effect, whose words it prints."""
    return learning_key(s, tenant_id, object_type, depends_on=holdout_in_effect(app, tenant_id, s).key())


@dataclass(frozen=True)
class Shown:
    """A report as the page shows it: the last one stored (if any), and what is happening to it."""

    body: str | None
    """None: never computed for this tenant and object type."""
    computed_at: datetime | None
    seconds: float
    fresh: bool
    """False: decisions, outcomes or rewards (or the code) changed since it was computed, or there is none."""
    computing_since: datetime | None = None
    failure: report_jobs.Failure | None = None
    """The last computation's error, while no other is under way."""


def shown(app: Any, tenant_id: str, object_type: str) -> Shown:
    """The stored report (fresh or not) without computing it in the request.

    Never computed: the computation starts on the job queue (unless one is under way, or the last one failed on
    the same data: the page offers a retry rather than fail again on every reload). Stale: the scheduler is asked
    for a refresh, so the wait is a worker's, not the viewer's.
    """
    kind = cache_kind(object_type)
    with get_db(app).session() as s:
        key = report_key(app, s, tenant_id, object_type)
        row = s.get(ReportCache, (tenant_id, kind))
        stored = None if row is None else (row.body, _aware(row.computed_at), row.seconds, row.key == key)
    run = report_jobs.running(app, tenant_id, kind)
    failed = None if run is not None else report_jobs.failure(app, tenant_id, kind)
    if stored is not None:
        body, at, seconds, fresh = stored
        if not fresh and run is None:
            request_refresh(app, tenant_id)
        return Shown(body, at, seconds, fresh, computing_since=run.since if run else None, failure=failed)
    if run is None and (failed is None or failed.key != key):
        run = start(app, tenant_id, object_type)
        failed = None if run is not None else report_jobs.failure(app, tenant_id, kind)
    return Shown(None, None, 0.0, fresh=False, computing_since=run.since if run else None, failure=failed)


def start(app: Any, tenant_id: str, object_type: str) -> report_jobs.Running | None:
    """Start computing a report on the job queue, unless a computation of it is under way (then that one).

    None when it could not be started (the queue refused it): the failure is stored for the page to show.
    """
    kind = cache_kind(object_type)
    run = report_jobs.take(app, tenant_id, kind)
    if run is None:
        return report_jobs.running(app, tenant_id, kind)
    try:
        enqueue(app, "app.admin.learning_report.run_job", [tenant_id, object_type, run.token],
                f"learning report {tenant_id} {object_type}", timeout=report_jobs.lease_seconds(app))
    except Exception as exc:  # Redis down: say so on the page, and let the next view or a retry try again
        log.exception("could not queue the learning report", extra={"tenant_id": tenant_id})
        report_jobs.release(app, tenant_id, kind, run.token)
        report_jobs.record_failure(app, tenant_id, kind, "", QueueUnavailableError(exc), 0.0)
        return None
    return run


def retry(app: Any, tenant_id: str, object_type: str) -> report_jobs.Running | None:
    """Forget the last failure and start again (the page's "Try again" button)."""
    report_jobs.clear_failure(app, tenant_id, cache_kind(object_type))
    return start(app, tenant_id, object_type)


class QueueUnavailableError(RuntimeError):
    """The job queue refused the computation."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(f"the job queue did not accept the computation ({type(cause).__name__}: {cause}); "
                         "check that Redis and a worker (agentic-sales worker) are running, then try again")


def run_job(tenant_id: str, object_type: str, token: str) -> dict[str, Any]:
    """The queued computation (needs an app context): computes and stores the report under the lease `token`
    that the view took, then gives the lease back."""
    from flask import current_app

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        hit = _compute_and_store(app, tenant_id, object_type)
    finally:
        report_jobs.release(app, tenant_id, cache_kind(object_type), token)
    return {"tenant": tenant_id, "object_type": object_type, "computed": not hit}


def _compute_and_store(app: Any, tenant_id: str, object_type: str) -> bool:
    """Store an up-to-date report (True: the stored one already was); a failure is stored for the page, then
    raised."""
    kind = cache_kind(object_type)
    started = time.perf_counter()
    key = ""
    try:
        with get_db(app).session() as s:
            key = report_key(app, s, tenant_id, object_type)
            _body, hit = cached(s, tenant_id, kind, key, partial(compute, app, tenant_id, object_type))
    except IntegrityError:  # another process stored the same report meanwhile (an expired lease): as new as ours
        hit = True
    except Exception as exc:
        report_jobs.record_failure(app, tenant_id, kind, key, exc, time.perf_counter() - started)
        raise
    report_jobs.clear_failure(app, tenant_id, kind)
    return hit


def refresh(app: Any, tenant_id: str, object_types: Iterable[str] | None = None) -> dict[str, Any]:
    """Recompute and store each out-of-date report of the tenant (the scheduler's periodic job).

    Deals always; another object type once someone has viewed its report (a stored row): computing a report
    nobody opened would cost a worker seconds per outcome batch for nothing. A report whose computation is
    under way elsewhere (a first view's) is left to it.
    """
    kinds = report_jobs.stored_kinds(app, tenant_id)
    types = list(object_types) if object_types is not None else [
        t for t in OBJECT_TYPES if t == "deal" or cache_kind(t) in kinds]
    out: dict[str, Any] = {"tenant": tenant_id, "computed": [], "up_to_date": []}
    for object_type in types:
        run = report_jobs.take(app, tenant_id, cache_kind(object_type))
        if run is None:
            out.setdefault("computing_elsewhere", []).append(object_type)
            continue
        try:
            hit = _compute_and_store(app, tenant_id, object_type)
        finally:
            report_jobs.release(app, tenant_id, cache_kind(object_type), run.token)
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
