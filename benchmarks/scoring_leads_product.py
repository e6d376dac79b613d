"""The lead score through the product path, measured against the sandbox funnel's hidden truth.

    python -m benchmarks.scoring_leads_product                 # seed 7 (the demo's), fast training
    python -m benchmarks.scoring_leads_product --seeds 7 11 12 --full

Per seed: the Salesforce sandbox (its lead funnel: `integrations.sandbox.market.leads`) and the
app start, the tenant installs through OAuth, the training job (`app.pipeline.training.train_tenant`,
tasks conversion + lead_conversion) reads the org's Leads and Opportunities over the API and
trains and promotes through the registry. Reported:

- the lead model's holdout (the latest 20% of closed leads): ROC AUC, Brier and ECE of the model,
  of a logistic regression on the same rows and of the prior rate; the gate's verdict;
- the open leads (the org's Leads neither converted nor closed), scored as the batch pipeline scores
  them (`scoring.score_batch` with the tenant's champions): mean p against the mean of each lead's
  hidden chance (the sandbox's /lead-truth), mean |p - p_true| and Spearman's rank correlation
  of p with p_true (open leads have no outcome yet: their truth is the chance itself);
- for contrast, the same open leads scored by the deal model (what a Lead got before wave 15).

Progress on stderr, one JSON document on stdout and in results/scoring_leads_product.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import spearmanr

from benchmarks._common import write_result


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_seed(seed: int, *, full: bool) -> dict[str, Any]:
    from app.demo import Demo, DemoOptions
    from app.pipeline import tenant as tenant_inputs
    from app.pipeline.training import history_records, train_tenant
    from scoring import score_batch
    from scoring.registry import read_metadata

    started = time.time()
    run = Demo(DemoOptions(changes=0, seed=seed, crm="salesforce", data_dir=Path(tempfile.mkdtemp()), timeout=600))
    run.start()
    try:
        run.install()
        with run.app.app_context():
            records = history_records(run.app, run.tenant_id)
            results = train_tenant(run.app, run.tenant_id, tasks=("conversion", "lead_conversion"),
                                   records=records, fast=not full)
        say(f"seed {seed}: trained ({time.time() - started:.0f} s)")
        lead = results["lead_conversion"]
        reg = tenant_inputs.registry(run.app)
        # Wherever the artefact is now (moved under its task when kept, left in staging when refused).
        found = sorted((reg.root / run.tenant_id).glob(f"**/{lead.get('version')}/metadata.json"))
        meta = read_metadata(found[0].parent) if lead.get("version") and found else {}
        metrics = meta.get("metrics") or {}
        keep = ("roc_auc", "brier", "ece_15")
        holdout = {name: {k: round(float(v), 4) for k, v in (metrics.get(key) or {}).items() if k in keep}
                   for name, key in (("model", "holdout"), ("logistic_regression", "holdout_logistic_regression"),
                                     ("prior_rate", "holdout_prior_rate"))}
        leads = [r for r in records if r.object_type == "lead"]
        open_leads = [r for r in leads if r.stage_kind == "open"]
        truth = run.sandbox.control("GET", f"lead-truth/{run.account_id}")
        models = tenant_inputs.champions(run.app, run.tenant_id)
        scored = score_batch(open_leads, models, factors=False)
        p = np.array([scored[r.id]["conversion"]["probability"] for r in open_leads if "conversion" in scored[r.id]])
        t = np.array([truth[r.id] for r in open_leads if "conversion" in scored[r.id]])
        as_deals = score_batch([replace(r, object_type="deal") for r in open_leads], models, factors=False)
        dealt = [r for r in open_leads if "conversion" in as_deals[r.id]]
        p_deal = np.array([as_deals[r.id]["conversion"]["probability"] for r in dealt])
        t_deal = np.array([truth[r.id] for r in dealt])
        return {
            "seed": seed, "training": "full" if full else "fast",
            "leads": {k: sum(1 for r in leads if r.stage_kind == k) for k in ("won", "lost", "open")},
            "promoted": lead.get("promoted"), "reason": lead.get("reason"),
            "not_enough_history": lead.get("not_enough_history"),
            "holdout": holdout, "holdout_summary": {k: (meta.get("holdout_summary") or {}).get(k)
                                                    for k in ("groups", "positives", "positive_rate", "split")},
            "gate": {k: v for k, v in (meta.get("promotion_gate") or {}).items() if k != "reasons"},
            "open_leads": {
                "scored": int(len(p)), "mean_p": round(float(p.mean()), 4) if len(p) else None,
                "mean_p_true": round(float(t.mean()), 4) if len(t) else None,
                "mean_abs_p_minus_p_true": round(float(np.abs(p - t).mean()), 4) if len(p) else None,
                "spearman_p_vs_p_true": round(float(spearmanr(p, t).statistic), 4) if len(p) > 2 else None,
                "p_spread_sd": round(float(p.std()), 4) if len(p) else None,
            },
            "deal_model_on_the_same_leads": {
                "mean_p": round(float(p_deal.mean()), 4) if len(p_deal) else None,
                "p_spread_sd": round(float(p_deal.std()), 4) if len(p_deal) else None,
                "spearman_p_vs_p_true": round(float(spearmanr(p_deal, t_deal).statistic), 4)
                if len(p_deal) > 2 else None},
            "seconds": round(time.time() - started),
        }
    finally:
        run.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7], help="sandbox market seeds (default: 7)")
    parser.add_argument("--full", action="store_true", help="full training instead of the demo's fast one")
    args = parser.parse_args()
    runs = [run_seed(seed, full=args.full) for seed in args.seeds]
    out = {"runs": runs}
    write_result("scoring_leads_product", out)
    print(json.dumps(out, default=float))


if __name__ == "__main__":
    main()
