"""Where one bandit run makes its regret: by week, segment and arm, and what the posterior believed meanwhile.

    python -m benchmarks.learning_regret_anatomy [--seed 3] [--bandit-seed N] [--weeks 26] [--out FILE]
                                                 [--set EMPIRICAL_PRIOR=0 --set ELIGIBILITY_CONTROL=0]

(`--set` as in benchmarks/learning_replicates.py; the two above give the learner before wave 11,
which benchmarks/results/learning_w11/anatomy_s{3,8}.json describe.)

Runs the four policies of `learning.simulate.regret_only` on one market (same draws: the bandit
seed as in `agentic-sales simulate --seed S`, or the replicate harness's 1000 x b + S) and
reports, as one JSON object:

- `regret`: ours, uniform random and the best single arm per segment and week (expected regret,
  the harness's), and ours per segment, arm and period: which arm's decisions cost what, when;
- `floor`: what a policy that knew the best arm per segment (or per bandit context) would still
  pay against the oracle, which sees what no context shows;
- `truth`: per segment and arm the true mean credit per unit of amount weight above the deal's
  score (the learner's scale), and the regret per decision of playing it: for READING the run
  only, never given to the policy;
- `tau`: the hierarchy's prior spreads (sqrt tau2 per level, at the end of the run) beside the
  truth's spread of arm means between segments and between engagement cells;
- `snapshots`: at the start of chosen weeks, per segment (active engagement) and arm: outcomes
  folded in the segment, decisions still waiting for their outcome, the raw mean, the belief
  (mean, sd) and Thompson sampling's probability of choosing it;
- `delay`: the share of each segment's outcomes arrived within 1, 2, 4 and 6 weeks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.learning_replicates import apply_set_options
from learning import defaults
from learning.bandit import Posterior
from learning.rewards import RewardConfig
from learning.simulate import (
    STRATEGIES,
    SimConfig,
    _fixed_policy,
    advances,
    arm_matrix,
    build_population,
    build_stream,
    run_bandit,
    win_probability,
)

SEGMENTS = ("smb", "mid", "ent")
PERIODS = ((0, 6), (6, 13), (13, 10_000))
"""Week ranges the per-arm regret is split into: before most enterprise outcomes arrive, the
following weeks, the second half of a 26-week run."""


def _r(x: float, nd: int = 4) -> float:
    return round(float(x), nd)


def anatomy(cfg: SimConfig, snapshot_weeks: tuple[int, ...] = (2, 4, 6, 9, 13, 20, 26)) -> dict[str, Any]:
    """The run's regret split and the posterior's state over time (see module docstring)."""
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=defaults.STAGE_ADVANCED_VALUE)
    s = build_stream(pop, cfg, rewards)
    k = len(STRATEGIES)
    matrix = arm_matrix(pop, s)
    acted = ~s.holdout
    rng = np.random.default_rng(cfg.seed + 4)  # the same draws, in the same order, as regret_only
    oracle = _fixed_policy(pop, s, np.eye(k)[matrix.argmax(axis=1)], rng)
    uniform = _fixed_policy(pop, s, np.ones((len(s.row), k)), rng)
    ranked = np.argsort(-np.where(np.isfinite(matrix), matrix, 0.0)[acted].sum(axis=0))
    best = np.tile(np.eye(k)[ranked[0]], (len(s.row), 1))
    best[~s.allowed[:, ranked[0]]] = np.eye(k)[ranked[1]]
    best_arm = _fixed_policy(pop, s, best, rng)
    segment = pop.segment[s.row]
    week = s.day // 7
    close = s.day + s.delay
    snaps: list[dict[str, Any]] = []
    wanted = {7 * w for w in snapshot_weeks}

    def observe(day: int, post: Posterior, arms: np.ndarray) -> None:
        if day not in wanted and not (day == cfg.weeks * 7 - 1 and cfg.weeks in snapshot_weeks):
            return
        tau2 = post._tau2()
        snap: dict[str, Any] = {"week": round(day / 7, 1), "tau": [_r(np.sqrt(t)) for t in tau2],
                                "sigma": {}, "segments": {}}
        for seg in SEGMENTS:
            ctx = {"segment": seg, "engagement": "active"}
            beliefs = post.beliefs(ctx, STRATEGIES)
            probs = post.probabilities(ctx, rng=np.random.default_rng(0))
            snap["sigma"][seg] = _r(np.sqrt(post._noise(["*", f"segment={seg}"])))
            cells = post.stats.get(f"segment={seg}", {})
            rows = {}
            for j, a in enumerate(STRATEGIES):
                n, tot = (cells.get(a) or [0.0, 0.0])[:2]
                waiting = int((acted & (segment == seg) & (arms == j) & (s.day < day) & (close > day)).sum())
                rows[a] = {"n": int(n), "waiting": waiting, "raw": _r(tot / n) if n else None,
                           "belief": [_r(beliefs[a][0]), _r(beliefs[a][1])], "p": _r(probs[a], 3)}
            snap["segments"][seg] = rows
        snaps.append(snap)

    ours = run_bandit(pop, s, cfg, rewards, observe=observe)

    def gap(run_expected: np.ndarray, rows: np.ndarray) -> float:
        return float((oracle.expected - run_expected)[acted & rows].sum())

    # the truth on the learner's scale: credit per unit weight above the score, less the mean
    # partial credit of the deal's stage and band (what the learner's stage baseline removes)
    credit = np.column_stack([win_probability(pop, s, np.full(len(s.row), j))
                              + s.stage_value * advances(pop, s, np.full(len(s.row), j)) for j in range(k)])
    partial = s.stage_value * np.column_stack([advances(pop, s, np.full(len(s.row), j)) for j in range(k)]).mean(axis=1)
    stage_band = np.array([f"{pop.stage[r]}|{pop.band[r]}" for r in s.row])
    base = pop.score[s.row].copy()
    for key in np.unique(stage_band):
        base[stage_band == key] += partial[(stage_band == key) & acted].mean()
    above = credit - base[:, None]
    finite = np.where(np.isfinite(matrix), matrix, np.nan)
    truth: dict[str, Any] = {}
    cell_truth: dict[str, np.ndarray] = {}
    for seg in SEGMENTS:
        rows = acted & (segment == seg)
        means = above[rows].mean(axis=0)
        cell_truth[seg] = means
        per_decision = np.nanmean(oracle.expected[rows][:, None] - finite[rows], axis=0)
        truth[seg] = {"decisions": int(rows.sum()), "mean_weight": _r(s.weight[rows].mean(), 2),
                      "arms": {a: {"above_baseline": _r(means[j]), "regret_per_decision": _r(per_decision[j], 3)}
                               for j, a in enumerate(STRATEGIES)}}
        for eng in ("active", "quiet"):
            cell_truth[f"{seg}|{eng}"] = above[rows & (pop.engagement[s.row] == eng)].mean(axis=0)
    counts = np.array([truth[g]["decisions"] for g in SEGMENTS], dtype=float)
    seg_means = np.array([cell_truth[g] for g in SEGMENTS])
    tenant = (counts[:, None] * seg_means).sum(axis=0) / counts.sum()
    dev = seg_means - tenant
    common = seg_means.mean(axis=1, keepdims=True) - tenant.mean()
    eng_dev = [cell_truth[f"{g}|{e}"] - cell_truth[g] for g in SEGMENTS for e in ("active", "quiet")]
    tau = {"learner_end": snaps[-1]["tau"] if snaps else None,
           "truth_segment_rms": _r(np.sqrt((dev ** 2).mean())),
           "truth_segment_rms_by_arm": {a: _r(np.sqrt((dev[:, j] ** 2).mean())) for j, a in enumerate(STRATEGIES)},
           "truth_segment_common_level": {g: _r(common[i, 0]) for i, g in enumerate(SEGMENTS)},
           "truth_segment_rms_without_common_level": _r(np.sqrt(((dev - common) ** 2).mean())),
           "truth_engagement_rms": _r(np.sqrt(np.mean(np.square(eng_dev))))}
    regret: dict[str, Any] = {"total": {"ours": gap(ours.expected, np.ones_like(acted)),
                                        "uniform": gap(uniform.expected, np.ones_like(acted)),
                                        "best_single_arm": gap(best_arm.expected, np.ones_like(acted))}}
    for seg in SEGMENTS:
        in_seg = segment == seg
        by_week = {name: [_r(gap(run.expected, in_seg & (week == w)), 1) for w in range(cfg.weeks)]
                   for name, run in (("ours", ours), ("uniform", uniform), ("best_single_arm", best_arm))}
        by_arm = {}
        for j, a in enumerate(STRATEGIES):
            mine = in_seg & (ours.arms == j)
            by_arm[a] = {"decisions": [int((acted & mine & (week >= lo) & (week < hi)).sum()) for lo, hi in PERIODS],
                         "regret": [_r(gap(ours.expected, mine & (week >= lo) & (week < hi)), 1) for lo, hi in PERIODS]}
        regret[seg] = {"ours": _r(gap(ours.expected, in_seg), 1), "uniform": _r(gap(uniform.expected, in_seg), 1),
                       "best_single_arm": _r(gap(best_arm.expected, in_seg), 1), "by_week": by_week,
                       "ours_by_arm_and_period": by_arm}
    # floors: a fixed arm per segment (per allowed set), and per bandit context, chosen in hindsight
    floor: dict[str, Any] = {}
    for seg in SEGMENTS:
        rows = np.flatnonzero(acted & (segment == seg))
        cells_seg: dict[Any, list[int]] = {}
        cells_ctx: dict[Any, list[int]] = {}
        for i in rows:
            cells_seg.setdefault(s.allowed[i].tobytes(), []).append(int(i))
            cells_ctx.setdefault((pop.engagement[s.row[i]], pop.band[s.row[i]], s.allowed[i].tobytes()), []).append(int(i))
        total = oracle.expected[rows].sum()
        fin = np.where(np.isfinite(matrix), matrix, -1e9)
        floor[seg] = {"best_arm_per_segment": _r(total - sum(fin[ix].sum(axis=0).max() for ix in cells_seg.values()), 1),
                      "best_arm_per_context": _r(total - sum(fin[ix].sum(axis=0).max() for ix in cells_ctx.values()), 1)}
    delay = {seg: {f"{d}d": _r(np.mean(s.delay[acted & (segment == seg)] <= d), 3) for d in (7, 14, 28, 42)}
             for seg in SEGMENTS}
    return {"seed": cfg.seed, "bandit_seed": cfg.bandit_seed, "regret": regret, "floor": floor, "truth": truth,
            "tau": tau, "delay": delay, "holdout_share": _r(s.holdout.mean(), 3), "snapshots": snaps}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--bandit-seed", type=int, default=None)
    ap.add_argument("--weeks", type=int, default=26)
    ap.add_argument("--out", default=None)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args(argv)
    if not apply_set_options(args.set):
        return 2
    out = anatomy(SimConfig(seed=args.seed, weeks=args.weeks, bandit_seed=args.bandit_seed))
    text = json.dumps(out)
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1))
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
