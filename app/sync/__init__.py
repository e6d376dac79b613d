"""Backfill on install and periodic reconciliation: the two ways records reach the pipeline
without a webhook.

Both write inbox rows (kind `updated`, change_source `BACKFILL` / `RECONCILE`) and schedule the
records' jobs in the same transaction, exactly as the webhook receiver does; so the work is
durable (the sweeper re-dispatches it if an enqueue is lost), coalesces with webhook changes of
the same record, and shows up in the audit log. Reconciliation's delivery keys are derived from
(record, last-modified time), so running it twice enqueues nothing new.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask, current_app
from sqlalchemy import func, select

from app import defaults
from app.audit import write_audit
from app.connectors import enriched_object_types
from app.dispatch import get_dispatcher
from app.dispatch.batch import SYNC_SOURCES as BATCH_SYNC_SOURCES
from app.dispatch.leases import RecordKey
from app.storage import get_db
from app.storage.models import InboxEvent
from app.tenants import active_installation, client_for, installed_tenants, tenant_crm
from integrations.errors import CrmAuthExpired, CrmError
from integrations.limits import patience

log = logging.getLogger(__name__)

OBJECT_TYPE = "deal"
"""Canonical object type of the records `enqueue_records` writes unless told otherwise."""

RECONCILE_OBJECT_TYPES = ("deal", "contact", "company")
"""Object types every CRM's webhooks cover: a lost contact or company webhook is repaired too (the
pipeline fans a contact/company change out to its linked deals). The other types the CRM's
connector enriches (Salesforce Leads) are reconciled after these (`reconciled_object_types`)."""


def reconciled_object_types(app: Flask, tenant_id: str) -> tuple[str, ...]:
    """Every object type reconciliation searches for this tenant's CRM."""
    enriched = enriched_object_types(tenant_crm(app, tenant_id), app)
    return (*RECONCILE_OBJECT_TYPES, *(t for t in enriched if t not in RECONCILE_OBJECT_TYPES))

ENQUEUE_CHUNK = 100
"""Records inserted and scheduled per transaction (and per progress/audit step)."""

RECONCILE_OVERLAP_SECONDS = 120
"""Search this far before the last sync: CRM search results lag writes by a few moments."""

WEBHOOK_MATCH_SECONDS = 2
"""A webhook row that occurred within this many seconds of a record's last modification covers it
(CRMs stamp the event time and the last-modified time together, so only their jitter matters)."""

SYNC_SOURCES = BATCH_SYNC_SOURCES
"""change_source of the inbox rows this module writes (they explain a change only once processed)."""

class ReconcileIncomplete(CrmError):
    """The CRM's search failed for some object types: what they missed is still unknown, so the watermark stays
    where it was. Carries the first failure's status, code and retry advice; `unsearched` maps type -> error."""

    def __init__(self, tenant_id: str, unsearched: dict[str, CrmError]) -> None:
        first = next(iter(unsearched.values()))
        said = "; ".join(f"{t}: {e.message}" for t, e in unsearched.items())
        super().__init__(f"reconciliation of {tenant_id} could not search {', '.join(unsearched)} ({said}); it runs "
                         f"again from the same point", status=first.status, request_id=first.request_id,
                         crm=first.crm, should_retry=first.should_retry, retry_after=first.retry_after,
                         code=first.code)
        self.unsearched = unsearched


Progress = Callable[[int], None]
"""Called with the number of records just enqueued (the CLI advances its progress bar)."""


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def enqueue_records(app: Flask, tenant_id: str, items: Sequence[tuple[str, str]], *, source: str,
                    object_type: str = OBJECT_TYPE) -> int:
    """Insert inbox rows for records and schedule their jobs; returns rows newly inserted.

    Args:
        items: (record id, delivery key) pairs.
        source: `BACKFILL` or `RECONCILE` (stored as change_source).
    """
    inserted, scheduled = _insert_and_schedule(app, tenant_id, items, source=source, object_type=object_type)
    get_dispatcher(app).enqueue_all(scheduled, bulk=True)
    return inserted


def _insert_and_schedule(app: Flask, tenant_id: str, items: Sequence[tuple[str, str]], *, source: str,
                         object_type: str) -> tuple[int, list[tuple[RecordKey, str]]]:
    """Insert the inbox rows and schedule the records' jobs in one transaction; returns the rows
    newly inserted and the jobs scheduled (not yet handed to the queue)."""
    # Imported here: app.inbox and the webhooks package import each other, and whichever is
    # imported first from outside must be `webhooks` (its receiver pulls in app.inbox).
    import webhooks.changes  # noqa: F401 - must load before app.inbox
    from app.inbox import insert_changes
    from webhooks.changes import RecordChange

    if not items:
        return 0, []
    now = datetime.now(UTC)
    crm = tenant_crm(app, tenant_id)
    changes = [RecordChange(tenant_id=tenant_id, crm=crm, object_type=object_type, record_id=rid,
                            kind="updated", properties={}, occurred_at=now, delivery_key=key,
                            change_source=source) for rid, key in items]
    with get_db(app).session() as s:
        result = insert_changes(s, changes, delivery_id=f"{source.lower()}-{int(now.timestamp())}")
        scheduled = get_dispatcher(app).schedule_in(s, [RecordKey(*r) for r in sorted(result.records)])
    return result.inserted, scheduled


def releasable(held: Sequence[int], batch_size: int) -> int:
    """How many of the held chunks (their job counts, oldest first) may go to the queue: those
    with at least `batch_size` jobs scheduled after them.

    A batch claims its own record and the earliest scheduled others; a job that starts while
    fewer than a batch of rows follow it would take a partial batch (measured: 26 batches
    instead of 20 for a 2,000-deal backfill, 0.321 instead of 0.287 requests per deal)."""
    after = sum(held)
    for n, size in enumerate(held):
        after -= size
        if after < batch_size:
            return n
    return len(held)


class HeldRelease:
    """The jobs a sync scheduled, handed to the queue once a whole batch of rows follows them
    (`add` after each chunk's transaction), the rest at the end (`flush`).

    So that no worker claims a partial batch while the sync is still inserting its rows: every
    record whose job runs has at least a batch of unclaimed records after it. The rows are
    committed before their jobs are held, so a sync that dies in between loses nothing: the
    sweeper re-dispatches scheduled records whose lease ran out."""

    def __init__(self, app: Flask, batch_size: int) -> None:
        self.app = app
        self.batch_size = max(1, batch_size)
        self.held: list[list[tuple[RecordKey, str]]] = []

    def add(self, scheduled: Sequence[tuple[RecordKey, str]]) -> None:
        if scheduled:
            self.held.append(list(scheduled))
        n = releasable([len(c) for c in self.held], self.batch_size)
        if n:
            ready, self.held = self.held[:n], self.held[n:]
            self._enqueue([pair for chunk in ready for pair in chunk])

    def flush(self) -> None:
        ready, self.held = self.held, []
        self._enqueue([pair for chunk in ready for pair in chunk])

    def _enqueue(self, pairs: list[tuple[RecordKey, str]]) -> None:
        # At once, not after the coalescing window: our own rows have no burst of edits to wait
        # for, and a whole batch already follows them. The window only delayed a backfill's
        # first read (2 s of a ~65 s backfill, the rate budget unused meanwhile).
        if pairs:
            get_dispatcher(self.app).enqueue_all(pairs, 0.0, bulk=True)


def _batch_size(app: Flask) -> int:
    from app import defaults

    return int(app.config.get("PIPELINE_BATCH_SIZE", defaults.PIPELINE_BATCH_SIZE))


def backfill(tenant_id: str, app: Flask | None = None, *, progress: Progress | None = None) -> dict[str, Any]:
    """Enqueue every open record the tenant's CRM has us enrich (install, or `agentic-sales
    backfill`): its open deals, then e.g. Salesforce's unconverted Leads.

    Returns:
        `{"tenant", "records_backfilled", "by_type", "enqueued", "already_pending", "seconds"}`:
        `by_type` counts the records per object type, `enqueued` the inbox rows written (one per
        record each run), `already_pending` the records whose job was still waiting, so that this
        run added no work for them.

    Raises:
        CrmError: the CRM failed in a way the client could not ride out.
    """
    a = app or current_app._get_current_object()  # type: ignore[attr-defined]
    started = time.monotonic()
    run = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%f")
    client = client_for(tenant_id, a)
    _audit(a, tenant_id, "backfill.started", {"run": run})
    seen = enqueued = pending = 0
    by_type: dict[str, int] = {}
    for object_type in enriched_object_types(tenant_crm(a, tenant_id), a):
        # One held release per type: a batch claims records of one object type.
        release = HeldRelease(a, _batch_size(a))
        by_type[object_type] = 0
        try:
            for chunk in _chunks(_patiently(client.iter_open_ids(object_type)), ENQUEUE_CHUNK):
                items = [(rid, _key("backfill", tenant_id, run, rid)) for rid in chunk]
                inserted, scheduled = _insert_and_schedule(a, tenant_id, items, source="BACKFILL",
                                                           object_type=object_type)
                enqueued += inserted
                pending += len(set(chunk)) - len(scheduled)  # their job was waiting already: the rows join it
                release.add(scheduled)
                seen += len(chunk)
                by_type[object_type] += len(chunk)
                _audit(a, tenant_id, "backfill.progress", {"run": run, "records": seen})
                if progress is not None:
                    progress(len(chunk))
        finally:  # what was inserted runs even if listing the rest failed
            release.flush()
    with get_db(a).session() as s:
        inst = active_installation(s, tenant_id)
        if inst is not None and inst.last_sync_at is None:
            inst.last_sync_at = datetime.now(UTC)
    result = {"tenant": tenant_id, "records_backfilled": seen, "by_type": by_type, "enqueued": enqueued,
              "already_pending": pending, "seconds": round(time.monotonic() - started, 3)}
    _audit(a, tenant_id, "backfill.completed", {"run": run, **result})
    return result


def _patiently(items: Iterable[str]) -> Iterator[str]:
    """The listing's items, its CRM calls waiting for the rate budget (up to
    BULK_READ_PATIENCE_SECONDS each) instead of raising CrmRateLimited.

    The listing's pages draw from the budget that the backfill's own batches spend as soon as
    they are released; once the pipeline filled a window, the next page met a spent budget and
    the backfill failed half-listed. There is no batch to re-queue here
    (integrations.limits.patience). Only the listing's own calls wait: a batch run in this thread
    between two pages (tests, a free worker) still hands itself back as usual.
    """
    from app import defaults

    it = iter(items)
    while True:
        with patience(defaults.BULK_READ_PATIENCE_SECONDS):
            try:
                item = next(it)
            except StopIteration:
                return
        yield item


def reconcile(tenant_id: str, app: Flask | None = None, *, since: datetime | None = None) -> dict[str, Any]:
    """Find records of every subscribed type modified since the last sync that no webhook
    explains, and enqueue them; our own write-backs are recognised by content, not by time.

    Args:
        since: override the stored last sync time.

    Returns:
        `{"tenant", "since", "modified", "missing", "echoes", "enqueued", "explained", "record_ids",
        "by_type", "seconds"}` (`record_ids` lists the deals; `by_type` the counts per object type).
        A type whose search fails is skipped and the others go on; then the failure is audited
        (`reconcile.failed`, shown in the install health), the run is asked for again within
        RECONCILE_RETRY_SECONDS (`AGENTIC_SALES_RECONCILE_RETRY_SECONDS`, 300) and ReconcileIncomplete is raised:
        the watermark (last_sync_at) does
        not move past a window that was not searched. Every modified record is counted once:
        ``modified = explained["webhook"] + explained["read"] + explained["pending"] + echoes + missing``
        (delivered by a webhook, read by a backfill or re-sync after its change, already waiting in the
        queue, our own write, or missed).
    """
    a = app or current_app._get_current_object()  # type: ignore[attr-defined]
    started_at = datetime.now(UTC)
    started = time.monotonic()
    with get_db(a).session() as s:
        inst = active_installation(s, tenant_id)
        if inst is None:
            raise CrmError(f"tenant {tenant_id} has no live installation", should_retry=False)
        last = since or inst.last_sync_at or inst.installed_at
    window_start = last - timedelta(seconds=RECONCILE_OVERLAP_SECONDS)
    client = client_for(tenant_id, a)
    result: dict[str, Any] = {"tenant": tenant_id, "since": iso(window_start), "modified": 0, "missing": 0,
                              "echoes": 0, "enqueued": 0, "explained": {"webhook": 0, "read": 0, "pending": 0},
                              "record_ids": [], "by_type": {}}
    enriched = enriched_object_types(tenant_crm(a, tenant_id), a)
    unsearched: dict[str, CrmError] = {}
    for object_type in reconciled_object_types(a, tenant_id):
        try:
            modified = client.search_modified_since(object_type, window_start)
        except CrmError as exc:  # not "nothing changed": this window of this type is unknown
            log.warning("reconciliation could not search %s: %s", object_type, exc, extra={"tenant_id": tenant_id})
            unsearched[object_type] = exc
            if isinstance(exc, CrmAuthExpired):
                break  # the access is gone: every other search would be refused the same way
            continue
        explained = {"webhook": 0, "read": 0, "pending": 0}
        candidates = unexplained(a, tenant_id, modified, object_type, explained=explained)
        missing, echoes = (_drop_echoes(a, client, tenant_id, object_type, candidates)
                           if object_type in enriched else (candidates, 0))
        items = [(rid, _key("reconcile", tenant_id, object_type, rid, at or "")) for rid, at in missing]
        enqueued = 0
        release = HeldRelease(a, _batch_size(a))
        try:
            for chunk in _chunks(items, ENQUEUE_CHUNK):
                inserted, scheduled = _insert_and_schedule(a, tenant_id, chunk, source="RECONCILE",
                                                           object_type=object_type)
                enqueued += inserted
                release.add(scheduled)
        finally:
            release.flush()
        result["modified"] += len(modified)
        result["missing"] += len(missing)
        result["echoes"] += echoes
        result["enqueued"] += enqueued
        for reason, n in explained.items():
            result["explained"][reason] += n
        result["by_type"][object_type] = {"modified": len(modified), "missing": len(missing), "echoes": echoes,
                                          "explained": explained}
        if object_type == OBJECT_TYPE:
            result["record_ids"] = [rid for rid, _ in missing]
    result["seconds"] = round(time.monotonic() - started, 3)
    if unsearched:
        _search_failed(a, tenant_id, result, unsearched)
    with get_db(a).session() as s:
        inst = active_installation(s, tenant_id)
        if inst is not None:
            inst.last_sync_at = started_at
    _audit(a, tenant_id, "reconcile.completed", {k: v for k, v in result.items() if k != "record_ids"})
    return result


def reconcile_retry_seconds(app: Flask) -> float:
    """How soon a reconciliation that could not search every type runs again (RECONCILE_RETRY_SECONDS)."""
    return float(app.config.get("RECONCILE_RETRY_SECONDS", defaults.RECONCILE_RETRY_SECONDS))


def _search_failed(app: Flask, tenant_id: str, result: dict[str, Any], unsearched: dict[str, CrmError]) -> None:
    """Record a reconciliation that could not search every type, ask for it again soon, and raise."""
    from app.scheduler import request_soon

    error = ReconcileIncomplete(tenant_id, unsearched)
    detail = {k: v for k, v in result.items() if k != "record_ids"}
    _audit(app, tenant_id, "reconcile.failed", {**detail, "unsearched": sorted(unsearched),
                                                "error": error.message[:500], "type": type(error).__name__,
                                                "status": error.status})
    try:
        request_soon(app, tenant_id, "reconcile", max(reconcile_retry_seconds(app), float(error.retry_after or 0)))
    except Exception:
        log.exception("could not ask for the reconciliation again", extra={"tenant_id": tenant_id})
    raise error


def _drop_echoes(app: Flask, client: Any, tenant_id: str, object_type: str,
                 candidates: list[tuple[str, str | None]]) -> tuple[list[tuple[str, str | None]], int]:
    """Split unexplained modifications of an enriched type (deals, Salesforce Leads) into real
    changes and echoes of our own writes.

    A record whose content (the canonical Record without our own task and output fields) still has
    the fingerprint of its last enrichment was modified only by us: an echo, whenever it happened
    (no time window: a rep's edit a second after our write is still a change). Contacts and
    companies are never written by us, so the caller passes them through as real changes. Read in
    batches.
    """
    if not candidates:
        return candidates, 0
    from app.pipeline.writeback import record_fingerprint
    from app.storage.models import Enrichment

    real: list[tuple[str, str | None]] = []
    echoes = 0
    for chunk in _chunks(candidates, ENQUEUE_CHUNK):
        ids = [rid for rid, _ in chunk]
        with get_db(app).session() as s:
            latest: dict[str, int] = dict(s.execute(  # type: ignore[arg-type]
                select(Enrichment.record_id, func.max(Enrichment.id))
                .where(Enrichment.tenant_id == tenant_id, Enrichment.object_type == object_type,
                       Enrichment.record_id.in_(ids))
                .group_by(Enrichment.record_id)).all())
            hashes: dict[str, str] = dict(s.execute(  # type: ignore[arg-type]
                select(Enrichment.record_id, Enrichment.input_hash)
                .where(Enrichment.id.in_(list(latest.values())))).all()) if latest else {}
        enriched = [rid for rid in ids if rid in hashes]
        records = client.get_records(object_type, enriched) if enriched else {}
        for rid, at in chunk:
            record = records.get(rid)
            if record is not None and record_fingerprint(record) == hashes.get(rid):
                echoes += 1
            else:
                real.append((rid, at))
    return real, echoes


def reconcile_all(app: Flask | None = None) -> dict[str, Any]:
    """Reconcile every installed tenant; one tenant's failure does not stop the others.

    Never raises (the scheduler calls it); failures are logged and audited.
    """
    a = app or current_app._get_current_object()  # type: ignore[attr-defined]
    out: dict[str, Any] = {"tenants": 0, "enqueued": 0, "errors": 0}
    for tenant_id in installed_tenants(a):
        out["tenants"] += 1
        try:
            out["enqueued"] += reconcile(tenant_id, a)["enqueued"]
        except ReconcileIncomplete:  # audited, and asked for again, by reconcile itself
            out["errors"] += 1
        except Exception as exc:  # one portal's outage must not starve the others
            out["errors"] += 1
            log.exception("reconciliation failed", extra={"tenant_id": tenant_id})
            _audit(a, tenant_id, "reconcile.failed", {"error": str(exc)[:500], "type": type(exc).__name__})
    return out


def maybe_reconcile_all(app: Flask, interval: float | None = None) -> dict[str, Any] | None:
    """Run `reconcile_all` if `interval` seconds passed since the last run in this process.

    For a scheduler loop that ticks more often than reconciliation should run. Never raises.
    """
    from app import defaults

    every = float(interval if interval is not None else
                  app.config.get("RECONCILE_INTERVAL_SECONDS", defaults.RECONCILE_INTERVAL_SECONDS))
    state = app.extensions.setdefault("reconcile", {"last": 0.0})
    if time.monotonic() - state["last"] < every:
        return None
    state["last"] = time.monotonic()
    return reconcile_all(app)


def unexplained(app: Flask, tenant_id: str, modified: Sequence[tuple[str, str | None]],
                object_type: str = OBJECT_TYPE, *,
                explained: dict[str, int] | None = None) -> list[tuple[str, str | None]]:
    """Keep the modified records that no webhook row, later read or pending job accounts for;
    `explained` (if given) counts the others by what accounts for them: ``pending``, ``webhook``,
    ``read`` (so the re-sync's status can account for every modified record)."""
    tally = explained if explained is not None else {}
    out = []
    db = get_db(app)
    for chunk in _chunks(modified, 500):
        ids = [rid for rid, _ in chunk]
        with db.session() as s:
            scope = (InboxEvent.tenant_id == tenant_id, InboxEvent.object_type == object_type,
                     InboxEvent.record_id.in_(ids))
            hooks: dict[str, Any] = dict(s.execute(  # type: ignore[arg-type]
                select(InboxEvent.record_id, func.max(InboxEvent.occurred_at))
                .where(*scope, InboxEvent.change_source.is_(None) | InboxEvent.change_source.notin_(SYNC_SOURCES))
                .group_by(InboxEvent.record_id)).all())
            synced: dict[str, Any] = dict(s.execute(  # type: ignore[arg-type]
                select(InboxEvent.record_id, func.max(InboxEvent.processed_at))
                .where(*scope, InboxEvent.change_source.in_(SYNC_SOURCES))
                .group_by(InboxEvent.record_id)).all())
            pending = {r[0] for r in s.execute(
                select(InboxEvent.record_id).where(*scope, InboxEvent.status == "pending")).all()}
        for rid, at in chunk:
            if rid in pending:
                tally["pending"] = tally.get("pending", 0) + 1
                continue  # a job will read the record fresh anyway
            changed = _parse(at)
            if changed is None:
                out.append((rid, at))
                continue
            hook, read = _aware(hooks.get(rid)), _aware(synced.get(rid))
            if hook and hook >= changed - timedelta(seconds=WEBHOOK_MATCH_SECONDS):
                tally["webhook"] = tally.get("webhook", 0) + 1
                continue  # the webhook for this change arrived
            if read and read >= changed:
                tally["read"] = tally.get("read", 0) + 1
                continue  # a backfill/reconcile job read the record after this change
            out.append((rid, at))
    return out


def iso(value: datetime) -> str:
    """UTC ISO-8601 with a Z, as CRMs print times."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse(at: str | None) -> datetime | None:
    if not at:
        return None
    return datetime.fromisoformat(at.replace("Z", "+00:00"))


def _aware(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    buf: list[Any] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def _audit(app: Flask, tenant_id: str, event: str, detail: dict[str, Any]) -> None:
    """Write one audit row; never raises (audit must not fail a backfill)."""
    try:
        with get_db(app).session() as s:
            write_audit(s, event, tenant_id=tenant_id, object_type=OBJECT_TYPE, detail=detail)
    except Exception:
        log.exception("audit write failed", extra={"tenant_id": tenant_id, "event": event})
