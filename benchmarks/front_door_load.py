"""Load generator of the front-door benchmark: a separate process driving the server over HTTP.

Run by benchmarks/front_door.py as `python -m benchmarks.front_door_load` with a JSON spec on stdin;
prints one JSON document of per-phase results on stdout, progress on stderr. The client is a
minimal asyncio HTTP/1.1 keep-alive client (no HTTP library) so its own CPU cost stays small on a
machine it shares with the server: bodies are built from a string template, signed with HubSpot's
v3 algorithm at send time, written in one call; the response is read by Content-Length.

Phases:
- `open`: open loop. A request is due every 1/rate s whatever happened before; at most
  `max_inflight` are in flight (one keep-alive connection each), so a due request waits for a free
  connection. Latency is reported from the due time (includes that wait: no coordinated omission)
  and from the actual send.
- `closed`: closed loop. `concurrency` connections each send the next request as soon as the
  previous one is answered; throughput and latency are measured after `warmup` seconds.

Every batch carries unique events (eventIds never repeat within a run) over `deals_per_batch`
deals that no other batch touches, so none is deduplicated or coalesced away.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from typing import Any

from webhooks.hubspot.signature import sign_v3

PROPERTIES = (
    "amount", "dealstage", "closedate", "hs_priority", "dealname",
    "pipeline", "hubspot_owner_id", "hs_next_step", "description", "hs_forecast_probability",
)
"""Deal properties the synthetic events change (none is one of our output fields)."""


def log(message: str) -> None:
    print(f"[load] {message}", file=sys.stderr, flush=True)


class Batches:
    """Unique signed HubSpot batches: `events` deal.propertyChange events over `deals` fresh deals."""

    def __init__(self, *, portal_id: int, events: int, deals: int, event_base: int, deal_base: int) -> None:
        self.portal_id = portal_id
        self.events = events
        self.deals = deals
        self.event_base = event_base
        self.deal_base = deal_base
        self.made = 0
        self.occurred_at = int(time.time() * 1000) - 60_000

    def next(self) -> bytes:
        n = self.made
        self.made += 1
        first_event = self.event_base + n * self.events
        first_deal = self.deal_base + n * self.deals
        parts = []
        for i in range(self.events):
            event_id = first_event + i
            prop = PROPERTIES[(i // self.deals) % len(PROPERTIES)]
            parts.append(
                f'{{"eventId":{event_id},"subscriptionId":2741,"portalId":{self.portal_id},'
                f'"appId":1160452,"occurredAt":{self.occurred_at + i},'
                f'"subscriptionType":"deal.propertyChange","attemptNumber":0,'
                f'"objectId":{first_deal + i % self.deals},"changeSource":"CRM_UI",'
                f'"sourceId":"userId:45678","propertyName":"{prop}","propertyValue":"{event_id % 997}"}}'
            )
        return ("[" + ",".join(parts) + "]").encode()


class Connection:
    """One keep-alive HTTP/1.1 connection; `post` returns (status, response body)."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> Connection:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def post(self, path: str, body: bytes, extra_headers: str) -> tuple[int, bytes]:
        if self.writer is None:
            await self.open()
        assert self.reader is not None and self.writer is not None
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra_headers}\r\n"
        ).encode("latin-1")
        self.writer.write(head + body)
        await self.writer.drain()
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = 0
        close = False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value.strip())
            elif name == "connection" and value.strip().lower() == "close":
                close = True
            elif name == "transfer-encoding":
                raise RuntimeError("chunked response not supported by the bench client")
        data = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return status, data


def percentile(sorted_values: list[float], q: float) -> float | None:
    """Nearest-rank percentile of an ascending list (q in 0..100)."""
    if not sorted_values:
        return None
    rank = max(1, int(-(-q * len(sorted_values) // 100)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def cpu_busy() -> tuple[int, int, int]:
    """(busy, total, steal) jiffies of the whole machine from /proc/stat (guest time is in user)."""
    with open("/proc/stat") as fh:
        fields = [int(x) for x in fh.readline().split()[1:9]]
    idle = fields[3] + fields[4]
    steal = fields[7] if len(fields) > 7 else 0
    return sum(fields) - idle - steal, sum(fields), steal


CLK_TCK = os.sysconf("SC_CLK_TCK")


def process_groups(server_pids: list[int]) -> dict[str, float]:
    """CPU seconds so far of the processes taking part: gunicorn workers, the bench database's
    PostgreSQL backends, redis-server on the bench port, and this client."""
    out = {"gunicorn_workers": 0.0, "postgres_backends": 0.0, "redis": 0.0, "client": time.process_time()}
    redis_port = os.environ.get("BENCH_REDIS_PORT", "6390")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        try:
            if pid in server_pids:
                group = "gunicorn_workers"
            else:
                with open(f"/proc/{pid}/cmdline", "rb") as fh:
                    cmd = fh.read()
                if cmd.startswith(b"postgres:") and b" agentic_bench " in cmd:
                    group = "postgres_backends"
                elif cmd.startswith(b"redis-server") and f":{redis_port}".encode() in cmd:
                    group = "redis"
                else:
                    continue
            with open(f"/proc/{pid}/stat") as fh:
                stat = fh.read().rsplit(")", 1)[1].split()
            out[group] += (int(stat[11]) + int(stat[12])) / CLK_TCK
        except (OSError, IndexError, ValueError):
            continue
    return out


class Runner:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.host = spec["host"]
        self.port = int(spec["port"])
        self.secret = spec["secret"]
        self.public_url = spec["public_url"].rstrip("/")
        self.batches = Batches(
            portal_id=int(spec["portal_id"]), events=int(spec["events_per_batch"]),
            deals=int(spec["deals_per_batch"]), event_base=int(spec["event_base"]),
            deal_base=int(spec["deal_base"]),
        )
        self.accepted_total = 0
        self.duplicates_total = 0
        self.webhook_ok_batches = 0
        self.webhook_unclear_batches = 0
        self.acknowledged: dict[str, int] = {}
        """delivery_id -> events accepted, for every webhook batch answered 200."""
        self.timeout = float(spec.get("request_timeout", 5.0))
        self.server_pids = [int(p) for p in spec.get("server_pids", [])]

    def snapshot(self) -> tuple[Any, dict[str, float]]:
        return cpu_busy(), process_groups(self.server_pids)

    def headers(self, path: str, body: bytes) -> str:
        ts = str(int(time.time() * 1000))
        sig = sign_v3(method="POST", uri=self.public_url + path, body=body, timestamp=ts, secret=self.secret)
        return f"X-HubSpot-Signature-v3: {sig}\r\nX-HubSpot-Request-Timestamp: {ts}\r\n"

    async def send(self, conn: Connection, path: str, body: bytes) -> tuple[float, float, int | str]:
        """Send one batch; returns (sent, done, status or error name)."""
        sent = time.perf_counter()
        try:
            status, data = await asyncio.wait_for(conn.post(path, body, self.headers(path, body)), self.timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                RuntimeError, ValueError, IndexError) as exc:
            conn.close()
            if path.startswith("/webhooks/"):
                self.webhook_unclear_batches += 1  # may or may not have been committed
            return sent, time.perf_counter(), type(exc).__name__
        done = time.perf_counter()
        if path.startswith("/webhooks/"):
            if status == 200:
                outcome = json.loads(data)
                self.accepted_total += int(outcome.get("accepted", 0))
                self.acknowledged[str(outcome.get("delivery_id"))] = int(outcome.get("accepted", 0))
                self.duplicates_total += int(outcome.get("duplicates", 0))
                self.webhook_ok_batches += 1
            elif status >= 500:
                self.webhook_unclear_batches += 1
        return sent, done, status

    def summarise(self, phase: dict[str, Any], records: list[tuple[float, float, float, int | str]],
                  window: float, cpu: dict[str, float]) -> dict[str, Any]:
        """records: (due, sent, done, status) of the requests counted in the measurement window."""
        ok = [r for r in records if r[3] == 200]
        errors: dict[str, int] = {}
        for r in records:
            if r[3] != 200:
                errors[str(r[3])] = errors.get(str(r[3]), 0) + 1
        # Every request counts, failed ones at the time they failed (a timeout at the 5 s limit), so a
        # server that times out cannot look fast by dropping its slowest answers from the percentiles.
        from_due = sorted((r[2] - r[0]) * 1000 for r in records)
        service = sorted((r[2] - r[1]) * 1000 for r in records)
        events = int(self.spec["events_per_batch"])

        def dist(values: list[float]) -> dict[str, float | None]:
            return {
                "p50_ms": _round(percentile(values, 50)), "p90_ms": _round(percentile(values, 90)),
                "p95_ms": _round(percentile(values, 95)), "p99_ms": _round(percentile(values, 99)),
                "p999_ms": _round(percentile(values, 99.9)), "max_ms": _round(values[-1] if values else None),
                "mean_ms": _round(sum(values) / len(values) if values else None),
            }

        out: dict[str, Any] = {
            "name": phase["name"], "endpoint": phase["path"], "mode": phase["mode"],
            "measured_seconds": round(window, 3), "requests": len(records), "ok": len(ok),
            "errors": sum(errors.values()), "errors_by_kind": errors,
            "achieved_batches_per_s": round(len(ok) / window, 2) if window else None,
            "achieved_events_per_s": round(len(ok) * events / window, 1) if window else None,
            "latency": dist(from_due),
            "latency_counts": "every request in the window; failures at their elapsed time (timeouts at "
                              f"{self.timeout:g} s, HubSpot's limit)",
            "cpu": cpu,
        }
        if phase["mode"] == "open":
            waited = sum(1 for r in records if r[1] - r[0] > 0.001)
            out.update({
                "offered_batches_per_s": phase["rate"], "offered_events_per_s": phase["rate"] * events,
                "max_inflight": phase["max_inflight"],
                "latency_note": "from the due time (includes waiting for one of the max_inflight slots)",
                "latency_from_send": dist(service),
                "requests_that_waited_for_a_slot": waited,
            })
        else:
            out.update({"concurrency": phase["concurrency"], "latency_note": "send to full response"})
        return out

    async def open_loop(self, phase: dict[str, Any]) -> dict[str, Any]:
        path, rate, inflight = phase["path"], float(phase["rate"]), int(phase["max_inflight"])
        duration = float(phase["duration"])
        pool: asyncio.Queue[Connection] = asyncio.Queue()
        for conn in await asyncio.gather(*(Connection(self.host, self.port).open() for _ in range(inflight))):
            pool.put_nowait(conn)
        records: list[tuple[float, float, float, int | str]] = []

        async def one(due: float, body: bytes) -> None:
            conn = await pool.get()
            try:
                sent, done, status = await self.send(conn, path, body)
            finally:
                pool.put_nowait(conn)
            records.append((due, sent, done, status))

        total = int(round(duration * rate))
        snap0 = self.snapshot()
        start = time.perf_counter() + 0.05
        tasks = []
        for k in range(total):
            body = self.batches.next()
            due = start + k / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(due, body)))
        await asyncio.gather(*tasks)
        end = time.perf_counter()
        cpu = _cpu(snap0, self.snapshot(), end - start, len(records))
        while not pool.empty():
            pool.get_nowait().close()
        return self.summarise(phase, records, end - start, cpu)

    async def closed_loop(self, phase: dict[str, Any]) -> dict[str, Any]:
        path, concurrency = phase["path"], int(phase["concurrency"])
        warmup, duration = float(phase.get("warmup", 0)), float(phase["duration"])
        conns = await asyncio.gather(*(Connection(self.host, self.port).open() for _ in range(concurrency)))
        records: list[tuple[float, float, float, int | str]] = []
        start = time.perf_counter()
        measure_from, stop = start + warmup, start + warmup + duration
        marks: dict[str, Any] = {}

        async def worker(conn: Connection) -> None:
            while time.perf_counter() < stop:
                body = self.batches.next()
                sent, done, status = await self.send(conn, path, body)
                if done >= measure_from and done <= stop:
                    records.append((sent, sent, done, status))

        async def mark() -> None:
            await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
            marks["s0"] = self.snapshot()
            await asyncio.sleep(max(0.0, stop - time.perf_counter()))
            marks["s1"] = self.snapshot()

        await asyncio.gather(mark(), *(worker(c) for c in conns))
        for c in conns:
            c.close()
        cpu = _cpu(marks["s0"], marks["s1"], duration, len(records))
        return self.summarise(phase, records, duration, cpu)

    async def run(self) -> dict[str, Any]:
        results = []
        for phase in self.spec["phases"]:
            log(f"phase {phase['name']}: {phase['mode']} loop on {phase['path']} "
                + (f"at {phase['rate']} batches/s, <= {phase['max_inflight']} in flight"
                   if phase["mode"] == "open" else f"at {phase['concurrency']} concurrent")
                + f" for {phase['duration']} s")
            if phase["mode"] == "open":
                res = await self.open_loop(phase)
            else:
                res = await self.closed_loop(phase)
            lat = res["latency"]
            log(f"  {res['ok']}/{res['requests']} ok, {res['achieved_events_per_s']} events/s, "
                f"p50 {lat['p50_ms']} ms, p99 {lat['p99_ms']} ms, errors {res['errors_by_kind']}, "
                f"machine CPU {res['cpu']['machine_busy_pct']}% (steal {res['cpu']['machine_steal_pct']}%), "
                f"server {res['cpu']['by_process']['gunicorn_workers']['cpu_ms_per_request']} CPU-ms/request, "
                f"postgres {res['cpu']['by_process']['postgres_backends']['cpu_ms_per_request']}, "
                f"others {res['cpu']['others_cores']} cores")
            results.append(res)
            await asyncio.sleep(float(self.spec.get("pause_between_phases", 1.0)))
        return {
            "phases": results,
            "batches_sent": self.batches.made,
            "webhook_accepted_events": self.accepted_total,
            "webhook_duplicate_events": self.duplicates_total,
            "webhook_ok_batches": self.webhook_ok_batches,
            "webhook_unclear_batches": self.webhook_unclear_batches,
            "acknowledged": self.acknowledged,
        }


def _cpu(s0: tuple[Any, dict[str, float]], s1: tuple[Any, dict[str, float]], wall: float,
         batches: int) -> dict[str, Any]:
    """CPU use over a phase: the machine's, and per participating process group (in cores, and
    in CPU milliseconds per request sent in the window (timed-out ones included)); `others_cores` is what other processes used."""
    (busy0, total0, steal0), g0 = s0
    (busy1, total1, steal1), g1 = s1
    total = total1 - total0
    machine_cores = (busy1 - busy0) / CLK_TCK / wall if wall else 0.0
    groups = {}
    ours = 0.0
    for name in g0:
        used = g1[name] - g0[name]
        ours += used
        groups[name] = {"cores": round(used / wall, 3) if wall else None,
                        "cpu_ms_per_request": round(1000 * used / batches, 2) if batches else None}
    return {
        "machine_busy_pct": round(100.0 * (busy1 - busy0) / total, 1) if total else 0.0,
        "machine_steal_pct": round(100.0 * (steal1 - steal0) / total, 1) if total else 0.0,
        "machine_busy_cores": round(machine_cores, 2),
        "by_process": groups,
        "others_cores": round(max(0.0, machine_cores - ours / wall), 2) if wall else None,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def main() -> None:
    spec = json.load(sys.stdin)
    result = asyncio.run(Runner(spec).run())
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    from benchmarks._common import no_arguments

    no_arguments(__doc__)
    main()
