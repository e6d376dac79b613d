"""Churn on the demo market's history: what ranks the time-split holdout, and how well.

On one holdout (the churn training's own time split of customer-moments), the ROC AUC of our
model, of its logistic reference, of the hidden quarterly churn risk (the market's truth, which
no CRM shows) and of every single feature alone. A model far above the hidden risk, or one
column near 1.0, means a leak. ``--page-views`` adds each contact's page views as the HubSpot
adapter reads them: one activity per contact at its LAST visit (as of the market's now).

Run: ``python -m benchmarks.scoring_churn_holdout [--seed S] [--page-views]`` (one JSON line on
stdout; about two minutes).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import warnings

import numpy as np
import pandas as pd

from benchmarks.scoring_demo_market import DEMO_MARKET
from benchmarks.scoring_market_product import market_records
from integrations.base import Activity
from integrations.sandbox.market import Market, MarketConfig
from scoring import defaults
from scoring.models._calibration import roc_auc_safe
from scoring.train import holdout_split, records_to_frame, train_from_records

MAPPING = {"targets": {"discount": "discount"}}


def with_page_views(m: Market, records: list) -> list:
    """Each record plus one page-view activity per contact at its last visit (the adapter's reading)."""
    out = []
    for r in records:
        acts = list(r.activities)
        for c in r.contacts:
            views, last, _ = m.contacts[int(c.id)].page_views_at(m.now)
            if last is not None and views:
                acts.append(Activity(type="page_view", at=last.isoformat(), subject=f"{views} page views"))
        out.append(dataclasses.replace(r, activities=tuple(sorted(acts, key=lambda a: a.at))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--page-views", action="store_true")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    m = Market(MarketConfig(seed=args.seed, **DEMO_MARKET))
    records = list(market_records(m).values())
    if args.page_views:
        records = with_page_views(m, records)
    print("market built", file=sys.stderr)
    frame, target, _ = records_to_frame(records, "churn", MAPPING, m.now)
    y = frame[target].to_numpy().astype(int)
    train, test, kind = holdout_split(y, frame["__time__"].to_numpy(), frame["__group__"].to_numpy(),
                                      observed=frame["__observed__"].to_numpy(), random_state=defaults.RANDOM_STATE)
    risk = np.array([m.companies[int(g)].churn_risk_ for g in frame["__group__"]])
    single = {}
    for column in frame.columns:
        values = pd.to_numeric(frame[column], errors="coerce").to_numpy()[test]
        if column.startswith("__") or np.isfinite(values).sum() < len(test) / 2:
            continue
        auc = roc_auc_safe(y[test], np.nan_to_num(values, nan=float(np.nanmedian(values))))
        single[column] = round(max(auc, 1 - auc), 3)  # either direction: a feature alone
    _, meta, _ = train_from_records(records, "churn", mapping=MAPPING, as_of=m.now, fast=True)
    metrics = meta["metrics"]
    print(json.dumps({
        "seed": args.seed, "page_views_as_the_adapter_reads_them": args.page_views, "split": kind,
        "holdout_rows": int(len(test)), "holdout_customers": int(frame["__group__"].iloc[test].nunique()),
        "holdout_positives": int(y[test].sum()),
        "roc_auc": {"ours": metrics["holdout"].get("roc_auc"),
                    "logistic_regression": metrics["holdout_logistic_regression"].get("roc_auc"),
                    "hidden_quarterly_risk": roc_auc_safe(y[test], risk[test])},
        "best_single_features": dict(sorted(single.items(), key=lambda kv: -kv[1])[:6]),
        "gate": {k: meta["promotion_gate"].get(k) for k in ("passed", "auc", "auc_logistic", "on")},
        "leakage_screen_dropped": [d["column"] for d in meta["leakage"]],
        "top_importance": [d["feature"] for d in meta["importance"][:5]],
    }, default=float))


if __name__ == "__main__":
    main()
