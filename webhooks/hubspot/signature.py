"""HubSpot request signatures (v1, v2, v3) as pure functions with an injected clock.

v3: base64(HMAC-SHA256(client_secret, METHOD + URI + body + timestamp_ms)), where the URI has
HubSpot's table of percent-escapes decoded and the timestamp is at most 5 minutes old.
v1: hex(sha256(secret + body)); v2: hex(sha256(secret + METHOD + URI + body)). Both lack a
timestamp, so replay protection only exists for v3; they are accepted only when enabled.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable, Mapping

from app import defaults
from webhooks.errors import SignatureVerificationError
from webhooks.timestamps import check_age, parse_timestamp

V3_HEADER = "X-HubSpot-Signature-v3"
TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp"
LEGACY_HEADER = "X-HubSpot-Signature"
VERSION_HEADER = "X-HubSpot-Signature-Version"

# HubSpot's documented table: only these escapes are decoded before signing; anything else
# (%20 for example) stays as sent.
_URI_DECODE = {
    "%3A": ":", "%2F": "/", "%3F": "?", "%40": "@", "%21": "!", "%24": "$",
    "%27": "'", "%28": "(", "%29": ")", "%2A": "*", "%2C": ",", "%3B": ";",
}


def decode_uri(uri: str) -> str:
    """Decode the percent-escapes HubSpot decodes before signing (case-insensitive)."""
    out = []
    i = 0
    while i < len(uri):
        chunk = uri[i : i + 3].upper()
        if uri[i] == "%" and chunk in _URI_DECODE:
            out.append(_URI_DECODE[chunk])
            i += 3
        else:
            out.append(uri[i])
            i += 1
    return "".join(out)


def sign_v3(*, method: str, uri: str, body: bytes, timestamp: str, secret: str) -> str:
    """Compute the v3 signature (used by verify_v3, the sandbox and tests)."""
    source = method.upper().encode() + decode_uri(uri).encode() + body + timestamp.encode()
    digest = hmac.new(secret.encode(), source, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def sign_v1(*, body: bytes, secret: str) -> str:
    """Compute the v1 signature: hex sha256 of secret + body."""
    return hashlib.sha256(secret.encode() + body).hexdigest()


def sign_v2(*, method: str, uri: str, body: bytes, secret: str) -> str:
    """Compute the v2 signature: hex sha256 of secret + METHOD + URI + body."""
    return hashlib.sha256(secret.encode() + method.upper().encode() + uri.encode() + body).hexdigest()


def verify_v3(
    *,
    method: str,
    uri: str,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    secret: str,
    now: Callable[[], float] = time.time,
    tolerance: float = defaults.WEBHOOK_TOLERANCE_SECONDS,
) -> None:
    """Verify a v3 signature; return None or raise SignatureVerificationError(reason).

    Args:
        method: HTTP method as received.
        uri: the full public URI as HubSpot called it (scheme, host, path, raw query).
        body: the raw request body bytes.
        timestamp: X-HubSpot-Request-Timestamp (epoch milliseconds).
        signature: X-HubSpot-Signature-v3.
        secret: the app's client secret.
        now: clock in epoch seconds, injected for tests.
        tolerance: allowed age in seconds.
    """
    if not signature:
        raise SignatureVerificationError(f"missing {V3_HEADER} header")
    ts = parse_timestamp(timestamp, header=TIMESTAMP_HEADER)
    check_age(ts / 1000.0, now=now, tolerance=tolerance)
    expected = sign_v3(method=method, uri=uri, body=body, timestamp=str(timestamp), secret=secret)
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise SignatureVerificationError("v3 signature mismatch")


def verify_legacy(
    *, version: str | None, method: str, uri: str, body: bytes, signature: str | None, secret: str
) -> None:
    """Verify a v1 or v2 signature; raise SignatureVerificationError(reason) on failure."""
    if not signature:
        raise SignatureVerificationError(f"missing {LEGACY_HEADER} header")
    if version == "v1":
        expected = sign_v1(body=body, secret=secret)
    elif version == "v2":
        expected = sign_v2(method=method, uri=uri, body=body, secret=secret)
    else:
        raise SignatureVerificationError(f"unsupported signature version {version!r}")
    if not hmac.compare_digest(expected.encode(), signature.lower().encode()):
        raise SignatureVerificationError(f"{version} signature mismatch")


def verify_request(
    *,
    headers: Mapping[str, str],
    method: str,
    uri: str,
    body: bytes,
    secret: str,
    allow_legacy: bool = False,
    now: Callable[[], float] = time.time,
    tolerance: float = defaults.WEBHOOK_TOLERANCE_SECONDS,
) -> str:
    """Verify whichever signature the request carries; returns the version that verified.

    v3 is always preferred when present; v1/v2 are accepted only with `allow_legacy`.
    """
    if not secret:
        raise SignatureVerificationError("no client secret configured (HUBSPOT_CLIENT_SECRET)")
    if headers.get(V3_HEADER) is not None:
        verify_v3(
            method=method, uri=uri, body=body, timestamp=headers.get(TIMESTAMP_HEADER),
            signature=headers.get(V3_HEADER), secret=secret, now=now, tolerance=tolerance,
        )
        return "v3"
    if allow_legacy and headers.get(LEGACY_HEADER) is not None:
        version = headers.get(VERSION_HEADER) or "v1"
        verify_legacy(
            version=version, method=method, uri=uri, body=body,
            signature=headers.get(LEGACY_HEADER), secret=secret,
        )
        return version
    raise SignatureVerificationError(f"missing {V3_HEADER} header")
