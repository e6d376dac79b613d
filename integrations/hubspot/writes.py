"""Write-backs: batched field updates (207-aware), the one open app task per deal, notes.

Every write is an upsert or compare-before-write (STYLE rule 13), and none is dropped: 429s are
waited out in the session; transient per-item batch failures are re-sent; permanent ones raise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hubspot.crm.objects import (
    AssociationSpec,
    BatchInputSimplePublicObjectBatchInput,
    PublicAssociationsForObject,
    PublicObjectId,
    SimplePublicObjectBatchInput,
    SimplePublicObjectInput,
    SimplePublicObjectInputForCreate,
)

from integrations.base import Record, TaskSpec, WriteResult
from integrations.errors import CrmError, CrmNotFound, CrmRejected, CrmUnavailable, error_for_status
from integrations.hubspot import constants, reads
from integrations.hubspot.errors import CRM
from integrations.hubspot.fast_sdk import VALIDATING
from integrations.hubspot.mapping import iso, to_ms
from integrations.hubspot.session import ApiSession

log = logging.getLogger(__name__)

TASK_TO_DEAL = 216
"""HubSpot-defined association type id task → deal."""

NOTE_TO_DEAL = 214
"""HubSpot-defined association type id note → deal."""

TASK_PROPERTIES = ("hs_task_subject", "hs_task_body", "hs_task_status", "hs_timestamp",
                   "hubspot_owner_id", "hs_task_priority", "hs_task_type")

TRANSIENT_CATEGORIES = frozenset({"RATE_LIMITS", "RATE_LIMIT", "INTERNAL_ERROR", "TIMEOUT", "LOCKED",
                                  "SERVICE_UNAVAILABLE"})
"""Batch-item error categories worth re-sending (the rest are the input's fault)."""


def to_hubspot_value(value: Any) -> str:
    """Encode a Python value as the string HubSpot stores (None clears the property)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return iso(value) or ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 10))
    return str(value)


def update_fields(session: ApiSession, object_type: str,
                  updates: Sequence[tuple[str, Mapping[str, Any]]],
                  sleep: Callable[[float], None]) -> list[WriteResult]:
    """Batch-update records ≤100 per request; re-send transient 207 failures, raise permanent ones.

    Returns:
        One `updated` WriteResult per record id, in input order.

    Raises:
        CrmRejected / CrmNotFound: some inputs failed permanently (the others were written).
        CrmUnavailable: items still failed transiently after `BATCH_ITEM_RETRIES` rounds.
    """
    merged: dict[str, dict[str, str]] = {}
    for rid, fields in updates:  # one input per id: HubSpot rejects duplicate ids in a batch
        merged.setdefault(str(rid), {}).update({k: to_hubspot_value(v) for k, v in fields.items()})
    permanent: list[CrmError] = []
    for part in reads.chunks(list(merged), constants.BATCH_SIZE):
        pending = list(part)
        for round_ in range(constants.BATCH_ITEM_RETRIES + 1):
            body = BatchInputSimplePublicObjectBatchInput(
                inputs=[SimplePublicObjectBatchInput(id=i, properties=merged[i]) for i in pending])
            resp = session.call(session.apis.batch.update, object_type, body)
            retry, failed = _batch_failures(resp, pending)
            permanent.extend(failed)
            if not retry:
                break
            if round_ == constants.BATCH_ITEM_RETRIES:
                raise CrmUnavailable(f"{len(retry)} batch item(s) still failing: {retry[:5]}", crm=CRM)
            log.warning("hubspot batch update: re-sending %d transiently failed item(s)", len(retry))
            sleep(0.5 * (round_ + 1))
            pending = retry
    if permanent:
        first = permanent[0]
        raise type(first)(f"{len(permanent)} batch item error(s); first: {first.message}",
                          status=first.status, request_id=first.request_id, crm=CRM,
                          should_retry=False, code=first.code)
    return [WriteResult("updated", rid) for rid in merged]


def _batch_failures(resp: Any, pending: Sequence[str]) -> tuple[list[str], list[CrmError]]:
    """Split a batch response's item errors into ids to re-send and permanent errors."""
    errors = getattr(resp, "errors", None) or ()
    retry: list[str] = []
    permanent: list[CrmError] = []
    for e in errors:
        d = e.to_dict()
        ids = [str(i) for i in ((d.get("context") or {}).get("ids") or ())] or ([str(d["id"])] if d.get("id") else [])
        category = str(d.get("category") or "")
        status = _int(d.get("status"))
        if category in TRANSIENT_CATEGORIES or (status is not None and (status == 429 or status >= 500)):
            retry.extend(ids or pending)  # no ids: we cannot tell which failed, so re-send all
            continue
        cls = CrmNotFound if category == "OBJECT_NOT_FOUND" else error_for_status(status or 400)
        if cls is CrmUnavailable:
            cls = CrmRejected
        permanent.append(cls(f"{category or 'error'}: {d.get('message')} (ids {ids})", status=status,
                             crm=CRM, code=category or None, should_retry=False))
    return list(dict.fromkeys(retry)), permanent


def _int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def next_business_day(tz_name: str | None, now: datetime, hour: int = constants.TASK_DUE_HOUR) -> datetime:
    """Return `hour`:00 local time on the next Monday–Friday after `now`, in UTC.

    Args:
        tz_name: the owner's IANA time zone; unknown or missing → UTC.
        now: the current time (timezone-aware).
    """
    try:
        tz = ZoneInfo(tz_name or constants.DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo(constants.DEFAULT_TIMEZONE)
    local = now.astimezone(tz).date() + timedelta(days=1)
    while local.weekday() >= 5:
        local += timedelta(days=1)
    return datetime(local.year, local.month, local.day, hour, tzinfo=tz).astimezone(UTC)


def task_properties(record: Record, task: TaskSpec, now: datetime) -> dict[str, str]:
    """The properties our app task should have (the marker leads the body so it can be found)."""
    owner_id = task.owner_id or (record.owner.id if record.owner else None)
    due = task.due_at or next_business_day(record.owner.timezone if record.owner else None, now)
    body = task.body if task.marker in task.body else f"{task.marker} {task.body}"
    props = {
        "hs_task_subject": task.subject,
        "hs_task_body": body,
        "hs_task_status": "NOT_STARTED",
        "hs_task_priority": task.priority,
        "hs_task_type": task.task_type,
        "hs_timestamp": str(to_ms(due)),
    }
    if owner_id:
        props["hubspot_owner_id"] = str(owner_id)
    return props


def _same(name: str, want: str, have: Any) -> bool:
    if name == "hs_timestamp":
        return to_ms(have) == to_ms(want)
    return (have or "").strip() == want.strip()


def find_app_task(session: ApiSession, deal_id: str, marker: str) -> dict[str, Any] | None:
    """Return the deal's open task carrying our marker (the newest if several), else None."""
    ids = [a["id"] for a in reads.associations(session, "deals", deal_id, "tasks")]
    if not ids:
        return None
    tasks = reads.batch_read(session, "tasks", ids, TASK_PROPERTIES)
    ours = [t for t in tasks
            if marker in f"{t['properties'].get('hs_task_subject') or ''} {t['properties'].get('hs_task_body') or ''}"
            and (t["properties"].get("hs_task_status") or "") != "COMPLETED"]
    return max(ours, key=lambda t: int(t["id"]) if t["id"].isdigit() else 0) if ours else None


def upsert_task(session: ApiSession, record: Record, task: TaskSpec, now: datetime) -> WriteResult:
    """Create the deal's app task, or update it in place; `unchanged` when already identical."""
    want = task_properties(record, task, now)
    existing = find_app_task(session, record.id, task.marker)
    if existing is None:
        body = SimplePublicObjectInputForCreate(properties=want, associations=[_assoc(record.id, TASK_TO_DEAL)])
        try:
            created = session.call(session.apis.objects.create, "tasks", body, idempotent=False)
        except CrmError as err:
            if not err.should_retry:
                raise
            # The create may have landed before the failure: look again rather than duplicate.
            again = find_app_task(session, record.id, task.marker)
            if again is None:
                created = session.call(session.apis.objects.create, "tasks", body, idempotent=False)
            else:
                return WriteResult("created", again["id"])
        return WriteResult("created", str(created.id))
    have = existing["properties"]
    diff = {k: v for k, v in want.items() if not _same(k, v, have.get(k))}
    if not diff:
        return WriteResult("unchanged", existing["id"])
    session.call(session.apis.objects.update, "tasks", existing["id"], SimplePublicObjectInput(properties=diff))
    return WriteResult("updated", existing["id"])


def add_note(session: ApiSession, record: Record, text: str, now: datetime) -> WriteResult:
    """Create a note on the deal, timestamped now and owned by the deal owner."""
    props = {"hs_note_body": text, "hs_timestamp": str(to_ms(now))}
    if record.owner:
        props["hubspot_owner_id"] = record.owner.id
    body = SimplePublicObjectInputForCreate(properties=props, associations=[_assoc(record.id, NOTE_TO_DEAL)])
    # Not re-sent on a 5xx/timeout (it may have landed); the job's retry decides, and the pipeline
    # only writes a note whose content changed.
    created = session.call(session.apis.objects.create, "notes", body, idempotent=False)
    return WriteResult("created", str(created.id))


def _assoc(deal_id: str, type_id: int) -> PublicAssociationsForObject:
    return PublicAssociationsForObject(
        to=PublicObjectId(id=str(deal_id), local_vars_configuration=VALIDATING),
        types=[AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=type_id,
                               local_vars_configuration=VALIDATING)],
        local_vars_configuration=VALIDATING)
