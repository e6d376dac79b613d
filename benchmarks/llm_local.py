"""The agents on the offline templates vs the local model, on the same records (issue 17).

For each record the three roles run through `agents.run_agents` (the product path: context,
gateway, safety checks, fallbacks) once with the offline provider and once with every role on the
local OpenAI-compatible server (tools/local-llm; the one at AGENTIC_SALES_LOCAL_LLM_URL, else one
started for the run and stopped after). Per role and provider: latency p50/p95, prompt and
completion tokens, schema-valid share (answers that validated, at once or after one repair),
accepted-by-safety share (the model's answer is the final one), fallback reasons.

Run: `python -m benchmarks.llm_local [--records N]` -> benchmarks/results/llm_local.json and the
`llm_local` table of benchmarks/README.md. Progress on stderr, the JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from agents import AgentSettings, run_agents
from agents.providers import local_server, throughput
from integrations.base import Record

HERE = Path(__file__).parent
RESULTS = HERE / "results" / "llm_local.json"
README = HERE / "README.md"
BEGIN, END = "<!-- llm_local:begin -->", "<!-- llm_local:end -->"
ROLES = ("analyst", "strategist", "writer")
FIXTURES = HERE.parent / "tests" / "fixtures" / "records"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def records(n: int) -> list[tuple[str, Record, dict[str, Any] | None]]:
    """The two CRM fixture records, then open deals of the demo market (with its injected notes)."""
    from datetime import UTC, datetime

    from integrations.sandbox.market import Market, MarketConfig

    out: list[tuple[str, Record, dict[str, Any] | None]] = []
    for path in sorted(FIXTURES.glob("*.json")):
        raw = json.loads(path.read_text())
        out.append((path.stem, Record.from_dict(raw), raw.get("scores")))
    start = datetime(2026, 11, 25, tzinfo=UTC)
    market = Market(MarketConfig(seed=5, start=start, n_companies=12, n_open_deals=18, n_closed_deals=10,
                                 injection_rate=0.3))
    for deal in [d for d in market.deals if d.is_open]:
        if len(out) >= n:
            break
        out.append((f"market-{deal.key}", _market_record(market, deal, start), None))
    return out[:n]


def _market_record(m: Any, d: Any, now: Any) -> Record:
    from integrations.base import Activity, Company, Contact, History, Owner, StageChange

    comp, owner = m.companies[d.company], m.owners[d.owner]
    acts = tuple(Activity(type=a.kind, at=a.at.isoformat(), direction=a.direction, subject=a.subject, body=a.body)
                 for a in m.activities if a.deal == d.key and a.at <= now)
    contacts = tuple(Contact(id=str(k), name=f"{m.contacts[k].first} {m.contacts[k].last}", email=m.contacts[k].email,
                             title=m.contacts[k].title, is_primary=k == d.primary_contact) for k in d.contacts)
    return Record(crm="hubspot", tenant_id="bench", object_type="deal", id=str(d.key), name=d.name, amount=d.amount,
                  currency=d.currency, stage=d.stage, pipeline="default",
                  close_date=d.expected_close.date().isoformat(), created_at=d.created_at.isoformat(),
                  owner=Owner(id=str(owner.user_id), name=f"{owner.first} {owner.last}", email=owner.email,
                              timezone=owner.timezone),
                  company=Company(id=str(comp.key), name=comp.name, industry=comp.industry, employees=comp.employees,
                                  annual_revenue=comp.revenue, country=comp.country),
                  contacts=contacts, activities=acts,
                  history=History(stage_changes=tuple(StageChange(stage=s, at=t.isoformat())
                                                      for s, t in d.stage_history)))


def measure(label: str, settings_for: Any, recs: list[Any], now: Any) -> dict[str, Any]:
    """Run every record; return per-role figures for one provider setup."""
    per: dict[str, dict[str, Any]] = {r: {"latency_ms": [], "prompt_tokens": [], "completion_tokens": [],
                                          "valid": 0, "accepted": 0, "runs": 0, "timeouts": 0, "reasons": Counter()}
           for r in ROLES}
    checks: Counter[str] = Counter()
    for n, (name, record, scores) in enumerate(recs, start=1):
        started = time.monotonic()
        run = run_agents(record, scores, settings_for(record), now=now, env={})
        log(f"{label}: {n}/{len(recs)} {name} in {time.monotonic() - started:.1f} s ({run.generated_by})")
        checks["passed" if run.checks_passed else "failed"] += 1
        produced = {"analyst": run.analysis.generated_by, "strategist": run.strategy.generated_by,
                    "writer": run.draft.generated_by}
        for role in ROLES:
            p = per[role]
            p["runs"] += 1
            calls = [u for u in run.usage if u["role"] == role]
            vendor = [u for u in calls if u["provider"] != "offline"] or calls
            reasons = [f.reason for f in run.fallbacks if f.role == role]
            if label != "offline" and not any(u["provider"] != "offline" for u in calls):
                # No vendor answer is on record: a timed-out call still cost its whole timeout (the
                # offline answer's ~0 ms would flatter the model); a role that never called the
                # model (the run's deadline was spent) has no latency of its own.
                if any("ProviderTimeout" in r for r in reasons):
                    p["latency_ms"].append(int(1000 * settings_for(record).timeout_for(role)))
                    p["timeouts"] += 1
            else:
                p["latency_ms"].append(sum(u["latency_ms"] for u in vendor))
            p["prompt_tokens"].append(sum(u["input_tokens"] for u in vendor))
            p["completion_tokens"].append(sum(u["output_tokens"] for u in vendor))
            final_reasons = [r for r in reasons if not r.startswith("repaired after")]
            invalid = any("OutputInvalid" in r or "MalformedResponse" in r for r in final_reasons)
            p["valid"] += 0 if invalid else 1
            if produced[role] != "offline-template" or label == "offline":
                p["accepted"] += 0 if final_reasons else 1
            for r in reasons:
                p["reasons"][_reason_kind(r)] += 1
    return {"roles": {role: _summary(p) for role, p in per.items()}, "draft_checks": dict(checks)}


def _reason_kind(reason: str) -> str:
    if reason.startswith("repaired after"):
        return "repaired (" + reason.split(":", 2)[1].strip() + ")" if ":" in reason else "repaired"
    if reason.startswith("safety"):
        return "safety"
    parts = reason.split()
    return parts[1].rstrip(":") if len(parts) > 1 else reason


def _summary(p: dict[str, Any]) -> dict[str, Any]:
    def pct(values: list[int], q: float) -> int | None:
        v = sorted(values)
        return v[min(len(v) - 1, int(q * len(v)))] if v else None

    runs = p["runs"] or 1
    return {"runs": p["runs"], "timeouts": p["timeouts"],
            "latency_ms_p50": pct(p["latency_ms"], 0.5), "latency_ms_p95": pct(p["latency_ms"], 0.95),
            "prompt_tokens_mean": round(sum(p["prompt_tokens"]) / runs),
            "completion_tokens_mean": round(sum(p["completion_tokens"]) / runs),
            "schema_valid_share": round(p["valid"] / runs, 3), "accepted_share": round(p["accepted"] / runs, 3),
            "fallback_reasons": dict(p["reasons"])}


def table(doc: dict[str, Any]) -> str:
    lines = [f"Measured {doc['measured_at']} on {doc['machine']} with {doc['model']} "
             f"({doc['threads']} thread, context {doc['context_size']}); {doc['records']} records, "
             f"`python -m benchmarks.llm_local`. A call that timed out counts at its timeout in p50/p95."
             + _conditions(doc), "",
             "| role | provider | p50 ms | p95 ms | prompt tok | completion tok | schema-valid | accepted by safety "
             "| fallback reasons |", "|---|---|---|---|---|---|---|---|---|"]
    for role in ROLES:
        for label in ("offline", "local"):
            r = doc["providers"][label]["roles"][role]
            reasons = ", ".join(f"{k} {v}" for k, v in r["fallback_reasons"].items()) or "-"
            lines.append(f"| {role} | {label} | {r['latency_ms_p50']} | {r['latency_ms_p95']} | {r['prompt_tokens_mean']} "
                         f"| {r['completion_tokens_mean']} | {r['schema_valid_share']:.0%} | {r['accepted_share']:.0%} "
                         f"| {reasons} |")
    return "\n".join(lines)


def _conditions(doc: dict[str, Any]) -> str:
    speed, load = doc.get("throughput"), doc.get("load_average")
    if not speed or not load:
        return ""
    return (f" Load average (1/5/15 min) {load['start']} at the start, {load['end']} at the end; measured speed "
            f"{speed['prompt_tokens_per_second']} prompt and {speed['completion_tokens_per_second']} completion "
            f"tokens/s; per-call timeouts from it: {doc['role_timeouts']} s.")


def render_readme(doc: dict[str, Any]) -> None:
    text = README.read_text() if README.is_file() else "# Benchmarks\n"
    block = f"{BEGIN}\n## Agents: offline templates vs the local model\n\n{table(doc)}\n{END}"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    README.write_text(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=8, help="records to run (default 8)")
    ap.add_argument("--no-write", action="store_true", help="print the JSON only")
    args = ap.parse_args(argv)
    if args.records < 1:
        print("error: --records must be at least 1", file=sys.stderr)
        return 2
    from datetime import UTC, datetime

    now = datetime(2026, 11, 25, 15, tzinfo=UTC)
    recs = records(args.records)
    url = os.environ.get(local_server.LOCAL_URL_ENV)
    server = None
    if not (url and local_server.is_up(url)):
        server = local_server.start(log=log)
        url = server.url
    try:
        model = local_server.served_model(url) or "local"
        ctx = int(json.loads(_get(url + "/models"))["data"][0].get("context_length") or 0)
        preset = local_server.local_preset(url, model)
        # Timeouts follow the server's measured speed (as in the real-model tests): with the fixed
        # preset a loaded machine times every call out and the table would measure nothing.
        load_start = os.getloadavg()
        speed = throughput.measure(url, model)
        preset.update(local_server.fitted_timeouts(preset["role_timeouts"], speed))
        log(f"measured {speed.as_dict()}; timeouts {preset['role_timeouts']}")
        offline = measure("offline", lambda r: AgentSettings(tenant_id="bench"), recs, now)
        local = measure("local", lambda r: AgentSettings(tenant_id="bench").with_overrides(**preset), recs, now)
        load_end = os.getloadavg()
    finally:
        if server is not None:
            server.stop()
    doc = {"benchmark": "llm_local", "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared)", "model": model,
           "threads": local_server.DEFAULT_THREADS, "context_size": ctx, "records": len(recs),
           "record_names": [n for n, _, _ in recs], "throughput": speed.as_dict(),
           "role_timeouts": preset["role_timeouts"],
           "load_average": {"start": [round(x, 1) for x in load_start], "end": [round(x, 1) for x in load_end]},
           "providers": {"offline": offline, "local": local}}
    if not args.no_write:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(doc, indent=2))
        render_readme(doc)
        log(f"wrote {RESULTS} and the llm_local table of {README}")
    print(json.dumps(doc))
    return 0


def _get(url: str) -> str:
    import httpx

    return httpx.get(url, timeout=5).text


if __name__ == "__main__":
    sys.exit(main())
