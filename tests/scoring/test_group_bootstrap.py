"""The promotion gate's bootstrap resamples deals, not their snapshots (scoring.promotion.group_resampler).

A conversion holdout holds ~3 snapshots of each deal, all with the deal's one outcome: resampled one
row at a time, one deal's luck counts three times as if it were three deals' evidence, and the
interval comes out too narrow.
"""

from __future__ import annotations

import numpy as np

from scoring.promotion import baseline_gate, bootstrap_aucs, group_resampler


def _book(seed: int, deals: int = 80, snapshots: int = 4) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    outcome = rng.integers(0, 2, deals)
    score = np.clip(0.5 + 0.15 * (outcome - 0.5) + rng.normal(0, 0.2, deals), 0, 1)
    return np.repeat(outcome, snapshots), np.repeat(score, snapshots), np.repeat(np.arange(deals), snapshots)


def test_a_resample_takes_every_snapshot_of_each_deal_it_draws():
    groups = np.array(["a", "a", "b", "c", "c", "c"])
    rows = np.arange(len(groups))
    draw = group_resampler(rows, groups)
    rng = np.random.default_rng(0)
    for _ in range(20):
        picked = draw(rng)
        counts = {g: int(np.sum(groups[picked] == g)) for g in "abc"}
        assert counts["a"] % 2 == 0 and counts["c"] % 3 == 0, counts
        assert sum(counts[g] // size for g, size in (("a", 2), ("b", 1), ("c", 3))) == 3


def test_without_groups_the_resamples_are_the_row_bootstrap_they_always_were():
    y, p, _ = _book(1)
    rng = np.random.default_rng(7)
    expected = [rng.integers(0, len(y), len(y)) for _ in range(3)]
    draw = group_resampler(np.arange(len(y)), None)
    rng = np.random.default_rng(7)
    assert all(np.array_equal(draw(rng), e) for e in expected)


def test_snapshots_of_one_deal_do_not_narrow_the_interval():
    y, p, groups = _book(2)
    one_row_per_deal = bootstrap_aucs(y[::4], {"m": p[::4]})["m"]
    by_rows = bootstrap_aucs(y, {"m": p})["m"]
    by_deals = bootstrap_aucs(y, {"m": p}, groups=groups)["m"]
    assert by_rows.std() < 0.65 * one_row_per_deal.std(), "the row bootstrap should be about half as wide"
    assert 0.8 < by_deals.std() / one_row_per_deal.std() < 1.25


def test_a_model_of_noise_on_snapshot_rows_is_held_to_the_deals_evidence():
    # Ten books of 40 deals with 8 snapshots each, outcomes unrelated to the score: by rows, 3 of
    # the 10 pass as "better than the prior rate" at a stated 5%; by deals, none does.
    rng = np.random.default_rng(5)
    deals, snapshots = 40, 8
    passed_by_rows = passed_by_deals = 0
    for _ in range(10):
        outcome = np.repeat(rng.integers(0, 2, deals), snapshots)
        noise = np.clip(np.repeat(rng.random(deals), snapshots) + rng.normal(0, 0.02, deals * snapshots), 0, 1)
        groups = np.repeat(np.arange(deals), snapshots)
        passed_by_rows += baseline_gate(outcome, noise, None, 0.5)["share_not_better_than_prior"] < 0.05
        passed_by_deals += baseline_gate(outcome, noise, None, 0.5, groups=groups)["share_not_better_than_prior"] < 0.05
    assert passed_by_rows >= 2, "the books should show the row bootstrap's overconfidence"
    assert passed_by_deals <= 1
