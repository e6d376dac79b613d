"""The per-sentence language profiles learn from the held-out sets up to a pinned one only (issue 11, wave 21): a red
team's new set must stay never-seen by every learned part until someone rebuilds on purpose."""

from __future__ import annotations

from tests.agents import language_training
from tests.agents.language_training import TRAINED_THROUGH, corpus


def test_the_profiles_corpus_holds_no_set_after_the_pinned_one():
    groups = {row[0] for row in corpus()}
    assert max(groups) == TRAINED_THROUGH, sorted(groups)


def test_raising_the_pin_would_take_in_the_next_set(monkeypatch):
    # the filter is what keeps set 27 out, not the set's absence: with the pin raised, its rows come in
    monkeypatch.setattr(language_training, "TRAINED_THROUGH", TRAINED_THROUGH + 1)
    assert TRAINED_THROUGH + 1 in {row[0] for row in corpus()}
