"""tests/agents/conftest.py runs the long slow tests first, so that on two processes the others run beside them."""

from __future__ import annotations

import pytest

from tests.agents.conftest import pytest_collection_modifyitems


class _Item:
    def __init__(self, name: str, *marks: pytest.MarkDecorator) -> None:
        self.name = name
        self.marks = {m.mark.name: m.mark for m in marks}

    def get_closest_marker(self, name: str):
        return self.marks.get(name)


def test_a_slow_test_given_over_ten_minutes_moves_first_and_the_rest_keep_their_order():
    items = [_Item("floor-19", pytest.mark.slow), _Item("quick"), _Item("browser", pytest.mark.timeout(900)),
             _Item("rebuild", pytest.mark.slow, pytest.mark.timeout(900)), _Item("floor-20", pytest.mark.slow),
             _Item("slow-but-short", pytest.mark.slow, pytest.mark.timeout(300))]
    pytest_collection_modifyitems(None, items)  # type: ignore[arg-type]
    assert [i.name for i in items] == ["rebuild", "floor-19", "quick", "browser", "floor-20", "slow-but-short"]


def test_the_screens_rebuild_test_is_marked_so_that_it_moves_first():
    from tests.agents import test_learned_screen

    rebuild = test_learned_screen.test_rebuilding_the_screen_from_the_fixtures_gives_the_committed_artifact
    marks = {m.name: m for m in rebuild.pytestmark}
    assert "slow" in marks and marks["timeout"].args[0] > 600
