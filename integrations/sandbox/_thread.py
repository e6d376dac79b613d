"""Run a sandbox server in a background thread on a free loopback port (tests, the demo)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import requests
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from .hubspot_api import Sandbox, SandboxConfig, create_sandbox_app
from .hubspot_api.state import EXTENSION


class QuietHandler(WSGIRequestHandler):
    """Request handler that does not log each request (tests would drown in access logs)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@dataclass
class SandboxHandle:
    """A running sandbox: its base URL, its state, and small helpers over the control API."""

    url: str
    sandbox: Sandbox
    server: BaseWSGIServer
    thread: threading.Thread

    @property
    def config(self) -> SandboxConfig:
        return self.sandbox.config

    @property
    def hub_id(self) -> int:
        """The first portal's hub id."""
        return self.sandbox.config.hub_ids[0]

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

    def truth(self, deal_id: str) -> dict[str, Any]:
        """Return the hidden truth of a deal by its HubSpot id (first portal)."""
        return self.control("GET", f"truth/deals/{deal_id}")

    def stop(self) -> None:
        """Shut the server and the webhook sender down."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        self.sandbox.stop()

    def __enter__(self) -> SandboxHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


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
    server = make_server(host, port, app, threaded=True, request_handler=QuietHandler if quiet else None)
    thread = threading.Thread(target=server.serve_forever, name="hubspot-sandbox", daemon=True)
    thread.start()
    url = f"http://{host}:{server.server_port}"
    return SandboxHandle(url, app.extensions[EXTENSION], server, thread)
