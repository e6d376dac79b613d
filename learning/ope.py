"""Off-policy evaluation from logged decisions: IPS, self-normalised IPS and doubly robust.

Given the logged decisions (context, arm, propensity the logging policy gave that arm, reward),
estimate the mean reward a target policy would have earned on the same contexts:

- IPS:   mean_i  pi(a_i|x_i) / p_i * r_i
- SNIPS: sum_i pi(a_i|x_i) / p_i * r_i  /  sum_i pi(a_i|x_i) / p_i
- DR:    mean_i  sum_a pi(a|x_i) q(x_i, a) + pi(a_i|x_i) / p_i * (r_i - q(x_i, a_i))
- SNDR:  DR with the correction self-normalised within each context cell (see `_sndr`)

where q is a reward model (per-context-cell means shrunk to the arm's mean, cross-fitted on two
folds so a decision's own reward never enters its q). "Always play arm a" is the policy with
pi(a|x) = 1. Intervals are percentile bootstrap intervals over decisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

from learning import defaults

METHODS = ("ips", "snips", "dr", "sndr")


@dataclass(frozen=True)
class LoggedData:
    """Logged decisions as arrays: context cell id, arm index, logged propensity, reward."""

    contexts: np.ndarray
    arms: np.ndarray
    propensities: np.ndarray
    rewards: np.ndarray
    arm_names: tuple[str, ...]
    weights: np.ndarray | None = None
    """Per decision, known before it: the reward's amount weight (None: 1 for every decision)."""
    baselines: np.ndarray | None = None
    """Per decision, known before it: the reward per unit weight expected without any action,
    e.g. the conversion probability (None: 0)."""

    def subset(self, keep: np.ndarray) -> LoggedData:
        """The decisions selected by the boolean mask `keep`."""
        return LoggedData(self.contexts[keep], self.arms[keep], self.propensities[keep], self.rewards[keep],
                          self.arm_names, None if self.weights is None else self.weights[keep],
                          None if self.baselines is None else self.baselines[keep])

    @classmethod
    def from_rows(cls, rows: Sequence[Mapping[str, object]], arm_names: Sequence[str]) -> LoggedData:
        """Build from rows with `context` (mapping or hashable), `arm`, `propensity`, `reward`."""
        index = {a: i for i, a in enumerate(arm_names)}
        keep = [r for r in rows if r["arm"] in index]
        ctx_ids: dict[str, int] = {}
        contexts = [ctx_ids.setdefault(_ctx_key(r["context"]), len(ctx_ids)) for r in keep]
        return cls(contexts=np.array(contexts, dtype=int),
                   arms=np.array([index[str(r["arm"])] for r in keep], dtype=int),
                   propensities=np.array([float(r["propensity"]) for r in keep]),  # type: ignore[arg-type]
                   rewards=np.array([float(r["reward"]) for r in keep]),  # type: ignore[arg-type]
                   arm_names=tuple(arm_names),
                   weights=_column(keep, "amount_weight"), baselines=_column(keep, "baseline"))

    def __len__(self) -> int:
        return len(self.arms)


@dataclass(frozen=True)
class Estimate:
    """One estimate with its bootstrap interval."""

    target: str
    method: str
    estimate: float
    ci95: tuple[float, float]
    n: int


def _column(rows: Sequence[Mapping[str, object]], key: str) -> np.ndarray | None:
    """Optional numeric column (a row's own key, else its context's); None unless every row has it."""
    out = []
    for r in rows:
        ctx = r.get("context")
        v = r.get(key, ctx.get(key) if isinstance(ctx, Mapping) else None)
        if not isinstance(v, int | float | str) or v == "":
            return None
        try:
            out.append(float(v))
        except ValueError:
            return None
    return np.array(out) if out else None


def _ctx_key(ctx: object) -> str:
    if isinstance(ctx, Mapping):
        return "|".join(f"{k}={ctx[k]}" for k in sorted(ctx))
    return str(ctx)


def reward_model(data: LoggedData, *, folds: int = 2, shrink: float | None = None,
                 seed: int = 0) -> np.ndarray:
    """Cross-fitted q(x_i, a) for every decision i and arm a (n x K).

    q = weight x (baseline + the arm's mean credit above the baseline per unit weight in the
    context cell, shrunk to the arm's overall mean). The weight and the baseline are known before
    the decision: modelling the credit per unit weight keeps a few large deals from making the
    cell means as noisy as their amounts. (Measured on the simulation's seeds 0-9, plain DR
    covered 64/70 arms with this model and 66/70 with cell means of the weighted rewards: no
    gain for DR alone; SNDR uses it: learning/README.md "Measured".)
    """
    shrink = defaults.REWARD_MODEL_SHRINK if shrink is None else shrink  # read at call time (a `--set`)
    n, k = len(data), len(data.arm_names)
    n_ctx = int(data.contexts.max()) + 1 if n else 0
    w = np.ones(n) if data.weights is None else np.asarray(data.weights, float)
    base = np.zeros(n) if data.baselines is None else np.asarray(data.baselines, float)
    credit = data.rewards / np.where(w > 0, w, 1.0) - base
    fold = np.random.default_rng(seed).integers(folds, size=n)
    q = np.zeros((n, k))
    for f in range(folds):
        train = fold != f
        c, a, r = data.contexts[train], data.arms[train], credit[train]
        arm_n = np.bincount(a, minlength=k).astype(float)
        arm_s = np.bincount(a, weights=r, minlength=k)
        overall = r.mean() if len(r) else 0.0
        arm_mean = (arm_s + shrink * overall) / (arm_n + shrink)
        cell = c * k + a
        cell_n = np.bincount(cell, minlength=n_ctx * k).astype(float).reshape(n_ctx, k)
        cell_s = np.bincount(cell, weights=r, minlength=n_ctx * k).reshape(n_ctx, k)
        cell_mean = (cell_s + shrink * arm_mean[None, :]) / (cell_n + shrink)
        test = ~train
        q[test] = w[test, None] * (base[test, None] + cell_mean[data.contexts[test]])
    return q


def _contributions(data: LoggedData, target: np.ndarray, q: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-decision terms (ips, weight, dr, model value, weighted residual) for a target policy
    given as n x K probabilities."""
    rows = np.arange(len(data))
    pi_logged = target[rows, data.arms]
    w = pi_logged / data.propensities
    ips = w * data.rewards
    model = (target * q).sum(axis=1)
    resid = w * (data.rewards - q[rows, data.arms])
    return ips, w, model + resid, model, resid


def _sndr(contexts: np.ndarray, n_ctx: int, w: np.ndarray, model: np.ndarray, resid: np.ndarray) -> np.ndarray:
    """Self-normalised DR, the residual correction normalised within each context cell.

    Rows of the 2-D inputs are bootstrap resamples (a 1-D input is one sample). Per cell c:
    mean(model) + sum(w * (r - q)) / sum(w), cells weighted by their share of decisions; a cell
    where the target's arm was never logged keeps the model's value. Why: plain DR adds
    w * (r - q) / n, and an arm logged a handful of times at a 0.4% propensity on large deals
    puts a few terms of hundreds into that sum; whether they happen decides the estimate (seed 8
    of the simulation, plain DR: risk reversal's enterprise part 0.58 against a truth of 3.37).
    Normalising by the weights actually seen bounds the correction by the residuals' own range
    (consistent, slightly biased in small cells; SNDR still misses that arm on seed 8 overall:
    learning/README.md "Measured").
    """
    w2, m2, r2, c2 = (np.atleast_2d(x) for x in (w, model, resid, contexts))
    b, n = m2.shape
    key = (np.arange(b)[:, None] * n_ctx + c2).ravel()
    size = b * n_ctx
    cnt = np.bincount(key, minlength=size).reshape(b, n_ctx)
    sw = np.bincount(key, weights=w2.ravel(), minlength=size).reshape(b, n_ctx)
    sr = np.bincount(key, weights=r2.ravel(), minlength=size).reshape(b, n_ctx)
    corr = np.where(sw > 0, sr / np.where(sw > 0, sw, 1.0), 0.0)
    out = m2.mean(axis=1) + (cnt * corr).sum(axis=1) / n
    return out if np.ndim(model) > 1 else out[0]


def evaluate(data: LoggedData, targets: Mapping[str, np.ndarray], *, q: np.ndarray | None = None,
             resamples: int | None = None, confidence: float | None = None,
             seed: int = 0) -> list[Estimate]:
    """Estimate each target policy's mean reward with IPS, SNIPS and DR, with bootstrap intervals.

    Args:
        data: the logged decisions.
        targets: name -> n x K matrix of the target policy's arm probabilities per decision.
        q: the reward model (default: `reward_model(data)`).
    """
    resamples = defaults.BOOTSTRAP_RESAMPLES if resamples is None else resamples  # read at call time (a `--set`)
    confidence = defaults.CONFIDENCE if confidence is None else confidence
    n = len(data)
    if n == 0:
        return []
    q = reward_model(data, seed=seed) if q is None else q
    terms = {name: _contributions(data, t, q) for name, t in targets.items()}
    n_ctx = int(data.contexts.max()) + 1
    rng = np.random.default_rng(seed)
    boot: dict[tuple[str, str], list[np.ndarray]] = {(t, m): [] for t in targets for m in METHODS}
    chunk = max(1, min(resamples, 2_000_000 // max(n, 1)))
    done = 0
    while done < resamples:
        b = min(chunk, resamples - done)
        idx = rng.integers(n, size=(b, n))
        for name, (ips, w, dr, model, resid) in terms.items():
            boot[(name, "ips")].append(ips[idx].mean(axis=1))
            sw = w[idx].sum(axis=1)
            boot[(name, "snips")].append(np.where(sw > 0, ips[idx].sum(axis=1) / np.maximum(sw, 1e-12), 0.0))
            boot[(name, "dr")].append(dr[idx].mean(axis=1))
            boot[(name, "sndr")].append(_sndr(data.contexts[idx], n_ctx, w[idx], model[idx], resid[idx]))
        done += b
    alpha = (1.0 - confidence) / 2.0
    out = []
    for name, (ips, w, dr, model, resid) in terms.items():
        point = {"ips": ips.mean(), "snips": ips.sum() / w.sum() if w.sum() > 0 else 0.0, "dr": dr.mean(),
                 "sndr": float(_sndr(data.contexts, n_ctx, w, model, resid))}
        for m in METHODS:
            dist = np.concatenate(boot[(name, m)])
            lo, hi = np.quantile(dist, [alpha, 1.0 - alpha])
            out.append(Estimate(name, m, float(point[m]), (float(lo), float(hi)), n))
    return out


def earlier_days_model(data: LoggedData, arm: int, day: np.ndarray, *, shrink: float | None = None) -> np.ndarray:
    """q(x_t, arm) for every decision t from the decisions of EARLIER days only (n values).

    The model of `reward_model` (the credit per unit weight above the baseline, cell means
    shrunk to the arm's mean, times the weight), fitted per day on what came before it: a
    decision's own reward, and every later one, never enters its q (what `adaptive_aipw`'s
    martingale argument needs; a cross-fitted model on random folds uses later rewards).
    """
    shrink = defaults.REWARD_MODEL_SHRINK if shrink is None else shrink
    n = len(data)
    w = np.ones(n) if data.weights is None else np.asarray(data.weights, float)
    base = np.zeros(n) if data.baselines is None else np.asarray(data.baselines, float)
    credit = data.rewards / np.where(w > 0, w, 1.0) - base
    chosen = data.arms == arm
    day = np.asarray(day, int) - int(np.min(day))
    n_days, n_ctx = int(day.max()) + 1, int(data.contexts.max()) + 1
    key = data.contexts * n_days + day
    cell_n = np.bincount(key[chosen], minlength=n_ctx * n_days).reshape(n_ctx, n_days)
    cell_s = np.bincount(key[chosen], weights=credit[chosen], minlength=n_ctx * n_days).reshape(n_ctx, n_days)
    # sums over the days before each day (exclusive cumulative sums)
    before_n = np.cumsum(cell_n, axis=1) - cell_n
    before_s = np.cumsum(cell_s, axis=1) - cell_s
    arm_n, arm_s = before_n.sum(axis=0), before_s.sum(axis=0)
    arm_mean = np.where(arm_n > 0, arm_s / np.maximum(arm_n, 1), 0.0)
    denom = before_n + shrink
    cell_mean = np.where(denom > 0, (before_s + shrink * arm_mean[None, :]) / np.where(denom > 0, denom, 1.0),
                         arm_mean[None, :])
    return w * (base + cell_mean[data.contexts, day])


def adaptive_aipw(data: LoggedData, arm: int, probabilities: np.ndarray, day: np.ndarray, *,
                  strata: np.ndarray | None = None, shrink: float | None = None,
                  confidence: float | None = None, q: np.ndarray | None = None,
                  stable_weights: bool = True) -> Estimate:
    """"Always play `arm`" by adaptively weighted AIPW, per context cell (Hadad et al., PNAS 2021).

    For each decision t: Gamma_t = q_t + 1[a_t = arm] / e_t (r_t - q_t), with e_t the logging
    policy's probability of `arm` at t (every arm's probability, not only the chosen one's) and
    q_t the reward model fitted on the decisions of EARLIER days only (the credit per unit weight
    above the baseline, cell means shrunk to the arm's mean, as `reward_model`). Within a cell
    the value is sum h_t Gamma_t / sum h_t with h_t = sqrt(e_t) ("stable variance" weights) and
    the variance sum h_t^2 (Gamma_t - v)^2 / (sum h_t)^2; cells are combined by their share of
    decisions, the interval is normal. Why: a bandit's propensities depend on the outcomes seen
    so far, so Gamma_t are martingale differences, not independent draws; the bootstrap over
    decisions treats them as independent, and periods where `arm` was nearly never chosen put
    terms of 1/e_t into the mean. Weighting by sqrt(e_t) keeps each period's share of the
    variance equal, which restores a normal limit (the paper's Theorem 2). Within a cell the
    bandit's e_t depends on the day (and on which arms policy allowed the deal), not on the deal's
    outcome, so the weighting changes the estimand only by how a cell's deals differ between days
    (the decision stream draws them alike every day; Zhan et al., KDD 2021, for contexts).

    Args:
        arm: index of the arm in `data.arm_names`.
        probabilities: n x K, each decision's probability of every arm.
        day: n integers, the decision's day (decisions of one day share a reward model).
        strata: n integers, the groups weighted apart (default: the context cells). Give
            cell x the arms policy allowed when those differ between a cell's deals: the
            bandit's probabilities then differ with them (one competitor fewer), and weights
            that follow them would lean the estimate toward those deals.
        q: n values of the reward model to use instead of `earlier_days_model` (diagnostics:
            benchmarks/learning_ope_replicates.py measures the estimator with the true values).
        stable_weights: False weighs every decision alike (plain AIPW with the same q and
            interval formula; diagnostics).
    """
    shrink = defaults.REWARD_MODEL_SHRINK if shrink is None else shrink
    confidence = defaults.CONFIDENCE if confidence is None else confidence
    n = len(data)
    name = data.arm_names[arm]
    if n == 0:
        return Estimate(name, "aw_aipw", float("nan"), (float("nan"), float("nan")), 0)
    q = earlier_days_model(data, arm, day, shrink=shrink) if q is None else np.asarray(q, float)
    chosen = data.arms == arm
    e = np.asarray(probabilities, float)[:, arm]
    gamma = q + np.where(chosen, (data.rewards - q) / np.where(e > 0, e, 1.0), 0.0)
    h = np.sqrt(e) if stable_weights else np.ones(n)
    groups = data.contexts if strata is None else np.asarray(strata)
    value, var = 0.0, 0.0
    for c in np.unique(groups):
        in_c = groups == c
        hc, gc = h[in_c], gamma[in_c]
        share = in_c.sum() / n
        if hc.sum() <= 0:
            continue
        v = float((hc * gc).sum() / hc.sum())
        value += share * v
        var += share ** 2 * float((hc ** 2 * (gc - v) ** 2).sum() / hc.sum() ** 2)
    z = float(norm.ppf(0.5 + confidence / 2.0))
    half = float(z * var ** 0.5)
    value = float(value)  # a plain float: numpy scalars break the JSON the simulation prints
    return Estimate(name, "aw_aipw", value, (value - half, value + half), n)


def allowed_strata(contexts: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Group id per decision: its context cell x the set of arms policy allowed it (n x K booleans).

    The bandit's probabilities are constant within these on a day, so `adaptive_aipw` weights
    them apart (learning/README.md "Measured, wave 22")."""
    allowed = np.asarray(allowed, bool)
    k = allowed.shape[1] if allowed.ndim == 2 else 0
    return np.asarray(contexts, int) * 2 ** k + allowed.astype(int) @ (2 ** np.arange(k))


def arm_values(data: LoggedData, allowed: np.ndarray, *, probabilities: np.ndarray | None = None,
               day: np.ndarray | None = None, resamples: int | None = None, seed: int = 0) -> list[dict[str, object]]:
    """Each arm's "always play it" value on the decisions where policy allowed it: one function
    for the simulation (`learning.simulate`) and the product's report (`learning.report`).

    With every arm's probability per decision and the decision's day, the `estimate`/`ci95` is
    adaptively weighted AIPW per context cell x allowed arms (`method: aw_aipw`); without them,
    SNDR with its bootstrap interval (`method: sndr`). SNDR, DR, IPS and SNIPS are beside it
    either way.

    Args:
        allowed: n x K booleans, the arms policy allowed each decision.
        probabilities: n x K, the logging policy's probability of every arm per decision.
        day: n integers, each decision's day (the reward model of AW-AIPW learns from earlier days).
    """
    adaptive = probabilities is not None and day is not None
    allowed = np.asarray(allowed, bool)
    k = len(data.arm_names)
    out: list[dict[str, object]] = []
    for j, arm in enumerate(data.arm_names):
        ok = allowed[:, j]
        if not ok.any():
            continue
        sub = data.subset(ok)
        target = np.zeros((int(ok.sum()), k))
        target[:, j] = 1.0
        est = {e.method: e for e in evaluate(sub, {arm: target}, resamples=resamples, seed=seed + j)}
        sndr, dr = est["sndr"], est["dr"]
        if adaptive:
            aw = adaptive_aipw(sub, j, np.asarray(probabilities)[ok], np.asarray(day)[ok],
                               strata=allowed_strata(sub.contexts, allowed[ok]))
            method, value, ci = "aw_aipw", aw.estimate, list(aw.ci95)
        else:
            method, value, ci = "sndr", sndr.estimate, list(sndr.ci95)
        out.append({"arm": arm, "method": method, "estimate": value, "ci95": ci,
                    "sndr": sndr.estimate, "sndr_ci95": list(sndr.ci95), "dr": dr.estimate, "dr_ci95": list(dr.ci95),
                    "ips": est["ips"].estimate, "ips_ci95": list(est["ips"].ci95),
                    "snips": est["snips"].estimate, "snips_ci95": list(est["snips"].ci95),
                    "n": sndr.n, "chosen": int((sub.arms == j).sum())})
    return out


def arm_targets(data: LoggedData) -> dict[str, np.ndarray]:
    """'Always play arm a' for every arm, as target policies."""
    n, k = len(data), len(data.arm_names)
    out = {}
    for j, name in enumerate(data.arm_names):
        t = np.zeros((n, k))
        t[:, j] = 1.0
        out[name] = t
    return out


def difference_interval(treated: np.ndarray, control: np.ndarray, *,
                        resamples: int | None = None, confidence: float | None = None,
                        seed: int = 0) -> tuple[float, tuple[float, float]]:
    """Mean(treated) - mean(control) with a bootstrap interval (groups resampled separately).

    Used for the holdout lift: treated = rewards of records the AI acted on, control = holdout.
    """
    resamples = defaults.BOOTSTRAP_RESAMPLES if resamples is None else resamples  # read at call time (a `--set`)
    confidence = defaults.CONFIDENCE if confidence is None else confidence
    treated, control = np.asarray(treated, float), np.asarray(control, float)
    if len(treated) == 0 or len(control) == 0:
        return float("nan"), (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    est = float(treated.mean() - control.mean())
    t = _means_chunked(treated, resamples, rng)
    c = _means_chunked(control, resamples, rng)
    alpha = (1.0 - confidence) / 2.0
    lo, hi = np.quantile(t - c, [alpha, 1.0 - alpha])
    return est, (float(lo), float(hi))


def _means_chunked(x: np.ndarray, resamples: int, rng: np.random.Generator) -> np.ndarray:
    out = []
    step = max(1, 2_000_000 // len(x))
    for start in range(0, resamples, step):
        b = min(step, resamples - start)
        out.append(x[rng.integers(len(x), size=(b, len(x)))].mean(axis=1))
    return np.concatenate(out)


def adjusted_difference_interval(treated: np.ndarray, treated_x: np.ndarray, control: np.ndarray,
                                 control_x: np.ndarray, *, resamples: int | None = None,
                                 confidence: float | None = None, seed: int = 0
                                 ) -> tuple[float, tuple[float, float]]:
    """Holdout lift with pre-decision covariates (CUPED): compare y - (x - mean x) @ theta.

    `x` (one covariate per row, or a column per covariate) is known before the decision (e.g.
    amount weight x conversion probability, the reward expected without any action; the amount
    weight per stage the deal was at, which predicts the stage credit still to come), and the
    holdout is assigned by a hash, so x is balanced between the groups: subtracting it changes
    no expectation but removes the variance the deals' sizes, odds and stages put into the
    comparison. theta = least squares of y on the centred x over both groups.
    """
    y = np.concatenate([np.asarray(treated, float), np.asarray(control, float)])
    x = np.concatenate([np.asarray(treated_x, float), np.asarray(control_x, float)])
    x = x.reshape(len(y), -1) if len(y) else x.reshape(0, 1)
    xc = x - x.mean(axis=0) if len(y) else x
    theta = np.linalg.lstsq(xc, y - y.mean(), rcond=None)[0] if len(y) and xc.any() else np.zeros(x.shape[1])
    adj = y - xc @ theta
    n_t = len(treated)
    return difference_interval(adj[:n_t], adj[n_t:], resamples=resamples, confidence=confidence, seed=seed)
