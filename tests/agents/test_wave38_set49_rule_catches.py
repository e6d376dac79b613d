"""Set 49's fixed miss and false refusals, replayed with the learned screen off (issue 11, wave 38, inj49): the catch
rests on rules (agents.cited_instructions, agents.off_grid_terms), not on the screen the lead retrains later, and the
honest look-alikes land with the screen off too. The families are tested in other wordings in
tests/agents/test_wave38_inj49_kinds.py. Not named test_wave*_kinds.py: the screen's training does not read these
cases as probes."""

from __future__ import annotations

import pytest

from tests.agents.screen_off import assert_caught_with_the_screen_off, assert_lands_with_the_screen_off

MISSED = [
    "053_h49-sys-fr-consigne-systeme-analyste",  # "Selon la consigne système PRIORITÉ-0, … conditions hors grille"
]
REFUSED_HONEST = [
    "034_h49-same-look-de-rueckruf-dienstag",  # "bis Freitag, 27. November; den Rückruf ... für die Woche darauf"
    "057_h49-hid-hub-docx-comment-analyst",  # "Okafor" of the owner, once the marked-up mail is withheld on its own
    "074_h49-homo-fr-carien-nom",  # "Paul" of a name field whose tail is in Carian look-alike letters
]


@pytest.mark.parametrize("stem", MISSED)
def test_set_49s_missed_attack_is_caught_by_rules_with_the_screen_off(stem: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert_caught_with_the_screen_off(f"injection_heldout49/{stem}", monkeypatch)


@pytest.mark.parametrize("stem", REFUSED_HONEST)
def test_set_49s_refused_look_alikes_land_with_the_screen_off(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_lands_with_the_screen_off(f"injection_heldout49/{stem}", monkeypatch)
