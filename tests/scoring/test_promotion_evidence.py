"""Promotion evidence that holds (wave 30): the cross-validated gate counts its folds as dependent,
churn's holdout is not the survivors, and conversion's card never passes a tie off as a win.

Wave 29 left three holes: shuffled churn labels passed the gate "better than the prior rate" far
more often than its stated 5% on books small enough to be gated on cross-validation; churn's time
holdout held the customers whose outcome became known last, the survivors (demo: 22% churned in
the holdout against 74% in training); and a conversion model tied with its logistic regression
shipped with nothing on its card saying so.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from scoring import ModelRegistry, load_model, save_model, train_table
from scoring.model_card import build_card
from scoring.promotion import (
    baseline_gate,
    bootstrap_aucs,
    fold_auc,
    paired_gain,
    promised_model_served,
    widened,
)
from scoring.train import holdout_split, observation_split

from .data import deals


# -- the cross-validated gate ------------------------------------------------------------------
def _cross_validated_logistic(seed: int, n: int, signal: float) -> dict:
    """The gate on a logistic regression's 3-fold out-of-fold predictions (the churn gate's evidence
    on a small book), labels from ``signal`` (0: no signal at all)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (n, 6))
    y = (rng.random(n) < 1 / (1 + np.exp(-signal * (X[:, 0] - X[:, 1])))).astype(int)
    p, fold = np.zeros(n), np.zeros(n, dtype=int)
    for k, (train, test) in enumerate(StratifiedKFold(3, shuffle=True, random_state=seed).split(X, y)):
        p[test] = LogisticRegression().fit(X[train], y[train]).predict_proba(X[test])[:, 1]
        fold[test] = k
    return baseline_gate(y, p, None, float(y.mean()), strata=fold)


def test_noise_judged_on_cross_validation_passes_the_gate_at_most_at_its_stated_level():
    # Before: 18 of 200 seeds (9%; 24 on AUC alone) passed at a stated 5%, because each fold's
    # model learned from the other folds and the fold AUCs rose and fell together.
    passed = sum(_cross_validated_logistic(seed, 170, 0.0)["passed"] for seed in range(80))
    assert passed <= 4, passed  # 5% of 80


@pytest.mark.parametrize("n", [120, 240])
def test_a_modest_real_signal_still_passes_the_cross_validated_gate(n):
    # Truth AUC ~0.69 at signal 0.5: most seeds must still pass (142 of 200 at 170 rows).
    passed = sum(_cross_validated_logistic(seed, n, 0.5)["passed"] for seed in range(20))
    assert passed >= {120: 8, 240: 14}[n], passed


def test_the_widening_is_only_for_folds_a_single_holdout_keeps_the_row_bootstrap():
    rng = np.random.default_rng(3)
    y = (rng.random(150) < 0.4).astype(int)
    p = 1 / (1 + np.exp(-(0.8 * y + rng.normal(0, 1, 150))))
    fold = np.repeat([0, 1, 2], 50)
    single = bootstrap_aucs(y, {"m": p})["m"]
    assert np.std(single) < 0.06  # a plain row bootstrap around the pooled AUC
    folds = bootstrap_aucs(y, {"m": p}, strata=fold)["m"]
    point = fold_auc(y, p, fold)
    assert np.median(folds) == pytest.approx(point, abs=0.02)
    # three folds: the spread is one fold's, sqrt(3) times the independent-folds figure
    assert np.std(folds) > 1.4 * np.std(single)
    assert widened(np.array([0.6, 0.7]), 0.65, 3) == pytest.approx(
        [0.65 - 0.05 * 3**0.5, 0.65 + 0.05 * 3**0.5]
    )


def test_shuffled_churn_labels_that_passed_before_are_refused_through_training():
    from .test_served_model import _customers

    # Shuffles that passed the gate before (seeds 5 and 6 of the linear book, 3, 8 and 11 of the
    # interaction one, at 170 customers, judged on cross-validation; seed 0 of the linear one still
    # passes: at a 5% level one in twenty does).
    for seed, interaction in ((5, False), (6, False), (3, True), (8, True), (11, True)):
        frame = _customers(170, seed=seed, interaction=interaction, shuffle=True)
        _, meta, _ = train_table(
            "churn", frame, "churned", time_column="known_at", group_column="customer", fast=True
        )
        assert "cross-validation" in meta["promotion_gate"]["on"]
        assert not meta["promotion_gate"]["passed"], (seed, interaction, meta["promotion_gate"])


# -- churn's holdout ---------------------------------------------------------------------------
HORIZON = timedelta(days=365)


def _customer_moments(n: int, seed: int, years: float) -> pd.DataFrame:
    """Churn training rows as scoring/churn_labels.py makes them: each customer every 90 days from
    its start until its churn or today, labelled by churn within a year, a moment whose year has not
    passed kept only when it churned; ``risk`` (a feature) sets the customer's monthly hazard."""
    rng = np.random.default_rng(seed)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        start = now - timedelta(days=float(rng.uniform(0.1, years) * 365))
        risk = rng.uniform(0, 1)
        hazard = 0.01 + 0.07 * risk
        churned = start + timedelta(days=float(rng.exponential(30 / hazard)))
        at = start + timedelta(days=90)
        while at < now and at < churned:
            label = int(churned <= at + HORIZON)
            if label and churned <= now or at + HORIZON <= now:
                known = churned if label else at + HORIZON
                rows.append(
                    {
                        "risk": risk,
                        "noise": rng.normal(),
                        "churned": label,
                        "customer": f"C{i}",
                        "known_at": known,
                        "observed_at": at,
                    }
                )
            at += timedelta(days=90)
    return pd.DataFrame(rows)


def _rates(frame, train, test):
    y = frame["churned"].to_numpy()
    return y[train].mean(), y[test].mean()


def test_the_latest_customers_by_last_outcome_are_the_survivors_and_observation_time_is_not():
    frame = _customer_moments(500, seed=1, years=4)
    y = frame["churned"].to_numpy()
    train, test, kind = holdout_split(y, frame["known_at"].to_numpy(), frame["customer"].to_numpy())
    before = _rates(frame, train, test)
    assert kind == "time" and before[0] - before[1] > 0.25, before  # the bias wave 29 saw (74% vs 22%)
    train, test, kind = holdout_split(
        y,
        frame["known_at"].to_numpy(),
        frame["customer"].to_numpy(),
        observed=frame["observed_at"].to_numpy(),
    )
    after = _rates(frame, train, test)
    assert kind == "time" and abs(after[0] - after[1]) < 0.1, after
    seen, known = frame["observed_at"], frame["known_at"]
    cut = seen.iloc[test].min()
    assert (seen.iloc[train] + HORIZON <= cut).all()  # every training window closed by the cut
    assert (known.iloc[train] <= cut).all() and (seen.iloc[test] >= cut).all()
    # a moment whose window was still open at the end counts on neither side, churned or not
    end = known.max()
    assert not (seen.iloc[np.concatenate([train, test])] + HORIZON > end).any()


def test_a_customer_on_both_sides_has_no_label_window_across_the_cut():
    frame = _customer_moments(500, seed=2, years=4)
    y = frame["churned"].to_numpy()
    train, test, _ = observation_split(y, frame["known_at"].to_numpy(), frame["observed_at"].to_numpy())
    both = set(frame["customer"].iloc[train]) & set(frame["customer"].iloc[test])
    assert both  # survivors are scored on their past: that is how the model is used
    cut = frame["observed_at"].iloc[test].min()
    for customer in list(both)[:50]:
        mine = frame.index[frame["customer"] == customer]
        assert (frame.loc[mine.intersection(frame.index[train]), "known_at"] <= cut).all()


def test_a_history_shorter_than_two_horizons_is_split_at_random_by_customer_never_by_last_outcome():
    frame = _customer_moments(300, seed=3, years=1.6)  # the demo's span: the latest moments all churned
    y = frame["churned"].to_numpy()
    assert observation_split(y, frame["known_at"].to_numpy(), frame["observed_at"].to_numpy()) is None
    train, test, kind = holdout_split(
        y,
        frame["known_at"].to_numpy(),
        frame["customer"].to_numpy(),
        observed=frame["observed_at"].to_numpy(),
    )
    assert kind == "random"
    assert not set(frame["customer"].iloc[train]) & set(frame["customer"].iloc[test])
    held, trained = _rates(frame, test, train)
    assert abs(held - trained) < 0.15, (held, trained)


def test_the_observation_time_is_bookkeeping_not_a_feature():
    frame = _customer_moments(400, seed=4, years=4)
    rows: dict = {}
    model, meta, _ = train_table(
        "churn",
        frame,
        "churned",
        time_column="known_at",
        group_column="customer",
        observed_column="observed_at",
        fast=True,
        holdout_out=rows,
    )
    assert "observed_at" not in meta["feature_schema"] and "observed_at" not in rows["X"].columns
    assert meta["holdout_summary"]["split"] == "time"


# -- conversion on a tie -----------------------------------------------------------------------
def _gate(better, worse, passed=True):
    return {
        "passed": passed,
        "reasons": [] if passed else ["worse than a logistic regression"],
        "auc": 0.702,
        "auc_logistic": 0.699,
        "share_better_than_logistic": better,
        "share_worse_than_logistic": worse,
    }


@pytest.mark.parametrize(("better", "worse"), [(0.55, 0.45), (0.89, 0.11), (0.2, 0.8)])
def test_conversion_on_a_tie_names_its_model_and_says_it_was_not_shown_better(better, worse):
    served = promised_model_served(_gate(better, worse))
    assert served["model"] == "model" and served["shown_better"] is False
    assert served["reason"].startswith("not shown better than a logistic regression")
    assert f"higher in {better:.0%}" in served["reason"] and "not because it beat" in served["reason"]


def test_conversion_shown_better_says_so_and_a_refused_one_says_refused():
    assert promised_model_served(_gate(0.93, 0.07))["reason"].startswith("better than a logistic regression")
    assert promised_model_served(_gate(0.01, 0.99, passed=False))["reason"].startswith("refused")


def test_the_conversion_card_names_the_served_model_and_the_tie(tmp_path):
    model, meta, holdout = train_table(
        "conversion", deals(300, seed=3), "won", id_column="deal_id", fast=True
    )
    served = meta["served_model"]
    assert served["model"] == "model" and served["reason"]
    card = build_card(load_model(save_model(model, tmp_path / "m", meta, holdout)), figures=False)
    note = [n for n in card.notes if n.startswith("The conversion model (a neural net")]
    assert len(note) == 1, card.notes
    if not served["shown_better"]:  # the usual outcome on a linear book
        assert "not shown better than a logistic regression" in note[0]


def test_the_model_train_command_says_which_conversion_model_serves_and_why(tmp_path, run):
    deals(300, seed=3).to_csv(tmp_path / "d.csv", index=False)
    result = run(
        "model",
        "train",
        "--task",
        "conversion",
        "--data",
        str(tmp_path / "d.csv"),
        "--target",
        "won",
        "--id-column",
        "deal_id",
        "--out",
        str(tmp_path / "m"),
        "--fast",
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    served = out["served_model"]
    assert out["promotion_gate"]["passed"] and served["model"] == "model", out
    assert "a logistic regression" in served["reason"] and "resamples" in served["reason"], served


# -- a deliberately worse challenger through the CLI ---------------------------------------------
def _shuffled(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    return frame.assign(won=np.random.default_rng(seed).permutation(frame["won"].to_numpy()))


WORSE_CHALLENGERS = [(120, 1), (300, 2)] + [
    pytest.param(n, seed, marks=pytest.mark.slow) for n in (120, 200, 300, 600) for seed in (3, 4, 5, 6, 7)
]


@pytest.mark.parametrize(("n", "seed"), WORSE_CHALLENGERS)
def test_a_shuffled_label_challenger_trained_through_the_cli_never_replaces_the_champion(
    tmp_path, run, n, seed
):
    registry = str(tmp_path / "reg")
    real = deals(n, seed=seed)
    real.to_csv(tmp_path / "real.csv", index=False)
    _shuffled(real, seed).to_csv(tmp_path / "worse.csv", index=False)
    for name in ("real", "worse"):
        result = run(
            "model",
            "train",
            "--task",
            "conversion",
            "--data",
            str(tmp_path / f"{name}.csv"),
            "--target",
            "won",
            "--id-column",
            "deal_id",
            "--out",
            str(tmp_path / name),
            "--fast",
        )
        assert result.exit_code == 0, result.output
    first = json.loads(
        run(
            "model", "promote", "--model", str(tmp_path / "real"), "--tenant", "t", "--registry", registry
        ).stdout
    )
    worse = json.loads(
        run(
            "model",
            "promote",
            "--model",
            str(tmp_path / "worse"),
            "--tenant",
            "t",
            "--registry",
            registry,
            "--holdout",
            str(tmp_path / "real.csv"),
        ).stdout
    )
    assert worse["promoted"] is False, worse
    champion = ModelRegistry(tmp_path / "reg").champion_dir("t", "conversion")
    if first["promoted"]:
        assert champion is not None and champion.name == first["version"]
    else:  # a small book's real model may be refused too (fast training, a holdout of 24 deals): then the
        # shuffled one is alone, and only its own gate stands between it and the tenant
        assert champion is None and worse["reason"].startswith("refused"), worse


# -- adversaries at promotion --------------------------------------------------------------------
def _champion_scores(n: int = 400, seed: int = 0):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.35).astype(int)
    return y, 1 / (1 + np.exp(-(1.4 * y + rng.normal(0, 1, n) - 0.8))), rng


def test_a_challenger_worse_only_on_a_subgroup_is_not_promoted():
    y, champion, rng = _champion_scores()
    segment = rng.random(len(y)) < 0.3  # e.g. one industry: the challenger ranks it by chance
    challenger = np.where(segment, rng.permutation(champion), champion)
    gain = paired_gain(y, challenger, champion)
    assert not gain["better"] and gain["share_better"] < 0.1, gain


def test_a_challenger_better_only_by_a_subgroups_noise_is_not_promoted():
    y, champion, rng = _champion_scores(seed=1)
    segment = rng.random(len(y)) < 0.1
    challenger = np.where(segment, np.clip(champion + rng.normal(0, 0.05, len(y)), 0, 1), champion)
    assert not paired_gain(y, challenger, champion)["better"]


def test_a_challenger_whose_calibrator_inverted_the_ranking_is_refused_and_never_beats_the_champion():
    y, champion, _ = _champion_scores(seed=2)
    inverted = 1 - champion  # a calibrator with a negative slope
    gate = baseline_gate(y, inverted, champion, float(y.mean()))
    assert not gate["passed"] and any("prior rate" in r for r in gate["reasons"]), gate
    assert not paired_gain(y, inverted, champion)["better"]


def test_a_tiny_csv_is_refused_with_the_number_of_rows_it_needs(tmp_path, run):
    deals(30, seed=5).to_csv(tmp_path / "tiny.csv", index=False)
    result = run(
        "model",
        "train",
        "--task",
        "conversion",
        "--data",
        str(tmp_path / "tiny.csv"),
        "--target",
        "won",
        "--id-column",
        "deal_id",
        "--out",
        str(tmp_path / "m"),
        "--fast",
    )
    assert result.exit_code == 2 and "30" in result.stderr and "50" in result.stderr, result.stderr
    assert not (tmp_path / "m").exists()
