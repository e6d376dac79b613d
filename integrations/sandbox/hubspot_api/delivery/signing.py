"""Sign outgoing webhook requests exactly as HubSpot does (v1 and v3 headers).

v3: base64(HMAC-SHA256(client_secret, METHOD + URI + body + timestamp_ms)), where URI has the
documented characters URL-decoded; v1: hex(SHA-256(client_secret + body)). See
hubspot-api-facts.md §1.6.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

USER_AGENT = ("HubSpot Connect 2.0 (http://dev.hubspot.com/) (namespace: webhooks-nio-http-client) "
              "- WebhooksExecutorDaemon-executor")
_DECODE = {"%3A": ":", "%2F": "/", "%3F": "?", "%40": "@", "%21": "!", "%24": "$", "%27": "'", "%28": "(",
           "%29": ")", "%2A": "*", "%2C": ",", "%3B": ";"}


def signing_uri(url: str) -> str:
    """Apply HubSpot's v3 URI decoding table (case-insensitive escapes)."""
    out = url
    for enc, dec in _DECODE.items():
        out = out.replace(enc, dec).replace(enc.lower(), dec)
    return out


def sign_v3(secret: str, method: str, url: str, body: bytes, timestamp_ms: str) -> str:
    """Return the X-HubSpot-Signature-v3 value."""
    source = method.encode() + signing_uri(url).encode() + body + timestamp_ms.encode()
    return base64.b64encode(hmac.new(secret.encode(), source, hashlib.sha256).digest()).decode()


def sign_v1(secret: str, body: bytes) -> str:
    """Return the v1 X-HubSpot-Signature value."""
    return hashlib.sha256(secret.encode() + body).hexdigest()


def headers(secret: str, url: str, body: bytes, timestamp_ms: str, timeout_s: float) -> dict[str, str]:
    """Return every header HubSpot sends with a webhook POST."""
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-HubSpot-Signature": sign_v1(secret, body),
        "X-HubSpot-Signature-Version": "v1",
        "X-HubSpot-Signature-v3": sign_v3(secret, "POST", url, body, timestamp_ms),
        "X-HubSpot-Request-Timestamp": timestamp_ms,
        "X-HubSpot-Timeout-Millis": str(int(timeout_s * 1000)),
    }
