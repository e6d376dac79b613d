"""What a new deployment's `serve`, `worker`, gunicorn (the Procfile's `web`) and /healthz say when
the database or Redis they are pointed at is unusable: not reachable, a URL of another kind, or a
database whose schema `agentic-sales db upgrade` (the Procfile's `release`) has not brought up to
date. Each is one `error:` line naming what to fix and exit code 2, where the processes used to
start and fail at every job (or print a traceback), and /healthz said "ok" on an empty database.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import base_config, need, pg_url, redis_url

STRONG = "k3Yq9-ZpV7x_Lm2Rt8Wn4Bc6Hd1Jf5Gs0Ae"
SECRETS = {"AGENTIC_SALES_SECRET_KEY": STRONG, "AGENTIC_SALES_TOKEN_KEY": Fernet.generate_key().decode(),
           "HUBSPOT_CLIENT_ID": "id", "HUBSPOT_CLIENT_SECRET": "shh"}
ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], env: dict[str, str], tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    base = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(tmp_path),
            "AGENTIC_SALES_DATA_DIR": str(tmp_path), **SECRETS}
    return subprocess.run(args, env={**base, **env}, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def error_lines(r: subprocess.CompletedProcess[str]) -> list[str]:
    return [ln for ln in r.stderr.splitlines() if ln.strip()]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """A server process started by `serving`: its output once it has stopped."""

    stdout = ""
    stderr = ""
    healthz: int | None = None


@contextlib.contextmanager
def serving(args: list[str], env: dict[str, str], tmp_path: Path, port: int) -> Iterator[Served]:
    """Run `args` (gunicorn, the Procfile's web) with `env` until /healthz on `port` answers (at most
    ~30 s), yield, then stop it; the output is on the yielded object after the block."""
    import time
    import urllib.error
    import urllib.request

    base = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(tmp_path),
            "AGENTIC_SALES_DATA_DIR": str(tmp_path), **SECRETS, "PORT": str(port), **env}
    proc = subprocess.Popen(args, env=base, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    served = Served()
    try:
        for _ in range(150):
            try:
                served.healthz = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                # a worker still booting on a loaded machine can accept and then not answer within 2 s
                time.sleep(0.2)
        yield served
    finally:
        proc.terminate()
        served.stdout, served.stderr = proc.communicate(timeout=30)


def migrated_sqlite(tmp_path: Path) -> str:
    from app.storage import migrate

    url = f"sqlite:///{tmp_path / 'agentic-sales.db'}"
    migrate.upgrade(url)
    return url


@pytest.fixture
def empty_pg_database() -> Iterator[str]:
    """A PostgreSQL database of its own with no tables: what a deployment has before `release`."""
    need("postgres")
    admin_url = make_url(pg_url())
    name = f"startup_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["worker", "--with-scheduler"]])
def test_serve_and_worker_on_a_database_release_has_not_migrated_exit_2_saying_run_db_upgrade(
        tmp_path, empty_pg_database, command):
    env = {"DATABASE_URL": empty_pg_database}
    if command[0] == "worker":
        need("redis")
        from tests.conftest import redis_url
        env["REDIS_URL"] = str(redis_url())
    r = run(cli(*command), env, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    lines = error_lines(r)
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr[-2000:]
    assert "agentic-sales db upgrade" in lines[0] and "no schema" in lines[0], lines


def test_a_worker_on_a_database_one_migration_behind_names_both_revisions(tmp_path):
    from app.storage import migrate

    url = f"sqlite:///{tmp_path / 'agentic-sales.db'}"
    migrate.upgrade(url, "0006_console")
    r = run(cli("worker", "--burst"), {"DATABASE_URL": url, "REDIS_URL": "redis://127.0.0.1:1/0"}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    [line] = error_lines(r)
    assert "0006_console" in line and migrate.head_revision() in line and "agentic-sales db upgrade" in line


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["worker", "--burst"]])
def test_a_database_that_cannot_be_reached_is_one_line_naming_database_url_without_its_password(
        tmp_path, command):
    url = f"postgresql://agent:s3cret-pw@127.0.0.1:{closed_port()}/sales"
    r = run(cli(*command), {"DATABASE_URL": url, "REDIS_URL": "redis://127.0.0.1:1/0"}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    [line] = error_lines(r)
    assert line.startswith("error: cannot reach the database at DATABASE_URL"), line
    assert "127.0.0.1" in line and "s3cret-pw" not in line


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["worker", "--burst"]])
def test_a_redis_that_cannot_be_reached_is_one_line_naming_redis_url(tmp_path, command):
    url = migrated_sqlite(tmp_path)
    redis = f"redis://:r3dis-pw@127.0.0.1:{closed_port()}/4"
    r = run(cli(*command), {"DATABASE_URL": url, "REDIS_URL": redis}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    # serve brings an embedded SQLite schema up to date first (alembic's info lines, as before)
    [line] = [ln for ln in error_lines(r) if '"level": "info"' not in ln]
    assert line.startswith("error: cannot reach Redis at REDIS_URL"), line
    assert "r3dis-pw" not in line and "Traceback" not in r.stderr


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["worker", "--burst"], ["db", "upgrade"]])
def test_a_redis_url_of_another_kind_is_one_line_naming_the_schemes_redis_takes(tmp_path, command):
    r = run(cli(*command), {"REDIS_URL": "http://127.0.0.1:6379/0"}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    [line] = error_lines(r)
    assert "REDIS_URL" in line and "redis://" in line and "Traceback" not in r.stderr, line


def test_gunicorn_per_the_procfile_without_a_secret_key_is_one_line_and_exit_2_before_any_worker(tmp_path):
    env = {k: v for k, v in SECRETS.items() if k != "AGENTIC_SALES_SECRET_KEY"}
    r = run([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
            {**env, "AGENTIC_SALES_SECRET_KEY": "", "DATABASE_URL": migrated_sqlite(tmp_path),
             "PORT": str(closed_port()), "WEB_CONCURRENCY": "1"}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "Traceback" not in r.stderr and "Booting worker" not in r.stderr, r.stderr[-2000:]
    errors = [ln for ln in error_lines(r) if ln.startswith("error: ")]
    assert len(errors) == 1 and "AGENTIC_SALES_SECRET_KEY" in errors[0], r.stderr[-2000:]


def test_gunicorn_on_a_database_without_the_schema_refuses_to_start(tmp_path):
    r = run([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
            {"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}", "PORT": str(closed_port()),
             "WEB_CONCURRENCY": "1"}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    errors = [ln for ln in error_lines(r) if ln.startswith("error: ")]
    assert len(errors) == 1 and "agentic-sales db upgrade" in errors[0], r.stderr[-2000:]


def test_healthz_says_the_database_is_down_when_release_has_not_created_the_schema(tmp_path):
    from app import create_app

    app = create_app(base_config(f"sqlite:///{tmp_path / 'empty.db'}"))
    r = app.test_client().get("/healthz")
    assert r.status_code == 503
    body = r.get_json()
    assert body["down"] == ["database"] and "agentic-sales db upgrade" in body["checks"]["database"]["error"]


def test_healthz_names_the_revision_a_database_one_migration_behind_is_at(tmp_path):
    from app import create_app
    from app.storage import migrate

    url = f"sqlite:///{tmp_path / 'behind.db'}"
    migrate.upgrade(url, "0006_console")
    body = create_app(base_config(url)).test_client().get("/healthz").get_json()
    assert body["down"] == ["database"]
    assert body["checks"]["database"]["schema"] == {"revision": "0006_console", "head": migrate.head_revision()}


def test_healthz_is_ok_with_the_schema_at_head(tmp_path):
    from app import create_app
    from app.storage import migrate

    r = create_app(base_config(migrated_sqlite(tmp_path))).test_client().get("/healthz")
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["checks"]["database"]["schema"]["revision"] == migrate.head_revision()


def test_the_apps_own_log_lines_reach_gunicorns_stderr_as_json(tmp_path):
    """wsgi.py never set up logging: under gunicorn (the Procfile's web) the receivers' and OAuth's
    lines were dropped (info) or printed bare by Python's last-resort handler (warnings), unscrubbed."""
    import json
    import time
    import urllib.error
    import urllib.request

    port = closed_port()
    env = {"DATABASE_URL": migrated_sqlite(tmp_path), "WEB_CONCURRENCY": "1",
           "AGENTIC_SALES_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"]
    with serving(gunicorn, env, tmp_path, port) as served:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/hubspot", data=b"[]", method="POST",
                                     headers={"Content-Type": "application/json",
                                              "X-HubSpot-Signature-v3": "forged", "X-HubSpot-Request-Timestamp":
                                              str(int(time.time() * 1000))})
        try:
            urllib.request.urlopen(req, timeout=10)
        except urllib.error.HTTPError as exc:
            assert exc.code == 401
    stderr = served.stderr
    lines = [json.loads(ln) for ln in stderr.splitlines() if ln.startswith("{")]
    rejected = [ln for ln in lines if ln.get("logger") == "webhooks.hubspot.receiver"]
    assert rejected and rejected[0]["level"] == "warning" and "signature rejected" in rejected[0]["msg"], stderr[-2000:]


def procfile_command(process: str) -> list[str]:
    """The Procfile's command for `process`, as the platform runs it (the console script on PATH)."""
    line = next(ln for ln in (ROOT / "Procfile").read_text().splitlines() if ln.startswith(f"{process}:"))
    return line.split(":", 1)[1].split()


@pytest.mark.parametrize(("name", "value"), [("WEB_THREADS", "four"), ("WEB_THREADS", "0"), ("WEB_THREADS", "2.5")])
def test_gunicorn_with_an_unusable_thread_count_is_one_line_naming_it(tmp_path, name, value):
    r = run([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
            {**SECRETS, "DATABASE_URL": migrated_sqlite(tmp_path), "PORT": str(closed_port()), name: value}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert error_lines(r) == [f"error: {name}={value!r} must be a whole number of at least 1"], r.stderr[-2000:]


@pytest.mark.parametrize(("name", "value"), [("WEB_CONCURRENCY", "four"), ("WEB_CONCURRENCY", "0"),
                                             ("WEB_CONCURRENCY", "1.5"), ("WEB_THREADS", "many")])
def test_the_procfiles_web_with_an_unusable_process_count_is_one_line_naming_it(tmp_path, name, value):
    """gunicorn's settings module reads WEB_CONCURRENCY on import, before gunicorn.conf.py: run
    directly, a typo there was gunicorn's traceback; `agentic-sales web` checks it first."""
    r = run(procfile_command("web"),
            {**SECRETS, "DATABASE_URL": migrated_sqlite(tmp_path), "PORT": str(closed_port()), name: value}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert error_lines(r) == [f"error: {name}={value!r} must be a whole number of at least 1"], r.stderr[-2000:]


def test_the_procfiles_web_serves_healthz_with_the_process_count_it_was_given(tmp_path):
    env = {"DATABASE_URL": migrated_sqlite(tmp_path), "WEB_CONCURRENCY": "2", "WEB_THREADS": "2"}
    with serving(procfile_command("web"), env, tmp_path, closed_port()) as served:
        pass
    assert served.healthz == 200, served.stderr[-2000:]
    assert served.stderr.count("Booting worker") == 2, served.stderr[-2000:]


@pytest.mark.redis
def test_a_burst_worker_over_an_empty_queue_stops_cleanly_with_one_line_each_way(tmp_path):
    """RQ's work() returns whether any job ran, which the command took for success: an empty
    queue was exit code 1; and RQ's own INFO lines (several per job) drowned the app's."""
    need("redis")
    import json

    url = redis_url()
    assert url is not None
    queue_db = url.rsplit("/", 1)[0] + "/15"  # an empty database of the same server
    r = run(cli("worker", "--burst"), {**SECRETS, "DATABASE_URL": migrated_sqlite(tmp_path), "REDIS_URL": queue_db,
                                       "HUBSPOT_CLIENT_ID": "app-id", "HUBSPOT_CLIENT_SECRET": "app-secret"},
            tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = [json.loads(ln) for ln in r.stderr.splitlines() if ln.strip()]
    assert [ln["logger"] for ln in lines] == ["app.dispatch.rq_backend", "app.dispatch.rq_backend"], r.stderr
    assert "started on queue" in lines[0]["msg"] and "burst" in lines[0]["msg"] and "stopped" in lines[1]["msg"]
