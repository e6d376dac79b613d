"""Signed JSON callouts from our Apex: HMAC-SHA256 over timestamp + "." + body, 5-minute window.

Pure functions with an injected clock, in the shape of webhooks/hubspot/signature.py:

    X-Agentic-Org-Id:     the org id (picks the per-installation secret)
    X-Agentic-Timestamp:  epoch seconds when the Apex queueable signed the request
    X-Agentic-Signature:  "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body))

The Apex side (manifests/salesforce/.../AgenticSalesCallout.cls) computes the same with
`Crypto.generateMac('HmacSHA256', ...)`.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping

from app import defaults
from webhooks.errors import SignatureVerificationError
from webhooks.timestamps import check_age, parse_timestamp

ORG_HEADER = "X-Agentic-Org-Id"
TIMESTAMP_HEADER = "X-Agentic-Timestamp"
SIGNATURE_HEADER = "X-Agentic-Signature"
SCHEME = "sha256="


def sign(*, secret: str, timestamp: str, body: bytes) -> str:
    """Compute the signature header value (used by verify, the sandbox's tests and fixtures)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return SCHEME + mac


def verify(*, headers: Mapping[str, str], body: bytes, secret: str, now: Callable[[], float] = time.time,
           tolerance: float = defaults.WEBHOOK_TOLERANCE_SECONDS) -> None:
    """Verify a callout; return None or raise SignatureVerificationError(reason)."""
    if not secret:
        raise SignatureVerificationError("no webhook secret for this org")
    signature = headers.get(SIGNATURE_HEADER)
    if not signature:
        raise SignatureVerificationError(f"missing {SIGNATURE_HEADER} header")
    if not signature.startswith(SCHEME):
        raise SignatureVerificationError(f"unsupported signature scheme {signature[:10]!r}")
    raw_ts = headers.get(TIMESTAMP_HEADER)
    ts = parse_timestamp(raw_ts, header=TIMESTAMP_HEADER)
    check_age(ts, now=now, tolerance=tolerance)
    expected = sign(secret=secret, timestamp=str(raw_ts), body=body)
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise SignatureVerificationError("callout signature mismatch")


def check_url_secret(*, given: str, expected: str, legacy: str | None = None) -> bool:
    """Compare the token in an Outbound Message endpoint URL, in constant time; True when it is the
    `legacy` one (the org's signing secret, in URLs made before the token was split off)."""
    if given and hmac.compare_digest(given.encode(), expected.encode()):
        return False
    if given and legacy and hmac.compare_digest(given.encode(), legacy.encode()):
        return True
    raise SignatureVerificationError("endpoint secret mismatch")
