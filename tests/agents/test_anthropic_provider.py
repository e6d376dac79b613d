"""The Anthropic provider on the real SDK: a forced tool call, and vendor replays."""

from __future__ import annotations

import json

import httpx
import pytest

from agents import run_agents
from agents.errors import OutputInvalid, Refusal
from agents.models import AnalysisOut, DraftOut
from agents.providers.base import Message, inline_refs, strict_schema
from tests.agents.conftest import NOW, Vendor, anthropic_body, anthropic_provider, error_response
from tests.agents.replies import GOOD_DRAFT, fixed_policy

MESSAGES = [Message("system", "rules"), Message("user", "data")]


def test_request_forces_the_tool_with_the_pydantic_schema_and_timeout():
    vendor = Vendor(anthropic_body(GOOD_DRAFT, "DraftOut"))
    draft, usage = anthropic_provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=9.0)
    assert draft.subject == GOOD_DRAFT["subject"]
    (request,) = vendor.requests
    body = vendor.bodies[0]
    assert request.url.path == "/v1/messages"
    assert body["model"] == "claude-haiku-4-5" and body["max_tokens"] == 1200
    assert body["system"] == "rules"
    assert body["messages"] == [{"role": "user", "content": "data"}]
    (tool,) = body["tools"]
    assert tool["name"] == "DraftOut" and tool["input_schema"] == inline_refs(strict_schema(DraftOut))
    assert body["tool_choice"] == {"type": "tool", "name": "DraftOut"}
    assert request.extensions["timeout"]["read"] == 9.0
    assert request.headers["x-stainless-retry-count"] == "0"
    assert (usage.input_tokens, usage.output_tokens) == (1100, 210)
    assert usage.cost_usd == pytest.approx((1100 * 5.0 + 210 * 15.0) / 1e6)  # no price table: the 5/15 default


def test_nested_schemas_are_inlined_for_the_tool():
    vendor = Vendor(anthropic_body({"summary": "s", "engagement_trend": "steady", "engagement_evidence": [],
                                    "risk_indicators": [], "buying_signals": []}, "AnalysisOut"))
    anthropic_provider(vendor).structured(MESSAGES, AnalysisOut, role="analyst", timeout=5)
    schema = vendor.bodies[0]["tools"][0]["input_schema"]
    assert "$ref" not in json.dumps(schema) and "$defs" not in schema
    evidence = schema["properties"]["engagement_evidence"]["items"]
    assert evidence["additionalProperties"] is False and evidence["required"] == ["activity_id", "at", "note"]


def test_refusal_stop_reason_is_translated():
    vendor = Vendor(anthropic_body(None, "DraftOut", stop_reason="refusal"))
    with pytest.raises(Refusal):
        anthropic_provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=5)


def test_text_instead_of_tool_call_is_invalid():
    vendor = Vendor(anthropic_body(None, "DraftOut", stop_reason="end_turn", text="Sure! Here is a draft"))
    with pytest.raises(OutputInvalid, match="did not call"):
        anthropic_provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=5)


def _run(record, scores, vendor, sleeps):
    return run_agents(record, scores, providers={"writer": [anthropic_provider(vendor)]}, now=NOW,
                      policy=fixed_policy(), sleep=sleeps)


def test_tool_use_replay_lands_unchanged(record, scores, sleeps):
    run = _run(record, scores, Vendor(anthropic_body(GOOD_DRAFT, "DraftOut")), sleeps)
    assert run.draft.body == GOOD_DRAFT["body"] and run.draft.generated_by == "anthropic:claude-haiku-4-5"


def test_missing_tool_call_then_repair(record, scores, sleeps):
    vendor = Vendor(anthropic_body(None, "DraftOut", stop_reason="end_turn", text="Here you go"),
                    anthropic_body(GOOD_DRAFT, "DraftOut"))
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.body == GOOD_DRAFT["body"]
    msgs = vendor.bodies[1]["messages"]
    assert [m["role"] for m in msgs] == ["user", "assistant", "user"]  # alternation the API requires


def test_invalid_tool_input_then_repair(record, scores, sleeps):
    vendor = Vendor(anthropic_body({"to_contact_id": "501"}, "DraftOut"), anthropic_body(GOOD_DRAFT, "DraftOut"))
    assert _run(record, scores, vendor, sleeps).draft.body == GOOD_DRAFT["body"]


def test_refusal_falls_back_with_reason(record, scores, sleeps):
    run = _run(record, scores, Vendor(anthropic_body(None, "DraftOut", stop_reason="refusal")), sleeps)
    assert run.draft.generated_by == "offline-template" and "Refusal" in run.fallbacks[0].reason


def test_overloaded_529_then_success(record, scores, sleeps):
    vendor = Vendor(error_response(529, "Overloaded", anthropic=True), anthropic_body(GOOD_DRAFT, "DraftOut"))
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.generated_by == "anthropic:claude-haiku-4-5" and sleeps == [0.5]


def test_429_with_retry_after_then_success(record, scores, sleeps):
    vendor = Vendor(error_response(429, "rate limited", anthropic=True, headers={"retry-after": "3"}),
                    anthropic_body(GOOD_DRAFT, "DraftOut"))
    assert _run(record, scores, vendor, sleeps).draft.generated_by.startswith("anthropic")
    assert sleeps == [3.0]


def test_timeouts_then_fallback(record, scores, sleeps):
    vendor = Vendor(*[httpx.ConnectTimeout("connect timed out")] * 3)
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.generated_by == "offline-template" and "ProviderTimeout" in run.fallbacks[0].reason
