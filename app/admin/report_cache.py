"""Computed reports kept in the database (`report_cache`, shared by every web process and worker), reused
while what they were computed from is unchanged.

The learning report of a tenant with 26,036 decisions took 4.3 s to summarise plus 1.1 s to draw on every
view (learning/README.md, wave 19). Its inputs are the tenant's logged strategy choices, the reps'
feedback on cards, outcomes and rewards; the key digests, per input table, the number of rows, the
largest id and the latest creation time (a new, late or deleted row changes it), plus the version of
the code that computes the report (a digest of its sources), so an upgrade never serves an old rendering.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.storage.models import Action, Outcome, ReportCache, Reward

LEARNING_ACTION_KINDS = ("strategy_choice", "feedback_accept", "feedback_dismiss")
"""The actions `app/cli/learning.py` `rows_from_db` reads (decisions and the reps' verdicts)."""


@cache
def code_version() -> str:
    """A digest of the sources that compute the learning report (the learning package, the row reader, this
    module and app/admin/learning_report.py): a deployment of other code computes it afresh."""
    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "learning").glob("*.py")) + [root / "app" / "cli" / "learning.py", Path(__file__),
                                                         Path(__file__).with_name("learning_report.py")]
    h = hashlib.sha256()
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def learning_key(s: Session, tenant_id: str, object_type: str, *, depends_on: list[Any] | None = None) -> str:
    """The cache key of a tenant's learning report of one object type (three aggregate queries); `depends_on`: what else
    the report's words depend on (the holdout share in effect)."""
    parts: list[Any] = [tenant_id, object_type, code_version(), *(depends_on or [])]
    for model, extra in ((Action, Action.kind.in_(LEARNING_ACTION_KINDS)), (Outcome, None), (Reward, None)):
        q = select(func.count(), func.max(model.id), func.max(model.created_at)).where(model.tenant_id == tenant_id)
        if extra is not None:
            q = q.where(extra)
        count, top, latest = s.execute(q).one()
        parts += [count, top, latest.isoformat() if latest else None]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def cached(s: Session, tenant_id: str, kind: str, key: str, compute: Callable[[], str]) -> tuple[str, bool]:
    """The report `kind` of a tenant: the stored body while its key matches, else `compute()` stored under it.

    Returns:
        (body, True when it came from the cache).
    """
    row = s.get(ReportCache, (tenant_id, kind))
    if row is not None and row.key == key:
        return row.body, True
    started = time.perf_counter()
    body = compute()
    seconds = time.perf_counter() - started
    if row is None:
        row = ReportCache(tenant_id=tenant_id, kind=kind)
        s.add(row)
    row.key, row.body, row.computed_at, row.seconds = key, body, datetime.now(UTC), seconds
    return body, False
