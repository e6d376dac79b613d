"""`demo --llm local` plumbing: the summary's LLM figures, the deployment override of settings."""

from __future__ import annotations

from app.audit import write_audit
from app.demo_llm import llm_summary, prepare
from app.pipeline.tenant import TenantConfig, agent_settings
from app.settings import TenantSettingsModel
from app.storage import get_db


def _enriched(s, tenant: str, usage: list[dict], fallbacks: list[dict]) -> None:
    write_audit(s, "record.enriched", tenant_id=tenant, object_type="deal", record_id="1",
                detail={"llm_usage": usage, "fallbacks": fallbacks})


def test_the_summary_counts_model_calls_seconds_and_real_fallbacks_only(app):
    model = {"provider": "openai_compatible", "model": "qwen", "latency_ms": 12_400, "cached": False}
    offline = {"provider": "offline", "model": "template-v1", "latency_ms": 3, "cached": False}
    with get_db(app).session() as s:
        _enriched(s, "t1", [model, model, offline], [
            {"role": "writer", "reason": "openai_compatible:qwen ProviderTimeout: the call timed out"},
            {"role": "analyst", "reason": "repaired after: invalid output: output is not JSON"}])
        _enriched(s, "t1", [{**model, "cached": True}, offline, offline], [])
        _enriched(s, "other", [model], [{"role": "writer", "reason": "safety: x"}])
    assert llm_summary(app, "t1") == {"llm_calls": 2, "llm_fallbacks": 1, "llm_seconds": 24.8}


def test_offline_demo_needs_no_server():
    setup = prepare("offline", log=lambda m: None)
    assert setup.config == {} and setup.url is None
    setup.stop()


def test_the_deployment_override_puts_every_role_on_the_local_model(app):
    from agents.providers.local_server import local_preset

    overrides = {**local_preset("http://127.0.0.1:1/v1", "qwen"), "vendor_allowlist": frozenset({"openai_compatible"})}
    app.config["AGENT_SETTINGS_OVERRIDES"] = overrides
    row = TenantConfig("t1", 1, TenantSettingsModel(discount_cap=0.1, llm_allow_list=["offline"]), {}, "hubspot")
    settings = agent_settings(app, row)
    assert set(settings.roles.values()) == {"openai_compatible:qwen"}
    assert settings.openai_base_url == "http://127.0.0.1:1/v1" and settings.allows("openai_compatible")
    assert settings.timeout_for("writer") > settings.timeout_for("strategist") and settings.max_retries == 0
