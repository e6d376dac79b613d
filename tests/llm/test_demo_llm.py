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


def _prepared(monkeypatch, speed):
    from agents.providers import throughput
    from tests.llm import servers

    models = [{"id": "qwen", "object": "model", "owned_by": "agentic-sales-local-llm", "context_length": 4096}]
    monkeypatch.setattr(throughput, "measure", lambda _url, _model: speed)
    with servers.serving(servers.no_choices, models=models) as (url, _):
        monkeypatch.setenv("AGENTIC_SALES_LOCAL_LLM_URL", url)
        logged: list[str] = []
        return prepare("local", log=logged.append), logged


def test_on_a_slow_server_the_demo_runs_only_the_analyst_on_the_model_and_says_so(app, monkeypatch):
    from types import SimpleNamespace

    from agents.providers.throughput import Throughput

    setup, logged = _prepared(monkeypatch, Throughput(12.0, 3.0, 60.0))
    roles = setup.config["AGENT_SETTINGS_OVERRIDES"]["roles"]
    assert roles == {"analyst": "openai_compatible:qwen", "strategist": "offline:template-v1",
                     "writer": "offline:template-v1"}
    assert any("offline templates" in line and "writer" in line for line in logged)
    summary = setup.summary(SimpleNamespace(app=app, tenant_id="t1"))
    assert summary["llm_roles"] == ["analyst"] and summary["offline_roles"] == ["strategist", "writer"]


def test_on_a_quiet_server_every_role_runs_on_the_model_one_record_at_a_time(monkeypatch):
    from agents.providers.throughput import Throughput

    setup, _ = _prepared(monkeypatch, Throughput(60.0, 20.0, 12.0))
    assert set(setup.config["AGENT_SETTINGS_OVERRIDES"]["roles"].values()) == {"openai_compatible:qwen"}
    # one CPU thread serves the model: concurrent records only slow every call past its timeout
    assert setup.config["AGENT_CONCURRENCY"] == 1 and setup.config["AGENT_PROCESSES"] == 0
    # a record's run may outlast the default 120-s lease; the lease must outlast the run deadline
    assert setup.config["LEASE_SECONDS"] > setup.config["AGENT_SETTINGS_OVERRIDES"]["run_deadline_seconds"]
