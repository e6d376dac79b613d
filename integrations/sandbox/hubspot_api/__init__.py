"""A faithful offline HubSpot API (Flask) backed by a simulated market.

    app = create_sandbox_app(SandboxConfig(seed=7, webhook_url="http://127.0.0.1:5000/webhooks/hubspot"))

Separate from the product's app: it serves HubSpot's paths (`/crm/v3/...`, `/crm/v4/...`,
`/oauth/...`) and its own control API under `/_sandbox/`.
"""

from ._app import create_sandbox_app
from .config import SandboxConfig
from .state import Sandbox

__all__ = ["Sandbox", "SandboxConfig", "create_sandbox_app"]
