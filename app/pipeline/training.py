"""Train a tenant's models from its CRM history and promote them if better (also scheduled).

History is read in bulk (the connector client's `iter_records`): every deal with its company, contacts,
activity and stage history, and, where the CRM's connector enriches leads (Salesforce), every
lead with its activity. Each task trains on what it can: conversion and price on closed deals, CLV
on companies' closed-won deals, churn on records labelled churned, lead conversion on closed leads
(converted or closed unconverted). A task without enough history stays absent with
`not_enough_history` and the card says so.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from flask import Flask
from threadpoolctl import threadpool_limits

from app import defaults
from app.audit import write_audit
from app.connectors import enriched_object_types
from app.pipeline import tenant as tenant_inputs
from app.pipeline.shared_staging import remove_shared_staging
from app.storage import get_db
from integrations.base import Record
from integrations.limits import patience
from scoring import retrain_tenant

log = logging.getLogger(__name__)

TRAIN_TASKS = ("conversion", "price", "clv", "churn")
LEAD_TASK = "lead_conversion"
"""Trained too where the connector enriches leads (scoring.leads)."""
DISCOUNT_FEATURE = "discount"
"""Record.extra key of the negotiated discount (mapped from a CRM field; a fraction or a percent)."""


def history_records(app: Flask, tenant_id: str) -> list[Record]:
    """All of a tenant's deals (and leads, where its CRM's leads are enriched) as canonical
    Records, read in bulk (CrmClient.iter_records)."""
    from app.tenants import client_for

    client = client_for(tenant_id, app)
    # Hundreds of calls, more than one rate window holds: pace through the windows rather than
    # fail the whole read (there is no batch to re-queue here; see integrations.limits.patience).
    with patience(defaults.BULK_READ_PATIENCE_SECONDS):
        records = [_discount_as_fraction(r) for r in client.iter_records("deal")]
        if LEAD_TASK in default_tasks(app, tenant_id):
            records += list(client.iter_records("lead", kinds=("open", "won", "lost")))
        return records


def default_tasks(app: Flask, tenant_id: str) -> tuple[str, ...]:
    """The tasks a tenant trains: the deal tasks, and lead conversion where its CRM's leads are enriched."""
    from app.tenants import tenant_crm
    from integrations.errors import CrmError

    try:
        crm = tenant_crm(app, tenant_id)
    except CrmError:  # no such tenant (records handed in by a test or a script): the deal tasks
        return TRAIN_TASKS
    return (*TRAIN_TASKS, LEAD_TASK) if "lead" in enriched_object_types(crm, app) else TRAIN_TASKS


def _discount_as_fraction(record: Record) -> Record:
    value = record.extra.get(DISCOUNT_FEATURE)
    if isinstance(value, int | float) and value > 1:
        # CRM discount fields are usually percents ("Discount (%)"); models use fractions.
        return replace(record, extra={**record.extra, DISCOUNT_FEATURE: value / 100.0})
    return record


def train_tenant(app: Flask, tenant_id: str, *, tasks: Sequence[str] | None = None,
                 records: Sequence[Record] | None = None, fast: bool = False,
                 progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Train each task, save it to the registry and promote it if better than the champion.

    Returns:
        task → promote result, or `{"not_enough_history": {"have", "need"}}`.
    """
    started = time.perf_counter()
    tasks = tuple(tasks) if tasks is not None else default_tasks(app, tenant_id)
    recs = list(records) if records is not None else history_records(app, tenant_id)
    row = tenant_inputs.tenant_settings(app, tenant_id)
    reg = tenant_inputs.registry(app)
    remove_shared_staging(reg.root)
    mapping = {"targets": {"discount": DISCOUNT_FEATURE}}
    if progress:
        progress(", ".join(tasks))
    # Training, saving and champion/challenger promotion are scoring's; the app adds the CRM
    # history, the tenant's cold-start threshold and the audit trail.
    threads = max(1, int(app.config.get("TRAINING_THREADS") or defaults.TRAINING_THREADS))
    with threadpool_limits(limits=threads):
        results = retrain_tenant(recs, tenant_id, reg, tasks=tasks, mapping=mapping,
                                 min_closed=row.min_closed_deals, staging=reg.root / tenant_id / "staging", fast=fast)
    detail = {"records": len(recs), "seconds": round(time.perf_counter() - started, 1),
              "results": {k: {kk: vv for kk, vv in v.items() if kk in ("promoted", "version", "metric",
                                                                       "challenger", "champion", "reason", "served",
                                                                       "not_enough_history", "error")}
                          for k, v in results.items()}}
    with get_db(app).session() as s:
        write_audit(s, "models.trained", tenant_id=tenant_id, detail=detail)
    log.info("models trained", extra={"tenant_id": tenant_id})
    return results
