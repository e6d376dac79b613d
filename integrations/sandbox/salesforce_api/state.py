"""The sandbox's state: orgs, tokens, limits, faults and request counters."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from ..market import Market, MarketConfig
from .config import SfSandboxConfig
from .org import Org
from .seed import Bridge

EXTENSION = "salesforce_sandbox"
APP_CLIENT_PREFIX = "client="


@dataclass
class Faults:
    """Fault switches (POST /_sandbox/faults)."""

    latency_ms: int = 0
    error_5xx_rate: float = 0.0
    """Share of API requests answered 503 before doing anything."""
    ambiguous_write_rate: float = 0.0
    """Share of writes (POST/PATCH) committed and then answered 502 (the app cannot know)."""
    ambiguous_next: int = 0
    """The next N creates (POST) are committed and then answered 502."""
    limit_storm: int = 0
    """The next N API requests are answered 403 REQUEST_LIMIT_EXCEEDED (daily limit reached)."""
    limit_403_rate: float = 0.0
    """Share of API requests answered 403 REQUEST_LIMIT_EXCEEDED."""
    expire_at_request: int = 0
    """The Nth next API request finds every session of the org timed out (401 INVALID_SESSION_ID)."""
    duplicate_rate: float = 0.0
    """Share of Outbound Messages delivered twice (at-least-once)."""
    token_instance_url: str = ""
    """The token endpoint names this instance_url (a spoofed or tampered token answer: the app
    must send no token there)."""


FAULT_PROFILES: dict[str, dict[str, Any]] = {
    "ambiguous-writes": {"ambiguous_write_rate": 0.25},
    "403-limit": {"limit_403_rate": 0.1},
    "5xx": {"error_5xx_rate": 0.1},
    "latency": {"latency_ms": 50},
    "duplicates": {"duplicate_rate": 0.2},
}
"""Fault names (demo --faults) -> fault switches; rates are per API request. Higher than HubSpot's
because Salesforce batching makes few requests (a 30-deal demo sends about a dozen)."""


@dataclass
class Token:
    org_id: str
    user_id: str
    expires_at: float | None
    refresh: str | None = None
    app: bool = False
    """Issued through OAuth (the app's own requests, counted as `app_requests`)."""


@dataclass
class OrgState:
    org: Org
    bridge: Bridge
    market: Market
    api_used: int = 0
    outbound_url: str | None = None
    callout_url: str | None = None
    callout_secret: str | None = None
    installed: bool = True


@dataclass
class Stats:
    requests: int = 0
    api_requests: int = 0
    app_requests: int = 0
    """API requests made with OAuth-issued tokens (the app), not with control-API tokens (tools)."""
    by_kind: dict[str, int] = field(default_factory=dict)
    limit_exceeded: int = 0
    errors_5xx: int = 0
    ambiguous_writes: int = 0
    invalid_session: int = 0
    token_exchanges: int = 0
    token_refreshes: int = 0
    records_written: int = 0
    tasks_created: int = 0
    converted_lead_refusals: int = 0
    """Updates of a converted Lead refused (CANNOT_UPDATE_CONVERTED_LEAD): the app should make none."""
    om_messages: int = 0
    om_attempts: int = 0
    om_acked: int = 0
    om_dropped: int = 0
    om_bad_acks: int = 0
    callouts: int = 0
    callout_attempts: int = 0


class Sandbox:
    """Everything the Flask app of the sandbox serves, shared between request threads."""

    def __init__(self, config: SfSandboxConfig) -> None:
        import random

        self.config = config
        self.lock = threading.RLock()
        self.faults = Faults()
        self.stats = Stats()
        self.rng = random.Random(config.faults_seed)
        self.tokens: dict[str, Token] = {}
        self.refresh_tokens: dict[str, Token] = {}
        self.codes: dict[str, tuple[str, str, str]] = {}
        self.orgs: dict[str, OrgState] = {}
        self.sender: Any = None
        self.app_requests_mark = 0
        self.cursors: dict[str, tuple[list[dict[str, Any]], float, str]] = {}
        """Query locator -> (rows, expiry, org id): what nextRecordsUrl pages through."""
        self.build()

    def build(self) -> None:
        cfg = self.config
        for i, oid in enumerate(cfg.org_ids):
            market = Market(MarketConfig(seed=cfg.seed + i, n_companies=cfg.n_companies,
                                         n_open_deals=cfg.n_open_deals, n_closed_deals=cfg.n_closed_deals,
                                         locale=cfg.locale, drawn_effects=cfg.drawn_effects))
            org = Org(org_id=oid, name=f"Sandbox Org {i + 1}", pod=f"{i % 10}W",
                      package_deployed=cfg.package_deployed, multi_currency=cfg.multi_currency)
            for sobject, name, type_, picklist in cfg.custom_fields:
                org.add_custom_field(sobject, name, type_, picklist=tuple(picklist))
            bridge = Bridge(org, market, n_leads=cfg.n_leads)
            bridge.seed()
            self.orgs[oid] = OrgState(org, bridge, market, outbound_url=cfg.outbound_url,
                                      callout_url=cfg.callout_url, callout_secret=cfg.callout_secret)

    def org(self, org_id: str) -> OrgState:
        return self.orgs[org_id]

    # --- tokens -----------------------------------------------------------------------------
    def mint(self, org_id: str, *, ttl: float | None = -1.0, app: bool = False) -> dict[str, Any]:
        st = self.orgs[org_id]
        ttl = self.config.session_ttl if ttl == -1.0 else ttl
        access = f"{org_id[:15]}!AQ{secrets.token_urlsafe(48)}"
        refresh = f"5Aep861{secrets.token_urlsafe(60)}"
        with self.lock:
            tok = Token(org_id, st.org.api_user_id, time.time() + ttl if ttl else None, refresh, app)
            self.tokens[access] = tok
            self.refresh_tokens[refresh] = tok
        return self.token_body(access, refresh, org_id)

    def token_body(self, access: str, refresh: str | None, org_id: str) -> dict[str, Any]:
        import base64
        import hashlib
        import hmac

        st = self.orgs[org_id]
        base = getattr(self, "base_url", "https://127.0.0.1")
        ident = f"{base}/id/{org_id}/{st.org.api_user_id}"
        issued = str(int(time.time() * 1000))
        sig = base64.b64encode(hmac.new(self.config.client_secret.encode(), (ident + issued).encode(),
                                        hashlib.sha256).digest()).decode()
        body = {"access_token": access, "instance_url": self.faults.token_instance_url or base, "id": ident, "token_type": "Bearer",
                "issued_at": issued, "signature": sig, "scope": "refresh_token api id"}
        if refresh:
            body["refresh_token"] = refresh
        return body

    def session(self, access: str | None) -> Token | None:
        if not access:
            return None
        tok = self.tokens.get(access)
        if tok is None or not self.orgs[tok.org_id].installed:
            return None
        if tok.expires_at is not None and tok.expires_at < time.time():
            return None
        return tok

    def expire_sessions(self, org_id: str | None = None) -> int:
        """Kill every live session (of one org): the next call answers 401 INVALID_SESSION_ID."""
        with self.lock:
            dead = [a for a, t in self.tokens.items() if org_id is None or t.org_id == org_id]
            for a in dead:
                self.tokens.pop(a, None)
        return len(dead)

    def count(self, kind: str) -> None:
        with self.lock:
            self.stats.by_kind[kind] = self.stats.by_kind.get(kind, 0) + 1

    def stats_dict(self) -> dict[str, Any]:
        with self.lock:
            d = asdict(self.stats)
        d["duplicate_tasks"] = self.duplicate_tasks()
        d["duplicate_notes"] = self.duplicate_notes()
        d["api_usage"] = {oid: {"used": st.api_used, "max": self.config.daily_api_limit}
                          for oid, st in self.orgs.items()}
        return d

    def duplicate_tasks(self) -> int:
        """Open app tasks beyond one per record, over every org."""
        extra = 0
        for st in self.orgs.values():
            per: dict[str, int] = {}
            for t in st.org.records["Task"].values():
                if t.get("AI_Idempotency_Key__c") and not t.get("IsClosed") and not t.get("IsDeleted"):
                    per[str(t.get("WhatId") or t.get("WhoId"))] = per.get(str(t.get("WhatId") or t.get("WhoId")), 0) + 1
            extra += sum(n - 1 for n in per.values() if n > 1)
        return extra

    def duplicate_notes(self) -> int:
        """App notes (completed marker tasks) beyond one per idempotency key, over every org."""
        extra = 0
        for st in self.orgs.values():
            seen: dict[str, int] = {}
            for t in st.org.records["Task"].values():
                key = t.get("AI_Idempotency_Key__c")
                if key and str(t.get("Subject") or "").startswith("[agentic-sales] Note:"):
                    seen[key] = seen.get(key, 0) + 1
            extra += sum(n - 1 for n in seen.values() if n > 1)
        return extra

    def stop(self) -> None:
        if self.sender is not None:
            self.sender.stop()
