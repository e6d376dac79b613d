"""Insert-if-absent for both databases the app runs on: PostgreSQL in production, SQLite embedded.

SQLAlchemy's generic `insert` has no ON CONFLICT; each dialect's own `insert` has one, with the same
`on_conflict_do_nothing` and `returning`. Choosing it from the session's bind, in one place, keeps every
caller's statement one line and dialect-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def dialect_insert(session: Session) -> Any:
    """`insert` with ON CONFLICT for the session's database (PostgreSQL's, else SQLite's)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def insert_if_absent(session: Session, model: Any, keys: Sequence[str], **values: Any) -> Any:
    """INSERT `values` into `model`, doing nothing when a row with the same `keys` (a unique index's columns)
    exists already. Not executed: the caller may add `.returning(...)` (a row back only when inserted), or give
    no values and execute it with a list of rows."""
    statement = dialect_insert(session)(model)
    if values:
        statement = statement.values(**values)
    return statement.on_conflict_do_nothing(index_elements=list(keys))
