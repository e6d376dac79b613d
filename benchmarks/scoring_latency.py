"""Scoring-stage latency per record vs the raw ``predict`` of the same models on the same rows.

Warm, single-threaded process; distinct prepared records; no caching. Four models are trained on
generated records, then for each record we time:
- ``stage``: ``scoring.score_record`` (features from the Record, encoding, four scores), with and
  without factors;
- ``raw_api``: each model's public ``predict_proba``/``predict`` on the same row as a one-row
  DataFrame (price: on its discount grid; clv: on the customer's transactions) — the raw predict;
- ``raw_encoded``: the same models called on already-encoded rows (the floor, for reference).
Also batch throughput of ``predict_table`` on 100k rows (conversion).

Run: ``python -m benchmarks.scoring_latency`` → ``benchmarks/results/scoring_latency.json``.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # single-threaded, as the protocol asks

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from benchmarks._common import write_result  # noqa: E402
from integrations.base import Activity, ClosedWonDeal, Company, Contact, History, Record  # noqa: E402
from scoring import LoadedModel, predict_table, record_features, score_record, train_from_records  # noqa: E402
from scoring.features import closed_won_log  # noqa: E402
from scoring.models.clv import feature_table, prepare_transactions  # noqa: E402


def make_record(i: int, rng: np.random.Generator, kind: str) -> Record:
    """A generated deal with company, contacts, activity and closed-won history."""
    n_won = int(rng.integers(1, 6))
    return Record(
        crm="hubspot", tenant_id="bench", object_type="deal", id=str(i), amount=float(rng.integers(1000, 80000)),
        stage_kind=kind, pipeline="default", close_date="2025-09-01", created_at="2025-05-01T00:00:00Z",
        company=Company(id=f"co{i}", industry=str(rng.choice(["retail", "software", "finance"])),
                        employees=int(rng.integers(5, 5000)), annual_revenue=float(rng.integers(1, 500)) * 1e5,
                        country=str(rng.choice(["US", "DE", "FR"]))),
        contacts=tuple(Contact(id=f"c{j}", title=str(rng.choice(["CFO", "Analyst", "VP Sales"])))
                       for j in range(int(rng.integers(1, 4)))),
        activities=tuple(Activity(type=str(rng.choice(["email", "call", "meeting"])),
                                  at=f"2025-0{int(rng.integers(5, 9))}-{int(rng.integers(1, 28)):02d}T10:00:00Z",
                                  direction=str(rng.choice(["inbound", "outbound"]))) for _ in range(int(rng.integers(0, 12)))),
        history=History(closed_won_deals=tuple(
            ClosedWonDeal(date=f"202{int(rng.integers(3, 5))}-{int(rng.integers(1, 12)):02d}-15",
                          amount=float(rng.integers(500, 20000))) for _ in range(n_won))),
        extra={"discount": float(rng.uniform(0, 0.3)), "churned": bool(rng.uniform() < 0.3),
               "stage_probability": float(rng.uniform())},
    )


def _p50(samples: list[float]) -> float:
    return float(np.percentile(np.asarray(samples) * 1000, 50))


def main() -> None:
    rng = np.random.default_rng(0)
    train = [make_record(i, rng, "won" if rng.uniform() < 0.5 else "lost") for i in range(600)]
    models = {}
    for task in ("conversion", "churn", "price", "clv"):
        print(f"training {task}", file=sys.stderr)
        from datetime import datetime

        model, meta, _ = train_from_records(train, task, as_of=datetime(2025, 1, 1), horizon_days=180)
        models[task] = LoadedModel(task=task, model=model, metadata=meta | {"version": f"{task}-bench"},
                                    path=Path(f"in-memory/{task}"))
    records = [make_record(10_000 + i, rng, "open") for i in range(300)]
    as_of = pd.Timestamp("2025-09-01", tz="UTC").to_pydatetime()
    for r in records[:20]:  # warm-up
        score_record(r, models, as_of=as_of)
    stage, stage_f, raw_api, raw_enc = [], [], [], []
    for r in records:
        t0 = time.perf_counter()
        score_record(r, models, factors=False, as_of=as_of)
        t1 = time.perf_counter()
        score_record(r, models, factors=True, as_of=as_of)
        t2 = time.perf_counter()
        stage.append(t1 - t0)
        stage_f.append(t2 - t1)
        # Same rows, prepared beforehand (not timed): one-row frames and encoded rows.
        feats = record_features(r, None, as_of)
        rows = {t: pd.DataFrame([{c: feats.get(c) for c in models[t].model.encoder_.feature_names_in_}])
                for t in ("conversion", "churn", "price")}
        grid = models["price"].model.grid_
        price_rows = pd.concat([rows["price"]] * len(grid), ignore_index=True)
        price_rows["discount"] = grid
        log = closed_won_log(r)
        tx = pd.DataFrame({"customer": [r.id] * len(log), "date": [d.replace(tzinfo=None) for d, _ in log],
                           "amount": [a for _, a in log]})
        z = {t: models[t].model.encoder_.transform_one(feats)[None, :] for t in ("conversion", "churn", "price")}
        zp = np.repeat(z["price"], len(grid), axis=0)
        _, raw_clv = feature_table(prepare_transactions(tx), float((as_of.replace(tzinfo=None) - pd.Timestamp("1970-01-01").to_pydatetime()).days))
        t0 = time.perf_counter()
        models["conversion"].model.predict_proba(rows["conversion"])
        models["churn"].model.predict_proba(rows["churn"])
        models["price"].model.predict_proba(price_rows)
        models["clv"].model.predict(tx, as_of.replace(tzinfo=None))
        t1 = time.perf_counter()
        models["conversion"].model.proba_encoded(z["conversion"])
        models["churn"].model.proba_encoded(z["churn"])
        models["price"].model.proba_encoded(zp)
        models["clv"].model.predict_raw(raw_clv)
        t2 = time.perf_counter()
        raw_api.append(t1 - t0)
        raw_enc.append(t2 - t1)
    big = pd.concat([rows["conversion"]] * 100_000, ignore_index=True)
    big["amount"] = rng.integers(1000, 80000, len(big)).astype(float)
    t0 = time.perf_counter()
    predict_table(models["conversion"], big, with_factors=False)
    batch_seconds = time.perf_counter() - t0
    result = {
        "records": len(records),
        "p50_ms": {"stage_four_scores": _p50(stage), "stage_four_scores_with_factors": _p50(stage_f),
                   "raw_api_predict_same_models": _p50(raw_api), "raw_encoded_predict_floor": _p50(raw_enc)},
        "ratio_stage_to_raw_api_p50": _p50(stage) / _p50(raw_api),
        "ratio_stage_to_raw_encoded_p50": _p50(stage) / _p50(raw_enc),
        "batch_conversion_rows_per_second_100k": len(big) / batch_seconds,
    }
    path = write_result("scoring_latency", result)
    print(path.read_text())


if __name__ == "__main__":
    from benchmarks._common import no_arguments

    no_arguments(__doc__)
    main()
