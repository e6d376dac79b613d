"""The CRM benchmark's backfill alone, with a timeline of its batches and the CPU of each process.

    python -m benchmarks.backfill_only                 # the 2,000-deal book, in-process worker
    python -m benchmarks.backfill_only --quick         # the 600-deal book

The same Harness and `backfill` scenario as `benchmarks.crm_throughput` (sandbox in its own
process, signed webhooks, inbox, batch pipeline, batched write-back; requests counted by the
sandbox), without the other scenarios, so a change to the backfill can be measured in about two
minutes. Besides the scenario's figures it prints, from the app's own audit rows, one line per
batch (start, records, fetch and write milliseconds, last record stored) and the CPU seconds of
the app process, its agent processes and the sandbox (from /proc), which tell where the batches
wait for one another. Progress and the timeline go to stderr, the JSON document to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.crm_throughput import BOOK, QUICK_BOOK, Harness, backfill, say

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of one process (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def children(pid: int) -> list[int]:
    """Direct child processes of `pid` (the agent processes and the sandbox of this run)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return out


def cpu_by_process(h: Harness) -> dict[str, float | None]:
    sandbox = h.sandbox.proc.pid
    out: dict[str, float | None] = {"app": cpu_seconds(os.getpid()), "sandbox": cpu_seconds(sandbox)}
    for n, pid in enumerate(sorted(p for p in children(os.getpid()) if p != sandbox)):
        out[f"child-{n}"] = cpu_seconds(pid)
    return out


def timeline(h: Harness, since: float) -> list[dict[str, Any]]:
    """One row per batch from the audit log: when it started, its records, fetch/write ms, and
    when its last record was stored (seconds from `since`)."""
    from datetime import UTC

    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import AuditLog

    rows: list[dict[str, Any]] = []
    stored: dict[str, tuple[float, dict[str, Any]]] = {}
    with get_db(h.app).session() as s:
        for at, event, record_id, detail in s.execute(
                select(AuditLog.at, AuditLog.event, AuditLog.record_id, AuditLog.detail)
                .where(AuditLog.tenant_id == h.tenant_id, AuditLog.event.in_(("batch.started", "record.enriched")))
                .order_by(AuditLog.id)):
            t = (at if at.tzinfo else at.replace(tzinfo=UTC)).timestamp() - since
            if t < 0:
                continue
            if event == "batch.started":
                rows.append({"start": round(t, 2), "records": detail.get("records"),
                             "ids": set(detail.get("record_ids") or [])})
            elif record_id:
                stored[record_id] = (t, detail.get("timings_ms") or {})
    for row in rows:
        mine = [stored[rid] for rid in row.pop("ids") if rid in stored]
        row["stored_last"] = round(max((t for t, _ in mine), default=float("nan")), 2)
        row["fetch_ms"] = max((tm.get("fetch", 0) for _, tm in mine), default=None)
        row["write_ms"] = max((tm.get("write", 0) for _, tm in mine), default=None)
        row["enriched"] = len(mine)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="the 600-deal book")
    args = p.parse_args(argv)
    h = Harness(QUICK_BOOK if args.quick else BOOK, rq_workers=0)
    try:
        h.start()
        before = cpu_by_process(h)
        since = time.time()
        result = backfill(h)
        after = cpu_by_process(h)
        result["cpu_seconds"] = {k: round((after[k] or 0) - (before.get(k) or 0), 2) for k in after}
        result["cpu_ms_per_deal"] = {k: round(1000 * v / max(1, result["enriched"]), 2)
                                     for k, v in result["cpu_seconds"].items()}
        result["load_average"] = os.getloadavg()
        batches = timeline(h, since)
        result["batches"] = len(batches)
        result["batch_sizes"] = [b["records"] for b in batches]
        for b in batches:
            say(f"batch at {b['start']:7.2f} s: {b['records']:3d} records, fetch {b['fetch_ms']} ms, "
                f"write {b['write_ms']} ms, stored by {b['stored_last']:7.2f} s ({b['enriched']} enriched)")
        result["timeline"] = batches
        print(json.dumps(result, indent=2, default=str))
    finally:
        h.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
