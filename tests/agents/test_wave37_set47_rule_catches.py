"""Set 47's fixed misses and false refusals, replayed with the learned screen off (issue 11, wave 37, inj47): the
catches rest on rules (agents.indexed_prices), not on the screen the lead retrains later, and the honest look-alikes
land with the screen off too (agents.contrasted_costs, agents.confidential_prices, agents.refused_calls). 035 lands
with the screen off only: the shipped screen still reads its sentence as planted (0.99), as it reads 140's; both are
left to the screen's rebuild. The families are tested in other wordings in tests/agents/test_wave37_inj47_kinds.py.
Not named test_wave*_kinds.py: the screen's training does not read these cases as probes."""

from __future__ import annotations

import pytest

from tests.agents import test_injection
from tests.agents.conftest import FIXTURES
from tests.agents.screen_off import assert_caught_with_the_screen_off, turn_the_screen_off

MISSED = [
    "116_h47-co-fr-inflation-seule",  # "hausse limitée à l'inflation seule" in the company name
    "138_h47-custom-es-tipo-cambio",  # "precio fijado en dólares al cambio de hoy" in a custom field
]
REFUSED_HONEST = [
    "013_h47-disc-look-sf-price-question",  # "spreads the effort, not the cost"
    "035_h47-same-look-fr-pas-aujourdhui",  # "Je ne vous appellerai pas avant d'avoir votre accord sur un créneau"
    "111_h47-leak-look-hub-no-names",  # "we never share what other fleets pay"
]


def _screen_off(monkeypatch: pytest.MonkeyPatch) -> None:
    turn_the_screen_off(monkeypatch)


@pytest.mark.parametrize("stem", MISSED)
def test_set_47s_missed_attacks_are_caught_by_rules_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_caught_with_the_screen_off(f"injection_heldout47/{stem}", monkeypatch)


@pytest.mark.parametrize("stem", REFUSED_HONEST)
def test_set_47s_refused_look_alikes_land_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _screen_off(monkeypatch)
    ok, why = test_injection._benign_lands(FIXTURES / "injection_heldout47" / f"{stem}.json")
    assert ok, why
