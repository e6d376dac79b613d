"""A benchmark without options answers --help and refuses stray arguments instead of running."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


@pytest.mark.parametrize("module", ["scoring_latency", "scoring_cdnow", "scoring_demo_market", "scoring_tables",
                                    "scoring_leads_product",
                                    "render_readme", "front_door_load"])
def test_help_prints_what_the_benchmark_does_and_runs_nothing(module):
    result_file = RESULTS / f"{module}.json"
    before = result_file.stat().st_mtime_ns if result_file.exists() else None
    started = _children_cpu()
    done = subprocess.run([sys.executable, "-m", f"benchmarks.{module}", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:") and len(done.stdout.splitlines()) > 3
    # "runs nothing" in CPU seconds, not wall time: at load 25 a bare --help took 45 s of wall (wave 28's CI)
    assert _children_cpu() - started < 15
    assert (result_file.stat().st_mtime_ns if result_file.exists() else None) == before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_a_stray_argument_is_refused_with_exit_2():
    done = subprocess.run([sys.executable, "-m", "benchmarks.scoring_latency", "--seeds", "3"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "unrecognized arguments: --seeds 3" in done.stderr
