"""The OpenAI provider on the real SDK: the requests it builds and vendor replays."""

from __future__ import annotations

import httpx
import pytest

from agents import run_agents
from agents.errors import Refusal
from agents.models import AnalysisOut, DraftOut
from agents.providers.base import Message, PriceTable, strict_schema
from agents.settings import PRICES_PER_MTOK
from tests.agents.conftest import NOW, Vendor, error_response, openai_body, openai_provider
from tests.agents.replies import GOOD_DRAFT, dumps, fixed_policy

MESSAGES = [Message("system", "rules"), Message("user", "data")]


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            yield node
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for sub in value.values():
                    yield from _objects(sub)
            else:
                yield from _objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


@pytest.mark.parametrize("schema", [AnalysisOut, DraftOut])
def test_strict_schema_closes_every_object_and_requires_every_property(schema):
    out = strict_schema(schema)
    objects = list(_objects(out))
    assert objects, "schema has objects"
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert obj["required"] == list(obj["properties"])
    text = dumps(out)
    assert '"default"' not in text and '"maxLength"' not in text


def test_request_carries_strict_json_schema_model_and_timeout():
    vendor = Vendor(openai_body(dumps(GOOD_DRAFT)))
    draft, usage = openai_provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=12.5)
    assert draft.to_contact_id == "501"
    (request,) = vendor.requests
    body = vendor.bodies[0]
    assert request.url.path.endswith("/chat/completions")
    assert body["model"] == "gpt-4o-mini"
    assert body["messages"] == [{"role": "system", "content": "rules"}, {"role": "user", "content": "data"}]
    rf = body["response_format"]
    assert rf["type"] == "json_schema"
    assert rf["json_schema"]["name"] == "DraftOut" and rf["json_schema"]["strict"] is True
    assert rf["json_schema"]["schema"] == strict_schema(DraftOut)
    assert body["max_completion_tokens"] == 1200
    assert request.extensions["timeout"]["read"] == 12.5
    assert request.headers["x-stainless-read-timeout"] == "12.5"
    assert request.headers["x-stainless-retry-count"] == "0"  # SDK retries are off: the gateway retries


def test_usage_counts_tokens_and_cost_from_the_price_table():
    vendor = Vendor(openai_body(dumps(GOOD_DRAFT), prompt_tokens=1000, completion_tokens=200))
    provider = openai_provider(vendor)
    provider.prices = PriceTable(PRICES_PER_MTOK)
    _, usage = provider.structured(MESSAGES, DraftOut, role="writer", timeout=5)
    assert (usage.provider, usage.model, usage.input_tokens, usage.output_tokens) == ("openai", "gpt-4o-mini", 1000, 200)
    assert usage.cost_usd == pytest.approx((1000 * 0.15 + 200 * 0.60) / 1e6)
    assert usage.cached is False and usage.fallback_reason is None


def test_refusal_is_translated():
    vendor = Vendor(openai_body(None, refusal="I can't help with that."))
    with pytest.raises(Refusal, match="refused"):
        openai_provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=5)


def _run(record, scores, vendor, sleeps, **kw):
    return run_agents(record, scores, providers={"writer": [openai_provider(vendor)]}, now=NOW,
                      policy=fixed_policy(), sleep=sleeps, **kw)


def test_success_replay_lands_unchanged(record, scores, sleeps):
    vendor = Vendor(openai_body(dumps(GOOD_DRAFT)))
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.body == GOOD_DRAFT["body"]
    assert run.draft.generated_by == "openai:gpt-4o-mini"
    assert run.draft.to.email == "dana.whitfield@northwind-logistics.com"  # resolved in code
    assert run.fallbacks == [] and run.checks_passed
    writer = [u for u in run.usage if u["role"] == "writer"]
    assert writer[0]["provider"] == "openai" and writer[0]["cost_usd"] > 0


def test_refusal_falls_back_to_offline_with_reason(record, scores, sleeps):
    vendor = Vendor(openai_body(None, refusal="I can't help with that."))
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.generated_by == "offline-template"
    assert "Refusal" in run.fallbacks[0].reason
    assert len(vendor.requests) == 1 and sleeps == []


def test_malformed_json_is_repaired_once(record, scores, sleeps):
    vendor = Vendor(openai_body('{"to_contact_id": "501", "subject": "Hi"'), openai_body(dumps(GOOD_DRAFT)))
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.body == GOOD_DRAFT["body"]
    repair = vendor.bodies[1]["messages"]
    assert repair[-2] == {"role": "assistant", "content": '{"to_contact_id": "501", "subject": "Hi"'}
    assert "could not be used" in repair[-1]["content"]
    assert len([u for u in run.usage if u["role"] == "writer"]) == 2  # the bad answer cost tokens too


def test_malformed_twice_falls_back(record, scores, sleeps):
    vendor = Vendor(openai_body("not json"), openai_body('{"subject": 3}'))
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.generated_by == "offline-template"
    assert "OutputInvalid" in run.fallbacks[0].reason


def test_truncated_answer_is_repaired(record, scores, sleeps):
    vendor = Vendor(openai_body('{"to_contact_id": "50', finish_reason="length"), openai_body(dumps(GOOD_DRAFT)))
    assert _run(record, scores, vendor, sleeps).draft.body == GOOD_DRAFT["body"]


def test_429_then_success_honours_retry_after(record, scores, sleeps):
    vendor = Vendor(error_response(429, "Rate limit reached", headers={"retry-after": "2"}),
                    openai_body(dumps(GOOD_DRAFT)))
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.generated_by == "openai:gpt-4o-mini"
    assert sleeps == [2.0]


def test_500_n_times_then_fallback_with_bounded_backoff(record, scores, sleeps):
    vendor = Vendor(*[error_response(500, "The server had an error")] * 3)
    run = _run(record, scores, vendor, sleeps)
    assert len(vendor.requests) == 3  # one try + LLM_MAX_RETRIES (2)
    assert sleeps == [0.5, 1.0]
    assert run.draft.generated_by == "offline-template"
    assert "ProviderUnavailable" in run.fallbacks[0].reason and "(HTTP 500)" not in run.fallbacks[0].reason
    writer = [u for u in run.usage if u["role"] == "writer"]
    assert writer[-1]["fallback_reason"] == run.fallbacks[0].reason


def test_timeout_falls_back(record, scores, sleeps):
    vendor = Vendor(*[httpx.ReadTimeout("read timed out")] * 3)
    run = _run(record, scores, vendor, sleeps)
    assert run.draft.generated_by == "offline-template"
    assert "ProviderTimeout" in run.fallbacks[0].reason
    assert len(vendor.requests) == 3


def test_400_is_not_retried(record, scores, sleeps):
    vendor = Vendor(error_response(400, "Invalid schema for response_format"))
    run = _run(record, scores, vendor, sleeps)
    assert len(vendor.requests) == 1 and sleeps == []
    assert "ProviderRejected" in run.fallbacks[0].reason
