"""The CRM benchmark's backfill alone, with a timeline of its batches and the CPU of each process.

    python -m benchmarks.backfill_only                 # the 2,000-deal book, in-process worker
    python -m benchmarks.backfill_only --quick         # the 600-deal book
    python -m benchmarks.backfill_only --rq-workers 4  # four RQ workers (PostgreSQL + Redis)

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
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.crm_throughput import BOOK, QUICK_BOOK, RATE_LIMIT, RATE_WINDOW_MS, Harness, backfill, say
from integrations.limits import HEADER_MARGIN

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


class BudgetLog:
    """Every reservation, refusal and refund of the app's in-process rate limiter, timed.

    Wraps the class's methods for the run (the limiter is the product's; only observed): tells
    where the budget idles, i.e. which seconds of the run sent fewer calls than the pace allows,
    and how often a batch was refused and for how long it was told to wait.
    """

    def __init__(self) -> None:
        self.events: list[tuple[float, str, int, float]] = []
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> BudgetLog:
        from integrations.errors import CrmRateLimited
        from integrations.limits import RateLimiter

        log = self.events
        acquire, refund, observe = RateLimiter.acquire, RateLimiter.refund, RateLimiter.observe
        reserve = RateLimiter.reserve
        self._saved = {"acquire": acquire, "refund": refund, "observe": observe, "reserve": reserve}

        def traced_acquire(lim: Any, key: str, lane: str = "default", cost: int = 1, **kw: Any) -> float:
            try:
                slept = acquire(lim, key, lane, cost, **kw)
            except CrmRateLimited as err:
                log.append((time.time(), f"refused-call:{lane}", cost, float(err.retry_after or 0.0)))
                raise
            log.append((time.time(), f"took:{lane}", cost, slept))
            return slept

        def traced_reserve(lim: Any, key: str, calls: int, lane: str = "default") -> str:
            # A started read's hold: no call is stamped by it (its calls are, as `took`).
            try:
                hold = reserve(lim, key, calls, lane)
            except CrmRateLimited as err:
                log.append((time.time(), f"refused:{lane}", calls, float(err.retry_after or 0.0)))
                raise
            log.append((time.time(), f"held:{lane}", calls, 0.0))
            return hold

        def traced_refund(lim: Any, key: str, unused: int, lane: str = "default") -> None:
            refund(lim, key, unused, lane)
            if unused > 0:
                log.append((time.time(), f"refund:{lane}", unused, 0.0))

        def traced_observe(lim: Any, key: str, headers: Any, lane: str = "default", **kw: Any) -> None:
            # Calls the CRM's headers say were spent beyond ours are added to the window as hits.
            before = lim.headroom(key)["remaining"] if lane == "default" else None
            observe(lim, key, headers, lane, **kw)
            if before is not None:
                extra = before - lim.headroom(key)["remaining"]
                if extra > 0:
                    log.append((time.time(), "header-extra:default", extra, 0.0))

        RateLimiter.observe = traced_observe  # type: ignore[method-assign,assignment]
        RateLimiter.acquire = traced_acquire  # type: ignore[method-assign,assignment]
        RateLimiter.refund = traced_refund  # type: ignore[method-assign,assignment]
        RateLimiter.reserve = traced_reserve  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        from integrations.limits import RateLimiter

        RateLimiter.acquire = self._saved["acquire"]  # type: ignore[method-assign,assignment]
        RateLimiter.refund = self._saved["refund"]  # type: ignore[method-assign,assignment]
        RateLimiter.observe = self._saved["observe"]  # type: ignore[method-assign,assignment]
        RateLimiter.reserve = self._saved["reserve"]  # type: ignore[method-assign,assignment]

    def summary(self, since: float, until: float, pace: float) -> dict[str, Any]:
        """Calls taken per second of the run (reservations net of refunds, at the time taken),
        refusals with their waits, and the budget left idle: sum over seconds of pace - taken."""
        seconds = max(1, math.ceil(until - since))
        per_second = [0] * seconds
        refusals = []
        extra = 0
        for at, what, n, value in self.events:
            i = min(seconds - 1, max(0, int(at - since)))
            if what == "took:default":
                per_second[i] += n
            elif what == "refund:default":
                per_second[i] -= n
            elif what == "header-extra:default":
                per_second[i] += n
                extra += n
            elif what == "refused:default":
                refusals.append({"at": round(at - since, 2), "cost": n, "retry_after": round(value, 3)})
        idle = sum(max(0.0, pace - taken) for taken in per_second)
        return {"taken_per_second": per_second, "refusals": len(refusals), "refusal_log": refusals,
                "idle_budget_seconds": round(idle / pace, 1), "run_seconds": seconds,
                "header_extra_hits": extra,
                "slept_seconds": round(sum(v for _at, w, _n, v in self.events if w.startswith("took")), 2)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="the 600-deal book")
    p.add_argument("--rq-workers", type=int, default=0,
                   help="run the pipeline in this many RQ worker processes (PostgreSQL + Redis: BENCH_DATABASE_URL, "
                        "BENCH_REDIS_URL); the budget log then sees only this process's calls (the listing)")
    args = p.parse_args(argv)
    h = Harness(QUICK_BOOK if args.quick else BOOK, rq_workers=args.rq_workers)
    try:
        h.start()
        before = cpu_by_process(h)
        since = time.time()
        with BudgetLog() as budget:
            result = backfill(h)
        after = cpu_by_process(h)
        # The backfill's clock starts after its quiet window (RATE_WINDOW_MS + 0.5 s).
        run_start = since + RATE_WINDOW_MS / 1000.0 + 0.5
        # The client's own pace: the CRM's limit less HEADER_MARGIN, per second.
        pace = (RATE_LIMIT - math.ceil(RATE_LIMIT * HEADER_MARGIN)) / (RATE_WINDOW_MS / 1000.0)
        result["budget"] = budget.summary(run_start, run_start + result["seconds"], pace)
        b = result["budget"]
        say(f"budget: {b['refusals']} refusals, {b['header_extra_hits']} hits added from the CRM's headers, "
            f"{b['idle_budget_seconds']} s of {b['run_seconds']} s idle "
            f"at {pace:.1f} calls/s; slept in acquire {b['slept_seconds']} s")
        say("calls taken per second: " + " ".join(str(n) for n in b["taken_per_second"]))
        for r in b["refusal_log"]:
            say(f"refused at {r['at']:7.2f} s: cost {r['cost']}, told to wait {r['retry_after']} s")
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
