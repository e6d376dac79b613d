"""The leave-future-out tables (tests/agents/screen_training.py `lfo`) may train only on probes written before the
set they measure. A probe file that names the set it was modelled on (test_wave36_inj45_kinds.py: set 45) was written
after that set's first measurement, so it must never count as before it."""

import re
from pathlib import Path

import pytest

from tests.agents.screen_training import PROBE_GROUP, probe_group_is_before

AGENT_TESTS = Path(__file__).parent
NAMED = sorted(
    (int(m.group(1)), int(m.group(2)), p.name)
    for p in AGENT_TESTS.glob("test_wave*_kinds.py")
    if (m := re.match(r"test_wave(\d+)_(?:set|inj|look)(\d+)_", p.name))
)


def test_there_are_probe_files_that_name_their_set():
    assert len(NAMED) >= 10


@pytest.mark.parametrize("wave, modelled_on, name", NAMED, ids=[n for *_, n in NAMED])
def test_a_probe_modelled_on_a_set_never_trains_the_table_that_measures_that_set(wave, modelled_on, name):
    assert not probe_group_is_before(PROBE_GROUP + wave, modelled_on)
    newest = max(s for w, s, _ in NAMED if w == wave)  # wave 37 measured two sets and wrote probes on both
    assert not probe_group_is_before(PROBE_GROUP + wave, newest)
    assert probe_group_is_before(PROBE_GROUP + wave, newest + 1)


@pytest.mark.parametrize("wave, measured_after", [(13, 22), (16, 25), (19, 28)])
def test_an_early_waves_probes_still_count_for_the_set_measured_after_its_fixes(wave, measured_after):
    assert probe_group_is_before(PROBE_GROUP + wave, measured_after)


def test_a_wave_that_names_no_set_is_judged_by_the_set_measured_at_its_start():
    # wave 36's noticed probes came after set 45's measurement like its inj45 probes
    assert not probe_group_is_before(PROBE_GROUP + 36, 45)
    assert probe_group_is_before(PROBE_GROUP + 36, 46)
