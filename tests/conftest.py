"""Shared fixtures: app, client, runner, db, webhook sender, tenants (STYLE rule 23).

Databases: with DATABASE_URL pointing at PostgreSQL, app fixtures run on it (tables truncated
between tests); otherwise each test gets its own SQLite file. Tests marked `postgres` or `redis`
need those servers: they skip when absent, and fail instead when AGENTIC_SALES_REQUIRE_SERVICES=1
(CI), so a green CI run never hides a skipped server test.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.config import normalise_database_url
from tests import loopback_only, pg_guard, redis_guard, time_budget

loopback_only.install()

pytest_plugins = ["tests.xdist_groups"]
"""Under `--dist loadgroup` a test naming no group runs with its module (`make test-embedded`, tests/xdist_groups.py)."""

FIXTURES = Path(__file__).parent / "fixtures"
TEST_SECRET = "test-client-secret-0000-aaaa-bbbb-cccc"
TEST_PUBLIC_URL = "https://agentic-sales.test"
TEST_TOKEN_KEY = "0c1mIYQhPmLrVAgS1mYzZ_wsv2VptyMlyp8I2s1Lah0="  # a fixed test-only Fernet key
TEST_SECRET_KEY = "test-only-session-key-7Hq2Vx9Lm4Rt8Wn3Bc5"
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
"""Under `pytest -n N` (pytest-xdist), this process's worker id, gw0 ... gw<N-1>; else empty."""
_SHARED_DB = os.environ.get("DATABASE_URL", "")


def worker_urls(worker: str, database_url: str, redis_url: str) -> dict[str, str]:
    """Each xdist worker's own PostgreSQL database and Redis database: the suite empties both between
    tests, so two workers on one would empty each other's mid-test. Worker gwK takes the database
    named in DATABASE_URL with `_gwK` appended (made at its session start) and the Redis database
    number of REDIS_URL plus K (docs/contributing.md: give -n N workers N numbers of your own)."""
    from sqlalchemy.engine import make_url

    urls: dict[str, str] = {}
    index = int(worker.removeprefix("gw"))
    if database_url.startswith(("postgres://", "postgresql")):
        db = make_url(database_url)
        urls["DATABASE_URL"] = db.set(database=f"{db.database}_{worker}").render_as_string(hide_password=False)
    if redis_url:
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(redis_url)
        number = int(parts.path.strip("/") or 0) + index
        urls["REDIS_URL"] = urlunsplit(parts._replace(path=f"/{number}"))
    return urls


_WORKER_URLS_MADE = "AGENTIC_TESTS_WORKER_URLS_OF"
"""Set to the worker id once its URLs are in the environment: a pytest a test starts in a subprocess
(tests/front_door/test_redis_guard.py) inherits PYTEST_XDIST_WORKER, and must keep the URLs the test
gave it instead of deriving a worker's again."""

if XDIST_WORKER and os.environ.get(_WORKER_URLS_MADE) != XDIST_WORKER:
    # Before anything reads them: the app fixtures, the guards and the subprocesses tests start.
    os.environ.update(worker_urls(XDIST_WORKER, _SHARED_DB, os.environ.get("REDIS_URL", "")))
    os.environ[_WORKER_URLS_MADE] = XDIST_WORKER
_ENV_DB = os.environ.get("DATABASE_URL", "")
_ENV_REDIS = os.environ.get("REDIS_URL", "")
REQUIRE_SERVICES = os.environ.get("AGENTIC_SALES_REQUIRE_SERVICES") == "1"


def pg_url() -> str | None:
    """The PostgreSQL URL from the environment, if any (normalised for psycopg 3)."""
    if _ENV_DB.startswith(("postgres://", "postgresql")):
        return normalise_database_url(_ENV_DB)
    return None


def redis_url() -> str | None:
    return _ENV_REDIS or None


def need(service: str) -> None:
    """Skip (or, in CI, fail) when a server the test needs is not configured."""
    present = pg_url() if service == "postgres" else redis_url()
    if present:
        return
    message = f"{service} is not configured ({'DATABASE_URL' if service == 'postgres' else 'REDIS_URL'})"
    if REQUIRE_SERVICES:
        pytest.fail(message + " but AGENTIC_SALES_REQUIRE_SERVICES=1")
    pytest.skip(message)


def run_at_once(fn: Any, workers: int = 4) -> tuple[list[Any], list[BaseException]]:
    """Call `fn()` from `workers` threads released together (as several RQ workers would run one job);
    returns (what the calls returned, what they raised)."""
    import threading

    gate = threading.Barrier(workers)
    results: list[Any] = []
    errors: list[BaseException] = []

    def worker() -> None:
        gate.wait()
        try:
            results.append(fn())
        except BaseException as exc:  # the caller's assertion names it
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


@contextmanager
def pg_scratch_schema(name: str) -> Iterator[tuple[Any, str]]:
    """A schema of its own in the test database, dropped afterwards: yields (engine, a URL whose
    search_path is that schema), for a database in a state the suite's own never is."""
    need("postgres")
    url = str(pg_url())
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {name}"))
    try:
        yield engine, url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{name}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        engine.dispose()


def pytest_addoption(parser: pytest.Parser) -> None:
    time_budget.pytest_addoption(parser)


def pytest_configure(config: pytest.Config) -> None:
    # Every run prints its costliest tests and fails past the CPU budgets (tests/time_budget.py).
    time_budget.pytest_configure(config)


PROJECT_PACKAGES = ("app", "agents", "scoring", "learning", "integrations", "webhooks", "benchmarks", "tools")
"""The packages the suite's subprocesses import (`python -m app ...`, RQ workers, the agents' process
pool, `python -m benchmarks.X --help`)."""


def _compile_project_bytecode() -> None:
    """Byte-compile the project once before the tests, when this interpreter writes no bytecode.

    With PYTHONDONTWRITEBYTECODE=1 (set on the project's machines, and inherited by most subprocesses
    a test starts) nothing caches the project's compiled modules, so each CLI, worker and pool process
    the suite starts compiled them again: ~0.3 CPU s a start (the 21 unreachable-database CLI runs of
    tests/front_door/test_cli_database_errors.py took 40.8 user CPU s without, 34.9 with, 2026-12-04;
    compiling takes ~1). The caches are __pycache__ files, which git ignores, and a changed source
    is recompiled (Python checks each file's mtime and size).
    """
    if not sys.dont_write_bytecode:
        return  # the first process to import a module caches it for the rest
    import compileall

    root = Path(__file__).resolve().parents[1]
    for package in PROJECT_PACKAGES:
        if (root / package).is_dir():
            compileall.compile_dir(root / package, quiet=2, workers=1)


@pytest.hookimpl(hookwrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[None]:
    """Let pytest cache the test modules it rewrites while it collects them, whatever PYTHONDONTWRITEBYTECODE says.

    pytest rewrites every test module's asserts on import (parse, rewrite, compile) and keeps the result in
    __pycache__/*-pytest-*.pyc unless the interpreter writes no bytecode; with PYTHONDONTWRITEBYTECODE=1 (the project's
    machines, CI's clean clone) every pytest process rewrote all ~550 modules again. A cached one is read back only
    while its source's mtime and size match. Collecting the whole suite (`make test-embedded`'s
    `-m "embedded and not slow"`, 14,025 tests, one process) took 33.8 CPU s rewriting and 20.5 reading the cache
    (2026-12-06, load 13-17). The first process after a change pays the rewrite and writes the cache.
    """
    writes_none = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    try:
        yield
    finally:
        sys.dont_write_bytecode = writes_none


def pytest_sessionstart(session: pytest.Session) -> None:
    if not XDIST_WORKER:
        _compile_project_bytecode()
    # Before any test: the first PostgreSQL test drops the database's public schema (tests/pg_guard.py),
    # and the RQ tests flush the Redis database (tests/redis_guard.py).
    _claim_redis()
    url = pg_url()
    if url is None:
        return
    if XDIST_WORKER:
        _create_worker_database(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            refused = pg_guard.refusal(conn)
    except Exception:  # unreachable: the tests that need it say so, naming DATABASE_URL
        refused = None
    finally:
        engine.dispose()
    if refused:
        pytest.exit(refused, returncode=2)


def _create_worker_database(url: str) -> None:
    """Make this xdist worker's database (tests/conftest.py worker_urls) if it is not there yet."""
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    engine = create_engine(normalise_database_url(_SHARED_DB), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar() is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()


def _claim_redis() -> None:
    url = redis_url()
    if url is None:
        return
    from redis import Redis
    from redis.exceptions import RedisError

    r = Redis.from_url(url, socket_connect_timeout=2)
    try:
        redis_guard.claim(r, url)
    except redis_guard.RedisGuardError as refused:
        pytest.exit(str(refused), returncode=2)
    except RedisError:  # unreachable: the tests that need it say so, naming REDIS_URL
        pass
    finally:
        r.close()


def flush_test_redis() -> Any:
    """A client on REDIS_URL's database, emptied for a test (refused if the suite did not write it)."""
    from redis import Redis

    url = str(redis_url())
    r = Redis.from_url(url)
    redis_guard.flush(r, url)
    return r


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Tests marked embedded run only on the embedded defaults (no DATABASE_URL/REDIS_URL).
    if _ENV_DB or _ENV_REDIS:
        skip = pytest.mark.skip(reason="embedded-only test: runs in the SQLite/in-process pass")
        for item in items:
            if "embedded" in item.keywords:
                item.add_marker(skip)


_pg_engines: dict[str, Any] = {}
_pg_reset_sql: dict[str, str] = {}


def _empty_pg(url: str) -> None:
    """Empty every table and restart every id sequence, as `TRUNCATE ... RESTART IDENTITY` would.

    DELETE in reverse dependency order on one engine kept for the session: on the suite's tables,
    which a test leaves nearly empty, it takes ~3 ms where TRUNCATE (new files for every table and
    index) plus a new engine per test took ~30 ms, and about two thousand tests start on an empty
    database.
    """
    engine = _pg_engines.get(url)
    if engine is None:
        engine = _pg_engines[url] = create_engine(url)
    sql = _pg_reset_sql.get(url)
    if sql is None:
        from app.storage.models import Base

        with engine.connect() as conn:
            sequences = conn.execute(text(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")).scalars().all()
        sql = _pg_reset_sql[url] = "; ".join(
            [f'DELETE FROM "{t.name}"' for t in reversed(Base.metadata.sorted_tables)]
            + [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences])
    with engine.begin() as conn:
        conn.exec_driver_sql(sql)


_migrated: set[str] = set()


def database_url_for(tmp_path: Path, *, embedded: bool = False) -> str:
    """A migrated, empty database for one test."""
    from app.storage import migrate

    url = None if embedded else pg_url()
    if url is None:
        url = f"sqlite:///{tmp_path / 'test.db'}"
        migrate.upgrade(url)
        return url
    if url not in _migrated:
        # A fresh schema per test session: a database left by an older checkout cannot leak in.
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            pg_guard.mark(conn)
        engine.dispose()
        migrate.upgrade(url)
        _migrated.add(url)
    _empty_pg(url)
    return url


def base_config(db_url: str, **overrides: Any) -> dict[str, Any]:
    cfg: dict[str, Any] = {
        "TESTING": True,
        "DATABASE_URL": db_url,
        "REDIS_URL": None,
        "HUBSPOT_CLIENT_ID": "test-client-id",
        "HUBSPOT_CLIENT_SECRET": TEST_SECRET,
        # A test that forgets to point HubSpot at a sandbox fails to resolve at once instead of
        # reaching the real api.hubapi.com (tests/loopback_only.py refuses public names anyway).
        "HUBSPOT_API_BASE": "https://api.hubapi.invalid",
        "PUBLIC_URL": TEST_PUBLIC_URL,
        "TOKEN_KEY": TEST_TOKEN_KEY,
        "SECRET_KEY": TEST_SECRET_KEY,
        "START_WORKER": False,
        # Agents in the batch's thread (tests patch them); tests/pipeline/test_agent_processes.py
        # runs the process pool.
        "AGENT_PROCESSES": 0,
        "COALESCE_WINDOW_SECONDS": 0.0,
        "JOB_FUNCTION": "app.pipeline.ack.acknowledge_changes",
        # An install's backfill starts at once, as the install tests expect; production's waits for the first
        # training (tests/pipeline/test_first_training_after_install.py sets it back).
        "INSTALL_BACKFILL_AFTER_FIRST_TRAINING": False,
        # No control group unless a test asks for one: tests expect an action on every deal.
        "HOLDOUT_SHARE_OVERRIDE": 0.0,
    }
    cfg.update(overrides)
    return cfg


@pytest.fixture
def app_factory(tmp_path: Path) -> Iterator[Any]:
    """Build apps on one fresh database; stops their workers afterwards."""
    from app import create_app
    from app.dispatch import get_dispatcher

    url = database_url_for(tmp_path)
    made: list[Any] = []

    def make(**overrides: Any) -> Any:
        # The data directory (models, snapshots) is the test's own: the default is the user's
        # ~/.agentic-sales, where a demo keeps its models and an uninstall test erases by tenant id.
        application = create_app(base_config(url, **{"DATA_DIR": str(tmp_path / "data"), **overrides}))
        made.append(application)
        return application

    yield make
    for application in made:
        get_dispatcher(application).backend.stop()
        from app.storage import get_db

        get_db(application).engine.dispose()


@pytest.fixture
def app(app_factory: Any) -> Any:
    return app_factory()


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture
def runner(app: Any) -> Any:
    return app.test_cli_runner()


@pytest.fixture
def cli_runner() -> Any:
    from click.testing import CliRunner

    return CliRunner()


def install_tenant(application: Any, portal_id: str, tenant_id: str | None = None,
                   access_token: str = "pat-test-access", refresh_token: str = "test-refresh") -> str:
    """Create an active HubSpot tenant with an installation (tokens encrypted)."""
    from datetime import UTC, datetime, timedelta

    from app.storage import get_cipher, get_db
    from app.storage.models import Installation, Tenant

    tid = tenant_id or f"hubspot-{portal_id}"
    cipher = get_cipher(application)
    with get_db(application).session() as s:
        s.add(Tenant(id=tid, crm="hubspot", external_id=str(portal_id), name=f"Portal {portal_id}"))
        s.flush()
        s.add(Installation(
            tenant_id=tid, crm="hubspot", access_token_enc=cipher.encrypt(access_token),
            refresh_token_enc=cipher.encrypt(refresh_token),
            expires_at=datetime.now(UTC) + timedelta(minutes=30), scopes=["oauth"],
        ))
    return tid


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / "hubspot" / f"{name}.json").read_text())


class WebhookSender:
    """Sign and post HubSpot webhook bodies like HubSpot does (v3 by default)."""

    def __init__(self, client: Any, *, secret: str = TEST_SECRET, public_url: str = TEST_PUBLIC_URL,
                 path: str = "/webhooks/hubspot") -> None:
        self.client = client
        self.secret = secret
        self.public_url = public_url
        self.path = path

    def headers(self, body: bytes, *, timestamp_ms: int | None = None, secret: str | None = None,
                uri: str | None = None, method: str = "POST") -> dict[str, str]:
        from webhooks.hubspot.signature import sign_v3

        ts = str(int(time.time() * 1000) if timestamp_ms is None else timestamp_ms)
        sig = sign_v3(method=method, uri=uri or (self.public_url + self.path), body=body, timestamp=ts,
                      secret=secret or self.secret)
        return {"X-HubSpot-Signature-v3": sig, "X-HubSpot-Request-Timestamp": ts,
                "Content-Type": "application/json"}

    def post_body(self, body: bytes, **kw: Any) -> Any:
        headers = kw.pop("headers", None) or self.headers(body, **kw)
        return self.client.post(self.path, data=body, headers=headers)

    def post_events(self, events: list[dict[str, Any]], **kw: Any) -> Any:
        return self.post_body(json.dumps(events).encode(), **kw)

    def post_fixture(self, name: str, **kw: Any) -> Any:
        return self.post_events(load_fixture(name), **kw)


@pytest.fixture
def webhook(client: Any) -> WebhookSender:
    return WebhookSender(client)


def deal_event(portal: int | str, deal_id: int, *, event_id: int, prop: str = "amount", value: str = "100",
               attempt: int = 0, occurred_at: int | None = None, sub_type: str = "deal.propertyChange") -> dict:
    """A real-shaped HubSpot deal.propertyChange event."""
    ev = {
        "eventId": event_id, "subscriptionId": 2741, "portalId": int(portal), "appId": 1160452,
        "occurredAt": occurred_at or 1764000000000 + event_id, "subscriptionType": sub_type,
        "attemptNumber": attempt, "objectId": deal_id, "changeSource": "CRM_UI", "sourceId": "userId:45678",
    }
    if sub_type.endswith("propertyChange"):
        ev["propertyName"] = prop
        ev["propertyValue"] = value
    return ev


def count_rows(application: Any) -> dict[str, int]:
    """Rows per table, for 'left no row anywhere' assertions."""
    from sqlalchemy import func, select

    from app.storage import get_db
    from app.storage.models import Base

    with get_db(application).session() as s:
        return {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


@pytest.fixture(autouse=True)
def _loopback_only() -> Iterator[None]:
    """Fail a test that tried to reach beyond loopback (tests/loopback_only.py), even when the code
    under test swallowed the refusal as an outage and the test passed on its fallback."""
    before = len(loopback_only.attempts)
    yield
    tried = loopback_only.attempts[before:]
    if tried:
        pytest.fail(f"this test tried to reach beyond loopback: {', '.join(sorted(set(tried)))}; "
                    "point the client at a sandbox or a reserved name (.invalid)", pytrace=False)


@pytest.fixture(autouse=True)
def _fresh_crm_process_state() -> Iterator[None]:
    """Each test its own in-memory rate budget and CRM metadata cache: sandboxes are re-seeded
    under the same portal id, and a budget spent by one test must not throttle the next."""
    from integrations.hubspot.metadata import reset_shared_cache
    from integrations.limits import reset_in_process_limiter

    reset_in_process_limiter()
    reset_shared_cache()
    yield
