"""simple-salesforce exceptions and HTTP failures -> integrations.errors types (nothing above sees SDK errors).

    SalesforceExpiredSession (401 INVALID_SESSION_ID)   -> CrmAuthExpired   (refresh + retry once first)
    SalesforceRefusedRequest (403 REQUEST_LIMIT_EXCEEDED)-> CrmRateLimited   (keep writes queued, retry later)
    SalesforceRefusedRequest (403 other)                 -> CrmForbidden
    SalesforceResourceNotFound (404)                     -> CrmNotFound
    SalesforceMalformedRequest (400)                     -> CrmRejected
    SalesforceGeneralError (5xx)                         -> CrmUnavailable
    requests Timeout / ConnectionError                   -> CrmUnavailable
"""

from __future__ import annotations

from typing import Any

import requests
from simple_salesforce import exceptions as sfx

from integrations.errors import (
    CrmAuthExpired,
    CrmError,
    CrmForbidden,
    CrmNotFound,
    CrmRateLimited,
    CrmRejected,
    CrmUnavailable,
    error_for_status,
)
from integrations.salesforce import constants

CRM = constants.CRM


def error_code(content: Any) -> str | None:
    """The first `errorCode` of a Salesforce error body ([{"message","errorCode","fields"}])."""
    if isinstance(content, list) and content and isinstance(content[0], dict):
        return content[0].get("errorCode")
    if isinstance(content, dict):
        return content.get("errorCode") or content.get("error")
    return None


def error_message(content: Any) -> str:
    if isinstance(content, list) and content and isinstance(content[0], dict):
        return str(content[0].get("message") or content[0])
    return str(content)[:300]


READ_TIMEOUT_SETTING = "AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS"
"""The setting an operator raises when a large org (or a busy machine) answers slower than the read timeout."""


def timeout_message(exc: requests.Timeout, prefix: str, timeout: Any = None) -> str:
    """What a timed-out call says: how long was waited and, for a slow answer, which setting waits longer.

    "read history: Salesforce timed out (ReadTimeout)" left the person guessing; a history query of a
    large org, or the demo's sandbox on a loaded 2-core machine, can take more than a minute.
    """
    connect = isinstance(exc, requests.ConnectTimeout)
    waited = timeout[0 if connect else 1] if isinstance(timeout, tuple) and len(timeout) == 2 else timeout
    seconds = f" within {float(waited):g} s" if isinstance(waited, int | float) else ""
    if connect:
        return (f"{prefix}Salesforce did not accept the connection{seconds} (ConnectTimeout): check that "
                f"the org's instance is reachable from this host")
    # A value above the one that just ran out (the demo waits 180 s already: "e.g. 180" told the person
    # to set what they had, the wave-31 walk's Salesforce demo at load average 23).
    longer = max(180, 2 * round(float(waited))) if isinstance(waited, int | float) else 180
    return (f"{prefix}Salesforce did not answer{seconds} ({exc.__class__.__name__}); a large org or a busy "
            f"machine may need longer: set {READ_TIMEOUT_SETTING} (e.g. {longer})")


def from_sdk(exc: Exception, *, what: str = "", usage: Any = None, timeout: Any = None) -> CrmError:
    """Translate a simple-salesforce or requests exception into our error tree.

    `usage` is the last `Sforce-Limit-Info` api-usage seen (simple-salesforce's Usage(used,
    total)); it tells a used-up daily allocation (long wait) from a busy org (short wait).
    `timeout` is the session's (connect, read) timeout, named in a timeout's message.
    """
    prefix = f"{what}: " if what else ""
    if isinstance(exc, requests.Timeout):
        return CrmUnavailable(timeout_message(exc, prefix, timeout), crm=CRM,
                              retry_after=constants.UNAVAILABLE_RETRY_AFTER)
    if isinstance(exc, requests.ConnectionError):
        return CrmUnavailable(f"{prefix}cannot reach Salesforce: {exc}", crm=CRM,
                              retry_after=constants.UNAVAILABLE_RETRY_AFTER)
    if isinstance(exc, sfx.SalesforceError):
        status = int(getattr(exc, "status", 0) or 0)
        content = getattr(exc, "content", None)
        code = error_code(content)
        msg = f"{prefix}{code or 'error'}: {error_message(content)}"
        if status == 403 and code == "REQUEST_LIMIT_EXCEEDED":
            used, total = (getattr(usage, "used", None), getattr(usage, "total", None))
            daily = bool(total) and used is not None and used >= constants.DAILY_LIMIT_EXHAUSTED * float(total or 0)
            wait = constants.LIMIT_RETRY_AFTER if daily or usage is None else constants.BUSY_LIMIT_RETRY_AFTER
            why = "daily API allocation used up" if daily or usage is None else "org busy"
            return CrmRateLimited(f"{msg} ({why}; writes stay queued)", status=403, crm=CRM, code=code,
                                  retry_after=wait)
        if status == 401:
            return CrmAuthExpired(msg, status=401, crm=CRM, code=code)
        if status == 403:
            return CrmForbidden(msg, status=403, crm=CRM, code=code)
        if status == 404:
            return CrmNotFound(msg, status=404, crm=CRM, code=code)
        cls = error_for_status(status or 500)
        if cls is CrmUnavailable:
            return CrmUnavailable(msg, status=status, crm=CRM, code=code,
                                  retry_after=constants.UNAVAILABLE_RETRY_AFTER)
        return cls(msg, status=status, crm=CRM, code=code)
    if isinstance(exc, CrmError):
        return exc
    return CrmRejected(f"{prefix}{exc}", crm=CRM)


TRANSIENT_ITEM_CODES = frozenset({"UNABLE_TO_LOCK_ROW", "REQUEST_RUNNING_TOO_LONG", "SERVER_UNAVAILABLE"})
"""Per-record collection error codes worth re-sending later (the rest are the input's fault)."""


def item_error(errors: list[dict[str, Any]]) -> tuple[str, bool]:
    """(message, should_retry) of one collection record's `errors` (they carry `statusCode`)."""
    if not errors:
        return "failed without an error", True
    first = errors[0]
    code = str(first.get("statusCode") or first.get("errorCode") or "")
    fields = ",".join(first.get("fields") or [])
    return f"{code}: {first.get('message')}" + (f" [{fields}]" if fields else ""), code in TRANSIENT_ITEM_CODES
