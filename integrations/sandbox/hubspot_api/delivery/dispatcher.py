"""Turn store changes into HubSpot webhook events and deliver them like HubSpot does.

A background thread gathers events per portal into batches of at most 100, POSTs them signed
(v1 + v3) with at most `maxConcurrentRequests` in flight per portal, and retries a failed
batch (non-2xx, timeout, connection error) on HubSpot's schedule — ten retries over about a
day, scaled down by `retry_scale` in tests — incrementing `attemptNumber`. Faults can drop,
duplicate or reorder deliveries. Every attempt is logged for the control API.
"""

from __future__ import annotations

import heapq
import itertools
import json
import random
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from ..config import SandboxConfig
from ..limits import Faults
from ..schema import OBJECT_TYPE_IDS, SINGULAR, UNSUBSCRIBABLE
from ..store import Change, Portal
from . import signing
from .subscriptions import Subscriptions

LOG_LIMIT = 20_000


class WebhookDispatcher:
    """Queue, batch, sign, send and retry webhook events for every portal of one sandbox."""

    def __init__(self, config: SandboxConfig, faults: Faults) -> None:
        self.config = config
        self.faults = faults
        self.subs = Subscriptions.load(config.manifest_path, public_url=config.public_url,
                                       target_url=config.webhook_url)
        self.max_concurrent = config.max_concurrent_requests or self.subs.max_concurrent
        self.rng = random.Random(config.seed)
        self.event_ids = itertools.count(3_816_279_340 + config.seed * 1000)
        self.batch_ids = itertools.count(1)
        self.cond = threading.Condition()
        self.pending: dict[int, list[dict[str, Any]]] = {}
        self.retries: list[tuple[float, int, int, list[dict[str, Any]]]] = []  # (due, seq, hub, events)
        self.inflight: dict[int, int] = {}
        self.log: deque[dict[str, Any]] = deque(maxlen=LOG_LIMIT)
        self.stats = {"events_queued": 0, "events_dropped": 0, "batches": 0, "attempts": 0, "delivered": 0,
                      "failed_attempts": 0, "retries": 0, "gave_up": 0, "duplicates_sent": 0, "events_delivered": 0}
        self.pool = ThreadPoolExecutor(max_workers=max(4, self.max_concurrent * 2), thread_name_prefix="hs-webhook")
        self.local = threading.local()  # one requests.Session per sender thread
        self._stop = False
        self.thread = threading.Thread(target=self._run, name="hs-webhook-sender", daemon=True)
        self.thread.start()

    # --- events -------------------------------------------------------------------------
    def set_target(self, url: str | None) -> None:
        """Point deliveries at a new URL (HubSpot caches settings for minutes; we do not)."""
        self.subs.target_url = url

    def on_change(self, portal: Portal, change: Change) -> None:
        """Store listener: turn a change into zero or more events and queue them."""
        events = self._events(portal, change)
        if not events:
            return
        with self.cond:
            if not self.faults.webhooks_enabled or not self.subs.target_url:
                self.stats["events_dropped"] += len(events)
                return
            self.pending.setdefault(portal.hub_id, []).extend(events)
            self.stats["events_queued"] += len(events)
            self.cond.notify_all()

    def _events(self, portal: Portal, c: Change) -> list[dict[str, Any]]:
        obj = SINGULAR.get(c.object_type, c.object_type)
        sub = None
        extra: dict[str, Any] = {}
        if c.kind == "propertyChange":
            if c.property_name in UNSUBSCRIBABLE:
                return []
            sub = self.subs.match(obj, "propertyChange", c.property_name)
            if sub is None and self.faults.deliver_unsubscribed:
                sub = self.subs.any_for(obj, "propertyChange")
            extra = {"propertyName": c.property_name, "propertyValue": c.property_value or ""}
        elif c.kind == "associationChange":
            sub = self.subs.match(obj, "associationChange")
            a = c.association or {}
            extra = {"associationType": f"{obj}_to_{SINGULAR[a['to_type']]}".upper(), "fromObjectId": int(c.object_id),
                     "toObjectId": int(a["to_id"]), "associationRemoved": a["removed"],
                     "isPrimaryAssociation": a["primary"]}
        else:
            sub = self.subs.match(obj, c.kind)
            extra = dict(c.extra or {})
            if c.kind in ("creation", "deletion"):
                extra = {"changeFlag": "NEW" if c.kind == "creation" else "DELETED"}
        if sub is None:
            return []
        event: dict[str, Any] = {
            "eventId": next(self.event_ids), "subscriptionId": sub.id, "portalId": portal.hub_id,
            "appId": self.config.app_id, "occurredAt": int(c.occurred_at.timestamp() * 1000),
            "subscriptionType": sub.subscription_type, "attemptNumber": 0, "objectId": int(c.object_id),
            **extra, "changeSource": c.source,
        }
        if c.source_id:
            event["sourceId"] = c.source_id
        if sub.subscription_type.startswith("object."):
            event["objectTypeId"] = OBJECT_TYPE_IDS[c.object_type]
        return [event]

    # --- sending ------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self.cond:
                if self._stop:
                    return
                self.cond.wait(timeout=self.config.webhook_batch_window)
                if self._stop:
                    return
            time.sleep(self.config.webhook_batch_window if self.pending else 0)
            try:
                self._dispatch()
            except RuntimeError:  # the pool was shut down under us: we are stopping
                return

    def _dispatch(self) -> None:
        now = time.monotonic()
        jobs: list[tuple[int, list[dict[str, Any]]]] = []
        with self.cond:
            while self.retries and self.retries[0][0] <= now and self.inflight.get(self.retries[0][2], 0) < self.max_concurrent:
                _, _, hub, events = heapq.heappop(self.retries)
                self.inflight[hub] = self.inflight.get(hub, 0) + 1
                jobs.append((hub, events))
            for hub, events in list(self.pending.items()):
                while events and self.inflight.get(hub, 0) < self.max_concurrent:
                    size = self.config.webhook_batch_size
                    batch, events[:] = events[:size], events[size:]
                    if self.faults.reorder:
                        self.rng.shuffle(batch)
                    self.inflight[hub] = self.inflight.get(hub, 0) + 1
                    self.stats["batches"] += 1
                    jobs.append((hub, batch))
                if not events:
                    self.pending.pop(hub, None)
        if self.faults.reorder and len(jobs) > 1:
            self.rng.shuffle(jobs)
        for hub, batch in jobs:
            self.pool.submit(self._deliver, hub, batch)

    def _deliver(self, hub: int, events: list[dict[str, Any]]) -> None:
        try:
            if self.faults.webhook_latency_ms:
                time.sleep(self.faults.webhook_latency_ms / 1000.0)
            if self.faults.reorder:
                time.sleep(self.rng.random() * 0.05)
            ok = self._post(hub, events, duplicate=False)
            if ok and self.faults.duplicate_rate and self.rng.random() < self.faults.duplicate_rate:
                self._post(hub, events, duplicate=True)
            if not ok:
                self._schedule_retry(hub, events)
        finally:
            with self.cond:
                self.inflight[hub] -= 1
                self.cond.notify_all()

    def _post(self, hub: int, events: list[dict[str, Any]], *, duplicate: bool) -> bool:
        url = self.subs.target_url
        body = json.dumps(events, separators=(",", ":")).encode()
        ts = str(int(time.time() * 1000))
        status, error = None, None
        started = time.monotonic()
        try:
            session = getattr(self.local, "session", None)
            if session is None:
                session = self.local.session = requests.Session()
            resp = session.post(url, data=body, timeout=self.config.webhook_timeout, allow_redirects=False,
                                     headers=signing.headers(self.config.client_secret, url, body, ts,
                                                             self.config.webhook_timeout))
            status = resp.status_code
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {exc}"[:300]
        ok = status is not None and 200 <= status < 300
        with self.cond:
            self.stats["attempts"] += 1
            self.stats["duplicates_sent"] += int(duplicate)
            if ok and not duplicate:
                self.stats["delivered"] += 1
                self.stats["events_delivered"] += len(events)
            elif not ok:
                self.stats["failed_attempts"] += 1
            self.log.append({"portalId": hub, "url": url, "status": status, "error": error, "ok": ok,
                             "attemptNumber": events[0]["attemptNumber"], "events": len(events),
                             "eventIds": [e["eventId"] for e in events], "duplicate": duplicate,
                             "timestamp": int(ts), "elapsed_ms": round((time.monotonic() - started) * 1000, 1)})
        return ok

    def _schedule_retry(self, hub: int, events: list[dict[str, Any]]) -> None:
        attempt = events[0]["attemptNumber"] + 1
        with self.cond:
            if attempt >= self.config.webhook_max_attempts:
                self.stats["gave_up"] += 1
                return
            sched = self.config.retry_schedule
            delay = sched[min(attempt - 1, len(sched) - 1)] * self.config.retry_scale
            delay *= 1 + self.rng.uniform(0, 0.2)  # HubSpot adds jitter per notification
            again = [{**e, "attemptNumber": attempt} for e in events]
            heapq.heappush(self.retries, (time.monotonic() + delay, next(self.batch_ids), hub, again))
            self.stats["retries"] += 1
            self.cond.notify_all()

    # --- control ------------------------------------------------------------------------
    def idle(self) -> bool:
        """True when nothing is pending, in flight or waiting for a retry."""
        with self.cond:
            return not any(self.pending.values()) and not any(self.inflight.values()) and not self.retries

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until idle (or timeout); return whether everything was delivered or given up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.idle():
                return True
            time.sleep(0.02)
        return self.idle()

    def clear(self) -> None:
        """Forget pending events, retries and the log (used on reset)."""
        with self.cond:
            self.pending.clear()
            self.retries.clear()
            self.log.clear()
            for k in self.stats:
                self.stats[k] = 0

    def stop(self) -> None:
        """Stop the sender thread and the worker pool."""
        with self.cond:
            self._stop = True
            self.cond.notify_all()
        self.thread.join(timeout=2)
        self.pool.shutdown(wait=False, cancel_futures=True)
