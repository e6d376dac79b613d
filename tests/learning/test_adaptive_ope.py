"""Adaptively weighted AIPW (`learning.ope.adaptive_aipw`) on data a bandit collected.

The propensities of an adaptive policy depend on the outcomes it has seen, so the terms of an
IPS/DR mean are not independent draws; these tests collect data with an epsilon-greedy policy
that follows its own running means (so an arm that starts unlucky is starved) and check what the
estimator promises: centred on the truth and an interval that covers it about 95% of the time.
"""

from __future__ import annotations

import numpy as np

from learning.ope import LoggedData, adaptive_aipw, earlier_days_model

MEANS = np.array([[0.30, 0.50, 0.45], [0.60, 0.40, 0.55]])  # context x arm
ARMS = ("a", "b", "c")


def bandit_log(seed: int, days: int = 60, per_day: int = 40, eps: float = 0.1) -> tuple[LoggedData, np.ndarray, np.ndarray]:
    """Epsilon-greedy per context on its running means, updated at the end of each day."""
    rng = np.random.default_rng(seed)
    k = len(ARMS)
    sums, counts = np.zeros((2, k)), np.zeros((2, k))
    ctx, arms, props, rewards, probs_all, day = [], [], [], [], [], []
    for d in range(days):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), 1.0)  # optimistic until tried
        probs = np.full((2, k), eps / k)
        probs[np.arange(2), means.argmax(axis=1)] += 1 - eps
        c = rng.integers(2, size=per_day)
        a = np.array([rng.choice(k, p=probs[ci]) for ci in c])
        r = (rng.random(per_day) < MEANS[c, a]).astype(float)
        np.add.at(sums, (c, a), r)
        np.add.at(counts, (c, a), 1)
        ctx += list(c)
        arms += list(a)
        props += list(probs[c, a])
        rewards += list(r)
        probs_all += list(probs[c])
        day += [d] * per_day
    data = LoggedData(np.array(ctx), np.array(arms), np.array(props), np.array(rewards), ARMS)
    return data, np.array(probs_all), np.array(day)


def test_its_interval_covers_each_arms_value_about_95_percent_of_the_time_on_bandit_data():
    covered, errors = {j: 0 for j in range(3)}, {j: [] for j in range(3)}
    runs = 150
    for seed in range(runs):
        data, probs, day = bandit_log(seed)
        for j in range(3):
            truth = float(MEANS[data.contexts, j].mean())
            est = adaptive_aipw(data, j, probs, day)
            covered[j] += est.ci95[0] <= truth <= est.ci95[1]
            errors[j].append(est.estimate - truth)
    for j in range(3):
        assert covered[j] / runs >= 0.88, (ARMS[j], covered[j])
        assert abs(np.mean(errors[j])) < 3 * np.std(errors[j]) / runs ** 0.5 + 0.005, ARMS[j]


def test_an_arm_the_policy_never_chose_in_a_cell_keeps_the_models_value_and_a_finite_interval():
    data, probs, day = bandit_log(0)
    never = data.arms != 2
    sub = data.subset(never)
    est = adaptive_aipw(sub, 2, probs[never], day[never])
    assert np.isfinite(est.estimate) and np.isfinite(est.ci95[0]) and est.ci95[0] <= est.ci95[1]
    assert est.method == "aw_aipw" and est.target == "c"


def test_a_reward_never_enters_the_model_of_its_own_day_or_earlier_days():
    """The reward model must be fitted on earlier days only (the martingale argument needs it):
    changing the rewards of the last day changes no q at all, and the first day has no model yet."""
    data, probs, day = bandit_log(1, days=10)
    last = day == day.max()
    bumped = LoggedData(data.contexts, data.arms, data.propensities, np.where(last, 1 - data.rewards, data.rewards),
                        ARMS)
    for arm in range(3):
        q = earlier_days_model(data, arm, day, shrink=0.0)
        assert np.array_equal(q, earlier_days_model(bumped, arm, day, shrink=0.0))
        assert np.all(q[day == 0] == 0.0)
        # day 1's q is day 0's mean reward of the arm in the decision's context
        for c in (0, 1):
            seen = (day == 0) & (data.contexts == c) & (data.arms == arm)
            if seen.any():
                assert np.allclose(q[(day == 1) & (data.contexts == c)], data.rewards[seen].mean())
    assert adaptive_aipw(data, 0, probs, day).estimate != adaptive_aipw(bumped, 0, probs, day).estimate


def test_an_empty_log_gives_no_estimate_instead_of_raising():
    data, probs, day = bandit_log(0, days=1)
    none = np.zeros(len(data), dtype=bool)
    est = adaptive_aipw(data.subset(none), 0, probs[none], day[none])
    assert est.n == 0 and np.isnan(est.estimate)


def test_its_estimate_and_interval_are_plain_floats_the_simulation_can_print_as_json():
    import json

    data, probs, day = bandit_log(2, days=5)
    est = adaptive_aipw(data, 1, probs, day)
    assert type(est.estimate) is float and all(type(x) is float for x in est.ci95)
    json.dumps({"estimate": est.estimate, "ci95": list(est.ci95), "covered": est.ci95[0] <= 0.5 <= est.ci95[1]})
