"""The offline agents' outputs as digests, to prove that a speed-up changed no output.

    python -m benchmarks.agents_identity --write /tmp/before.json    # on the code before
    python -m benchmarks.agents_identity --check /tmp/before.json    # on the code after

Runs `run_agents` over every case of the injection corpus and its held-out sets
(tests/fixtures/injection*/, applied to their records as tests/agents/test_injection.py does),
the fixture records, and the open deals of the demo market (seed 7), each twice in one process
(the second run meets every per-process memo warm), and records a SHA-256 of each AgentRun's
JSON (without `latency_ms`, which measures the run). `--check` exits 1 and names the records whose output differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agents.run import run_agents
from agents.settings import AgentSettings
from integrations.base import Activity, Record
from tests.agents.test_injection import _patched  # the corpus's own patch rule, so both read a case alike

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
MARKET_OPEN_DEALS = 150


def items() -> list[tuple[str, Record, dict[str, Any] | None, AgentSettings]]:
    """(name, record, scores, settings) of every record run."""
    raws = {p.stem: json.loads(p.read_text()) for p in sorted((FIXTURES / "records").glob("*.json"))}
    out = []
    for stem, raw in raws.items():
        rec = Record.from_dict(raw)
        out.append((f"records/{stem}", rec, raw.get("scores"), AgentSettings(tenant_id=rec.tenant_id)))
    for folder in sorted(FIXTURES.glob("injection*")):
        for p in sorted(folder.glob("*.json")):
            case = json.loads(p.read_text())
            raw = raws[case["record"]]
            rec = _patched(Record.from_dict(raw), case.get("patch"))
            rec = replace(rec, activities=rec.activities + tuple(Activity(**a) for a in case["inject"]))
            settings = AgentSettings(tenant_id=rec.tenant_id, other_customer_names=tuple(case["other_customers"]),
                                     link_allowlist=tuple(case.get("link_allowlist", ())))
            out.append((f"{folder.name}/{p.stem}", rec, raw.get("scores"), settings))
    from benchmarks.scoring_market_product import market_records
    from integrations.sandbox.market import Market, MarketConfig

    market = market_records(Market(MarketConfig(seed=7, n_companies=600, n_owners=8,
                                                n_open_deals=MARKET_OPEN_DEALS, n_closed_deals=400)))
    names = tuple(sorted({r.company.name for r in market.values() if r.company and r.company.name}))
    for key, rec in sorted(market.items()):
        if rec.stage_kind == "open":
            own = rec.company.name if rec.company else None
            out.append((f"market/{key}", rec, None, AgentSettings(
                tenant_id=rec.tenant_id, other_customer_names=tuple(n for n in names if n != own))))
    return out


VOLATILE = frozenset({"latency_ms"})
"""Fields that measure the run rather than say what it produced (left out of the digest)."""


def _stable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def digests() -> dict[str, str]:
    out: dict[str, str] = {}
    todo = items()
    for rnd in ("cold", "warm"):
        for name, rec, scores, settings in todo:
            try:
                run = run_agents(rec, scores, settings, now=NOW)
                blob = json.dumps(_stable(run.model_dump(mode="json")), sort_keys=True, default=str)
            except Exception as exc:  # an error is an output too
                blob = f"{type(exc).__name__}: {exc}"
            out[f"{rnd}:{name}"] = hashlib.sha256(blob.encode()).hexdigest()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", type=Path, help="write the digests here")
    g.add_argument("--check", type=Path, help="compare with digests written before")
    args = p.parse_args(argv)
    now = digests()
    if args.write:
        args.write.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
        print(f"{len(now)} outputs written to {args.write}", file=sys.stderr)
        return 0
    before = json.loads(args.check.read_text())
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    print(json.dumps({"outputs": len(now), "compared": len(before), "differ": differ[:50], "n_differ": len(differ)}))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
