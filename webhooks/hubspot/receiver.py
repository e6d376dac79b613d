"""POST /webhooks/hubspot: raw bytes -> verify -> parse -> inbox (one transaction) -> 2xx.

Never calls a CRM, an LLM or a model: the pipeline runs later, from the inbox. Status policy
(STYLE rule 9): 401 bad signature, 400 anomalous payload, 200 for accepted and for genuine events
we ignore (unsupported types, uninstalled portals, echoes of our own fields), 500 for bugs.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Mapping
from typing import Any, cast

from flask import current_app, jsonify, request
from sqlalchemy.exc import IntegrityError, OperationalError

from app import defaults, metrics
from app.dispatch import get_dispatcher
from app.dispatch.leases import RecordKey
from app.inbox import insert_changes, quarantine, tenant_cache
from app.storage import get_db, is_retryable
from integrations.base import is_output_field
from webhooks import bp
from webhooks.changes import RecordChange
from webhooks.errors import (
    AnomalousPayloadError,
    UnsupportedEventTypeError,
)
from webhooks.guard import guarded
from webhooks.hubspot.events import parse_batch
from webhooks.hubspot.signature import verify_request
from webhooks.validation import RejectedEvent, loads_bounded

log = logging.getLogger(__name__)
CRM = "hubspot"


def public_uri() -> str:
    """The URI HubSpot signed: the configured public base URL + the raw path and query."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    if not raw:
        qs = request.query_string.decode("latin-1")
        raw = request.path + (f"?{qs}" if qs else "")
    base = current_app.config.get("PUBLIC_URL") or request.host_url
    return base.rstrip("/") + raw


@bp.post("/hubspot")
def hubspot_webhook() -> Any:
    """Receive one HubSpot webhook delivery (a JSON array of up to 100 events)."""
    return guarded(CRM, _receive, log=log, rejected="webhook signature rejected", anomalous="anomalous webhook payload")


def _receive(delivery_id: str) -> tuple[Any, int]:
    cfg = current_app.config
    if (request.content_length or 0) > defaults.WEBHOOK_MAX_BODY_BYTES:
        raise AnomalousPayloadError(f"body over {defaults.WEBHOOK_MAX_BODY_BYTES} bytes")
    body = request.get_data(cache=False)
    verify_request(
        headers=cast(Mapping[str, str], request.headers),
        method=request.method,
        uri=public_uri(),
        body=body,
        secret=cfg.get("HUBSPOT_CLIENT_SECRET") or "",
        allow_legacy=bool(cfg.get("HUBSPOT_ALLOW_V1_V2")),
        tolerance=float(cfg.get("WEBHOOK_TOLERANCE_SECONDS", defaults.WEBHOOK_TOLERANCE_SECONDS)),
    )
    batch = parse_batch(loads_bounded(body), max_events=defaults.WEBHOOK_MAX_BATCH_EVENTS)
    events = batch.events

    db = get_db()
    dispatcher = get_dispatcher()
    cache = tenant_cache(current_app)
    forgot = False
    for attempt in range(1, defaults.WEBHOOK_STORE_ATTEMPTS + 1):
        counts = {"accepted": 0, "duplicates": 0, "echoes": 0, "unsupported": 0, "unknown_portal": 0,
                  "quarantined": 0}
        try:
            scheduled = _store(db, dispatcher, cache, events, counts, delivery_id, batch.rejected)
            break
        except IntegrityError:
            if forgot:
                raise
            # A tenant uninstalled by another process while our cache still knew it.
            forgot = True
            cache.forget()
        except OperationalError as exc:
            # Concurrent deliveries touching the same records can deadlock in PostgreSQL; the
            # transaction rolled back whole, so running it again is safe (found by `make faults`).
            if not is_retryable(exc) or attempt == defaults.WEBHOOK_STORE_ATTEMPTS:
                raise
            log.info("webhook transaction retried", extra={"delivery_id": delivery_id, "crm": CRM})
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    # Committed: the changes are durable. Enqueueing is best effort; the sweeper backs it up.
    dispatcher.enqueue_all(scheduled)
    for outcome, key in (("accepted", "accepted"), ("duplicate", "duplicates"), ("echo", "echoes"),
                         ("unsupported", "unsupported"), ("unknown_tenant", "unknown_portal"),
                         ("quarantined", "quarantined")):
        if counts[key]:
            metrics.WEBHOOK_EVENTS.labels(crm=CRM, outcome=outcome).inc(counts[key])
    if counts["accepted"]:
        metrics.INBOX_ROWS.labels(crm=CRM).inc(counts["accepted"])
    if counts["unknown_portal"]:
        log.info("events for portals not installed ignored",
                 extra={"delivery_id": delivery_id, "events": counts["unknown_portal"], "crm": CRM})
    log.info("webhook accepted", extra={"delivery_id": delivery_id, "events": len(events), "crm": CRM,
                                         "outcome": counts})
    return jsonify({"delivery_id": delivery_id, "events": len(events), **counts}), 200


def _store(db: Any, dispatcher: Any, cache: Any, events: list[Any], counts: dict[str, int],
           delivery_id: str, rejected: list[RejectedEvent]) -> list[Any]:
    """One transaction: the batch's changes into the inbox, its invalid events into the
    quarantine, and its records' jobs scheduled."""
    with db.session() as s:
        counts["quarantined"] = quarantine(s, CRM, rejected, delivery_id=delivery_id)
        if rejected:
            log.warning("webhook events quarantined", extra={
                "delivery_id": delivery_id, "crm": CRM, "events": len(rejected),
                "reasons": sorted({r.reason for r in rejected})[:5]})
        tenants: dict[str, str | None] = {}
        changes: list[RecordChange] = []
        for ev in events:
            if ev.portal_id not in tenants:
                tenants[ev.portal_id] = cache.get(s, CRM, ev.portal_id)
            tenant_id = tenants[ev.portal_id]
            if tenant_id is None:
                counts["unknown_portal"] += 1
                continue
            if is_output_field(ev.property_name):
                counts["echoes"] += 1
                continue
            try:
                changes.append(ev.to_change(tenant_id))
            except UnsupportedEventTypeError as exc:
                counts["unsupported"] += 1
                log.info("unsupported HubSpot event %s", exc, extra={"delivery_id": delivery_id})
        changes.sort(key=lambda c: c.delivery_key)
        result = insert_changes(s, changes, delivery_id=delivery_id)
        counts["accepted"] = result.inserted
        counts["duplicates"] = result.duplicates
        return dispatcher.schedule_in(s, [RecordKey(*r) for r in sorted(result.records)])
