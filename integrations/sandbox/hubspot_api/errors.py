"""HubSpot's error bodies, built in one place so every route answers in the documented shape.

Shapes follow hubspot-api-facts.md §3.5 (error schema: status, message, correlationId, category,
optional errors/context), §4 (the 429 body) and §2 (OAuth errors). Views raise
:class:`ApiError`; the app's error handler turns it into JSON with key order preserved.
"""

from __future__ import annotations

import json
import uuid
from typing import Any


class ApiError(Exception):
    """An HTTP error with a HubSpot-shaped JSON body."""

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        super().__init__(body.get("message", ""))
        self.status = status
        self.body = body
        self.headers = headers or {}


def correlation_id() -> str:
    """Return a fresh correlation id (a UUID, as HubSpot's)."""
    return str(uuid.uuid4())


def error_body(message: str, category: str, *, errors: list[dict[str, Any]] | None = None,
               context: dict[str, list[str]] | None = None, sub_category: str | None = None) -> dict[str, Any]:
    """Return the standard error body: status, message, correlationId, category (+ details)."""
    # Key order of HubSpot's documented example: status, message, errors, category, correlationId.
    body: dict[str, Any] = {"status": "error", "message": message}
    if errors is not None:
        body["errors"] = errors
    if context is not None:
        body["context"] = context
    body["category"] = category
    if sub_category:
        body["subCategory"] = sub_category
    body["correlationId"] = correlation_id()
    return body


def not_found(message: str = "resource not found") -> ApiError:
    """404 OBJECT_NOT_FOUND."""
    return ApiError(404, error_body(message, "OBJECT_NOT_FOUND"))


def validation(message: str, errors: list[dict[str, Any]] | None = None, **kw: Any) -> ApiError:
    """400 VALIDATION_ERROR."""
    return ApiError(400, error_body(message, "VALIDATION_ERROR", errors=errors, **kw))


def conflict(message: str) -> ApiError:
    """409 OBJECT_ALREADY_EXISTS (shape unconfirmed by HubSpot; category as in its docs)."""
    return ApiError(409, error_body(message, "OBJECT_ALREADY_EXISTS"))


def invalid_auth() -> ApiError:
    """401 for a missing, unknown or revoked token."""
    return ApiError(401, error_body(
        "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can "
        "find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
        "INVALID_AUTHENTICATION"))


def expired_auth(seconds_ago: int) -> ApiError:
    """401 EXPIRED_AUTHENTICATION, with HubSpot's wording."""
    return ApiError(401, error_body(
        f"The OAuth token used to make this call expired {max(seconds_ago, 1)} second(s) ago.",
        "EXPIRED_AUTHENTICATION"))


def missing_scopes(required: list[str]) -> ApiError:
    """403 MISSING_SCOPES with the required granular scopes in the error context."""
    return ApiError(403, error_body(
        "This app hasn't been granted all required scopes to make this call. Read more about required "
        "scopes here: https://developers.hubspot.com/scopes.", "MISSING_SCOPES",
        errors=[{"message": "One or more of the following scopes are required.",
                 "context": {"requiredGranularScopes": required}}]))


def rate_limited(policy: str, group: str, headers: dict[str, str]) -> ApiError:
    """429 with the body HubSpot sends (captured in hubspot-api-python#117)."""
    message = {
        "TEN_SECONDLY_ROLLING": "You have reached your ten_secondly_rolling limit.",
        "SECONDLY": "You have reached your secondly limit.",
        "DAILY": "You have reached your daily limit.",
    }[policy]
    body = {"status": "error", "message": message, "errorType": "RATE_LIMIT",
            "correlationId": correlation_id(), "policyName": policy, "groupName": group}
    return ApiError(429, body, headers)


def server_error() -> ApiError:
    """500 as injected by the fault flags."""
    return ApiError(500, error_body("internal error", "INTERNAL_ERROR"))


def oauth_error(status: str, message: str, error: str, description: str, *, rfc: bool) -> ApiError:
    """400 from the token endpoints; v3 adds the RFC 6749 fields to HubSpot's legacy ones."""
    body: dict[str, Any] = {"status": status, "message": message, "correlationId": correlation_id()}
    if rfc:
        body = {"error": error, "error_description": description, **body}
    return ApiError(400, body)


def property_errors(problems: list[tuple[str, str, str]]) -> ApiError:
    """400 VALIDATION_ERROR for invalid property values: [(name, code, message)]."""
    errors = [{"message": msg, "code": code, "context": {"propertyName": [name]}} for name, code, msg in problems]
    # HubSpot embeds the per-property results as JSON inside the message string.
    inner = ",".join(json.dumps({"isValid": False, "message": msg, "error": code, "name": name},
                                separators=(",", ":")) for name, code, msg in problems)
    return validation(f"Property values were not valid: [{inner}]", errors)
