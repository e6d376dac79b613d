"""What a rep does from the card: accept, dismiss with a reason, mark the app task done.

Every action is idempotent (one `actions` row per enrichment and action, keyed by an
idempotency key; HubSpot retries a card request once on a 5xx) and audited once, when it first
happens. Dismiss reasons are stored with the action so the learning loop's report can group them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import write_audit
from app.cards.view import DISMISS_REASONS
from app.storage.models import Action, Enrichment
from app.storage.upsert import insert_if_absent
from integrations.base import Record, TaskRef, TaskSpec, TaskWrite, WriteSet

REASON_VALUES = frozenset(value for value, _ in DISMISS_REASONS)


class CardActionError(Exception):
    """A card action that cannot be done; `code` and `message` go back to the card as JSON."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class ActionResult:
    action: str
    enrichment_id: int
    duplicate: bool
    detail: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"recorded": True, "action": self.action, "enrichment_id": self.enrichment_id,
                "duplicate": self.duplicate, **self.detail}


def _record_once(session: Session, enrichment: Enrichment, kind: str, payload: dict[str, Any]) -> bool:
    """Insert the action row unless one exists for this enrichment and kind; True when inserted."""
    key = f"{enrichment.tenant_id}:{enrichment.id}:{kind}"
    row = session.execute(
        insert_if_absent(session, Action, ["idempotency_key"],
                         tenant_id=enrichment.tenant_id, object_type=enrichment.object_type,
                         record_id=enrichment.record_id, enrichment_id=enrichment.id, kind=kind, status="recorded",
                         idempotency_key=key, payload=payload)
        .returning(Action.id)
    ).first()
    return row is not None


FEEDBACK_KINDS = ("feedback_accept", "feedback_dismiss", "task_done")


def feedback_of(session: Session, tenant_id: str, enrichment_id: int) -> dict[str, Any]:
    """What the rep already did about an enrichment: feedback action (+ reason) and task done."""
    return feedback_by_enrichment(session, {tenant_id}, [enrichment_id]).get(enrichment_id, {})


def feedback_by_enrichment(session: Session, tenant_ids: set[str], enrichment_ids: list[int]) -> dict[int, dict[str, Any]]:
    """feedback_of for many enrichments in one statement (the index's page), keyed by enrichment id; an enrichment
    nobody acted on is absent."""
    rows: dict[int, list[tuple[str, Any]]] = {}
    for enrichment_id, kind, payload in session.execute(
        select(Action.enrichment_id, Action.kind, Action.payload)
        .where(Action.tenant_id.in_(tenant_ids), Action.enrichment_id.in_(enrichment_ids),
               Action.kind.in_(FEEDBACK_KINDS))
    ).all():
        rows.setdefault(int(enrichment_id), []).append((kind, payload))
    return {enrichment_id: fold_feedback(of) for enrichment_id, of in rows.items()}


def fold_feedback(rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """An enrichment's feedback from its action rows (kind, payload), as feedback_of answers it."""
    out: dict[str, Any] = {}
    for kind, payload in rows:
        if kind == "task_done":
            out["task_done"] = True
        else:
            out["action"] = kind.removeprefix("feedback_")
            if (payload or {}).get("reason"):
                out["reason"] = payload["reason"]
    return out


def record_feedback(session: Session, enrichment: Enrichment, action: str, *, reason: str | None,
                    user_id: str | None) -> ActionResult:
    """Accept or dismiss (with a reason) an enrichment; a repeat is answered as a duplicate.

    Raises:
        CardActionError: an unknown action, a dismiss without a known reason, or a second,
            different verdict on the same enrichment (accept after dismiss or the reverse).
    """
    if action not in ("accept", "dismiss"):
        raise CardActionError(400, "bad_action", "action must be accept or dismiss.")
    if action == "dismiss" and not (isinstance(reason, str) and reason in REASON_VALUES):  # JSON may send a list
        raise CardActionError(400, "bad_reason", f"A dismiss needs a reason, one of: {', '.join(sorted(REASON_VALUES))}.")
    given = feedback_of(session, enrichment.tenant_id, enrichment.id).get("action")
    if given is not None and given != action:
        raise CardActionError(409, "feedback_given", f"This suggestion was already marked {given}ed.")
    payload = {"user_id": user_id, "strategy": (enrichment.strategy or {}).get("arm"),
               "reason": reason if action == "dismiss" else None}
    inserted = _record_once(session, enrichment, f"feedback_{action}", payload)
    if inserted:
        write_audit(session, f"feedback.{action}", tenant_id=enrichment.tenant_id, object_type=enrichment.object_type,
                    record_id=enrichment.record_id, detail={"enrichment_id": enrichment.id, "reason": payload["reason"],
                                                            "user_id": user_id})
    return ActionResult(action, enrichment.id, not inserted, {"reason": payload["reason"]} if reason else {})


def complete_task(session: Session, enrichment: Enrichment, *, crm: str, user_id: str | None,
                  client_for: Callable[[], Any]) -> ActionResult:
    """Mark the enrichment's app task done in the CRM, once.

    The CRM write goes first and the action row after it, so a failed write can be retried from
    the card; completing an already completed task is a no-op on the CRM side too.

    Raises:
        CardActionError: the enrichment has no task, or the CRM refused the write.
    """
    task = ((enrichment.card or {}).get("next_best_action") or {}).get("task") or {}
    if not task.get("id"):
        raise CardActionError(404, "no_task", "This suggestion has no task in the CRM to mark done.")
    if feedback_of(session, enrichment.tenant_id, enrichment.id).get("task_done"):
        return ActionResult("task_done", enrichment.id, True, {"task_id": str(task["id"])})
    record = Record(crm=crm, tenant_id=enrichment.tenant_id, object_type=enrichment.object_type, id=enrichment.record_id)
    write = TaskWrite(record=record, task=TaskSpec(subject=str(task.get("subject") or ""), body=""),
                      idempotency_key=f"{enrichment.id}:task_done", existing=TaskRef(id=str(task["id"])), complete=True)
    results = client_for().apply(WriteSet(tasks=(write,)))
    result = results[0] if results else None
    if result is None or not (result.ok or result.status == "skipped"):
        error = getattr(result, "error", None) or "no result"
        raise CardActionError(502, "crm_write_failed", f"The CRM did not mark the task done ({error}); try again.")
    inserted = _record_once(session, enrichment, "task_done", {"user_id": user_id, "task_id": str(task["id"]),
                                                               "crm_status": result.status})
    if inserted:
        write_audit(session, "task.completed", tenant_id=enrichment.tenant_id, object_type=enrichment.object_type,
                    record_id=enrichment.record_id, detail={"enrichment_id": enrichment.id, "task_id": str(task["id"]),
                                                            "user_id": user_id, "crm_status": result.status})
    return ActionResult("task_done", enrichment.id, not inserted, {"task_id": str(task["id"])})
