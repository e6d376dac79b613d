"""The per-sentence language profiles learn from the held-out sets up to a pinned one only (issue 11, wave 21): a red
team's new set must stay never-seen by every learned part until someone rebuilds on purpose."""

from __future__ import annotations

from tests.agents import language_training
from tests.agents.language_training import TRAINED_THROUGH, corpus


def test_the_profiles_corpus_holds_no_set_after_the_pinned_one():
    groups = {row[0] for row in corpus()}
    assert max(groups) == TRAINED_THROUGH, sorted(groups)


def test_the_pin_is_what_keeps_a_set_out_not_the_sets_absence(monkeypatch):
    # lowering the pin by one drops the newest set's rows although its folder is there: the filter is what keeps a
    # later set out (raising it instead needs a set that may not be merged yet: set 33 is written in parallel)
    monkeypatch.setattr(language_training, "TRAINED_THROUGH", TRAINED_THROUGH - 1)
    groups = {row[0] for row in corpus()}
    assert TRAINED_THROUGH not in groups and TRAINED_THROUGH - 1 in groups
