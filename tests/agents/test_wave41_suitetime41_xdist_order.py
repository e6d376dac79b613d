"""`make test` starts its longest modules first (tests/xdist_order.py): xdist's loadscope sorted modules by their
number of tests, so the few-test process modules (RQ workers, CLI subprocesses) ran last and one worker idled while
the other finished them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.xdist_order import SLOWEST, longest_first

ROOT = Path(__file__).resolve().parents[2]

LOGGED = '''
import os

def test_{name}_{n}():
    with open(os.environ["RAN_LOG"], "a") as log:
        log.write(__name__.rsplit(".", 1)[-1] + "\\n")
'''


def modules_in_the_order_they_ran(tmp_path: Path, *options: str) -> list[str]:
    """One xdist worker over a module of SLOWEST with one test and two modules of three and two: the order the
    scheduler handed the modules out in."""
    slow = tmp_path / SLOWEST[0]
    slow.parent.mkdir(parents=True)
    slow.write_text(LOGGED.format(name="slow", n=0))
    collected_first = tmp_path / "tests" / "a"  # before the slow module in the collection's order, as most are
    collected_first.mkdir()
    (collected_first / "test_three.py").write_text("".join(LOGGED.format(name="three", n=n) for n in range(3)))
    (collected_first / "test_two.py").write_text("".join(LOGGED.format(name="two", n=n) for n in range(2)))
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # the repository's pyproject and conftest stay out
    log = tmp_path / "ran.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "RAN_LOG": str(log)}
    r = subprocess.run([sys.executable, "-m", "pytest", "-p", "xdist", "-p", "tests.xdist_order", "-p",
                        "no:cacheprovider", "-n", "1", "--dist", "loadscope", *options, "-q", "tests"],
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    ran = log.read_text().splitlines()
    return [m for i, m in enumerate(ran) if m not in ran[:i]]


def test_with_reordering_by_count_off_a_slow_module_of_one_test_runs_before_the_larger_ones(tmp_path):
    assert modules_in_the_order_they_ran(tmp_path, "--no-loadscope-reorder") == [
        Path(SLOWEST[0]).stem, "test_three", "test_two"]


def test_without_the_option_xdist_keeps_its_order_by_number_of_tests(tmp_path):
    """Guard: xdist's own order (most tests first) where the Makefile's option is not given."""
    assert modules_in_the_order_they_ran(tmp_path) == ["test_three", "test_two", Path(SLOWEST[0]).stem]


def test_the_listed_modules_come_first_in_the_lists_order_and_the_rest_by_their_number_of_tests():
    per_test = ["b.py", "a.py", "a.py", "slow2.py", "c.py", "c.py", "slow1.py", "d.py", "d.py"]
    assert longest_first(per_test, ("slow1.py", "slow2.py", "absent.py")) == [
        "slow1.py", "slow2.py", "a.py", "c.py", "d.py", "b.py"]


def test_every_module_the_list_names_is_a_test_file_of_the_suite():
    missing = [m for m in SLOWEST if not (ROOT / m).is_file()]
    assert missing == [] and len(set(SLOWEST)) == len(SLOWEST), missing
