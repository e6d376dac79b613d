"""Levers on conversion's calibration and |p̂ − p_true|, measured on the product's own rows.

One market per seed (as ``benchmarks.scoring_market_product`` builds it: records → the training
frame ``records_to_frame`` makes → open deals' features as of the market's now → outcomes after
the market runs) is cached under ``--cache`` so that each variant of the conversion model costs
one training, not a market. Each variant is fitted on every training row (as the product's final
model is) and scored on the open deals: ECE against the eventual outcomes, mean |p̂ − p_true|,
mean p̂ against the win rate, and the same per cycle-position bucket.

Variants are chosen on seeds that are not the ones reported in scoring/README.md (tuning seeds
11 and 12; reported runs are full product runs on other seeds).

Run: ``OMP_NUM_THREADS=1 python -m benchmarks.scoring_market_levers --seed 11 --variants product,no_recency``
(``--closed 2500,5000,10000,20000`` gives a learning curve; ``additive`` is the product
benchmark's gradient-boosted stumps on the same rows, cheap enough for 20,000 closed deals;
``without:a+b`` is the product without features ``a`` and ``b``; ``--evidence a,b`` also prints
the training rows' and the open deals' quantiles of those features, and mean p̂ against mean p_true
by decile of each and of the book's density around each open deal).
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

from benchmarks.scoring_market_pooling import BUCKETS
from benchmarks.scoring_market_product import _market, market_records
from integrations.sandbox.market import eventual_p_win
from scoring import defaults
from scoring.features import record_features
from scoring.metrics import expected_calibration_error
from scoring.models._calibration import roc_auc_safe
from scoring.train import records_to_frame


def market_cache(seed: int, n_closed: int, n_open: int, cache: Path) -> dict[str, Any]:
    """Training frame, open deals' features, p_true, outcomes and cycle positions of one market.

    The market's Records are cached (not its feature rows), so the rows are rebuilt with the
    features of the checked-out code: a feature variant costs one training, not a market.
    """
    path = cache / f"records_s{seed}_c{n_closed}_o{n_open}.pkl"
    if path.exists():
        raw = pickle.loads(path.read_bytes())
    else:
        raw = _market_records_and_outcomes(seed, n_closed, n_open)
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(raw))
    frame, target, _ = records_to_frame(raw["closed"], "conversion")
    Xo = pd.DataFrame([record_features(r, as_of=raw["now"]) for r in raw["open"]])
    return {"frame": frame, "target": target, "Xo": Xo} | {
        k: raw[k] for k in ("position", "p_true", "won", "open_sharing")}


def _market_records_and_outcomes(seed: int, n_closed: int, n_open: int) -> dict[str, Any]:
    started = time.perf_counter()
    m = _market(seed, n_closed, n_open, "confounded")
    records = market_records(m)
    closed = [r for r in records.values() if r.stage_kind != "open"]
    open_keys = [d.key for d in m.deals if d.is_open]
    position = np.array([
        (m.now - m.deals[k].created_at).total_seconds()
        / max(((m.deals[k].decision_at_ or m.now) - m.deals[k].created_at).total_seconds(), 1.0) for k in open_keys])
    p_true = np.array([eventual_p_win(m, k) for k in open_keys])
    # The book's density around each open deal: other open deals sharing one of its contacts.
    on: dict[int, set[int]] = {}
    for k in open_keys:
        for c in m.deals[k].contacts:
            on.setdefault(c, set()).add(k)
    sharing = np.array([len({j for c in m.deals[k].contacts for j in on[c]} - {k}) for k in open_keys])
    now = m.now
    days = int(max(((m.deals[k].decision_at_ or m.now) - m.now).days for k in open_keys)) + 2
    m.config.new_deals_per_day = 0.0
    m.advance(days)
    won = np.array([int(m.deals[k].stage == "closedwon") for k in open_keys])
    print(f"cached market s{seed} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return {"closed": closed, "open": [records[k] for k in open_keys], "now": now, "position": position,
            "p_true": p_true, "won": won, "open_sharing": sharing}


def density_evidence(p_hat: np.ndarray, data: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    """Where the open book leaves the history: the open deals' features against the training rows'
    (quantiles), and mean p̂ against mean p_true and the win rate by decile of the book's density
    around each open deal (other open deals sharing a contact) and of each named feature."""
    frame, Xo = data["frame"], data["Xo"]
    out: dict[str, Any] = {"quantiles_training_vs_open": {}, "by_decile": {}}
    qs = [0.1, 0.5, 0.9, 0.99]
    for col in columns:
        if col in frame and col in Xo:
            out["quantiles_training_vs_open"][col] = {
                "q": qs, "training": [round(float(v), 1) for v in frame[col].astype(float).quantile(qs)],
                "open": [round(float(v), 1) for v in Xo[col].astype(float).quantile(qs)]}
    keys = {"open_deals_sharing_a_contact": data["open_sharing"].astype(float)} | {
        col: Xo[col].astype(float).to_numpy() for col in columns if col in Xo}
    for name, values in keys.items():
        ranks = pd.Series(values).rank(method="first", pct=True).to_numpy()
        rows = []
        for k in range(10):
            sel = (ranks > k / 10) & (ranks <= (k + 1) / 10)
            rows.append({"median": round(float(np.nanmedian(values[sel])), 1),
                         "p_hat": round(float(p_hat[sel].mean()), 3),
                         "p_true": round(float(data["p_true"][sel].mean()), 3),
                         "win_rate": round(float(data["won"][sel].mean()), 3)})
        out["by_decile"][name] = rows
    return out


def evaluate(p_hat: np.ndarray, data: dict[str, Any]) -> dict[str, Any]:
    won, p_true, position = data["won"], data["p_true"], data["position"]
    buckets = []
    for lo, hi in BUCKETS:
        sel = (position >= lo) & (position < hi)
        buckets.append(round(float(p_hat[sel].mean() - won[sel].mean()), 4))
    return {"ece": round(expected_calibration_error(won, p_hat, 15), 4),
            "mae_vs_p_true": round(float(np.abs(p_hat - p_true).mean()), 4),
            "auc": round(roc_auc_safe(won, p_hat), 4), "mean_p_hat": round(float(p_hat.mean()), 4),
            "win_rate": round(float(won.mean()), 4), "mean_p_true": round(float(p_true.mean()), 4),
            "bucket_gaps": buckets}


def fit_variant(name: str, data: dict[str, Any], seed: int) -> np.ndarray:
    """P(win) of the open deals from the named variant of the conversion model."""
    from scoring.train import _make

    frame, target = data["frame"], data["target"]
    X = frame.drop(columns=[target, "__time__", "__group__"])
    y = frame[target].astype(int).to_numpy()
    groups, times = frame["__group__"].to_numpy(), frame["__time__"].to_numpy()
    from scoring._columns import infer_column_types
    from scoring.train import dates_to_durations

    X, types, _ = dates_to_durations(X, infer_column_types(X), frame["__time__"])
    if name == "additive":
        return _additive(X, y, data["Xo"].reindex(columns=X.columns), types, seed)
    if name == "bag3":  # the whole model (calibrator included) at three random states, averaged
        return np.mean([_make("conversion", types, None, 0.3, seed + 1000 * k, False).fit(
            X, y, groups=groups, times=times).predict_proba(data["Xo"].reindex(columns=X.columns))[:, 1]
            for k in range(3)], axis=0)
    if name.startswith("without:"):  # the product without these features (``without:a+b``)
        dropped = name.split(":", 1)[1].split("+")
        X = X.drop(columns=[c for c in dropped if c in X])
        types = {k: v for k, v in types.items() if k in X}
        name = "product"
    model = _make("conversion", types, None, 0.3, seed, False)
    for key, value in VARIANTS[name].items():
        setattr(model, key, value)
    model.fit(X, y, groups=groups, times=times)
    cv = model.cv_report_
    print(json.dumps({"variant": name, "net_alpha": cv.get("net_alpha"), "gb": cv.get("gradient_boosting_setting"),
                      "weights": [cv.get("chosen_gb_weight"), cv.get("chosen_lr_weight")],
                      "drift": getattr(model.calibrator_, "drift_", None)}), file=sys.stderr, flush=True)
    return model.predict_proba(data["Xo"].reindex(columns=X.columns))[:, 1]


def _additive(X: pd.DataFrame, y: np.ndarray, Xo: pd.DataFrame, types: dict[str, str], seed: int) -> np.ndarray:
    """The product benchmark's additive reference (gradient-boosted stumps, fixed setting) on the
    product's encoding of the same rows: a cheap learner for the learning curve's large books."""
    from benchmarks.scoring_market_product import _additive_reference
    from scoring._encoder import TabularEncoder

    enc = TabularEncoder(column_types=types, scale=True, log_skewed=True).fit(X)
    return _additive_reference(enc.transform(X), y, enc.transform(Xo), seed)


VARIANTS: dict[str, dict[str, Any]] = {
    "product": {}, "drift": {"calibrate_drift": True}, "no_drift": {"calibrate_drift": False}, "log_loss_blend": {"blend_criterion": "log_loss"},
    "additive": {}, "bag3": {}, "net_bag3": {"net_bag": 3},
    "stumps_partner": {"gb_grid": (*(g for g in defaults.GB_PARTNER_GRID if g != defaults.GB_PARTNER_STUMPS),
                                   defaults.GB_PARTNER_STUMPS)}}
"""Attribute overrides of the product's ConversionClassifier, by name."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scoring_market_levers")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--closed", default="5000", help="closed deals, comma-separated (a learning curve)")
    parser.add_argument("--open", type=int, dest="open_", default=10000)
    parser.add_argument("--variants", default="product")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/scoring_market_levers"))
    parser.add_argument("--evidence", default=None,
                        help="feature columns, comma-separated: also print where the open book leaves the history")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    for n_closed in [int(x) for x in args.closed.split(",")]:
        data = market_cache(args.seed, n_closed, args.open_, args.cache)
        for name in args.variants.split(","):
            started = time.perf_counter()
            p_hat = fit_variant(name, data, args.seed)
            row = {"seed": args.seed, "closed": n_closed, "variant": name} | evaluate(p_hat, data) | {
                "seconds": round(time.perf_counter() - started), "load": os.getloadavg()[0]}
            print(json.dumps(row), flush=True)
            if args.evidence:
                cols = [c for c in args.evidence.split(",") if c]
                print(json.dumps({"variant": name, "evidence": density_evidence(p_hat, data, cols)}), flush=True)


if __name__ == "__main__":
    main()
