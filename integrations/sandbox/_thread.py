"""Run a sandbox server in a background thread on a free loopback port (tests, the demo)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests

from .hubspot_api import Sandbox, SandboxConfig, create_sandbox_app
from .hubspot_api.state import EXTENSION
from .serving import QuietHandler, ServedSandbox, serve_in_thread

__all__ = ["QuietHandler", "SandboxControl", "SandboxHandle", "run_in_thread"]


class SandboxControl:
    """Helpers over a running sandbox's control API (`/_sandbox/...`), wherever it runs."""

    url: str

    def control(self, method: str, path: str, **json: Any) -> Any:
        """Call the control API (`/_sandbox/<path>`) and return its JSON."""
        resp = requests.request(method, f"{self.url}/_sandbox/{path.lstrip('/')}", json=json or None, timeout=30)
        resp.raise_for_status()
        return resp.json()

    def token(self, portal_id: int | None = None, ttl: int | None = None) -> dict[str, Any]:
        """Mint an OAuth token response for a portal without the authorize redirect."""
        body: dict[str, Any] = {}
        if portal_id is not None:
            body["portalId"] = portal_id
        if ttl is not None:
            body["ttl"] = ttl
        return self.control("POST", "tokens", **body)

    def configure(self, **settings: Any) -> dict[str, Any]:
        """Change limits at runtime: access_token_ttl, rate_limit, rate_window_ms,
        search_per_second, webhook_url (see `/_sandbox/config`)."""
        return self.control("POST", "config", **settings)

    def faults(self, **flags: Any) -> dict[str, Any]:
        """Set fault flags (see `limits.Faults`); returns all flags."""
        return self.control("POST", "faults", **flags)

    def reset_limits(self) -> None:
        """Empty the rate-limit windows and counters."""
        self.control("POST", "limits/reset")

    def fault_profile(self, names: list[str] | str) -> dict[str, Any]:
        """Switch on named fault sets (`ambiguous-writes,429-bursts,5xx`, see limits.FAULT_PROFILES),
        all others off; returns every flag. Raises requests.HTTPError (400) for an unknown name."""
        return self.control("POST", "faults/profile", faults=names)

    def mark(self) -> dict[str, Any]:
        """Start counting the app's requests from now (`counters()["app_requests_since_mark"]`)."""
        return self.control("POST", "counters/mark")

    def counters(self) -> dict[str, Any]:
        """The app's requests (total, since the mark), 429s, 5xx, ambiguous writes, and the
        duplicate app tasks (open ones beyond one per deal) and notes (beyond one per key)."""
        return self.control("GET", "counters")

    def stats(self) -> dict[str, Any]:
        """Requests, 429s and 5xx served, token refreshes/exchanges, webhook counters."""
        return self.control("GET", "stats")

    def advance(self, days: int = 1, portal_id: int | None = None) -> dict[str, Any]:
        """Advance the simulated market; its changes go out as CRM_UI webhooks."""
        return self.control("POST", "advance", days=days, **({"portalId": portal_id} if portal_id else {}))

    def ui_change(self, object_type: str, object_id: str | None, properties: dict[str, Any]) -> dict[str, Any]:
        """Change (or create, with no id) a record as a rep in HubSpot's UI would."""
        body: dict[str, Any] = {"objectType": object_type, "properties": properties}
        if object_id:
            body["id"] = object_id
        return self.control("POST", "ui-change", **body)

    def unsubscribe(self, contact_id: str) -> dict[str, Any]:
        """The contact unsubscribes from all email (HubSpot's read-only `hs_email_optout`)."""
        return self.control("POST", "unsubscribe", contactId=contact_id)

    def store(self, object_type: str, object_id: str | None = None) -> Any:
        """Read the store directly (not through the HubSpot API): one record or all of a type."""
        if object_id is None:
            return self.control("GET", f"store/{object_type}")["results"]
        return self.control("GET", f"store/{object_type}/{object_id}")

    def flush_webhooks(self, timeout: float = 10.0) -> bool:
        """Wait until every queued webhook was delivered (or given up)."""
        return bool(self.control("POST", "webhooks/flush", timeout=timeout)["idle"])

    def truth(self, deal_id: str) -> dict[str, Any]:
        """Return the hidden truth of a deal by its HubSpot id (first portal)."""
        return self.control("GET", f"truth/deals/{deal_id}")


@dataclass
class SandboxHandle(SandboxControl, ServedSandbox):
    """A HubSpot sandbox running in this process: its base URL, its state, and the control API helpers."""

    sandbox: Sandbox

    @property
    def config(self) -> SandboxConfig:
        return self.sandbox.config

    @property
    def hub_id(self) -> int:
        """The first portal's hub id."""
        return self.sandbox.config.hub_ids[0]


def run_in_thread(config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                  quiet: bool = True, **overrides: Any) -> SandboxHandle:
    """Start a sandbox (threaded werkzeug server) and return once it accepts requests.

    Args:
        config: full settings; `overrides` replace single fields (e.g. `seed=3`,
            `webhook_url=...`, `access_token_ttl=5`, `private_app_token="pat-..."`).
        host, port: where to listen; port 0 picks a free port.
        quiet: drop per-request access logs.

    Returns:
        A `SandboxHandle` with `.url` (e.g. `http://127.0.0.1:54321`) and `.stop()`.
    """
    app = create_sandbox_app(config, **overrides)
    server, thread = serve_in_thread(app, host=host, port=port, name="hubspot-sandbox", quiet=quiet)
    url = f"http://{host}:{server.server_port}"
    return SandboxHandle(url, app.extensions[EXTENSION], server, thread)
