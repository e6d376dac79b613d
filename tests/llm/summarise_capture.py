"""Count a capture's outcomes per role and its refusal reasons per kind (tests/llm/capture.py's output).

    python -m tests.llm.summarise_capture tests/fixtures/llm_real/before_8_records.json [...]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path


def reason_kind(reason: str) -> str:
    """A violation's kind: its text up to the first quote or colon-detail ("unsupported fact: name")."""
    reason = reason.removeprefix("safety: ")
    m = re.match(r"unsupported fact: (\w+)", reason)
    if m:
        return f"unsupported {m.group(1)}"
    for key in ("a sentence whose short words", "a sentence in another language", "learned screen", "signed by",
                "a weekday its date does not have", "recipient", "evidence", "ProviderTimeout", "OutputInvalid"):
        if key in reason:
            return key
    return reason[:60]


def template_overlap(paths: list[str]) -> None:
    """Per model-written final draft: the share of its words in 5-word runs of the offline template's draft for the
    same record (all roles offline), and whether the buyer's email is echoed (agents/echo.py, replayed offline)."""
    from agents import AgentSettings, run_agents
    from agents.context import build_context
    from agents.echo import RUN_WORDS, _words, echoed_inbound
    from benchmarks.llm_local import records
    from tests.agents.conftest import NOW

    known = {name: (record, scores) for name, record, scores in records(30)}
    for path in paths:
        for entry in json.loads(Path(path).read_text())["records"]:
            draft = entry["final_draft"]
            if draft["by"] == "offline-template" or entry["record"] not in known:
                continue
            record, scores = known[entry["record"]]
            template = run_agents(record, scores, AgentSettings(tenant_id="t"), now=NOW, env={}).draft.body
            runs = {tuple(w[i:i + RUN_WORDS]) for w in [_words(template)] for i in range(len(w) - RUN_WORDS + 1)}
            words = _words(draft["body"])
            copied = {j for i in range(len(words) - RUN_WORDS + 1) if tuple(words[i:i + RUN_WORDS]) in runs
                      for j in range(i, i + RUN_WORDS)}
            echo = echoed_inbound(draft["body"], build_context(record, scores, now=NOW))
            print(f"  {entry['record']}: {len(copied)}/{len(words)} words in the template's runs"
                  f"{'; ' + echo[0] if echo else ''}")


def main(paths: list[str]) -> None:
    roles: dict[str, Counter[str]] = {}
    refused: dict[str, Counter[str]] = {}
    first_try: dict[str, Counter[str]] = {}
    for path in paths:
        capture = json.loads(Path(path).read_text())
        print(f"{path}: {capture['model']} on {capture['commit'][:7]} at {capture['captured_at']}, "
              f"{len(capture['records'])} records, load {[round(x, 1) for x in capture['load_average']]}")
        for record in capture["records"]:
            for role, outcome in record["by_role"].items():
                roles.setdefault(role, Counter())[outcome] += 1
            for call in record["calls"]:
                if call["attempt"] == "first":
                    first_try.setdefault(call["role"], Counter())["accepted" if not call["violations"] else
                                                                  "refused"] += 1
                    for kind in {reason_kind(v) for v in call["violations"]}:
                        refused.setdefault(call["role"], Counter())[kind] += 1
    print("final outcome per role:", {r: dict(c) for r, c in roles.items()})
    print("first answers:", {r: dict(c) for r, c in first_try.items()})
    print("first answers refused, by reason kind (answers with it):", {r: dict(c) for r, c in refused.items()})


if __name__ == "__main__":
    if sys.argv[1:2] == ["--template"]:
        template_overlap(sys.argv[2:])
    else:
        main(sys.argv[1:])
