"""Apply a WriteSet in HubSpot's batch APIs: one result per item, failures per item, no duplicates.

Calls for a write set of N records (N ≤ 100): one batch update of deals, one batch update of
tasks (updates and completions together), one batch create of tasks, one batch create of notes.

Idempotent creates: every created task and note carries our marker and the item's idempotency
key (`ref_line`). The transport never re-sends a POST (client.RETRY_METHODS, session
`idempotent=False`); after an ambiguous failure (timeout, 5xx, connection reset: the create may
have landed) the deals' tasks/notes are read back through the association batch API, never
search, which lags behind writes, and only the items whose key is not found are sent again.
A key whose outcome stayed unknown is remembered, so the next `apply` looks it up first.

A failing item fails alone: per-item errors of a 207 fail only their items; a batch HubSpot
rejects as a whole (400: one bad value fails every input) is re-sent one input per call, so the
bad one is found and the others are written.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hubspot.crm.objects import (
    BatchInputSimplePublicObjectBatchInput,
    BatchInputSimplePublicObjectBatchInputForCreate,
    SimplePublicObjectBatchInput,
    SimplePublicObjectBatchInputForCreate,
)

from integrations.base import FieldUpdate, NoteWrite, TaskWrite, WriteResult, WriteSet
from integrations.errors import (
    CrmAuthExpired,
    CrmError,
    CrmNotFound,
    CrmRateLimited,
    CrmRejected,
    error_for_status,
)
from integrations.hubspot import constants, reads
from integrations.hubspot.errors import CRM
from integrations.hubspot.fast_sdk import VALIDATING
from integrations.hubspot.mapping import to_ms
from integrations.hubspot.session import ApiSession
from integrations.hubspot.writes import (
    NOTE_TO_DEAL,
    TASK_PROPERTIES,
    TASK_TO_DEAL,
    _assoc,
    task_properties,
    to_hubspot_value,
)

log = logging.getLogger(__name__)

REF_WORD = "ref"
"""`<marker> ref <key>`: the line that carries an item's idempotency key in a task/note body."""

NOTE_PROPERTIES = ("hs_note_body", "hs_timestamp")


def ref_line(marker: str, key: str) -> str:
    return f"{marker} {REF_WORD} {key}"


def key_in(text: str | None, marker: str) -> str | None:
    """The idempotency key written into a body by `ref_line`, or None."""
    if not text:
        return None
    m = re.search(re.escape(marker) + r"\s+" + REF_WORD + r"\s+([A-Za-z0-9_.:-]+)", text)
    return m.group(1) if m else None


def without_ref(text: str | None, marker: str) -> str:
    """A body without its ref line (to compare two versions of our task)."""
    return re.sub(re.escape(marker) + r"\s+" + REF_WORD + r"\s+[A-Za-z0-9_.:-]+", "", text or "").strip()


@dataclass
class _Pending:
    """One create waiting to be sent: the item, its properties, its association."""

    index: int
    record_id: str
    key: str
    properties: dict[str, str]
    association_type: int


class Applier:
    """Applies write sets for one portal; remembers keys whose create outcome is unknown."""

    def __init__(self, session: ApiSession, *, marker: str, now: Callable[[], datetime],
                 known_notes: Callable[[str], Mapping[str, str]] = lambda record_id: {},
                 output_targets: Mapping[str, str] | None = None) -> None:
        """`known_notes(record_id)` -> {key: note id} of our notes seen when the record was read;
        `output_targets`: our deal output → the portal's own property the tenant mapped it to."""
        self.known_notes = known_notes
        self.output_targets = dict(output_targets or {})
        self.session = session
        self.marker = marker
        self.now = now
        self.unsure: set[str] = set()
        self._lock = threading.Lock()

    # -- entry point -------------------------------------------------------------------------------

    def apply(self, writes: WriteSet) -> list[WriteResult]:
        self._first_error = None
        results: list[WriteResult] = []
        results += self._fields(writes.fields)
        results += self._tasks(writes.tasks)
        results += self._notes(writes.notes)
        if results and all(not r.ok for r in results):
            first = self._first_error
            if isinstance(first, CrmRateLimited | CrmAuthExpired):
                raise first  # nothing was written: the pipeline re-queues (or stops) the whole batch
        return results

    _first_error: CrmError | None = None

    @property
    def first_error(self) -> CrmError | None:
        """The first item error of the last `apply` (v1 wrappers re-raise it as it was)."""
        return self._first_error

    def _failed(self, kind: str, record_id: str, err: CrmError, id: str | None = None) -> WriteResult:
        if self._first_error is None:
            self._first_error = err
        return WriteResult("failed", id=id, kind=kind, record_id=record_id, error=str(err),
                           should_retry=err.should_retry, retry_after=err.retry_after)

    # -- field updates -----------------------------------------------------------------------------

    def _target(self, object_type: str, name: str) -> str:
        """The property an output is written to: the tenant's own (mapped) one, else ours."""
        return self.output_targets.get(name, name) if _plural(object_type) == "deals" else name

    def _fields(self, updates: Sequence[FieldUpdate]) -> list[WriteResult]:
        by_type: dict[str, dict[str, dict[str, str]]] = {}
        for u in updates:  # one input per id: HubSpot rejects duplicate ids in a batch
            by_type.setdefault(_plural(u.object_type), {}).setdefault(str(u.record_id), {}).update(
                {self._target(u.object_type, k): to_hubspot_value(v) for k, v in u.fields.items()})
        out: list[WriteResult] = []
        for otype, merged in by_type.items():
            inputs = {rid: props for rid, props in merged.items()}
            for rid, outcome in self._batch_update(otype, inputs).items():
                if isinstance(outcome, CrmError):
                    out.append(self._failed("fields", rid, outcome, id=rid))
                else:
                    out.append(WriteResult("updated", id=rid, kind="fields", record_id=rid))
        return out

    def _batch_update(self, otype: str, inputs: Mapping[str, dict[str, str]]) -> dict[str, CrmError | None]:
        """Batch-update ids -> properties; id -> None (written) or the item's CrmError."""
        outcome: dict[str, CrmError | None] = {}
        for part in reads.chunks(list(inputs), constants.BATCH_SIZE):
            pending = list(part)
            for round_ in range(constants.BATCH_ITEM_RETRIES + 1):
                body = BatchInputSimplePublicObjectBatchInput(
                    inputs=[SimplePublicObjectBatchInput(id=i, properties=inputs[i], local_vars_configuration=VALIDATING)
                            for i in pending])
                try:
                    resp = self.session.call(self.session.apis.batch.update, otype, body)
                except CrmRejected as err:
                    if len(pending) > 1:
                        # HubSpot rejected the whole batch for one bad input: find it alone.
                        for i in pending:
                            outcome.update(self._batch_update(otype, {i: inputs[i]}))
                    else:
                        outcome[pending[0]] = err
                    break
                except CrmError as err:
                    outcome.update({i: err for i in pending})
                    break
                errors = item_errors(resp, pending)
                retry = [i for i in pending if i in errors and errors[i].should_retry]
                for i in pending:
                    if i not in retry:
                        outcome[i] = errors.get(i)
                if not retry:
                    break
                if round_ == constants.BATCH_ITEM_RETRIES:
                    outcome.update({i: errors[i] for i in retry})
                    break
                log.warning("hubspot batch update: re-sending %d transiently failed item(s)", len(retry))
                pending = retry
        return outcome

    # -- tasks ---------------------------------------------------------------------------------------

    def _tasks(self, tasks: Sequence[TaskWrite]) -> list[WriteResult]:
        now = self.now()
        out: dict[int, WriteResult] = {}
        updates: dict[str, dict[str, str]] = {}
        update_items: dict[str, tuple[int, TaskWrite]] = {}
        creates: list[_Pending] = []
        for n, t in enumerate(tasks):
            rid = t.record.id
            existing = t.existing if t.existing is not None else t.record.app_task
            if t.complete:
                if existing is None:
                    out[n] = WriteResult("skipped", kind="task", record_id=rid, error="no open app task to complete")
                    continue
                updates[existing.id] = {"hs_task_status": "COMPLETED"}
                update_items[existing.id] = (n, t)
                continue
            want = task_properties(t.record, t.task, now)
            want["hs_task_body"] = f"{without_ref(want['hs_task_body'], t.task.marker)}\n\n{ref_line(t.task.marker, t.idempotency_key)}"
            if existing is not None:
                same = (without_ref(existing.body, t.task.marker) == without_ref(want["hs_task_body"], t.task.marker)
                        and (existing.subject or "") == want["hs_task_subject"])
                if same:
                    out[n] = WriteResult("unchanged", id=existing.id, kind="task", record_id=rid)
                    continue
                updates[existing.id] = {k: v for k, v in want.items() if k != "hs_timestamp"}
                update_items[existing.id] = (n, t)
                continue
            creates.append(_Pending(n, rid, t.idempotency_key, want, TASK_TO_DEAL))
        if updates:
            for task_id, err in self._batch_update("tasks", updates).items():
                n, t = update_items[task_id]
                if err is not None:
                    out[n] = self._failed("task", t.record.id, err, id=task_id)
                else:
                    out[n] = WriteResult("completed" if t.complete else "updated", id=task_id, kind="task",
                                         record_id=t.record.id)
        out.update(self._create("tasks", "task", creates))
        return [out[n] for n in sorted(out)]

    # -- notes ---------------------------------------------------------------------------------------

    def _notes(self, notes: Sequence[NoteWrite]) -> list[WriteResult]:
        stamp = str(to_ms(self.now()))
        creates = []
        out: dict[int, WriteResult] = {}
        for n, note in enumerate(notes):
            landed = self.known_notes(note.record.id).get(note.idempotency_key)
            if landed is not None:
                # Already written by an earlier attempt of this job (seen on the record's read).
                out[n] = WriteResult("unchanged", id=landed, kind="note", record_id=note.record.id)
                continue
            props = {"hs_note_body": f"{note.text}\n\n{ref_line(self.marker, note.idempotency_key)}",
                     "hs_timestamp": stamp}
            if note.record.owner:
                props["hubspot_owner_id"] = note.record.owner.id
            creates.append(_Pending(n, note.record.id, note.idempotency_key, props, NOTE_TO_DEAL))
        out.update(self._create("notes", "note", creates))
        return [out[n] for n in sorted(out)]

    # -- idempotent creates --------------------------------------------------------------------------

    def _create(self, otype: str, kind: str, items: list[_Pending]) -> dict[int, WriteResult]:
        """Create tasks/notes; each result says created (with id) or failed. Never duplicates."""
        out: dict[int, WriteResult] = {}
        if not items:
            return out
        with self._lock:
            unsure = [p for p in items if p.key in self.unsure]
        if unsure:
            # An earlier attempt for these keys ended without an answer: look before creating.
            found = self._lookup(otype, unsure)
            for p in unsure:
                if p.key in found:
                    out[p.index] = WriteResult("created", id=found[p.key], kind=kind, record_id=p.record_id)
                    self._settle(p.key)
            items = [p for p in items if p.index not in out]
        for part in reads.chunks(items, constants.BATCH_SIZE):
            out.update(self._create_part(otype, kind, list(part), attempt=0))
        return out

    def _create_part(self, otype: str, kind: str, part: list[_Pending], attempt: int) -> dict[int, WriteResult]:
        out: dict[int, WriteResult] = {}
        body = BatchInputSimplePublicObjectBatchInputForCreate(inputs=[
            SimplePublicObjectBatchInputForCreate(properties=p.properties,
                                                  associations=[_assoc(p.record_id, p.association_type)],
                                                  local_vars_configuration=VALIDATING)
            for p in part])
        try:
            resp = self.session.call(self.session.apis.batch.create, otype, body, idempotent=False)
        except CrmRejected as err:
            if len(part) > 1:
                for p in part:  # one bad input fails the whole batch: find it alone
                    out.update(self._create_part(otype, kind, [p], attempt))
                return out
            return {part[0].index: self._failed(kind, part[0].record_id, err)}
        except CrmError as err:
            if not _ambiguous(err):
                # Not processed (429, 401, 403 ...): nothing can have been created.
                return {p.index: self._failed(kind, p.record_id, err) for p in part}
            with self._lock:
                self.unsure.update(p.key for p in part)
            self.session.stats.bump("ambiguous_lookups")
            log.warning("hubspot batch create of %d %s ended ambiguously (%s); looking them up", len(part), otype, err)
            try:
                found = self._lookup(otype, part)
            except CrmError as lookup_err:
                return {p.index: self._failed(kind, p.record_id, lookup_err) for p in part}
            for p in part:
                if p.key in found:
                    out[p.index] = WriteResult("created", id=found[p.key], kind=kind, record_id=p.record_id)
                    self._settle(p.key)
            rest = [p for p in part if p.index not in out]
            if rest and attempt < constants.CREATE_ATTEMPTS - 1:
                out.update(self._create_part(otype, kind, rest, attempt + 1))
            elif rest:
                for p in rest:  # still unknown: the key stays in `unsure`, the next apply looks first
                    out[p.index] = self._failed(kind, p.record_id, err)
            return out
        by_key = {}
        for obj in resp.results or ():
            props = obj.properties or {}
            k = key_in(props.get("hs_task_body") or props.get("hs_note_body"), self.marker)
            if k:
                by_key[k] = str(obj.id)
        errors = getattr(resp, "errors", None) or ()
        for n, p in enumerate(part):
            created = by_key.get(p.key)
            if created is None and not by_key and not errors and n < len(resp.results or ()):
                created = str(resp.results[n].id)  # bodies not echoed: HubSpot keeps input order
            if created is not None:
                out[p.index] = WriteResult("created", id=created, kind=kind, record_id=p.record_id)
                self._settle(p.key)
            else:
                missing = CrmError(f"{kind} for record {p.record_id} missing from the batch create response",
                               crm=CRM, should_retry=True)
                with self._lock:
                    self.unsure.add(p.key)
                out[p.index] = self._failed(kind, p.record_id, missing)
        return out

    def _settle(self, key: str) -> None:
        with self._lock:
            self.unsure.discard(key)

    def _lookup(self, otype: str, items: Sequence[_Pending]) -> dict[str, str]:
        """key -> id of our tasks/notes already on those records (associations + batch read)."""
        links = reads.association_batch(self.session, "deals", otype, [p.record_id for p in items])
        ids = sorted({a["id"] for lst in links.values() for a in lst})
        props = TASK_PROPERTIES if otype == "tasks" else NOTE_PROPERTIES
        found: dict[str, str] = {}
        for row in reads.batch_read(self.session, otype, ids, props) if ids else []:
            p = row["properties"]
            k = key_in(p.get("hs_task_body") or p.get("hs_note_body"), self.marker)
            if k and k not in found:
                found[k] = row["id"]
        wanted = {p.key for p in items}
        return {k: v for k, v in found.items() if k in wanted}


def _ambiguous(err: CrmError) -> bool:
    """A failure after which the request may have been processed: 5xx, timeout, reset."""
    if isinstance(err, CrmRateLimited | CrmAuthExpired | CrmRejected | CrmNotFound):
        return False
    return err.status is None or err.status >= 500


def _plural(object_type: str) -> str:
    from integrations.hubspot.adapter import hubspot_type

    return hubspot_type(object_type)


def item_errors(resp: Any, pending: Sequence[str]) -> dict[str, CrmError]:
    """A 207 batch response's item errors by input id (transient ones have should_retry)."""
    out: dict[str, CrmError] = {}
    for e in getattr(resp, "errors", None) or ():
        d = e.to_dict()
        ctx = d.get("context") or {}
        ids = [str(i) for i in (ctx.get("ids") or ())] or ([str(d["id"])] if d.get("id") else list(pending))
        category = str(d.get("category") or "")
        status = _int(d.get("status"))
        transient = category in TRANSIENT_CATEGORIES or (status is not None and (status == 429 or status >= 500))
        cls = CrmNotFound if category == "OBJECT_NOT_FOUND" else error_for_status(status or 400)
        err = cls(f"{category or 'error'}: {d.get('message')}", status=status, crm=CRM, code=category or None,
                  should_retry=transient)
        for i in ids:
            out[i] = err
    return out


TRANSIENT_CATEGORIES = frozenset({"RATE_LIMITS", "RATE_LIMIT", "INTERNAL_ERROR", "TIMEOUT", "LOCKED",
                                  "SERVICE_UNAVAILABLE"})


def _int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None
