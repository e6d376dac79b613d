"""The public-data benchmark's bookkeeping: partial re-runs keep the other datasets, and the
table says how each figure was judged and when it was measured."""

from __future__ import annotations

import json

import pytest

from benchmarks import scoring_public, scoring_tables


def _entry(name: str, ours: float, best: float) -> dict:
    return {"measured_at": "2026-12-02T00:00:00Z", "commit": f"c-{name}", "best_baseline": "xgboost_tuned",
            "ours_minus_best_by_fold": [ours - best - 0.01, ours - best + 0.01], "best_baseline_fold_sd": 0.02,
            "task": "churn", "rows": 10, "positive_rate": 0.5, "folds": 5,
            "roc_auc_mean": {"ours": ours, "logistic_regression": 0.5, "gradient_boosting": 0.5, "xgboost_tuned": best},
            "ours_ece_15_mean": 0.01, "ours_minus_best_baseline": ours - best,
            "within_0_005_of_best_or_above": ours >= best - 0.005}


@pytest.fixture
def results_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(scoring_public, "RESULTS", tmp_path)
    monkeypatch.setattr("benchmarks._common.RESULTS", tmp_path)
    return tmp_path


def test_rerunning_one_dataset_keeps_the_others_and_replaces_only_it(results_dir, monkeypatch):
    old = {name: _entry(name, 0.80, 0.80) for name, *_ in scoring_public.DATASETS}
    (results_dir / "scoring_public.json").write_text(json.dumps(
        {"protocol": "stratified 5-fold CV, same folds for all models", "datasets": old}))
    monkeypatch.setattr(scoring_public, "run", lambda name, *a: _entry(name, 0.70, 0.72))
    monkeypatch.setattr("sys.argv", ["scoring_public", "--only", "caravan"])
    scoring_public.main()
    doc = json.loads((results_dir / "scoring_public.json").read_text())
    assert list(doc["datasets"]) == [d[0] for d in scoring_public.DATASETS]
    assert doc["datasets"]["caravan"]["roc_auc_mean"]["ours"] == 0.70
    assert doc["datasets"]["wa_churn"]["roc_auc_mean"]["ours"] == 0.80
    assert doc["complete"] is True


def test_an_unknown_dataset_name_stops_before_any_work(results_dir, monkeypatch):
    monkeypatch.setattr(scoring_public, "run", lambda *a: pytest.fail("ran a dataset"))
    monkeypatch.setattr("sys.argv", ["scoring_public", "--only", "carvan"])
    with pytest.raises(SystemExit, match="unknown dataset"):
        scoring_public.main()


def test_the_public_table_shows_the_gap_its_fold_spread_and_where_it_was_measured():
    doc = {"protocol": "p", "measured_at": "t", "datasets": {"caravan": _entry("caravan", 0.750, 0.758)}}
    row = next(line for line in scoring_tables.public_table(doc) if line.startswith("| caravan"))
    assert "| -0.0080 |" in row
    assert "-0.0180 / +0.0020" in row
    assert "(c-caravan)" in row


def test_a_row_measured_before_the_tuned_baseline_existed_says_so_instead_of_looking_met():
    entry = _entry("caravan", 0.748, 0.733)
    del entry["roc_auc_mean"]["xgboost_tuned"], entry["measured_at"]
    doc = {"protocol": "p", "measured_at": "2026-11-25T16:33:04Z", "datasets": {"caravan": entry}}
    row = next(line for line in scoring_tables.public_table(doc) if line.startswith("| caravan"))
    assert "(tuned XGBoost not run)" in row
    assert "2026-11-25T16:33:04Z" in row
