"""Under pytest-xdist each worker empties a PostgreSQL and a Redis database of its own
(tests/conftest.py worker_urls): two workers on one would empty each other's mid-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import worker_urls

ROOT = Path(__file__).resolve().parents[1]


def test_worker_k_takes_the_database_name_with_gwk_and_the_redis_number_plus_k_keeping_credentials():
    urls = worker_urls("gw1", "postgresql://ci:s3cret@127.0.0.1:5433/agentic_test?sslmode=disable",
                       "redis://:pw@127.0.0.1:6390/3")

    assert urls == {"DATABASE_URL": "postgresql://ci:s3cret@127.0.0.1:5433/agentic_test_gw1?sslmode=disable",
                    "REDIS_URL": "redis://:pw@127.0.0.1:6390/4"}


def test_a_redis_url_without_a_number_is_database_0_and_sqlite_or_nothing_is_left_alone():
    assert worker_urls("gw2", "sqlite:///tmp/x.db", "redis://127.0.0.1:6390") == {
        "REDIS_URL": "redis://127.0.0.1:6390/2"}
    assert worker_urls("gw0", "", "") == {}


def test_a_pytest_a_worker_starts_keeps_the_urls_it_was_given_instead_of_deriving_a_workers_again():
    # What tests/front_door/test_redis_guard.py does on worker gw1: a child with its own REDIS_URL.
    env = {**os.environ, "PYTEST_XDIST_WORKER": "gw1", "AGENTIC_TESTS_WORKER_URLS_OF": "gw1",
           "REDIS_URL": "redis://127.0.0.1:6390/7", "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    child = "import os, tests.conftest as c; print(c.redis_url(), os.environ['REDIS_URL'])"
    r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)

    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["redis://127.0.0.1:6390/7"] * 2, r.stdout
    # ... where a worker's own first import does derive them.
    env.pop("AGENTIC_TESTS_WORKER_URLS_OF")
    r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert r.stdout.split() == ["redis://127.0.0.1:6390/8"] * 2, r.stdout + r.stderr
