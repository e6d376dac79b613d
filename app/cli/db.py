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
    from app import config, logs
    from app.storage import migrate

    logs.configure()
    cfg = config.load(None)
    url = cfg["DATABASE_URL"]
    try:
        migrate.upgrade(url, revision)
    except Exception as exc:
        click.echo(f"error: database upgrade failed: {exc}".splitlines()[0], err=True)
        raise SystemExit(1) from None
    click.echo(json.dumps({"database": make_url(url).render_as_string(hide_password=True),
                           "revision": revision, "status": "upgraded"}))


commands = [db]
