"""What every retention window (app/retention.py: `llm_budget`, `llm_usage`, ...) must do beyond its own cut-off
rule, checked the same way for each: the scheduled job purges and audits the window it used, the command line
reports what it deleted, workers purging at once delete each row once, and the setting refuses a window out of
range with one line naming it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.retention import purge_expired
from app.scheduler import run_periodic
from app.storage import get_db
from app.storage.models import AuditLog
from tests.conftest import install_tenant, run_at_once
from tests.privacy.test_subject_requests_cli import agentic_sales


def two_tenants(app: Any, portal: str, other: str) -> Any:
    """The tenant under test and another one whose rows a purge must never touch."""
    install_tenant(app, portal)
    install_tenant(app, other)
    return app


def scheduled_purge_audits(app: Any, tenant: str, table: str, *, deleted: int, window_key: str, days: int) -> None:
    """The scheduler's retention job deletes `deleted` rows of `table` and audits them with the window in force."""
    with app.app_context():
        result = run_periodic(tenant, "retention")
    assert result["deleted"][table] == deleted
    with get_db(app).session() as s:
        detail = s.execute(select(AuditLog.detail).where(AuditLog.event == "retention.purged")).scalar_one()
    assert detail["deleted"][table] == deleted and detail[window_key] == days


def command_line_purge_reports(app: Any, tenant: str, table: str, *, deleted: int) -> None:
    r = agentic_sales(app, "privacy", "purge", "--tenant", tenant)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["deleted"][table] == deleted


def concurrent_purges_delete_once(app: Any, tenant: str, table: str, *, now: datetime, rows: int,
                                  kept: Callable[[], list[Any]]) -> None:
    """Four workers purge at the same moment: every row is deleted once, none of them fails."""
    deleted, errors = run_at_once(lambda: purge_expired(app, tenant, now=now)["deleted"][table])
    assert errors == []
    assert sum(deleted) == rows and len(deleted) == 4
    assert kept() == []


def window_refused(app: Any, tenant: str, key: str, value: str) -> None:
    """`settings set` refuses the value with exit code 2 and one line naming the setting."""
    r = agentic_sales(app, "settings", "set", "--tenant", tenant, f"{key}={value}")
    assert r.returncode == 2
    assert key in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
