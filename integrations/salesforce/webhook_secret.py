"""Per-installation webhook secrets, derived rather than stored.

secret = hex(HMAC-SHA256(app key, "salesforce-webhook:v1:" + org id))[:40]: the key the package's
Apex signs callouts and card requests with (the app puts it into the package's protected setting
at install). The Outbound Message URL carries a different token, hex(HMAC-SHA256(app key,
"salesforce-outbound:v1:" + org id))[:40]: a URL is readable by admins with View Setup and by
proxies' logs, so what it carries must not sign anything else. The receiver re-derives both from
the org id, so no table is read before the request is verified and rotating the app key rotates
every installation's secrets.
"""

from __future__ import annotations

import hashlib
import hmac

CONTEXT = "salesforce-webhook:v1:"
OUTBOUND_CONTEXT = "salesforce-outbound:v1:"


def installation_secret(app_key: str, org_id: str) -> str:
    if not app_key:
        raise ValueError("no webhook key configured (AGENTIC_SALES_SECRET_KEY)")
    return hmac.new(app_key.encode(), (CONTEXT + org_id).encode(), hashlib.sha256).hexdigest()[:40]


def outbound_token(app_key: str, org_id: str) -> str:
    """The token in the org's Outbound Message endpoint URL (it signs nothing)."""
    if not app_key:
        raise ValueError("no webhook key configured (AGENTIC_SALES_SECRET_KEY)")
    return hmac.new(app_key.encode(), (OUTBOUND_CONTEXT + org_id).encode(), hashlib.sha256).hexdigest()[:40]
