"""Learning loop against the market's truth: regret, OPE coverage and holdout lift over seeds.

    python -m benchmarks.learning_simulate [--seeds 0,1,2,3,4] [--weeks 26] [--deals-per-week N]
                                           [--set NAME=VALUE ...] [--drawn-effects]

Runs `learning.simulate.simulate` for each seed with the strategy effects on, then with
`--null-effects`, and writes benchmarks/results/learning_simulate.json (every run's summary plus
the aggregates learning/README.md quotes). `--set` overrides a number of learning/defaults.py
(as in benchmarks/learning_replicates.py): the OPE coverage and lift check of a candidate
setting. `--drawn-effects`: each seed's market with its own drawn strategy-effect table
(integrations/sandbox/market/_effects.py; the null runs stay null). Progress on stderr; the aggregate JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.learning_replicates import apply_set_options
from learning.simulate import SimConfig, simulate, stderr_progress

OUT = Path(__file__).resolve().parent / "results" / "learning_simulate.json"


def _coverage(ope: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """Arms whose interval `key` (e.g. `dr_ci95`) covers the true value, among those that have one."""
    rows = [o for o in ope if key in o]
    covered = int(sum(o[key][0] <= o["true_value"] <= o[key][1] for o in rows))
    return {"covered": covered, "arms": len(rows), "share": covered / len(rows) if rows else None}


def aggregate(runs: list[dict[str, Any]], null_runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The acceptance numbers: regret ratios, OPE coverage, lift intervals."""
    ratio = [r["regret"]["ours"] / r["regret"]["uniform_random"] for r in runs]
    best = [r["regret"]["best_single_arm"] / r["regret"]["uniform_random"] for r in runs]
    ope = [o for r in runs for o in r["ope"]]
    covered = sum(o["ci95"][0] <= o["true_value"] <= o["ci95"][1] for o in ope)
    return {
        "seeds": [r["seed"] for r in runs],
        "regret_ratio_ours_vs_uniform": ratio,
        "regret_ratio_best_single_arm_vs_uniform": best,
        "ours_below_best_single_arm": [r["regret"]["ours"] < r["regret"]["best_single_arm"] for r in runs],
        "ope_coverage": {"covered": covered, "arms": len(ope), "share": covered / len(ope) if ope else None},
        "ope_coverage_by_method": {m: _coverage(ope, f"{m}_ci95") for m in ("sndr", "dr")},
        "holdout_lift_excludes_zero": [r["holdout_lift"]["ci95"][0] > 0 for r in runs],
        "null_holdout_lift_includes_zero": [r["holdout_lift"]["ci95"][0] <= 0 <= r["holdout_lift"]["ci95"][1]
                                            for r in null_runs],
        "seconds_max": max((r["seconds"] for r in [*runs, *null_runs]), default=None),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0,1,2,3,4")
    ap.add_argument("--weeks", type=int, default=26)
    ap.add_argument("--deals-per-week", type=int, default=None)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--drawn-effects", action="store_true", help="a strategy-effect table drawn per seed")
    ap.add_argument("--no-null", action="store_true",
                    help="skip the null-effects runs (they check the lift only; an OPE batch does not need them)")
    args = ap.parse_args(argv)
    if not apply_set_options(args.set):
        return 2
    try:
        seeds = [int(s) for s in args.seeds.split(",")]
    except ValueError:
        print("error: --seeds must be a comma-separated list of integers", file=sys.stderr)
        return 2
    kw: dict[str, Any] = {"weeks": args.weeks}
    drawn: dict[str, Any] = {"drawn_effects": True} if args.drawn_effects else {}
    if args.deals_per_week:
        kw["deals_per_week"] = args.deals_per_week
    t0 = time.perf_counter()
    runs, null_runs = [], []
    for seed in seeds:
        stderr_progress(f"seed {seed}: strategy effects on")
        runs.append(simulate(SimConfig(seed=seed, **kw, **drawn), stderr_progress))
        if not args.no_null:
            stderr_progress(f"seed {seed}: null effects")
            null_runs.append(simulate(SimConfig(seed=seed, null_effects=True, **kw), stderr_progress))
    summary = aggregate(runs, null_runs)
    result = {"config": {**kw, **drawn, "seeds": seeds, "overrides": args.set, "no_null": args.no_null}, "aggregate": summary, "runs": runs,
              "null_runs": null_runs, "seconds": round(time.perf_counter() - t0, 1)}
    Path(args.out).write_text(json.dumps(result, indent=1))
    print(json.dumps({"out": args.out, **summary}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
