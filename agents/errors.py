"""Errors of the agents layer; nothing above agents/ ever catches an SDK exception type.

The tree (STYLE rule 22)::

    AgentError                      anything the agents layer raises
     +-- ConfigurationError         a role's `provider:model` or a setting is unusable
     +-- ProviderError              one LLM call failed (carries provider, model, status,
     |    |                         request_id, should_retry)
     |    +-- ProviderTimeout       the call exceeded its explicit timeout       (retry)
     |    +-- RateLimited           HTTP 429; may carry retry_after               (retry)
     |    +-- ProviderUnavailable   HTTP 5xx or a connection failure              (retry)
     |    +-- MalformedResponse     a 200 that is not a chat completion (HTML,     (no retry)
     |    |                         empty `choices`): a proxy page or a broken server
     |    +-- ProviderRejected      any other 4xx: bad request, auth, not found   (no retry)
     |    +-- Refusal               the model declined to answer                  (no retry)
     |    +-- OutputInvalid         the output is not valid JSON for the schema   (repair once)
     +-- PolicyViolation            an output broke a safety rule (repair once, else offline)
     +-- FallbackRequired           a call must not reach the vendor at all
          +-- BudgetExceeded        the tenant's monthly spend cap is reached
          +-- VendorNotAllowed      the tenant's allow-list excludes the vendor
          +-- ConcurrencyLimited    no call slot became free within the timeout
          +-- DeadlineReached       the run's time budget for vendor calls is spent

`should_retry` follows the stripe convention (STYLE rule 14): True only for failures that a
later identical attempt may not repeat.
"""

from __future__ import annotations

from collections.abc import Sequence


class AgentError(Exception):
    """Base class of every error raised by the agents layer."""

    should_retry = False


class ConfigurationError(AgentError):
    """A role's `provider:model` string, a provider's credentials or a setting is unusable."""


class ProviderError(AgentError):
    """One LLM call failed; says which provider and model, and whether a retry may help."""

    default_retry = False

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        model: str = "",
        status: int | None = None,
        request_id: str | None = None,
        should_retry: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.provider = provider
        self.model = model
        self.status = status
        self.request_id = request_id
        self.should_retry = self.default_retry if should_retry is None else should_retry

    def __str__(self) -> str:
        # Lead with the request id, as integrations/errors.py does, so logs can be grepped.
        prefix = f"Request {self.request_id}: " if self.request_id else ""
        where = f"{self.provider}:{self.model} " if self.provider else ""
        status = f"(HTTP {self.status}) " if self.status else ""
        return f"{prefix}{where}{status}{self.message}".strip()


class ProviderTimeout(ProviderError):
    """The call exceeded its explicit timeout."""

    default_retry = True


class RateLimited(ProviderError):
    """The vendor answered 429; `retry_after` is its hint in seconds, when it gave one."""

    default_retry = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.retry_after = retry_after


class ProviderUnavailable(ProviderError):
    """The vendor answered 5xx or could not be reached."""

    default_retry = True


class MalformedResponse(ProviderError):
    """The vendor answered 200 with something that is not a completion (HTML, no `choices`).

    Not retried: a proxy's error page or a server that drops choices answers the same way again.
    """


class ProviderRejected(ProviderError):
    """The vendor rejected the request (4xx other than 429): bad request, auth, unknown model."""


class Refusal(ProviderError):
    """The model declined to produce the requested output."""


class OutputInvalid(ProviderError):
    """The model's output is not valid JSON for the schema; `raw` keeps it for one repair."""

    def __init__(self, message: str, *, raw: str = "", errors: Sequence[str] = (), **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.raw = raw
        self.errors = list(errors)


class PolicyViolation(AgentError):
    """An output broke a safety rule; `reasons` lists each rule it broke."""

    def __init__(self, reasons: Sequence[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = list(reasons)


class FallbackRequired(AgentError):
    """The call must not reach the configured vendor; the offline provider answers instead."""

    reason_code = "fallback"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    @property
    def reason(self) -> str:
        """The `code: detail` string written to Usage.fallback_reason and the audit log."""
        return f"{self.reason_code}: {self.detail}"


class BudgetExceeded(FallbackRequired):
    """The tenant's monthly LLM spend cap is reached."""

    reason_code = "spend_cap_reached"


class VendorNotAllowed(FallbackRequired):
    """The tenant's vendor allow-list excludes the configured provider."""

    reason_code = "vendor_not_allowed"


class ConcurrencyLimited(FallbackRequired):
    """No per-process or per-tenant call slot became free within the call's timeout."""

    reason_code = "concurrency_limited"


class DeadlineReached(FallbackRequired):
    """The run's wall-clock budget for vendor calls is spent; remaining roles answer offline."""

    reason_code = "deadline_reached"
