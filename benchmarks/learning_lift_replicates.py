"""Holdout lift and OPE coverage of the full simulation over bandit seeds, for two learner settings.

    python -m benchmarks.learning_lift_replicates SEEDS OUT      # e.g. 5,6,7,8,9 results/x.json

`agentic-sales simulate --seed S` is one draw of the bandit's own choices; the holdout lift's
interval (and the OPE's) depends on what the bandit chose, so whether it excludes zero on a seed
is partly luck. This runs `learning.simulate.simulate` (with OPE and lift) for each seed with
bandit seeds 1000 x b + S, b = 1..4, once with the wave-11 learner (EMPIRICAL_PRIOR 2,
ELIGIBILITY_CONTROL 1) and once with the fixed one (both 0), two processes; writes every run to
OUT and prints, per learner, how often the lift interval excludes zero, the OPE coverage, the
mean regret ratio and the mean lower bound of the lift interval.
"""

from __future__ import annotations

import json
import sys
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from learning import defaults
from learning.simulate import SimConfig, simulate

LEARNERS = ((2.0, 1.0), (0.0, 0.0))
"""(EMPIRICAL_PRIOR, ELIGIBILITY_CONTROL): wave 11's learner, then the fixed one."""


def one(job: tuple[int, int, tuple[float, float]]) -> dict[str, Any]:
    seed, b, flags = job
    defaults.EMPIRICAL_PRIOR, defaults.ELIGIBILITY_CONTROL = flags
    r = simulate(SimConfig(seed=seed, bandit_seed=1000 * b + seed))
    hl, ope = r["holdout_lift"], r["ope"]
    cov = sum(o["ci95"][0] <= o["true_value"] <= o["ci95"][1] for o in ope)
    return {"seed": seed, "b": b, "flags": flags, "ratio": r["regret"]["ours"] / r["regret"]["uniform_random"],
            "lift": hl["estimate"], "ci": hl["ci95"], "truth": hl["true_value"], "ope": [cov, len(ope)]}


def main(argv: list[str]) -> int:
    seeds = [int(s) for s in argv[0].split(",")]
    jobs = [(s, b, f) for f in LEARNERS for s in seeds for b in (1, 2, 3, 4)]
    with Pool(2) as pool:
        out = pool.map(one, jobs)
    Path(argv[1]).write_text(json.dumps(out, indent=1))
    for f in LEARNERS:
        rows = [o for o in out if tuple(o["flags"]) == f]
        print(f, f"lift excludes 0: {sum(o['ci'][0] > 0 for o in rows)}/{len(rows)}",
              f"ope {sum(o['ope'][0] for o in rows)}/{sum(o['ope'][1] for o in rows)}",
              f"mean ratio {sum(o['ratio'] for o in rows) / len(rows):.3f}",
              f"mean lift lower bound {sum(o['ci'][0] for o in rows) / len(rows):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
