"""The suite's time budget (tests/time_budget.py) fails what it says it fails, and only that: a run of
pytest on a few tests of known cost, with the plugin alone and budgets small enough to be crossed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BURNERS = '''
import subprocess, sys, time
import pytest

def burn(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass

def test_cheap():
    pass

def test_sleeps_half_a_second():
    time.sleep(0.5)

@pytest.mark.slow
def test_a_slow_one_burns_half_a_second():
    burn(0.5)

def test_burns_in_a_child_process():
    subprocess.run([sys.executable, "-c",
                    "import time\\nend = time.process_time() + 0.4\\nwhile time.process_time() < end: pass"],
                   check=True)

def test_burns_in_its_module_fixture(spent):
    pass

@pytest.fixture(scope="module")
def spent():
    burn(0.4)
'''


def run_pytest(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_burners.py").write_text(BURNERS)
    # An ini of its own: the repository's pyproject (its conftest, addopts, markers) stays out.
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    slow: long-running\n")
    # Only the plugin: the installed ones (playwright, hypothesis, cov, ...) cost ~3 CPU s a start.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.time_budget", "-p", "no:cacheprovider",
                           "-q", *args, str(tmp_path)], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=120)


def test_a_test_over_its_cpu_budget_fails_the_run_by_name_though_it_passed_and_sleep_and_slow_ones_do_not(
        tmp_path):
    r = run_pytest(tmp_path, "--test-cpu-budget", "0.2", "--suite-cpu-budget", "0.6")

    assert r.returncode == 1, r.stdout + r.stderr
    assert "5 passed" in r.stdout, r.stdout
    over = [line for line in r.stdout.splitlines() if line.startswith("TIME BUDGET:")]
    # The child's CPU counts (reaped by subprocess.run) and a module fixture counts in the test that
    # built it; half a second asleep costs no CPU, and -m slow is exempt.
    assert sorted(line.split("::")[1].split()[0] for line in over[:-1]) == ["test_burns_in_a_child_process",
                                                                           "test_burns_in_its_module_fixture"], over
    assert all("over the 0.2 s a test outside -m slow may spend" in line for line in over[:-1]), over
    # ~0.8 s outside -m slow (the child and the fixture): over a 0.6-s suite.
    assert re.search(r"the tests outside -m slow spent \d+ CPU s together, over the suite's budget of 0.6 s",
                     over[-1]), over
    assert "test_a_slow_one_burns_half_a_second  [slow]" in r.stdout, r.stdout


def test_within_both_budgets_the_run_passes_and_prints_the_costliest_tests_with_their_phases(tmp_path):
    r = run_pytest(tmp_path)

    assert r.returncode == 0, r.stdout + r.stderr
    assert "TIME BUDGET" not in r.stdout
    assert "5 costliest tests (CPU s: setup call teardown | wall s)" in r.stdout, r.stdout
    listed = r.stdout.split("costliest tests", 1)[1].splitlines()[1:6]
    assert "test_a_slow_one_burns_half_a_second  [slow]" in listed[0], listed  # the costliest first
    assert listed[-1].split()[:3] == ["0.00", "0.00", "0.00"], listed  # asleep or idle: no CPU
    assert "tests outside -m slow: 4," in r.stdout, r.stdout
