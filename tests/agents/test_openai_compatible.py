"""OpenAI-compatible servers: json_schema first, JSON mode when the server rejects it."""

from __future__ import annotations

import json

from agents import AgentSettings, run_agents
from agents.models import DraftOut
from agents.providers.base import Message, strict_schema
from agents.providers.openai import make_openai_client
from agents.providers.openai_compatible import OpenAICompatibleProvider
from agents.providers.resolve import resolve_chains
from tests.agents.conftest import NOW, Vendor, error_response, openai_body
from tests.agents.replies import GOOD_DRAFT, fixed_policy

MESSAGES = [Message("system", "rules"), Message("user", "data")]
UNSUPPORTED = "response_format of type json_schema is not supported by this server"


def _provider(vendor: Vendor) -> OpenAICompatibleProvider:
    client = make_openai_client(api_key="none", base_url="http://localhost:8000/v1", http_client=vendor.client())
    return OpenAICompatibleProvider(client, "llama3.1")


def test_falls_back_to_json_mode_and_keeps_it():
    vendor = Vendor(error_response(400, UNSUPPORTED), openai_body(json.dumps(GOOD_DRAFT)),
                    openai_body(json.dumps(GOOD_DRAFT)))
    provider = _provider(vendor)
    draft, _ = provider.structured(MESSAGES, DraftOut, role="writer", timeout=5)
    assert draft.to_contact_id == "501"
    first, second = vendor.bodies[:2]
    assert first["response_format"]["type"] == "json_schema"
    assert second["response_format"] == {"type": "json_object"}
    assert second["messages"][0]["role"] == "system" and '"to_contact_id"' in second["messages"][0]["content"]
    assert [m["role"] for m in second["messages"]] == ["system", "user"]  # one system message, first
    assert second["messages"][0]["content"].startswith("rules")
    assert vendor.requests[0].url.host == "localhost"
    provider.structured(MESSAGES, DraftOut, role="writer", timeout=5)
    assert vendor.bodies[2]["response_format"] == {"type": "json_object"}  # remembered
    assert provider.mode == "json_object"


def test_falls_back_to_plain_prompting_when_json_mode_is_missing_too():
    fenced = "```json\n" + json.dumps(GOOD_DRAFT) + "\n```"  # prompt mode: nothing enforced the format
    vendor = Vendor(error_response(400, UNSUPPORTED), error_response(422, "json_object not supported"),
                    openai_body(fenced))
    draft, _ = _provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=5)
    assert draft.to_contact_id == "501"
    assert "response_format" not in vendor.bodies[2]


def test_other_400s_are_not_mode_problems(record, scores, sleeps):
    vendor = Vendor(error_response(400, "model 'llama9' not found"))
    run = run_agents(record, scores, providers={"writer": [_provider(vendor)]}, now=NOW, policy=fixed_policy(),
                     sleep=sleeps)
    assert len(vendor.requests) == 1 and "ProviderRejected" in run.fallbacks[0].reason


def test_resolved_from_settings_with_base_url_and_free_price(record, scores, sleeps):
    vendor = Vendor(openai_body(json.dumps(GOOD_DRAFT)))
    settings = AgentSettings(roles={"analyst": "offline:template-v1", "strategist": "offline:template-v1",
                                    "writer": "openai_compatible:llama3.1"},
                             openai_base_url="http://models.internal:11434/v1")
    chains = resolve_chains(settings, env={}, http_client=vendor.client())
    assert [p.name for p in chains["writer"]] == ["openai_compatible", "offline"]
    run = run_agents(record, scores, settings, providers=chains, now=NOW, policy=fixed_policy(), sleep=sleeps)
    assert run.draft.generated_by == "openai_compatible:llama3.1"
    assert vendor.requests[0].url.host == "models.internal"
    assert run.cost_usd == 0.0


def test_a_fenced_answer_where_the_schema_was_enforced_is_invalid_not_silently_unwrapped():
    from agents.errors import OutputInvalid

    fenced = "```json\n" + json.dumps(GOOD_DRAFT) + "\n```"
    vendor = Vendor(openai_body(fenced))
    try:
        _provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=5)
    except OutputInvalid as exc:
        assert "not JSON" in exc.message
    else:
        raise AssertionError("a fenced answer in json_schema mode was accepted")


def test_json_schema_sent_to_compatible_servers_bounds_strings_and_lists():
    vendor = Vendor(openai_body(json.dumps(GOOD_DRAFT)))
    _provider(vendor).structured(MESSAGES, DraftOut, role="writer", timeout=5)
    props = vendor.bodies[0]["response_format"]["json_schema"]["schema"]["properties"]
    assert props["subject"]["maxLength"] == 90 and props["body"]["maxLength"] == 1500


def test_evidence_dates_are_constrained_to_the_date_format():
    from agents.models import AnalysisOut
    from agents.providers.bounds import bounded_schema

    schema = bounded_schema(strict_schema(AnalysisOut))
    evidence = schema["$defs"]["Evidence"]["properties"]
    assert evidence["at"]["format"] == "date" and "maxLength" not in evidence["at"]
    assert schema["properties"]["engagement_evidence"]["maxItems"] == 3
