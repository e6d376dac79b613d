"""Where one bandit run spent a segment's decisions, week by week, and what it believed at the end.

    python -m benchmarks.learning_segment_trace [--seed 3] [--bandit-seed N] [--segment ent]
                                                [--weeks 26] [--engagement active]

Runs our policy once on the simulation core (`learning.simulate.run_bandit`, the draws of
`agentic-sales simulate --seed S`, or of the replicate harness's `--bandit-seeds b` with
`--bandit-seed 1000*b+S`) and prints, as one JSON object: the segment's true expected reward per
decision by arm (amount-weighted, under the market's truth: for reading the run, never given to
the policy), each arm's share of the segment's decisions by week, and the final posterior's
outcomes, raw mean and belief (mean, sd) per arm in the segment.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import numpy as np

from learning import defaults
from learning.rewards import RewardConfig
from learning.simulate import STRATEGIES, SimConfig, arm_matrix, build_population, build_stream, run_bandit


def trace(cfg: SimConfig, segment: str, engagement: str) -> dict[str, Any]:
    """The run's per-week arm shares and final beliefs in `segment` (see module docstring)."""
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=defaults.STAGE_ADVANCED_VALUE)
    s = build_stream(pop, cfg, rewards)
    run = run_bandit(pop, s, cfg, rewards)
    in_seg = pop.segment[s.row] == segment
    acted = in_seg & (run.arms >= 0)
    truth = arm_matrix(pop, s)
    week = s.day // 7
    shares = [{a: round(float(np.mean(run.arms[acted & (week == w)] == j)), 3) for j, a in enumerate(STRATEGIES)}
              for w in range(cfg.weeks) if (acted & (week == w)).any()]
    assert run.posterior is not None, "run_bandit keeps its posterior for tracing"
    beliefs = run.posterior.beliefs({"segment": segment, "engagement": engagement}, STRATEGIES)
    final = {}
    for a in STRATEGIES:
        n, total = (run.posterior.stats.get(f"segment={segment}", {}).get(a) or [0.0, 0.0])[:2]
        final[a] = {"outcomes": int(n), "mean": round(total / n, 4) if n else None,
                    "belief": [round(x, 4) for x in beliefs[a]]}
    return {"seed": cfg.seed, "bandit_seed": cfg.bandit_seed, "segment": segment,
            "true_expected_reward": {a: round(float(np.nanmean(truth[in_seg, j])), 3) for j, a in enumerate(STRATEGIES)},
            "weekly_shares": shares, "final": final}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--bandit-seed", type=int, default=None)
    ap.add_argument("--segment", default="ent", choices=["smb", "mid", "ent"])
    ap.add_argument("--engagement", default="active")
    ap.add_argument("--weeks", type=int, default=26)
    args = ap.parse_args(argv)
    print(json.dumps(trace(SimConfig(seed=args.seed, weeks=args.weeks, bandit_seed=args.bandit_seed),
                           args.segment, args.engagement)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
