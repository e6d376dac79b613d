"""How often the checks refuse honest vendor-model output (issue 11), measured through the product path.

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.measure_vendor_benign [-v]

Each output of tests/fixtures/vendor_benign/ is the scripted OpenAI-compatible reply of its own role (the other two
roles answer offline), run through `run_agents` with the tenant's default settings, the learned screen on as in
production, and the held-out harness's clock. The reply is scripted twice: asked to repair, an honest model that
believes its answer true sends it again, so a refusal is the first answer's reasons. The strategist's policy picks
the arm its output names (the strategist is told the arm); the analyst and writer run under the production policy.

A refused output means the buyer gets the offline template instead of the vendor model's work. The table counts, per
role and language, the outputs refused and groups the reasons by the check that gave them.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from functools import cache

from agents import AgentSettings, run_agents
from agents.models import AgentRun
from tests.agents.conftest import NOW, Vendor, load_record, openai_body, openai_provider
from tests.agents.replies import fixed_policy
from tests.agents.vendor_benign import VendorBenign, load

SCHEMA_NAMES = {"analyst": "AnalysisOut", "strategist": "StrategyOut", "writer": "DraftOut"}
LEARNED_SCREEN_MARK = "learned screen"


@dataclass(frozen=True)
class Outcome:
    """One corpus output replayed: the reasons its role was refused (empty = it landed) and the draft's failed
    quality checks (writer only; these flag a draft for review, they do not replace it)."""

    item: VendorBenign
    reasons: tuple[str, ...]
    quality_failed: tuple[str, ...]

    @property
    def refused(self) -> bool:
        return bool(self.reasons)


@cache
def _record(name: str):  # type: ignore[no-untyped-def]
    return load_record(name)


def run(item: VendorBenign) -> AgentRun:
    """The product run with `item` as its role's vendor reply."""
    record, scores = _record(item.record)
    body = openai_body(json.dumps(item.output.model_dump(mode="json"), ensure_ascii=False))
    vendor = Vendor()
    vendor.by_schema[SCHEMA_NAMES[item.role]].extend([body, body])
    policy = fixed_policy(item.output.strategy) if item.role == "strategist" else None  # type: ignore[attr-defined]
    return run_agents(
        record,
        scores,
        AgentSettings(tenant_id=record.tenant_id),
        providers={item.role: [openai_provider(vendor)]},
        now=NOW,
        policy=policy,
    )


def replay(item: VendorBenign) -> Outcome:
    result = run(item)
    reasons = tuple(
        f.reason for f in result.fallbacks if f.role == item.role and not f.reason.startswith("repaired")
    )
    quality = (
        tuple(f"{c.name}: {c.detail}" for c in result.checks if not c.passed) if item.role == "writer" else ()
    )
    return Outcome(item, reasons, quality)


def violations(outcome: Outcome) -> list[str]:
    """The individual broken rules of a refusal (the gateway joins them with '; ' after 'safety: ')."""
    out: list[str] = []
    for reason in outcome.reasons:
        pieces: list[str] = []
        for piece in re.split(r"; (?=[A-Za-z])", reason.removeprefix("safety: ")):
            # a quoted sentence may hold "; ", and some rules end "...; the record says open": keep those whole
            if pieces and (
                _open_quote(pieces[-1]) or piece.startswith(("the record says", "the policy approved"))
            ):
                pieces[-1] += "; " + piece
            else:
                pieces.append(piece)
        out += [p.strip() for p in pieces if p.strip()]
    return out


def _open_quote(text: str) -> bool:
    """Whether `text` ends inside a quote: an odd number of quote marks that are not apostrophes (Anna's)."""
    return len(re.findall(r"(?<![A-Za-z])'|'(?![A-Za-z])", text)) % 2 == 1 or text.count('"') % 2 == 1


def check_of(violation: str) -> str:
    """A short name for the check that gave a violation: its first words up to a quote, colon or parenthesis."""
    if LEARNED_SCREEN_MARK in violation.lower():
        return "learned screen"
    head = re.split(r"[:'\"(\u201c\u00ab]", violation, maxsplit=1)[0]
    return " ".join(head.split()[:7]) or violation[:40]


def measure(items: list[VendorBenign] | None = None) -> list[Outcome]:
    return [replay(i) for i in (items if items is not None else load())]


def refused_by_role(outcomes: list[Outcome]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for o in outcomes:
        counts[o.item.role] += o.refused
    return {role: counts[role] for role in SCHEMA_NAMES}


def table(outcomes: list[Outcome]) -> str:
    lines = ["| role | language | outputs | refused | quality-flagged (writer) |", "|---|---|---|---|---|"]
    keys = sorted(
        {(o.item.role, o.item.language) for o in outcomes},
        key=lambda k: (list(SCHEMA_NAMES).index(k[0]), k[1]),
    )
    for role, lang in keys:
        group = [o for o in outcomes if (o.item.role, o.item.language) == (role, lang)]
        flagged = sum(bool(o.quality_failed) for o in group) if role == "writer" else "-"
        lines.append(f"| {role} | {lang} | {len(group)} | {sum(o.refused for o in group)} | {flagged} |")
    for name in SCHEMA_NAMES:
        group = [o for o in outcomes if o.item.role == name]
        lines.append(
            f"| {name} | all | {len(group)} | {sum(o.refused for o in group)} | "
            f"{sum(bool(o.quality_failed) for o in group) if name == 'writer' else '-'} |"
        )
    return "\n".join(lines)


def by_check(outcomes: list[Outcome]) -> Counter[str]:
    """How many refused outputs each check took part in (an output refused by two checks counts for both)."""
    counts: Counter[str] = Counter()
    for o in outcomes:
        for name in {check_of(v) for v in violations(o)}:
            counts[f"{o.item.role}: {name}"] += 1
    return counts


def main(argv: list[str]) -> None:
    started = time.perf_counter()
    outcomes = measure()
    print(table(outcomes))
    print(f"\nrefused outputs per check ({time.perf_counter() - started:.0f} s):")
    for name, n in by_check(outcomes).most_common():
        print(f"  {n:3d}  {name}")
    if "-v" in argv:
        for o in outcomes:
            if o.refused or o.quality_failed:
                print(f"\n{o.item.id} [{o.item.role} {o.item.language} {o.item.style}]")
                for v in violations(o):
                    print("   refused:", v)
                for q in o.quality_failed:
                    print("   quality:", q)


if __name__ == "__main__":
    main(sys.argv[1:])
