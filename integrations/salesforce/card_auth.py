"""Card requests from the package's Apex controller, verified like the callouts.

The LWC calls `AgenticSalesCardController` (Apex), which calls our card API through the Named
Credential with:

    X-Agentic-Org-Id:    the org id (UserInfo.getOrganizationId())
    X-Agentic-Timestamp: epoch seconds
    X-Agentic-Signature: "sha256=" + hex(HMAC-SHA256(secret, ts + "\\n" + METHOD + "\\n" + path?query + "\\n" + body))

where secret is the per-installation webhook secret. Method and path are signed so that a
captured signature cannot be replayed against another record or verb within the 5 minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from integrations.salesforce.webhook_secret import installation_secret

ORG_HEADER = "X-Agentic-Org-Id"
TIMESTAMP_HEADER = "X-Agentic-Timestamp"
SIGNATURE_HEADER = "X-Agentic-Signature"
_TIMESTAMP = re.compile(r"[0-9]{1,16}")
"""Epoch seconds in ASCII digits (webhooks/timestamps.py's rule; integrations/ does not import the web layer)."""

TOLERANCE_SECONDS = 300.0
"""Seconds a card request's timestamp may differ from our clock."""


def sign_card(*, secret: str, timestamp: str, method: str, path_qs: str, body: bytes) -> str:
    msg = f"{timestamp}\n{method.upper()}\n{path_qs}\n".encode() + body
    return "sha256=" + hmac.new(secret.encode(), msg, hashlib.sha256).hexdigest()


def verify_card(*, headers: Mapping[str, str], method: str, url: str, body: bytes, app_key: str,
                now: Callable[[], float] = time.time, tolerance: float = TOLERANCE_SECONDS) -> str:
    """Return the org id a card request is signed for; raise PermissionError(reason)."""
    org_id = headers.get(ORG_HEADER) or ""
    sig = headers.get(SIGNATURE_HEADER) or ""
    raw_ts = headers.get(TIMESTAMP_HEADER) or ""
    if not org_id or not sig or not raw_ts:
        raise PermissionError("missing Salesforce card signature headers")
    if not _TIMESTAMP.fullmatch(raw_ts):  # int() of 4,300 digits overflowed the age check below: a 500
        raise PermissionError("malformed card timestamp")
    ts = int(raw_ts)
    if abs(now() - ts) > tolerance:
        raise PermissionError("stale card request")
    parts = urlsplit(url)
    path_qs = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        secret = installation_secret(app_key, org_id)
    except ValueError as exc:
        raise PermissionError(str(exc)) from None
    expected = sign_card(secret=secret, timestamp=raw_ts, method=method, path_qs=path_qs, body=body)
    if not hmac.compare_digest(expected.encode(), sig.encode()):
        raise PermissionError("card signature mismatch")
    return org_id


def request_parts(request: Any) -> tuple[Mapping[str, str], str, str, bytes]:
    return request.headers, request.method, request.url, request.get_data()
