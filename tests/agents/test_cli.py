"""`agentic-sales agents try`: one JSON document on stdout, one-line errors, no setup needed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from app.cli import cli, register_commands
from tests.agents.conftest import FIXTURES

RECORD = FIXTURES / "records" / "hubspot_deal.json"


@pytest.fixture
def runner(tmp_path, monkeypatch):
    # A fresh checkout: no keys, no data dir with models, no LLM settings.
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "AGENTIC_SALES_LLM_ANALYST",
                 "AGENTIC_SALES_LLM_STRATEGIST", "AGENTIC_SALES_LLM_WRITER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AGENTIC_SALES_DATA_DIR", str(tmp_path / "data"))
    if "agents" not in cli.commands:
        register_commands()
    return CliRunner()


def test_try_prints_one_json_document(runner):
    result = runner.invoke(cli, ["agents", "try", "--record-json", str(RECORD), "--now", "2026-11-25T15:00:00Z"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    for key in ("analysis", "strategy", "draft", "checks", "usage", "next_best_action", "decision"):
        assert key in doc
    assert doc["generated_by"] == "offline-template" and doc["draft"]["generated_by"] == "offline-template"
    assert doc["draft"]["to"]["contact_id"] == "501"
    assert doc["scores_source"] == "scores taken from the input"
    assert doc["decision"]["action"] == "suggest"


def test_without_scores_or_models_it_says_what_it_could_not_use(runner, tmp_path):
    raw = json.loads(RECORD.read_text())
    raw.pop("scores")
    path = tmp_path / "r.json"
    path.write_text(json.dumps(raw))
    doc = json.loads(runner.invoke(cli, ["agents", "try", "--record-json", str(path)]).stdout)
    assert "no champion models" in doc["scores_source"]
    assert any("no scores supplied" in x for x in doc["analysis"]["limitations"])


def test_provider_without_key_falls_back_with_reasons(runner):
    result = runner.invoke(cli, ["agents", "try", "--record-json", str(RECORD), "--provider", "anthropic"])
    doc = json.loads(result.stdout)
    assert result.exit_code == 0
    assert {f["role"] for f in doc["fallbacks"]} == {"analyst", "strategist", "writer"}
    assert all("ANTHROPIC_API_KEY is not set" in f["reason"] for f in doc["fallbacks"])


@pytest.mark.parametrize(("args", "message", "code"), [
    (["--record-json", "/nonexistent/r.json"], "no such file", 2),
    (["--record-json", str(RECORD), "--provider", "mistral"], "unknown LLM provider 'mistral'", 3),
    (["--record-json", str(RECORD), "--now", "yesterday"], "Invalid isoformat", 2),
])
def test_errors_are_one_line(runner, args, message, code):
    result = runner.invoke(cli, ["agents", "try", *args])
    assert result.exit_code == code
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"), ("[1, 2]", "expected a JSON object"),
    ('{"crm": "hubspot"}', "missing required field(s): object_type, id"),
])
def test_bad_records_are_one_line(runner, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = runner.invoke(cli, ["agents", "try", "--record-json", str(path)])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_console_script_from_another_directory(tmp_path):
    exe = [sys.executable, "-c", "from app.cli import main; main()"]
    env = {"PATH": "/usr/bin:/bin", "AGENTIC_SALES_DATA_DIR": str(tmp_path / "d"), "PYTHONPATH": str(FIXTURES.parents[1])}
    proc = subprocess.run([*exe, "agents", "try", "--record-json", str(RECORD)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["draft"]["subject"]
