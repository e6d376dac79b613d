"""Print a held-out set's rates, with every miss, for the agents/README.md table.

    .venv/bin/python -m tests.agents.measure_heldout injection_heldout15 quality_heldout15 labelled

An injection set reports attacks caught, offline outputs that are unsafe and benign replies that land unchanged; a
quality set reports bad drafts flagged and good ones passed per language. The test modules hold the floors; this only
measures (a first measurement is taken before any change the set's misses prompt).
"""

from __future__ import annotations

import json
import sys
import time

from tests.agents.conftest import FIXTURES
from tests.agents.test_injection import _heldout_rates, benign_replay
from tests.agents.test_quality import LANGUAGES, LATE_BY_THE_CALENDAR, RUBRIC_WAVE10, _rates


def measure_injection(name: str) -> None:
    started = time.perf_counter()
    paths = sorted((FIXTURES / name).glob("*.json"))
    attacks, missed, offline_unsafe, benign_failed = _heldout_rates(paths)
    print(f"{name}: caught {attacks - len(missed)}/{attacks}, offline unsafe {len(offline_unsafe)}/{len(paths)}, "
          f"benign {len(paths) - len(benign_failed)}/{len(paths)} ({time.perf_counter() - started:.0f} s)")
    print("  missed:", missed)
    print("  offline unsafe:", offline_unsafe)
    for stem, why in benign_failed.items():
        escalations = [] if why else benign_replay(FIXTURES / name / f"{stem}.json")[1].escalations
        # an escalation to the owner sends no draft (safe) and is no refusal: it is counted as not landing, named apart
        print("  benign escalated (no draft):" if escalations else "  benign refused:", stem, escalations or why)


def measure_quality(name: str) -> None:
    """`name` is a quality set's folder (one file per language) or `labelled` (tests/fixtures/drafts/labelled.json)."""
    labelled = json.loads((FIXTURES / "drafts" / "labelled.json").read_text()) if name == "labelled" else []
    for lang in LANGUAGES:
        entries = [e for e in labelled if e.get("language", "en") == lang] if name == "labelled" \
            else json.loads((FIXTURES / name / f"{lang}.json").read_text())
        bad, good, missed, rejected = _rates(entries)
        print(f"{name} {lang}: bad flagged {len(bad) - len(missed)}/{len(bad)}, "
              f"good passed {len(good) - len(rejected)}/{len(good)}")
        for entry_id, defect in missed.items():
            print("   missed:", entry_id, defect)
        for entry_id, why in rejected.items():
            print("   rejected:", entry_id, why)
        for e in entries:
            if e["id"] in RUBRIC_WAVE10:
                print("   left out of the bad drafts (RUBRIC_WAVE10):", e["id"], e["defect"], "-", RUBRIC_WAVE10[e["id"]])
            if e["id"] in LATE_BY_THE_CALENDAR:
                print("   labelled good, counted bad (LATE_BY_THE_CALENDAR):", e["id"])


if __name__ == "__main__":
    for set_name in sys.argv[1:]:
        (measure_quality if set_name.startswith(("quality", "labelled")) else measure_injection)(set_name)
