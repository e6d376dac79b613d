"""Per-tenant inputs of the pipeline: settings → agent settings and policy, labels, champions.

Settings and mappings come from app/settings (cached per process, reloaded when the tenant's
settings version moves), so a running worker uses a change in its next job.

Champion models are loaded once per process and reloaded only when a champion pointer changes.
A champion that cannot be loaded (library mismatch, checksum) degrades that task: the card says
"model retraining", an alert is logged and audited, and a retrain is requested.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import select

from agents.catalogue import DEFAULT_CATALOGUE
from agents.decision import Policy
from agents.settings import AgentSettings
from app import settings as settings_service
from app.settings import TenantSettingsModel
from app.storage import get_db
from app.storage.models import AuditLog
from scoring import TASKS, ModelRegistry

log = logging.getLogger(__name__)
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
    reasons = {task: reason for task in missing if (reason := training_reason(results.get(task))) is not None}
    return {**models, **reasons} if reasons else models


def training_reason(result: Any) -> dict[str, Any] | None:
    """Why a task's last training left it without a model: too little history, a model refused by
    its gate (it did not beat a simple baseline), or a training error; None when it says nothing."""
    if not isinstance(result, dict):
        return None
    if isinstance(result.get("not_enough_history"), dict):
        return {"not_enough_history": result["not_enough_history"]}
    if result.get("promoted") is False and str(result.get("reason", "")).startswith("refused"):
        return {"refused": str(result["reason"]).removeprefix("refused: ")}
    if result.get("error"):
        return {"training_error": str(result["error"])}
    return None


@dataclass(frozen=True)
class TenantConfig:
    """A tenant's configuration as one job sees it (app/settings, cached per settings version)."""

    tenant_id: str
    version: int
    settings: TenantSettingsModel
    mappings: Mapping[str, Any]
    crm: str

    @property
    def min_closed_deals(self) -> int:
        return self.settings.min_closed_deals


def tenant_settings(app: Flask, tenant_id: str) -> TenantConfig:
    """The tenant's settings through the settings service: a change made meanwhile (CLI, console)
    is seen here at the next job, whatever process made it."""
    state = settings_service.current(app, tenant_id)
    return TenantConfig(tenant_id, state.version, state.settings, state.mappings, state.crm)


def deployment_roles(app: Flask) -> dict[str, str]:
    """`provider:model` per role as the deployment configures it (AGENTIC_SALES_LLM_*)."""
    return {"analyst": app.config["LLM_ANALYST"], "strategist": app.config["LLM_STRATEGIST"],
            "writer": app.config["LLM_WRITER"]}


def agent_settings(app: Flask, row: TenantConfig) -> AgentSettings:
    """AgentSettings from the tenant's settings and the deployment's per-role defaults."""
    s = row.settings
    roles = {**deployment_roles(app), **{str(role): spec for role, spec in s.llm_roles.items()}}
    # No allow-list of its own: the tenant follows the providers the deployment configures.
    allow = None if s.llm_allow_list is None else frozenset(s.llm_allow_list)
    catalogue = tuple(arm for arm in DEFAULT_CATALOGUE if arm.name in s.strategy_catalogue)
    settings = AgentSettings(
        tenant_id=row.tenant_id, roles=roles, vendor_allowlist=allow, monthly_spend_cap_usd=s.monthly_spend_cap_usd,
        daily_spend_cap_usd=s.daily_spend_cap_usd, budget_timezone=s.budget_timezone,
        spend_warning_share=s.spend_warning_share,
        redact_pii=s.redact_pii, tone=s.tone, language=s.language, max_discount=s.discount_cap,
        catalogue=catalogue or DEFAULT_CATALOGUE, link_allowlist=tuple(s.link_allowlist),
        learned_screen=s.learned_screen,
        **_timeouts(app, s.llm_timeouts),
    )
    # Deployment-wide overrides, e.g. `demo --llm local` running every role on the local model.
    return settings.with_overrides(**(app.config.get("AGENT_SETTINGS_OVERRIDES") or {}))


def agent_settings_prices(app: Flask) -> dict[str, tuple[float, float]]:
    """The price table in force: the built-in list prices with the deployment's `LLM_PRICES` on top."""
    return dict(AgentSettings.from_mapping(app.config).prices)


def _timeouts(app: Flask, tenant_timeouts: Mapping[Any, float]) -> dict[str, Any]:
    """Per-call LLM timeouts: the deployment's (`LLM_TIMEOUT_SECONDS`, `LLM_TIMEOUT_<ROLE>`), then the
    tenant's `llm_timeouts` per role on top; and the deployment's price table (`LLM_PRICES`)."""
    deployment = AgentSettings.from_mapping(app.config)
    return {"timeout_seconds": deployment.timeout_seconds, "prices": deployment.prices,
            "role_timeouts": {**deployment.role_timeouts, **{str(r): float(v) for r, v in tenant_timeouts.items()}}}


def policy(row: TenantConfig) -> Policy:
    """The decision engine's guardrails from the tenant's settings."""
    s = row.settings
    return Policy(
        autonomy=s.autonomy, max_discount=s.discount_cap, approval_discount_over=s.approval_threshold,
        escalate_amount_over=s.escalate_amount_over, escalate_churn_over=s.escalate_churn_over,
        quiet_hours=s.quiet_hours(), allowed_channels=frozenset(s.allowed_channels),
        contact_frequency_cap=s.contact_frequency_cap,
    )


def scoring_mapping(app: Flask, tenant_id: str, crm: str | None = None) -> dict[str, Any]:
    """The mapping scoring wants: the CRM's own labels for our features (tenant's mapping)."""
    state = settings_service.current(app, tenant_id)
    mapping = settings_service.effective(state, "deal", app)
    return {"labels": {canonical: entry.label for canonical, entry in mapping.items()},
            "targets": {"discount": "discount"}}
