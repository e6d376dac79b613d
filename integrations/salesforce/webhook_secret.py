"""Per-installation webhook secrets, derived rather than stored.

secret = hex(HMAC-SHA256(app key, "salesforce-webhook:v1:" + org id))[:40]. The admin puts it in
the Outbound Message endpoint URL and in the Named Credential our Apex signs callouts with; the
receiver re-derives it from the org id, so no table is read before the request is verified and
rotating the app key rotates every installation's secret.
"""

from __future__ import annotations

import hashlib
import hmac

CONTEXT = "salesforce-webhook:v1:"


def installation_secret(app_key: str, org_id: str) -> str:
    if not app_key:
        raise ValueError("no webhook key configured (AGENTIC_SALES_SECRET_KEY)")
    return hmac.new(app_key.encode(), (CONTEXT + org_id).encode(), hashlib.sha256).hexdigest()[:40]
