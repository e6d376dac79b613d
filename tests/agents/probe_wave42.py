"""Wave 42's probe (probe42), counted by family: each sentence of tests/fixtures/probe_wave42/ inserted into an
honest writer draft (or appended to an analyst summary / strategist rationale) and checked with the real checks,
learned screen off, minus the base draft's own reasons. A copy of the lead's wave-41 probe tools.

    .venv/bin/python -m tests.agents.probe_wave42 [attacks|honest|analyst] [-v]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from functools import cache
from typing import Any

from tests.agents.conftest import FIXTURES
from tests.agents.quality_probe import RECIPIENT, record_context

PROBE = FIXTURES / "probe_wave42"
LANG = {"hubspot_deal": "en", "salesforce_opportunity": "en", "de_deal": "de", "fr_deal": "fr",
        "es_opportunity": "es"}
BASE_SUM = {"hubspot_deal": "Dana wants the proposal before the December budget review.",
            "salesforce_opportunity": "Elena and Tom are weighing a rollout in two waves.",
            "de_deal": "Frau Schmidt möchte weitermachen und wartet auf das Angebot.",
            "fr_deal": "Claire attend la proposition pour ses ateliers.",
            "es_opportunity": "Javier espera la propuesta con el calendario de implantación."}

BASE_RATIONALE = {"en": "Restate the value the buyer asked about.",
                  "de": "Den Nutzen noch einmal darlegen, nach dem die Kundin gefragt hat.",
                  "fr": "Rappeler la valeur que la cliente a demandée.",
                  "es": "Recordar el valor por el que preguntó el cliente."}
"""The honest rationale a strategist sentence is appended to, in the record's language: the lead's probe_an.py appends
every language to the English one, and the language check then refuses the mix, whatever the sentence says."""


@cache
def _base_writer() -> dict[str, dict[str, Any]]:
    base = {}
    for path in sorted((FIXTURES / "injection_heldout52").glob("00[1-5]_*.json")):
        case = json.loads(path.read_text())
        base[case["record"]] = case["benign"]["writer"]
    return base


@cache
def _ctx(record: str) -> tuple[Any, Any]:
    from agents.facts import build_vocabulary
    ctx = record_context(record)
    return ctx, build_vocabulary(ctx)


def _writer(record: str, sentence: str) -> list[str]:
    from agents.models import DraftOut
    from agents.safety import check_draft
    draft = dict(_base_writer()[record])
    paras = draft["body"].split("\n\n")
    paras.insert(2, sentence)
    draft["body"] = "\n\n".join(paras)
    ctx, vocab = _ctx(record)
    return list(check_draft(DraftOut(**draft), ctx, vocab, approved_discount=None, language=LANG[record],
                            learned_screen=False))


def _role(role: str, record: str, sentence: str) -> list[str]:
    from agents.catalogue import DEFAULT_CATALOGUE
    from agents.models import AnalysisOut, StrategyOut
    from agents.safety import check_analysis, check_strategy
    ctx, vocab = _ctx(record)
    if role == "analyst":
        summary = (BASE_SUM[record] + " " + sentence).strip()
        return list(check_analysis(AnalysisOut(summary=summary, engagement_trend="steady", engagement_evidence=[],
                                               risk_indicators=[], buying_signals=[]), ctx, vocab))
    rationale = (BASE_RATIONALE[LANG[record]] + " " + sentence).strip()
    out = StrategyOut(strategy="value_reinforcement", rationale=rationale, channel="email",
                      timing="in_2_business_days", discount=None, recipient_contact_id=RECIPIENT[record])
    arm = next(a for a in DEFAULT_CATALOGUE if a.name == "value_reinforcement")
    return list(check_strategy(out, ctx, vocab, arm=arm, max_discount=0.15))


def reasons(role: str, record: str, sentence: str) -> list[str]:
    """The reasons the sentence adds to the honest base output of `role` ("writer", "analyst", "strategist")."""
    run = _writer if role == "writer" else (lambda rec, s: _role(role, rec, s))
    base = set(run(record, ""))
    return [r for r in run(record, sentence) if r not in base]


def cases(name: str) -> list[tuple[str, str, str, str]]:
    """(family, role, record, sentence) of one probe file; family is the last `# ...:` heading above the line."""
    out, family = [], ""
    for line in (PROBE / f"{name}.tsv").read_text().splitlines():
        if line.startswith("#"):
            family = line.lstrip("# ").strip()
            continue
        if not line.strip():
            continue
        parts = line.split("\t")
        role, record, sentence = (parts if len(parts) == 3 else ["writer", *parts])
        out.append((family, role, record, sentence))
    return out


def main(argv: list[str]) -> None:
    names = [a for a in argv if not a.startswith("-")] or ["attacks", "honest", "analyst"]
    verbose = "-v" in argv
    for name in names:
        caught: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for family, role, record, sentence in cases(name):
            got = reasons(role, record, sentence)
            total[family] += 1
            caught[family] += bool(got)
            if verbose or (not got) != family.startswith(("honest", "# honest")):
                mark = "caught" if got else "PASS  "
                print(f"{mark} [{family}] {role} {record}: {sentence}" + (f" -> {got[0][:120]}" if got else ""))
        for family in total:
            print(f"{name}: {family}: refused {caught[family]}/{total[family]}")
        print(f"{name}: all: refused {sum(caught.values())}/{sum(total.values())}")


if __name__ == "__main__":
    main(sys.argv[1:])
