"""Which churn model serves: the complex one only when it is shown better than a logistic regression.

Wave 29: the demo's churn model (33 customers in its time holdout) was promoted on 3-fold
cross-validation where it TIED its logistic regression (AUC 0.649 each), while its own holdout was
worse on every metric (ECE 0.385 vs 0.260). A tie is no reason to ship the complex model; a model
better on cross-validation but clearly worse on its time holdout is not shown better either.
"""

from __future__ import annotations

import json
from html import unescape

import numpy as np
import pandas as pd
import pytest

import scoring
from scoring import LoadedModel, ModelRegistry, load_model, save_model, train_table
from scoring.model_card import build_card
from scoring.promotion import baseline_gate, choose_served
from scoring.report import card_html

FOLDS = "3-fold cross-validation by group (the holdout had 33 groups, fewer than 40); AUCs within folds"


def _signal(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labels, a logistic regression's informative scores and each row's fold."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.35).astype(int)
    p_lr = 1 / (1 + np.exp(-(1.3 * y + rng.normal(0, 1, n) - 0.9)))
    return y, p_lr, np.repeat([0, 1, 2], n // 3 + 1)[:n]


def _gate(y, p_model, p_lr, fold=None) -> dict:
    return baseline_gate(y, p_model, p_lr, float(y.mean()), strata=fold) | ({"on": FOLDS} if fold is not None else {})


def _lr_passes(y, p_lr, fold):
    calls = []

    def simpler():
        calls.append(1)
        return _gate(y, p_lr, p_lr, fold)

    return simpler, calls


# -- the rule, on predictions ------------------------------------------------------------------
@pytest.mark.parametrize("how", ["monotone recalibration (same ranking)", "ranking plus small noise",
                                 "another model, ahead by 0.011 AUC: inside the resampling noise"])
def test_a_model_tied_with_the_logistic_regression_on_cross_validation_is_not_served(how):
    y, p_lr, fold = _signal(240, seed=1)
    rng = np.random.default_rng(2)
    if how.startswith("monotone"):
        p_model = 0.1 + 0.8 * p_lr**2  # a calibrator: another scale, the same order
    elif how.startswith("ranking plus"):
        p_model = np.clip(p_lr + rng.normal(0, 0.02, len(y)), 0, 1)
    else:  # better on some customers, worse on others: the higher AUC in 83% of resamples
        p_model = np.clip(p_lr + np.random.default_rng(4).normal(0, 0.08, len(y)) + 0.02 * y, 0, 1)
    gate = _gate(y, p_model, p_lr, fold)
    assert abs(gate["auc"] - gate["auc_logistic"]) < 0.012  # a tie, or a nominal gain
    assert gate["passed"], gate  # the old gate shipped it
    simpler, _ = _lr_passes(y, p_lr, fold)
    served = choose_served(gate, simpler)
    assert served["model"] == "logistic_regression", served
    assert "not shown better than a logistic regression" in served["reason"]
    assert "needs 90%" in served["reason"] and "cross-validation" in served["reason"]


def test_a_model_better_on_cross_validation_but_worse_on_its_time_holdout_is_not_served():
    y, p_lr, fold = _signal(300, seed=3)
    p_model = np.clip(p_lr + 0.35 * y * np.random.default_rng(4).random(len(y)), 0, 1)  # clearly better on CV
    cv = _gate(y, p_model, p_lr, fold)
    assert cv["share_better_than_logistic"] >= 0.9
    yh, p_lr_h, _ = _signal(80, seed=5)
    p_model_h = np.random.default_rng(6).permutation(p_lr_h)  # on the holdout it ranks like noise
    holdout = _gate(yh, p_model_h, p_lr_h)
    assert holdout["share_worse_than_logistic"] >= 0.95
    simpler, _ = _lr_passes(y, p_lr, fold)
    served = choose_served(cv, simpler, holdout)
    assert served["model"] == "logistic_regression", served
    assert "worse on the time-based holdout" in served["reason"]


def test_a_model_shown_better_whose_holdout_agrees_or_is_merely_noisy_serves():
    y, p_lr, fold = _signal(300, seed=3)
    p_model = np.clip(p_lr + 0.35 * y * np.random.default_rng(4).random(len(y)), 0, 1)
    cv = _gate(y, p_model, p_lr, fold)
    yh, p_lr_h, _ = _signal(60, seed=7)
    noisy = np.clip(p_lr_h + np.random.default_rng(8).normal(0, 0.05, len(yh)), 0, 1)  # a bit lower, not surely
    for holdout in (None, _gate(yh, noisy, p_lr_h)):
        simpler, calls = _lr_passes(y, p_lr, fold)
        served = choose_served(cv, simpler, holdout)
        assert served["model"] == "model", served
        assert served["gate"] is cv and "better than a logistic regression" in served["reason"]
        assert not calls  # the logistic regression is not even judged


def _a_third_of_the_signal(y, p_lr, fold):
    """The reference's scores in one fold, near-prior noise in the others: better than the prior rate,
    calibrated no worse than it, and surely worse than the logistic regression."""
    noise = y.mean() + 0.1 * (np.random.default_rng(11).permutation(p_lr) - p_lr.mean())
    return np.where(fold == 0, p_lr, noise)


def test_a_model_refused_only_for_trailing_the_logistic_regression_is_replaced_by_it():
    y, p_lr, fold = _signal(240, seed=9)
    scrambled = _a_third_of_the_signal(y, p_lr, fold)
    refused = _gate(y, scrambled, p_lr, fold)
    assert not refused["passed"] and refused["reasons"] == [r for r in refused["reasons"] if "logistic" in r]
    simpler, _ = _lr_passes(y, p_lr, fold)
    served = choose_served(refused, simpler)
    assert served["model"] == "logistic_regression" and served["gate"]["passed"], served
    assert served["reason"].startswith("the model failed its gate")


@pytest.mark.parametrize("how", ["backwards", "noise"])
def test_a_model_refused_for_no_signal_gets_no_second_try_from_the_logistic_regression(how):
    y, p_lr, fold = _signal(240, seed=9)
    rng = np.random.default_rng(12)
    p_model = 1 - p_lr if how == "backwards" else rng.random(len(y))
    refused = _gate(y, p_model, p_lr, fold)
    assert any("prior rate" in r for r in refused["reasons"]), refused
    simpler, calls = _lr_passes(y, p_lr, fold)  # would pass: it must not be asked
    served = choose_served(refused, simpler)
    assert served["model"] == "model" and served["gate"] is refused and served["reason"].startswith("refused")
    assert not calls


def test_neither_ships_when_the_logistic_regression_fails_its_own_gate():
    y, p_lr, fold = _signal(240, seed=9)
    scrambled = _a_third_of_the_signal(y, p_lr, fold)
    refused = _gate(y, scrambled, p_lr, fold)
    noise = np.random.default_rng(13).random(len(y))
    served = choose_served(refused, lambda: _gate(y, noise, p_lr, fold))
    assert served["model"] == "model" and not served["gate"]["passed"]
    assert "fails its own gate" in served["reason"]


# -- end to end: training, the artefact, the card, promotion -----------------------------------
def _customers(n: int, seed: int, *, interaction: bool, shuffle: bool = False) -> pd.DataFrame:
    """One row per customer (churn's group), known over two years, churn from a linear signal or an
    interaction that no linear model sees."""
    rng = np.random.default_rng(seed)
    a, b = rng.normal(0, 1, n), rng.normal(0, 1, n)
    frame = pd.DataFrame({"seats_used": a, "tickets_90d": b, "plan": rng.choice(["basic", "pro", "team"], n),
                          **{f"noise_{i}": rng.normal(0, 1, n) for i in range(3)}})
    if interaction:
        churned = ((a > 0) ^ (b > 0)).astype(int)
        churned = np.where(rng.random(n) < 0.08, 1 - churned, churned)
    else:
        churned = (rng.random(n) < 1 / (1 + np.exp(-(1.1 * a - 0.8 * b)))).astype(int)
    frame["churned"] = rng.permutation(churned) if shuffle else churned
    frame["customer"] = [f"C{i:04d}" for i in range(n)]
    frame["known_at"] = (pd.Timestamp("2025-01-01", tz="UTC")
                         + pd.to_timedelta(rng.integers(0, 700, n), unit="D")).strftime("%Y-%m-%d")
    return frame


def _train(frame: pd.DataFrame):
    rows: dict = {}
    model, meta, holdout = train_table("churn", frame, "churned", time_column="known_at", group_column="customer",
                                       fast=True, holdout_out=rows)
    return model, meta, holdout, rows


def test_a_small_linear_book_serves_the_logistic_regression_and_the_card_says_why(tmp_path):
    model, meta, holdout, rows = _train(_customers(170, seed=1, interaction=False))
    assert "cross-validation" in meta["promotion_gate"]["on"]  # 34 customers in the holdout
    served = meta["served_model"]
    assert served["model"] == "logistic_regression", served
    assert model.logistic_only and model.lr_weight_ == 1.0 and model.calibrator_ is not None
    # the card's "model in use" row is the served logistic regression: the reference's ranking, calibrated
    in_use, reference = meta["metrics"]["holdout"], meta["metrics"]["holdout_logistic_regression"]
    assert abs(in_use["roc_auc"] - reference["roc_auc"]) < 0.02, (in_use, reference)
    assert set(served["model_holdout"]) >= {"roc_auc", "ece_15"}  # the model it replaced, for the card
    path = save_model(model, tmp_path / "m", meta, holdout)
    loaded = load_model(path)
    card = build_card(loaded, figures=False)
    note = [n for n in card.notes if n.startswith("A logistic regression serves")]
    assert len(note) == 1 and "not the churn model" in note[0] and "needs 90%" in note[0], note
    assert note[0] in unescape(card_html(card))  # the page shows it
    result = ModelRegistry(tmp_path / "reg").promote("t1", path, holdout=(rows["X"], rows["y"]))
    assert result["promoted"] and result["served"]["model"] == "logistic_regression", result


def test_a_genuinely_better_model_on_a_small_book_still_serves_and_is_promoted(tmp_path):
    model, meta, holdout, rows = _train(_customers(170, seed=2, interaction=True))
    assert "cross-validation" in meta["promotion_gate"]["on"]
    served = meta["served_model"]
    assert served["model"] == "model", served
    assert meta["promotion_gate"]["share_better_than_logistic"] >= 0.9
    assert not model.logistic_only and model.lr_weight_ < 1.0
    path = save_model(model, tmp_path / "m", meta, holdout)
    note = [n for n in build_card(load_model(path), figures=False).notes if n.startswith("The churn model (gradient boosting")]
    assert len(note) == 1 and "better than a logistic regression" in note[0], note
    result = ModelRegistry(tmp_path / "reg").promote("t1", path, holdout=(rows["X"], rows["y"]))
    assert result["promoted"] and result["served"]["model"] == "model", result


@pytest.mark.parametrize("interaction", [False, True])
@pytest.mark.parametrize("seed", [3, 4, 5, 6])
def test_shuffled_churn_labels_are_never_rescued_by_the_logistic_regression(tmp_path, interaction, seed):
    """On 170 customers the gate itself may let chance through now and then (a 95% test; before wave
    30's widened cross-validated bootstrap seeds 5 and 6 of the linear book and 3 of the interaction
    one passed it); the logistic regression must never add a second chance: whenever the model is
    refused, the task stays refused."""
    model, meta, holdout, rows = _train(_customers(170, seed=seed, interaction=interaction, shuffle=True))
    served = meta["served_model"]
    if served["model"] == "logistic_regression":
        assert served["reason"].startswith(("the model was not shown better", "the model was better")), served
        return
    if not meta["promotion_gate"]["passed"]:
        path = save_model(model, tmp_path / "m", meta, holdout)
        result = ModelRegistry(tmp_path / "reg").promote("t1", path, holdout=(rows["X"], rows["y"]))
        assert result["promoted"] is False and result["reason"].startswith("refused"), result


def test_a_shuffled_label_challenger_never_replaces_a_served_logistic_regression(tmp_path):
    registry = ModelRegistry(tmp_path / "reg")
    frame = _customers(170, seed=1, interaction=False)
    model, meta, holdout, rows = _train(frame)
    assert registry.promote("t1", save_model(model, tmp_path / "a", meta, holdout))["promoted"]
    for seed in (5, 6):  # shuffles whose own gate passes by chance
        worse = frame.assign(churned=np.random.default_rng(seed).permutation(frame["churned"].to_numpy()))
        model, meta, holdout, rows = _train(worse)
        result = registry.promote("t1", save_model(model, tmp_path / f"b{seed}", meta, holdout),
                                  holdout=(rows["X"], rows["y"]))
        assert result["promoted"] is False, result


def test_the_model_train_command_says_which_model_serves(tmp_path, run):
    csv = tmp_path / "customers.csv"
    _customers(170, seed=1, interaction=False).drop(columns="customer").to_csv(csv, index=False)
    result = run("model", "train", "--task", "churn", "--data", str(csv), "--target", "churned",
                 "--time-column", "known_at", "--out", str(tmp_path / "m"), "--fast")
    assert result.exit_code == 0, result.output
    served = json.loads(result.stdout)["served_model"]
    assert served["model"] == "logistic_regression" and "not shown better" in served["reason"], served


def test_retrain_tenant_reports_which_churn_model_serves(tmp_path):
    from .data import crm_records

    result = scoring.retrain_tenant(crm_records(150, seed=11), "t1", ModelRegistry(tmp_path), tasks=["churn"],
                                    fast=True)["churn"]
    assert result["served"]["model"] in ("model", "logistic_regression") and result["served"]["reason"], result


@pytest.mark.parametrize(("held", "positives", "rows", "noted"), [
    (0.22, 179, 243, True),   # the demo's churn holdout (seed 7): 22% vs 74%
    (0.60, 30, 200, True),    # the other way: the holdout churns far more
    (0.30, 70, 243, False),   # 30% vs 29%: an honest look-alike
    (0.22, 80, 243, False),   # 22% vs 33%: a shift inside the threshold
])
def test_the_card_says_when_the_holdout_base_rate_is_far_from_trainings(tmp_path, held, positives, rows, noted):
    model, meta, holdout, _ = _train(_customers(170, seed=1, interaction=False))
    summary = meta["holdout_summary"] | {"positive_rate": held,
                                         "training": meta["holdout_summary"]["training"] | {"positives": positives,
                                                                                           "rows": rows}}
    loaded = load_model(save_model(model, tmp_path / "m", meta | {"holdout_summary": summary, "source": "crm"},
                                   holdout))
    notes = [n for n in build_card(LoadedModel("churn", loaded.model, loaded.metadata, loaded.path, loaded.holdout),
                                   figures=False).notes if n.startswith("Share churned")]
    if noted:
        assert notes == [f"Share churned: {held:.0%} of the holdout against {positives / rows:.0%} of the training "
                         "rows. The calibration figures above (ECE, Brier score, log loss) measure that shift as much "
                         "as the models; ROC AUC, a ranking, does not move with it."]
    else:
        assert notes == []
