"""A new installation's first models: trained right after the install, then its open records scored again.

The scheduler runs a tenant's periodic retraining one interval after it first sees the tenant
(`RETRAIN_INTERVAL_SECONDS`, a day), so a production install (the Procfile's RQ workers) used to serve
cards without a single score for its first day: the install's backfill ran before any model existed and
nothing scored the open records again once one did (the wave-31 docs walk met it on PostgreSQL + Redis:
80 deals enriched, every score `no_model`, the model cards page "No model has been trained for this
account yet." with no next step). Now:

- `request_after_install`: an install of a tenant that has no model asks the scheduler for its retraining
  at the leader's next tick (the same "run now" row a degraded model's retrain uses), and its install backfill
  waits for that training (app/oauth/routes.py): enriched at the install and again when the first models landed,
  every open record ran its LLM agents twice on day one (twice the vendor spend, wave 31);
- `rescore_if_first_models`: a retraining that puts a task's first model in use queues every open record
  (the backfill, idempotent): the install's, or, for records enriched before (a backfill by hand), again so
  that their cards get the scores;
- `backfill_if_install_waits`: a first training that put no model in use (not enough history) or failed still
  lets the waiting install backfill run, without scores;
- `next_step`: what the console says under a task that has no model yet: when the training runs and the
  command that trains it now.

The demo trains before its backfill itself (`RETRAIN_ENABLED` off there): nothing here runs in it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from flask import Flask
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import PeriodicRun

log = logging.getLogger(__name__)

BACKFILL_WAITS = "backfill_waits_for_first_training"
"""The key of the install's audit row (event "tenant.installed") saying its open records wait for the first
training: `backfill_if_install_waits` reads it, so only an install that held its backfill gets one after."""

RETRAIN_JOB = "retrain"


def tasks_in_use(app: Flask, tenant_id: str, tasks: Iterable[str]) -> set[str]:
    """The tasks of `tasks` that have a champion pointer in the tenant's model store (no model is loaded)."""
    from app.pipeline.tenant import registry

    root = registry(app).root / tenant_id
    return {task for task in tasks if (root / task / "champion.json").is_file()}


def _tasks(app: Flask, tenant_id: str) -> tuple[str, ...]:
    from app.pipeline.training import default_tasks

    return default_tasks(app, tenant_id)


def request_after_install(app: Flask, tenant_id: str) -> bool:
    """Ask for the tenant's retraining at the scheduler's next tick when it has no model at all and
    scheduled retraining is on; True when asked."""
    if not app.config.get("RETRAIN_ENABLED", True):
        return False
    if tasks_in_use(app, tenant_id, _tasks(app, tenant_id)):
        return False  # a re-install keeps its models: the daily retraining goes on as before
    from app.scheduler import request_run

    request_run(app, tenant_id, RETRAIN_JOB)
    log.info("first training requested after the install", extra={"tenant_id": tenant_id})
    return True


def rescore_if_first_models(app: Flask, tenant_id: str, before: set[str],
                            results: Mapping[str, Any]) -> dict[str, Any] | None:
    """After a training: when a task that had no model now has one, queue every open record again (its
    cards so far were made without that score). Returns the backfill's counts, or None when nothing new
    is in use."""
    first = sorted(tasks_in_use(app, tenant_id, results) - before)
    if not first:
        return None
    from app.sync import backfill

    counts = backfill(tenant_id, app)
    log.info("first models in use (%s): open records queued again", ", ".join(first), extra={"tenant_id": tenant_id})
    return {"first_models": first, "records_backfilled": counts.get("records_backfilled", 0)}


def backfill_if_install_waits(app: Flask, tenant_id: str) -> dict[str, Any] | None:
    """Run the install's backfill that waited for the first training when that training put no model in use
    (not enough history, or it failed): the open records are enriched without scores rather than never.
    Waiting means: the tenant's latest install says so in its audit row (BACKFILL_WAITS, written by the
    install route when BACKFILL_ON_INSTALL and INSTALL_BACKFILL_AFTER_FIRST_TRAINING held), and the
    tenant has neither an enrichment nor a backfill or reconciliation row since. A retraining of a tenant
    whose install did not wait (or that was never installed through the app) backfills nothing. Returns
    the backfill's counts, or None when nothing waited."""
    from sqlalchemy import exists

    from app.dispatch.batch import SYNC_SOURCES
    from app.storage.models import AuditLog, Enrichment, InboxEvent

    with get_db(app).session() as s:
        install = s.execute(select(AuditLog.detail).where(AuditLog.tenant_id == tenant_id,
                                                          AuditLog.event == "tenant.installed")
                            .order_by(AuditLog.id.desc()).limit(1)).scalar()
        done = s.execute(select(
            exists().where(Enrichment.tenant_id == tenant_id)
            | exists().where(InboxEvent.tenant_id == tenant_id, InboxEvent.change_source.in_(SYNC_SOURCES)))).scalar()
    if not (install or {}).get(BACKFILL_WAITS) or done:
        return None
    from app.sync import backfill

    counts = backfill(tenant_id, app)
    log.info("no first model; the install's open records queued without scores", extra={"tenant_id": tenant_id})
    return {"first_models": [], "records_backfilled": counts.get("records_backfilled", 0)}


def next_step(app: Flask, tenant_id: str, task: str, *, now: datetime | None = None) -> str:
    """What to expect, and what to run, for a task that has never had a model (the console's model cards)."""
    train_now = f"To train it now: `agentic-sales model train-from-crm --tenant {tenant_id} --task {task}`."
    if not app.config.get("RETRAIN_ENABLED", True):
        return f"Scheduled retraining is off in this deployment (AGENTIC_SALES_RETRAIN_ENABLED). {train_now}"
    with get_db(app).session() as s:
        row = s.execute(select(PeriodicRun.next_run_at, PeriodicRun.requested_at)
                        .where(PeriodicRun.tenant_id == tenant_id, PeriodicRun.name == RETRAIN_JOB)).first()
    if row is not None and row.requested_at is not None:
        return (f"The first training was asked for at {_hm(row.requested_at)} UTC: a worker started with "
                f"`--with-scheduler` runs it within minutes, then enriches the open records with their scores. {train_now}")
    if row is None:
        return f"The scheduled retraining has not run for this account yet. {train_now}"
    at = row.next_run_at if row.next_run_at.tzinfo else row.next_run_at.replace(tzinfo=UTC)
    when = "at the scheduler's next tick" if at <= (now or datetime.now(UTC)) else f"at {at:%Y-%m-%d %H:%M} UTC"
    return f"The scheduled retraining runs next {when}. {train_now}"


def _hm(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M}"


__all__ = ["backfill_if_install_waits", "next_step", "request_after_install", "rescore_if_first_models",
           "tasks_in_use"]
