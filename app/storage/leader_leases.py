"""Named leases in `leader_leases`, taken by compare-and-set: one holder at a time across web processes and workers,
until the lease ends (the scheduler's leader; one computation of a report at a time)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from app.storage import rowcount
from app.storage.models import LeaderLease
from app.storage.upsert import insert_if_absent


def take(session: Session, name: str, holder: str, until: datetime, *, now: datetime) -> bool:
    """Take or renew the lease `name` for `holder` until `until`: True when it is free, expired at `now`, or already
    `holder`'s. The insert only creates the row; the conditional update decides, so two takers never both win."""
    session.execute(insert_if_absent(session, LeaderLease, ["name"], name=name, holder=holder, until=until))
    result = session.execute(update(LeaderLease)
                             .where(LeaderLease.name == name, or_(LeaderLease.holder == holder, LeaderLease.until < now))
                             .values(holder=holder, until=until))
    return rowcount(result) == 1
