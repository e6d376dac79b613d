"""Run Alembic migrations programmatically (`agentic-sales db upgrade`, tests, the demo)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> AlembicConfig:
    """An Alembic config pointing at our migrations and `url` (no alembic.ini needed)."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Upgrade the database at `url` to `revision` (idempotent)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Downgrade the database at `url` to `revision`."""
    command.downgrade(alembic_config(url), revision)


UPGRADE_HINT = "run `agentic-sales db upgrade` (the Procfile's release)"


def head_revision() -> str:
    """The newest migration this version of the code ships."""
    head = _scripts().get_current_head()
    assert head is not None, "the migrations directory has no head"
    return head


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("sqlite://"))


def current_revision(engine: Engine) -> str | None:
    """The revision the database at `engine` is at (None: no schema yet). Raises when unreachable.

    Read from Alembic's own table rather than through a MigrationContext, which logs two INFO
    lines per call (every /healthz probe).
    """
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_problem(revision: str | None, head: str) -> str | None:
    """Why a database at `revision` cannot serve this code (whose newest migration is `head`), or None.

    Every request and job would fail on a missing table or column, so the processes refuse to start
    and /healthz reports the database down instead.
    """
    if revision == head:
        return None
    if revision is None:
        return f"the database has no schema yet: {UPGRADE_HINT}"
    if revision not in {script.revision for script in _scripts().walk_revisions()}:
        return (f"the database's schema is at revision {revision}, newer than this version knows ({head}): "
                "run the version that migrated it")
    return f"the database's schema is at revision {revision}, this version needs {head}: {UPGRADE_HINT}"
