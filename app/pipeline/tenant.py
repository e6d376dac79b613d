"""Per-tenant inputs of the pipeline: settings → agent settings and policy, labels, champions.

Champion models are loaded once per process and reloaded only when a champion pointer changes.
A champion that cannot be loaded (library mismatch, checksum) degrades that task: the card says
"model retraining", an alert is logged and audited, and a retrain is requested.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Literal, cast

from flask import Flask
from sqlalchemy import select

from agents.decision import Policy
from agents.settings import CONTACT_FREQUENCY_CAP, AgentSettings
from app.storage import get_db
from app.storage.mappings import mapping_for
from app.storage.models import AuditLog, TenantSettings
from scoring import TASKS, ModelRegistry

log = logging.getLogger(__name__)
Autonomy = Literal["suggest", "approve", "auto"]
_lock = threading.Lock()


def model_dir(app: Flask) -> Path:
    """Root of the model registry: MODEL_STORE (shared by every worker, e.g. a mounted volume),
    else MODEL_DIR, else DATA_DIR/models (one machine only)."""
    return Path(app.config.get("MODEL_STORE") or app.config.get("MODEL_DIR")
                or Path(app.config["DATA_DIR"]) / "models")


def registry(app: Flask) -> ModelRegistry:
    return ModelRegistry(model_dir(app))


def champions(app: Flask, tenant_id: str) -> dict[str, Any]:
    """The tenant's champions (task → LoadedModel or reason), cached until a pointer changes."""
    reg = registry(app)
    signature = []
    for task in TASKS:
        pointer = reg.root / tenant_id / task / "champion.json"
        signature.append(pointer.stat().st_mtime_ns if pointer.exists() else 0)
    cache: dict[str, tuple[tuple[int, ...], dict[str, Any]]] = app.extensions.setdefault("champions", {})
    with _lock:
        hit = cache.get(tenant_id)
        if hit and hit[0] == tuple(signature):
            return with_training_reasons(app, tenant_id, hit[1])

    def degraded(tenant: str, task: str, error: Exception) -> None:
        log.error("model for %s/%s cannot be loaded: %s; retraining requested", tenant, task, error,
                  extra={"tenant_id": tenant})
        app.extensions.setdefault("retrain_requests", set()).add((tenant, task))
        try:
            from app.scheduler import request_run

            request_run(app, tenant, "retrain")  # a row: the scheduler leader sees it, whichever worker asks
        except Exception:
            log.exception("could not request a retrain", extra={"tenant_id": tenant})

    models = reg.load_champions(tenant_id, on_degraded=degraded)
    with _lock:
        cache[tenant_id] = (tuple(signature), models)
    return with_training_reasons(app, tenant_id, models)


def with_training_reasons(app: Flask, tenant_id: str, models: dict[str, Any]) -> dict[str, Any]:
    """Put the last training's reason (e.g. not enough history) on tasks that have no model, so
    the card says "needs 50 closed customers, this account has 44" instead of "no model"."""
    missing = [task for task, m in models.items() if isinstance(m, dict) and "no_model" in m]
    if not missing:
        return models
    with get_db(app).session() as s:
        detail = s.execute(
            select(AuditLog.detail).where(AuditLog.tenant_id == tenant_id, AuditLog.event == "models.trained")
            .order_by(AuditLog.id.desc()).limit(1)
        ).scalar()
    results = ((detail or {}).get("results") or {}) if isinstance(detail, dict) else {}
    reasons = {task: {"not_enough_history": results[task]["not_enough_history"]} for task in missing
               if isinstance(results.get(task), dict) and isinstance(results[task].get("not_enough_history"), dict)}
    return {**models, **reasons} if reasons else models


def tenant_settings(app: Flask, tenant_id: str) -> TenantSettings:
    with get_db(app).session() as s:
        row = s.get(TenantSettings, tenant_id)
        if row is None:
            row = TenantSettings(tenant_id=tenant_id)
            s.add(row)
            s.flush()
        s.expunge(row)
        return row


def agent_settings(app: Flask, row: TenantSettings) -> AgentSettings:
    """AgentSettings from the tenant's row and the deployment's per-role defaults."""
    roles = {"analyst": app.config["LLM_ANALYST"], "strategist": app.config["LLM_STRATEGIST"],
             "writer": app.config["LLM_WRITER"]}
    roles.update(row.llm_roles or {})
    tone = row.tone if row.tone in ("friendly", "formal") else "friendly"
    settings = AgentSettings(
        tenant_id=row.tenant_id, roles=roles, vendor_allowlist=frozenset(row.llm_allow_list or ["offline"]),
        monthly_spend_cap_usd=row.monthly_spend_cap_usd, redact_pii=bool(row.redact_pii), tone=tone,
        language=(row.locale or "en").split("-")[0], max_discount=float(row.max_discount),
        link_allowlist=tuple(str(u) for u in (row.extra or {}).get("link_allowlist") or ()),
    )
    # Deployment-wide overrides, e.g. `demo --llm local` running every role on the local model.
    return settings.with_overrides(**(app.config.get("AGENT_SETTINGS_OVERRIDES") or {}))


def policy(row: TenantSettings) -> Policy:
    """The decision engine's guardrails from the tenant's row."""
    extra = row.extra or {}
    return Policy(
        autonomy=cast(Autonomy, row.autonomy if row.autonomy in ("suggest", "approve", "auto") else "suggest"),
        max_discount=float(row.max_discount),
        approval_discount_over=float(row.approval_discount),
        escalate_amount_over=extra.get("escalate_amount_over", 100_000.0),
        escalate_churn_over=extra.get("escalate_churn_over", 0.8),
        contact_frequency_cap=int(extra.get("contact_frequency_cap", CONTACT_FREQUENCY_CAP)),
    )


def scoring_mapping(app: Flask, tenant_id: str, crm: str) -> dict[str, Any]:
    """The mapping scoring wants: the CRM's own labels for our features."""
    with get_db(app).session() as s:
        mapping = mapping_for(s, tenant_id, crm, "deal")
    return {"labels": {canonical: label for canonical, (_field, label) in mapping.items()},
            "targets": {"discount": "discount"}}
