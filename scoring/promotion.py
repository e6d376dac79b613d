"""Evidence for promotion: bootstrap intervals on one holdout, baselines a model must beat.

Two questions, both answered on the SAME holdout rows with paired bootstrap resamples:

- Is the model worth shipping at all? It must not be worse than a logistic regression fitted on
  the same training rows, and must rank better than the prior rate (AUC 0.5), each with
  ``BASELINE_CONFIDENCE``; its Brier score must not exceed the prior rate's.
- Is the challenger better than the champion? It must beat it in ``PROMOTION_CONFIDENCE`` of the
  resamples (a margin set by the holdout's own noise, not a fixed number).

And, for the tasks whose logistic regression can serve in the model's place (``SIMPLER_MODEL_TASKS``),
a third: is the model better than that logistic regression at all? A tie is no reason to ship the
complex model (:func:`choose_served`).
"""

from __future__ import annotations

from collections.abc import Callable
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
                   strata: np.ndarray | None = None, groups: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """AUC of each prediction on the same ``rounds`` resamples of the rows (paired).

    With ``strata`` (the fold of each out-of-fold prediction), rows are resampled within each
    stratum and the AUC is the mean of the strata's AUCs (see :func:`fold_auc`), and each
    resample's distance from the full rows' figure is widened by sqrt(folds): the folds' models
    share training rows, so the folds are not independent evidence (see :func:`widened`).

    With ``groups`` (a deal or customer id per row), whole groups are resampled, each bringing all
    its rows (a cluster bootstrap): a deal's snapshots share its outcome, so resampling them one by
    one counts one deal's luck several times over as if it were independent evidence (see
    :func:`group_resampler`).
    """
    y = np.asarray(y)
    rng = np.random.default_rng(random_state)
    out: dict[str, list[float]] = {name: [] for name in predictions}
    parts = None if strata is None else [np.flatnonzero(np.asarray(strata) == s) for s in np.unique(strata)]
    draw_all = group_resampler(np.arange(len(y)), groups)
    draws = [] if parts is None else [group_resampler(part, groups) for part in parts]
    for _ in range(rounds):
        if parts is None:
            idx = draw_all(rng)
            if y[idx].min() == y[idx].max():
                continue
            for name, p in predictions.items():
                out[name].append(auc(y[idx], np.asarray(p)[idx]))
            continue
        picks = [draw(rng) for draw in draws]
        if any(y[i].min() == y[i].max() for i in picks):
            continue
        for name, p in predictions.items():
            out[name].append(float(np.mean([auc(y[i], np.asarray(p)[i]) for i in picks])))
    if parts is None:
        return {name: np.asarray(v) for name, v in out.items()}
    return {name: widened(np.asarray(v), fold_auc(y, np.asarray(predictions[name]), strata), len(parts))
            for name, v in out.items()}


def group_resampler(rows: np.ndarray, groups: np.ndarray | None) -> Callable[[np.random.Generator], np.ndarray]:
    """A function drawing one bootstrap resample of ``rows``: rows one by one, or whole groups.

    Conversion's training rows are ~3 snapshots of each deal with the deal's one outcome. A row
    bootstrap treats them as independent, so its interval is too narrow by up to sqrt(rows per
    deal) and a gate at a stated 5% lets more noise through (shuffled deal outcomes, 4 snapshots
    per deal, 60 deals: 7 of 40 passed as better than the prior rate by rows, 3 of 40 by deals).
    Resampling the deals, each with all its rows, keeps the interval honest.
    """
    if groups is None:
        return lambda rng: rows[rng.integers(0, len(rows), len(rows))]
    _, inverse = np.unique(np.asarray(groups)[rows], return_inverse=True)
    members = [rows[inverse == g] for g in range(int(inverse.max()) + 1)] if len(rows) else []
    return lambda rng: np.concatenate([members[g] for g in rng.integers(0, len(members), len(members))])


def widened(resampled: np.ndarray, point: float, folds: int) -> np.ndarray:
    """Resampled fold-mean AUCs spread sqrt(``folds``) times wider around the full rows' figure.

    Resampling rows within each fold treats the folds' out-of-fold predictions as fixed and the
    folds as independent. They are not: fold 1's model learned from folds 2 and 3, fold 2's from 1
    and 3, so a chance association in fold 3 tilts both, and their AUCs rise and fall together.
    Shuffled churn labels (no signal), 3 folds, 170 customers: the fold-mean AUC varied with SD
    0.067 across 100 seeds where the row bootstrap said 0.045, and the gate passed 12% of them as
    "better than the prior rate" at a stated 5%. Widening by sqrt(folds) takes the folds as fully
    dependent (the spread of one fold's AUC), a bound that holds whatever their correlation; it
    costs power only on books small enough to be gated on cross-validation. Figures in
    scoring/README.md, "Wave 30".
    """
    if not len(resampled) or not np.isfinite(point):
        return resampled
    return point + np.sqrt(folds) * (resampled - point)


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
                  random_state: int = defaults.RANDOM_STATE, strata: np.ndarray | None = None,
                  groups: np.ndarray | None = None) -> dict[str, Any]:
    """Whether a model may ship: not worse than logistic regression, better than the prior rate.

    Args:
        y: holdout labels (0/1).
        p_model: the model's holdout probabilities.
        p_logistic: a logistic regression's holdout probabilities (same training rows), or None.
        prior_rate: the training split's positive rate (the prior-rate baseline).
        strata: for out-of-fold predictions, each row's fold: AUCs are taken within folds
            (:func:`fold_auc`); the Brier scores stay pooled.
        groups: each row's deal or customer: resamples draw whole groups (:func:`group_resampler`).

    Returns:
        ``{"passed", "reasons", "auc", "auc_logistic", "share_worse_than_logistic",
        "share_not_better_than_prior", "brier", "brier_prior_rate"}``.
    """
    y = np.asarray(y, dtype=np.int64)
    p_model = np.asarray(p_model, dtype=float)
    preds = {"model": p_model}
    if p_logistic is not None:
        preds["logistic"] = np.asarray(p_logistic, dtype=float)
    boot = bootstrap_aucs(y, preds, random_state=random_state, strata=strata, groups=groups)
    reasons: list[str] = []
    not_better_than_prior = float(np.mean(boot["model"] <= 0.5)) if len(boot["model"]) else 1.0
    if not_better_than_prior >= 1 - defaults.BASELINE_CONFIDENCE:
        reasons.append(f"does not rank better than the prior rate: AUC ≤ 0.5 in {not_better_than_prior:.0%} "
                       "of bootstrap resamples of the holdout")
    brier = float(np.mean((p_model - y) ** 2))
    brier_prior = float(np.mean((prior_rate - y) ** 2))
    if brier > brier_prior:
        reasons.append(f"Brier score {brier:.4f} is worse than the prior rate's {brier_prior:.4f}")
    worse_than_logistic = better_than_logistic = None
    if p_logistic is not None and len(boot["model"]):
        worse_than_logistic = float(np.mean(boot["model"] < boot["logistic"]))
        better_than_logistic = float(np.mean(boot["model"] > boot["logistic"]))
        if worse_than_logistic >= defaults.BASELINE_CONFIDENCE:
            reasons.append(f"worse than a logistic regression on the same rows in {worse_than_logistic:.0%} "
                           "of bootstrap resamples of the holdout")
    return {
        "passed": not reasons, "reasons": reasons, "auc": fold_auc(y, p_model, strata),
        "auc_logistic": fold_auc(y, preds["logistic"], strata) if "logistic" in preds else None,
        "share_worse_than_logistic": worse_than_logistic,
        "share_better_than_logistic": better_than_logistic,
        "share_not_better_than_prior": not_better_than_prior,
        "brier": brier, "brier_prior_rate": brier_prior,
    }


def paired_gain(y: np.ndarray, p_challenger: np.ndarray, p_champion: np.ndarray, *,
                random_state: int = defaults.RANDOM_STATE, groups: np.ndarray | None = None) -> dict[str, Any]:
    """AUC gain of a challenger over the champion on the same rows, with its bootstrap support.

    Returns:
        ``{"challenger", "champion", "gain", "share_better", "interval_90", "better"}``; ``better``
        is True when the challenger wins in at least ``PROMOTION_CONFIDENCE`` of the resamples.
    """
    boot = bootstrap_aucs(y, {"c": p_challenger, "k": p_champion}, random_state=random_state, groups=groups)
    diff = boot["c"] - boot["k"]
    share = float(np.mean(diff > 0)) if len(diff) else 0.0
    lo, hi = (np.quantile(diff, [0.05, 0.95]).tolist() if len(diff) else [float("nan")] * 2)
    return {"challenger": auc(y, p_challenger), "champion": auc(y, p_champion),
            "gain": auc(y, p_challenger) - auc(y, p_champion), "share_better": share,
            "interval_90": [lo, hi], "better": share >= defaults.PROMOTION_CONFIDENCE}


SIMPLER_MODEL_TASKS = ("churn",)
"""Tasks whose logistic regression serves when the model is not shown better than it.

Churn: a few hundred customer-moments, where a tie between the blend and the logistic regression
is the usual outcome and the blend's extra parts (trees, a calibrator fitted on other rows) are
then only variance. Not conversion (the product promises its neural net; its gate still refuses
one worse than the logistic regression), not price (a logistic regression draws no discount curve)."""


def choose_served(gate: dict[str, Any], simpler_gate: Callable[[], dict[str, Any]],
                  holdout_gate: dict[str, Any] | None = None) -> dict[str, Any]:
    """Which model a :data:`SIMPLER_MODEL_TASKS` task serves: the model, or the logistic regression.

    The model serves only when the evidence its gate was judged on shows it better than the
    logistic regression (AUC higher in ``PROMOTION_CONFIDENCE`` of paired resamples: the bar a
    challenger must clear against a champion) and, when that evidence was cross-validation, the
    time-based holdout does not contradict it (AUC lower there in ``BASELINE_CONFIDENCE`` of paired
    resamples). Otherwise the logistic regression serves (calibrated out of fold like the model),
    provided it passes its own gate; if it does not, the model's own verdict stands. A model refused
    for ranking no better than the prior rate (or a Brier score worse than the prior rate's) stays
    refused: the logistic regression is not given a second try on data that showed no signal.

    Why the holdout may contradict on ranking only: until wave 30 churn's time-based holdout was the
    customers whose outcome became known last, mostly survivors (seed 7 of the demo market: 74% of
    the training customer-moments churned, 22% of the holdout's), so calibration there measured the
    shift more than the model. The holdout is now split by observation time, or at random by
    customer when the history is too short (``scoring.train.observation_split``), but a few dozen
    customers' calibration figures are still mostly noise.

    Args:
        gate: :func:`baseline_gate` of the model (with the logistic regression).
        simpler_gate: computes :func:`baseline_gate` of the logistic regression that would serve,
            on the same evidence as ``gate`` (called only when the model is not shown better).
        holdout_gate: :func:`baseline_gate` of the model on the time-based holdout, when ``gate``
            was judged on cross-validation instead.

    Returns:
        ``{"model": "model" | "logistic_regression", "reason", "gate"}``; ``gate`` is the served
        model's gate (what promotion checks).
    """
    better = gate.get("share_better_than_logistic")
    where = gate.get("on") or "the holdout"
    figures = _auc_pair(gate, where)
    needs = f"needs {defaults.PROMOTION_CONFIDENCE:.0%}"
    if not gate.get("passed") and not _refused_only_for_the_reference(gate):
        # No signal the prior rate lacks: a second model tried on the same noise is a second chance
        # for chance to pass (shuffled churn labels, 170 customers: 2 of 8 seeds passed a gate in wave 29).
        return {"model": "model", "gate": gate, "reason": "refused: " + "; ".join(gate.get("reasons") or [])}
    if not gate.get("passed"):
        why = "the model failed its gate (" + "; ".join(gate.get("reasons") or []) + ")"
    elif better is None:
        return {"model": "model", "reason": "no logistic regression to compare with", "gate": gate}
    elif better < defaults.PROMOTION_CONFIDENCE:
        why = (f"the model was not shown better than a logistic regression: {figures}, higher in {better:.0%} "
               f"of paired bootstrap resamples ({needs})")
    else:
        contradiction = _holdout_contradicts(holdout_gate)
        if contradiction is None:
            return {"model": "model", "gate": gate,
                    "reason": f"better than a logistic regression: {figures}, higher in {better:.0%} of paired "
                              f"bootstrap resamples ({needs})"
                              + ("; the time-based holdout does not contradict it" if holdout_gate else "")}
        why = f"the model was better {figures} but {contradiction}"
    reference_gate = simpler_gate()
    if not reference_gate.get("passed"):
        return {"model": "model", "gate": gate, "reason": f"{why}; the logistic regression fails its own gate ("
                + "; ".join(reference_gate.get("reasons") or []) + ")"}
    return {"model": "logistic_regression", "gate": reference_gate, "reason": why}


PROMISED_MODEL_TASKS = ("conversion", "lead_conversion")
"""Tasks that serve their own model on a tie with the logistic regression: the product promises the
conversion score's neural net (scoring/README.md); its gate still refuses one shown worse."""


def promised_model_served(gate: dict[str, Any]) -> dict[str, Any]:
    """What a :data:`PROMISED_MODEL_TASKS` task serves (always its own model) and what its gate's evidence
    says about it beside the logistic regression, so a card never implies a tie was a win.

    Returns:
        ``{"model": "model", "reason", "shown_better"}``.
    """
    better, worse = gate.get("share_better_than_logistic"), gate.get("share_worse_than_logistic")
    figures = _auc_pair(gate, gate.get("on") or "the holdout")
    if not gate.get("passed"):
        return {"model": "model", "shown_better": False, "reason": "refused: " + "; ".join(gate.get("reasons") or [])}
    if better is None or worse is None:
        return {"model": "model", "shown_better": False, "reason": "no logistic regression to compare with"}
    if better >= defaults.PROMOTION_CONFIDENCE:
        return {"model": "model", "shown_better": True,
                "reason": f"better than a logistic regression: {figures}, higher in {better:.0%} of paired bootstrap "
                          f"resamples (needs {defaults.PROMOTION_CONFIDENCE:.0%})"}
    return {"model": "model", "shown_better": False,
            "reason": f"not shown better than a logistic regression ({figures}, higher in {better:.0%} of paired "
                      f"bootstrap resamples; {defaults.PROMOTION_CONFIDENCE:.0%} would show it) nor worse (lower in "
                      f"{worse:.0%}; {defaults.BASELINE_CONFIDENCE:.0%} would refuse it). It serves because the "
                      "product's conversion score is its neural net, not because it beat the simpler model"}


def _refused_only_for_the_reference(gate: dict[str, Any]) -> bool:
    """The model ranks better than the prior rate and its Brier score is no worse, but it ranks worse
    than the logistic regression: the one refusal the logistic regression can answer."""
    worse = gate.get("share_worse_than_logistic")
    prior = gate.get("share_not_better_than_prior")
    return (worse is not None and worse >= defaults.BASELINE_CONFIDENCE and prior is not None
            and prior < 1 - defaults.BASELINE_CONFIDENCE and gate.get("brier", 1.0) <= gate.get("brier_prior_rate", 0.0))


def _auc_pair(gate: dict[str, Any], where: str) -> str:
    auc_m, auc_lr = gate.get("auc"), gate.get("auc_logistic")
    if auc_m is None or auc_lr is None:
        return f"on {where}"
    return f"AUC {auc_m:.3f} vs {auc_lr:.3f} on {where}"


def _holdout_contradicts(holdout_gate: dict[str, Any] | None) -> str | None:
    """Why the time-based holdout contradicts a cross-validated verdict, or None."""
    if holdout_gate is None:
        return None
    worse = holdout_gate.get("share_worse_than_logistic") or 0.0
    if worse < defaults.BASELINE_CONFIDENCE:
        return None
    return (f"worse on the time-based holdout (AUC {holdout_gate['auc']:.3f} vs {holdout_gate['auc_logistic']:.3f}, "
            f"lower in {worse:.0%} of paired bootstrap resamples)")
