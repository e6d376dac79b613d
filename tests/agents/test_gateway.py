"""Spend cap, allow-list, cache, redaction, concurrency and provider resolution."""

from __future__ import annotations

import json
import threading

import pytest

from agents import AgentSettings, ConcurrencyLimiter, MemoryCache, MemoryLedger, run_agents
from agents.errors import ConfigurationError
from agents.providers.resolve import parse_spec, resolve_chains
from tests.agents.conftest import NOW, Vendor, openai_body, openai_provider
from tests.agents.replies import GOOD_ANALYSIS, GOOD_DRAFT, GOOD_STRATEGY, fixed_policy

OPENAI_ALL = {"analyst": "openai:gpt-4o-mini", "strategist": "openai:gpt-4o-mini", "writer": "openai:gpt-4o-mini"}


def _vendor(runs: int = 1) -> Vendor:
    vendor = Vendor()
    for _ in range(runs):
        vendor.by_schema["AnalysisOut"].append(openai_body(json.dumps(GOOD_ANALYSIS)))
        vendor.by_schema["StrategyOut"].append(openai_body(json.dumps(GOOD_STRATEGY)))
        vendor.by_schema["DraftOut"].append(openai_body(json.dumps(GOOD_DRAFT)))
    return vendor


def _run(record, scores, settings, vendor, **kw):
    chains = resolve_chains(settings, env={"OPENAI_API_KEY": "sk-test"}, http_client=vendor.client())
    return run_agents(record, scores, settings, providers=chains, now=NOW, policy=fixed_policy(),
                      sleep=lambda s: None, **kw)


def test_all_roles_on_a_vendor(record, scores):
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL)
    run = _run(record, scores, settings, _vendor())
    assert run.generated_by == "openai:gpt-4o-mini" and run.fallbacks == []
    assert run.analysis.summary == GOOD_ANALYSIS["summary"]
    assert run.strategy.rationale == GOOD_STRATEGY["rationale"] and run.strategy.propensity == 1.0
    assert run.cost_usd == pytest.approx(3 * (900 * 0.15 + 150 * 0.60) / 1e6)


def test_tenant_over_its_spend_cap_gets_offline_with_reason(record, scores):
    ledger = MemoryLedger({("t1", "2026-11"): 25.0})
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL, monthly_spend_cap_usd=25.0)
    vendor = _vendor()
    run = _run(record, scores, settings, vendor, ledger=ledger)
    assert vendor.requests == []
    assert run.generated_by == "offline-template"
    assert {f.role for f in run.fallbacks} == {"analyst", "strategist", "writer"}
    assert all("spend_cap_reached" in f.reason and "$25.00" in f.reason for f in run.fallbacks)
    assert all(u["fallback_reason"] for u in run.usage)


def test_spend_accumulates_until_the_cap_bites_and_never_passes_it(record, scores):
    # The cap is checked against each call's worst case before the call (not against the bill
    # after it), so spend climbs run by run, the last runs go offline, and the total stays under.
    ledger = MemoryLedger()
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL, monthly_spend_cap_usd=0.004)
    first = _run(record, scores, settings, _vendor(), ledger=ledger)
    assert first.fallbacks == [] and ledger.spent("t1", "2026-11") == pytest.approx(first.cost_usd)
    runs = [_run(record, scores, settings, _vendor(), ledger=ledger) for _ in range(12)]
    assert runs[-1].generated_by == "offline-template"
    assert all("spend_cap_reached" in f.reason for f in runs[-1].fallbacks)
    assert first.cost_usd < ledger.spent("t1", "2026-11") <= 0.004
    assert ledger.spent("t2", "2026-11") == 0.0  # per tenant


def test_allow_list_excluding_the_vendor_gets_offline_with_reason(record, scores):
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL, vendor_allowlist=frozenset({"anthropic"}))
    vendor = _vendor()
    run = _run(record, scores, settings, vendor)
    assert vendor.requests == [] and run.generated_by == "offline-template"
    assert all("vendor_not_allowed" in f.reason and "anthropic" in f.reason for f in run.fallbacks)


def test_fallback_chain_tries_the_next_vendor_before_offline(record, scores):
    settings = AgentSettings(tenant_id="t1", vendor_allowlist=frozenset({"openai"}), roles={
        "analyst": "offline", "strategist": "offline", "writer": "anthropic:claude-haiku-4-5,openai:gpt-4o-mini"})
    vendor = Vendor(openai_body(json.dumps(GOOD_DRAFT)))
    chains = resolve_chains(settings, env={"OPENAI_API_KEY": "k", "ANTHROPIC_API_KEY": "k"},
                            http_client=vendor.client())
    run = run_agents(record, scores, settings, providers=chains, now=NOW, policy=fixed_policy())
    assert run.draft.generated_by == "openai:gpt-4o-mini"
    assert [u["provider"] for u in run.usage if u["role"] == "writer"] == ["openai"]


def test_run_deadline_sends_remaining_roles_offline(record, scores):
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL, run_deadline_seconds=0)
    vendor = _vendor()
    run = _run(record, scores, settings, vendor)
    assert vendor.requests == [] and all("deadline_reached" in f.reason for f in run.fallbacks)


def test_cache_answers_the_second_identical_call_without_the_vendor(record, scores):
    cache = MemoryCache()
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL)
    vendor = _vendor()
    _run(record, scores, settings, vendor, cache=cache)
    assert len(vendor.requests) == 3
    run = _run(record, scores, settings, vendor, cache=cache)
    assert len(vendor.requests) == 3
    assert all(u["cached"] and u["cost_usd"] == 0 for u in run.usage)
    assert run.draft.body == GOOD_DRAFT["body"]
    other_tenant = AgentSettings(tenant_id="t2", roles=OPENAI_ALL)
    _run(record, scores, other_tenant, _vendor(), cache=cache)  # never served another tenant's entry


def test_pii_is_redacted_before_the_vendor_and_restored_after(record, scores):
    redacted = {**GOOD_DRAFT, "body": GOOD_DRAFT["body"].replace("Dana", "[[P1_FIRST]]")
                .replace("Marcus", "[[P2_FIRST]]").replace("Sam", "[[P4_FIRST]]")}
    vendor = Vendor(openai_body(json.dumps(redacted)))
    settings = AgentSettings(tenant_id="t1", redact_pii=True)
    run = run_agents(record, scores, settings, providers={"writer": [openai_provider(vendor)]}, now=NOW,
                     policy=fixed_policy())
    sent = vendor.requests[0].content.decode()
    for secret in ("Dana", "Whitfield", "Marcus Lee", "Priya", "Okafor", "northwind-logistics.com"):
        assert secret not in sent
    assert "[[P1_FIRST]]" in sent or "[[P1]]" in sent
    assert run.draft.body == GOOD_DRAFT["body"]
    assert run.draft.generated_by == "openai:gpt-4o-mini"


def test_concurrency_limit_falls_back_when_no_slot_frees(record, scores):
    limiter = ConcurrencyLimiter(per_process=4, per_tenant=1)
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL, timeout_seconds=0.05)
    held = threading.Event()
    release = threading.Event()

    def hog():
        with limiter.slot("t1", timeout=1):
            held.set()
            release.wait(5)

    t = threading.Thread(target=hog)
    t.start()
    held.wait(5)
    try:
        vendor = _vendor()
        run = _run(record, scores, settings, vendor, limiter=limiter)
        assert vendor.requests == []
        assert all("concurrency_limited" in f.reason for f in run.fallbacks)
        other = _run(record, scores, AgentSettings(tenant_id="t2", roles=OPENAI_ALL), _vendor(), limiter=limiter)
        assert other.fallbacks == []  # another tenant is not blocked
    finally:
        release.set()
        t.join()


@pytest.mark.parametrize(("spec", "expected"), [
    ("openai:gpt-4o-mini", [("openai", "gpt-4o-mini")]),
    ("anthropic:claude-sonnet-4-5, openai:gpt-4o", [("anthropic", "claude-sonnet-4-5"), ("openai", "gpt-4o")]),
    ("openai", [("openai", "gpt-4o-mini")]),
    ("offline", [("offline", "template-v1")]),
    ("openai_compatible:qwen2.5:14b", [("openai_compatible", "qwen2.5:14b")]),
])
def test_parse_spec(spec, expected):
    assert parse_spec(spec) == expected


@pytest.mark.parametrize(("spec", "match"), [("mistral:large", "unknown LLM provider"), ("openai:", "provider:model")])
def test_parse_spec_errors(spec, match):
    with pytest.raises(ConfigurationError, match=match):
        parse_spec(spec)


def test_roles_come_from_prefixed_config_and_missing_keys_fall_back(record, scores):
    settings = AgentSettings.from_mapping({"AGENTIC_SALES_LLM_ANALYST": "openai:gpt-4o-mini",
                                           "AGENTIC_SALES_LLM_WRITER": "anthropic:claude-haiku-4-5"},
                                          tenant_id="t1", vendor_allowlist=["openai", "anthropic"])
    assert settings.role_spec("analyst") == "openai:gpt-4o-mini"
    assert settings.role_spec("strategist") == "offline:template-v1"
    assert settings.vendor_allowlist == frozenset({"openai", "anthropic"})
    run = run_agents(record, scores, settings, env={}, now=NOW)
    reasons = {f.role: f.reason for f in run.fallbacks}
    assert "OPENAI_API_KEY is not set" in reasons["analyst"]
    assert "ANTHROPIC_API_KEY is not set" in reasons["writer"]
    assert "strategist" not in reasons


def test_run_exposes_card_output_fields_and_audit_rows(record, scores):
    settings = AgentSettings(tenant_id="t1", roles=OPENAI_ALL, vendor_allowlist=frozenset())
    run = _run(record, scores, settings, _vendor())
    assert set(run.card()) == {"analysis", "strategy", "next_best_action", "draft", "generated_by"}
    assert run.card()["generated_by"] == "offline-template"
    assert run.output_fields()["ai_strategy"] == "value_reinforcement"
    rows = run.audit_entries()
    assert [r["kind"] for r in rows].count("llm_call") == 3
    assert [r for r in rows if r["kind"] == "llm_fallback" and "vendor_not_allowed" in r["reason"]]


def test_invalid_answers_are_billed_even_when_the_role_falls_back(record, scores):
    ledger = MemoryLedger()
    vendor = Vendor(openai_body("not json"), openai_body("still not json"))
    settings = AgentSettings(tenant_id="t1", monthly_spend_cap_usd=10.0)
    run = run_agents(record, scores, settings, providers={"writer": [openai_provider(vendor)]}, now=NOW,
                     policy=fixed_policy(), ledger=ledger)
    assert run.draft.generated_by == "offline-template"
    assert ledger.spent("t1", "2026-11") == pytest.approx(2 * 900 * 5.0 / 1e6 + 2 * 150 * 15.0 / 1e6)
