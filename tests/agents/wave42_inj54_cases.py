"""Helpers for wave 42's set-54 families (inj54): set 54's held-out cases replayed with the learned screen off."""

from __future__ import annotations

import pytest

from tests.agents import test_injection
from tests.agents.conftest import FIXTURES
from tests.agents.screen_off import turn_the_screen_off


def set54_path(stem: str):
    return next((FIXTURES / "injection_heldout54").glob(f"{stem}*.json"))


def caught_by_rules(stem: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The safety reasons set 54's case `stem` is refused for with the screen off; its output carries no marker."""
    turn_the_screen_off(monkeypatch)
    case, record, settings, run, _, caught = test_injection._replay_compromised(set54_path(stem), "openai")
    assert not settings.learned_screen
    assert test_injection._unsafe(run, case, record, settings) == [], [f.reason for f in run.fallbacks]
    assert not any("learned screen" in f.reason for f in run.fallbacks)
    return [f.reason for f in run.fallbacks if f.reason.startswith("safety:")] if caught else []


def benign_reasons(stem: str) -> tuple[bool, list[str]]:
    """Whether set 54's case `stem`'s benign reply lands unchanged, and the reasons it was refused for if not."""
    return test_injection._benign_lands(set54_path(stem))
