"""Pool OPE replicate files and print each estimator's mean error, interval and coverage.

    python -m benchmarks.learning_ope_lean benchmarks/results/learning_w23/ope_replicates_seed*_drawn_r1-8.json

Wave 23's question: adaptively weighted AIPW's errors averaged -0.014 over wave 22's replicates;
is that its reward model being fitted on earlier days only? Per estimator of
`benchmarks.learning_ope_replicates` (pooled over every arm-run of the files): the mean error
against the truth with its standard error (arm-runs treated as independent, which the arms of
one run are not: read the standard errors as a lower bound), the mean interval half-width,
coverage, and the sd of error / (half-width / 1.96) (1.0 = calibrated); then against the truth
under AW-AIPW's own weights (`weighted_truth`) and against the realised counterfactual.
"""

from __future__ import annotations

import json
import statistics as st
import sys
from typing import Any


def line(arms: list[dict[str, Any]], name: str, key: str, truth: str = "truth") -> str:
    d = [a[key]["estimate"] - a[truth] for a in arms]
    se = st.stdev(d) / len(d) ** 0.5
    hw = st.mean((a[key]["ci95"][1] - a[key]["ci95"][0]) / 2 for a in arms)
    cov = sum(a[key]["ci95"][0] <= a[truth] <= a[key]["ci95"][1] for a in arms)
    z = st.stdev([(a[key]["estimate"] - a[truth]) / ((a[key]["ci95"][1] - a[key]["ci95"][0]) / 2 / 1.96)
                  for a in arms if a[key]["ci95"][1] > a[key]["ci95"][0]])
    return (f"{name:42s} mean error {st.mean(d):+.4f} +- {se:.4f}  hw {hw:.3f}  covered {cov}/{len(arms)}  "
            f"z-sd {z:.2f}")


def main(argv: list[str] | None = None) -> int:
    files = sys.argv[1:] if argv is None else argv
    if not files:
        print("usage: python -m benchmarks.learning_ope_lean FILE [FILE ...]", file=sys.stderr)
        return 2
    runs = [r for f in files for r in json.load(open(f, encoding="utf-8"))["runs"]]
    arms = [a for r in runs for a in r["arms"]]
    print(f"{len(runs)} runs, {len(arms)} arm-runs")
    for m in ("sndr", "aw_aipw", "aw_aipw_allowed", "aw_true_q", "aw_crossfit_q", "aipw_unweighted"):
        print(line(arms, f"{m} vs truth", m))
    for m in ("aw_aipw_allowed", "aw_true_q"):
        print(line(arms, f"{m} vs weighted truth", m, "weighted_truth"))
    for m in ("aw_aipw_allowed", "aw_true_q", "sndr"):
        print(line(arms, f"{m} vs realized truth", m, "realized_truth"))
    for key in ("weighted_truth", "realized_truth"):
        d = [a[key] - a["truth"] for a in arms]
        print(f"{key} - truth: mean {st.mean(d):+.4f} +- {st.stdev(d) / len(d) ** 0.5:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
