"""Figures over several markets' open deals: pooled where pooling means something, per market
where it would hide errors (``benchmarks.scoring_market_pooling``)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.scoring_market_pooling import MarketDeals, pooled_figures
from scoring.metrics import expected_calibration_error


def _market(seed: int, shift: float, n: int = 2000, revenue: tuple[float, float] = (100.0, 100.0)) -> MarketDeals:
    """A market whose outcomes are drawn from p_true and whose scores are p_true moved by ``shift``."""
    rng = np.random.default_rng(seed)
    p_true = rng.uniform(0.2, 0.8, n)
    rows = np.tile([revenue[0], revenue[1], revenue[0] * 0.9, revenue[0] * 0.8], (n, 1))
    return MarketDeals(seed=seed, p_hat=np.clip(p_true + shift, 0, 1), p_logistic=np.full(n, 0.5), p_true=p_true,
                       won=(rng.random(n) < p_true).astype(int), position=rng.uniform(0, 1.2, n),
                       revenue=rows, recommended=np.full(n, 0.05))


def test_two_markets_wrong_in_opposite_directions_show_their_level_errors_though_the_pool_looks_level():
    out = pooled_figures([_market(1, +0.1), _market(2, -0.1)])
    assert abs(out["pooled"]["level_error"]) < 0.005
    levels = [m["level_error"] for m in out["per_market"]]
    assert levels == pytest.approx([0.1, -0.1], abs=1e-9)
    assert out["mean_abs_level_error"] == pytest.approx(0.1, abs=1e-9)
    assert out["markets_with_level_error_beyond_0_05"] == 2
    assert out["spread"]["level_error"]["min"] == pytest.approx(-0.1) and out["spread"]["level_error"]["max"] == \
        pytest.approx(0.1)
    assert out["pooled"]["mean_abs_error_vs_true_p"] == pytest.approx(0.1, abs=1e-9)


def test_a_forecaster_of_p_true_itself_scores_the_ece_floor_and_no_error_against_the_truth():
    out = pooled_figures([_market(3, 0.0), _market(4, 0.0)])["pooled"]
    assert out["ece_15_equal_mass"] == out["ece_of_true_p"]
    assert out["ece_vs_true_p"] == 0.0 and out["mean_abs_error_vs_true_p"] == 0.0
    assert out["deals"] == 4000
    assert out["worst_bucket_gap"] == pytest.approx(out["worst_bucket_gap_of_true_p"])


def test_each_markets_own_figures_are_computed_on_its_deals_alone():
    a, b = _market(5, 0.03), _market(6, -0.02)
    out = pooled_figures([a, b])
    assert out["per_market"][0]["ece_15_equal_mass"] == expected_calibration_error(a.won, a.p_hat, 15)
    assert out["per_market"][1]["ece_15_equal_mass"] == expected_calibration_error(b.won, b.p_hat, 15)
    pooled_ece = expected_calibration_error(np.concatenate([a.won, b.won]), np.concatenate([a.p_hat, b.p_hat]), 15)
    assert out["pooled"]["ece_15_equal_mass"] == pooled_ece
    assert sum(bucket["deals"] for bucket in out["pooled"]["by_cycle_position"]) == 4000


def test_pooled_price_regret_weighs_deals_by_revenue_not_markets_equally():
    small_and_lossy = _market(7, 0.0, n=100, revenue=(100.0, 90.0))   # 10% regret
    large_and_exact = _market(8, 0.0, n=100, revenue=(1000.0, 1000.0))  # 0% regret
    out = pooled_figures([small_and_lossy, large_and_exact])
    assert out["pooled"]["price"]["regret_share_of_optimal_revenue"] == pytest.approx(10 / 1100)
    assert [m["price"]["regret_share_of_optimal_revenue"] for m in out["per_market"]] == pytest.approx([0.1, 0.0])
    assert out["spread"]["price_regret"]["mean"] == pytest.approx(0.05)


def test_deals_past_their_expected_life_fall_in_the_last_cycle_bucket():
    m = _market(9, 0.0)
    out = pooled_figures([m])["pooled"]["by_cycle_position"]
    assert out[-1]["deals"] == int((m.position >= 0.75).sum()) and out[-1]["position"] == [0.75, 1.0]


def test_arrays_of_different_lengths_are_refused_with_the_market_named():
    m = _market(10, 0.0)
    with pytest.raises(ValueError, match="market 10"):
        MarketDeals(seed=10, p_hat=m.p_hat, p_logistic=m.p_logistic[:-1], p_true=m.p_true, won=m.won,
                    position=m.position, revenue=m.revenue, recommended=m.recommended)
    with pytest.raises(ValueError, match="no markets"):
        pooled_figures([])


@pytest.mark.timeout(900)  # ~40 CPU s: 300 s of wall was not enough at load 25 (wave 28's CI)
def test_the_knowable_floor_finds_a_truth_the_features_hold_and_cannot_find_one_they_do_not():
    import pandas as pd
    from threadpoolctl import threadpool_limits

    from benchmarks.scoring_market_knowable import cross_fitted, numeric_rows

    # One OpenMP thread: two xdist workers on two busy cores made the regressors' threads spin, 164 CPU s against the
    # 120 s budget (wave 36's clean-clone run at load ~6); one cross-fit took 5.5 CPU s on two threads, 0.9 on one.
    rng = np.random.default_rng(0)
    n = 3000
    frame = pd.DataFrame({"x": rng.uniform(0, 1, n), "rep": rng.choice(["a", "b", "c"], n)})
    hidden = rng.uniform(0, 1, n)
    X, categorical = numeric_rows(frame)
    assert categorical.tolist() == [False, True]
    knowable = 0.2 + 0.5 * frame["x"].to_numpy() + np.where(frame["rep"] == "b", 0.2, 0.0)
    with threadpool_limits(1):
        assert np.abs(cross_fitted(X, knowable, categorical=categorical) - knowable).mean() < 0.02
        # A truth of what the rows do not show: no learner gets below the spread around its mean (0.125).
        unknowable = 0.25 + 0.5 * hidden
        assert np.abs(cross_fitted(X, unknowable, categorical=categorical) - unknowable).mean() > 0.12
    with pytest.raises(ValueError, match="train_share"):
        cross_fitted(X, knowable, train_share=0.0)
