"""Migrations on SQLite and PostgreSQL, encrypted tokens, WAL mode, uninstall deletes everything."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from app.storage import delete_tenant_data, get_db, migrate
from app.storage.crypto import TokenCipher, TokenKeyError, generate_key
from app.storage.models import Base
from tests.conftest import count_rows, deal_event, install_tenant, need, pg_url

PLAINTEXT_ACCESS = "pat-na1-PLAINTEXT-ACCESS-TOKEN-1234"
PLAINTEXT_REFRESH = "na1-PLAINTEXT-REFRESH-5678"


def _schema_diff(url: str) -> list:
    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    return diff


@pytest.mark.embedded
def test_migrations_build_the_models_schema_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate.upgrade(url)
    migrate.upgrade(url)  # idempotent
    assert _schema_diff(url) == []
    migrate.downgrade(url, "base")
    engine = create_engine(url)
    with engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert tables <= {"alembic_version"}


@pytest.mark.postgres
def test_migrations_build_the_models_schema_on_postgresql():
    need("postgres")
    url = pg_url()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS migtest CASCADE"))
        conn.execute(text("CREATE SCHEMA migtest"))
    engine.dispose()
    scoped = url + ("&" if "?" in url else "?") + "options=-csearch_path%3Dmigtest"
    try:
        migrate.upgrade(scoped)
        assert _schema_diff(scoped) == []
        migrate.downgrade(scoped, "base")
        migrate.upgrade(scoped)
    finally:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA migtest CASCADE"))
        engine.dispose()


def test_tokens_are_encrypted_and_decrypt_with_the_key():
    key = generate_key()
    c = TokenCipher(key)
    enc = c.encrypt("secret-token")
    assert "secret-token" not in enc
    assert c.decrypt(enc) == "secret-token"
    rotated = TokenCipher(f"{generate_key()},{key}")
    assert rotated.decrypt(enc) == "secret-token"


def test_a_bad_token_key_is_named_in_the_error():
    with pytest.raises(TokenKeyError, match="AGENTIC_SALES_TOKEN_KEY"):
        TokenCipher("not-a-key")
    with pytest.raises(TokenKeyError, match="AGENTIC_SALES_TOKEN_KEY"):
        TokenCipher("")


def _dump(app) -> str:
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            return "\n".join(conn.iterdump())
        finally:
            conn.close()
    pg_dump = shutil.which("pg_dump") or next(iter(sorted(
        __import__("glob").glob("/usr/lib/postgresql/*/bin/pg_dump"))), None)
    assert pg_dump, "pg_dump is needed to dump PostgreSQL"
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    return subprocess.run([pg_dump, "--data-only", plain], capture_output=True, text=True, check=True).stdout


def test_a_database_dump_shows_no_plaintext_token(app):
    install_tenant(app, "62515", access_token=PLAINTEXT_ACCESS, refresh_token=PLAINTEXT_REFRESH)
    dump = _dump(app)
    assert "hubspot-62515" in dump  # the dump did capture the tenant's rows
    assert PLAINTEXT_ACCESS not in dump
    assert PLAINTEXT_REFRESH not in dump


@pytest.mark.embedded
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    from app.storage import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_deleting_a_tenant_removes_all_of_its_rows_and_no_one_elses(app, webhook):
    a = install_tenant(app, "1001")
    install_tenant(app, "2002")
    webhook.post_events([deal_event(1001, 1, event_id=1), deal_event(2002, 1, event_id=1)])
    with get_db(app).session() as s:
        deleted = delete_tenant_data(s, a)
    assert deleted["tenants"] == 1 and deleted["inbox_events"] == 1
    left = count_rows(app)
    assert left["tenants"] == 1 and left["inbox_events"] == 1 and left["installations"] == 1
