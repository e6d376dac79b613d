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
    main(sys.argv[1:])
