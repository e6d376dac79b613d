"""Fixtures shared with the agents tests, and the real-model report printed after the run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.agents.conftest import record, scores, sleeps  # noqa: F401 - pytest fixtures by name

REPORT: dict[str, Any] = {}
"""What the real-model tests measured; written to test-artifacts/ and printed at the end."""

REPORT_PATH = Path("test-artifacts") / "llm-real-model.json"


def pytest_runtest_logreport(report: Any) -> None:
    # Written after every test too: a run CI's hard timeout stops still leaves what it measured.
    if REPORT and report.when == "teardown":
        _write()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not REPORT:
        return
    _write()
    terminalreporter.write_sep("-", "real-model report")
    for key in ("throughput", "records", "injection", "draft_checks_by_language"):
        if key in REPORT:
            terminalreporter.write_line(f"{key}: {json.dumps(REPORT[key])}")


def _write() -> None:
    drafts = REPORT.get("drafts", [])
    by_lang: dict[str, list[bool]] = {}
    for d in drafts:
        if d["by"] != "offline-template":
            by_lang.setdefault(d["language"], []).append(d["checks_passed"])
    REPORT["draft_checks_by_language"] = {k: {"model_drafts": len(v), "passed": sum(v)} for k, v in by_lang.items()}
    REPORT_PATH.parent.mkdir(exist_ok=True)
    REPORT_PATH.write_text(json.dumps(REPORT, indent=1))
