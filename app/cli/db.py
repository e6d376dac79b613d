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
    """Upgrade the database schema (idempotent): prints the revision before and after, and whether it changed."""
    from sqlalchemy.exc import SQLAlchemyError

    from app import config, logs
    from app.cli.target import EXIT_DATABASE, database_error
    from app.storage import migrate

    logs.configure()
    cfg = config.load(None)
    url = cfg["DATABASE_URL"]
    try:
        before = _revision(url)
        migrate.upgrade(url, revision)
        after = _revision(url)
    except SQLAlchemyError as exc:  # the server: one line naming DATABASE_URL, as every command's
        click.echo(f"error: database upgrade failed: {database_error(url, exc)}", err=True)
        raise SystemExit(EXIT_DATABASE) from None
    except Exception as exc:  # Alembic's own (an unknown --revision, a broken migration chain)
        click.echo(f"error: database upgrade failed: {exc}".splitlines()[0], err=True)
        raise SystemExit(1) from None
    # What the release step did, in its words: the operator reads from the output whether migrations ran
    # (the wave-31 walk: a second run said "upgraded" to "head" exactly as the first, which ran ten).
    click.echo(json.dumps({"database": make_url(url).render_as_string(hide_password=True),
                           "from": before, "revision": after,
                           "status": "already current" if before == after else "upgraded"}))


def _revision(url: str) -> str | None:
    """The database's schema revision (None: no schema yet)."""
    from sqlalchemy import create_engine

    from app.storage import migrate

    engine = create_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


commands = [db]
