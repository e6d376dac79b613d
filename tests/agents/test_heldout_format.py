"""The red teams' format checker (one for every set since wave 20) still accepts the sets it was written for."""

import pytest

from tests.agents.heldout_format import main


@pytest.mark.parametrize("n", [28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54])
def test_a_measured_held_out_set_still_passes_its_format_check(n, capsys):
    assert main(n) == 0, capsys.readouterr().out
    assert "format OK" in capsys.readouterr().out
