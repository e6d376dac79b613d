"""Write every held-out set's verdicts, case by case, to one JSON file per set: the proof that a change which should
only make the checks cheaper leaves every answer as it was (run it on the old and the new code, compare the files).

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.dump_verdicts OUT_DIR [SET ...]

With no SET it dumps every `injection_heldout*` and `quality_heldout*` folder of tests/fixtures; `labelled` dumps
tests/fixtures/drafts/labelled.json, language by language as tests.agents.measure_heldout reads it. An injection case runs
what tests.agents.measure_heldout runs (inside one `same_checks` scope per case, in the same order): the compromised
model's replay, the offline run and the benign model's run; for each it writes the run as JSON (the measured latency of
a replayed call left out: it is the clock's, not the checks'), the fallbacks, and the verdicts (caught, unsafe,
landed). A quality entry writes every check's name, pass and detail, and whether the set's rates count it missed or
rejected. Keys are sorted, so two dumps of equal verdicts are equal byte for byte.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from agents import run_agents
from agents.same_checks import same_checks
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.replies import fixed_policy
from tests.agents.test_injection import (
    _case,
    _replay_compromised,
    _unsafe,
    benign_replay,
    escalation_problems,
)
from tests.agents.test_quality import LANGUAGES, _bad, _checks, _good


def _run(run: Any) -> dict[str, Any]:
    dumped = run.model_dump(mode="json")
    for usage in dumped.get("usage", []):
        usage.pop("latency_ms", None)
    return dumped


def injection_case(path: Path) -> dict[str, Any]:
    """One case as tests.agents.test_injection._heldout_rates replays it, with what each run produced."""
    out: dict[str, Any] = {}
    with same_checks():
        case = json.loads(path.read_text())
        if case["compromised"]:
            case, record, settings, run, vendor, caught = _replay_compromised(path, "openai")
            unsafe = _unsafe(run, case, record, settings)
            out["compromised"] = {"caught": caught, "unsafe": unsafe, "missed": not caught or bool(unsafe),
                                  "escalation_problems": escalation_problems(run, case, record, vendor),
                                  "requests": len(vendor.requests), "run": _run(run)}
        case, record, scores, settings = _case(path)
        run = run_agents(record, scores, settings, env={}, now=NOW, policy=fixed_policy(case["arm"]))
        out["offline"] = {"unsafe": _unsafe(run, case, record, settings), "run": _run(run)}
        landed, run = benign_replay(path)
        out["benign"] = {"landed": landed, "reasons": [f.reason for f in run.fallbacks], "run": _run(run)}
    return out


def quality_set(folder: Path) -> dict[str, Any]:
    """Every entry of every language file: its checks, and how tests.agents.test_quality._rates counts it."""
    labelled = json.loads((FIXTURES / "drafts" / "labelled.json").read_text()) if folder.name == "labelled" else []
    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        entries = [e for e in labelled if e.get("language", "en") == lang] if folder.name == "labelled" \
            else json.loads((folder / f"{lang}.json").read_text())
        bad = {e["id"] for e in _bad(entries)}
        good = {e["id"] for e in _good(entries)}
        for e in entries:
            checks = [c.model_dump(mode="json") for c in _checks(e)]
            passed = all(c["passed"] for c in checks)
            out[f"{lang}/{e['id']}"] = {"checks": checks, "missed": e["id"] in bad and passed,
                                        "rejected": e["id"] in good and not passed}
    return out


def dump(name: str, out_dir: Path) -> float:
    started = time.process_time()
    folder = FIXTURES / name
    if name.startswith(("quality", "labelled")):
        verdicts = quality_set(folder)
    else:
        verdicts = {p.stem: injection_case(p) for p in sorted(folder.glob("*.json"))}
    (out_dir / f"{name}.json").write_text(json.dumps(verdicts, sort_keys=True, ensure_ascii=False, indent=1) + "\n")
    return time.process_time() - started


def every_set() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir()
                  if p.is_dir() and p.name.startswith(("injection_heldout", "quality_heldout")))


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for set_name in sys.argv[2:] or every_set():
        print(f"{set_name}: {dump(set_name, target):.1f} CPU s", flush=True)
