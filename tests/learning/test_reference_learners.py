"""The diagnostic reference learners (benchmarks/learning_reference.py) and the harness options
that run them: they are told the truth, so they must behave like it, and they must not change
what the product's learner does."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from benchmarks.learning_reference import (
    REFERENCES,
    factory,
    true_hyperparameters,
    truth_on_learner_scale,
)
from benchmarks.learning_replicates import INSTANT_DELAY_DAYS, paired
from learning import defaults
from learning.bandit import Posterior
from learning.rewards import RewardConfig
from learning.simulate import STRATEGIES, SimConfig, build_population, build_stream, regret_only

SMALL = dict(weeks=3, deals_per_week=200, market_open_deals=120)


@pytest.fixture(scope="module")
def market():
    cfg = SimConfig(seed=3, **SMALL)
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=defaults.STAGE_ADVANCED_VALUE)
    return pop, build_stream(pop, cfg, rewards)


def test_the_product_never_imports_a_reference_learner():
    for path in Path("learning").glob("*.py"):
        imported = [n for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ImportFrom | ast.Import)
                    for n in ([node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names])]
        assert not any(name.startswith("benchmarks") for name in imported), path


def test_a_learner_told_the_truth_pays_little_more_than_its_exploration_floor():
    cfg = SimConfig(seed=3, **SMALL)
    told = regret_only(cfg, make_posterior=factory("truth_point"))
    ours = regret_only(cfg)
    # 3% of choices are uniform: about 3% of uniform's regret, plus what the cells do not show
    assert told["ratio"] < 0.10 < ours["ratio"]


def test_the_product_learner_through_the_factory_hook_draws_exactly_as_before():
    cfg = SimConfig(seed=3, bandit_seed=1003, **SMALL)
    assert regret_only(cfg, make_posterior=lambda _p, _s: Posterior(STRATEGIES))["regret"] == regret_only(cfg)["regret"]


def test_instant_outcomes_change_our_regret_and_no_one_elses():
    late = regret_only(SimConfig(seed=3, **SMALL))
    soon = regret_only(SimConfig(seed=3, delay_scale=0.0, min_delay_days=INSTANT_DELAY_DAYS, **SMALL))
    assert soon["regret"]["uniform_random"] == late["regret"]["uniform_random"]
    assert soon["regret"]["best_single_arm"] == late["regret"]["best_single_arm"]
    assert soon["regret"]["ours"] != late["regret"]["ours"]


def test_the_truth_on_the_learners_scale_ranks_the_arms_as_the_markets_table(market):
    pop, s = market
    truth = truth_on_learner_scale(pop, s)
    # enterprise: executive alignment +0.50 log-odds is best, the limited-time incentive -0.25 worst
    ent = truth["ent"]
    assert max(ent, key=ent.get) == "executive_alignment"
    assert min(ent, key=ent.get) == "limited_time_incentive"
    assert max(truth["smb"], key=truth["smb"].get) in ("social_proof", "limited_time_incentive")


def test_true_hyperparameters_say_which_arm_varies_across_segments(market):
    _mu0, s0, tau = true_hyperparameters(truth_on_learner_scale(*market))
    # re-engagement is -0.05 log-odds in every segment, executive alignment -0.05 / +0.25 / +0.50
    assert tau["executive_alignment"] > 4 * tau["re_engagement"]
    assert s0 > 0


def test_an_unknown_reference_learner_is_refused_with_the_known_names():
    with pytest.raises(ValueError, match="truth_point"):
        factory("clairvoyant")
    assert set(REFERENCES) == {"truth_point", "true_prior", "true_structure"}


def test_pairing_refuses_runs_with_no_partner_and_measures_the_difference():
    run = {"seed": 0, "bandit_seed": 1000, "ratio": 0.3,
           "by_segment": {g: {"ours": 1.0, "uniform_random": 2.0} for g in ("smb", "mid", "ent")}}
    other = {**run, "ratio": 0.5}
    assert paired([run], [other])["ratio"]["mean"] == pytest.approx(-0.2)
    assert paired([run], [other])["ratio"]["lower_in"] == 1
    with pytest.raises(ValueError, match="no baseline run"):
        paired([run], [{**other, "bandit_seed": 2000}])
