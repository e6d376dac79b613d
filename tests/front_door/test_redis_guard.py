"""The suite flushes only a Redis database it wrote: never the one a contributor's workers run on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import fakeredis
import pytest
from redis import Redis

from tests import redis_guard
from tests.conftest import need, redis_url

ROOT = Path(__file__).resolve().parents[2]
URL = "redis://:s3cret-pass@127.0.0.1:6390/4"


def test_a_database_holding_someone_elses_keys_is_refused_with_what_to_do_instead():
    r = fakeredis.FakeRedis()
    r.set("rq:queue:agentic-sales", "jobs of a running deployment")
    r.set("rq:job:hubspot-62515-deal-42", "x")

    why = redis_guard.refusal(r, URL)

    assert why is not None
    assert "holds 2 keys the test suite did not write" in why
    assert "rq:job:hubspot-62515-deal-42" in why
    assert "redis://:***@127.0.0.1:6390/4" in why and "s3cret-pass" not in why
    assert "unset REDIS_URL" in why and redis_guard.SUITE_MARK_KEY in why
    with pytest.raises(redis_guard.RedisGuardError, match="did not write"):
        redis_guard.flush(r, URL)
    assert r.dbsize() == 2  # nothing was flushed


def test_an_empty_database_is_claimed_and_a_marked_one_may_be_flushed_and_stays_marked():
    r = fakeredis.FakeRedis()
    redis_guard.claim(r, URL)
    r.set("rq:queue:default", "the suite's own job")

    redis_guard.flush(r, URL)

    assert r.keys() == [redis_guard.SUITE_MARK_KEY.encode()]
    assert redis_guard.refusal(r, URL) is None


def test_a_database_the_suite_did_not_claim_is_refused_at_session_start():
    r = fakeredis.FakeRedis()
    r.set("limits:hubspot-62515", "a rate window")

    with pytest.raises(redis_guard.RedisGuardError):
        redis_guard.claim(r, URL)
    assert not r.exists(redis_guard.SUITE_MARK_KEY)


@pytest.mark.redis
def test_a_pytest_run_on_a_contributors_redis_stops_before_any_test_and_leaves_the_keys():
    # As a contributor hits it: REDIS_URL still set for their workers, then `make test`. The
    # session's own database stands in for theirs: unmarked, with a key of "theirs", then restored.
    need("redis")
    url = str(redis_url())
    r = Redis.from_url(url)
    r.delete(redis_guard.SUITE_MARK_KEY)
    r.set("theirs:rq:queue:default", "a deployment's queue")
    try:
        env = {**os.environ, "REDIS_URL": url, "OMP_NUM_THREADS": "1"}
        env.pop("DATABASE_URL", None)
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             "tests/front_door/test_rq_and_crash.py", "-k", "burst"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 2, run.stdout + run.stderr
        assert "keys the test suite did not write" in run.stdout + run.stderr
        assert r.get("theirs:rq:queue:default") == b"a deployment's queue"
    finally:
        r.delete("theirs:rq:queue:default")
        redis_guard.mark(r)
