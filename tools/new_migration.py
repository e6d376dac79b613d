"""Write the next Alembic migration from the models (app/storage/models.py), named as the others are.

    make migration NAME=llm_usage_index            # = python tools/new_migration.py llm_usage_index

Upgrades a scratch SQLite database to the current head, lets Alembic compare it with the models
and writes `app/storage/migrations/versions/<NNNN>_<name>.py` (the next number), with SQLite-safe
`batch_alter_table` operations that run unchanged on PostgreSQL. Read and edit what it wrote
(autogenerate misses renames, server defaults and data moves), then run
`tests/front_door/test_storage.py` on SQLite and on PostgreSQL (docs/contributing.md).
Prints {"path", "revision", "down_revision", "empty"} as JSON on stdout; exits 2 on a bad name.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NAME = re.compile(r"^[a-z][a-z0-9_]{2,40}$")
"""Lower-case words joined by `_`, as the existing revisions are (`0009_llm_budget`)."""


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not NAME.match(argv[0]):
        print("usage: make migration NAME=what_it_changes  (lower case, digits and _; 3 to 41 characters)",
              file=sys.stderr)
        return 2
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from app.storage import migrate
    from app.storage.models import Base

    head = migrate.head_revision()
    number = int(head.split("_", 1)[0]) + 1
    revision = f"{number:04d}_{argv[0]}"
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'head.db'}"
        migrate.upgrade(url)
        cfg = migrate.alembic_config(url)
        # One file per revision named after its id alone: 0010_llm_usage_index.py, not 0010_..._<slug>.py
        cfg.set_main_option("file_template", "%%(rev)s")
        engine = create_engine(url)
        with engine.connect() as conn:
            empty = not compare_metadata(MigrationContext.configure(conn), Base.metadata)
        engine.dispose()
        # Alembic prints "Generating <path> ... done" on stdout, where this command's JSON result goes.
        with contextlib.redirect_stdout(sys.stderr):
            script = command.revision(cfg, message=argv[0].replace("_", " "), autogenerate=True, rev_id=revision)
    path = Path(script.path) if script is not None and not isinstance(script, list) else None
    if path is None:
        print("alembic wrote no revision", file=sys.stderr)
        return 1
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(json.dumps({"path": str(shown), "revision": revision, "down_revision": head,
                      "empty": empty}))
    if empty:
        print("the models and the migrations agree: the revision is empty (change app/storage/models.py first, "
              "or write the operations by hand)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
