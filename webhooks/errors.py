"""Webhook errors and the status policy that turns them into responses (STYLE rule 9).

    WebhookError
     ├── SignatureVerificationError   401 {"error": "invalid_signature"} (never says which check)
     ├── AnomalousPayloadError        400 not recognisably from this CRM
     └── UnsupportedEventTypeError    200 a genuine event we do not handle (logged and counted)
"""

from __future__ import annotations

from flask import Response, jsonify


class WebhookError(Exception):
    """Base of every error raised while receiving a webhook."""

    status = 500


class SignatureVerificationError(WebhookError):
    """The request's signature or timestamp did not verify; `reason` says which check failed."""

    status = 401

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AnomalousPayloadError(WebhookError):
    """The body is not recognisably a payload from this CRM (malformed JSON, wrong shape, too big)."""

    status = 400


class UnsupportedEventTypeError(WebhookError):
    """A genuine, verified event we do not handle; answered 200 so the CRM does not retry it."""

    status = 200


def error_response(status: int, message: str, **extra: object) -> tuple[Response, int]:
    """Build the JSON error response every webhook failure uses."""
    body: dict[str, object] = {"error": message}
    body.update(extra)
    return jsonify(body), status
