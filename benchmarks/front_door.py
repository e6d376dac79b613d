"""Front-door benchmark (issue 2, item 8): signed HubSpot batches into the inbox under gunicorn.

    python -m benchmarks.front_door          # or: make bench-front-door

What it does, in one run (about two minutes):
1. starts PostgreSQL and Redis via .ci/services.sh if they are not reachable, migrates the bench
   database (`agentic_bench`) and creates a fresh installed HubSpot tenant;
2. serves `benchmarks.bench_wsgi:app` (the production app + `POST /_bench/trivial`) with gunicorn
   and the repository's gunicorn.conf.py, bound to 127.0.0.1, on PostgreSQL, with REDIS_URL set so
   every accepted batch schedules its records' jobs on RQ exactly as in production (no RQ worker
   runs: the jobs wait in Redis, the front door is what is measured);
3. drives it from a separate process (benchmarks/front_door_load.py) with signed 100-event
   batches, unique events, `--deals` fresh deals per batch, against the webhook and the trivial
   endpoint: (a) open loop, 20 batches/s with at most 10 in flight; (b) closed loop, 100 concurrent;
4. checks that the inbox holds exactly the events the server acknowledged as accepted, and that
   RQ holds one scheduled job per record;
5. prints one JSON document on stdout, writes it to benchmarks/results/front_door.json and
   regenerates the front-door table of benchmarks/README.md. Progress goes to stderr.

Load goes only to 127.0.0.1. The bench tenant's rows and the bench RQ keys are removed at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "front_door.json"
BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5433/agentic_bench"
BENCH_REDIS_URL = "redis://127.0.0.1:6390/15"
"""A Redis database of its own (15) so bench jobs never meet the tests' queues (db 0)."""
BENCH_QUEUE = "agentic-sales-bench"
PUBLIC_URL = "https://bench.agentic-sales.test"
TENANT_NAME_PREFIX = "front-door bench"
HOST = "127.0.0.1"
WEBHOOK_PATH = "/webhooks/hubspot"
TRIVIAL_PATH = "/_bench/trivial"
OPEN_LOOP_P99_TARGET_MS = 50.0
CLOSED_LOOP_P99_TARGET_MS = 1000.0


def log(message: str) -> None:
    print(f"[front-door] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.front_door", description=__doc__.split("\n")[0])
    # One worker per CPU: the handler is CPU-bound Python (one core per process at most, GIL), and
    # PostgreSQL, Redis and the load generator need the rest of the machine; 4 threads per worker
    # overlap the database and Redis round trips and hold HubSpot's 10 in-flight requests.
    p.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WEB_WORKERS", str(os.cpu_count() or 2))),
                   help="gunicorn workers (WEB_CONCURRENCY); default: one per CPU")
    p.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_WEB_THREADS", "4")),
                   help="gunicorn threads per worker (WEB_THREADS)")
    p.add_argument("--rate", type=float, default=20.0, help="open loop: offered batches per second")
    p.add_argument("--max-inflight", type=int, default=10, help="open loop: most requests in flight")
    p.add_argument("--open-seconds", type=float, default=25.0, help="open loop: seconds per endpoint")
    p.add_argument("--concurrency", type=int, default=100, help="closed loop: concurrent connections")
    p.add_argument("--closed-seconds", type=float, default=15.0, help="closed loop: measured seconds per endpoint")
    p.add_argument("--closed-warmup", type=float, default=3.0, help="closed loop: unmeasured seconds first")
    p.add_argument("--events", type=int, default=100, help="events per batch")
    p.add_argument("--deals", type=int, default=10, help="distinct (fresh) deals per batch")
    p.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", BENCH_DATABASE_URL))
    p.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", BENCH_REDIS_URL))
    p.add_argument("--quiet-wait", type=float, default=60.0,
                   help="wait up to this many seconds for the machine to be mostly idle before starting")
    p.add_argument("--app", default="benchmarks.bench_wsgi:app",
                   help="WSGI app to serve (experiments with a patched app; results name it)")
    p.add_argument("--only", choices=("open", "closed"), help="run one part only (tuning; not for results)")
    p.add_argument("--no-write", action="store_true", help="print the JSON only; leave results and README")
    p.add_argument("--keep-data", action="store_true", help="keep the bench tenant's rows and RQ keys")
    p.add_argument("--py-spy", metavar="FILE",
                   help="run gunicorn under `py-spy record --subprocesses` and write raw (collapsed) stacks to FILE "
                        "(profiling only; the numbers of such a run are not results)")
    return p.parse_args(argv)


# --- services ------------------------------------------------------------------------------------

def ensure_services(database_url: str, redis_url: str) -> None:
    """Start PostgreSQL and Redis with .ci/services.sh when they do not answer."""
    if _pg_ok(database_url) and _redis_ok(redis_url):
        return
    log("PostgreSQL/Redis not reachable: running .ci/services.sh")
    subprocess.run(["bash", str(ROOT / ".ci" / "services.sh")], check=True, stdout=subprocess.DEVNULL)
    if not (_pg_ok(database_url) and _redis_ok(redis_url)):
        raise SystemExit("error: PostgreSQL or Redis still unreachable after .ci/services.sh")


def _pg_ok(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


def _redis_ok(url: str) -> bool:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(url, socket_connect_timeout=2).ping())
    except RedisError:
        return False


# --- tenant and data ---------------------------------------------------------------------------------

def sqlalchemy_url(url: str) -> str:
    from app.config import normalise_database_url

    return normalise_database_url(url)


def remove_bench_tenants(db: Any) -> int:
    """Delete every tenant this benchmark created (by name), with all their rows."""
    from sqlalchemy import select

    from app.storage import delete_tenant_data
    from app.storage.models import Tenant

    with db.session() as s:
        ids = s.execute(select(Tenant.id).where(Tenant.name.like(f"{TENANT_NAME_PREFIX}%"))).scalars().all()
    for tid in ids:
        with db.session() as s:
            delete_tenant_data(s, tid)
    return len(ids)


def create_tenant(db: Any, token_key: str, portal_id: int) -> str:
    """An active HubSpot tenant with a live installation (tokens encrypted), as install does."""
    from app.storage.crypto import TokenCipher
    from app.storage.models import Installation, Tenant

    tid = f"hubspot-{portal_id}"
    cipher = TokenCipher(token_key)
    with db.session() as s:
        s.add(Tenant(id=tid, crm="hubspot", external_id=str(portal_id), name=f"{TENANT_NAME_PREFIX} {portal_id}"))
        s.flush()
        s.add(Installation(
            tenant_id=tid, crm="hubspot", access_token_enc=cipher.encrypt("pat-bench-access"),
            refresh_token_enc=cipher.encrypt("bench-refresh"),
            expires_at=datetime.now(UTC) + timedelta(hours=1), scopes=["oauth"],
        ))
    return tid


def count_tenant_rows(db: Any, tenant_id: str) -> dict[str, Any]:
    from sqlalchemy import func, select

    from app.storage.models import InboxEvent, RecordJob

    with db.session() as s:
        per_delivery = dict(s.execute(
            select(InboxEvent.delivery_id, func.count()).where(InboxEvent.tenant_id == tenant_id)
            .group_by(InboxEvent.delivery_id)
        ).all())
        distinct_records = s.execute(
            select(func.count(func.distinct(InboxEvent.record_id))).where(InboxEvent.tenant_id == tenant_id)
        ).scalar_one()
        jobs = s.execute(select(func.count()).select_from(RecordJob)
                         .where(RecordJob.tenant_id == tenant_id, RecordJob.state == "scheduled")).scalar_one()
    return {"per_delivery": per_delivery, "inbox_rows": sum(per_delivery.values()),
            "distinct_records": int(distinct_records), "record_jobs_scheduled": int(jobs)}


def verify(load: dict[str, Any], counts: dict[str, Any], rq: dict[str, int], events: int) -> dict[str, Any]:
    """Every acknowledged delivery has exactly its accepted events in the inbox (by delivery_id)."""
    acked: dict[str, int] = load["acknowledged"]
    per_delivery: dict[str, int] = counts["per_delivery"]
    missing = sum(max(0, n - per_delivery.get(d, 0)) for d, n in acked.items())
    extra_in_acked = sum(max(0, per_delivery.get(d, 0) - n) for d, n in acked.items())
    unacked = {d: n for d, n in per_delivery.items() if d not in acked}
    return {
        "batches_sent": load["batches_sent"],
        "webhook_batches_acknowledged_200": load["webhook_ok_batches"],
        "webhook_batches_unacknowledged": load["webhook_unclear_batches"],
        "events_acknowledged_as_accepted": load["webhook_accepted_events"],
        "events_reported_duplicate": load["webhook_duplicate_events"],
        "inbox_rows": counts["inbox_rows"],
        "inbox_rows_of_acknowledged_batches": sum(per_delivery.get(d, 0) for d in acked),
        "acknowledged_events_missing_from_inbox": missing,
        "inbox_rows_beyond_acknowledged_counts": extra_in_acked,
        "inbox_rows_of_unacknowledged_batches": sum(unacked.values()),
        "unacknowledged_batches_committed": len(unacked),
        "distinct_records": counts["distinct_records"],
        "record_jobs_scheduled": counts["record_jobs_scheduled"],
        **rq,
        "inbox_matches_accepted": missing == 0 and extra_in_acked == 0,
        "all_acknowledged_events_accepted": load["webhook_accepted_events"] == load["webhook_ok_batches"] * events,
        "one_rq_job_per_record": rq["rq_scheduled_jobs"] == counts["record_jobs_scheduled"]
        == counts["distinct_records"],
        "method": "the client keeps the delivery_id and accepted count of every 200; the inbox rows are counted "
                  "per delivery_id. Warm-up phases included. A batch the client gave up on (HubSpot's 5 s "
                  "timeout) may still have committed: HubSpot would retry it and the retry would be deduplicated.",
    }


def rq_counts(redis_url: str) -> dict[str, int]:
    from redis import Redis
    from rq import Queue
    from rq.registry import ScheduledJobRegistry

    conn = Redis.from_url(redis_url)
    queue = Queue(BENCH_QUEUE, connection=conn)
    return {"rq_scheduled_jobs": ScheduledJobRegistry(queue=queue).count, "rq_queued_jobs": queue.count}


def clear_rq(redis_url: str) -> int:
    """Remove RQ's keys from the bench Redis database (db 15 by default, used by nothing else)."""
    from redis import Redis

    conn = Redis.from_url(redis_url)
    removed = 0
    batch: list[bytes] = []
    for key in conn.scan_iter(match="rq:*", count=2000):
        batch.append(key)
        if len(batch) >= 2000:
            removed += cast(int, conn.unlink(*batch))
            batch.clear()
    if batch:
        removed += cast(int, conn.unlink(*batch))
    return removed


# --- gunicorn ----------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving benchmarks.bench_wsgi:app with the repository's gunicorn.conf.py."""

    def __init__(self, *, workers: int, threads: int, env: dict[str, str], workdir: Path,
                 py_spy: str | None = None, app: str = "benchmarks.bench_wsgi:app") -> None:
        self.py_spy = py_spy
        self.app = app
        self.port = free_port()
        self.workers = workers
        self.threads = threads
        self.log_path = workdir / "gunicorn.log"
        self.env = {**env, "PORT": str(self.port), "WEB_CONCURRENCY": str(workers), "WEB_THREADS": str(threads),
                    "PROMETHEUS_MULTIPROC_DIR": str(workdir / "metrics")}
        (workdir / "metrics").mkdir()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        cmd = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
               "--bind", f"{HOST}:{self.port}", "--workers", str(self.workers), "--threads", str(self.threads),
               self.app]
        if self.py_spy:
            tool = shutil.which("py-spy") or os.environ.get("PY_SPY") or "py-spy"
            cmd = [tool, "record", "--subprocesses", "--rate", "100", "--format", "raw", "--output", self.py_spy,
                   "--", *cmd]
        log(f"starting gunicorn: {self.workers} workers x {self.threads} threads on {HOST}:{self.port}")
        self.logfile = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=self.logfile, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"error: gunicorn exited ({self.proc.returncode}):\n{self.tail()}")
            try:
                status, body = self.get("/healthz")
                if status == 200:
                    log(f"server healthy: {body.decode()[:200]}")
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"error: gunicorn not healthy within 30 s:\n{self.tail()}")

    def get(self, path: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def worker_pids(self) -> list[int]:
        """The gunicorn worker processes (children of the master; under py-spy, grandchildren)."""
        if self.proc is None:
            return []
        pids, frontier = [], [self.proc.pid]
        for _ in range(3):
            nxt = []
            for parent in frontier:
                out = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(parent)], capture_output=True, text=True)
                for line in out.stdout.splitlines():
                    pid, _, args = line.strip().partition(" ")
                    nxt.append(int(pid))
                    if "gunicorn" in args:
                        pids.append(int(pid))
            frontier = nxt
        master = self.master_pid()
        return [p for p in pids if p != master]

    def master_pid(self) -> int | None:
        if self.proc is None:
            return None
        if not self.py_spy:
            return self.proc.pid
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.proc.pid)], capture_output=True, text=True)
        return int(out.stdout.split()[0]) if out.stdout.split() else None

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            master = self.master_pid() if self.py_spy else self.proc.pid
            if master:
                os.kill(master, signal.SIGTERM)
            try:
                self.proc.wait(timeout=25)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "logfile", None):
            self.logfile.close()


# --- machine info ------------------------------------------------------------------------------------

def machine_info(database_url: str, redis_url: str) -> dict[str, Any]:
    import gunicorn
    import psycopg
    import sqlalchemy
    from redis import Redis

    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    with psycopg.connect(database_url) as conn:
        def show(name: str) -> Any:
            row = conn.execute(f"SHOW {name}").fetchone()
            return row[0] if row else None

        pg_version = show("server_version")
        pg_settings = {name: show(name) for name in ("fsync", "synchronous_commit", "shared_buffers",
                                                      "max_connections")}
    redis_version = cast(dict[str, Any], Redis.from_url(redis_url).info("server")).get("redis_version")
    return {
        "nproc": int(nproc) if nproc.isdigit() else os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gb": mem_gb,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "gunicorn": gunicorn.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "psycopg": psycopg.__version__,
        "postgres": pg_version,
        "postgres_settings": pg_settings,
        "redis": redis_version,
        "loadavg_before_run": [round(x, 2) for x in os.getloadavg()],
        "note": "server, PostgreSQL, Redis and the load generator share these cores",
    }


def machine_busy(sample: float = 2.0) -> float:
    """Percent of all CPUs busy (steal excluded) over `sample` seconds."""
    from benchmarks.front_door_load import cpu_busy

    b0, t0, _ = cpu_busy()
    time.sleep(sample)
    b1, t1, _ = cpu_busy()
    return round(100.0 * (b1 - b0) / max(1, t1 - t0), 1)


def wait_for_quiet(limit: float, threshold: float = 30.0) -> dict[str, Any]:
    """Wait (up to `limit` s) until other processes use less than `threshold` % of the CPUs."""
    started = time.monotonic()
    busy = machine_busy()
    if busy >= threshold and limit > 0:
        log(f"machine {busy}% busy with other work; waiting up to {limit:g} s for it to calm down")
    while busy >= threshold and time.monotonic() - started < limit:
        busy = machine_busy()
    if busy >= threshold and limit > 0:
        log(f"still {busy}% busy; starting anyway (the JSON records it)")
    return {"machine_busy_pct_before_start": busy, "waited_seconds": round(time.monotonic() - started, 1),
            "quiet_threshold_pct": threshold}


def git_commit() -> str | None:
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return out.stdout.strip() or None


def modified_bench_files() -> list[str]:
    """The front-door benchmark's own files that differ from HEAD (the results file aside)."""
    paths = ["benchmarks/front_door.py", "benchmarks/front_door_load.py", "benchmarks/bench_wsgi.py"]
    out = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", *paths],
                         capture_output=True, text=True)
    return [line[3:] for line in out.stdout.splitlines()]


# --- the run -----------------------------------------------------------------------------------------

def phases(args: argparse.Namespace) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        # Warm every worker, connection pool and the JIT-less code paths before measuring.
        {"name": "warmup-webhook", "mode": "closed", "path": WEBHOOK_PATH, "concurrency": 20,
         "duration": 2.0, "warmup": 0.0},
        {"name": "warmup-trivial", "mode": "closed", "path": TRIVIAL_PATH, "concurrency": 20,
         "duration": 1.0, "warmup": 0.0},
    ]
    if args.only in (None, "open"):
        for name, path in (("open-webhook", WEBHOOK_PATH), ("open-trivial", TRIVIAL_PATH)):
            out.append({"name": name, "mode": "open", "path": path, "rate": args.rate,
                        "max_inflight": args.max_inflight, "duration": args.open_seconds})
    if args.only in (None, "closed"):
        for name, path in (("closed-webhook", WEBHOOK_PATH), ("closed-trivial", TRIVIAL_PATH)):
            out.append({"name": name, "mode": "closed", "path": path, "concurrency": args.concurrency,
                        "duration": args.closed_seconds, "warmup": args.closed_warmup})
    return out


def run_load(spec: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    """Run the load generator process; returns its JSON result."""
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.front_door_load"], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps(spec))
    proc.stdin.close()
    out = proc.stdout.read()
    if proc.wait() != 0:
        raise SystemExit(f"error: the load generator failed ({proc.returncode})")
    return json.loads(out)


def build_report(args: argparse.Namespace, machine: dict[str, Any], load: dict[str, Any],
                 verification: dict[str, Any], server: Server, started: float) -> dict[str, Any]:
    by_name = {p["name"]: p for p in load["phases"]}
    results: dict[str, Any] = {}
    if "open-webhook" in by_name:
        wh, tr = by_name["open-webhook"], by_name["open-trivial"]
        results["open_loop"] = {
            "webhook": wh, "trivial": tr,
            "target": f"webhook p99 ack < {OPEN_LOOP_P99_TARGET_MS:g} ms at {args.rate:g} batches/s offered",
            "meets_target": bool(wh["errors"] == 0 and wh["latency"]["p99_ms"] is not None
                                 and wh["latency"]["p99_ms"] < OPEN_LOOP_P99_TARGET_MS
                                 and wh["achieved_batches_per_s"] >= 0.98 * args.rate),
        }
    if "closed-webhook" in by_name:
        wh, tr = by_name["closed-webhook"], by_name["closed-trivial"]
        results["closed_loop"] = {
            "webhook": wh, "trivial": tr,
            "ratios_to_trivial": {
                "events_per_s": _ratio(wh["achieved_events_per_s"], tr["achieved_events_per_s"]),
                "p50": _ratio(wh["latency"]["p50_ms"], tr["latency"]["p50_ms"]),
                "p99": _ratio(wh["latency"]["p99_ms"], tr["latency"]["p99_ms"]),
            },
            "target": f"webhook p99 < {CLOSED_LOOP_P99_TARGET_MS:g} ms at {args.concurrency} concurrent",
            "meets_target": bool(wh["errors"] == 0 and wh["latency"]["p99_ms"] is not None
                                 and wh["latency"]["p99_ms"] < CLOSED_LOOP_P99_TARGET_MS),
        }
    return {
        "benchmark": "front_door",
        "issue": "2 (item 8)",
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "uncommitted_benchmark_files": modified_bench_files(),
        "command": "python -m benchmarks.front_door" + (" " + " ".join(sys.argv[1:]) if sys.argv[1:] else ""),
        "wall_seconds": round(time.monotonic() - started, 1),
        "machine": machine,
        "server": {
            "wsgi": f"{server.app} (create_app + POST /_bench/trivial)",
            "gunicorn_config": "gunicorn.conf.py (gthread, keepalive 5 s, Prometheus multiprocess dir)",
            "workers": server.workers, "threads": server.threads, "worker_class": "gthread",
            "bind": f"{HOST}:<free port>",
            "database": "PostgreSQL, agentic_bench (psycopg 3, SQLAlchemy pool 10+20 per worker)",
            "dispatch": f"RQ on Redis (queue {BENCH_QUEUE}, coalescing window 2 s via enqueue_in; "
                        "no RQ worker runs during the bench)",
            "logging": "as wsgi.py: no log handler configured, access log off",
        },
        "parameters": {
            "events_per_batch": args.events, "deals_per_batch": args.deals,
            "deals": "fresh per batch: every batch inserts its events and schedules + enqueues one job per deal",
            "events": "deal.propertyChange, unique eventId per event, signed v3 at send time",
            "client": "separate process, asyncio raw HTTP/1.1 over keep-alive connections to 127.0.0.1",
            "open_loop": {"offered_batches_per_s": args.rate, "offered_events_per_s": args.rate * args.events,
                          "max_inflight": args.max_inflight, "seconds_per_endpoint": args.open_seconds},
            "closed_loop": {"concurrency": args.concurrency, "measured_seconds_per_endpoint": args.closed_seconds,
                            "warmup_seconds": args.closed_warmup},
            "phase_order": [p["name"] for p in load["phases"]],
        },
        "results": results,
        "verification": verification,
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    sys.path.insert(0, str(ROOT))
    from cryptography.fernet import Fernet

    from app.storage import Database, migrate

    ensure_services(args.database_url, args.redis_url)
    quiet = wait_for_quiet(args.quiet_wait)
    machine = machine_info(args.database_url, args.redis_url)
    machine.update(quiet)
    db_url = sqlalchemy_url(args.database_url)
    log(f"migrating {args.database_url}")
    migrate.upgrade(db_url)
    db = Database(db_url)
    removed = remove_bench_tenants(db)
    if removed:
        log(f"removed {removed} tenant(s) left by an earlier bench run")
    clear_rq(args.redis_url)

    portal_id = 70_000_000 + int(time.time()) % 10_000_000
    token_key = Fernet.generate_key().decode()
    client_secret = secrets.token_urlsafe(24)
    tenant_id = create_tenant(db, token_key, portal_id)
    log(f"tenant {tenant_id} installed")

    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTIC_SALES_")}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.update({
        "DATABASE_URL": args.database_url, "REDIS_URL": args.redis_url, "BENCH_QUEUE_NAME": BENCH_QUEUE,
        "HUBSPOT_CLIENT_ID": "bench-client-id", "HUBSPOT_CLIENT_SECRET": client_secret,
        "AGENTIC_SALES_PUBLIC_URL": PUBLIC_URL, "AGENTIC_SALES_TOKEN_KEY": token_key,
        "AGENTIC_SALES_SECRET_KEY": secrets.token_urlsafe(24),
        "PYTHONPATH": str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""),
    })
    workdir = Path(tempfile.mkdtemp(prefix="front-door-bench-"))
    server = Server(workers=args.workers, threads=args.threads, env=env, workdir=workdir, py_spy=args.py_spy, app=args.app)
    load: dict[str, Any] | None = None
    try:
        server.start()
        spec = {
            "host": HOST, "port": server.port, "secret": client_secret, "public_url": PUBLIC_URL,
            "portal_id": portal_id, "events_per_batch": args.events, "deals_per_batch": args.deals,
            "event_base": 1_000_000_000, "deal_base": 50_000_000_000, "phases": phases(args),
            "pause_between_phases": 1.0, "request_timeout": 5.0, "server_pids": server.worker_pids(),
        }
        load_env = {k: v for k, v in env.items() if k not in ("HUBSPOT_CLIENT_SECRET",)}
        load = run_load(spec, load_env)
        time.sleep(0.5)
        counts = count_tenant_rows(db, tenant_id)
        rq = rq_counts(args.redis_url)
        verification = verify(load, counts, rq, args.events)
        log(f"verification: inbox {counts['inbox_rows']} rows, acknowledged-accepted "
            f"{load['webhook_accepted_events']}, missing {verification['acknowledged_events_missing_from_inbox']}, "
            f"from unacknowledged batches {verification['inbox_rows_of_unacknowledged_batches']}, "
            f"RQ scheduled {rq['rq_scheduled_jobs']}, records {counts['distinct_records']}")
    finally:
        server.stop()
        if load is not None and (server.proc is None or server.proc.returncode not in (0, None)):
            log(f"gunicorn exit code {server.proc.returncode if server.proc else None}")
        errors_in_log = [ln for ln in server.tail(2000).splitlines() if "Traceback" in ln or "[ERROR]" in ln]
        if errors_in_log:
            log(f"gunicorn log has {len(errors_in_log)} error lines; last lines:\n{server.tail(15)}")
        if not args.keep_data:
            log("removing the bench tenant's rows and RQ keys")
            remove_bench_tenants(db)
            clear_rq(args.redis_url)
        db.engine.dispose()
        shutil.rmtree(workdir, ignore_errors=True)

    report = build_report(args, machine, load, verification, server, started)
    report["verification"]["gunicorn_error_lines"] = len(errors_in_log)
    text = json.dumps(report, indent=2)
    print(text)
    if not args.no_write and args.only is None and not args.py_spy and args.app == "benchmarks.bench_wsgi:app":
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text + "\n")
        from benchmarks.render_readme import render_front_door

        render_front_door(report)
        log(f"wrote {RESULTS.relative_to(ROOT)} and the front-door table of benchmarks/README.md")
    ok = report["verification"]["inbox_matches_accepted"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
