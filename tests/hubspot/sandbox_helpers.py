"""A thin test wrapper over the HubSpot sandbox: start it, steer it through its control API
(`/_sandbox/...`, over HTTP like any client), and read its store independently of the adapter."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import requests

from integrations.sandbox import SandboxHandle, run_in_thread

PRIVATE_APP_TOKEN = "pat-na1-tests-hubspot"
"""Static token the sandbox accepts for the first portal (a 'rep' editing deals in tests)."""

DEFAULTS = {"access_token_ttl": 1800, "rate_limit": 1000, "rate_window_ms": 10_000, "search_per_second": 5}
"""Between tests: HubSpot's numbers, except a roomier per-portal limit, because every test shares
one portal and installs afresh; the 429 test lowers it on purpose."""


@dataclass
class Sandbox:
    handle: SandboxHandle

    @property
    def url(self) -> str:
        return self.handle.url

    @property
    def hub_id(self) -> int:
        return self.handle.hub_id

    @property
    def client_id(self) -> str:
        return self.handle.config.client_id

    @property
    def client_secret(self) -> str:
        return self.handle.config.client_secret

    def stop(self) -> None:
        self.handle.stop()

    # -- steering --------------------------------------------------------------------------------

    def reset_limits(self) -> None:
        """Back to DEFAULTS, no faults, webhooks on, the token clock on the wall clock."""
        self.handle.sandbox.tokens.clock = time.time
        self.handle.control("POST", "config", **DEFAULTS)
        self.handle.control("POST", "faults", rate_limit_burst=0, fail_next=0, error_5xx_rate=0.0,
                            latency_ms=0.0, webhooks_enabled=True)

    def set_token_ttl(self, seconds: int) -> None:
        self.handle.control("POST", "config", access_token_ttl=seconds)

    def age_tokens(self, seconds: float) -> None:
        """Run the sandbox's token clock `seconds` ahead (in-process sandboxes): its tokens expire as
        if that time had passed, without a test sleeping through it."""
        self.handle.sandbox.tokens.clock = lambda: time.time() + seconds

    def set_rate_limit(self, limit: int, *, window_ms: int) -> None:
        self.handle.control("POST", "config", rate_limit=limit, rate_window_ms=window_ms)

    def burst_429(self, n: int) -> None:
        self.handle.control("POST", "faults", rate_limit_burst=n)

    def fail_next(self, n: int) -> None:
        """The next `n` API calls answer 500."""
        self.handle.control("POST", "faults", fail_next=n)

    def webhooks(self, on: bool) -> None:
        self.handle.control("POST", "faults", webhooks_enabled=on)

    def served_429(self) -> int:
        return int(self.handle.control("GET", "stats")["rate_limited"])

    # -- reading and editing behind the adapter's back ---------------------------------------------

    def deal_ids(self) -> list[str]:
        """Every live deal id in the store, ascending."""
        rows = self.handle.control("GET", "store/deals")["results"]
        return sorted((str(r["id"]) for r in rows if not r.get("archived")), key=int)

    def store_get(self, otype: str, oid: str) -> dict[str, Any]:
        return self.handle.control("GET", f"store/{otype}/{oid}")

    def count_tasks_with_marker(self, deal_id: str, marker: str) -> int:
        """Open tasks associated with the deal whose subject/body carries the marker (store view)."""
        deal = self.store_get("deals", deal_id)
        task_ids = list((deal.get("associations") or {}).get("tasks") or {})
        n = 0
        for tid in task_ids:
            t = self.store_get("tasks", tid)
            p = t["properties"]
            if not t["archived"] and marker in f"{p.get('hs_task_subject') or ''} {p.get('hs_task_body') or ''}":
                n += 1
        return n

    def change_deals_as_rep(self, ids: list[str]) -> None:
        """Rename deals with a private-app token, as a rep's integration would (real HTTP)."""
        for rid in ids:
            r = requests.patch(f"{self.url}/crm/v3/objects/deals/{rid}",
                               json={"properties": {"description": f"edited by a rep {rid}"}},
                               headers={"Authorization": f"Bearer {PRIVATE_APP_TOKEN}"}, timeout=10)
            r.raise_for_status()


def consent(authorize_url: str) -> str:
    """Follow the sandbox's auto-consent page; return the callback URL it redirects to."""
    resp = requests.get(authorize_url, allow_redirects=False, timeout=10)
    assert resp.status_code in (302, 303), resp.text[:300]
    return resp.headers["Location"]


def install(client: Any) -> str:
    """Install the app (a Flask test client) through the sandbox's OAuth; return the tenant id."""
    from urllib.parse import parse_qs, urlparse

    callback = urlparse(consent(client.get("/oauth/hubspot/install").headers["Location"]))
    return str(client.get(callback.path, query_string=parse_qs(callback.query),
                          headers={"Accept": "application/json"}).get_json()["tenant"])


def define_property(sandbox: Sandbox, object_type: str, spec: dict[str, Any]) -> None:
    """Create a custom property as the portal's admin would (private-app token, real HTTP)."""
    r = requests.post(f"{sandbox.url}/crm/v3/properties/{object_type}", json=spec, timeout=10,
                      headers={"Authorization": f"Bearer {PRIVATE_APP_TOKEN}"})
    assert r.status_code in (200, 201), r.text


def start(**overrides: Any) -> Sandbox:
    """Start a seeded sandbox on a free loopback port (webhooks go nowhere unless configured)."""
    cfg = {"seed": 11, "private_app_token": PRIVATE_APP_TOKEN, "webhook_url": "http://127.0.0.1:9/none",
           "rate_limit": DEFAULTS["rate_limit"]}
    cfg.update(overrides)
    return Sandbox(run_in_thread(**cfg))


def app_config(sandbox, **extra):
    """The app settings that point an app at this sandbox's OAuth and API (plus `extra`)."""
    return {"HUBSPOT_CLIENT_ID": sandbox.client_id, "HUBSPOT_CLIENT_SECRET": sandbox.client_secret,
            "HUBSPOT_API_BASE": sandbox.url, "HUBSPOT_AUTHORIZE_URL": sandbox.url + "/oauth/authorize", **extra}
