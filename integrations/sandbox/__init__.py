"""Offline stand-ins for the CRMs: a simulated market and a HubSpot API emulation.

    from integrations.sandbox import run_in_thread
    with run_in_thread(seed=7, webhook_url="http://127.0.0.1:5000/webhooks/hubspot") as sb:
        client = HubSpot(access_token=sb.token()["access_token"], host=sb.url)

Nothing here imports the product's `app/`, `agents/` or `scoring/`.
"""

from ._thread import SandboxHandle, run_in_thread
from .hubspot_api import SandboxConfig, create_sandbox_app
from .hubspot_api.state import EXTENSION

__all__ = ["EXTENSION", "SandboxConfig", "SandboxHandle", "create_sandbox_app", "run_in_thread"]
