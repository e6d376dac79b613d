"""Fault, fuzz and soak runs with figures (`make faults`): nothing lost, nothing written twice.

Every scenario runs the real product path — the HubSpot sandbox's signed webhooks -> the app's
receiver -> the inbox on PostgreSQL -> RQ workers (separate processes) on Redis -> the batch
pipeline -> batched, idempotent write-back — on servers this run starts for itself (its own
PostgreSQL cluster and Redis, so restarting them disturbs nothing else), and counts what matters
from the outside:

- events lost: rep edits whose deal has no enrichment stored after the edit once the system is
  quiet again (read from the database, not from the app's own counters);
- duplicate writes: the sandbox's own counts of app tasks beyond one open task per deal and of
  notes beyond one per enrichment (the CRM's view);
- server errors: HTTP 5xx answered by the app's receiver.

Scenarios: `sigkill` (a worker SIGKILLed at a random moment while edits flow, N times), `redis`
and `postgres` (a restart of each while edits flow), `ambiguous` (the sandbox commits creates but
loses the response, 200 creates), `storms` (429 bursts and 5xx), `lost_webhooks` (webhooks off,
then one reconciliation), `clock_skew` (signed batches whose timestamps are ±4 min off), `fuzz`
(10,000 signed fuzzed bodies), `soak` (steady edits with faults sprinkled in; memory and queue
depth sampled). Writes benchmarks/results/faults.json and its table in benchmarks/README.md.

    python -m benchmarks.faults                # everything (about 25 minutes on 2 cores)
    python -m benchmarks.faults --quick        # smaller counts, 2-minute soak
    python -m benchmarks.faults --only fuzz,clock_skew
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from benchmarks.crm_throughput import Harness

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "faults.json"

BOOK = {"n_companies": 80, "n_owners": 6, "n_open_deals": 400, "n_closed_deals": 120}
"""A small portal: the scenarios are about faults, not volume."""

SCENARIOS = ("fuzz", "clock_skew", "ambiguous", "storms", "lost_webhooks", "sigkill", "redis", "postgres", "soak")


def say(msg: str) -> None:
    print(f"[faults] {msg}", file=sys.stderr, flush=True)


# -- servers of our own ---------------------------------------------------------------------------

class Services:
    """A private PostgreSQL cluster and Redis on free loopback ports, restartable at will."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="faults-services-"))
        self.pg_port = _free_port()
        self.redis_port = _free_port()
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        if not bins or not shutil.which("redis-server"):
            raise SystemExit("faults: needs PostgreSQL and redis-server (run `bash .ci/services.sh` once to install)")
        self.pg_bin = bins[-1]
        self.run_as: list[str] = []
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.run_as = ["runuser", "-u", "postgres", "--"]

    @property
    def database_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.pg_port}/faults"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def start(self) -> None:
        pgdata = self.dir / "pg"
        subprocess.run([*self.run_as, str(self.pg_bin / "initdb"), "-D", str(pgdata), "-A", "trust", "-U", "postgres"],
                       check=True, capture_output=True)
        self.start_postgres()
        subprocess.run([*self.run_as, str(self.pg_bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.pg_port),
                        "-U", "postgres", "faults"], check=True)
        self.start_redis()

    def start_postgres(self) -> None:
        subprocess.run([*self.run_as, str(self.pg_bin / "pg_ctl"), "-D", str(self.dir / "pg"), "-l",
                        str(self.dir / "pg.log"), "-w", "-o",
                        f"-p {self.pg_port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c max_connections=200", "start"], check=True, capture_output=True)

    def stop_postgres(self) -> None:
        subprocess.run([*self.run_as, str(self.pg_bin / "pg_ctl"), "-D", str(self.dir / "pg"), "-m", "fast",
                        "-w", "stop"], capture_output=True)

    def start_redis(self) -> None:
        subprocess.run(["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--daemonize", "yes",
                        "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.dir),
                        "--pidfile", str(self.dir / "redis.pid"), "--logfile", str(self.dir / "redis.log")],
                       check=True)
        _wait(lambda: subprocess.run(["redis-cli", "-p", str(self.redis_port), "ping"],
                                     capture_output=True).returncode == 0, 10, "redis")

    def stop_redis(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.redis_port), "shutdown"], capture_output=True)
        time.sleep(0.3)

    def stop(self) -> None:
        self.stop_redis()
        self.stop_postgres()
        shutil.rmtree(self.dir, ignore_errors=True)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise RuntimeError(f"timed out waiting for {what}")


# -- the system under test -----------------------------------------------------------------------

class System(Harness):
    """The throughput benchmark's harness (app + sandbox + RQ workers) on our own servers."""

    def __init__(self, services: Services, workers: int = 2) -> None:
        os.environ["BENCH_DATABASE_URL"] = services.database_url
        os.environ["BENCH_REDIS_URL"] = services.redis_url
        super().__init__(BOOK, rq_workers=workers, seed=3)
        self.services = services
        self.edited: dict[str, float] = {}
        self.server_errors = 0
        self.restarts = 0

    def _spawn_worker(self, n: int) -> subprocess.Popen[bytes]:
        # Short leases so a killed worker's records come back within half a minute, not two (a lease
        # shorter than the queue's latency under load would make the sweeper re-dispatch live jobs).
        os.environ["AGENTIC_SALES_LEASE_SECONDS"] = "20"
        os.environ["AGENTIC_SALES_SWEEP_INTERVAL_SECONDS"] = "2"
        try:
            return super()._spawn_worker(n)
        finally:
            os.environ.pop("AGENTIC_SALES_LEASE_SECONDS", None)
            os.environ.pop("AGENTIC_SALES_SWEEP_INTERVAL_SECONDS", None)

    def restart_worker(self, index: int) -> None:
        self.workers[index] = self._spawn_worker(index)

    def edit_many(self, ids: list[str], tag: int) -> None:
        for i, rid in enumerate(ids):
            self.edited[rid] = time.time()
            self.edit(rid, tag * 1000 + i)

    def supervise(self) -> int:
        """Restart workers that exited (a lost Redis or PostgreSQL connection ends a worker, as
        RQ's own workers do); what a process manager (Heroku, systemd) does. Returns restarts."""
        restarted = 0
        for i, w in enumerate(self.workers):
            if w.poll() is not None:
                self.restart_worker(i)
                restarted += 1
        self.restarts += restarted
        return restarted

    def settle(self, since: datetime, ids: list[str], timeout: float = 300) -> dict[str, Any]:
        """Wait until every edited deal is enriched after `since` (or the timeout), restarting
        exited workers as a process manager would; count losses."""
        started = time.time()
        done: dict[str, Any] = {}
        while time.time() - started < timeout:
            self.supervise()
            done = self.wait_enriched(ids, since, timeout=5)
            if len(done) >= len(ids):
                break
        self.wait_idle(60)
        counters = self.counters()
        return {"edits": len(ids), "lost": len(set(ids) - set(done)),
                "recovery_seconds": round(time.time() - started, 1),
                "duplicate_tasks": counters.get("duplicate_tasks", 0),
                "duplicate_notes": counters.get("duplicate_notes", 0)}

    def faults(self, names: list[str]) -> None:
        self.sandbox.control("POST", "faults/profile", faults=names)

    def fresh(self, pool: list[str], n: int) -> list[str]:
        """The next n deals of the shuffled book; once every deal was used, the book again (an
        edit after the previous scenario's is a new change: each scenario counts from its start)."""
        if len(pool) < n:
            again = self.open_ids()
            random.Random(len(pool) + n).shuffle(again)
            pool.extend(again)
        ids = pool[:n]
        del pool[:n]
        return ids


# -- scenarios ------------------------------------------------------------------------------------

def scenario_sigkill(s: System, pool: list[str], kills: int) -> dict[str, Any]:
    """Edits flow; as soon as a job is running, SIGKILL every worker (so the kill lands mid-job
    whichever worker holds it), restart them, repeat. The leases bring the records back."""
    since = datetime.now(UTC)
    ids: list[str] = []
    hit_running = 0
    for k in range(kills):
        batch = s.fresh(pool, 3)
        ids += batch
        s.edit_many(batch, 100 + k)
        deadline = time.time() + 15
        while time.time() < deadline and _running_jobs(s) == 0:
            time.sleep(0.05)
        hit_running += int(_running_jobs(s) > 0)
        for i, w in enumerate(s.workers):
            os.killpg(w.pid, signal.SIGKILL)
            w.wait(10)
            s.restart_worker(i)
    out = s.settle(since, ids, timeout=900)
    return {**out, "kills": kills, "kills_with_jobs_running": hit_running}


def _running_jobs(s: System) -> int:
    from sqlalchemy import func, select

    from app.storage import get_db
    from app.storage.models import RecordJob

    with get_db(s.app).session() as sess:
        return int(sess.execute(select(func.count()).select_from(RecordJob)
                                .where(RecordJob.state == "running")).scalar_one())


def scenario_restart(s: System, pool: list[str], which: str) -> dict[str, Any]:
    since = datetime.now(UTC)
    ids = s.fresh(pool, 20)
    s.edit_many(ids[:10], 300)
    time.sleep(2.5)
    down = time.time()
    if which == "redis":
        s.services.stop_redis()
        time.sleep(3)
        s.services.start_redis()
    else:
        s.services.stop_postgres()
        time.sleep(3)
        s.services.start_postgres()
    outage = round(time.time() - down, 1)
    before = s.restarts
    s.edit_many(ids[10:], 301)
    # Webhooks the sandbox could not deliver during the outage are retried by the sandbox, as
    # HubSpot does; a worker that lost its connection exits and is restarted by `settle`.
    out = s.settle(since, ids, timeout=600)
    return {**out, "outage_seconds": outage, "worker_restarts": s.restarts - before}


def scenario_profile(s: System, pool: list[str], names: list[str], n: int) -> dict[str, Any]:
    since = datetime.now(UTC)
    before = s.counters()
    ids = s.fresh(pool, n)
    s.faults(names)
    try:
        s.edit_many(ids, 400 + len(names))
        out = s.settle(since, ids, timeout=900)
    finally:
        s.faults([])
    after = s.counters()
    return {**out, "faults": names, "rate_limited": after.get("rate_limited", 0) - before.get("rate_limited", 0)}


def scenario_lost_webhooks(s: System, pool: list[str], n: int) -> dict[str, Any]:
    from app.sync import reconcile

    since = datetime.now(UTC)
    ids = s.fresh(pool, n)
    s.sandbox.control("POST", "faults", webhooks_enabled=False)
    try:
        s.edit_many(ids, 500)
        time.sleep(1.5)
    finally:
        s.sandbox.control("POST", "faults", webhooks_enabled=True)
    started = time.time()
    with s.app.app_context():
        result = reconcile(s.tenant_id, s.app)
    out = s.settle(since, ids, timeout=600)
    return {**out, "reconciled": result["missing"], "seconds_to_recover": round(time.time() - started, 1)}


def _signed_post(s: System, body: bytes, *, skew_ms: int = 0) -> int:
    from webhooks.hubspot.signature import sign_v3

    ts = str(int(time.time() * 1000) + skew_ms)
    uri = f"{s.url}/webhooks/hubspot"
    sig = sign_v3(method="POST", uri=uri, body=body, timestamp=ts, secret=s.keys["HUBSPOT_CLIENT_SECRET"])
    r = requests.post(uri, data=body, timeout=30, headers={
        "Content-Type": "application/json", "X-HubSpot-Signature-v3": sig, "X-HubSpot-Request-Timestamp": ts})
    if r.status_code >= 500:
        s.server_errors += 1
    return r.status_code


def _event(s: System, deal_id: str, event_id: int, **over: Any) -> dict[str, Any]:
    ev = {"eventId": event_id, "subscriptionId": 1, "portalId": s.sandbox.hub_id, "appId": 1,
          "occurredAt": int(time.time() * 1000), "subscriptionType": "deal.propertyChange", "attemptNumber": 0,
          "objectId": int(deal_id), "propertyName": "amount", "propertyValue": str(1000 + event_id),
          "changeSource": "CRM_UI"}
    ev.update(over)
    return ev


def scenario_clock_skew(s: System, pool: list[str]) -> dict[str, Any]:
    """Batches signed with clocks 4 minutes fast or slow are inside HubSpot's 5-minute window:
    every one must be accepted (a receiver with a tighter window would lose them)."""
    ids = s.fresh(pool, 20)
    errors_before = s.server_errors
    statuses = []
    for i, rid in enumerate(ids):
        skew = (-1 if i % 2 else 1) * 240_000
        statuses.append(_signed_post(s, json.dumps([_event(s, rid, 900_000 + i)]).encode(), skew_ms=skew))
    rejected_outside = sum(_signed_post(s, json.dumps([_event(s, ids[0], 990_000 + k)]).encode(),
                                        skew_ms=sign * 360_000) == 401 for k, sign in enumerate((1, -1)))
    return {"edits": len(ids), "accepted": statuses.count(200), "lost": len(ids) - statuses.count(200),
            "outside_window_rejected": rejected_outside, "server_errors": s.server_errors - errors_before}


def scenario_fuzz(s: System, pool: list[str], bodies: int) -> dict[str, Any]:
    """Signed bodies mutated from real events (types, sizes, encodings, NULs, nesting): no 5xx.

    Bodies are generated first (one seeded generator, so a run is repeatable), then posted from
    8 threads at once, as HubSpot's concurrent deliveries would arrive."""
    from concurrent.futures import ThreadPoolExecutor

    rng = random.Random(17)
    ids = pool[:50]
    nasty: list[Any] = [None, True, -1, 2**63, 10**30, 1.5e308, "", "\x00", "\ud800", "²", "٣", "a" * 70_000,
                        [1, 2], {"a": {"b": []}}, "62_515", " 42", "0x1f", "NaN", "' OR 1=1 --", "<script>"]
    keys = list(_event(s, "1", 1))
    payloads: list[bytes] = []
    for n in range(bodies):
        events = [_event(s, rng.choice(ids), 2_000_000 + n * 10 + k) for k in range(rng.randint(1, 5))]
        for ev in events:
            for _ in range(rng.randint(0, 3)):
                key = rng.choice(keys + ["extra"])
                if rng.random() < 0.15:
                    ev.pop(key, None)
                else:
                    ev[key] = rng.choice(nasty)
        body = json.dumps(events, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        if rng.random() < 0.1:
            cut = rng.randrange(len(body))
            body = body[:cut] + bytes([rng.randrange(256)]) + body[cut + 1:]
        if rng.random() < 0.03:
            body = b"[" * rng.randint(40, 5000) + b"]" * rng.randint(0, 40)
        payloads.append(body)
    statuses: dict[int, int] = {}
    started = time.time()
    with ThreadPoolExecutor(max_workers=8) as pool_:
        for code in pool_.map(lambda b: _signed_post(s, b), payloads):
            statuses[code] = statuses.get(code, 0) + 1
    return {"bodies": bodies, "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "server_errors": sum(v for k, v in statuses.items() if k >= 500),
            "bodies_per_second": round(bodies / (time.time() - started), 1)}


def scenario_soak(s: System, pool: list[str], minutes: float, rate: float) -> dict[str, Any]:
    """Steady edits with faults sprinkled in; memory (RSS of every process) and queue depth sampled."""
    since = datetime.now(UTC)
    ids: list[str] = []
    deadline = time.time() + minutes * 60
    samples: list[dict[str, float]] = []
    rng = random.Random(23)
    i = 0
    while time.time() < deadline:
        rid = s.fresh(pool, 1)[0]
        i += 1
        ids.append(rid)
        s.edit_many([rid], 700 + i)
        if i % int(rate * 30) == 0:
            s.faults([rng.choice(["429-bursts", "5xx", "ambiguous-writes"])])
        elif i % int(rate * 30) == int(rate * 10):
            s.faults([])
        if i % int(rate * 10) == 0:
            pids = [os.getpid()] + [w.pid for w in s.workers if w.poll() is None]
            samples.append({"t": round(time.time() - deadline + minutes * 60, 1),
                            "rss_mib": round(sum(_rss_kib(pid) for pid in pids) / 1024, 1),
                            "pending": _pending(s)})
        time.sleep(max(0.0, 1.0 / rate - 0.01))
    s.faults([])
    out = s.settle(since, sorted(set(ids)), timeout=900)
    rss = [x["rss_mib"] for x in samples]
    third = max(1, len(rss) // 3)
    return {**out, "minutes": minutes, "rate_per_second": rate, "edits_sent": len(ids),
            "rss_mib_first_third": round(statistics.fmean(rss[:third]), 1) if rss else None,
            "rss_mib_last_third": round(statistics.fmean(rss[-third:]), 1) if rss else None,
            "pending_max": max((x["pending"] for x in samples), default=0),
            "pending_last": samples[-1]["pending"] if samples else 0, "samples": samples}


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def _pending(s: System) -> int:
    from sqlalchemy import func, select

    from app.storage import get_db
    from app.storage.models import InboxEvent

    with get_db(s.app).session() as sess:
        return int(sess.execute(select(func.count()).select_from(InboxEvent)
                                .where(InboxEvent.status == "pending")).scalar_one())


# -- main ---------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="smaller counts and a 2-minute soak")
    p.add_argument("--only", default="", help=f"comma list of scenarios ({', '.join(SCENARIOS)})")
    p.add_argument("--no-write", action="store_true", help="print the JSON only")
    args = p.parse_args(argv)
    only = [x.strip() for x in args.only.split(",") if x.strip()] or list(SCENARIOS)
    unknown = sorted(set(only) - set(SCENARIOS))
    if unknown:
        print(f"--only: unknown scenario(s) {', '.join(unknown)}; known: {', '.join(SCENARIOS)}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    q = args.quick
    services = Services()
    results: dict[str, Any] = {}
    started = time.time()
    try:
        services.start()
        s = System(services)
        s.start()
        try:
            from app.sync import backfill

            with s.app.app_context():
                backfill(s.tenant_id, s.app)
            s.wait_idle(900)
            pool = s.open_ids()
            random.Random(11).shuffle(pool)
            runs = {
                "fuzz": lambda: scenario_fuzz(s, pool, 1_000 if q else 10_000),
                "clock_skew": lambda: scenario_clock_skew(s, pool),
                "ambiguous": lambda: scenario_profile(s, pool, ["ambiguous-writes"], 60 if q else 200),
                "storms": lambda: scenario_profile(s, pool, ["429-bursts", "5xx"], 40 if q else 100),
                "lost_webhooks": lambda: scenario_lost_webhooks(s, pool, 20 if q else 50),
                "sigkill": lambda: scenario_sigkill(s, pool, 10 if q else 50),
                "redis": lambda: scenario_restart(s, pool, "redis"),
                "postgres": lambda: scenario_restart(s, pool, "postgres"),
                "soak": lambda: scenario_soak(s, pool, 2.0 if q else 10.0, 4.0),
            }
            for name in only:
                say(f"scenario {name} ...")
                t0 = time.time()
                try:
                    results[name] = {**runs[name](), "seconds": round(time.time() - t0, 1)}
                except Exception as exc:  # a scenario that breaks is a finding, not a crash of the run
                    results[name] = {"error": f"{type(exc).__name__}: {exc}"[:500], "seconds": round(time.time() - t0, 1)}
                say(f"{name}: {json.dumps({k: v for k, v in results[name].items() if k != 'samples'})}")
        finally:
            s.stop()
    finally:
        services.stop()
    if args.only and RESULTS.exists() and not args.no_write:
        # A partial re-run replaces its own scenarios and keeps the others' last figures.
        previous = json.loads(RESULTS.read_text()).get("scenarios", {})
        results = {**{k: v for k, v in previous.items() if k not in results}, **results}
        results = {k: results[k] for k in SCENARIOS if k in results}
    report = {"benchmark": "faults", "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "quick": q, "cpus": os.cpu_count(), "seconds": round(time.time() - started, 1),
              "scenarios": results,
              "totals": {"lost": sum(int(r.get("lost", 0)) for r in results.values()),
                         "duplicate_writes": max((int(r.get("duplicate_tasks", 0)) + int(r.get("duplicate_notes", 0))
                                                  for r in results.values()), default=0),
                         "server_errors": sum(int(r.get("server_errors", 0)) for r in results.values()),
                         "errors": [k for k, r in results.items() if "error" in r]}}
    text = json.dumps(report, indent=2, default=str)
    if not args.no_write:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(text + "\n")
        render_table(report)
    print(json.dumps(report["totals"]))
    return 0 if not report["totals"]["errors"] else 1


def render_table(report: dict[str, Any]) -> None:
    """Replace the faults table in benchmarks/README.md (between its markers)."""
    rows = ["| scenario | edits / bodies | lost | duplicate tasks | duplicate notes | 5xx | recovery s | detail |",
            "|---|---|---|---|---|---|---|---|"]
    for name, r in report["scenarios"].items():
        if "error" in r:
            rows.append(f"| {name} | - | - | - | - | - | - | error: {r['error'][:80]} |")
            continue
        detail = {k: v for k, v in r.items() if k not in ("edits", "bodies", "lost", "duplicate_tasks",
                                                          "duplicate_notes", "server_errors", "recovery_seconds",
                                                          "samples", "seconds", "statuses")}
        rows.append(f"| {name} | {r.get('edits', r.get('bodies', '-'))} | {r.get('lost', '-')} | "
                    f"{r.get('duplicate_tasks', '-')} | {r.get('duplicate_notes', '-')} | {r.get('server_errors', '-')} | "
                    f"{r.get('recovery_seconds', '-')} | {json.dumps(detail)[:160]} |")
    table = "\n".join(rows)
    readme = HERE / "README.md"
    text = readme.read_text() if readme.exists() else ""
    start, end = "<!-- faults:start -->", "<!-- faults:end -->"
    block = (f"{start}\nMeasured {report['measured_at']} ({'quick' if report['quick'] else 'full'} run, "
             f"{report['cpus']} CPUs, {report['seconds']} s; `make faults`). Duplicate counts are the sandbox's "
             f"totals at the end of each scenario (cumulative).\n\n{table}\n{end}")
    if start in text and end in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n## Faults, fuzz and soak\n\n" + block + "\n"
    readme.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
