"""Does the recency-weighted calibration bias open deals' p̂ by cycle position? (issue 10)

The product path (market → Records → ``train_from_records`` → ``score_batch``) is trained twice on
the same market, once with the calibrator's recency weights (``scoring.defaults.
CALIBRATION_HALF_LIFE_DAYS``) and once without (an infinite half-life), and the open deals' mean
p̂ is compared with their mean p_true (``integrations.sandbox.market.eventual_p_win``) overall and
per cycle-position bucket. Against p_true, not the eventual outcomes: the gap then carries no
outcome noise, so a few hundred deals can tell a level bias from luck. No market run is needed.

Run: ``python -m benchmarks.scoring_market_calibration [--seed 3] [--closed 2000] [--open 600]
[--half-lives 180,1e9]`` (fast training) → ``benchmarks/results/scoring_market_calibration.json``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

import numpy as np

from benchmarks._common import write_result
from benchmarks.scoring_market_pooling import BUCKETS
from benchmarks.scoring_market_product import _loaded, _market, market_records
from integrations.sandbox.market import eventual_p_win
from scoring import defaults, score_batch
from scoring.train import train_from_records


def run(seed: int, n_closed: int, n_open: int, half_lives: list[float]) -> dict[str, Any]:
    started = time.perf_counter()
    m = _market(seed, n_closed, n_open, "confounded")
    records = market_records(m)
    closed = [r for r in records.values() if r.stage_kind != "open"]
    keys = [d.key for d in m.deals if d.is_open]
    p_true = np.array([eventual_p_win(m, k) for k in keys])
    position = np.array([(m.now - m.deals[k].created_at).total_seconds()
                         / max(((m.deals[k].decision_at_ or m.now) - m.deals[k].created_at).total_seconds(), 1.0)
                         for k in keys])
    rows = []
    saved = defaults.CALIBRATION_HALF_LIFE_DAYS
    try:
        for half_life in half_lives:
            defaults.CALIBRATION_HALF_LIFE_DAYS = half_life
            conv, meta, _ = train_from_records(closed, "conversion", fast=True)
            scores = score_batch([records[k] for k in keys], {"conversion": _loaded("conversion", conv, meta)},
                                 factors=False, as_of=m.now)
            p = np.array([scores[str(k)]["conversion"]["probability"] for k in keys])
            buckets = []
            for lo, hi in BUCKETS:
                sel = (position >= lo) & (position < hi)
                buckets.append({"position": [lo, min(hi, 1.0)], "deals": int(sel.sum()),
                                "gap_vs_true_p": float(p[sel].mean() - p_true[sel].mean())})
            rows.append({"half_life_days": half_life, "mean_p_hat": float(p.mean()),
                         "gap_vs_true_p": float(p.mean() - p_true.mean()),
                         "mean_abs_error_vs_true_p": float(np.abs(p - p_true).mean()), "by_cycle_position": buckets})
            print(f"half-life {half_life:g}: gap {rows[-1]['gap_vs_true_p']:+.3f} "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    finally:
        defaults.CALIBRATION_HALF_LIFE_DAYS = saved
    return {"seed": seed, "closed_deals": len(closed), "open_deals": len(keys), "mean_p_true": float(p_true.mean()),
            "runs": rows, "fast_training": True, "seconds": round(time.perf_counter() - started, 1),
            "load_average_after": list(os.getloadavg())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scoring_market_calibration")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--closed", type=int, default=2000)
    parser.add_argument("--open", type=int, dest="open_", default=600)
    parser.add_argument("--half-lives", default="180,1e9", help="calibration half-lives in days, comma-separated")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        half_lives = [float(x) for x in args.half_lives.split(",") if x.strip()]
    except ValueError:
        parser.exit(2, f"bad input: --half-lives wants numbers like 180,1e9, got {args.half_lives!r}\n")
    if args.closed < 100 or args.open_ < 20 or not half_lives or min(half_lives) <= 0:
        parser.exit(2, "bad input: need --closed >= 100, --open >= 20 and positive half-lives\n")
    path = write_result("scoring_market_calibration", run(args.seed, args.closed, args.open_, half_lives))
    print(path.read_text())


if __name__ == "__main__":
    main()
