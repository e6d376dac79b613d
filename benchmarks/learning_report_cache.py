"""The console's learning report before and after the report cache (wave 24), on a realistic tenant.

Usage:
  agentic-sales simulate --weeks 26 --seed 0 --export rows.csv      # 26,036 decisions (seed 0)
  DATABASE_URL=postgresql://... python -m benchmarks.learning_report_cache rows.csv

Loads the export's decisions, outcomes and rewards into a fresh tenant of DATABASE_URL (as the pipeline logs
them: `strategy_choice` actions, one outcome per deal and kind, one reward per decision that earned one), then
times GET /admin/t/<tenant>/learning through the app: the first view (computes and stores), a second and third
view (served from `report_cache`), a view after one new outcome (wave 25: the stored report at once, marked out of
date; before, it recomputed), the worker's refresh (the scheduler's `learning_report` job), the next view (up to
date again), and the three-query key alone.
Writes benchmarks/results/learning_report_cache.json with the command, commit, UTC time and load average.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from typing import Any

from benchmarks._common import write_result

TENANT = "hubspot-990026"


def load(app: Any, path: str) -> dict[str, int]:
    from sqlalchemy import insert, select

    from app.storage import get_db
    from app.storage import models as m
    from learning.report import read_csv
    from tests.conftest import install_tenant

    rows = read_csv(path)
    install_tenant(app, "990026")
    with get_db(app).session() as s:
        actions = [{"tenant_id": TENANT, "object_type": "deal", "record_id": r["deal_id"], "kind": "strategy_choice",
                    "status": "logged", "created_at": r["decided_at"],
                    "payload": {"arm": r["arm"], "propensity": r["propensity"], "policy": r["policy"],
                                "holdout": bool(r["holdout"]), "probabilities": r.get("probabilities"),
                                "context": {"segment": r["segment"], "band": r["band"], "engagement": r["engagement"],
                                            "baseline": r["baseline"], "amount_weight": r["amount_weight"]}}}
                   for r in rows]
        s.execute(insert(m.Action), actions)
        ids = list(s.execute(select(m.Action.id).where(m.Action.tenant_id == TENANT).order_by(m.Action.id)).scalars())
        outcomes: dict[tuple[str, str], dict[str, Any]] = {}
        for r in rows:
            if r.get("outcome_kind"):
                outcomes.setdefault((r["deal_id"], r["outcome_kind"]), {
                    "tenant_id": TENANT, "crm": "hubspot", "deal_id": r["deal_id"], "kind": r["outcome_kind"],
                    "at": r["outcome_at"] or r["decided_at"], "amount": 1000.0, "stage": r["outcome_kind"],
                    "object_type": "deal"})
        s.execute(insert(m.Outcome), list(outcomes.values()))
        oid = {(d, k): i for i, d, k in s.execute(select(m.Outcome.id, m.Outcome.deal_id, m.Outcome.kind)
                                                 .where(m.Outcome.tenant_id == TENANT))}
        rewards = [{"tenant_id": TENANT, "outcome_id": oid[(r["deal_id"], r["outcome_kind"])], "action_id": aid,
                    "deal_id": r["deal_id"], "arm": r["arm"], "propensity": r["propensity"], "policy": r["policy"],
                    "context": {}, "reward": float(r["reward"])}
                   for r, aid in zip(rows, ids, strict=True) if r.get("outcome_kind") and r.get("reward") is not None]
        s.execute(insert(m.Reward), rewards)
    return {"decisions": len(actions), "outcomes": len(outcomes), "rewards": len(rewards)}


def timed_view(client: Any) -> tuple[float, int, str]:
    started = time.perf_counter()
    resp = client.get(f"/admin/t/{TENANT}/learning")
    return time.perf_counter() - started, resp.status_code, resp.get_data(as_text=True)


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    from app import create_app
    from app.admin.report_cache import learning_key
    from app.storage import get_db
    from app.storage import models as m
    from tests.admin.conftest import crm_session, set_installer
    from tests.conftest import TEST_SECRET, TEST_SECRET_KEY, TEST_TOKEN_KEY

    url = os.environ["DATABASE_URL"]
    from app.storage import migrate

    migrate.upgrade(url)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "REDIS_URL": None, "START_WORKER": False,
                      "TOKEN_KEY": TEST_TOKEN_KEY, "SECRET_KEY": TEST_SECRET_KEY, "HUBSPOT_CLIENT_ID": "bench",
                      "HUBSPOT_CLIENT_SECRET": TEST_SECRET})
    with get_db(app).session() as s:  # a rerun starts from an empty tenant
        from app.storage import delete_tenant_data

        delete_tenant_data(s, TENANT)
    t0 = time.perf_counter()
    sizes = load(app, sys.argv[1])
    load_s = time.perf_counter() - t0
    set_installer(app, TENANT, "ann@a.example")
    client = crm_session(app.test_client(), TENANT, "ann@a.example")
    load_before = os.getloadavg()
    views = []
    for label in ("first view (computes, stores)", "second view (cache)", "third view (cache)"):
        seconds, status, html = timed_view(client)
        assert status == 200, html[:500]
        views.append({"view": label, "seconds": round(seconds, 3)})
    with get_db(app).session() as s:
        s.add(m.Outcome(tenant_id=TENANT, crm="hubspot", deal_id="bench-new", kind="won", at=datetime.now(UTC),
                        amount=1.0, stage="won"))
    seconds, status, html = timed_view(client)
    stale = 'id="report-stale"' in html
    views.append({"view": "after one new outcome" + (" (stored report, marked out of date)" if stale else
                                                     " (recomputes)"), "seconds": round(seconds, 3)})
    worker: dict[str, Any] = {}
    if stale:
        from app.admin.learning_report import refresh

        started = time.perf_counter()
        worker = refresh(app, TENANT)
        worker["seconds"] = round(time.perf_counter() - started, 3)
    seconds, status, html = timed_view(client)
    views.append({"view": "next view" + (" (after the worker's refresh)" if stale else " (cache)"),
                  "seconds": round(seconds, 3), "up_to_date": 'id="report-stale"' not in html})
    with get_db(app).session() as s:
        started = time.perf_counter()
        learning_key(s, TENANT, "deal")
        key_s = time.perf_counter() - started
        stored = s.get(m.ReportCache, (TENANT, "learning:deal"))
        body_bytes = len(stored.body.encode()) if stored else 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    result = {"command": " ".join(["python -m benchmarks.learning_report_cache", *sys.argv[1:]]), "commit": commit,
              "database": url.split("@")[-1], "sizes": sizes, "load_seconds": round(load_s, 1), "views": views, "worker_refresh": worker,
              "key_seconds": round(key_s, 4), "cached_body_bytes": body_bytes,
              "loadavg_before": load_before, "loadavg_after": os.getloadavg()}
    write_result("learning_report_cache", result)
    print(result)


if __name__ == "__main__":
    main()
