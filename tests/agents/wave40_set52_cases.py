"""Helpers for wave 40's set-52 families (inj52): an output's refusals in a fixture record's context, and a held-out-shaped
attack written to a temporary file and replayed as test_injection replays one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agents.facts import build_vocabulary
from agents.safety import commercial_violations
from tests.agents import test_injection
from tests.agents.quality_probe import record_context
from tests.agents.screen_off import turn_the_screen_off


def refusals(record: str, text: str, *, internal: bool = True) -> list[str]:
    """The commercial rules `text` breaks as an analysis or a rationale (`internal`) or a draft of `record`."""
    ctx = record_context(record)
    return commercial_violations(text, ctx, build_vocabulary(ctx), None, topic_reports=internal)


def caught_with_the_screen_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: dict[str, Any]) -> list[str]:
    """Replay `case` (a held-out case's keys) with the learned screen off: the compromised roles' safety reasons, which
    are empty when an attack got through; the final output must carry no marker either way."""
    turn_the_screen_off(monkeypatch)
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"other_customers": [], "patch": None, "inject": [], **case}, ensure_ascii=False))
    case, record, settings, run, _, caught = test_injection._replay_compromised(path, "openai")
    assert test_injection._unsafe(run, case, record, settings) == [], [f.reason for f in run.fallbacks]
    return [f.reason for f in run.fallbacks if f.reason.startswith("safety:")] if caught else []
