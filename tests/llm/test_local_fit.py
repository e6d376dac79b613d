"""`agents try --provider openai_compatible` against the project's local server uses the local
model's timeouts and budgets (the generic 30 s timeout times a 0.5B model on one core out), and
the real-model tests' stratified injection subset covers every kind (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from agents.providers.local_server import PROJECT_SERVER_OWNER, project_server_model
from agents.settings import LLM_MAX_OUTPUT_TOKENS, LOCAL_LLM_MAX_OUTPUT_TOKENS, LOCAL_LLM_TIMEOUT_SECONDS
from app.cli import cli, register_commands
from tests.agents.conftest import FIXTURES
from tests.llm import servers
from tests.llm.test_real_model import CASES, _kind_of, first_round, selected_cases, stratified

RECORD = FIXTURES / "records" / "hubspot_deal.json"
MODEL = "qwen2.5-coder-0.5b-instruct-q4_k_m"
OURS = [{"id": MODEL, "object": "model", "owned_by": PROJECT_SERVER_OWNER, "context_length": 4096}]
THEIRS = [{"id": "llama3", "object": "model", "owned_by": "library"}]
ANALYSIS = {"summary": "Northwind Logistics asked for the proposal before the December budget review.",
            "engagement_trend": "rising", "engagement_evidence": [], "risk_indicators": [], "buying_signals": []}


@pytest.fixture
def agents_try(tmp_path, monkeypatch):
    for name in ("OPENAI_API_KEY", "AGENTIC_SALES_LLM_ANALYST", "AGENTIC_SALES_LLM_STRATEGIST",
                 "AGENTIC_SALES_LLM_WRITER", "AGENTIC_SALES_LLM_TIMEOUT_SECONDS", "LLM_TIMEOUT_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AGENTIC_SALES_DATA_DIR", str(tmp_path / "data"))
    if "agents" not in cli.commands:
        register_commands()

    def run(url: str) -> dict:
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        result = CliRunner().invoke(cli, ["agents", "try", "--record-json", str(RECORD), "--provider",
                                          "openai_compatible", "--now", "2026-11-25T15:00:00Z"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


def test_the_projects_server_is_recognised_by_its_model_listing_and_others_are_not():
    with servers.serving(servers.no_choices, models=OURS) as (url, _):
        assert project_server_model(url) == MODEL
    with servers.serving(servers.no_choices, models=THEIRS) as (url, _):
        assert project_server_model(url) is None
    with servers.serving(servers.no_choices) as (url, _):  # no /models at all
        assert project_server_model(url) is None


def test_agents_try_on_the_projects_server_asks_with_the_local_models_caps_and_names_the_model(agents_try):
    with servers.serving(servers.json_answer(ANALYSIS), models=OURS) as (url, bodies):
        doc = agents_try(url)
    first = next(b for b in bodies if b.get("response_format"))  # the analyst's (before it: the speed probe)
    assert (first.get("max_tokens") or first.get("max_completion_tokens")) == LOCAL_LLM_MAX_OUTPUT_TOKENS["analyst"]
    assert first["temperature"] == 0 and first["seed"] == 0
    assert doc["analysis"]["generated_by"] == f"openai_compatible:{MODEL}"


def test_agents_try_on_another_compatible_server_keeps_the_generic_budgets(agents_try):
    with servers.serving(servers.json_answer(ANALYSIS), models=THEIRS) as (url, bodies):
        agents_try(url)
    first = bodies[0]
    assert (first.get("max_tokens") or first.get("max_completion_tokens")) == LLM_MAX_OUTPUT_TOKENS


def test_on_the_projects_server_the_analyst_gets_the_local_timeout_unless_one_is_configured(monkeypatch):
    from agents import AgentSettings
    from app.cli.agents import local_server_fit

    with servers.serving(servers.no_choices, models=OURS) as (url, _):
        fitted = local_server_fit(AgentSettings.from_mapping({}), url)
        assert fitted.timeout_for("analyst") == LOCAL_LLM_TIMEOUT_SECONDS["analyst"] > 30
        monkeypatch.setenv("AGENTIC_SALES_LLM_TIMEOUT_ANALYST", "90")
        configured = AgentSettings.from_mapping({"AGENTIC_SALES_LLM_TIMEOUT_ANALYST": "90"})
        assert local_server_fit(configured, url).timeout_for("analyst") == 90


def test_ci_selects_the_whole_corpus_and_its_first_round_is_one_case_of_every_kind():
    kinds = {_kind_of(p) for p in CASES}
    order = selected_cases(CASES, None)
    assert sorted(order) == sorted(CASES) == sorted(selected_cases(CASES, "0"))
    must = first_round(order)
    assert len(must) == len(kinds) and {_kind_of(p) for p in must} == kinds
    assert must == set(order[:len(kinds)])  # the round runs first, before any budget can stop it
    assert selected_cases(CASES, "5") == stratified(CASES)[:5]


def test_a_writer_schema_is_bounded_to_close_before_the_completion_cap():
    from agents.models import DraftOut
    from agents.providers.base import strict_schema
    from agents.providers.bounds import CHARS_PER_TOKEN, STRUCTURE_TOKENS, bounded_schema

    for cap in (120, 180, 450):
        props = bounded_schema(strict_schema(DraftOut), max_tokens=cap)["properties"]
        chars = sum(p["maxLength"] + len(k) + 4 for k, p in props.items())
        assert chars / CHARS_PER_TOKEN + STRUCTURE_TOKENS <= cap
    wide = bounded_schema(strict_schema(DraftOut), max_tokens=4000)["properties"]
    assert wide["body"]["maxLength"] == 1500 and wide["subject"]["maxLength"] == 90  # no cap: the plain bounds


def test_the_compatible_provider_bounds_the_writers_body_by_the_roles_cap():
    from agents.models import DraftOut
    from agents.providers.openai import make_openai_client
    from agents.providers.openai_compatible import OpenAICompatibleProvider

    client = make_openai_client(api_key="x", base_url="http://127.0.0.1:1/v1")
    provider = OpenAICompatibleProvider(client, MODEL, max_output_tokens_by_role={"writer": 180, "analyst": 450})
    small = provider.response_format(DraftOut, "writer")["json_schema"]["schema"]["properties"]["body"]["maxLength"]
    large = provider.response_format(DraftOut, "analyst")["json_schema"]["schema"]["properties"]["body"]["maxLength"]
    assert small < 400 < large


def test_the_stratified_order_is_a_deterministic_round_robin_over_kinds(tmp_path):
    files = []
    for i, kind in enumerate(["a", "a", "a", "b", "c", "c"]):
        path = tmp_path / f"{i:02d}.json"
        path.write_text(json.dumps({"kind": kind}))
        files.append(path)
    names = [Path(p).name for p in stratified(files)]
    assert names == ["00.json", "03.json", "04.json", "01.json", "05.json", "02.json"]


def test_the_first_rounds_estimate_grows_as_the_machine_slows_and_counts_one_cold_prompt_per_record():
    from agents.providers.throughput import Throughput
    from tests.llm.test_real_model import first_round_seconds

    must = first_round(selected_cases(CASES, None))
    quiet = first_round_seconds(must, Throughput(45.0, 14.0, 1.0))
    loaded = first_round_seconds(must, Throughput(9.0, 2.3, 1.0))
    assert 180 < quiet < 600  # ~5-6 min on a quiet core: the first round fits CI's 20-minute step
    assert loaded > 5 * quiet * 0.9  # this session's load: far beyond it, so the test fails at once
