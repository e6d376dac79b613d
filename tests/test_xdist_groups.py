"""Under `--dist loadgroup` a module's tests run on one worker, so its module fixture is built once
(tests/xdist_groups.py): a run of pytest-xdist on two workers and two small modules, with the plugin alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHARED_FIXTURE = '''
import os
import pytest

@pytest.fixture(scope="module")
def built(request):
    with open(os.environ["BUILT_LOG"], "a") as log:
        log.write(request.module.__name__ + "\\n")

def test_one(built):
    pass

def test_two(built):
    pass

def test_three(built):
    pass

@pytest.mark.xdist_group("elsewhere")
def test_named_here():
    pass
'''

NAMED_GROUP = '''
import pytest

@pytest.mark.xdist_group("elsewhere")
def test_named_one():
    pass

def test_plain():
    pass
'''


def run_two_workers(tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    (tmp_path / "test_shared.py").write_text(SHARED_FIXTURE)
    (tmp_path / "test_named.py").write_text(NAMED_GROUP)
    # An ini of its own: the repository's pyproject (its conftest, addopts, markers) stays out.
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    log = tmp_path / "built.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "BUILT_LOG": str(log)}
    r = subprocess.run([sys.executable, "-m", "pytest", "-p", "xdist", "-p", "tests.xdist_groups",
                        "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup", "-v", str(tmp_path)],
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    return r, log.read_text().splitlines() if log.exists() else []


def workers_of(stdout: str, part: str) -> dict[str, str]:
    """Node id -> the worker that passed it, for the passed tests whose id contains `part` (`-v` lines)."""
    return {line.split(" PASSED ", 1)[1].strip(): line.split("[", 1)[1].split("]", 1)[0]
            for line in stdout.splitlines() if " PASSED " in line and part in line}


def test_a_modules_tests_without_a_group_run_on_one_worker_and_build_its_module_fixture_once(tmp_path):
    r, built = run_two_workers(tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert built == ["test_shared"], r.stdout
    workers = workers_of(r.stdout, "@test_shared.py")
    assert len(workers) == 3 and len(set(workers.values())) == 1, r.stdout


def test_tests_naming_one_group_run_on_one_worker_though_in_two_modules_and_the_rest_keep_their_modules(tmp_path):
    r, _built = run_two_workers(tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    named = workers_of(r.stdout, "@elsewhere")
    assert len(named) == 2 and len(set(named.values())) == 1, r.stdout
    assert set(workers_of(r.stdout, "test_shared.py::")) == {
        *(f"test_shared.py::test_{n}@test_shared.py" for n in ("one", "two", "three")),
        "test_shared.py::test_named_here@elsewhere"}
    assert "test_named.py::test_plain@test_named.py" in workers_of(r.stdout, "test_named.py::test_plain")
