"""A faithful offline Salesforce org over HTTPS, backed by the simulated market.

    >>> from integrations.sandbox.salesforce_api import run_salesforce_sandbox
    >>> with run_salesforce_sandbox(seed=7) as sf:          # doctest: +SKIP
    ...     tok = sf.token()                                 # or the OAuth web-server flow
    ...     sf.ui_change("Opportunity", opp_id, {"StageName": "Negotiation/Review"})

See integrations/sandbox/README.md ("Salesforce surface").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from integrations.lazy_names import lazy_names

if TYPE_CHECKING:
    from .app import create_sandbox_app
    from .config import SfSandboxConfig
    from .handle import SalesforceSandboxHandle, run_salesforce_sandbox
    from .state import Sandbox

__all__ = ["Sandbox", "SalesforceSandboxHandle", "SfSandboxConfig", "create_sandbox_app", "run_salesforce_sandbox"]

_HOMES = {"create_sandbox_app": ".app", "SfSandboxConfig": ".config", "SalesforceSandboxHandle": ".handle",
          "run_salesforce_sandbox": ".handle", "Sandbox": ".state"}
"""Where each name lives, imported on first use (PEP 562): `agentic-sales` adds this sandbox's commands
(salesforce_api/cli.py) at every start, and the org's server and its certificates waited for `serve-salesforce`."""


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
