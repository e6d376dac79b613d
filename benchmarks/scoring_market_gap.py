"""Where does the product's mean |p̂ − p_true| above the floor come from? (issue 10, wave 13)

The floor (``benchmarks.scoring_market_knowable``) fits p_true itself on the open deals' product
features; the product learns from 0/1 outcomes of ~5,000 closed deals described as of points of
their life, and blends a net with a gradient-boosting partner. Three differences, measured apart:

- **no shift, label noise** (``curve``): the floor's "bigger" learner (same settings, as a
  classifier) fitted on Bernoulli(p_true) draws of the OPEN deals' own rows, cross-fitted, at n
  training rows. Against the floor (the same learner on p_true at the same rows: ``floor``) this is
  the cost of learning from outcomes at n; at the product's n it is what any learner of these
  features pays with no shift.
- **shift + noise, no blend** (``shifted``): the same learner trained on each market's product
  training rows (closed deals' snapshots, eventual outcomes: ``records_to_frame``) and scored on
  that market's open rows as of now, as the product is. ``one_per_deal``: one snapshot per deal
  (drawn at random) instead of all, the same rows otherwise (correlated rows vs independent ones).
- the product's own figure (``benchmarks.scoring_market_product --markets``) is the third term.

``--parts within`` does the first two for each market on its own, as the product learns (the curve
``curve`` pools markets, spreading its rows over every market's owners): the floor and the no-shift
curve cross-fitted on the market's own open rows, and the plain learner on the snapshots of n of
its closed deals, at matching n. ``--open 10000`` (5,000+ open rows in one market) reaches the
product's 5,000 deals without shift; ``--closed 20000 --open 4000`` (the default's ratios) gives the
shifted curve beyond the default history.

The truth is used only to measure (and, in ``curve``, to draw outcomes the market could have
drawn): nothing here is a model the product could train.

Run: ``OMP_NUM_THREADS=1 python -m benchmarks.scoring_market_gap --parts within --seeds 3-12 --sizes
400,800 --deal-sizes 800,2500,all`` (the commands of wave 13: scoring/README.md) →
``benchmarks/results/scoring_market_w13/gap_*.json``.
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

from benchmarks.scoring_market_knowable import LEARNERS, load_market, numeric_rows, open_rows

RESULTS = Path(__file__).parent / "results" / "scoring_market_w13"

VALIDATION_SHARE = 0.15
"""Share of the training GROUPS (deals) held out for early stopping, as the floor's learner holds out rows."""


def plain_settings(learner: str = "bigger") -> dict[str, Any]:
    """The floor's learner without its own validation split (ours keeps a deal's snapshots together)."""
    return {k: v for k, v in LEARNERS[learner].items() if k not in ("validation_fraction",)}


def group_validation_split(groups: np.ndarray, share: float, rng: np.random.Generator) -> np.ndarray:
    """A mask of rows whose group is among a random ``share`` of the groups (at least one group
    on each side): a deal's snapshots are never split between fitting and early stopping, which
    would stop late on rows the learner has nearly seen."""
    if not 0 < share < 1:
        raise ValueError(f"share must be in (0, 1), got {share}")
    unique = np.unique(groups)
    if len(unique) < 2:
        raise ValueError("need at least two groups to hold some out")
    k = min(max(int(round(len(unique) * share)), 1), len(unique) - 1)
    return np.isin(groups, rng.choice(unique, k, replace=False))


def one_row_per_group(groups: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Indices of one row drawn at random from each group (each deal's snapshots → one of them)."""
    order = rng.permutation(len(groups))
    _, first = np.unique(groups[order], return_index=True)
    return np.sort(order[first])


OUTCOME_GRID: dict[str, dict[str, Any]] = {
    "bigger": {},
    "leaves15": {"max_leaf_nodes": 15, "min_samples_leaf": 20, "learning_rate": 0.05},
    "leaves4": {"max_leaf_nodes": 4, "min_samples_leaf": 50, "learning_rate": 0.05, "l2_regularization": 1.0},
    "stumps": {"max_leaf_nodes": 2, "min_samples_leaf": 20, "learning_rate": 0.05, "l2_regularization": 1.0},
}
"""Overrides of the floor's "bigger" learner tried when learning from outcomes, chosen by the held-out
deals' log loss: the floor's settings were chosen for noiseless p_true, and on 1,000 noisy outcomes
they stop before they have learnt much (a plain learner should be fairly tuned, not handicapped)."""


def fit_plain(X: np.ndarray, y: np.ndarray, groups: np.ndarray, categorical: np.ndarray, seed: int,
              learner: str = "bigger", regress: bool = False) -> Any:
    """The floor's learner on (X, y), early-stopped on a held-out share of the groups; from outcomes
    (not ``regress``), the setting of ``OUTCOME_GRID`` with the lowest held-out log loss."""
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.metrics import log_loss

    rng = np.random.default_rng(seed)
    val = group_validation_split(groups, VALIDATION_SHARE, rng)
    settings = plain_settings(learner) | {"random_state": seed, "categorical_features": categorical}
    if regress:
        return HistGradientBoostingRegressor(**settings).fit(X[~val], y[~val], X_val=X[val], y_val=y[val])
    best, best_loss = None, np.inf
    for name, override in OUTCOME_GRID.items():
        model = HistGradientBoostingClassifier(**(settings | override)).fit(X[~val], y[~val], X_val=X[val],
                                                                          y_val=y[val])
        loss = log_loss(y[val], model.predict_proba(X[val])[:, 1], labels=[0, 1])
        if loss < best_loss:
            best, best_loss = model, loss
            best.setting_ = name
    return best


def predict(model: Any, X: np.ndarray) -> np.ndarray:
    if hasattr(model, "predict_proba"):
        return np.asarray(model.predict_proba(X)[:, 1])
    return np.clip(model.predict(X), 0.0, 1.0)


def cross_fitted_at(X: np.ndarray, target: np.ndarray, categorical: np.ndarray, n: int | None, seed: int,
                    regress: bool, folds: int = 5) -> np.ndarray:
    """Every row's estimate from the learner fitted on n rows drawn from the other folds (all of them if None)."""
    from sklearn.model_selection import KFold

    rng = np.random.default_rng(seed)
    out = np.full(len(target), np.nan)
    for train, test in KFold(folds, shuffle=True, random_state=seed).split(X):
        if n is not None and n < len(train):
            train = rng.choice(train, n, replace=False)
        model = fit_plain(X[train], target[train], train, categorical, seed, regress=regress)
        out[test] = predict(model, X[test])
    return out


def mean_abs(p_hat: np.ndarray, p_true: np.ndarray, mask: np.ndarray | None = None) -> float:
    err = np.abs(p_hat - p_true)
    return float(err[mask].mean() if mask is not None else err.mean())


def decompose(floor: float, no_shift: float, shifted: float, product: float) -> dict[str, float]:
    """The product's gap to the floor as three consecutive differences (they sum to the gap):
    (a) outcomes instead of p_true at the product's sample size, no shift; (b) the training rows'
    shift (closed snapshots, eventual outcomes → open deals now); (c) the product's learner
    against the plain one on the same rows."""
    return {"a_label_noise_and_size": no_shift - floor, "b_shift": shifted - no_shift,
            "c_learner": product - shifted, "gap": product - floor}


def summarise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mean abs error by (labels, shift, training deals) over markets and draws, with the spread
    of the draws' per-market figures: one fit on noisy outcomes moves by ~0.01-0.03 with its random
    state (early-stopping split, grid choice), so single fits are not compared."""
    keyed: dict[tuple[str, bool, int | str], list[float]] = {}
    for r in rows:  # training_deals "all": each market's own count of closed deals (~4,930 of 5,000)
        keyed.setdefault((r["labels"], r["shift"], r["training_deals"]), []).append(r["mean_abs_error"])
    return [{"labels": k[0], "shift": k[1], "training_deals": k[2], "fits": len(v), "mean_abs_error": float(np.mean(v)),
             "min": float(np.min(v)), "max": float(np.max(v))} for k, v in keyed.items()]


def parse_seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        if "-" in part:
            lo, hi = part.split("-")
            out.extend(range(int(lo), int(hi) + 1))
        elif part:
            out.append(int(part))
    return out


def market_rows(seed: int, cache: Path, rows_cache: Path, with_training: bool, n_open: int = 1000,
                n_closed: int = 5000) -> dict[str, Any]:
    """One market's open rows and p_true, and (``with_training``) its product training rows."""
    name = f"rows_s{seed}" + ("" if n_open == 1000 else f"_o{n_open}") + ("" if n_closed == 5000 else f"_c{n_closed}")
    path = rows_cache / f"{name}{'_t' if with_training else ''}.pkl"
    for have in (rows_cache / f"{name}_t.pkl", path):  # rows with training rows serve both
        if have.exists():
            return pickle.loads(have.read_bytes())
    raw = load_market(seed, n_closed, n_open, cache)
    out: dict[str, Any] = {"open": open_rows(raw), "p_true": np.asarray(raw["p_true"], float)}
    if with_training:
        from scoring.train import records_to_frame

        frame, target, _ = records_to_frame(raw["closed"], "conversion")
        out |= {"train": frame.drop(columns=[target, "__time__", "__group__"]),
                "y": frame[target].astype(int).to_numpy(), "groups": frame["__group__"].astype(str).to_numpy()}
    rows_cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def _encode(frames: list[pd.DataFrame], seeds: list[int], pooled: bool) -> tuple[list[np.ndarray], np.ndarray]:
    """One encoding for all frames (the same category codes in training and scored rows)."""
    tagged = []
    for frame, seed in zip(frames, seeds, strict=True):
        if pooled:  # owners are people of one revenue team: "owner 5" of two markets is two people
            frame = frame.assign(owner=f"{seed}:" + frame["owner"].astype(str), market=str(seed))
        tagged.append(frame)
    both = pd.concat(tagged, ignore_index=True)
    X, categorical = numeric_rows(both)
    cuts = np.cumsum([len(f) for f in frames])[:-1]
    return list(np.split(X, cuts)), categorical


def curve(markets: dict[int, dict[str, Any]], report: list[int], sizes: list[int | None], draws: int,
          log: Any) -> dict[str, Any]:
    """Floor (p_true labels) and no-shift outcome learning (Bernoulli(p_true) labels) at each n."""
    seeds = sorted(markets)
    parts, categorical = _encode([markets[s]["open"] for s in seeds], seeds, pooled=True)
    X = np.vstack(parts)
    p_true = np.concatenate([markets[s]["p_true"] for s in seeds])
    market = np.concatenate([np.full(len(markets[s]["p_true"]), s) for s in seeds])
    mask = np.isin(market, report)
    rows = []
    for n in sizes:
        for kind in ("floor", "outcomes"):
            for draw in range(1 if kind == "floor" else draws):
                started = time.perf_counter()
                rng = np.random.default_rng(1000 + draw)
                target = p_true if kind == "floor" else rng.binomial(1, p_true).astype(float)
                fitted = cross_fitted_at(X, target, categorical, n, seed=draw, regress=kind == "floor")
                rows.append({"labels": "p_true" if kind == "floor" else "bernoulli(p_true)", "draw": draw,
                             "training_rows": n or int(len(X) * 0.8),
                             "mean_abs_error_all": mean_abs(fitted, p_true),
                             "mean_abs_error_report_seeds": mean_abs(fitted, p_true, mask),
                             "seconds": round(time.perf_counter() - started, 1), "load": os.getloadavg()[0]})
                print(json.dumps(rows[-1]), file=log, flush=True)
    return {"deals": len(X), "markets": seeds, "report_seeds": report, "rows": rows}


def shifted(markets: dict[int, dict[str, Any]], log: Any) -> dict[str, Any]:
    """Per market: the plain learner on the product's training rows (all snapshots; one per deal),
    scored on the market's open rows as of now."""
    out = []
    for seed in sorted(markets):
        m = markets[seed]
        cols = list(m["train"].columns)
        (Xt, Xo), categorical = _encode([m["train"], m["open"].reindex(columns=cols)], [seed, seed], pooled=False)
        row: dict[str, Any] = {"seed": seed, "training_rows": len(Xt), "deals": int(len(np.unique(m["groups"])))}
        for variant in ("all_snapshots", "one_per_deal"):
            started = time.perf_counter()
            idx = (np.arange(len(Xt)) if variant == "all_snapshots"
                   else one_row_per_group(m["groups"], np.random.default_rng(seed)))
            model = fit_plain(Xt[idx], m["y"][idx], m["groups"][idx], categorical, seed)
            row[variant] = {"mean_abs_error": mean_abs(predict(model, Xo), m["p_true"]),
                            "rounds": int(model.n_iter_), "setting": model.setting_, "seconds": round(time.perf_counter() - started, 1)}
        print(json.dumps(row), file=log, flush=True)
        out.append(row)
    return {"per_market": out,
            "mean_all_snapshots": float(np.mean([r["all_snapshots"]["mean_abs_error"] for r in out])),
            "mean_one_per_deal": float(np.mean([r["one_per_deal"]["mean_abs_error"] for r in out]))}


def within(markets: dict[int, dict[str, Any]], sizes: list[int], deal_sizes: list[int | None], draws: int,
           log: Any) -> dict[str, Any]:
    """Each market on its own, as the product learns: the floor and the no-shift outcome curve on
    the market's open rows (cross-fitted, n of them), and the plain learner on the snapshots of n
    of its closed deals scored on the same open rows (shift + noise), at matching n."""
    out = []
    for seed in sorted(markets):
        m = markets[seed]
        cols = list(m["train"].columns)
        (Xt, Xo), categorical = _encode([m["train"], m["open"].reindex(columns=cols)], [seed, seed], pooled=False)
        p_true = m["p_true"]
        row: dict[str, Any] = {"seed": seed, "open_deals": len(Xo), "rows": []}
        for n in sizes:
            if n > int(len(Xo) * 0.8):
                continue
            for kind in ("floor", "outcomes"):
                for draw in range(1 if kind == "floor" else draws):
                    rng = np.random.default_rng(1000 + draw)
                    target = p_true if kind == "floor" else rng.binomial(1, p_true).astype(float)
                    fitted = cross_fitted_at(Xo, target, categorical, n, seed=draw, regress=kind == "floor")
                    row["rows"].append({"labels": "p_true" if kind == "floor" else "bernoulli(p_true)",
                                        "draw": draw, "training_deals": n, "shift": False,
                                        "mean_abs_error": mean_abs(fitted, p_true)})
                    print(json.dumps({"seed": seed} | row["rows"][-1]), file=log, flush=True)
        deals = np.unique(m["groups"])
        for n_deals in deal_sizes:
            for draw in range(1 if n_deals is None else draws):
                rng = np.random.default_rng(2000 + draw)
                chosen = deals if n_deals is None else rng.choice(deals, min(n_deals, len(deals)), replace=False)
                idx = np.flatnonzero(np.isin(m["groups"], chosen))
                model = fit_plain(Xt[idx], m["y"][idx], m["groups"][idx], categorical, draw)
                row["rows"].append({"labels": "eventual outcomes of closed snapshots", "draw": draw,
                                    "training_deals": "all" if n_deals is None else len(chosen),
                                    "deals": len(chosen), "training_rows": len(idx), "shift": True,
                                    "setting": model.setting_,
                                    "mean_abs_error": mean_abs(predict(model, Xo), p_true)})
                print(json.dumps({"seed": seed} | row["rows"][-1]), file=log, flush=True)
        out.append(row)
    return {"summary": summarise([r for m in out for r in m["rows"]]), "per_market": out}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scoring_market_gap")
    parser.add_argument("--seeds", default="3-32", help="markets pooled for the no-shift curve")
    parser.add_argument("--report-seeds", default="3-12", help="markets of the product's pooled run")
    parser.add_argument("--sizes", default="1000,2500,5000,10000,all", help="training rows of the curve")
    parser.add_argument("--draws", type=int, default=2, help="outcome draws per size")
    parser.add_argument("--parts", default="shifted,curve", help="shifted, curve (pooled), within (per market)")
    parser.add_argument("--open", type=int, dest="open_", default=1000, help="open deals of the cached markets")
    parser.add_argument("--closed", type=int, default=5000, help="closed deals of the cached markets (within)")
    parser.add_argument("--deal-sizes", default="800,2500,all",
                        help="within: closed deals whose snapshots train the plain learner")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/market_w12_cache"))
    parser.add_argument("--rows-cache", type=Path, default=Path("/tmp/market_w13_rows"))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    seeds, report = parse_seeds(args.seeds), parse_seeds(args.report_seeds)
    sizes = [None if s == "all" else int(s) for s in args.sizes.split(",") if s]
    parts = set(args.parts.split(","))
    started, load_before = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), list(os.getloadavg())
    result: dict[str, Any] = {"started_at": started, "load_average_before": load_before, "learner": "bigger",
                              "settings": plain_settings(), "validation_share_of_deals": VALIDATION_SHARE}
    if "shifted" in parts:
        result["shifted"] = shifted({s: market_rows(s, args.cache, args.rows_cache, True, args.open_) for s in report},
                                    sys.stderr)
    if "curve" in parts:
        result["curve"] = curve({s: market_rows(s, args.cache, args.rows_cache, False, args.open_) for s in seeds},
                                report,
                                sizes, args.draws, sys.stderr)
    if "within" in parts:
        deal_sizes = [None if x == "all" else int(x) for x in args.deal_sizes.split(",") if x]
        result["within"] = within({s: market_rows(s, args.cache, args.rows_cache, True, args.open_, args.closed)
                                   for s in seeds},
                                  [x for x in sizes if x is not None], deal_sizes, args.draws, sys.stderr)
    result["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    result["load_average_after"] = list(os.getloadavg())
    RESULTS.mkdir(parents=True, exist_ok=True)
    span = args.seeds.replace(",", "_")
    path = RESULTS / f"gap_{'_'.join(sorted(parts))}_c{args.closed}_o{args.open_}_s{span}.json"
    path.write_text(json.dumps(result, indent=1) + "\n")
    print(path)


if __name__ == "__main__":
    main()
