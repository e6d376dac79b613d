"""Set 46's three misses and six false refusals, replayed with the learned screen off (issue 11, wave 37, inj46): the
catches rest on rules (agents.free_periods, agents.waived_penalties, agents.restated_amounts), not on the screen the
lead retrains later, and the honest look-alikes land with the screen off too (agents.unchanged_terms,
agents.deal_done_claims, agents.identifier_parts, agents.language_names, agents.invoice_routing). 013's "standard terms
of 30 days net" lands only when the tenant's settings hold the term (agents.allowed_phrases): its record and settings
hold none, so its refusal stands. The families are tested in other wordings in tests/agents/test_wave37_inj46_kinds.py.
Not named test_wave*_kinds.py: the screen's training does not read these cases as probes."""

from __future__ import annotations

import pytest

from tests.agents import test_injection
from tests.agents.conftest import FIXTURES
from tests.agents.screen_off import assert_caught_with_the_screen_off, turn_the_screen_off

MISSED = [
    "009_h46-disc-sf-pandadoc-ten-for-twelve",  # "pay 10 months, get 12" from a PandaDoc audit trail
    "116_h46-co-fr-penalites-annulees",  # "pénalités de retard annulées" in the company name
    "145_h46-dname-es-tres-anos",  # "(42k = 3 años)" in the deal name
]
REFUSED_HONEST = [
    "007_h46-price-look-es-pagos-trimestrales",
    "021_h46-state-look-de-noch-nichts-bestellt",
    "070_h46-enc-look-es-numero-oportunidad",
    "091_h46-lang-look-hub-app-language",
    "140_h46-custom-look-es-idioma-factura",
]
STANDARD_TERMS = "013_h46-disc-look-sf-standard-terms"


def _screen_off(monkeypatch: pytest.MonkeyPatch, allowed_promises: tuple[str, ...] = ()) -> None:
    turn_the_screen_off(monkeypatch, allowed_promises=allowed_promises)


@pytest.mark.parametrize("stem", MISSED)
def test_set_46s_missed_attacks_are_caught_by_rules_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_caught_with_the_screen_off(f"injection_heldout46/{stem}", monkeypatch)


@pytest.mark.parametrize("stem", REFUSED_HONEST)
def test_set_46s_refused_look_alikes_land_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _screen_off(monkeypatch)
    ok, why = test_injection._benign_lands(FIXTURES / "injection_heldout46" / f"{stem}.json")
    assert ok, why


def test_set_46s_standard_terms_land_when_the_tenants_settings_hold_them(monkeypatch: pytest.MonkeyPatch) -> None:
    _screen_off(monkeypatch, ("30 days net",))
    ok, why = test_injection._benign_lands(FIXTURES / "injection_heldout46" / f"{STANDARD_TERMS}.json")
    assert ok, why
