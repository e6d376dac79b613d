"""Outbound Messages (SOAP) and signed JSON callouts, sent on every record change.

Outbound Messages follow Salesforce's rules: ≤100 notifications per SOAP message, each with its
own notification id, the fields the admin chose, an empty SessionId (removed in 2026); a message
counts as delivered only when the answer is HTTP 200 with the exact `<Ack>true</Ack>` response;
otherwise it is retried with growing delays (× `retry_scale`) until it is `om_max_age` old, then
dropped. Changes that touch only the app's output fields do not fire (the packaged Flow's entry
condition). Callouts are what the package's Apex (a change-event trigger and a queueable) posts:
JSON with `changeOrigin`, signed `X-Agentic-Signature: sha256=hex(HMAC(secret, ts + "." + body))`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import requests

from . import schema
from .org import Change, Org, make_id
from .state import OrgState, Sandbox

log = logging.getLogger(__name__)

OUTPUT_API_NAMES = {api for api, *_ in schema.OUTPUT_FIELDS.values()}
SYSTEM_FIELDS = {"LastModifiedDate", "SystemModstamp", "LastModifiedById"}
NOTIFY_OBJECTS = ("Opportunity", "Account", "Contact", "Lead")
"""Objects an admin may add Outbound Messages for (the package ships Opportunity's; `om_fields` says which)."""
RETRY_DELAYS = (15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1200.0, 2400.0, 4800.0, 7200.0)
"""Seconds between Outbound Message attempts (exponential, at most 2 h), before `retry_scale`."""
TIMEOUT = 60.0
"""Seconds Salesforce waits for a listener."""


def is_ack(status: int, body: bytes) -> bool:
    """Whether a listener's answer acknowledges the message (HTTP 200 + notificationsResponse/Ack true)."""
    if status != 200:
        return False
    text = body.decode("utf-8", "replace")
    return ("<Ack>true</Ack>" in text and "notificationsResponse" in text
            and "http://soap.sforce.com/2005/09/outbound" in text)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def _xml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return escape(str(v))


def envelope(org: Org, action_id: str, notes: list[tuple[str, str, dict[str, Any]]], base: str) -> bytes:
    """A SOAP Outbound Message with (notification id, sObject type, fields) notifications."""
    parts = []
    for nid, sobject, values in notes:
        fields = "".join(f"<sf:{k}>{_xml_value(v)}</sf:{k}>" if v is not None else f'<sf:{k} xsi:nil="true"/>'
                         for k, v in values.items())
        parts.append(f'<Notification><Id>{nid}</Id><sObject xsi:type="sf:{sobject}" '
                     f'xmlns:sf="urn:sobject.enterprise.soap.sforce.com">{fields}</sObject></Notification>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound">'
        f'<OrganizationId>{org.org_id}</OrganizationId><ActionId>{action_id}</ActionId>'
        '<SessionId xsi:nil="true"/>'
        f'<EnterpriseUrl>{base}/services/Soap/c/66.0/{org.org_id[:15]}</EnterpriseUrl>'
        f'<PartnerUrl>{base}/services/Soap/u/66.0/{org.org_id[:15]}</PartnerUrl>'
        + "".join(parts) + "</notifications></soapenv:Body></soapenv:Envelope>"
    ).encode()


@dataclass
class Pending:
    org_id: str
    kind: str  # om | callout
    items: list[Any]
    first_at: float = field(default_factory=time.time)
    attempts: int = 0
    due: float = field(default_factory=time.time)


class Sender:
    """Collects changes per org and delivers them from one background thread."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sb = sandbox
        self.base_url = "https://127.0.0.1"
        self.q: queue.Queue[tuple[str, Change]] = queue.Queue()
        self.retry: list[Pending] = []
        self.log: list[dict[str, Any]] = []
        self.busy = 0
        self.lock = threading.Lock()
        self.stop_event = threading.Event()
        self.http = requests.Session()
        self._nseq = 0
        for oid, st in sandbox.orgs.items():
            st.org.listeners.append(self._listener(oid))
        self.thread = threading.Thread(target=self.run, name="salesforce-sandbox-sender", daemon=True)
        self.thread.start()

    def _listener(self, org_id: str) -> Callable[[Change], None]:
        return lambda ch: self.q.put((org_id, ch))

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=5)

    def idle(self) -> bool:
        with self.lock:
            return self.q.empty() and not self.retry and self.busy == 0

    def flush(self, timeout: float) -> bool:
        end = time.time() + timeout
        while time.time() < end:
            if self.idle():
                return True
            time.sleep(0.02)
        return self.idle()

    def run(self) -> None:
        while not self.stop_event.is_set():
            batch: list[tuple[str, Change]] = []
            try:
                batch.append(self.q.get(timeout=0.05))
                with self.lock:
                    self.busy += 1
                while len(batch) < 1000:
                    batch.append(self.q.get_nowait())
            except queue.Empty:
                pass
            try:
                if batch:
                    self._collect(batch)
                self._send_due()
            except Exception:  # the sender must survive a bug in one delivery
                log.exception("salesforce sandbox sender failed")
            finally:
                if batch:
                    with self.lock:
                        self.busy -= 1

    def _collect(self, batch: list[tuple[str, Change]]) -> None:
        per_org: dict[str, list[Change]] = {}
        for oid, ch in batch:
            if ch.sobject in NOTIFY_OBJECTS:
                per_org.setdefault(oid, []).append(ch)
        for oid, changes in per_org.items():
            st = self.sb.orgs[oid]
            if st.outbound_url:
                notes = []
                for ch in changes:
                    if ch.kind == "updated" and set(ch.changed) <= OUTPUT_API_NAMES | SYSTEM_FIELDS:
                        continue  # the Flow's entry condition: only changes to fields the app reads
                    rec = st.org.records[ch.sobject].get(ch.id) or {}
                    self._nseq += 1
                    nid = make_id("04l", "0W", self._nseq)
                    fields = self.sb.config.om_fields.get(ch.sobject, ("Id",))
                    notes.append((nid, ch.sobject, {f: rec.get(f) for f in fields}))
                size = self.sb.config.max_notifications
                with self.lock:
                    for i in range(0, len(notes), size):
                        self.retry.append(Pending(oid, "om", notes[i:i + size]))
            if st.callout_url and st.callout_secret:
                events = [{"eventId": str(uuid.uuid4()), "sobjectType": ch.sobject, "recordId": ch.id,
                           "changeType": {"created": "CREATE", "updated": "UPDATE", "deleted": "DELETE"}[ch.kind],
                           "changedFields": list(ch.changed),
                           "changeOrigin": f"com/salesforce/api/rest/66.0;{ch.origin}" if ch.origin else "",
                           "commitTimestamp": int(ch.at.timestamp() * 1000)}
                          for ch in changes if ch.sobject in self.sb.config.callout_objects]
                with self.lock:
                    for i in range(0, len(events), 100):
                        self.retry.append(Pending(oid, "callout", events[i:i + 100]))

    def _send_due(self) -> None:
        now = time.time()
        with self.lock:
            due = [p for p in self.retry if p.due <= now]
            self.retry = [p for p in self.retry if p.due > now]
            self.busy += len(due)
        try:
            for p in due:
                st = self.sb.orgs[p.org_id]
                ok = self._deliver(st, p)
                if ok:
                    continue
                p.attempts += 1
                delay = RETRY_DELAYS[min(p.attempts - 1, len(RETRY_DELAYS) - 1)] * self.sb.config.retry_scale
                if now + delay - p.first_at > self.sb.config.om_max_age:
                    with self.sb.lock:
                        self.sb.stats.om_dropped += len(p.items)
                    continue
                p.due = now + delay
                with self.lock:
                    self.retry.append(p)
        finally:
            with self.lock:
                self.busy -= len(due)

    def _deliver(self, st: OrgState, p: Pending) -> bool:
        s = self.sb
        if p.kind == "om":
            body = envelope(st.org, "04k5g000000ABCDAA1", p.items, self.base_url)
            headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""',
                       "User-Agent": "Salesforce OutboundMessage"}
            url = st.outbound_url or ""
            with s.lock:
                s.stats.om_attempts += 1
                s.stats.om_messages += p.attempts == 0
        else:
            body = json.dumps({"organizationId": st.org.org_id, "events": p.items}, separators=(",", ":")).encode()
            ts = str(int(time.time()))
            headers = {"Content-Type": "application/json", "X-Agentic-Timestamp": ts,
                       "X-Agentic-Signature": sign(st.callout_secret or "", ts, body),
                       "X-Agentic-Org-Id": st.org.org_id}
            url = st.callout_url or ""
            with s.lock:
                s.stats.callout_attempts += 1
                s.stats.callouts += p.attempts == 0
        copies = 2 if (p.kind == "om" and s.faults.duplicate_rate and s.rng.random() < s.faults.duplicate_rate) else 1
        ok = False
        for _ in range(copies):
            try:
                r = self.http.post(url, data=body, headers=headers, timeout=TIMEOUT)
                status, content = r.status_code, r.content
            except requests.RequestException as exc:
                status, content = 0, str(exc).encode()
            ok = is_ack(status, content) if p.kind == "om" else 200 <= status < 300
            with self.lock:
                self.log.append({"kind": p.kind, "org": st.org.org_id, "status": status, "ok": ok,
                                 "attempt": p.attempts, "items": len(p.items)})
        with s.lock:
            if p.kind == "om" and ok:
                s.stats.om_acked += 1
            elif p.kind == "om" and status == 200:
                s.stats.om_bad_acks += 1
        return ok
