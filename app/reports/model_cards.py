"""A tenant's model cards: its champions from the shared model store, its CRM labels, and why a
task is absent (the last training's audit row).

The cards themselves are scoring's (:mod:`scoring.model_card`, pure); this module only finds
the inputs, so the console page and ``agentic-sales model report --tenant T`` show the same
thing without anyone knowing an artefact path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from flask import Flask
from sqlalchemy import select

from app.connectors import enriched_object_types
from app.pipeline import tenant as tenant_inputs
from app.reports import figure_store
from app.storage import get_db
from app.storage.models import AuditLog, Tenant
from scoring import TASKS, LoadedModel
from scoring.errors import ModelError
from scoring.model_card import ModelCard, card_figures, cards_for
from scoring.registry import check_versions, read_metadata

CACHED_CARDS = 256
"""Rendered cards kept per process (a card is redrawn only for a new champion or new labels)."""


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
    """Put the last training's reason on each task without a model (not enough history, a model
    refused by its gate, a training error), as the rep's card does (``tenant.training_reason``)."""
    out = dict(models)
    for task, entry in models.items():
        if isinstance(entry, Mapping) and "no_model" in entry:
            reason = tenant_inputs.training_reason(training.get(task))
            if reason is not None:
                out[task] = reason
    return out


def model_cards(app: Flask, tenant_id: str, tasks: Sequence[str] | None = None, *,
                figures: bool = True) -> list[ModelCard]:
    """One card per task for the tenant, in ``tasks`` order (a task without a model says why).

    Args:
        app: the Flask app (database, model store).
        tenant_id: the tenant.
        tasks: which tasks (default: the four deal tasks, and the lead score where the tenant's CRM
            enriches leads).
        figures: render the SVG charts (the JSON listing does not need them).

    Raises:
        UnknownTenantError: no such tenant.
        ValueError: an unknown task name.
    """
    unknown = [t for t in tasks or () if t not in TASKS]
    if unknown:
        raise ValueError(f"unknown task {unknown[0]!r}; expected one of {', '.join(TASKS)}")
    crm = _tenant_crm(app, tenant_id)
    if tasks is None:
        leads = "lead" in enriched_object_types(crm, app)
        tasks = tuple(t for t in TASKS if t != "lead_conversion" or leads)
    models = absent_reasons(champion_sidecars(app, tenant_id, tasks), last_training(app, tenant_id))
    labels = tenant_inputs.scoring_mapping(app, tenant_id, crm).get("labels") or {}
    cache: dict[tuple[Any, ...], ModelCard] = app.extensions.setdefault("model_cards", {})
    out = []
    for card in cards_for(models, labels, tuple(tasks), figures=False):
        if not (card.present and figures):
            out.append(card)
            continue
        # Charts are a pure function of the artefact and the labels: drawn once for every process (the model
        # store's file, app/reports/figure_store.py), read once per process.
        key = (tenant_id, card.version, tuple(sorted(labels.items())))
        if key not in cache:
            if len(cache) >= CACHED_CARDS:
                cache.pop(next(iter(cache)))
            cache[key] = replace(card, figures=_figures(app, tenant_id, card, labels))
        out.append(cache[key])
    return out


def _figures(app: Flask, tenant_id: str, card: ModelCard, labels: Mapping[str, str]) -> dict[str, str]:
    """The card's charts from the model store, drawn and stored there when they are not yet."""
    path = figure_store.path_of(app, tenant_id, str(card.version), labels)
    figures = figure_store.read(path)
    if figures is None:
        figures = card_figures(card)
        figure_store.write(path, figures)
    return figures


def champion_sidecars(app: Flask, tenant_id: str, tasks: Sequence[str]) -> dict[str, Any]:
    """task → the champion's sidecar and holdout (a :class:`LoadedModel` without the model), or a reason.

    A card needs what training stored, not the fitted model: reading the sidecar skips
    unpickling. A champion saved with other library versions is reported as retraining, as the
    worker would (``ModelRegistry.load_champions``); no retrain is queued from here.
    """
    registry = tenant_inputs.registry(app)
    out: dict[str, Any] = {}
    for task in tasks:
        directory = registry.champion_dir(tenant_id, task)
        if directory is None:
            out[task] = {"no_model": {}}
            continue
        try:
            meta = read_metadata(directory)
            check_versions(meta)
            holdout = json.loads((directory / "holdout.json").read_text())
        except ModelError as exc:
            out[task] = {"model_retraining": {"reason": str(exc)}}
            continue
        except (OSError, ValueError) as exc:
            out[task] = {"model_retraining": {"reason": f"{directory.name}: {exc}"}}
            continue
        out[task] = LoadedModel(task=task, model=None, metadata=meta, path=directory, holdout=holdout)
    return out
