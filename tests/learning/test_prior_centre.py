"""EMPIRICAL_PRIOR_CENTRE: which central value of the spreads' posterior the hierarchy uses."""

from __future__ import annotations

import numpy as np
import pytest

from learning import defaults
from learning.bandit import Posterior, make_context

ARMS = ("a", "b", "c")


def _few_outcomes() -> Posterior:
    post = Posterior(ARMS)
    rng = np.random.default_rng(0)
    for seg in ("smb", "mid", "ent"):
        for arm in ARMS:
            for _ in range(4):
                post.add(make_context(seg, "medium", "active", 0.3), arm, float(rng.normal(0.0, 0.45)))
    return post


def test_the_default_centre_is_the_posterior_mean_of_the_variance():
    assert defaults.EMPIRICAL_PRIOR_CENTRE == 0.0


def test_with_little_data_the_geometric_centre_gives_narrower_spreads_than_the_mean(monkeypatch):
    _mu, s0_mean, shared_mean = _few_outcomes().hyperparameters()
    taus_mean = _few_outcomes()
    taus_mean.hyperparameters()
    monkeypatch.setattr(defaults, "EMPIRICAL_PRIOR_CENTRE", 1.0)
    post = _few_outcomes()
    _mu, s0_geo, shared_geo = post.hyperparameters()
    # 36 outcomes of sd 0.45 say almost nothing about spreads of a few hundredths: the mean of a
    # log-uniform posterior sits near the top of the grid, its geometric mean in the middle
    assert s0_geo < s0_mean / 2
    assert shared_geo[1] < shared_mean[1] / 2
    assert all(post._tau_by_arm[a] < taus_mean._tau_by_arm[a] / 2 for a in ARMS)
    grid = np.geomspace(1e-5, defaults.COLD_START_MEAN_SD ** 2, int(defaults.EMPIRICAL_PRIOR_GRID))
    assert grid[0] <= s0_geo <= grid[-1]


def test_with_a_real_spread_the_geometric_centre_finds_it_too(monkeypatch):
    monkeypatch.setattr(defaults, "EMPIRICAL_PRIOR_CENTRE", 1.0)
    post = Posterior(ARMS)
    rng = np.random.default_rng(1)
    truth = {"a": 0.0, "b": 0.12, "c": -0.12}  # arms far apart: sd 0.1 between them
    for seg in ("smb", "mid", "ent"):
        for arm in ARMS:
            for _ in range(2000):
                post.add(make_context(seg, "medium", "active", 0.3), arm, truth[arm] + float(rng.normal(0.0, 0.45)))
    _mu, s0, _shared = post.hyperparameters()
    assert np.sqrt(s0) == pytest.approx(0.1, rel=0.4)


def test_a_stated_structure_narrows_only_the_arms_called_tied_across_segments(monkeypatch):
    monkeypatch.setattr(defaults, "SIZE_DEPENDENT_ARMS", ("a",))
    before = _few_outcomes()
    before.hyperparameters()
    monkeypatch.setattr(defaults, "SEGMENT_STRUCTURE_PRIOR", 1.0)
    after = _few_outcomes()
    after.hyperparameters()
    assert after._tau_by_arm["a"] == before._tau_by_arm["a"]
    assert after._tau_by_arm["b"] < before._tau_by_arm["b"] / 2
    assert after._tau_by_arm["c"] < before._tau_by_arm["c"] / 2
