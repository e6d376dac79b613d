"""The app an admin command acts on: the deployment's database, or a demo's data directory.

With `AGENTIC_SALES_DATA_DIR` alone (no `DATABASE_URL`) pointing at what `agentic-sales demo` left
behind, a command reads the demo's database, secrets and sandbox, the tenant the person just saw in
the demo; elsewhere the deployment's configuration as it is. The embedded SQLite schema is brought
up to date quietly, as `serve` does; a database that does not exist yet is an error naming the path,
never created by a command that only reads or enqueues.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from flask import Flask

EXIT_DATABASE = 2
"""Exit code of a command whose database cannot be reached or lacks the tables it reads (as for a
configuration error: what to fix is a setting or a `db upgrade`, not the command's input)."""

_opened: dict[str, str] = {}
"""The database URL the command's app was built on (one command per process), for the one-line error
that `app.cli.main` prints when a later stage fails."""


def remember_database(url: str) -> None:
    """Record the database this command reads, so a failure at any later stage can name it."""
    _opened["url"] = url


def command_app() -> Flask:
    """The app configured for a short command: no worker thread; the demo's data dir if that is where we point."""
    # Alembic's INFO lines (its plugins log as it is first imported, just below) are noise around one result.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from app import create_app
    from app.demo import demo_config
    from app.storage import get_db

    overrides: dict[str, Any] = {}
    data_dir = os.environ.get("AGENTIC_SALES_DATA_DIR")
    if data_dir and not os.environ.get("DATABASE_URL"):
        overrides.update(demo_config(Path(data_dir).expanduser()))
    overrides["START_WORKER"] = False  # a command enqueues or reads; the server's or RQ's workers run jobs
    app = create_app(overrides)
    remember_database(app.config["DATABASE_URL"])
    refuse_a_missing_database(app.config["DATABASE_URL"], data_dir)  # before the engine's first connect creates it
    if get_db(app).dialect == "sqlite":
        from app.storage import migrate  # Alembic's import: only where a command migrates

        migrate.upgrade(app.config["DATABASE_URL"])
    return app


def refuse_a_missing_database(url: str, data_dir: str | None) -> None:
    """Raise ConfigError when the embedded database file does not exist yet.

    A command reads what `serve` or `demo` wrote; creating a database would answer a mistyped
    AGENTIC_SALES_DATA_DIR with "unknown tenant" and leave an empty database behind, where the
    person needs to hear that nothing is there.
    """
    from sqlalchemy.engine import make_url

    from app.config import PREFIX, ConfigError

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" or Path(database).exists():
        return
    where = f" ({PREFIX}_DATA_DIR={data_dir})" if data_dir else ""
    raise ConfigError(f"no agentic-sales database at {database}{where}: check the path, or start the app "
                      f"there once (`agentic-sales demo`, or `agentic-sales db upgrade` for a deployment)")


def require_tenant(app: Flask, tenant_id: str) -> None:
    """Raise UnknownTenantError (naming the known tenants) when the database has no such tenant."""
    from app.settings.store import require_tenant as require_in
    from app.storage import get_db

    with get_db(app).session() as s:
        require_in(s, tenant_id)


def database_error(url: str | None, exc: BaseException) -> str:
    """One line for a database failure: which database (password hidden), what the driver said, and
    what to check.

    "database error: connection refused" left a person guessing which setting points where; the
    line names DATABASE_URL when the deployment set it, else the embedded database's path, and ends
    with the next step: start or reach the server, or bring the schema up with `db upgrade`.
    """
    from sqlalchemy.engine import make_url

    said = str(getattr(exc, "orig", None) or exc).strip()
    said = said.splitlines()[0] if said else type(exc).__name__
    hint = _next_step(exc, said)
    if not url:
        return f"database error: {said}; {hint}"
    shown = make_url(url).render_as_string(hide_password=True)
    where = f"DATABASE_URL ({shown})" if os.environ.get("DATABASE_URL") else f"the database {shown}"
    return f"database error at {where}: {said}; {hint}"


def command_database_error(exc: BaseException) -> str:
    """database_error for the database this command opened (else DATABASE_URL as set)."""
    return database_error(_opened.get("url") or os.environ.get("DATABASE_URL"), exc)


_MISSING_CLASSES = ("UndefinedTable", "UndefinedColumn")
"""psycopg's errors for a table or column the schema lacks."""

_MISSING_WORDS = ("no such table", "no such column")
"""SQLite's words for the same."""


def _next_step(exc: BaseException, said: str) -> str:
    from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeoutError

    orig = getattr(exc, "orig", None)
    deployed = bool(os.environ.get("DATABASE_URL"))
    if type(orig).__name__ in _MISSING_CLASSES or any(word in said.lower() for word in _MISSING_WORDS):
        same = "the same DATABASE_URL" if deployed else "the same AGENTIC_SALES_DATA_DIR"
        return f"its schema is missing or older than this version: run `agentic-sales db upgrade` with {same}"
    if not isinstance(exc, OperationalError | InterfaceError | DisconnectionError | PoolTimeoutError):
        # A constraint or a type the database refused: the server is up; the statement is in its log.
        return "the database is up but refused the statement (the server's log has it): report this line"
    if deployed:
        return "check that the database server is running and reachable, and that DATABASE_URL points at it"
    return "check the path and its permissions (AGENTIC_SALES_DATA_DIR), or set DATABASE_URL"
