"""Time budgets of the issue, measured on 2 cores (run with `-m slow`)."""

from __future__ import annotations

import time

import pytest

from .data import deals


@pytest.mark.slow
@pytest.mark.parametrize("task", ["conversion", "churn", "price"])
def test_train_and_predict_6000_rows_under_5_minutes(task, tmp_path, run):
    deals(6000, seed=9).to_csv(tmp_path / "train.csv", index=False)
    deals(6000, seed=10, with_target=False).to_csv(tmp_path / "test.csv", index=False)
    started = time.perf_counter()
    extra = ["--discount-column", "discount"] if task == "price" else []
    res = run("model", "train", "--task", task, "--data", str(tmp_path / "train.csv"), "--target", "won",
              "--id-column", "deal_id", *extra, "--out", str(tmp_path / "m"))
    assert res.exit_code == 0, res.stderr
    res = run("model", "predict", "--model", str(tmp_path / "m"), "--data", str(tmp_path / "test.csv"),
              "--out", str(tmp_path / "p.csv"))
    assert res.exit_code == 0, res.stderr
    assert time.perf_counter() - started < 300
