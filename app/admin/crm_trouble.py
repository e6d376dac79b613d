"""What the console says when the CRM could not be asked: one sentence an admin can act on, not an exception.

Wave 30's walk stopped the demo's HubSpot sandbox and started a re-sync from the console: the run's page said "It
failed: CrmUnavailable: [hubspot] ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=41135): Max retries
exceeded with url: /oauth/v1/token (Caused by NewConnectionError(...))", the mappings page printed the same under
"the CRM's deal fields could not be read", and the install health's connection box beside it still read
"Connected". The technical text stays in the audit trail (`error`) and the log; the pages show `crm_failure`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.admin.dates import when
from app.storage.models import AuditLog, InboxEvent, Tenant
from integrations.errors import CrmAuthExpired, CrmError, CrmForbidden, CrmRateLimited, CrmUnavailable

UNREACHABLE_MARKERS = (
    "Connection refused",
    "Failed to establish a new connection",
    "Name or service not known",
    "timed out",
    "Read timed out",
    "ConnectTimeout",
    "ReadTimeout",
)
"""What requests and urllib3 say when nothing answered (an adapter wraps them in CrmUnavailable; a client built
outside an adapter may raise them bare)."""


def first_failure(exc: BaseException) -> BaseException:
    """The CRM's own error inside a reconciliation that could not search some types (app.sync ReconcileIncomplete
    carries each type's in `unsearched`); any other error as it is."""
    unsearched = getattr(exc, "unsearched", None)
    return next(iter(unsearched.values())) if isinstance(unsearched, dict) and unsearched else exc


def unreachable(exc: BaseException) -> bool:
    """True when the CRM did not answer at all (down, refused, timed out), as opposed to answering with a refusal."""
    exc = first_failure(exc)
    if isinstance(exc, CrmUnavailable) and exc.status is None:
        return True
    if isinstance(exc, ConnectionError | TimeoutError):
        return True
    text = str(exc)
    return not isinstance(exc, CrmError) and any(marker in text for marker in UNREACHABLE_MARKERS)


def crm_failure(
    exc: BaseException, *, crm_label: str, where: str | None = None, sandbox: bool = False
) -> str:
    """Why a console action could not ask the CRM, and what to do, in the CRM's name (`where`: its API address)."""
    exc = first_failure(exc)
    text = " ".join(str(getattr(exc, "message", None) or exc).split())
    if unreachable(exc):
        how = "timed out" if "timed out" in text.lower() or "timeout" in text.lower() else "nothing answered"
        at = f" at {where}" if where else ""
        if sandbox:
            return (
                f"{crm_label} did not answer{at} ({how}): the demo's simulated {crm_label} is not running. "
                "Start `agentic-sales demo` again; nothing was changed."
            )
        return (
            f"{crm_label} did not answer{at} ({how}); nothing was changed. Try again once {crm_label} answers; "
            f"if it lasts, check {crm_label}'s status page and this server's outbound network."
        )
    if isinstance(exc, CrmUnavailable):
        return (
            f"{crm_label} answered with a server error{f' (HTTP {exc.status})' if exc.status else ''}; nothing "
            f"was changed. Try again in a few minutes."
        )
    if isinstance(exc, CrmAuthExpired):
        return f"{crm_label} refused the app's access (the grant was revoked or has expired): install the app again."
    if isinstance(exc, CrmForbidden):
        return f"{crm_label} refused the call (a scope the app lacks, or an API limit): {text[:200]}"
    if isinstance(exc, CrmRateLimited):
        return f"{crm_label} asked the app to slow down (its rate limit); try again in a minute."
    return f"{type(exc).__name__}: {text}"[:300]


def tenant_crm_failure(app: Any, tenant_id: str, exc: BaseException) -> str:
    """`crm_failure` for one tenant's CRM: its name and the API address its installation calls."""
    from app.connectors import get_connector
    from app.storage import get_db
    from app.tenants import active_installation

    with get_db(app).session() as s:
        tenant = s.get(Tenant, tenant_id)
        inst = active_installation(s, tenant_id)
        crm = tenant.crm if tenant is not None else ""
        where = inst.api_base if inst is not None else None
    label = str(getattr(get_connector(crm), "label", crm)) if crm else "the CRM"
    return crm_failure(exc, crm_label=label, where=where, sandbox=bool(app.config.get("SANDBOX_MODE")))


TROUBLE_EVENTS = ("console.sync_failed", "job.retrying", "job.failed", "reconcile.failed", "backfill.failed")
"""Audit events of calls to the CRM that failed: the console's runs, and the pipeline's workers' (shared by every
process through the database)."""

WORKER_WORDS = {
    "job.retrying": "A record job of the pipeline's workers",
    "job.failed": "A record job of the pipeline's workers",
    "reconcile.failed": "The scheduled reconciliation",
    "backfill.failed": "The backfill",
}


def said_unreachable(event: str, detail: dict[str, Any]) -> bool:
    """Whether an audited failure was the CRM not answering at all (not a refusal, a rate limit or our own error):
    the console's runs say so in `crm_unreachable`; the workers' rows carry the error's type, HTTP status and text."""
    if event == "console.sync_failed":
        return bool(detail.get("crm_unreachable"))
    text = str(detail.get("error") or "")
    if detail.get("type") == "CrmUnavailable" and "status" in detail and detail["status"] is None:
        return True
    return any(marker in text for marker in UNREACHABLE_MARKERS)


def last_unreachable(s: Session, tenant_id: str) -> dict[str, Any] | None:
    """The newest failed call to the CRM (a console run, or the pipeline's workers: a record job, a reconciliation,
    a backfill), when it found nothing answering and nothing has succeeded against the CRM since: the install
    health's connection box says so instead of "Connected" (the stored token says nothing about whether the CRM
    answers). A newer failure in which the CRM answered (a rate limit, a refusal) means it is reachable."""
    failed = s.execute(
        select(AuditLog.at, AuditLog.event, AuditLog.detail)
        .where(AuditLog.tenant_id == tenant_id, AuditLog.event.in_(TROUBLE_EVENTS))
        .order_by(AuditLog.id.desc())
        .limit(1)
    ).first()
    detail = dict(failed.detail or {}) if failed is not None else {}
    if failed is None or not said_unreachable(failed.event, detail):
        return None
    at: datetime = failed.at
    finished = s.execute(
        select(func.max(AuditLog.at)).where(
            AuditLog.tenant_id == tenant_id,
            AuditLog.event.in_(("console.sync_finished", "backfill.completed", "reconcile.completed")),
        )
    ).scalar()
    processed = s.execute(
        select(func.max(InboxEvent.processed_at)).where(
            InboxEvent.tenant_id == tenant_id, InboxEvent.status == "processed"
        )
    ).scalar()
    if any(ok is not None and ok > at for ok in (finished, processed)):
        return None
    if failed.event == "console.sync_failed":
        return {"at": at, "message": str(detail.get("message") or "")}
    from app.tenants import active_installation

    inst = active_installation(s, tenant_id)
    text = str(detail.get("error") or "").lower()
    return {"at": at, "by": WORKER_WORDS[failed.event], "where": inst.api_base if inst is not None else None,
            "how": "timed out" if "timed out" in text or "timeout" in text else "nothing answered"}


def connection_box(token: dict[str, Any], trouble: dict[str, Any] | None, crm_label: str) -> dict[str, Any]:
    """The connection box: the token's state, unless the CRM stopped answering since the last success."""
    if trouble is None or token.get("state") in ("revoked", "missing", "expired"):
        return token
    if trouble.get("by"):
        at = f" at {trouble['where']}" if trouble.get("where") else ""
        return {
            "state": "unreachable",
            "headline": "Not answering",
            "text": f"{trouble['by']} ({when(trouble['at'], seconds=True)}) could not reach {crm_label}{at} "
            f"({trouble['how']}). Changes that arrive wait in the queue and are retried; if it lasts, check "
            f"{crm_label}'s status page and this server's outbound network.",
        }
    return {
        "state": "unreachable",
        "headline": "Not answering",
        "text": f"The last re-sync or backfill ({when(trouble['at'], seconds=True)}) could not reach "
        f"{crm_label}: {trouble['message']} Changes that arrive wait in the queue and are retried.",
    }
