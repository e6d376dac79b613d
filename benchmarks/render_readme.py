"""Regenerate benchmark tables in benchmarks/README.md from their JSON results.

    python -m benchmarks.render_readme            # front-door section from results/front_door.json

Only the text between `<!-- front_door:begin -->` and `<!-- front_door:end -->` is replaced; other
sections (other benchmarks' markers) are left as they are. The README is created with a short
introduction if it does not exist.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
FRONT_DOOR_JSON = HERE / "results" / "front_door.json"
BEGIN, END = "<!-- front_door:begin -->", "<!-- front_door:end -->"

INTRO = """# Benchmarks

Each benchmark is one command that prints a JSON document and writes it under
`benchmarks/results/`; the tables below are generated from those files (never edited by hand).
"""


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}"


def _num(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _yes(flag: bool | None) -> str:
    return "yes" if flag else "**no**"


def _errors(r: dict[str, Any]) -> str:
    if not r["errors"]:
        return "0"
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(r["errors_by_kind"].items()))
    return f"{r['errors']} ({kinds})"


def _cpu(r: dict[str, Any]) -> str:
    """Server and PostgreSQL CPU per request, and the cores other processes used meanwhile."""
    by = r["cpu"]["by_process"]
    return (f"{_num(by['gunicorn_workers']['cpu_ms_per_request'], 1)} | "
            f"{_num(by['postgres_backends']['cpu_ms_per_request'], 1)} | {_num(r['cpu']['others_cores'], 2)}")


def front_door_section(report: dict[str, Any]) -> str:
    """The markdown of the front-door section (without the markers)."""
    m, s, p, v = report["machine"], report["server"], report["parameters"], report["verification"]
    res = report["results"]
    lines = [
        "## Front door: signed HubSpot batches into the inbox",
        "",
        f"`{report['command']}` (or `make bench-front-door`) — generated {report['generated_at']} "
        f"at commit `{report.get('git_commit')}` from `benchmarks/results/front_door.json`.",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['memory_gb']} GB, Python {m['python']}, "
        f"PostgreSQL {m['postgres']} (fsync={m['postgres_settings'].get('fsync')}, "
        f"synchronous_commit={m['postgres_settings'].get('synchronous_commit')}), Redis {m['redis']}; "
        f"load average before the run {m['loadavg_before_run']}. "
        "Server, PostgreSQL, Redis and the load generator share these CPUs.",
        "",
        f"Server: gunicorn {m['gunicorn']} gthread, {s['workers']} workers × {s['threads']} threads "
        f"(`{s['wsgi']}`), dispatch: {s['dispatch']}.",
        f"Load: a separate process sends {p['events_per_batch']}-event signed v3 batches "
        f"({p['deals_per_batch']} fresh deals each, unique events) over keep-alive connections to 127.0.0.1; "
        "the trivial endpoint reads the same bodies and answers `{}`.",
        "",
    ]
    if "open_loop" in res:
        o = res["open_loop"]
        lines += [
            f"### (a) Open loop: {_num(p['open_loop']['offered_batches_per_s'])} batches/s offered "
            f"({_num(p['open_loop']['offered_events_per_s'])} events/s), at most "
            f"{p['open_loop']['max_inflight']} in flight, {_num(p['open_loop']['seconds_per_endpoint'])} s "
            "per endpoint",
            "",
            "Latency counted from each request's due time (waiting for a free in-flight slot included); "
            "every request counts, a timeout at 5 s.",
            "",
            "| endpoint | batches ok/sent | achieved events/s | p50 ms | p95 ms | p99 ms | max ms | errors |"
            " server CPU ms/batch | PostgreSQL CPU ms/batch | other work (cores) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for label, key in (("`POST /webhooks/hubspot`", "webhook"), ("trivial `POST /_bench/trivial`", "trivial")):
            r = o[key]
            lat = r["latency"]
            lines.append(
                f"| {label} | {r['ok']:,}/{r['requests']:,} | {_num(r['achieved_events_per_s'])} | "
                f"{_ms(lat['p50_ms'])} | {_ms(lat['p95_ms'])} | {_ms(lat['p99_ms'])} | {_ms(lat['max_ms'])} | "
                f"{_errors(r)} | {_cpu(r)} |"
            )
        lines += ["", f"Target: {o['target']} — met: {_yes(o['meets_target'])}.", ""]
    if "closed_loop" in res:
        c = res["closed_loop"]
        ratios = c["ratios_to_trivial"]
        lines += [
            f"### (b) Closed loop: {p['closed_loop']['concurrency']} concurrent, "
            f"{_num(p['closed_loop']['measured_seconds_per_endpoint'])} s measured per endpoint "
            f"after {_num(p['closed_loop']['warmup_seconds'])} s warm-up",
            "",
            "Latency from send to full response; every request counts, a timeout (HubSpot's 5 s) at 5 s.",
            "",
            "| endpoint | batches/s (200) | events/s | p50 ms | p95 ms | p99 ms | max ms | errors |"
            " server CPU ms/batch | PostgreSQL CPU ms/batch | other work (cores) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for label, key in (("`POST /webhooks/hubspot`", "webhook"), ("trivial `POST /_bench/trivial`", "trivial")):
            r = c[key]
            lat = r["latency"]
            lines.append(
                f"| {label} | {_num(r['achieved_batches_per_s'], 1)} | {_num(r['achieved_events_per_s'])} | "
                f"{_ms(lat['p50_ms'])} | {_ms(lat['p95_ms'])} | {_ms(lat['p99_ms'])} | {_ms(lat['max_ms'])} | "
                f"{_errors(r)} | {_cpu(r)} |"
            )
        lines += [
            f"| **webhook ÷ trivial** | {_num(ratios['events_per_s'], 3)} | {_num(ratios['events_per_s'], 3)} | "
            f"{_num(ratios['p50'], 2)} | | {_num(ratios['p99'], 2)} | | | | | |",
            "",
            f"Target: {c['target']} — met: {_yes(c['meets_target'])}.",
            "",
        ]
    lines += [
        f"Nothing lost — {_yes(v['inbox_matches_accepted'])}: the server acknowledged "
        f"{v['webhook_batches_acknowledged_200']:,} webhook batches ({v['events_acknowledged_as_accepted']:,} events "
        f"accepted, {v['events_reported_duplicate']} duplicates); counted per delivery id, the inbox misses "
        f"{v['acknowledged_events_missing_from_inbox']} of those events and has "
        f"{v['inbox_rows_beyond_acknowledged_counts']} more than acknowledged for them; it also holds "
        f"{v['inbox_rows_of_unacknowledged_batches']:,} rows of "
        f"{v['unacknowledged_batches_committed']} batches committed after the client's 5 s timeout (HubSpot would "
        f"retry those; the retry is deduplicated). RQ holds {v['rq_scheduled_jobs']:,} scheduled jobs for "
        f"{v['distinct_records']:,} records (one each: {_yes(v['one_rq_job_per_record'])}). "
        "Counts include the warm-up phases.",
    ]
    if report.get("notes"):
        lines += [""] + [f"- {n}" for n in report["notes"]]
    return "\n".join(lines)


def replace_section(text: str, begin: str, end: str, body: str) -> str:
    """Put `body` between the markers, appending the marked section if it is not there yet."""
    block = f"{begin}\n{body}\n{end}"
    start = text.find(begin)
    stop = text.find(end, start + len(begin)) if start != -1 else -1
    if start == -1 or stop == -1:
        return text.rstrip("\n") + "\n\n" + block + "\n"
    return text[:start] + block + text[stop + len(end):]


def render_front_door(report: dict[str, Any] | None = None, readme: Path = README) -> None:
    """Regenerate the front-door section of the README from `report` (or the results file)."""
    if report is None:
        report = json.loads(FRONT_DOOR_JSON.read_text())
    text = readme.read_text() if readme.exists() else INTRO
    readme.write_text(replace_section(text, BEGIN, END, front_door_section(report)))


CRM_JSON = HERE / "results" / "crm_throughput.json"
CRM_BEGIN, CRM_END = "<!-- crm_throughput:begin -->", "<!-- crm_throughput:end -->"


def crm_throughput_section(report: dict[str, Any]) -> str:
    """The markdown of the CRM-throughput section (without the markers)."""
    p = report["parameters"]
    book = p["book"]
    lines = [
        "## CRM throughput: requests per enriched deal, backfill and steady load",
        "",
        f"Measured {report['measured_at']} by `make bench-crm` through the product path (sandbox -> signed "
        f"webhooks -> inbox -> batch pipeline -> batched write-back), with the sandbox enforcing "
        f"{p['rate_limit']} requests / {p['rate_window_ms'] // 1000} s per installation. Requests and 429s are "
        f"counted by the sandbox. Book: {book['n_open_deals']:,} open deals, {book['n_companies']:,} companies; "
        f"{p['cpus']} CPU cores shared with other work.",
        "",
        "| mode | N=1 req/deal | N=10 req/deal | N=100 req/deal | backfill deals/s | backfill req/deal | "
        "share of ceiling | backfill 429s | steady deals/s | steady 429s | latency p50 / p95 (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in report["modes"]:
        rpd = {c["n"]: c["requests_per_deal"] for c in m["changed_together"]}
        bf, st = m.get("backfill") or {}, m.get("steady") or {}
        lat = st.get("latency_ms") or {}
        lines.append(
            f"| {m['mode']} | {_num(rpd.get(1), 2)} | {_num(rpd.get(10), 2)} | {_num(rpd.get(100), 2)} | "
            f"{_num(bf.get('deals_per_second'), 2)} | {_num(bf.get('requests_per_deal'), 3)} | "
            f"{_num(bf.get('share_of_ceiling'), 2)} | {_pct(bf.get('rate_limited_share'))} | "
            f"{_num(st.get('deals_per_second'), 2)} | {_pct(st.get('rate_limited_share'))} | "
            f"{_ms(lat.get('p50'))} / {_ms(lat.get('p95'))} |")
    lines += ["", "Targets (issue 9):", ""]
    for name, t in report["targets"].items():
        lines.append(f"- `{name}`: measured {_short(t['measured'])} -> {'met' if t['met'] else '**missed**'}")
    if report.get("notes"):
        lines += [""] + [f"- {n}" for n in report["notes"]]
    lines += ["", "The ceiling is the rate limit divided by the measured requests per deal; latency is webhook "
              "receipt -> enrichment stored after its write-back, at "
              f"{p['steady_rate']:g} rep edits/s for {p['steady_seconds']:g} s."]
    return "\n".join(lines)


def _short(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:.3g}"
    if isinstance(x, dict):
        return "{" + ", ".join(f"{k}: {_short(v)}" for k, v in x.items()) + "}"
    return str(x)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.2f}%"


def render_crm_throughput(report: dict[str, Any] | None = None, readme: Path = README) -> None:
    """Regenerate the CRM-throughput section of the README from `report` (or the results file)."""
    if report is None:
        report = json.loads(CRM_JSON.read_text())
    text = readme.read_text() if readme.exists() else INTRO
    readme.write_text(replace_section(text, CRM_BEGIN, CRM_END, crm_throughput_section(report)))


def main() -> int:
    if not FRONT_DOOR_JSON.exists():
        print(f"error: {FRONT_DOOR_JSON} not found; run `python -m benchmarks.front_door` first", file=sys.stderr)
        return 2
    render_front_door()
    print(f"rendered the front-door section of {README}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    from benchmarks._common import no_arguments

    no_arguments(__doc__)
    sys.exit(main())
