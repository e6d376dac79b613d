"""A tenant's model cards: its champions from the shared model store, its CRM labels, and why a
task is absent (the last training's audit row).

The cards themselves are scoring's (:mod:`scoring.model_card`, pure); this module only finds
the inputs, so the console page and ``agentic-sales model report --tenant T`` show the same
thing without anyone knowing an artefact path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask import Flask
from sqlalchemy import select

from app.pipeline import tenant as tenant_inputs
from app.storage import get_db
from app.storage.models import AuditLog, Tenant
from scoring import TASKS
from scoring.model_card import ModelCard, cards_for


class UnknownTenantError(LookupError):
    """No installed tenant has this id; the message lists the ones that exist."""


def _tenant_crm(app: Flask, tenant_id: str) -> str:
    with get_db(app).session() as s:
        row = s.get(Tenant, tenant_id)
        if row is not None:
            return str(row.crm)
        known = sorted(s.execute(select(Tenant.id)).scalars())
    hint = f"known tenants: {', '.join(known[:10])}" if known else "no tenant is installed in this database"
    raise UnknownTenantError(f"unknown tenant {tenant_id!r} ({hint})")


def last_training(app: Flask, tenant_id: str) -> dict[str, Any]:
    """task → the last scheduled/CLI training's result for the tenant (from the audit log)."""
    with get_db(app).session() as s:
        detail = s.execute(
            select(AuditLog.detail).where(AuditLog.tenant_id == tenant_id, AuditLog.event == "models.trained")
            .order_by(AuditLog.id.desc()).limit(1)
        ).scalar()
    results = (detail or {}).get("results") if isinstance(detail, Mapping) else None
    return dict(results) if isinstance(results, Mapping) else {}


def absent_reasons(models: Mapping[str, Any], training: Mapping[str, Any]) -> dict[str, Any]:
    """Put the last training's reason on each task without a model (not enough history, an error,
    a trained model that failed its gate)."""
    out = dict(models)
    for task, entry in models.items():
        if not (isinstance(entry, Mapping) and "no_model" in entry):
            continue
        result = training.get(task)
        if isinstance(result, Mapping) and isinstance(result.get("not_enough_history"), Mapping):
            out[task] = {"not_enough_history": dict(result["not_enough_history"])}
        elif isinstance(result, Mapping) and result.get("error"):
            out[task] = {"error": str(result["error"])}
        elif isinstance(result, Mapping) and result.get("promoted") is False:
            out[task] = {"not_promoted": {"reason": result.get("reason"), "version": result.get("version")}}
    return out


def model_cards(app: Flask, tenant_id: str, tasks: Sequence[str] = TASKS, *, figures: bool = True) -> list[ModelCard]:
    """One card per task for the tenant, in ``tasks`` order (a task without a model says why).

    Args:
        app: the Flask app (database, model store).
        tenant_id: the tenant.
        tasks: which tasks (default all four).
        figures: render the SVG charts (the JSON listing does not need them).

    Raises:
        UnknownTenantError: no such tenant.
        ValueError: an unknown task name.
    """
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        raise ValueError(f"unknown task {unknown[0]!r}; expected one of {', '.join(TASKS)}")
    crm = _tenant_crm(app, tenant_id)
    # load_champions without a retrain callback: looking at a card must not queue work.
    models = tenant_inputs.registry(app).load_champions(tenant_id, tasks=tasks)
    models = absent_reasons(models, last_training(app, tenant_id))
    labels = tenant_inputs.scoring_mapping(app, tenant_id, crm).get("labels") or {}
    return cards_for(models, labels, tuple(tasks), figures=figures)
