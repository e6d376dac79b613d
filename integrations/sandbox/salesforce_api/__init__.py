"""A faithful offline Salesforce org over HTTPS, backed by the simulated market.

    >>> from integrations.sandbox.salesforce_api import run_salesforce_sandbox
    >>> with run_salesforce_sandbox(seed=7) as sf:          # doctest: +SKIP
    ...     tok = sf.token()                                 # or the OAuth web-server flow
    ...     sf.ui_change("Opportunity", opp_id, {"StageName": "Negotiation/Review"})

See integrations/sandbox/README.md ("Salesforce surface").
"""

from .app import create_sandbox_app
from .config import SfSandboxConfig
from .handle import SalesforceSandboxHandle, run_salesforce_sandbox
from .state import Sandbox

__all__ = ["Sandbox", "SalesforceSandboxHandle", "SfSandboxConfig", "create_sandbox_app", "run_salesforce_sandbox"]
