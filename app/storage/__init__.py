"""Storage: the SQLAlchemy engine and sessions, attached to the app with `init_app`.

SQLite (the embedded default) runs in WAL mode with a busy timeout so the web thread and the
in-process worker can write side by side; PostgreSQL (production) runs on psycopg 3.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Engine, create_engine, delete, event, text
from sqlalchemy.orm import Session, sessionmaker

from app import defaults
from app.storage import models
from app.storage.crypto import TokenCipher


class Database:
    """Engine + session factory for one app (STYLE rule 2: state lives in app.extensions)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session that commits on success and rolls back on error."""
        s = self.sessionmaker()
        try:
            yield s
            s.commit()
        except BaseException:  # rollback on any exit, KeyboardInterrupt and SystemExit included
            s.rollback()
            raise
        finally:
            s.close()

    def ping(self) -> None:
        """Run `SELECT 1`; raises on failure."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets WAL, a busy timeout and foreign keys."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": defaults.SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={defaults.SQLITE_BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def init_app(app: Flask) -> None:
    """Attach the database (and the token cipher when a key is configured) to `app`."""
    db = Database(app.config["DATABASE_URL"])
    app.extensions["db"] = db
    if app.config.get("TOKEN_KEY"):
        app.extensions["token_cipher"] = TokenCipher(app.config["TOKEN_KEY"])


def get_db(app: Flask | None = None) -> Database:
    """The app's Database (current_app when not given)."""
    return (app or current_app).extensions["db"]


def get_cipher(app: Flask | None = None) -> TokenCipher:
    """The app's TokenCipher; raises TokenKeyError when no key is configured."""
    a = app or current_app
    cipher = a.extensions.get("token_cipher")
    if cipher is None:
        return TokenCipher(a.config.get("TOKEN_KEY") or "")
    return cipher


RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
"""PostgreSQL's deadlock_detected and serialization_failure: the transaction can simply run again."""


def is_retryable(exc: BaseException) -> bool:
    """Tell whether a database error means "run the same transaction again" (a deadlock or a
    serialization failure between concurrent writers; SQLite's busy database likewise)."""
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(orig or "")


def rowcount(result: Any) -> int:
    """Rows a DML statement touched (SQLAlchemy types `execute` as Result, which hides it)."""
    return int(getattr(result, "rowcount", 0) or 0)


def delete_tenant_data(session: Session, tenant_id: str) -> dict[str, int]:
    """Delete every row of a tenant, the tenant included; returns rows deleted per table."""
    counts: dict[str, int] = {}
    for table in models.TENANT_TABLES:
        result = session.execute(delete(table).where(table.tenant_id == tenant_id))
        counts[table.__tablename__] = rowcount(result)
    result = session.execute(delete(models.Tenant).where(models.Tenant.id == tenant_id))
    counts["tenants"] = rowcount(result)
    return counts
