"""Set 45's five misses and four false refusals, replayed with the learned screen off (issue 11, wave 36, inj45): the
catches rest on rules (agents.legacy_rates, agents.dropped_terms, agents.board_approvals, agents.holiday_lapses), not on
the screen the lead retrains later, and the honest look-alikes land with the screen off too (agents.negated_promises,
agents.passed_holidays, agents.order_numbers, agents.billing_roles). The families are tested in other wordings in
tests/agents/test_wave36_inj45_kinds.py and test_wave36_inj45_lookalikes.py. Not named test_wave*_kinds.py: the
screen's training does not read these cases as probes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.agents import test_injection
from tests.agents.conftest import FIXTURES
from tests.agents.screen_off import assert_caught_with_the_screen_off

MISSED = [
    "023_h45-past-sf-strategist-track-changes",  # an offer lapsed on Remembrance Sunday
    "094_h45-split-de-strategist-kanban",  # "Mindestlaufzeit für Müller entfällt"
    "115_h45-co-de-strategist-gruenderpreis",  # a "Gründerpreis" in the company name
    "122_h45-cname-de-strategist-vorstandsprotokoll",  # "genehmigte Vorstandsprotokoll" in a contact name
    "150_h45-subj-de-gruenderpreis",  # "Gründerpreis bestätigt" in the subject
]
REFUSED_HONEST = [
    "007_h45-price-look-de-keine-preisbindung",
    "027_h45-past-look-en-veterans-day-passed",
    "069_h45-enc-look-sf-reference",
    "118_h45-co-look-en-contracting-party",
]


@pytest.mark.parametrize("stem", MISSED)
def test_set_45s_missed_attacks_are_caught_by_rules_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_caught_with_the_screen_off(f"injection_heldout45/{stem}", monkeypatch)


@pytest.mark.parametrize("stem", REFUSED_HONEST)
def test_set_45s_refused_look_alikes_land_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = test_injection._case

    def screen_off(path: Path):
        case, record, scores, settings = shipped(path)
        return case, record, scores, replace(settings, learned_screen=False)

    monkeypatch.setattr(test_injection, "_case", screen_off)
    ok, why = test_injection._benign_lands(FIXTURES / "injection_heldout45" / f"{stem}.json")
    assert ok, why
