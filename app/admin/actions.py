"""Re-sync (reconcile) and backfill started from the console, with progress anyone can read.

A run is an audit row (`console.sync_requested`, its id is the run id) and ends with
`console.sync_finished` or `console.sync_failed` naming that run: the progress page reads the
database, so it works from any web process, and the trail survives a restart. The work itself
runs in a background thread of the web process (the same way the install's backfill runs); the
records it enqueues are processed by the workers like any other change.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.admin.dates import when
from app.audit import write_audit
from app.storage import get_db
from app.storage.models import AuditLog, RecordJob

log = logging.getLogger(__name__)

KINDS = {"backfill": "Backfill of every open deal", "resync": "Re-sync of changes the webhooks missed"}
"""The actions the health page offers, with the title their progress page shows."""


def open_records(crm: str) -> str:
    """What a backfill lists for this CRM, in its words: "open deals", or "open opportunities and leads" where Leads
    are enriched too (Salesforce), so the button and the status never undercount what was queued."""
    from app.connectors import deal_words_of, enriched_object_types

    many = deal_words_of(crm)[1]
    return f"open {many} and leads" if "lead" in enriched_object_types(crm) else f"open {many}"


def kinds_for(crm: str) -> dict[str, str]:
    """KINDS in this CRM's words ("Backfill of every open opportunity and lead")."""
    from app.connectors import deal_words_of, enriched_object_types

    one = deal_words_of(crm)[0]
    every = f"open {one} and lead" if "lead" in enriched_object_types(crm) else f"open {one}"
    return {**KINDS, "backfill": f"Backfill of every {every}"}


def start(app: Flask, tenant_id: str, kind: str, *, by: str) -> int:
    """Record the request and start the work in the background; return the run id."""
    if kind not in KINDS:
        raise ValueError(f"unknown action {kind!r}")
    with get_db(app).session() as s:
        row = write_audit(s, "console.sync_requested", tenant_id=tenant_id, detail={"kind": kind, "by": by})
        s.flush()
        run_id = int(row.id)

    def work() -> None:
        from app.sync import backfill, reconcile

        with app.app_context():
            try:
                result = backfill(tenant_id, app) if kind == "backfill" else reconcile(tenant_id, app)
                event, detail = "console.sync_finished", {"run": run_id, "kind": kind,
                                                          **{k: v for k, v in result.items() if k != "record_ids"}}
            except Exception as exc:  # shown on the progress page; the trail keeps it
                log.exception("console %s failed", kind, extra={"tenant_id": tenant_id})
                event, detail = "console.sync_failed", {"run": run_id, "kind": kind,
                                                        "error": f"{type(exc).__name__}: {exc}"[:500],
                                                        **_failure(app, tenant_id, exc)}
            with get_db(app).session() as s:
                write_audit(s, event, tenant_id=tenant_id, detail=detail)

    thread = threading.Thread(target=work, name=f"console-{kind}-{tenant_id}", daemon=True)
    app.extensions.setdefault("console_runs", {})[run_id] = thread
    thread.start()
    return run_id


def _failure(app: Flask, tenant_id: str, exc: BaseException) -> dict[str, Any]:
    """The failure in words an admin can act on (`message`), and whether the CRM did not answer at all."""
    from app.admin.crm_trouble import tenant_crm_failure, unreachable

    return {"message": tenant_crm_failure(app, tenant_id, exc), "crm_unreachable": unreachable(exc)}


def progress(s: Session, tenant_id: str, run_id: int, *, crm: str | None = None) -> dict[str, Any] | None:
    """A run's state: requested, what it listed so far, whether it ended, and the queue behind it.

    None if no such run exists for this tenant (another tenant's run id is not found either).
    """
    req = s.execute(select(AuditLog).where(AuditLog.id == run_id, AuditLog.tenant_id == tenant_id,
                                           AuditLog.event == "console.sync_requested")).scalar_one_or_none()
    if req is None:
        return None
    kind = str((req.detail or {}).get("kind"))
    later = s.execute(select(AuditLog.event, AuditLog.detail, AuditLog.at)
                      .where(AuditLog.tenant_id == tenant_id, AuditLog.id > run_id)
                      .order_by(AuditLog.id)).all()
    listed = 0
    end: dict[str, Any] | None = None
    for event, detail, at in later:
        detail = detail or {}
        if event == "backfill.progress":
            listed = max(listed, int(detail.get("records") or 0))
        elif event in ("console.sync_finished", "console.sync_failed") and detail.get("run") == run_id:
            end = {"ok": event == "console.sync_finished", "at": at, **detail}
            break
    waiting = s.execute(select(func.count()).select_from(RecordJob).where(
        RecordJob.tenant_id == tenant_id, RecordJob.state.in_(("scheduled", "running")))).scalar_one()
    return {"run": run_id, "kind": kind, "title": kinds_for(crm).get(kind, kind) if crm else KINDS.get(kind, kind),
            "open_records": open_records(crm) if crm else "open deals", "requested_at": req.at,
            "by": (req.detail or {}).get("by"), "listed": listed, "end": end, "queue": int(waiting),
            "accounting": resync_accounting(end) if end is not None and kind == "resync" and end.get("ok") else None,
            "done": end is not None and int(waiting) == 0}


def _records(n: int) -> str:
    return f"{n} record" if n == 1 else f"{n} records"


def resync_accounting(end: dict[str, Any]) -> str:
    """What became of every record a re-sync found changed, in one sentence that adds up to
    ``modified``: delivered by a webhook, read by a backfill or re-sync after the change, already
    queued, our own write, or missed by the webhooks (and queued now). A run recorded before the
    re-sync counted its reasons (no ``explained``) says the explained ones together."""
    modified, missing, echoes = (int(end.get(k) or 0) for k in ("modified", "missing", "echoes"))
    enqueued = int(end.get("enqueued") or 0)
    explained = end.get("explained") if isinstance(end.get("explained"), dict) else None
    parts: list[str] = []
    if explained is None:
        rest = modified - missing - echoes
        if rest:
            parts.append(f"{rest} already brought in by the webhooks, a backfill or an earlier re-sync")
    else:
        for key, words in (("webhook", "delivered by the webhooks"),
                           ("read", "read by a backfill or an earlier re-sync after their change"),
                           ("pending", "already waiting in the queue")):
            if int(explained.get(key) or 0):
                parts.append(f"{int(explained[key])} {words}")
    if echoes:
        parts.append(f"{echoes} changed only by our own write-back")
    queued = f"{enqueued} queued now" + (f", {missing - enqueued} already queued" if missing > enqueued else "")
    parts.append(f"{missing} missed by the webhooks ({queued})" if missing else "none missed by the webhooks")
    since = when(end.get("since"))
    return f"{_records(modified)} changed since {since}: {'; '.join(parts)}" if modified else (
        f"no record changed since {since}")
