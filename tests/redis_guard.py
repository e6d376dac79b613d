"""The RQ tests empty the Redis database of REDIS_URL (`FLUSHDB`, before and after each test):
refuse to do that to a database the suite did not write.

A contributor who set REDIS_URL for `agentic-sales serve` or a worker (its queues, job results,
rate-limit windows, the scheduler lease) and then ran `make test` in the same shell lost them, as
did an engineer sharing the machine whose number another picked. The suite now flushes only a
database that was empty when its session started or that carries the suite's mark (one key,
written at session start and again after every flush). The PostgreSQL side is tests/pg_guard.py.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

SUITE_MARK_KEY = "agentic-sales-test-suite:mark"
"""The key that marks a Redis database as the suite's: the RQ tests flush it."""

SUITE_MARK = "agentic-sales test suite: flushed by the RQ tests"
"""Its value (any value marks; this one tells whoever finds the key why it is there)."""

SHOWN_KEYS = 3
"""Keys named in a refusal, so the reader can tell whose database it is."""


class RedisGuardError(RuntimeError):
    """The suite was about to flush a Redis database it did not write."""


def shown_url(url: str) -> str:
    """REDIS_URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def refusal(r: Any, url: str) -> str | None:
    """Why the suite may not flush this Redis database, or None when it may (empty, or marked).

    Args:
        r: a redis client on the database.
        url: its REDIS_URL, named in the message (the password hidden).
    """
    if r.exists(SUITE_MARK_KEY):
        return None
    size = int(r.dbsize())
    if size == 0:
        return None
    keys = sorted(k.decode() if isinstance(k, bytes) else str(k) for k in r.scan(0, count=100)[1])[:SHOWN_KEYS]
    return (f"REDIS_URL={shown_url(url)} holds {size} keys the test suite did not write (e.g. {', '.join(keys)}); "
            "the RQ tests empty (FLUSHDB) the Redis database they are given. Give the suite a database number of "
            "its own, e.g. REDIS_URL=redis://127.0.0.1:6390/3 (`redis-cli -n 3 dbsize` says 0), or unset REDIS_URL "
            f"to run in-process; if these keys are the suite's own from before the mark existed, mark it: "
            f"`redis-cli -u {shown_url(url)} set {SUITE_MARK_KEY} 1`.")


def mark(r: Any) -> None:
    """Mark the database as the suite's own, so its tests may flush it."""
    r.set(SUITE_MARK_KEY, SUITE_MARK)


def claim(r: Any, url: str) -> None:
    """At session start: mark an empty database, accept a marked one, refuse any other.

    Raises:
        RedisGuardError: the database holds keys the suite did not write; the message says what to do.
    """
    why = refusal(r, url)
    if why:
        raise RedisGuardError(why)
    mark(r)


def flush(r: Any, url: str) -> None:
    """Empty the database (a test's set-up and tear-down), only if it is the suite's, and keep it marked.

    Raises:
        RedisGuardError: the database holds keys the suite did not write.
    """
    why = refusal(r, url)
    if why:
        raise RedisGuardError(why)
    r.flushdb()
    mark(r)
