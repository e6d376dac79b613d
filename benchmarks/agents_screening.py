"""CPU per record of the agents' screening: input screen (context) + draft vocabulary + every code
check of one draft, on the project's fixture records and the injection corpus (cases applied to
their records).

Run: ``python -m benchmarks.agents_screening [--repeat N]``; prints JSON on stdout (ms per record:
median, p90, mean; records). Single process, one thread; the text caches are cleared before each
record so every record is screened as new text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agents import names, untrusted
from agents.catalogue import catalogue_by_name
from agents.context import build_context
from agents.models import DraftOut, StrategyOut
from agents.normalize import normalise
from agents.run import draft_vocabulary
from agents.safety import check_draft
from agents.settings import AgentSettings
from agents.strategist import next_best_action
from agents.writer import plan_draft
from integrations.base import Activity, Company, Contact, Record

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
_CACHES = [normalise, *(f for f in (getattr(names, "_words_of", None), getattr(untrusted, "_joined_reason", None))
                       if f is not None)]
"""Per-text memos, cleared before each record (the older code had only `normalise`)."""


Item = tuple[Record, dict[str, Any] | None, dict[str, Any] | None, AgentSettings]


def _records() -> list[Item]:
    """(record, scores, draft, settings) for each fixture record and each corpus case."""
    out: list[Item] = []
    raws = {p.stem: json.loads(p.read_text()) for p in sorted((FIXTURES / "records").glob("*.json"))}
    for raw in raws.values():
        rec = Record.from_dict(raw)
        out.append((rec, raw.get("scores"), None, AgentSettings(tenant_id=rec.tenant_id)))
    for p in sorted((FIXTURES / "injection").glob("*.json")):
        case = json.loads(p.read_text())
        raw = raws[case["record"]]
        rec = Record.from_dict(raw)
        patch = case.get("patch") or {}
        changes: dict[str, Any] = {k: v for k, v in patch.items() if k in ("name", "stage")}
        if "company" in patch:
            changes["company"] = replace(rec.company or Company(id="c"), **patch["company"])
        if "contacts" in patch:
            changes["contacts"] = tuple(replace(c, **patch["contacts"].get(c.id, {})) for c in rec.contacts) + \
                tuple(Contact(**c) for c in patch.get("new_contacts", []))
        if "extra" in patch:
            changes["extra"] = {**rec.extra, **patch["extra"]}
        rec = replace(rec, **changes, activities=rec.activities + tuple(Activity(**a) for a in case["inject"]))
        settings = AgentSettings(tenant_id=rec.tenant_id, other_customer_names=tuple(case["other_customers"]),
                                 link_allowlist=tuple(case.get("link_allowlist", ())))
        out.append((rec, raw.get("scores"), case["benign"]["writer"], settings))
    return out


def _screen(rec: Record, scores: dict[str, Any] | None, draft: dict[str, Any] | None, settings: AgentSettings) -> None:
    ctx = build_context(rec, scores, now=NOW, budget_tokens=settings.context_budget_tokens)
    arm = catalogue_by_name(settings.catalogue)["value_reinforcement"]
    contact = next(iter(rec.contacts))
    nba = next_best_action(ctx, arm, StrategyOut(strategy=arm.name, rationale="-", channel="email", timing="today",
                                                 discount=None, recipient_contact_id=contact.id), settings)
    dp = plan_draft(ctx, nba, settings)
    vocab = draft_vocabulary(ctx, arm, nba, settings, dp)
    if draft is None:
        draft = {"to_contact_id": contact.id, "subject": rec.name, "body": f"Hi {contact.name}, thanks for your time."}
    check_draft(DraftOut(**draft), ctx, vocab, approved_discount=None, send_day=dp.send_day)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=1, help="passes over the records (default 1)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        print("--repeat must be at least 1", file=sys.stderr)
        return 2
    items = _records()
    times = []
    for _ in range(args.repeat):
        for item in items:
            for cache in _CACHES:
                cache.cache_clear()
            t = time.perf_counter()
            _screen(*item)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(json.dumps({"records": len(items), "passes": args.repeat, "ms_per_record_median": round(statistics.median(times), 2),
                      "ms_per_record_p90": round(times[int(0.9 * (len(times) - 1))], 2),
                      "ms_per_record_mean": round(statistics.fmean(times), 2)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
