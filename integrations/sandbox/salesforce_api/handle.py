"""Run the Salesforce sandbox over HTTPS in a background thread (tests, the demo)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from ..serving import ServedSandbox, serve_in_thread
from . import tls
from .app import create_sandbox_app
from .config import SfSandboxConfig
from .state import EXTENSION, Sandbox


@dataclass
class SalesforceSandboxHandle(ServedSandbox):
    sandbox: Sandbox
    ca_file: Path
    _tmp: Any = None

    @property
    def config(self) -> SfSandboxConfig:
        return self.sandbox.config

    @property
    def org_id(self) -> str:
        return self.sandbox.config.org_ids[0]

    def control(self, method: str, path: str, **json: Any) -> Any:
        resp = requests.request(method, f"{self.url}/_sandbox/{path.lstrip('/')}", json=json or None, timeout=60,
                                verify=str(self.ca_file))
        resp.raise_for_status()
        return resp.json()

    def token(self, org_id: str | None = None, ttl: float | None = -1.0) -> dict[str, Any]:
        return self.control("POST", "tokens", orgId=org_id or self.org_id, ttl=ttl)

    def faults(self, **flags: Any) -> dict[str, Any]:
        return self.control("POST", "faults", **flags)

    def stats(self) -> dict[str, Any]:
        return self.control("GET", "stats")

    def endpoints(self, org_id: str | None = None, **urls: Any) -> dict[str, Any]:
        return self.control("POST", f"orgs/{org_id or self.org_id}/endpoints", **urls)

    def add_custom_field(self, sobject: str, name: str, type_: str = "string", *, label: str | None = None,
                         picklist: tuple[str, ...] = (), org_id: str | None = None) -> dict[str, Any]:
        """Add a custom field to the org (Setup › Object Manager): what an admin maps a feature to."""
        return dict(self.control("POST", f"orgs/{org_id or self.org_id}/fields", sobject=sobject, name=name,
                                 type=type_, label=label, picklist=list(picklist)))

    def ui_change(self, sobject: str, rid: str | None, fields: dict[str, Any], org_id: str | None = None) -> Any:
        return self.control("POST", "ui-change", sobject=sobject, id=rid, fields=fields, orgId=org_id or self.org_id)

    def rep_changes(self, count: int, seed: int = 0, org_id: str | None = None) -> list[str]:
        return self.control("POST", "rep-changes", count=count, seed=seed, orgId=org_id or self.org_id)["ids"]

    def advance(self, days: int = 1, org_id: str | None = None) -> dict[str, Any]:
        return self.control("POST", "advance", days=days, orgId=org_id or self.org_id)

    def convert_lead(self, lead_id: str, *, opportunity: bool = True, org_id: str | None = None) -> dict[str, Any]:
        """Convert a lead (convertLead): its Converted{Account,Contact,Opportunity}Id."""
        return self.control("POST", f"leads/{lead_id}/convert", opportunity=opportunity, orgId=org_id or self.org_id)

    def close_lead(self, lead_id: str, *, status: str | None = None, org_id: str | None = None) -> dict[str, Any]:
        """Close a lead unconverted (a closing Status), as a rep does."""
        return self.control("POST", f"leads/{lead_id}/close", orgId=org_id or self.org_id,
                            **({"status": status} if status else {}))

    def store(self, sobject: str, rid: str | None = None, org_id: str | None = None) -> Any:
        q = f"?orgId={org_id or self.org_id}"
        if rid is None:
            return self.control("GET", f"store/{sobject}{q}")["results"]
        return self.control("GET", f"store/{sobject}/{rid}{q}")

    def expire_sessions(self, org_id: str | None = None) -> int:
        return int(self.control("POST", "sessions/expire", **({"orgId": org_id} if org_id else {}))["expired"])

    def flush(self, timeout: float = 10.0) -> bool:
        return bool(self.control("POST", "outbound/flush", timeout=timeout)["idle"])

    def stop(self) -> None:
        """Shut the server down and delete the generated certificates."""
        super().stop()
        if self._tmp is not None:
            self._tmp.cleanup()


def run_salesforce_sandbox(config: SfSandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                           cert_dir: Path | None = None, **overrides: Any) -> SalesforceSandboxHandle:
    """Start the sandbox on HTTPS with a freshly generated CA; `.ca_file` is what clients trust."""
    tmp = None
    if cert_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="sf-sandbox-")
        cert_dir = Path(tmp.name)
    certs = tls.generate(cert_dir, (host, "localhost") if host != "localhost" else (host,))
    app = create_sandbox_app(config, **overrides)
    server, thread = serve_in_thread(app, host=host, port=port, name="salesforce-sandbox",
                                     ssl_context=certs.server_context())
    url = f"https://{host}:{server.server_port}"
    sandbox = app.extensions[EXTENSION]
    sandbox.base_url = url
    sandbox.sender.base_url = url
    return SalesforceSandboxHandle(url, sandbox, server, thread, certs.ca_file, tmp)
