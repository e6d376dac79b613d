"""POST /webhooks/salesforce/outbound/<org id>/<token> and POST /webhooks/salesforce/callout.

The Outbound Message URL's token is the org's outbound token (webhook_secret.outbound_token), or,
while SALESFORCE_LEGACY_OUTBOUND_URLS is on, the signing secret older URLs carry.

Raw bytes -> verify -> parse -> inbox (one transaction) -> answer. Never calls Salesforce, an LLM
or a model. Status policy, as HubSpot's receiver (STYLE rule 9): 401 bad secret or signature,
400 anomalous payload, 500 for bugs; accepted, duplicate, echo, unsupported and not-installed
changes are all answered with success — for Outbound Messages that is the exact `<Ack>true</Ack>`
envelope, since Salesforce retries anything else for 24 hours.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from flask import Response, current_app, jsonify, request
from sqlalchemy.exc import IntegrityError

from app import defaults as app_defaults
from app import metrics
from app.dispatch import get_dispatcher
from app.dispatch.leases import RecordKey
from app.inbox import insert_changes, tenant_cache
from app.storage import get_db
from integrations.salesforce.constants import CRM
from integrations.salesforce.webhook_secret import installation_secret, outbound_token
from webhooks import bp
from webhooks.changes import RecordChange
from webhooks.errors import (
    AnomalousPayloadError,
    SignatureVerificationError,
    UnsupportedEventTypeError,
)
from webhooks.guard import guarded
from webhooks.salesforce import callouts, defaults, outbound, signature
from webhooks.validation import loads_bounded

log = logging.getLogger(__name__)

Counts = dict[str, int]


def webhook_key() -> str:
    """The app key per-installation secrets derive from (SALESFORCE_WEBHOOK_KEY, else SECRET_KEY)."""
    cfg = current_app.config
    return str(cfg.get("SALESFORCE_WEBHOOK_KEY") or cfg.get("SECRET_KEY") or "")


def _guarded(kind: str, receive: Callable[[str], tuple[Any, int]]) -> Any:
    return guarded(CRM, receive, log=log, rejected=f"salesforce {kind} rejected", anomalous=f"anomalous salesforce {kind}")


@bp.post("/salesforce/outbound/<org_id>/<secret>")
def outbound_message(org_id: str, secret: str) -> Any:
    """One Outbound Message (≤100 notifications)."""
    return _guarded("outbound message", lambda d: _receive_outbound(d, org_id, secret))


@bp.post("/salesforce/callout")
def callout() -> Any:
    """One signed JSON callout from the package's Apex (≤100 change events)."""
    return _guarded("callout", _receive_callout)


def _read_body(limit: int) -> bytes:
    if (request.content_length or 0) > limit:
        raise AnomalousPayloadError(f"body over {limit} bytes")
    body = request.get_data(cache=False)
    if len(body) > limit:
        raise AnomalousPayloadError(f"body over {limit} bytes")
    return body


def _receive_outbound(delivery_id: str, org_id: str, secret: str) -> tuple[Any, int]:
    body = _read_body(defaults.MAX_OM_BODY_BYTES)
    cfg = current_app.config
    try:
        expected = outbound_token(webhook_key(), org_id)
        legacy = (installation_secret(webhook_key(), org_id)
                  if cfg.get("SALESFORCE_LEGACY_OUTBOUND_URLS", app_defaults.SALESFORCE_LEGACY_OUTBOUND_URLS) else None)
    except ValueError as exc:
        raise SignatureVerificationError(str(exc)) from None
    if signature.check_url_secret(given=secret, expected=expected, legacy=legacy):
        log.warning("outbound message to a URL ending with the org's signing secret: replace it with the "
                    "install page's URL", extra={"delivery_id": delivery_id, "crm": CRM, "org_id": org_id})
    msg = outbound.parse(body, max_notifications=defaults.MAX_NOTIFICATIONS)
    if msg.organization_id != org_id:
        raise SignatureVerificationError("OrganizationId does not match the endpoint's org")

    def changes(tenant_id: str, counts: Counts) -> list[RecordChange]:
        out = []
        for n in msg.notifications:
            try:
                out.append(n.to_change(tenant_id, org_id))
            except UnsupportedEventTypeError:
                counts["unsupported"] += 1
        return out

    counts = _store_all(delivery_id, org_id, changes)
    log.info("outbound message accepted", extra={"delivery_id": delivery_id, "crm": CRM, "outcome": counts,
                                                 "events": len(msg.notifications)})
    return Response(outbound.ACK, status=200, content_type=outbound.ACK_CONTENT_TYPE), 200


def _receive_callout(delivery_id: str) -> tuple[Any, int]:
    body = _read_body(defaults.MAX_CALLOUT_BODY_BYTES)
    org_id = request.headers.get(signature.ORG_HEADER) or ""
    if not org_id:
        raise SignatureVerificationError(f"missing {signature.ORG_HEADER} header")
    try:
        secret = installation_secret(webhook_key(), org_id)
    except ValueError as exc:
        raise SignatureVerificationError(str(exc)) from None
    tolerance = float(current_app.config.get("WEBHOOK_TOLERANCE_SECONDS", app_defaults.WEBHOOK_TOLERANCE_SECONDS))
    signature.verify(headers=dict(request.headers), body=body, secret=secret, tolerance=tolerance)
    payload = loads_bounded(body)
    events = callouts.parse(payload, org_id=org_id, max_events=defaults.MAX_CALLOUT_EVENTS)

    gap_tenants: set[str] = set()

    def changes(tenant_id: str, counts: Counts) -> list[RecordChange]:
        out = []
        gap_tenants.clear()  # a retried transaction builds again, maybe for no tenant
        for ev in events:
            if ev.is_gap:  # before the echo test: a gap may hide others' changes beside ours
                counts["gaps"] += 1
                gap_tenants.add(tenant_id)
                continue
            if ev.is_echo:
                counts["echoes"] += 1
                continue
            try:
                out.append(ev.to_change(tenant_id))
            except UnsupportedEventTypeError:
                counts["unsupported"] += 1
        return out

    counts = _store_all(delivery_id, org_id, changes)
    for tenant_id in gap_tenants if counts["gaps"] else ():
        _reconcile_soon(tenant_id)
    log.info("callout accepted", extra={"delivery_id": delivery_id, "crm": CRM, "outcome": counts,
                                        "events": len(events)})
    return jsonify({"delivery_id": delivery_id, "events": len(events), **counts}), 200


def _reconcile_soon(tenant_id: str) -> None:
    """After a gap event: bring the tenant's reconciliation (which reads every record modified since the last
    one) forward to within SALESFORCE_GAP_RECONCILE_SECONDS, instead of its next 15-minute run. The request is
    a compare-and-set on the job's next run time, so any number of gap events, in any number of web processes,
    make one run. A failure here is logged, not answered: the changes are stored, and the regular
    reconciliation still runs."""
    from app.scheduler import request_soon

    within = float(current_app.config.get("SALESFORCE_GAP_RECONCILE_SECONDS",
                                          app_defaults.SALESFORCE_GAP_RECONCILE_SECONDS))
    try:
        request_soon(current_app._get_current_object(), tenant_id, "reconcile", within)  # type: ignore[attr-defined]
    except Exception:
        log.exception("could not bring the reconciliation forward after a gap event", extra={"tenant_id": tenant_id})
        return
    log.info("gap event: reconciliation within %.0f s", within, extra={"tenant_id": tenant_id, "crm": CRM})


def _store_all(delivery_id: str, org_id: str, build: Callable[[str, Counts], list[RecordChange]]) -> Counts:
    """One transaction: the message's changes into the inbox and their records' jobs scheduled."""
    db = get_db()
    dispatcher = get_dispatcher()
    cache = tenant_cache(current_app)
    for retry in (False, True):
        counts: Counts = {"accepted": 0, "duplicates": 0, "echoes": 0, "unsupported": 0, "unknown_org": 0,
                          "gaps": 0}
        try:
            with db.session() as s:
                tenant_id = cache.get(s, CRM, org_id)
                if tenant_id is None:
                    counts["unknown_org"] = 1
                    scheduled: list[Any] = []
                    break
                changes = sorted(build(tenant_id, counts), key=lambda c: c.delivery_key)
                result = insert_changes(s, changes, delivery_id=delivery_id)
                counts["accepted"], counts["duplicates"] = result.inserted, result.duplicates
                scheduled = dispatcher.schedule_in(s, [RecordKey(*r) for r in sorted(result.records)])
            break
        except IntegrityError:
            if retry:
                raise
            cache.forget()  # uninstalled by another process while our cache still knew it
    dispatcher.enqueue_all(scheduled)
    for outcome, key in (("accepted", "accepted"), ("duplicate", "duplicates"), ("echo", "echoes"),
                         ("unsupported", "unsupported"), ("unknown_tenant", "unknown_org"), ("gap", "gaps")):
        if counts[key]:
            metrics.WEBHOOK_EVENTS.labels(crm=CRM, outcome=outcome).inc(counts[key])
    if counts["accepted"]:
        metrics.INBOX_ROWS.labels(crm=CRM).inc(counts["accepted"])
    return counts
