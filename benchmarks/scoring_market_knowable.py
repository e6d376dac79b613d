"""How close can ANY model of the product's features get to p_true? (issue 10, the floor)

p_true (``integrations.sandbox.market.eventual_p_win``) is the eventual win probability given the
deal's hidden state now, the buyer's engagement included, which no CRM field shows. The best any
model of the product's scoring rows can do is E[p_true | x]; this estimates it by regressing
p_true itself (not the outcomes) on the open deals' product features (``record_features`` as of
the market's now: the rows ``score_batch`` feeds the model), cross-fitted (K folds: every deal's
estimate comes from a regressor that never saw it), and reports mean abs(p_true − Ê[p_true | x]).

It uses the truth only to measure: no model the product could train learns from p_true. Two checks
that the estimate is near the floor rather than a learner's shortfall: a bigger learner (deeper
trees, more rounds, early stopping inside each fold's training part) and the same learner on a
half and a quarter of each fold's training deals (if halving the data barely raises the error,
doubling it would barely lower it).

Several markets pooled (``--seeds 3,4 --pool``): each market is its own revenue team (its own
owners, skills and accounts), so the market's index is a feature and owners are read per market;
the error is reported over the pooled deals and per market.

Run: ``OMP_NUM_THREADS=1 python -m benchmarks.scoring_market_knowable --seeds 3,11 --closed 5000
--open 10000 --cache /tmp/market_w11_levers [--pool]`` (markets are cached as
``benchmarks.scoring_market_levers`` caches them) →
``benchmarks/results/scoring_market_w12/knowable_c{closed}_o{open}_s{seeds}[_pooled].json``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from scoring.features import record_features

RESULTS = Path(__file__).parent / "results" / "scoring_market_w12"

LEARNERS: dict[str, dict[str, Any]] = {
    # The product benchmark's knowable-error regressor, a little longer.
    "base": {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 15},
    # Four times the leaves, many more rounds, stopped on a validation part of each fold's training deals.
    "bigger": {"max_iter": 3000, "learning_rate": 0.02, "max_leaf_nodes": 63, "min_samples_leaf": 10,
               "early_stopping": True, "validation_fraction": 0.15, "n_iter_no_change": 60},
    # Four times again, and slower.
    "biggest": {"max_iter": 6000, "learning_rate": 0.01, "max_leaf_nodes": 255, "min_samples_leaf": 10,
                "early_stopping": True, "validation_fraction": 0.15, "n_iter_no_change": 100},
}
"""Gradient-boosting regressors fitted on p_true, by name."""

RUNS = (("base", 1.0), ("base", 0.5), ("base", 0.25), ("bigger", 1.0), ("bigger", 0.5), ("bigger", 0.25),
        ("biggest", 1.0))
"""(learner, share of each fold's training deals) pairs this module's runs measure."""

QUICK_RUNS = (("base", 1.0), ("bigger", 1.0))
"""The pairs measured beside another benchmark (the product benchmark's pooled markets)."""


MAX_CATEGORIES = 250
"""Categories a column may have to be split as categories (the regressor's limit is 255 bins)."""


def numeric_rows(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows as floats, categories as codes, unknowns as NaN; and which columns the
    regressor should split as categories (owners of 20 markets read as numbers in code order
    would need many splits to tell one rep from another)."""
    out = frame.copy()
    categorical = np.zeros(len(out.columns), dtype=bool)
    for i, col in enumerate(out.columns):
        if out[col].dtype == object or isinstance(out[col].dtype, pd.CategoricalDtype):
            codes = out[col].astype("category").cat.codes.astype(float)
            out[col] = codes.where(codes >= 0, np.nan)
            categorical[i] = codes.max() < MAX_CATEGORIES
    return out.astype(float).to_numpy(), categorical


def cross_fitted(X: np.ndarray, p_true: np.ndarray, *, learner: str = "base", folds: int = 5,
                 train_share: float = 1.0, seed: int = 0, categorical: np.ndarray | None = None) -> np.ndarray:
    """Ê[p_true | x] of every deal from a regressor fitted on the other folds (a ``train_share``
    random part of them), clipped to [0, 1]."""
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.model_selection import KFold

    if not 0 < train_share <= 1:
        raise ValueError(f"train_share must be in (0, 1], got {train_share}")
    rng = np.random.default_rng(seed)
    out = np.full(len(p_true), np.nan)
    for train, test in KFold(folds, shuffle=True, random_state=seed).split(X):
        if train_share < 1:
            train = rng.choice(train, max(int(len(train) * train_share), 20), replace=False)
        reg = HistGradientBoostingRegressor(random_state=seed, categorical_features=categorical,
                                            **LEARNERS[learner])
        out[test] = reg.fit(X[train], p_true[train]).predict(X[test])
    return np.clip(out, 0.0, 1.0)


def open_rows(raw: dict[str, Any]) -> pd.DataFrame:
    """The open deals' product features as of the market's now (what ``score_batch`` scores)."""
    return pd.DataFrame([record_features(r, as_of=raw["now"]) for r in raw["open"]])


def floors(frame: pd.DataFrame, p_true: np.ndarray, market: np.ndarray, seed: int,
           runs: tuple[tuple[str, float], ...] = QUICK_RUNS) -> dict[str, Any]:
    """Mean abs(p_true − Ê[p_true | x]) by learner and share of training deals, pooled and per market."""
    X, categorical = numeric_rows(frame)
    wide = [c for c, cat in zip(frame.columns, categorical, strict=True)
            if not cat and (frame[c].dtype == object or isinstance(frame[c].dtype, pd.CategoricalDtype))]
    out: dict[str, Any] = {"deals": len(p_true), "mean_p_true": float(p_true.mean()),
                           "sd_p_true": float(p_true.std()),
                           # A constant per market (its own median p_true): what knowing nothing buys.
                           "mean_abs_error_of_each_markets_median": float(np.mean(np.concatenate(
                               [np.abs(p_true[market == k] - np.median(p_true[market == k]))
                                for k in np.unique(market)]))),
                           "columns_split_as_categories": [c for c, cat in zip(frame.columns, categorical,
                                                                               strict=True) if cat],
                           # Over MAX_CATEGORIES: read as codes, which loses most of what they say (40
                           # pooled markets' owners were; the floor rose from 0.050 to 0.056).
                           "categorical_columns_read_as_codes": wide,
                           "runs": []}
    for learner, share in runs:
        started = time.perf_counter()
        fitted = cross_fitted(X, p_true, learner=learner, train_share=share, seed=seed, categorical=categorical)
        err = np.abs(fitted - p_true)
        out["runs"].append({"learner": learner, "train_share": share,
                            "training_deals_per_fold": int(len(p_true) * 0.8 * share),
                            "mean_abs_error": float(err.mean()),
                            "per_market": {str(k): float(err[market == k].mean()) for k in np.unique(market)},
                            "seconds": round(time.perf_counter() - started, 1)})
        print(json.dumps(out["runs"][-1]), file=sys.stderr, flush=True)
    return out


def load_market(seed: int, n_closed: int, n_open: int, cache: Path) -> dict[str, Any]:
    """One market's Records, p_true and outcomes, from ``scoring_market_levers``' cache (built if missing)."""
    from benchmarks.scoring_market_levers import _market_records_and_outcomes

    path = cache / f"records_s{seed}_c{n_closed}_o{n_open}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    raw = _market_records_and_outcomes(seed, n_closed, n_open)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(raw))
    return raw


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scoring_market_knowable")
    parser.add_argument("--seeds", default="3,11")
    parser.add_argument("--closed", type=int, default=5000)
    parser.add_argument("--open", type=int, dest="open_", default=10000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/scoring_market_levers"))
    parser.add_argument("--runs", default=None,
                        help="learner:share pairs, comma-separated (default: every pair of RUNS), e.g. bigger:1,bigger:0.5")
    parser.add_argument("--pool", action="store_true", help="one cross-fit over every seed's deals (market as a feature)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    seeds = [int(s) for s in args.seeds.split(",") if s]
    try:
        runs = RUNS if args.runs is None else tuple(
            (name, float(share)) for name, share in (pair.split(":") for pair in args.runs.split(",") if pair))
    except ValueError:
        parser.exit(2, f"bad input: --runs wants learner:share pairs like bigger:1,bigger:0.5, got {args.runs!r}\n")
    if any(name not in LEARNERS or not 0 < share <= 1 for name, share in runs):
        parser.exit(2, f"bad input: learners are {', '.join(LEARNERS)}, shares in (0, 1]\n")
    started = time.perf_counter()
    frames, truths, markets = [], [], []
    for seed in seeds:
        raw = load_market(seed, args.closed, args.open_, args.cache)
        frame = open_rows(raw)
        if args.pool:  # owners are people of one revenue team: "owner 5" of two markets is two people
            frame["owner"] = f"{seed}:" + frame["owner"].astype(str)
            frame["market"] = str(seed)
        frames.append(frame)
        truths.append(np.asarray(raw["p_true"], dtype=float))
        markets.append(np.full(len(frame), seed))
        print(f"market s{seed}: {len(frame)} open deals ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.pool:
        groups = [(pd.concat(frames, ignore_index=True), np.concatenate(truths), np.concatenate(markets))]
    else:
        groups = list(zip(frames, truths, markets, strict=True))
    result = {"closed": args.closed, "open": args.open_, "seeds": seeds, "pooled": args.pool,
              "learners": LEARNERS,
              "results": [floors(f, p, k, seed=seeds[0], runs=runs) for f, p, k in groups],
              "seconds": round(time.perf_counter() - started, 1), "load_average_after": list(os.getloadavg())}
    RESULTS.mkdir(parents=True, exist_ok=True)
    contiguous = seeds == list(range(seeds[0], seeds[0] + len(seeds)))
    span = f"{seeds[0]}-{seeds[-1]}" if contiguous and len(seeds) > 2 else "_".join(map(str, seeds))
    name = f"knowable_c{args.closed}_o{args.open_}_s{span}{'_pooled' if args.pool else ''}"
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=1) + "\n")
    print(path.read_text())


if __name__ == "__main__":
    main()
