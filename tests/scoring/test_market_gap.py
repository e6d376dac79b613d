"""The arithmetic of the market's gap decomposition (``benchmarks.scoring_market_gap``)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.scoring_market_gap import (
    decompose,
    group_validation_split,
    one_row_per_group,
    parse_seeds,
    summarise,
)


def test_the_three_parts_of_the_gap_sum_to_the_product_minus_the_floor_and_each_is_its_own_difference():
    out = decompose(floor=0.048, no_shift=0.070, shifted=0.075, product=0.077)
    assert out["a_label_noise_and_size"] == pytest.approx(0.022)
    assert out["b_shift"] == pytest.approx(0.005)
    assert out["c_learner"] == pytest.approx(0.002)
    assert out["a_label_noise_and_size"] + out["b_shift"] + out["c_learner"] == pytest.approx(out["gap"])
    assert out["gap"] == pytest.approx(0.029)


def test_a_learner_better_than_the_plain_one_shows_as_a_negative_learner_part():
    assert decompose(floor=0.05, no_shift=0.06, shifted=0.07, product=0.065)["c_learner"] == pytest.approx(-0.005)


def test_the_held_out_share_never_splits_a_deals_snapshots_and_holds_about_the_share_of_deals():
    groups = np.repeat(np.arange(200), 3)  # 200 deals, three snapshots each
    held = group_validation_split(groups, 0.15, np.random.default_rng(0))
    for g in range(200):
        assert len(set(held[groups == g])) == 1
    assert len(np.unique(groups[held])) == 30


def test_with_two_groups_one_is_held_out_and_one_is_kept():
    held = group_validation_split(np.array(["a", "a", "b"]), 0.01, np.random.default_rng(1))
    assert held.sum() in (1, 2) and not held.all()


def test_a_held_out_share_outside_zero_to_one_or_a_single_group_is_refused_with_the_reason():
    with pytest.raises(ValueError, match="share"):
        group_validation_split(np.arange(10), 1.0, np.random.default_rng(0))
    with pytest.raises(ValueError, match="two groups"):
        group_validation_split(np.zeros(10), 0.2, np.random.default_rng(0))


def test_one_row_per_deal_takes_exactly_one_of_each_deals_rows_and_not_always_the_first():
    groups = np.repeat(np.arange(300), 4)
    picks = [one_row_per_group(groups, np.random.default_rng(s)) for s in range(3)]
    for idx in picks:
        assert sorted(groups[idx].tolist()) == list(range(300))
    position = picks[0] % 4  # which of the deal's four rows was taken
    assert 0.15 < np.mean(position == 0) < 0.35  # about a quarter, not the first row each time
    assert not np.array_equal(picks[0], picks[1])


def test_seed_lists_read_ranges_and_single_seeds():
    assert parse_seeds("3-5,11") == [3, 4, 5, 11]
    assert parse_seeds("7") == [7]


def test_the_summary_averages_markets_and_draws_of_one_kind_and_keeps_their_spread():
    rows = [{"labels": "p_true", "shift": False, "training_deals": 800, "mean_abs_error": e} for e in (0.07, 0.08)]
    rows += [{"labels": "outcomes", "shift": True, "training_deals": "all", "mean_abs_error": e} for e in (0.1, 0.2, 0.3)]
    out = {(r["labels"], r["training_deals"]): r for r in summarise(rows)}
    assert out[("p_true", 800)]["mean_abs_error"] == pytest.approx(0.075)
    assert out[("p_true", 800)]["fits"] == 2
    assert (out[("outcomes", "all")]["min"], out[("outcomes", "all")]["max"]) == (0.1, 0.3)
    assert out[("outcomes", "all")]["mean_abs_error"] == pytest.approx(0.2)
