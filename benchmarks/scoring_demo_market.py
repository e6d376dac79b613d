"""The demo market's history → ``retrain_tenant`` → ``score_batch`` on its open deals: which of the
four scores every open deal gets (the demo summary's ``scores_present``), without the HTTP sandbox.

Run: ``python -m benchmarks.scoring_demo_market`` (prints one JSON line; progress on stderr).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import warnings
from typing import Any

from benchmarks.scoring_market_product import market_records
from integrations.sandbox.market import Market, MarketConfig
from scoring import TASKS, ModelRegistry, retrain_tenant, score_batch

DEMO_MARKET: dict[str, Any] = {"n_companies": 600, "n_owners": 8, "n_open_deals": 40, "n_closed_deals": 2000}
"""Same sizes as app/demo.py's DEMO_MARKET (benchmarks do not import the app)."""


def main() -> None:
    warnings.simplefilter("ignore")
    started = time.time()
    records = market_records(Market(MarketConfig(seed=7, **DEMO_MARKET)))
    print(f"market built ({time.time() - started:.0f} s)", file=sys.stderr)
    registry = ModelRegistry(tempfile.mkdtemp())
    results = retrain_tenant(list(records.values()), "demo", registry,
                             mapping={"targets": {"discount": "discount"}}, fast=True)
    print(f"trained ({time.time() - started:.0f} s)", file=sys.stderr)
    open_records = [r for r in records.values() if r.stage_kind == "open"]
    scores = score_batch(open_records, registry.load_champions("demo"))
    present = [t for t in TASKS if all(t in s for s in scores.values())]
    keep = ("promoted", "reason", "not_enough_history", "error", "challenger", "served")
    print(json.dumps({"results": {k: {kk: v.get(kk) for kk in keep} for k, v in results.items()},
                      "open_deals": len(open_records), "scores_present": present,
                      "seconds": round(time.time() - started)}, default=str))


if __name__ == "__main__":
    from benchmarks._common import no_arguments

    no_arguments(__doc__)
    main()
