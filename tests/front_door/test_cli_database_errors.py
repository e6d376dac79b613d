"""Every admin command that reads the database answers a database failure with one line that names
DATABASE_URL (its password hidden) and what to check, and exits 2, whichever stage fails: the
first connection, or a later one (a table the code reads after the tenant check, in a database
whose migrations were never run or are behind). They used to print a traceback, or the driver's
first line without saying which database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from app.cli.target import database_error
from app.storage import migrate
from tests.conftest import TEST_SECRET_KEY, TEST_TOKEN_KEY, pg_scratch_schema

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE = "postgresql://revops:s3cret-pw@127.0.0.1:1/agentic"
"""Port 1 on loopback: refused at once, nothing listens there."""
T = "hubspot-62515"

READING_COMMANDS = [
    ("tenants", "list"),
    ("settings", "show", "--tenant", T),
    ("settings", "history", "--tenant", T),
    ("mappings", "show", "--tenant", T),
    ("mappings", "validate", "--tenant", T),
    ("costs", "show", "--tenant", T),
    ("costs", "export", "--tenant", T, "--month", "2026-11"),
    ("costs", "estimate", "--tenant", T, "--records", "10"),
    ("privacy", "export", "--tenant", T, "--email", "dana@example.com"),
    ("privacy", "erase", "--tenant", T, "--email", "dana@example.com"),
    ("privacy", "purge", "--tenant", T),
    ("backfill", "--tenant", T, "--estimate"),
    ("reconcile", "--all"),
    ("learning", "export", "--tenant", T, "--out", "rows.csv"),
    ("learning", "report", "--tenant", T, "--out", "report.html"),
    ("model", "report", "--tenant", T, "--out", "cards.html"),
    ("model", "train-from-crm", "--tenant", T, "--task", "churn"),
    ("settings", "set", "--tenant", T, "tone=formal"),
    ("settings", "undo", "--tenant", T),
    ("mappings", "set", "--tenant", T, "--object", "deal", "amount=amount"),
    ("db", "upgrade"),
]


def agentic_sales(*args: str, database_url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"DATABASE_URL": database_url, "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY,
                "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
                "OMP_NUM_THREADS": "1"})
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                          cwd=str(tmp_path), timeout=180)


def one_line(r: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert r.returncode == 2, (r.returncode, r.stderr)
    return lines[0]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_an_unreachable_postgresql_is_one_line_naming_database_url_and_exit_2(args, tmp_path):
    r = agentic_sales(*args, database_url=UNREACHABLE, tmp_path=tmp_path)

    line = one_line(r)
    assert "DATABASE_URL" in line and "127.0.0.1:1" in line, line
    assert "s3cret-pw" not in r.stderr + r.stdout
    assert "check that the database server is running" in line, line


@pytest.fixture
def scratch_schema():
    with pg_scratch_schema("clierrors") as made:
        yield made


@pytest.mark.postgres
@pytest.mark.parametrize("args", [
    ("tenants", "list"),
    ("settings", "show", "--tenant", T),
    ("costs", "show", "--tenant", T),
    ("privacy", "purge", "--tenant", T),
    ("backfill", "--tenant", T, "--estimate"),
    ("learning", "export", "--tenant", T, "--out", "rows.csv"),
], ids=lambda a: " ".join(a[:2]))
def test_a_database_whose_migrations_never_ran_says_run_db_upgrade(args, scratch_schema, tmp_path):
    _engine, url = scratch_schema

    line = one_line(agentic_sales(*args, database_url=url, tmp_path=tmp_path))

    assert "DATABASE_URL" in line and "agentic-sales db upgrade" in line, line


@pytest.mark.postgres
@pytest.mark.parametrize(("args", "dropped"), [
    (("costs", "show", "--tenant", T), "llm_usage"),
    (("costs", "export", "--tenant", T, "--month", "2026-11"), "llm_usage"),
    (("learning", "export", "--tenant", T, "--out", "rows.csv"), "rewards"),
    (("privacy", "purge", "--tenant", T), "llm_cache"),
    (("privacy", "export", "--tenant", T, "--email", "dana@example.com"), "enrichments"),
    (("settings", "history", "--tenant", T), "settings_versions"),
], ids=lambda a: " ".join(a[:2]) if isinstance(a, tuple) else a)
def test_a_table_missing_after_the_tenant_check_is_one_line_naming_it_and_db_upgrade(args, dropped, scratch_schema,
                                                                                      tmp_path):
    # The first stage (the tenant's row) works; a later one reads a table the database lacks.
    engine, url = scratch_schema
    migrate.upgrade(url)
    with engine.begin() as conn:
        conn.execute(text("SET search_path TO clierrors"))
        conn.execute(text("INSERT INTO tenants (id, crm, external_id, name, status, created_at) "
                          "VALUES (:t, 'hubspot', '62515', 'Portal 62515', 'active', now())"), {"t": T})
        conn.execute(text(f"DROP TABLE {dropped} CASCADE"))

    line = one_line(agentic_sales(*args, database_url=url, tmp_path=tmp_path))

    assert "DATABASE_URL" in line and dropped in line and "agentic-sales db upgrade" in line, line


def test_the_next_step_follows_the_kind_of_failure_not_just_the_url(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    url = UNREACHABLE

    def said(cls, message):
        return database_error(url, cls("SELECT 1", {}, Exception(message)))

    assert "server is running" in said(OperationalError, "connection refused")
    class UndefinedTable(Exception):  # psycopg's class of that name, as the driver raises it
        pass

    missing = database_error(url, ProgrammingError("SELECT 1", {}, UndefinedTable('relation "x" does not exist')))
    assert "agentic-sales db upgrade" in missing
    assert "agentic-sales db upgrade" in said(OperationalError, "no such table: llm_usage")
    refused = said(IntegrityError, "duplicate key value violates unique constraint")
    assert "server is running" not in refused and "refused the statement" in refused
    assert "s3cret-pw" not in refused and "DATABASE_URL" in refused
