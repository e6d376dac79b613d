"""Evidence for promotion: bootstrap intervals on one holdout, baselines a model must beat.

Two questions, both answered on the SAME holdout rows with paired bootstrap resamples:

- Is the model worth shipping at all? It must not be worse than a logistic regression fitted on
  the same training rows, and must rank better than the prior rate (AUC 0.5), each with
  ``BASELINE_CONFIDENCE``; its Brier score must not exceed the prior rate's.
- Is the challenger better than the champion? It must beat it in ``PROMOTION_CONFIDENCE`` of the
  resamples (a margin set by the holdout's own noise, not a fixed number).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.stats import rankdata

from . import defaults


def auc(y: np.ndarray, p: np.ndarray) -> float:
    """ROC AUC by ranks (ties averaged); NaN when one class is absent."""
    y = np.asarray(y, dtype=bool)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = rankdata(p)
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def bootstrap_aucs(y: np.ndarray, predictions: dict[str, np.ndarray], *, rounds: int = defaults.BOOTSTRAP_ROUNDS,
                   random_state: int = defaults.RANDOM_STATE,
                   strata: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """AUC of each prediction on the same ``rounds`` resamples of the rows (paired).

    With ``strata`` (the fold of each out-of-fold prediction), rows are resampled within each
    stratum and the AUC is the mean of the strata's AUCs (see :func:`fold_auc`).
    """
    y = np.asarray(y)
    rng = np.random.default_rng(random_state)
    out: dict[str, list[float]] = {name: [] for name in predictions}
    parts = None if strata is None else [np.flatnonzero(np.asarray(strata) == s) for s in np.unique(strata)]
    for _ in range(rounds):
        if parts is None:
            idx = rng.integers(0, len(y), len(y))
            if y[idx].min() == y[idx].max():
                continue
            for name, p in predictions.items():
                out[name].append(auc(y[idx], np.asarray(p)[idx]))
            continue
        picks = [part[rng.integers(0, len(part), len(part))] for part in parts]
        if any(y[i].min() == y[i].max() for i in picks):
            continue
        for name, p in predictions.items():
            out[name].append(float(np.mean([auc(y[i], np.asarray(p)[i]) for i in picks])))
    return {name: np.asarray(v) for name, v in out.items()}


def fold_auc(y: np.ndarray, p: np.ndarray, strata: np.ndarray | None) -> float:
    """ROC AUC, or with ``strata`` the mean AUC within each stratum (cross-validation folds).

    Out-of-fold predictions of different folds come from different models, each with its own
    calibration: pooled, they are ranked against each other, and a model that ranked every fold
    like the logistic regression (0.79/0.75/0.46 vs 0.78/0.74/0.50) scored 0.47 pooled vs 0.65
    (its weak fold's calibrator had flattened that fold to its prior). Within a fold both
    models are compared on the same rows, as on a holdout.
    """
    if strata is None:
        return auc(y, p)
    strata = np.asarray(strata)
    return float(np.mean([auc(y[strata == s], np.asarray(p)[strata == s]) for s in np.unique(strata)]))


def baseline_gate(y: np.ndarray, p_model: np.ndarray, p_logistic: np.ndarray | None, prior_rate: float, *,
                  random_state: int = defaults.RANDOM_STATE, strata: np.ndarray | None = None) -> dict[str, Any]:
    """Whether a model may ship: not worse than logistic regression, better than the prior rate.

    Args:
        y: holdout labels (0/1).
        p_model: the model's holdout probabilities.
        p_logistic: a logistic regression's holdout probabilities (same training rows), or None.
        prior_rate: the training split's positive rate (the prior-rate baseline).
        strata: for out-of-fold predictions, each row's fold: AUCs are taken within folds
            (:func:`fold_auc`); the Brier scores stay pooled.

    Returns:
        ``{"passed", "reasons", "auc", "auc_logistic", "share_worse_than_logistic",
        "share_not_better_than_prior", "brier", "brier_prior_rate"}``.
    """
    y = np.asarray(y, dtype=np.int64)
    p_model = np.asarray(p_model, dtype=float)
    preds = {"model": p_model}
    if p_logistic is not None:
        preds["logistic"] = np.asarray(p_logistic, dtype=float)
    boot = bootstrap_aucs(y, preds, random_state=random_state, strata=strata)
    reasons: list[str] = []
    not_better_than_prior = float(np.mean(boot["model"] <= 0.5)) if len(boot["model"]) else 1.0
    if not_better_than_prior >= 1 - defaults.BASELINE_CONFIDENCE:
        reasons.append(f"does not rank better than the prior rate: AUC ≤ 0.5 in {not_better_than_prior:.0%} "
                       "of bootstrap resamples of the holdout")
    brier = float(np.mean((p_model - y) ** 2))
    brier_prior = float(np.mean((prior_rate - y) ** 2))
    if brier > brier_prior:
        reasons.append(f"Brier score {brier:.4f} is worse than the prior rate's {brier_prior:.4f}")
    worse_than_logistic = None
    if p_logistic is not None and len(boot["model"]):
        worse_than_logistic = float(np.mean(boot["model"] < boot["logistic"]))
        if worse_than_logistic >= defaults.BASELINE_CONFIDENCE:
            reasons.append(f"worse than a logistic regression on the same rows in {worse_than_logistic:.0%} "
                           "of bootstrap resamples of the holdout")
    return {
        "passed": not reasons, "reasons": reasons, "auc": fold_auc(y, p_model, strata),
        "auc_logistic": fold_auc(y, preds["logistic"], strata) if "logistic" in preds else None,
        "share_worse_than_logistic": worse_than_logistic,
        "share_not_better_than_prior": not_better_than_prior,
        "brier": brier, "brier_prior_rate": brier_prior,
    }


def paired_gain(y: np.ndarray, p_challenger: np.ndarray, p_champion: np.ndarray, *,
                random_state: int = defaults.RANDOM_STATE) -> dict[str, Any]:
    """AUC gain of a challenger over the champion on the same rows, with its bootstrap support.

    Returns:
        ``{"challenger", "champion", "gain", "share_better", "interval_90", "better"}``; ``better``
        is True when the challenger wins in at least ``PROMOTION_CONFIDENCE`` of the resamples.
    """
    boot = bootstrap_aucs(y, {"c": p_challenger, "k": p_champion}, random_state=random_state)
    diff = boot["c"] - boot["k"]
    share = float(np.mean(diff > 0)) if len(diff) else 0.0
    lo, hi = (np.quantile(diff, [0.05, 0.95]).tolist() if len(diff) else [float("nan")] * 2)
    return {"challenger": auc(y, p_challenger), "champion": auc(y, p_champion),
            "gain": auc(y, p_challenger) - auc(y, p_champion), "share_better": share,
            "interval_90": [lo, hi], "better": share >= defaults.PROMOTION_CONFIDENCE}
