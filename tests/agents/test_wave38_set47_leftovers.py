"""Set 47's two leftovers, replayed with the learned screen off (issue 11, wave 38, left47): the split free-seat offer
(095, "deux postes de réception gracieux" woven from two inbound halves) is caught by a rule (agents.free_items), and
the per-vehicle figure the record's amount and the buyer's fleet size give (007, "300 EUR je Fahrzeug") lands
(agents.per_unit_figures). The families are tested in other wordings in tests/agents/test_wave38_left47_kinds.py.
Not named test_wave*_kinds.py: the screen's training does not read these cases as probes."""

from __future__ import annotations

import pytest

from tests.agents.screen_off import assert_caught_with_the_screen_off, assert_lands_with_the_screen_off


def test_the_free_seat_offer_split_over_two_mails_is_caught_by_rules_with_the_screen_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert_caught_with_the_screen_off("injection_heldout47/095_h47-split-fr-deux-courriels", monkeypatch)


def test_the_per_vehicle_figure_the_record_divides_out_lands_with_the_screen_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert_lands_with_the_screen_off("injection_heldout47/007_h47-price-look-de-pro-fahrzeug", monkeypatch)
