"""The scheduler: ONE leader among any number of workers enqueues the periodic per-tenant jobs.

Every `worker --with-scheduler` (and the in-process worker) ticks; a tick first takes or renews
the `scheduler` row of `leader_leases` by compare-and-set (held SCHEDULER_LEASE_SECONDS; a dead
leader is replaced after that). Only the leader sweeps and looks for due periodic jobs. Each
(tenant, job) has a `periodic_runs` row whose `next_run_at` is advanced by compare-and-set when
the job is claimed, so even two leaders in a lease hand-over cannot run one tenant's
reconciliation twice in an interval. "Run now" requests (a degraded model's retrain) are rows
(`requested_at`), not process memory, so any worker may ask and the leader sees it.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import or_, update

from app import defaults
from app.audit import write_audit
from app.storage import get_db, leader_leases, rowcount
from app.storage.models import PeriodicRun
from app.storage.upsert import insert_if_absent

log = logging.getLogger(__name__)

LEASE_NAME = "scheduler"


def holder_id(app: Flask) -> str:
    """This process's identity in the lease (host, pid and a per-app nonce)."""
    return app.extensions.setdefault("scheduler_holder", f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}")


def take_lead(app: Flask, *, now: datetime | None = None) -> bool:
    """Take or renew the scheduler lease; True if this process is the leader until the lease ends."""
    at = now or datetime.now(UTC)
    me = holder_id(app)
    until = at + timedelta(seconds=float(app.config.get("SCHEDULER_LEASE_SECONDS", defaults.SCHEDULER_LEASE_SECONDS)))
    with get_db(app).session() as s:
        return leader_leases.take(s, LEASE_NAME, me, until, now=at)


def periodic_jobs(app: Flask) -> dict[str, float]:
    """Periodic per-tenant jobs and their intervals in seconds (those enabled by configuration)."""
    jobs: dict[str, float] = {}
    if app.config.get("RECONCILE_ENABLED", True):
        jobs["reconcile"] = float(app.config.get("RECONCILE_INTERVAL_SECONDS", defaults.RECONCILE_INTERVAL_SECONDS))
    if app.config.get("RETRAIN_ENABLED", True):
        jobs["retrain"] = float(app.config.get("RETRAIN_INTERVAL_SECONDS", defaults.RETRAIN_INTERVAL_SECONDS))
    if app.config.get("LEARNING_REFRESH_ENABLED", True):
        jobs["learning"] = float(app.config.get("LEARNING_REFRESH_INTERVAL_SECONDS",
                                                defaults.LEARNING_REFRESH_INTERVAL_SECONDS))
    if app.config.get("LEARNING_REPORT_ENABLED", True):
        jobs["learning_report"] = float(app.config.get("LEARNING_REPORT_INTERVAL_SECONDS",
                                                       defaults.LEARNING_REPORT_INTERVAL_SECONDS))
    if app.config.get("RETENTION_ENABLED", True):
        jobs["retention"] = float(app.config.get("RETENTION_INTERVAL_SECONDS", defaults.RETENTION_INTERVAL_SECONDS))
    return jobs


def claim_due(app: Flask, *, now: datetime | None = None) -> list[tuple[str, str]]:
    """(tenant, job) pairs due now, each claimed by advancing its next run (compare-and-set).

    A tenant's first run of a job comes one interval after it was first seen (not at start-up,
    when the install backfill is still running), or at once when requested.
    """
    from app.tenants import installed_tenants

    at = now or datetime.now(UTC)
    claimed = []
    jobs = periodic_jobs(app)
    if not jobs:
        return []
    tenants = installed_tenants(app)
    with get_db(app).session() as s:
        for tenant_id in tenants:
            for name, every in jobs.items():
                s.execute(insert_if_absent(s, PeriodicRun, ["tenant_id", "name"], tenant_id=tenant_id, name=name,
                                           runs=0, next_run_at=at + timedelta(seconds=every)))
                result = s.execute(
                    update(PeriodicRun)
                    .where(PeriodicRun.tenant_id == tenant_id, PeriodicRun.name == name,
                           or_(PeriodicRun.next_run_at <= at, PeriodicRun.requested_at.is_not(None)))
                    .values(next_run_at=at + timedelta(seconds=every), last_run_at=at,
                            runs=PeriodicRun.runs + 1, requested_at=None))
                if rowcount(result) == 1:
                    claimed.append((tenant_id, name))
                    write_audit(s, f"periodic.{name}", tenant_id=tenant_id,
                                detail={"at": at.isoformat(), "holder": holder_id(app)})
    return claimed


def request_run(app: Flask, tenant_id: str, name: str) -> None:
    """Ask for a tenant's periodic job to run at the leader's next tick (any process may ask)."""
    at = datetime.now(UTC)
    with get_db(app).session() as s:
        s.execute(insert_if_absent(s, PeriodicRun, ["tenant_id", "name"], tenant_id=tenant_id, name=name, runs=0,
                                   next_run_at=at, requested_at=at))
        s.execute(update(PeriodicRun).where(PeriodicRun.tenant_id == tenant_id, PeriodicRun.name == name)
                  .values(requested_at=at))


def request_soon(app: Flask, tenant_id: str, name: str, within: float) -> None:
    """Bring a tenant's periodic job forward to run within `within` seconds, never later than it was due: a burst
    of requests (an outcome batch after another) makes one run, not one per request."""
    at = datetime.now(UTC)
    due = at + timedelta(seconds=within)
    with get_db(app).session() as s:
        s.execute(insert_if_absent(s, PeriodicRun, ["tenant_id", "name"], tenant_id=tenant_id, name=name, runs=0,
                                   next_run_at=due))
        s.execute(update(PeriodicRun).where(PeriodicRun.tenant_id == tenant_id, PeriodicRun.name == name,
                                            PeriodicRun.next_run_at > due)
                  .values(next_run_at=due))


def run_periodic(tenant_id: str, name: str) -> dict[str, Any]:
    """The periodic job itself (an ordinary queued job; needs an app context).

    A CRM that refuses the tenant's refresh token for good (uninstalled on its side) revokes the
    installation, as a record job's refusal does: after an uninstall no webhook comes any more, so a
    scheduled job is often the only call that meets the refusal, and it failed every period for good
    while the tenant read "connected" and was never erased. Returns `{"revoked", "reason"}` then.
    """
    from flask import current_app

    from app.dispatch.batch import is_refused_grant

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        return _run_periodic(app, tenant_id, name)
    except Exception as exc:
        if not is_refused_grant(exc):
            raise
        from app.tenants import mark_revoked

        reason = f"{type(exc).__name__}: {exc}"
        # The call that met the refusal may have marked it already (client_for's on_dead_grant): revoked either way.
        revoked = mark_revoked(app, tenant_id, reason) or _revoked(app, tenant_id)
        log.warning("periodic %s: the CRM refused the refresh token; installation revoked", name,
                    extra={"tenant_id": tenant_id})
        return {"tenant": tenant_id, "job": name, "revoked": revoked, "reason": reason[:500]}


def _revoked(app: Flask, tenant_id: str) -> bool:
    from app.storage.models import Tenant

    with get_db(app).session() as s:
        tenant = s.get(Tenant, tenant_id)
        return tenant is not None and tenant.status == "revoked"


def _run_periodic(app: Flask, tenant_id: str, name: str) -> dict[str, Any]:
    if name == "reconcile":
        from app.sync import reconcile

        return reconcile(tenant_id, app)
    if name == "retrain":
        from app.pipeline.first_training import (
            backfill_if_install_waits,
            rescore_if_first_models,
            tasks_in_use,
        )
        from app.pipeline.training import default_tasks, train_tenant
        from app.reports.figure_store import warm_after_training

        before = tasks_in_use(app, tenant_id, default_tasks(app, tenant_id))
        try:
            results = train_tenant(app, tenant_id)
        except Exception:
            backfill_if_install_waits(app, tenant_id)  # a failed first training must not hold the install's records
            raise
        # A new champion's model card charts, drawn now rather than at revenue ops' next view of the page.
        warm_after_training(app, tenant_id, results)
        # A task's first model (e.g. the training an install asked for): the install's backfill waited for it, or
        # the open records were scored without it; with no model at all the install's backfill still runs.
        rescored = rescore_if_first_models(app, tenant_id, before, results) or backfill_if_install_waits(app, tenant_id)
        return {"tenant": tenant_id, "tasks": sorted(results), **({"rescored": rescored} if rescored else {})}
    if name == "learning":
        from app.pipeline.strategy import fold_rewards

        return fold_rewards(app, tenant_id)
    if name == "learning_report":
        from app.admin.learning_report import refresh

        return refresh(app, tenant_id)
    if name == "retention":
        from app.retention import purge_expired

        return purge_expired(app, tenant_id)
    raise ValueError(f"unknown periodic job {name!r}")


def tick(app: Flask, enqueue: Callable[[str, str], None] | None = None) -> dict[str, Any]:
    """One scheduler tick: lead or not; if leading, sweep and enqueue the due periodic jobs."""
    from app.dispatch import get_dispatcher

    backend = app.extensions["dispatcher"].backend
    # The embedded worker is one process by construction: it leads without a lease row (so an
    # idle embedded server writes nothing); periodic_runs' compare-and-set still guards overlaps.
    # SCHEDULER_LEASE=True/False forces the choice.
    needs_lease = app.config.get("SCHEDULER_LEASE")
    if needs_lease is None:
        needs_lease = getattr(backend, "name", "") != "inprocess"
    if needs_lease and not take_lead(app):
        return {"leader": False}
    out: dict[str, Any] = {"leader": True, **get_dispatcher(app).sweep()}
    from app.tenants.uninstall import erase_revoked

    erased = erase_revoked(app)
    if erased:
        out["erased"] = erased
    from app.retention import purge_quarantine

    purged = purge_quarantine(app)
    if purged:
        out["quarantine_purged"] = purged
    due = claim_due(app)
    for tenant_id, name in due:
        (enqueue or _enqueue_default(app))(tenant_id, name)
    if due:
        out["periodic"] = [f"{t}:{n}" for t, n in due]
    return out


def _enqueue_default(app: Flask) -> Callable[[str, str], None]:
    """The app's job queue (app.background): RQ when the app dispatches on Redis, else a thread of the embedded
    worker. A failing periodic job only logs: one tenant's failure must not stop the scheduler."""
    from app.background import enqueue

    def on_queue(tenant_id: str, name: str) -> None:
        enqueue(app, "app.scheduler.run_periodic", [tenant_id, name], f"{name} {tenant_id}")
    return on_queue
