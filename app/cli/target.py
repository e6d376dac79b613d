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


def command_app() -> Flask:
    """The app configured for a short command: no worker thread; the demo's data dir if that is where we point."""
    # Alembic's INFO lines (its plugins log as it is first imported, just below) are noise around one result.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from app import create_app
    from app.demo import demo_config
    from app.storage import get_db, migrate

    overrides: dict[str, Any] = {}
    data_dir = os.environ.get("AGENTIC_SALES_DATA_DIR")
    if data_dir and not os.environ.get("DATABASE_URL"):
        overrides.update(demo_config(Path(data_dir).expanduser()))
    overrides["START_WORKER"] = False  # a command enqueues or reads; the server's or RQ's workers run jobs
    app = create_app(overrides)
    refuse_a_missing_database(app.config["DATABASE_URL"], data_dir)  # before the engine's first connect creates it
    if get_db(app).dialect == "sqlite":
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
    """One line for a database failure: which database (password hidden) and what the driver said.

    "database error: connection refused" left a person guessing which setting points where; the
    line names DATABASE_URL when the deployment set it, else the embedded database's path.
    """
    import os

    from sqlalchemy.engine import make_url

    said = str(getattr(exc, "orig", None) or exc).strip()
    said = said.splitlines()[0] if said else type(exc).__name__
    if not url:
        return f"database error: {said}"
    shown = make_url(url).render_as_string(hide_password=True)
    where = f"DATABASE_URL ({shown})" if os.environ.get("DATABASE_URL") else f"the database {shown}"
    return f"database error at {where}: {said}"
