"""app/storage/upsert.py: one insert-if-absent for PostgreSQL and SQLite (runs on whichever database the suite
is given: SQLite by default, PostgreSQL with DATABASE_URL), and a guard that no other module picks a dialect's
`insert` again (wave 28 found the idiom written nine times)."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.storage import get_db
from app.storage.models import LeaderLease
from app.storage.upsert import insert_if_absent

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("app", "agents", "scoring", "learning", "integrations", "webhooks")
HOME = "app/storage/upsert.py"


def _leases(app) -> dict[str, str]:
    with get_db(app).session() as s:
        return dict(s.execute(select(LeaderLease.name, LeaderLease.holder)).tuples().all())


def test_a_second_insert_of_the_same_key_does_nothing_and_keeps_the_first_row(app):
    until = datetime.now(UTC) + timedelta(minutes=5)
    with get_db(app).session() as s:
        first = s.execute(
            insert_if_absent(s, LeaderLease, ["name"], name="report", holder="a", until=until).returning(
                LeaderLease.name
            )
        ).first()
        second = s.execute(
            insert_if_absent(s, LeaderLease, ["name"], name="report", holder="b", until=until).returning(
                LeaderLease.name
            )
        ).first()
    assert first is not None and first[0] == "report"
    assert second is None  # RETURNING gives a row only when one was inserted
    assert _leases(app) == {"report": "a"}


def test_an_insert_of_another_key_still_inserts(app):
    until = datetime.now(UTC) + timedelta(minutes=5)
    with get_db(app).session() as s:
        s.execute(insert_if_absent(s, LeaderLease, ["name"], name="scheduler", holder="a", until=until))
        s.execute(insert_if_absent(s, LeaderLease, ["name"], name="report", holder="b", until=until))
    assert _leases(app) == {"scheduler": "a", "report": "b"}


def test_without_values_it_inserts_a_batch_of_rows_and_returns_only_the_new_ones(app):
    until = datetime.now(UTC) + timedelta(minutes=5)
    with get_db(app).session() as s:
        s.execute(insert_if_absent(s, LeaderLease, ["name"], name="old", holder="a", until=until))
    with get_db(app).session() as s:
        statement = insert_if_absent(s, LeaderLease, ["name"]).returning(LeaderLease.name)
        rows = [{"name": n, "holder": "b", "until": until} for n in ("new1", "old", "new2")]
        returned = sorted(r[0] for r in s.connection().execute(statement, rows).all())
    assert returned == ["new1", "new2"]
    assert _leases(app) == {"old": "a", "new1": "b", "new2": "b"}


def test_the_statement_is_the_sessions_own_dialects_on_conflict(app):
    with get_db(app).session() as s:
        statement = insert_if_absent(s, LeaderLease, ["name"], name="x", holder="a", until=datetime.now(UTC))
        dialect = s.get_bind().dialect
        assert type(statement).__module__.startswith(f"sqlalchemy.dialects.{dialect.name}")
        assert "ON CONFLICT (name) DO NOTHING" in str(statement.compile(dialect=dialect))


def dialect_inserts(source: str) -> list[int]:
    """Lines that reach a dialect's own `insert` (sqlalchemy.dialects.postgresql or .sqlite): by importing it, or
    by `.insert` on a name bound to one of those modules, whatever the alias."""
    dialect_modules = {"sqlalchemy.dialects.postgresql", "sqlalchemy.dialects.sqlite"}
    modules: set[str] = set()  # local names bound to a dialect module
    hits: list[int] = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy.dialects":
            modules |= {a.asname or a.name for a in node.names if a.name in ("postgresql", "sqlite")}
        elif isinstance(node, ast.ImportFrom) and node.module in dialect_modules:
            if any(a.name == "insert" for a in node.names):
                hits.append(node.lineno)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name in dialect_modules and a.asname:
                    modules.add(a.asname)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "insert":
            chain = ast.unparse(node.value)
            if chain in modules or chain in dialect_modules:
                hits.append(node.lineno)
    return sorted(hits)


def test_no_module_but_the_storage_one_picks_a_dialects_insert():
    found = []
    for package in PRODUCT:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = str(path.relative_to(ROOT))
            if rel != HOME:
                found += [f"{rel}:{line}" for line in dialect_inserts(path.read_text())]
    assert found == [], "use app.storage.upsert.insert_if_absent"
    assert dialect_inserts((ROOT / HOME).read_text())  # the guard sees the one place that does


def test_the_guard_catches_every_way_of_reaching_a_dialects_insert():
    spellings = [
        "from sqlalchemy.dialects import postgresql\npostgresql.insert(T)",
        "from sqlalchemy.dialects import sqlite as lite\nstmt = lite.insert(T).on_conflict_do_nothing()",
        "from sqlalchemy.dialects.postgresql import insert\n",
        "from sqlalchemy.dialects.sqlite import insert as sqlite_insert\n",
        "import sqlalchemy.dialects.postgresql as pg\npg.insert(T)",
        "import sqlalchemy.dialects.sqlite\nsqlalchemy.dialects.sqlite.insert(T)",
        "from sqlalchemy.dialects import postgresql, sqlite\n"
        "def f(s):\n    i = postgresql.insert if s.dialect.name == 'postgresql' else sqlite.insert\n",
    ]
    for source in spellings:
        assert dialect_inserts(source), source


def test_the_guard_lets_honest_look_alikes_pass():
    honest = [
        "from sqlalchemy import insert\ninsert(T)",
        "from sqlalchemy.dialects.postgresql import JSONB\n",
        "from sqlalchemy.dialects import postgresql\npostgresql.JSONB()",
        "import sqlalchemy as sa\nsa.insert(T)",
        "rows.insert(0, row)\nsqlite = []\nsqlite.insert(0, 1)",
        "if session.get_bind().dialect.name == 'postgresql':\n    pass",
    ]
    for source in honest:
        assert dialect_inserts(source) == [], source
