"""`agentic-sales db upgrade`: apply the Alembic migrations (the Procfile's `release`)."""

from __future__ import annotations

import json

import click
from sqlalchemy.engine import make_url


@click.group()
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def upgrade(revision: str) -> None:
    """Upgrade the database schema (idempotent)."""
    from sqlalchemy.exc import SQLAlchemyError

    from app import config, logs
    from app.cli.target import EXIT_DATABASE, database_error
    from app.storage import migrate

    logs.configure()
    cfg = config.load(None)
    url = cfg["DATABASE_URL"]
    try:
        migrate.upgrade(url, revision)
    except SQLAlchemyError as exc:  # the server: one line naming DATABASE_URL, as every command's
        click.echo(f"error: database upgrade failed: {database_error(url, exc)}", err=True)
        raise SystemExit(EXIT_DATABASE) from None
    except Exception as exc:  # Alembic's own (an unknown --revision, a broken migration chain)
        click.echo(f"error: database upgrade failed: {exc}".splitlines()[0], err=True)
        raise SystemExit(1) from None
    click.echo(json.dumps({"database": make_url(url).render_as_string(hide_password=True),
                           "revision": revision, "status": "upgraded"}))


commands = [db]
