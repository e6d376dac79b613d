"""`agents try --provider openai_compatible` against servers that answer badly: exit 0, offline
output, and the reason for each role (issue 11 item 5, issue 17)."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from app.cli import cli, register_commands
from tests.agents.conftest import FIXTURES
from tests.llm import servers

RECORD = FIXTURES / "records" / "hubspot_deal.json"


@pytest.fixture
def try_against(tmp_path, monkeypatch):
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "AGENTIC_SALES_LLM_ANALYST",
                 "AGENTIC_SALES_LLM_STRATEGIST", "AGENTIC_SALES_LLM_WRITER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AGENTIC_SALES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AGENTIC_SALES_LLM_TIMEOUT_SECONDS", "1")
    monkeypatch.setenv("AGENTIC_SALES_LLM_MAX_RETRIES", "0")
    if "agents" not in cli.commands:
        register_commands()

    def run(url: str) -> tuple[int, dict]:
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        result = CliRunner().invoke(cli, ["agents", "try", "--record-json", str(RECORD), "--provider",
                                          "openai_compatible:qwen", "--now", "2026-11-25T15:00:00Z"])
        return result.exit_code, json.loads(result.stdout) if result.exit_code == 0 else {"error": result.output}

    return run


@pytest.mark.parametrize(("answer", "reason"), [
    (servers.html_page, "MalformedResponse: the server answered 200 with a body that is not a chat completion"),
    (servers.no_choices, "MalformedResponse: the server answered 200 with no choices"),
    (servers.truncated_json, "OutputInvalid: output is not JSON"),
])
def test_a_malformed_200_falls_back_to_offline_with_the_reason(try_against, answer, reason):
    with servers.serving(answer) as (url, bodies):
        code, doc = try_against(url)
    assert code == 0, doc
    assert doc["generated_by"] == "offline-template"
    reasons = {f["role"]: f["reason"] for f in doc["fallbacks"]}
    assert set(reasons) == {"analyst", "strategist", "writer"}
    assert all(reason in r and "openai_compatible:qwen" in r for r in reasons.values()), reasons
    assert doc["draft"]["body"] and doc["checks_passed"] is not None
    assert bodies, "the server was never called"


def test_a_truncated_answer_is_repaired_once_before_falling_back(try_against):
    with servers.serving(servers.truncated_json) as (url, bodies):
        try_against(url)
    analyst_calls = [b for b in bodies if b["response_format"]["json_schema"]["name"] == "AnalysisOut"]
    assert len(analyst_calls) == 2
    assert "could not be used" in analyst_calls[1]["messages"][-1]["content"]


def test_a_server_silent_beyond_the_timeout_falls_back_within_the_timeout(try_against):
    started = time.monotonic()
    with servers.serving(servers.silent(5.0)) as (url, _):
        code, doc = try_against(url)
    elapsed = time.monotonic() - started
    assert code == 0, doc
    assert all("ProviderTimeout" in f["reason"] for f in doc["fallbacks"]), doc["fallbacks"]
    assert len(doc["fallbacks"]) == 3
    assert elapsed < 3 * 5.0, f"waited {elapsed:.1f} s: the 1 s timeout was not applied"


def test_every_request_has_one_system_message_first_and_a_temperature(try_against):
    with servers.serving(servers.no_choices) as (url, bodies):
        try_against(url)
    for body in bodies:
        roles = [m["role"] for m in body["messages"]]
        assert roles.count("system") == 1 and roles[0] == "system"
        assert body["temperature"] == pytest.approx(0.2)
