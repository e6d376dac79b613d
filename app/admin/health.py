"""Install health of one tenant: token, scopes, webhook deliveries, rate-limit headroom, queue,
last errors. `collect` reads the rows; the summaries are pure functions over what it read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import defaults
from app.admin.dates import when
from app.dispatch.batch import SYNC_SOURCES
from app.storage.models import AuditLog, InboxEvent, Installation, QuarantinedEvent, RecordJob, Tenant


@dataclass(frozen=True)
class ScopeRow:
    name: str
    required: bool
    granted: bool
    why: str
    degrades: str


@dataclass
class Health:
    tenant: Tenant
    installation: Installation | None
    token: dict[str, Any]
    scopes: list[ScopeRow]
    deliveries: dict[str, Any]
    queue: dict[str, int]
    headroom: dict[str, Any] | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    syncs: list[dict[str, Any]] = field(default_factory=list)
    unpaced: str | None = None
    """Set for a CRM whose calls the shared window limiter does not pace (its connector's `paced_calls` is
    False): what the headroom box says instead of a window the CRM does not have."""


def token_state(inst: Installation | None, now: datetime, *, crm: str = "the CRM", account: str = "account",
                ) -> dict[str, Any]:
    """What the page says about the CRM connection's token: connected, expired, revoked or missing.

    An access token that ran out is not a fault while a refresh token is stored: access tokens are short-lived by
    design (HubSpot's last 30 minutes, the demo sandbox's 30 s so that refreshes happen) and the CRM client asks
    for a new one from the stored expiry before its next call. The demo's page read "Expired 01:46:06 UTC" a minute
    after a healthy run; what can fail is the refresh token, and a refused refresh revokes the installation
    (app.tenants.mark_revoked), which this page says in red. Only an expired access token with no refresh token
    to renew it is expired for good.

    Salesforce gives no expiry: its session ends at the org's timeout and shows as a 401 on the next call. A dead
    session that cannot be renewed (no refresh token, or the refresh refused) marks the installation revoked
    (app.tenants._dead_grant), and the page says what to do in the CRM's words (`crm`, `account`: the connector's
    label and account word), not "Revoked".
    """
    if inst is None:
        return {"state": "missing", "text": "No installation: install the app again."}
    if inst.revoked_at is not None:
        kept = when(inst.revoked_at + timedelta(seconds=defaults.REVOKED_GRACE_SECONDS))
        return {"state": "revoked", "headline": "Not connected",
                "text": f"Reconnect {crm}: since {when(inst.revoked_at)} {crm} no longer accepts this app's access "
                        f"(its session ended and could not be renewed, or the app was uninstalled or its access "
                        f"revoked in {crm}). Nothing is read or written until an admin of the {account} installs the "
                        f"app again; this {account}'s data here is kept until {kept}."}
    if inst.expires_at is None:
        if not inst.refresh_token_enc:
            return {"state": "expiring", "headline": "Connected for now",
                    "text": f"Reconnect {crm} soon: no refresh token is stored, so when {crm} ends this session (the "
                            f"{account}'s session timeout) every call fails until an admin installs the app again."}
        return {"state": "live", "headline": "Connected", "text": "Live (the CRM gave no expiry)."}
    left = (inst.expires_at - now).total_seconds()
    when_text = when(inst.expires_at, seconds=True)
    if left > defaults.CONSOLE_TOKEN_WARN_SECONDS:
        return {"state": "live", "headline": "Connected",
                "text": f"Access token live until {when_text} (in {int(left // 60)} min).", "expires_at": inst.expires_at}
    if not inst.refresh_token_enc:
        if left <= 0:
            return {"state": "expired", "headline": "Expired",
                    "text": f"The access token expired {when_text} and no refresh token is stored to renew it: "
                            "install the app again.", "expires_at": inst.expires_at}
        return {"state": "expiring", "headline": "Expiring",
                "text": f"The access token expires {when_text} (in {int(left)} s) and no refresh token is stored to "
                        "renew it: install the app again before then.", "expires_at": inst.expires_at}
    lapse = f"the current one lapsed {when_text}" if left <= 0 else f"the current one lapses {when_text}"
    return {"state": "connected", "headline": "Connected",
            "text": f"Access tokens are short-lived and renewed automatically with the refresh token before the next "
                    f"CRM call ({lapse}).", "expires_at": inst.expires_at}


def scope_rows(requested: tuple[Sequence[str], Sequence[str]], granted: Sequence[str],
               specs: Sequence[Any]) -> list[ScopeRow]:
    """Each requested scope: granted or not, why we ask, and what degrades without it."""
    by_name = {s.name: s for s in specs}
    have = set(granted)
    required, optional = requested
    rows = []
    for name, is_required in [*((n, True) for n in required), *((n, False) for n in optional)]:
        spec = by_name.get(name)
        rows.append(ScopeRow(name=name, required=is_required, granted=name in have,
                             why=getattr(spec, "why", "") or "", degrades=getattr(spec, "degrades", "") or ""))
    return rows


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q * len(ordered) + 0.5)))
    return ordered[rank - 1]


def delivery_summary(rows: Sequence[tuple[Any, ...]], quarantined: int) -> dict[str, Any]:
    """Webhook deliveries, and the record changes of the inbox by status, from inbox rows
    (status, occurred_at, received_at, processed_at[, change_source, delivery_id]).

    One webhook delivery (one HTTP request from the CRM) carries many changes (HubSpot sends up to
    100 events a request) and the inbox also holds the changes our own backfill and re-sync queued:
    `deliveries` counts the requests (distinct delivery ids of webhook rows), `webhook_events` their
    changes, `sync_events` the backfill's and re-sync's. The statuses count every change.
    `delivery_s`: the CRM's change to our receipt, webhook changes only (a backfilled record's
    "change" may be weeks old); `processing_s`: receipt to the job's end, every change.
    """
    by_status: dict[str, int] = {}
    delivery, processing = [], []
    requests: set[str] = set()
    webhook = sync = 0
    for status, occurred, received, processed, *more in rows:
        source, delivery_id = (*more, None, None)[:2]
        by_status[status] = by_status.get(status, 0) + 1
        if source in SYNC_SOURCES:
            sync += 1
        else:
            webhook += 1
            requests.add(str(delivery_id) if delivery_id else f"row-{webhook}")  # an id-less delivery: its own
            if occurred and received:
                delivery.append(max(0.0, (received - occurred).total_seconds()))
        if processed and received:
            processing.append(max(0.0, (processed - received).total_seconds()))

    def rounded(v: float | None) -> float | None:
        return None if v is None else round(v, 2)

    return {"deliveries": len(requests), "webhook_events": webhook, "sync_events": sync,
            "received": len(rows), "processed": by_status.get("processed", 0),
            "failed": by_status.get("failed", 0), "pending": by_status.get("pending", 0),
            "other": {k: v for k, v in by_status.items() if k not in ("processed", "failed", "pending")},
            "quarantined": quarantined,
            "delivery_s": {"p50": rounded(percentile(delivery, 0.5)), "p95": rounded(percentile(delivery, 0.95))},
            "processing_s": {"p50": rounded(percentile(processing, 0.5)),
                             "p95": rounded(percentile(processing, 0.95))}}


def collect(s: Session, tenant: Tenant, *, connector: Any, config: Mapping[str, Any], now: datetime,
            limiter: Any = None) -> Health:
    """Read one tenant's install health."""
    inst = s.execute(select(Installation).where(Installation.tenant_id == tenant.id)
                     .order_by(Installation.id.desc())).scalars().first()
    since = now - timedelta(hours=defaults.CONSOLE_HEALTH_WINDOW_HOURS)
    try:
        requested = connector.install_scopes(config)
    except Exception:  # a connector without the method: ask its declared scopes
        specs = getattr(connector, "scopes", ())
        requested = (tuple(x.name for x in specs if x.required), tuple(x.name for x in specs if not x.required))
    scopes = scope_rows(requested, (inst.scopes if inst else []) or [], getattr(connector, "scopes", ()))
    rows = s.execute(select(InboxEvent.status, InboxEvent.occurred_at, InboxEvent.received_at,
                            InboxEvent.processed_at, InboxEvent.change_source, InboxEvent.delivery_id)
                     .where(InboxEvent.tenant_id == tenant.id, InboxEvent.received_at >= since)).all()
    quarantined = s.execute(select(func.count()).select_from(QuarantinedEvent).where(
        QuarantinedEvent.crm == tenant.crm, QuarantinedEvent.account_hint == tenant.external_id,
        QuarantinedEvent.received_at >= since)).scalar_one()
    states: dict[str, int] = {str(state): int(n) for state, n in s.execute(
        select(RecordJob.state, func.count()).where(RecordJob.tenant_id == tenant.id).group_by(RecordJob.state)).all()}
    queue = {"scheduled": states.get("scheduled", 0), "running": states.get("running", 0),
             "inbox_pending": sum(1 for r in rows if r[0] == "pending")}
    # The wave-31 walk: a Salesforce org's page showed "100 / 100 calls left in this 10 s window (search: 5 / 5 per
    # 1 s)", HubSpot's limits, from a limiter key no Salesforce call ever takes from.
    paced = bool(getattr(connector, "paced_calls", True))
    words = {"crm": str(getattr(connector, "label", "") or "the CRM"),
             "account": str(getattr(connector, "account_word", "") or "account")}
    return Health(tenant=tenant, installation=inst, token=token_state(inst, now, **words), scopes=scopes,
                  deliveries=delivery_summary([tuple(r) for r in rows], int(quarantined)), queue=queue,
                  headroom=headroom(limiter, f"{tenant.crm}:{tenant.external_id}") if paced else None,
                  errors=last_errors(s, tenant, since, crm_label=words["crm"]), syncs=sync_runs(s, tenant.id),
                  unpaced=None if paced else (
                      f"{words['crm']} sets no per-second window that the app paces its calls by: its limit is the "
                      f"{words['account']}'s daily API allocation, beside."))


def headroom(limiter: Any, key: str) -> dict[str, Any] | None:
    """The shared limiter's budget left for this installation (None when it cannot say)."""
    if limiter is None or not hasattr(limiter, "headroom"):
        return None
    try:
        return dict(limiter.headroom(key))
    except Exception:  # Redis down: the page still renders, without this figure
        return None


def last_errors(s: Session, tenant: Tenant, since: datetime, *, crm_label: str = "the CRM") -> list[dict[str, Any]]:
    """The latest failures: failed inbox rows, quarantined events, failed syncs (newest first)."""
    n = defaults.CONSOLE_LAST_ERRORS
    out: list[dict[str, Any]] = []
    for at, record_id, error in s.execute(
            select(InboxEvent.processed_at, InboxEvent.record_id, InboxEvent.error)
            .where(InboxEvent.tenant_id == tenant.id, InboxEvent.status == "failed")
            .order_by(InboxEvent.id.desc()).limit(n)).all():
        out.append({"at": at, "what": f"record {record_id}", "error": (error or "failed")[:300]})
    for at, reason in s.execute(
            select(QuarantinedEvent.received_at, QuarantinedEvent.reason)
            .where(QuarantinedEvent.crm == tenant.crm, QuarantinedEvent.account_hint == tenant.external_id)
            .order_by(QuarantinedEvent.id.desc()).limit(n)).all():
        out.append({"at": at, "what": "webhook event quarantined", "error": reason[:300]})
    for at, event, detail in s.execute(
            select(AuditLog.at, AuditLog.event, AuditLog.detail)
            .where(AuditLog.tenant_id == tenant.id, AuditLog.event.like("%failed%"))
            .order_by(AuditLog.id.desc()).limit(n)).all():
        detail = detail or {}
        said = detail.get("message") or _not_answering(event, detail, crm_label) or detail.get("error") or detail
        out.append({"at": at, "what": event, "error": str(said)[:300]})
    out.sort(key=lambda e: e["at"] or since, reverse=True)
    return out[:n]


def _not_answering(event: str, detail: dict[str, Any], crm_label: str) -> str | None:
    """A worker's failure that found nothing answering, in words (its technical text stays in the audit trail)."""
    from app.admin.crm_trouble import said_unreachable

    if event == "console.sync_failed" or not said_unreachable(event, detail):
        return None
    text = str(detail.get("error") or "").lower()
    how = "timed out" if "timed out" in text or "timeout" in text else "nothing answered"
    unsearched = detail.get("unsearched")
    what = f" to the search of {', '.join(map(str, unsearched))}" if isinstance(unsearched, list) and unsearched else ""
    return f"{crm_label} did not answer{what} ({how}); it is tried again."


SYNC_EVENTS = ("backfill.started", "backfill.progress", "backfill.completed", "backfill.failed",
               "reconcile.started", "reconcile.completed", "reconcile.failed")


def sync_runs(s: Session, tenant_id: str, limit: int = 5) -> list[dict[str, Any]]:
    """The latest backfills and re-syncs from the audit trail, newest first."""
    rows = s.execute(select(AuditLog.at, AuditLog.event, AuditLog.detail)
                     .where(AuditLog.tenant_id == tenant_id, AuditLog.event.in_(SYNC_EVENTS))
                     .order_by(AuditLog.id.desc()).limit(200)).all()
    return [{"at": at, "event": event, "detail": detail or {}} for at, event, detail in rows][:limit]
