"""Named leases in `leader_leases`, taken by compare-and-set: one holder at a time across web processes and workers,
until the lease ends (the scheduler's leader; one computation of a report at a time)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.storage import rowcount
from app.storage.models import LeaderLease


def dialect_insert(session: Session) -> Any:
    """`insert` with ON CONFLICT for the session's database (PostgreSQL in production, SQLite embedded)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def take(session: Session, name: str, holder: str, until: datetime, *, now: datetime) -> bool:
    """Take or renew the lease `name` for `holder` until `until`: True when it is free, expired at `now`, or already
    `holder`'s. The insert only creates the row; the conditional update decides, so two takers never both win."""
    session.execute(dialect_insert(session)(LeaderLease).values(name=name, holder=holder, until=until)
                    .on_conflict_do_nothing(index_elements=["name"]))
    result = session.execute(update(LeaderLease)
                             .where(LeaderLease.name == name, or_(LeaderLease.holder == holder, LeaderLease.until < now))
                             .values(holder=holder, until=until))
    return rowcount(result) == 1
