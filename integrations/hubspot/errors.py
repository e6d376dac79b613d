"""Translate hubspot-api-client and transport failures into our CrmError tree.

Every generated package of the SDK (hubspot.crm.objects, .associations.v4, .pipelines, ...)
raises its *own* `ApiException` class, so we do not match on one type: anything with the
`status` / `body` / `headers` trio the generator gives its exceptions is treated as an HTTP
error, and urllib3/requests transport errors become `CrmUnavailable`. Nothing above
`integrations/` ever sees an SDK exception (STYLE rule 18).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from integrations.errors import (
    CrmAuthExpired,
    CrmError,
    CrmRateLimited,
    CrmRejected,
    CrmUnavailable,
    error_for_status,
)

CRM = "hubspot"

EXPIRED_AUTHENTICATION = "EXPIRED_AUTHENTICATION"
"""HubSpot's 401 category for an access token past its 30-minute life (refreshable)."""

RETRYABLE_STATUSES = frozenset({423, 429, 477, 500, 502, 503, 504, 521, 523, 524})
"""Statuses HubSpot documents as 'pause and retry' (423 lock, 477 migration, 5xx)."""


def parse_body(body: Any) -> dict[str, Any]:
    """Decode a HubSpot error body (bytes, str or dict) into a dict; {} when it is not JSON."""
    if body is None:
        return {}
    if isinstance(body, Mapping):
        return dict(body)
    if isinstance(body, bytes | bytearray):
        body = body.decode("utf-8", "replace")
    try:
        parsed = json.loads(body)
    except (TypeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _header(headers: Any, name: str) -> str | None:
    if not headers:
        return None
    try:
        items = headers.items()
    except AttributeError:
        return None
    lname = name.lower()
    for key, value in items:
        if str(key).lower() == lname:
            return str(value)
    return None


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds to wait before retrying, from `Retry-After` or HubSpot's interval header.

    HubSpot may omit `Retry-After` on REST 429s (reference §4, UNCONFIRMED); its documented advice
    is to back off for the rolling window, `X-HubSpot-RateLimit-Interval-Milliseconds`.
    """
    raw = _header(headers, "Retry-After")
    if raw is not None:
        try:
            return max(0.0, float(raw))
        except ValueError:
            pass  # an HTTP-date; fall through to the interval header
    raw = _header(headers, "X-HubSpot-RateLimit-Interval-Milliseconds")
    if raw is not None:
        try:
            return max(0.0, float(raw) / 1000.0)
        except ValueError:
            return None
    return None


def _explicit_retry_after(headers: Any) -> float | None:
    raw = _header(headers, "Retry-After")
    try:
        return max(0.0, float(raw)) if raw is not None else None
    except ValueError:
        return None


def from_response(
    status: int, body: Any, headers: Any = None, *, fallback_message: str | None = None
) -> CrmError:
    """Build the CrmError for one HTTP error response.

    Args:
        status: the HTTP status code.
        body: the raw response body (HubSpot's error JSON, any field optional).
        headers: the response headers (for the request id and rate-limit hints).
        fallback_message: used when the body has no `message`.

    Returns:
        A CrmError subclass instance with status, request_id (correlationId), code (category),
        should_retry and retry_after set.
    """
    data = parse_body(body)
    message = str(data.get("message") or fallback_message or f"HubSpot returned HTTP {status}")
    request_id = data.get("correlationId") or data.get("requestId") or _header(headers, "X-HubSpot-Correlation-Id")
    code = data.get("category") or data.get("errorType") or data.get("status")
    if code == "error":  # the literal `"status": "error"` carries no information
        code = data.get("category") or data.get("errorType")
    cls = error_for_status(status)
    # The rate-limit interval header rides on every response; it is a wait only for a 429.
    retry_after = (retry_after_seconds(headers) if status == 429 else _explicit_retry_after(headers)) \
        if status in RETRYABLE_STATUSES else None
    should_retry = status in RETRYABLE_STATUSES
    if cls is CrmAuthExpired:
        # An expired token is fixable by a refresh (the adapter does that); a revoked or invalid
        # one is not, so only the former is worth a later retry.
        should_retry = code == EXPIRED_AUTHENTICATION
    return cls(
        message,
        status=status,
        request_id=str(request_id) if request_id else None,
        crm=CRM,
        should_retry=should_retry,
        retry_after=retry_after,
        code=str(code) if code else None,
    )


def map_exception(exc: BaseException) -> CrmError:
    """Map any SDK, urllib3 or requests exception to a CrmError (CrmErrors pass through).

    Args:
        exc: the exception raised by an SDK call or a token request.

    Returns:
        The CrmError to raise in its place (callers use `raise ... from exc`).
    """
    if isinstance(exc, CrmError):
        return exc
    status = getattr(exc, "status", None)
    if isinstance(status, int) and status >= 400:
        return from_response(status, getattr(exc, "body", None), getattr(exc, "headers", None),
                             fallback_message=getattr(exc, "reason", None))
    if _is_transport_error(exc):
        return CrmUnavailable(f"{type(exc).__name__}: {exc}", crm=CRM, should_retry=True)
    if isinstance(exc, ValueError | TypeError):
        # The SDK's ApiValueError/ApiTypeError or a model setter under client-side validation:
        # our input or the server's response broke the schema; the same call will fail again.
        return CrmRejected(f"client-side validation: {exc}", crm=CRM, should_retry=False)
    return CrmError(f"{type(exc).__name__}: {exc}", crm=CRM, should_retry=False)


def _is_transport_error(exc: BaseException) -> bool:
    """Connection, timeout and protocol failures of urllib3 (SDK) or requests (OAuth)."""
    import requests
    import urllib3

    return isinstance(exc, urllib3.exceptions.HTTPError | requests.RequestException | OSError)


def rate_limit_policy(exc: BaseException) -> str | None:
    """HubSpot's `policyName` of a 429 (TEN_SECONDLY_ROLLING, SECONDLY, DAILY), if it says."""
    policy = parse_body(getattr(exc, "body", None)).get("policyName")
    return str(policy) if policy else None


def is_rate_limited(err: CrmError) -> bool:
    """Tell whether an error is a 429 worth waiting out."""
    return isinstance(err, CrmRateLimited)
