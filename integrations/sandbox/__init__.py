"""Offline stand-ins for the CRMs: a simulated market and a HubSpot API emulation.

    from integrations.sandbox import run_in_thread
    with run_in_thread(seed=7, webhook_url="http://127.0.0.1:5000/webhooks/hubspot") as sb:
        client = HubSpot(access_token=sb.token()["access_token"], host=sb.url)

Nothing here imports the product's `app/`, `agents/` or `scoring/`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from integrations.lazy_names import lazy_names

if TYPE_CHECKING:
    from ._thread import SandboxHandle, run_in_thread
    from .hubspot_api import SandboxConfig, create_sandbox_app
    from .hubspot_api.state import EXTENSION

__all__ = ["EXTENSION", "SandboxConfig", "SandboxHandle", "create_sandbox_app", "run_in_thread"]

_HOMES = {"SandboxHandle": "._thread", "run_in_thread": "._thread", "SandboxConfig": ".hubspot_api",
          "create_sandbox_app": ".hubspot_api", "EXTENSION": ".hubspot_api.state"}
"""Where each name lives, imported on first use (PEP 562): `agentic-sales` registers the sandbox commands of
`integrations.sandbox.commands` at every start, and the HubSpot emulation and its market (NumPy) waited for a command
that serves one."""


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
