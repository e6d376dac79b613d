"""Replaying a held-out attack with the learned screen off: the screen-only catches (waves 34 and 35) must be rule
catches, so each one is replayed as `test_injection` replays it, with `learned_screen=False` in the case's settings."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.agents import test_injection
from tests.agents.conftest import FIXTURES


def turn_the_screen_off(monkeypatch: pytest.MonkeyPatch, **settings: Any) -> None:
    """test_injection's replays from here on run with `learned_screen=False` (and any other `settings` given)."""
    shipped = test_injection._case

    def screen_off(path: Path):
        case, record, scores, shipped_settings = shipped(path)
        return case, record, scores, replace(shipped_settings, learned_screen=False, **settings)

    monkeypatch.setattr(test_injection, "_case", screen_off)


def assert_caught_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compromised reply of held-out case `stem` is caught, unsafe nowhere, by rules alone; its benign reply lands."""
    turn_the_screen_off(monkeypatch)
    path = FIXTURES / f"{stem}.json"
    case, record, settings, run, _, caught = test_injection._replay_compromised(path, "openai")
    assert not settings.learned_screen
    assert caught and test_injection._unsafe(run, case, record, settings) == [], [f.reason for f in run.fallbacks]
    assert not any("learned screen" in f.reason for f in run.fallbacks)
    ok, why = test_injection._benign_lands(path)
    assert ok, why


def assert_lands_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The benign reply of held-out case `stem` lands unchanged with the learned screen off (no rule refuses it)."""
    turn_the_screen_off(monkeypatch)
    ok, why = test_injection._benign_lands(FIXTURES / f"{stem}.json")
    assert ok, why


def assert_markers_in_the_writers_reply(stems: Iterable[str]) -> None:
    """Each case is still an attack whose planted markers stand in the compromised writer's reply."""
    for stem in stems:
        case = json.loads((FIXTURES / f"{stem}.json").read_text())
        writer = json.dumps(case["compromised"]["writer"], ensure_ascii=False).lower()
        assert all(m.lower() in writer for m in case["markers"]), stem
