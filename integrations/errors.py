"""Errors raised by CRM adapters; nothing above integrations/ sees an SDK exception.

    CrmError
     ├── CrmRateLimited      429, retry after a pause
     ├── CrmAuthExpired      401, refresh or re-install
     ├── CrmForbidden        403, missing scope or API limit
     ├── CrmNotFound         404
     ├── CrmConflict         409
     ├── CrmRejected         400 / validation
     └── CrmUnavailable      5xx or network
"""

from __future__ import annotations


class CrmError(Exception):
    """A CRM call failed; `should_retry` says whether trying again later may help."""

    default_retry = False

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        request_id: str | None = None,
        crm: str | None = None,
        should_retry: bool | None = None,
        retry_after: float | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.request_id = request_id
        self.crm = crm
        self.should_retry = self.default_retry if should_retry is None else should_retry
        self.retry_after = retry_after
        self.code = code
        """The CRM's own error code (HubSpot `category`, e.g. EXPIRED_AUTHENTICATION), if any."""

    def __str__(self) -> str:
        rid = f"Request {self.request_id}: " if self.request_id else ""
        crm = f"[{self.crm}] " if self.crm else ""
        status = f" (HTTP {self.status})" if self.status else ""
        return f"{rid}{crm}{self.message}{status}"


class CrmRateLimited(CrmError):
    """The CRM's rate limit was hit (429); retry after `retry_after` seconds."""

    default_retry = True


class CrmAuthExpired(CrmError):
    """The token expired or was revoked (401)."""


class CrmForbidden(CrmError):
    """The installation lacks a scope, or a daily API limit was reached (403)."""


class CrmNotFound(CrmError):
    """The record does not exist, or was deleted (404)."""


class CrmConflict(CrmError):
    """The write conflicts with the record's current state (409)."""


class CrmRejected(CrmError):
    """The CRM rejected the request as invalid (400 / validation)."""


class CrmUnavailable(CrmError):
    """The CRM is down or unreachable (5xx, timeout, connection error)."""

    default_retry = True


def error_for_status(status: int) -> type[CrmError]:
    """Pick the CrmError subclass for an HTTP status code."""
    if status == 429:
        return CrmRateLimited
    if status == 401:
        return CrmAuthExpired
    if status == 403:
        return CrmForbidden
    if status == 404:
        return CrmNotFound
    if status == 409:
        return CrmConflict
    if status >= 500 or status in (423, 477):
        return CrmUnavailable
    return CrmRejected
