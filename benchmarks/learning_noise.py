"""How much noise the bandit's observations carry, and how much any baseline could remove.

    python -m benchmarks.learning_noise [--seeds 0] [--out FILE]

For one market seed, every decision of the run gets a uniformly random allowed arm, and its
credit per unit of amount weight (won + stage value x stages advanced, the posterior's unit) is
compared, within segment and arm, after subtracting each candidate baseline:

- raw: nothing;
- current: the learner's (conversion score + mean partial credit of the decision's stage and band);
- regression: least squares on the score and stage x band, fitted within the segment on all
  decisions (what a learned control variate could reach at best with the context the app has);
- truth baseline: the market's expected credit of the deal with no action (no app can have it);
- outcome noise: the market's expected credit of the deal WITH its arm (what is left is the win
  draw alone: no baseline can remove it).

Also the no-action level of each segment (mean truth baseline minus the learner's baseline): the
offset every arm of the segment shares; and per segment each arm's regret when always played, as
a share of uniform's, and how many standard errors separate the two best arms after a uniform
policy's outcomes of the whole run. Writes benchmarks/results/learning_noise.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from integrations.sandbox.market import STRATEGIES
from learning import defaults
from learning.rewards import RewardConfig
from learning.simulate import SimConfig, advances, arm_matrix, build_population, build_stream, win_probability

OUT = Path(__file__).resolve().parent / "results" / "learning_noise.json"
SEGMENTS = ("smb", "mid", "ent")


def _within(residual: np.ndarray, arms: np.ndarray, rows: np.ndarray) -> float:
    """Variance of `residual` within each arm on `rows`, pooled over arms."""
    total = count = 0.0
    for a in np.unique(arms[rows]):
        m = rows & (arms == a)
        if m.sum() > 1:
            total += float(residual[m].var()) * int(m.sum())
            count += int(m.sum())
    return total / count


def noise(seed: int) -> dict[str, Any]:
    cfg = SimConfig(seed=seed)
    pop = build_population(cfg)
    stage_value = defaults.STAGE_ADVANCED_VALUE
    s = build_stream(pop, cfg, RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=stage_value))
    rng = np.random.default_rng(seed + 100)
    arms = rng.integers(len(STRATEGIES), size=len(s.row))
    arms = np.where(s.allowed[np.arange(len(arms)), arms], arms, 0)
    none = np.full(len(arms), -1)
    partial = stage_value * advances(pop, s, arms)
    credit = (s.u < win_probability(pop, s, arms)) + partial
    seg, score = pop.segment[s.row], pop.score[s.row]
    cell = pop.stage[s.row] * 3 + np.searchsorted(np.array(["high", "low", "medium"]), pop.band[s.row])
    stage_mean = np.zeros(len(arms))
    for c in np.unique(cell):
        stage_mean[cell == c] = partial[cell == c].mean()
    truth_none = win_probability(pop, s, none) + stage_value * advances(pop, s, none)
    truth_arm = win_probability(pop, s, arms) + partial
    current = credit - score - stage_mean
    x = np.column_stack([np.ones(len(arms)), score] + [cell == c for c in np.unique(cell)]).astype(float)
    out: dict[str, Any] = {"seed": seed, "variance": {}, "no_action_level": {}}
    for g in SEGMENTS:
        rows = seg == g
        beta, *_ = np.linalg.lstsq(x[rows], credit[rows], rcond=None)
        out["variance"][g] = {
            "decisions": int(rows.sum()), "raw": _within(credit, arms, rows),
            "current": _within(current, arms, rows), "regression": _within(credit - x @ beta, arms, rows),
            "regression_score_slope": float(beta[1]),
            "truth_baseline": _within(credit - truth_none, arms, rows),
            "outcome_noise": _within(credit - truth_arm, arms, rows)}
        out["no_action_level"][g] = float((truth_none - score - stage_mean)[rows].mean())
    out["by_arm"] = _arms(pop, s, seg, np.sqrt(np.mean([v["current"] for v in out["variance"].values()])), cfg)
    return out


def _arms(pop: Any, s: Any, seg: np.ndarray, sd: float, cfg: SimConfig) -> dict[str, Any]:
    """Per segment: each arm's regret when always played (where allowed) as a share of uniform's,
    and how many standard errors separate the two best arms' credit per unit weight with the
    outcomes a uniform policy would have seen by the end of the run (sd = the current baseline's
    pooled residual sd)."""
    matrix = arm_matrix(pop, s)
    finite = np.isfinite(matrix)
    best = np.where(finite, matrix, -np.inf).max(axis=1)
    uniform = np.where(finite, matrix, 0.0).sum(axis=1) / finite.sum(axis=1)
    seen = (s.day + s.delay <= cfg.weeks * 7) & ~s.holdout
    out: dict[str, Any] = {}
    for g in SEGMENTS:
        rows = (seg == g) & ~s.holdout
        regret_uniform = float((best - uniform)[rows].sum())
        always = {a: float((best - np.where(finite[:, j], matrix[:, j], uniform))[rows].sum()) / regret_uniform
                  for j, a in enumerate(STRATEGIES)}
        # arms compared on the same deals: each arm's edge over an arm allowed everywhere, on the
        # deals where it is allowed (a discount arm is only allowed on some deals)
        per_unit = np.where(finite, matrix, np.nan) / s.weight[:, None]
        ref = int(np.flatnonzero(finite.all(axis=0))[0])
        means = np.nanmean(per_unit[rows] - per_unit[rows][:, [ref]], axis=0)
        top = np.argsort(-np.nan_to_num(means, nan=-np.inf))[:2]
        n_arm = float(seen[rows].sum()) / len(STRATEGIES)
        out[g] = {"always_arm_regret_share": always, "best": STRATEGIES[top[0]], "runner_up": STRATEGIES[top[1]],
                  "gap_per_unit_weight": float(means[top[0]] - means[top[1]]),
                  "outcomes_per_arm_uniform": n_arm,
                  "gap_in_standard_errors": float((means[top[0]] - means[top[1]]) / (sd * np.sqrt(2.0 / n_arm)))}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    try:
        seeds = [int(x) for x in args.seeds.split(",")]
    except ValueError:
        print("error: --seeds must be a comma-separated list of integers", file=sys.stderr)
        return 2
    runs = [noise(seed) for seed in seeds]
    Path(args.out).write_text(json.dumps(runs, indent=1))
    for r in runs:
        print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
