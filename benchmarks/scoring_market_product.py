"""The market through the product path: history as canonical Records → training → open deals
scored mid-cycle → compared with their eventual outcomes and the truth.

Steps (one run, one seed):

1. A simulated market (``integrations.sandbox.market``) with a confounded discount history
   (reps discount the deals they fear losing; a quarter of reps randomise).
2. Every deal becomes the canonical ``Record`` the CRM adapter would build: firmographics, owner
   id, contacts' titles, timestamped emails/calls/meetings/notes, stage history, the account's
   past wins, the discount field (empty when none was given), and the contacts' web sessions as
   the HubSpot adapter reads them from the dated history of each contact's page-view count
   (``propertiesWithHistory``), and every value the deal's close date held (the same history on
   ``closedate``: the expected close as of any moment). What no CRM shows (the buyer's engagement) is not there. (Records are built from the market directly,
   not over the sandbox's HTTP API: same fields, minutes faster.)
3. ``scoring.train_from_records`` trains conversion (closed deals as snapshots of their life) and
   price; a logistic regression is fitted on the same snapshot rows as the reference.
4. Open deals are scored as of the market's now (not the wall clock: the market's calendar is
   fixed, and scoring it as of the machine's date once aged every open deal by months and
   emptied its activity windows), then the market runs until they close. Reported: ROC AUC and
   ECE against the eventual outcomes; mean |p̂ − p_true| where p_true is the eventual win
   probability at scoring time (``integrations.sandbox.market.eventual_p_win``: the truth
   averaged over draws of the rest of the deal's life given its hidden state), and also against
   the probability the outcome was drawn with at the decision (which holds activity that had
   not happened when the deal was scored); per cycle-position bucket (share of the deal's life
   elapsed when scored) the mean p̂ next to the eventual win rate and the mean p_true.
5. Price regret: for each open deal, expected revenue amount·(1−d)·p_true(d) at the recommended
   discount vs the best discount on the same grid, as a share of the optimum; under the
   confounded history and under a randomised one.

Run: ``python -m benchmarks.scoring_market_product [--quick] [--closed N] [--open N] [--fast]
[--policies confounded,random] [--price-only SEEDS]`` (quick: 900 closed / 300 open, fast training; default: 5,000
closed / 1,000 open, full training; ``--fast``: fast training at the given size) →
``benchmarks/results/scoring_market_product.json``.

``--markets K`` runs K markets of the given size (seeds SEED..SEED+K-1, each its own history and its
own trained model, as K revenue teams would) and reports the figures over all their open deals
together, each market's own (its level error mean p̂ − mean p_true above all) and their spread
(``benchmarks.scoring_market_pooling``), and the knowable floor of the pooled deals
(``benchmarks.scoring_market_knowable``): at the default size one market's ECE is mostly the noise of
1,000 outcomes. Each market's scored deals are kept under ``--dump`` (``--reuse-dumps`` pools a stopped run).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks._common import RESULTS, write_result
from benchmarks.scoring_market_pooling import MarketDeals, pooled_figures, regret
from benchmarks.scoring_market_pooling import buckets as cycle_buckets
from integrations.base import (
    CLOSE_DATE_HISTORY_KEY,
    PAGE_VIEW_HISTORY_KEY,
    Activity,
    ClosedWonDeal,
    Company,
    Contact,
    History,
    Owner,
    Record,
    StageChange,
)
from integrations.sandbox.market import Market, MarketConfig, eventual_p_win
from scoring import score_batch
from scoring.features import record_features
from scoring.metrics import expected_calibration_error
from scoring.models._calibration import roc_auc_safe
from scoring.registry import LoadedModel
from scoring.train import _logistic, records_to_frame, train_from_records

_KIND = {"emails_in": "email", "emails_out": "email", "calls": "call", "meetings": "meeting", "note": "note",
         "email": "email", "call": "call", "meeting": "meeting"}


def _iso(t: datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def market_records(m: Market) -> dict[int, Record]:
    """Every deal as the canonical Record a CRM adapter builds, as of the market's now."""
    acts: dict[int, list[Activity]] = {}
    for a in m.activities:
        if a.deal is not None and a.at <= m.now and a.kind in _KIND:
            acts.setdefault(a.deal, []).append(Activity(type=_KIND[a.kind], at=_iso(a.at), direction=a.direction))
    won_by_company: dict[int, list[tuple[datetime, float, int]]] = {}
    for d in m.deals:
        if d.closed_at is not None and d.stage == "closedwon":
            won_by_company.setdefault(d.company, []).append((d.closed_at, d.amount, d.key))
    out = {}
    for d in m.deals:
        comp = m.companies[d.company]
        owner = m.owners[d.owner]
        kind = "open" if d.is_open else ("won" if d.stage == "closedwon" else "lost")
        close = d.closed_at if d.closed_at is not None else d.expected_close
        history = History(
            closed_won_deals=tuple(ClosedWonDeal(date=t.date().isoformat(), amount=a)
                                   for t, a, k in sorted(won_by_company.get(d.company, ())) if k != d.key),
            stage_changes=tuple(StageChange(stage=s, at=_iso(t)) for s, t in d.stage_history))
        out[d.key] = Record(
            crm="hubspot", tenant_id="bench", object_type="deal", id=str(d.key), name=d.name, amount=d.amount,
            currency=d.currency, stage=d.stage, stage_kind=kind, pipeline="default",
            close_date=close.date().isoformat(), created_at=_iso(d.created_at),
            owner=Owner(id=str(owner.user_id), name=f"{owner.first} {owner.last}"),
            company=Company(id=str(comp.key), name=comp.name, industry=comp.industry, employees=comp.employees,
                            annual_revenue=comp.revenue, country=comp.country),
            contacts=tuple(Contact(id=str(c), title=m.contacts[c].title, is_primary=c == d.primary_contact,
                                   added_at=_iso(m.contacts[c].created_at)) for c in d.contacts),
            activities=tuple(sorted(acts.get(d.key, ()), key=lambda a: a.at)), history=history,
            extra={"deal_type": d.dealtype, "discount": d.discount if (d.closed_at and d.discount > 0) else None,
                   **_churn_fields(m, comp), **_page_view_history(m, d),
                   CLOSE_DATE_HISTORY_KEY: [[_iso(t), _iso(v)] for t, v in d.close_date_history if t <= m.now]},
        )
    return out


def _page_view_history(m: Market, d: Any) -> dict[str, Any]:
    """The deal's contacts' web sessions up to now, as the HubSpot adapter builds them from the
    dated history of each contact's page-view count (``integrations.hubspot.mapping.page_view_history``)."""
    sessions = sorted([_iso(t), n] for c in d.contacts for t, n in m.contacts[c].visits if t <= m.now)
    return {PAGE_VIEW_HISTORY_KEY: sessions} if d.contacts else {}


def _churn_fields(m: Market, comp: Any) -> dict[str, Any]:
    """The company's churn flag and date as the sandbox CRM shows them (customers only)."""
    if not m.won_at.get(comp.key):
        return {}
    churned = comp.churned_at is not None and comp.churned_at <= m.now
    return {"churned": "true" if churned else "false",
            "churn_date": comp.churned_at.date().isoformat() if churned else None}


def _loaded(task: str, model: Any, meta: dict) -> LoadedModel:
    return LoadedModel(task=task, model=model, metadata=meta | {"version": f"{task}-bench"}, path=None)  # type: ignore[arg-type]


def _revenue_rows(m: Market, keys: list[int], best: np.ndarray) -> np.ndarray:
    """Per deal: expected revenue at the grid's best discount, at the recommended one, at none and
    at the largest, and the best discount itself."""
    grid = np.round(np.arange(0.0, 0.3001, 0.01), 4)
    rows = []
    for key, rec in zip(keys, best, strict=True):
        d = m.deals[key]
        rev = np.array([d.amount * (1 - g) * m.p_win(key, discount=float(g), with_strategies=False) for g in grid])
        ours = d.amount * (1 - rec) * m.p_win(key, discount=float(rec), with_strategies=False)
        rows.append((rev.max(), ours, rev[0], rev[-1], grid[rev.argmax()]))
    return np.array(rows)


def _regret(m: Market, keys: list[int], best: np.ndarray) -> dict[str, float]:
    return _regret_of_rows(_revenue_rows(m, keys, best), best)


def _regret_of_rows(r: np.ndarray, best: np.ndarray) -> dict[str, float]:
    return {"deals": len(r)} | regret(r[:, :4]) | {
        "mean_recommended_discount": float(np.mean(best)), "mean_true_optimal_discount": float(r[:, 4].mean())}


def _knowable_error(Z: np.ndarray, p_true: np.ndarray, seed: int) -> float:
    """Mean abs(p − p_true) of a regression fitted on p_true itself from the scored deals' own
    features (5-fold out of fold): roughly how close any model of these records can get.

    Not a model anyone could train (it learns from the hidden truth of the deals it is tested
    on); it separates what the records cannot tell (page views, hidden engagement, the rest of
    the deal's life) from what a model fails to learn.
    """
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.model_selection import cross_val_predict

    reg = HistGradientBoostingRegressor(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=seed)
    fitted = cross_val_predict(reg, Z, p_true, cv=5)
    return float(np.abs(np.clip(fitted, 0, 1) - p_true).mean())


ADDITIVE_REFERENCE = {"learning_rate": 0.05, "max_iter": 1000, "max_leaf_nodes": 2, "l2_regularization": 1.0}
"""Gradient-boosted stumps (an additive model): the setting the floor benchmark's CV chose, twice,
for learning these features from 5,000 outcomes (benchmarks/scoring_market_floor.py, row (f));
fixed here, not tuned on this run's open deals."""


def _additive_reference(Z: np.ndarray, y: np.ndarray, Zo: np.ndarray, seed: int) -> np.ndarray:
    """P(win) of gradient-boosted stumps fitted on the same snapshot rows as the product (its
    encoding): a reference for how much of the gap to p_true is the choice of learner."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(random_state=seed, **ADDITIVE_REFERENCE).fit(Z, y).predict_proba(Zo)[:, 1]


def _market(seed: int, n_closed: int, n_open: int, policy: str) -> Market:
    return Market(MarketConfig(seed=seed, n_companies=max(60, n_closed // 6), n_owners=8, n_open_deals=n_open,
                               n_closed_deals=n_closed, discount_policy=policy, start=datetime.fromisoformat(
                                   "2026-06-01T00:00:00+00:00")))


def price_run(seed: int, n_closed: int, n_open: int, policy: str, fast: bool) -> dict[str, Any]:
    """Price alone through the product path (records → ``train_from_records`` → ``score_batch``):
    regret over the open deals as they stand, no market run (the regret needs no outcomes)."""
    started = time.perf_counter()
    m = _market(seed, n_closed, n_open, policy)
    records = market_records(m)
    closed = [r for r in records.values() if r.stage_kind != "open"]
    open_keys = [d.key for d in m.deals if d.is_open]
    price, meta, _ = train_from_records(closed, "price", fast=fast)
    scores = score_batch([records[k] for k in open_keys], {"price": _loaded("price", price, meta)}, factors=False,
                         as_of=m.now)
    best = np.array([scores[str(k)]["price"]["best_discount"] for k in open_keys])
    return {"seed": seed, "discount_policy": policy, "closed_deals": len(closed), "open_deals": len(open_keys),
            "price": _regret(m, open_keys, best) | {
                "fitted_on": getattr(price, "fitted_on_", "all"),
                "random_discounters_found": getattr(price, "random_discounters_", {}),
                "reps_who_randomise": sorted(str(m.owners[o].user_id) for o in range(len(m.owners))
                                             if m.randomises(next((d for d in m.deals if d.owner == o), m.deals[0])))},
            "seconds": round(time.perf_counter() - started, 1), "fast_training": fast,
            "load_average_after": list(os.getloadavg())}


def run(seed: int, n_closed: int, n_open: int, policy: str, fast: bool) -> dict[str, Any]:
    return run_with_deals(seed, n_closed, n_open, policy, fast)[0]


def run_with_deals(seed: int, n_closed: int, n_open: int, policy: str,
                   fast: bool) -> tuple[dict[str, Any], MarketDeals, pd.DataFrame]:
    """One market's figures, its scored open deals (for pooling several markets) and their feature rows."""
    started = time.perf_counter()
    m = _market(seed, n_closed, n_open, policy)
    records = market_records(m)
    closed = [r for r in records.values() if r.stage_kind != "open"]
    open_keys = [d.key for d in m.deals if d.is_open]
    print(f"[{policy}] market built: {len(closed)} closed, {len(open_keys)} open "
          f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    conv, conv_meta, _ = train_from_records(closed, "conversion", fast=fast)
    price, price_meta, _ = train_from_records(closed, "price", fast=fast)
    frame, target, _ = records_to_frame(closed, "conversion")
    X = frame.drop(columns=[target, "__time__", "__group__"])
    types = conv_meta["feature_schema"]
    lr = _logistic(types, 0).fit(X[list(types)], frame[target].astype(int))
    print(f"[{policy}] trained ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    open_records = [records[k] for k in open_keys]
    models = {"conversion": _loaded("conversion", conv, conv_meta), "price": _loaded("price", price, price_meta)}
    scores = score_batch(open_records, models, factors=False, as_of=m.now)
    p_hat = np.array([scores[str(k)]["conversion"]["probability"] for k in open_keys])
    best = np.array([scores[str(k)]["price"]["best_discount"] for k in open_keys])
    Xo = pd.DataFrame([record_features(r, as_of=m.now) for r in open_records]).reindex(columns=list(types))
    p_lr = lr.predict_proba(Xo)[:, 1]
    position = np.array([
        (m.now - m.deals[k].created_at).total_seconds()
        / max(((m.deals[k].decision_at_ or m.now) - m.deals[k].created_at).total_seconds(), 1.0) for k in open_keys])
    revenue = _revenue_rows(m, open_keys, best)
    regret = _regret_of_rows(revenue, best)
    p_eventual_now = np.array([eventual_p_win(m, k) for k in open_keys])
    knowable = _knowable_error(conv.encoder_.transform(Xo), p_eventual_now, seed)
    p_add = _additive_reference(conv.encoder_.transform(X[list(types)]), frame[target].astype(int).to_numpy(),
                                conv.encoder_.transform(Xo), seed)
    p_eventual = p_eventual_now
    days = int(max(((m.deals[k].decision_at_ or m.now) - m.now).days for k in open_keys)) + 2
    # Only the scored deals' outcomes are needed: no new deals while they run to their decision
    # (new deals were ~3,600 extra deals simulated daily over a 180-day tail, most of the time).
    m.config.new_deals_per_day = 0.0
    m.advance(days)
    won = np.array([int(m.deals[k].stage == "closedwon") for k in open_keys])
    p_at_decision = np.array([m.p_win(k, at=m.deals[k].closed_at) for k in open_keys])
    p_true = p_eventual
    print(f"[{policy}] open deals closed after {days} days ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    buckets = cycle_buckets(p_hat, p_true, won, position)
    return {
        "seed": seed, "discount_policy": policy, "closed_deals": len(closed), "open_deals": len(open_keys),
        "conversion": {"roc_auc": roc_auc_safe(won, p_hat), "roc_auc_logistic_reference": roc_auc_safe(won, p_lr),
                       "roc_auc_of_true_p": roc_auc_safe(won, p_true),
                       "ece_15_equal_mass": expected_calibration_error(won, p_hat, 15),
                       "ece_logistic_reference": expected_calibration_error(won, p_lr, 15),
                       # What a perfect forecaster (p_true itself) scores on these outcomes: the
                       # sampling floor of the ECE at this many deals (about 0.08 at 300, 0.045 at 1,000).
                       "ece_of_true_p": expected_calibration_error(won, p_true, 15),
                       # The same bins of p̂, compared with the mean p_true instead of the outcomes.
                       "ece_vs_true_p": expected_calibration_error(p_true, p_hat, 15),
                       "mean_abs_error_vs_true_p": float(np.abs(p_hat - p_true).mean()),
                       "mean_abs_error_logistic_reference": float(np.abs(p_lr - p_true).mean()),
                       "mean_abs_error_vs_p_at_decision": float(np.abs(p_hat - p_at_decision).mean()),
                       "mean_abs_error_knowable_floor": knowable,
                       # A second reference on the same snapshot rows: see _additive_reference.
                       "additive_reference": {"roc_auc": roc_auc_safe(won, p_add),
                                              "ece_15_equal_mass": expected_calibration_error(won, p_add, 15),
                                              "mean_abs_error_vs_true_p": float(np.abs(p_add - p_true).mean())},
                       "mean_p_true": float(p_true.mean()),
                       "mean_p_hat": float(p_hat.mean()), "eventual_win_rate": float(won.mean()),
                       "by_cycle_position": buckets, "cv": conv_meta["metrics"].get("cv"),
                       "training_holdout": conv_meta["metrics"]["holdout"],
                       "leakage": conv_meta["leakage"]},
        "price": regret, "seconds": round(time.perf_counter() - started, 1), "fast_training": fast,
        "load_average_after": list(os.getloadavg()),
    }, MarketDeals(seed=seed, p_hat=p_hat, p_logistic=p_lr, p_true=p_true, won=won, position=position,
                   revenue=revenue[:, :4], recommended=best), Xo


POLICIES = ("confounded", "random")


def _args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scoring_market_product")
    parser.add_argument("--quick", action="store_true", help="900 closed / 300 open deals, fast training (CI)")
    parser.add_argument("--closed", type=int, help="closed deals in the history (default 5000; quick 900)")
    parser.add_argument("--open", type=int, dest="open_", help="open deals scored (default 1000; quick 300)")
    parser.add_argument("--policies", default=",".join(POLICIES), help="discount histories, comma-separated")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--fast", action="store_true",
                        help="fast training at any size (the quick run always trains fast); a full-size run with it "
                             "still writes scoring_market_product_full.json and says fast_training")
    parser.add_argument("--markets", type=int, default=1,
                        help="K markets of this size (seeds SEED..SEED+K-1, each its own history and model), their "
                             "open deals' figures pooled beside each market's own -> "
                             "scoring_market_w12/pooled_sSEED_kK_POLICY[_LABEL].json")
    parser.add_argument("--dump", type=Path, default=Path("/tmp/scoring_market_product_markets"),
                        help="with --markets: each market's scored deals are kept here, and reused when the same "
                             "market at the same code is asked for again (a stopped run resumes)")
    parser.add_argument("--reuse-dumps", action="store_true",
                        help="with --markets: reuse every kept market whatever the code that scored it (each "
                             "market's own commit is in the result); for pooling a run stopped early")
    parser.add_argument("--label", default="", help="with --markets: appended to the result's name (a variant's run)")
    parser.add_argument("--price-only", dest="price_seeds", default=None,
                        help="price regret alone on these seeds, comma-separated (no conversion, no market run) "
                             "-> scoring_market_product_price.json")
    args = parser.parse_args(argv)
    args.closed = args.closed or (900 if args.quick else 5000)
    args.open_ = args.open_ or (300 if args.quick else 1000)
    args.policies = [p.strip() for p in args.policies.split(",") if p.strip()]
    try:
        args.price_seeds = None if args.price_seeds is None else [int(x) for x in args.price_seeds.split(",") if x]
    except ValueError:
        parser.exit(2, f"bad input: --price-only wants seeds like 3,11,12, got {args.price_seeds!r}\n")
    if args.markets < 1 or (args.markets > 1 and args.price_seeds is not None):
        parser.exit(2, "bad input: --markets wants K >= 1 and goes without --price-only\n")
    if args.closed < 100 or args.open_ < 20 or not args.policies or set(args.policies) - set(POLICIES):
        parser.exit(2, f"bad input: need --closed >= 100, --open >= 20, --policies from {', '.join(POLICIES)}\n")
    return args


def _commit() -> str | None:
    """The checked-out commit (with "+dirty" when the work tree differs), so a figure names its code."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True,
                              cwd=os.path.dirname(__file__)).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, check=True, cwd=os.path.dirname(__file__)).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def pooled_run(first_seed: int, k: int, n_closed: int, n_open: int, policy: str, fast: bool, dump: Path,
               label: str = "", reuse_any: bool = False) -> Path:
    """K markets (seeds first_seed..first_seed+K-1), each trained and scored as one revenue team's;
    the figures over all their open deals, each market's own, and the knowable floor of the pooled deals."""
    from benchmarks.scoring_market_knowable import floors

    started, load_before, commit = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), list(os.getloadavg()), _commit()
    runs, deals, frames, kept = [], [], [], []
    for seed in range(first_seed, first_seed + k):
        path = dump / f"market_s{seed}_c{n_closed}_o{n_open}_{policy}{'_fast' if fast else ''}.pkl"
        cached = pickle.loads(path.read_bytes()) if path.exists() else None
        same_code = cached is not None and cached["code_commit"] == commit and not (commit or "+dirty").endswith(
            "+dirty")
        if cached is None or not (same_code or reuse_any):
            one, market_deals, frame = run_with_deals(seed, n_closed, n_open, policy, fast)
            cached = {"code_commit": commit, "run": one, "deals": market_deals, "frame": frame}
            dump.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(cached))
        else:
            print(f"[{policy}] market s{seed}: scored deals reused from {path}", file=sys.stderr)
        kept.append(cached)
        runs.append(cached["run"])
        deals.append(cached["deals"])
        # Owners are people of one revenue team: "owner 5" of two markets is two people.
        frames.append(cached["frame"].assign(owner=f"{seed}:" + cached["frame"]["owner"].astype(str),
                                             market=str(seed)))
        print(f"[{policy}] market s{seed} done", file=sys.stderr, flush=True)
    pooled = pooled_figures(deals)
    p_true = np.concatenate([d.p_true for d in deals])
    market = np.concatenate([np.full(len(d.p_true), d.seed) for d in deals])
    knowable = floors(pd.concat(frames, ignore_index=True), p_true, market, seed=first_seed)
    (RESULTS / "scoring_market_w12").mkdir(parents=True, exist_ok=True)
    return write_result(f"scoring_market_w12/pooled_s{first_seed}_k{k}_{policy}{'_' + label if label else ''}", {
        "started_at": started, "load_average_before": load_before, "load_average_after": list(os.getloadavg()),
        "code_commit": commit, "market_code_commits": {str(first_seed + i): r["code_commit"] for i, r in
                                                       enumerate(kept)},
        "closed_deals_per_market": n_closed, "open_deals_per_market": n_open,
        "discount_policy": policy, "fast_training": fast} | pooled | {
        # Ê[p_true | the product's features], cross-fitted on these pooled deals: how close any model can get.
        "knowable_floor": knowable, "runs": runs})


def main(argv: list[str] | None = None) -> None:
    args = _args(sys.argv[1:] if argv is None else argv)
    if args.price_seeds is not None:
        runs = [price_run(seed, args.closed, args.open_, policy, fast=args.quick)
                for seed in args.price_seeds for policy in args.policies]
        path = write_result("scoring_market_product_price", {"quick": args.quick, "runs": runs})
        print(path.read_text())
        return
    if args.markets > 1:
        for policy in args.policies:
            path = pooled_run(args.seed, args.markets, args.closed, args.open_, policy, args.quick or args.fast,
                              args.dump, args.label, reuse_any=args.reuse_dumps)
            print(path.read_text())
        return
    out = {"quick": args.quick, "code_commit": _commit(), "runs": [run(args.seed, args.closed, args.open_, policy, fast=args.quick or args.fast)
                                         for policy in args.policies]}
    path = write_result("scoring_market_product" + ("" if args.quick else "_full"), out)
    print(path.read_text())


if __name__ == "__main__":
    main()
