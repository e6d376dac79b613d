"""A benchmark's `--set NAME=VALUE` either reaches the code that uses NAME or is refused.

`learning_replicates` / `learning_simulate` set learning/defaults.py after every learning module
is imported, so a default copied at import (a default argument, a dataclass field default) keeps
the old value and the batch silently measures the baseline under another name (wave 21: the
exploration floor; wave 22: HOLDOUT_SHARE, PROPENSITY_DRAWS, the reward values, the bootstrap).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from benchmarks.learning_replicates import apply_overrides, bound_at_import, parse_overrides
from integrations.sandbox.market import STRATEGIES
from learning import defaults
from learning.bandit import Posterior
from learning.holdout import assign
from learning.ope import LoggedData, evaluate
from learning.rewards import RewardConfig
from learning.simulate import SimConfig


@pytest.fixture
def restore_defaults():
    """`apply_overrides` sets learning/defaults.py as the harness's workers do; put every value back."""
    saved = {k: v for k, v in vars(defaults).items() if k.isupper()}
    yield
    for k, v in saved.items():
        setattr(defaults, k, v)


def test_a_set_holdout_share_reaches_the_simulation_config_and_the_holdout(restore_defaults):
    apply_overrides(parse_overrides(["HOLDOUT_SHARE=0.3"]))
    assert SimConfig().holdout_share == 0.3
    assert assign("t", "sim", "d1").share == 0.3
    held = sum(assign("t", "sim", f"d{i}").holdout for i in range(2000))
    assert 500 < held < 700  # ~30%, not the 10% bound at import


def test_a_set_number_of_propensity_draws_reaches_the_bandit(restore_defaults):
    """With one Thompson draw the leader's probability is 1 - floor + floor / K exactly; with
    4000 draws of two near-tied arms it never is."""
    ctx = {"segment": "smb", "engagement": "active"}
    tied = {a: (0.0, 1.0) for a in STRATEGIES}
    floor = defaults.EXPLORATION_FLOOR
    one_draw = 1.0 - floor + floor / len(STRATEGIES)
    before = Posterior(STRATEGIES).probabilities(ctx, rng=np.random.default_rng(3), beliefs=tied)
    assert max(before.values()) < 0.5
    apply_overrides(parse_overrides(["PROPENSITY_DRAWS=1"]))
    after = Posterior(STRATEGIES).probabilities(ctx, rng=np.random.default_rng(3), beliefs=tied)
    assert max(after.values()) == pytest.approx(one_draw)


def test_set_reward_values_reach_every_reward_config_built_after(restore_defaults):
    apply_overrides(parse_overrides(["WON_VALUE=2", "STAGE_ADVANCED_VALUE=0.5", "MAX_AMOUNT_WEIGHT=3",
                            "ATTRIBUTION_WINDOW_DAYS=30"]))
    cfg = RewardConfig(reference_amount=100.0)
    assert (cfg.won, cfg.stage_advanced, cfg.max_amount_weight, cfg.window_days) == (2.0, 0.5, 3.0, 30.0)
    assert cfg.amount_weight(1000.0) == 3.0


def test_a_set_bootstrap_confidence_and_resamples_reach_the_ope(restore_defaults):
    rng = np.random.default_rng(0)
    n = 400
    data = LoggedData(np.zeros(n, int), rng.integers(2, size=n), np.full(n, 0.5), rng.normal(1, 1, n), ("a", "b"))
    target = {"a": np.tile([1.0, 0.0], (n, 1))}
    wide = {e.method: e for e in evaluate(data, target)}["ips"]
    apply_overrides(parse_overrides(["CONFIDENCE=0.5", "BOOTSTRAP_RESAMPLES=50"]))
    narrow = {e.method: e for e in evaluate(data, target)}["ips"]
    assert narrow.ci95[1] - narrow.ci95[0] < 0.6 * (wide.ci95[1] - wide.ci95[0])
    assert SimConfig().resamples == 50


def test_no_learning_module_copies_a_default_at_import():
    """Every number of learning/defaults.py can be set by a benchmark: none is bound at import."""
    assert bound_at_import() == {}


def test_the_scan_finds_each_way_a_module_can_copy_a_default_at_import(tmp_path: Path):
    (tmp_path / "m.py").write_text(
        "from dataclasses import dataclass, field\n"
        "from learning import defaults\n"
        "from learning.defaults import CONFIDENCE\n"
        "COPY = defaults.WON_VALUE\n"
        "def f(x=defaults.HOLDOUT_SHARE, *, y=min(1, defaults.PROPENSITY_DRAWS)):\n"
        "    return defaults.THOMPSON_SCALE\n"          # read when called: fine
        "@dataclass\n"
        "class C:\n"
        "    a: float = defaults.LOST_VALUE\n"
        "    b: float = field(default_factory=lambda: defaults.EXPLORATION_FLOOR)\n")  # fine
    found = bound_at_import(tmp_path)
    assert set(found) == {"CONFIDENCE", "WON_VALUE", "HOLDOUT_SHARE", "PROPENSITY_DRAWS", "LOST_VALUE"}
    assert found["HOLDOUT_SHARE"] == f"{tmp_path.name}/m.py:5"


def test_a_name_bound_at_import_is_refused_with_where_it_is_bound():
    with pytest.raises(ValueError, match=r"HOLDOUT_SHARE.*learning/holdout.py:30 copies HOLDOUT_SHARE"):
        parse_overrides(["HOLDOUT_SHARE=0.2"], bound={"HOLDOUT_SHARE": "learning/holdout.py:30"})
    assert parse_overrides(["THOMPSON_SCALE=0.5"], bound={"HOLDOUT_SHARE": "learning/holdout.py:30"}) == \
        {"THOMPSON_SCALE": 0.5}


def test_the_harness_cli_refuses_a_bound_name_with_exit_2(monkeypatch, capsys):
    from benchmarks import learning_replicates

    monkeypatch.setattr(learning_replicates, "bound_at_import", lambda: {"WON_VALUE": "learning/x.py:1"})
    assert learning_replicates.main(["--seeds", "0", "--bandit-seeds", "1", "--set", "WON_VALUE=2"]) == 2
    assert "learning/x.py:1 copies WON_VALUE" in capsys.readouterr().err
