"""Is an OPE miss bias or an interval too narrow? Replicate the bandit on ONE market and count.

    python -m benchmarks.learning_ope_replicates --seed S [--drawn-effects] [--replicates 1-8]
                                                 [--fixed-outcomes] [--resamples 200] [--out FILE]

`benchmarks/learning_simulate.py` gives one run per market seed, so a miss there is one draw: it
cannot say whether an estimator is off on average (bias) or its interval is too narrow (it
covers the truth less than 95% of the time). This runs the kept bandit on market seed S with
replicate r's own bandit draws (`SimConfig.bandit_seed` 1000 r + S) AND its own win/loss draws
(`SimConfig.outcome_seed` r; `--fixed-outcomes` keeps seed S's, which is what varying the bandit
seed alone does: every replicate then shares one set of outcome draws, and whatever luck they
hold); replicate 0 is `simulate --seed S`'s own run (its bandit and outcome draws), the run
`learning_simulate` reports. The market, its truth, the decision stream and the delays stay those of S. Per arm and
replicate it records the truth (mean expected reward of "always this arm" on the observed
decisions where it is allowed, as `simulate`'s OPE), the realised counterfactual (the same
decisions' realised reward had the arm been played on all of them: what the outcome draws gave,
before any estimator), IPS, SNIPS, DR and SNDR with their percentile bootstrap intervals
(`learning.ope.evaluate`), the direct method (the mean of the cross-fitted reward model: the DR
model's own error), the adaptively weighted AIPW candidate (`learning.ope.adaptive_aipw`), the
arm's share of decisions overall and in the last week, and its importance weights (largest,
effective sample size). The summary per arm and method: mean error against the truth with its
standard error over replicates (bias), the sd of the estimates, the mean interval half-width,
and coverage. Writes FILE (JSON); the summary on stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from integrations.sandbox.market import STRATEGIES
from learning import defaults
from learning.ope import LoggedData, adaptive_aipw, evaluate, reward_model
from learning.rewards import RewardConfig
from learning.simulate import (
    SimConfig,
    _realized,
    _slice,
    arm_matrix,
    build_population,
    build_stream,
    logged_data,
    run_bandit,
)

OUT = Path(__file__).resolve().parent / "results" / "learning_ope_replicates.json"
METHODS = ("ips", "snips", "dr", "sndr", "aw_aipw", "aw_aipw_allowed", "aw_true_q", "aw_crossfit_q", "aipw_unweighted")
"""Wave 23's diagnostics of AW-AIPW's lean (all per cell x allowed arms, as the kept estimator):
`aw_true_q` with the market's true expected reward as its reward model (a perfect q: a lean left
is not the model's), `aw_crossfit_q` with the cross-fitted model of DR (it sees later rewards),
`aipw_unweighted` with every decision weighted alike (the earlier-days q)."""


def replicate(seed: int, r: int, *, drawn: bool, fixed_outcomes: bool, resamples: int) -> dict[str, Any]:
    """One bandit run on market `seed` with replicate `r`'s draws, every arm's estimates."""
    if r == 0:  # the draws of `simulate --seed S` itself (learning_simulate's run of that seed)
        cfg = SimConfig(seed=seed, drawn_effects=drawn, resamples=resamples)
    else:
        cfg = SimConfig(seed=seed, drawn_effects=drawn, bandit_seed=1000 * r + seed,
                        outcome_seed=None if fixed_outcomes else r, resamples=resamples)
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=defaults.STAGE_ADVANCED_VALUE)
    s = build_stream(pop, cfg, rewards)
    matrix = arm_matrix(pop, s)
    run = run_bandit(pop, s, cfg, rewards)
    assert run.probabilities is not None
    observed = ~s.holdout & (s.day + s.delay <= cfg.weeks * 7)
    idx, data = logged_data(pop, s, run, observed)
    arms = []
    for j, arm in enumerate(STRATEGIES):
        ok = s.allowed[idx, j]
        if not ok.any():
            continue
        sub = data.subset(ok)
        rows = idx[ok]
        target = np.zeros((len(sub), len(STRATEGIES)))
        target[:, j] = 1.0
        est = {e.method: e for e in evaluate(sub, {arm: target}, resamples=resamples, seed=seed + j)}
        est["aw_aipw"] = adaptive_aipw(sub, j, run.probabilities[rows], s.day[rows])
        strata = sub.contexts * 2 ** len(STRATEGIES) + s.allowed[rows] @ (2 ** np.arange(len(STRATEGIES)))
        est["aw_aipw_allowed"] = adaptive_aipw(sub, j, run.probabilities[rows], s.day[rows], strata=strata)
        q = reward_model(sub, seed=seed + j)
        true_q = matrix[rows, j]
        est["aw_true_q"] = adaptive_aipw(sub, j, run.probabilities[rows], s.day[rows], strata=strata, q=true_q)
        est["aw_crossfit_q"] = adaptive_aipw(sub, j, run.probabilities[rows], s.day[rows], strata=strata, q=q[:, j])
        est["aipw_unweighted"] = adaptive_aipw(sub, j, run.probabilities[rows], s.day[rows], strata=strata,
                                               stable_weights=False)
        # the truth AW-AIPW's weights aim at: the true values averaged with its own weights
        # (sqrt of each decision's probability of the arm, per stratum); equal to `truth` when
        # the weights do not follow the deals' values within a stratum
        nobody = LoggedData(sub.contexts, np.full(len(sub), -1), sub.propensities, sub.rewards, sub.arm_names)
        weighted_truth = adaptive_aipw(nobody, j, run.probabilities[rows], s.day[rows], strata=strata,
                                       q=true_q).estimate
        chosen = sub.arms == j
        wts = 1.0 / sub.propensities[chosen]
        counterfactual = _realized(pop, _slice_rows(s, rows), np.full(len(rows), j))
        arms.append({
            "arm": arm, "truth": float(matrix[rows, j].mean()), "realized_truth": float(counterfactual.mean()),
            "weighted_truth": float(weighted_truth),
            "dm": float(q[:, j].mean()),
            "share": float(chosen.mean()), "final_share": run.shares_by_week[-1][arm],
            "max_weight": float(wts.max()) if len(wts) else None,
            "ess": float(wts.sum() ** 2 / (wts ** 2).sum()) if len(wts) else 0.0,
            **{m: {"estimate": e.estimate, "ci95": list(e.ci95)} for m, e in est.items()},
        })
    return {"seed": seed, "replicate": r, "bandit_seed": cfg.bandit_seed, "outcome_seed": cfg.outcome_seed,
            "decisions": int(len(idx)), "arms": arms}


def _slice_rows(s: Any, rows: np.ndarray) -> Any:
    """The stream restricted to `rows` (any index array, not only a contiguous slice)."""
    out = _slice(s, 0, len(s.row))
    for name in ("row", "day", "holdout", "executed", "u", "delay", "allowed", "weight"):
        setattr(out, name, getattr(s, name)[rows])
    return out


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per arm: the truth, and per method bias (+- se over replicates), sd, half-width, coverage."""
    out: dict[str, Any] = {}
    for arm in STRATEGIES:
        rows = [a for r in runs for a in r["arms"] if a["arm"] == arm]
        if not rows:
            continue
        truth = [a["truth"] for a in rows]
        per: dict[str, Any] = {"truth_mean": statistics.mean(truth), "share_mean": statistics.mean(a["share"] for a in rows),
                               "final_share_mean": statistics.mean(a["final_share"] for a in rows)}

        def bias(values: list[float], truth: list[float] = truth) -> dict[str, float]:
            d = [v - t for v, t in zip(values, truth, strict=True)]
            se = statistics.stdev(d) / len(d) ** 0.5 if len(d) > 1 else float("nan")
            return {"bias": statistics.mean(d), "se": se, "sd": statistics.stdev(values) if len(values) > 1 else 0.0}

        per["realized_truth"] = bias([a["realized_truth"] for a in rows])
        if all("weighted_truth" in a for a in rows):
            per["weighted_truth"] = bias([a["weighted_truth"] for a in rows])
        per["dm"] = bias([a["dm"] for a in rows])
        for m in METHODS:
            b = bias([a[m]["estimate"] for a in rows])
            b["half_width"] = statistics.mean((a[m]["ci95"][1] - a[m]["ci95"][0]) / 2 for a in rows)
            b["covered"] = sum(a[m]["ci95"][0] <= a["truth"] <= a[m]["ci95"][1] for a in rows)
            b["runs"] = len(rows)
            per[m] = b
        out[arm] = per
    return out


def _plain(value: Any) -> Any:
    """numpy scalars as JSON numbers."""
    return value.item()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--replicates", default="1-8", help="a range a-b or a comma list of replicate numbers")
    ap.add_argument("--drawn-effects", action="store_true")
    ap.add_argument("--fixed-outcomes", action="store_true", help="every replicate keeps seed S's win/loss draws")
    ap.add_argument("--resamples", type=int, default=200)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    try:
        if "-" in args.replicates:
            a, b = (int(x) for x in args.replicates.split("-"))
            reps = list(range(a, b + 1))
        else:
            reps = [int(x) for x in args.replicates.split(",")]
    except ValueError:
        print("error: --replicates must be a range a-b or a comma-separated list of integers", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    runs = []
    for r in reps:
        runs.append(replicate(args.seed, r, drawn=args.drawn_effects, fixed_outcomes=args.fixed_outcomes,
                              resamples=args.resamples))
        print(f"replicate {r}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    summary = summarise(runs)
    Path(args.out).write_text(json.dumps({"config": vars(args), "summary": summary, "runs": runs,
                                          "seconds": round(time.perf_counter() - t0, 1)}, indent=1, default=_plain))
    print(json.dumps({"out": args.out, "summary": summary}, default=_plain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
