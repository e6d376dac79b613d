"""The suite drops and re-creates the public schema of the PostgreSQL database in DATABASE_URL (a fresh
schema per session, tests/conftest.py): refuse to do that to a database it did not make.

A contributor who set DATABASE_URL for `agentic-sales serve` (README, Production deployment) and then
ran `make test` in the same shell lost that database. The suite now resets only a database whose
public schema is empty, carries the suite's mark (a schema comment, invisible to the app and to
Alembic's comparisons), or is named for tests (`agentic_test`, CI's, made by .ci/services.sh).
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

SUITE_MARK = "agentic-sales test suite: dropped and re-created by every pytest session"
"""The comment the suite puts on the public schema it creates."""


def refusal(conn: Connection, *, schema: str = "public", database: str | None = None) -> str | None:
    """Why the suite may not drop `schema`, or None when it may.

    Args:
        conn: a connection to the database.
        schema: the schema the suite would drop.
        database: the database's name (default: the connection's).
    """
    tables = conn.execute(text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s "
                               "ORDER BY table_name"), {"s": schema}).scalars().all()
    if not tables:
        return None
    mark = conn.execute(text("SELECT obj_description(to_regnamespace(:s), 'pg_namespace')"), {"s": schema}).scalar()
    name = database if database is not None else conn.engine.url.database or ""
    if mark == SUITE_MARK or "test" in name:
        return None
    shown = make_url(str(conn.engine.url)).render_as_string(hide_password=True)
    return (f"DATABASE_URL={shown} holds {len(tables)} tables the test suite did not create (e.g. "
            f"{', '.join(tables[:3])}); the suite drops and re-creates the {schema} schema of the database it "
            "is given. Point DATABASE_URL at a database of its own, e.g. `createdb -h 127.0.0.1 -p 5433 -U postgres "
            "agentic_test` (or `eval \"$(bash .ci/services.sh)\"`, which makes one), or unset it to run on SQLite.")


def mark(conn: Connection, *, schema: str = "public") -> None:
    """Mark `schema` as the suite's own, so the next session may reset it."""
    # COMMENT takes no bind parameters; the mark is a constant without quotes.
    conn.execute(text(f"COMMENT ON SCHEMA \"{schema}\" IS '{SUITE_MARK}'"))
