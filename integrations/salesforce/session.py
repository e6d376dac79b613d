"""The transport: simple-salesforce on an injected requests.Session, with timeouts, our
`Sforce-Call-Options: client=` header, one refresh-and-retry on 401, and errors mapped.

simple-salesforce only refreshes sessions it logged in itself; with OAuth web-server tokens
(direct session_id mode) a dead session raises SalesforceExpiredSession, so `call` refreshes
through the connector's OAuth client, rebuilds the SDK object and retries once. The transport
never re-sends a POST on its own (idempotent creates are the client's job) — requests has no
retries unless a caller mounts them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import requests
from simple_salesforce import Salesforce
from simple_salesforce import exceptions as sfx

from integrations.base import TokenSet
from integrations.errors import CrmAuthExpired, CrmRateLimited, CrmUnavailable
from integrations.salesforce import constants
from integrations.salesforce.errors import error_code, from_sdk

log = logging.getLogger(__name__)
T = TypeVar("T")


class TimeoutSession(requests.Session):
    """A requests.Session whose every request has a timeout (requests has none by default)."""

    def __init__(self, timeout: tuple[float, float] = (constants.CONNECT_TIMEOUT, constants.READ_TIMEOUT),
                 verify: str | bool = True) -> None:
        super().__init__()
        self.timeout = timeout
        self.verify = verify
        # With trust_env on, REQUESTS_CA_BUNDLE silently overrides `verify`: the injected CA
        # (the sandbox's, or a corporate one) must win, and proxies come from configuration.
        self.trust_env = False
        self.headers["Sforce-Call-Options"] = f"client={constants.CALL_OPTIONS_CLIENT}"

    def request(self, method: str, url: str, *args: Any,  # type: ignore[override]
                **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().request(method, url, *args, **kwargs)


Refresher = Callable[[TokenSet], TokenSet]

DeadGrant = Callable[[CrmAuthExpired], None]
"""Told when a dead session cannot be renewed for good: no refresh token, or Salesforce refused it (invalid_grant).
The app marks the installation as needing to be connected again; every later call would fail the same way."""


class Api:
    """One org's SDK handle; thread-safe token swap on refresh."""

    def __init__(self, tokens: TokenSet, *, session: requests.Session, refresh: Refresher | None = None,
                 on_tokens: Callable[[TokenSet], None] | None = None, version: str = constants.API_VERSION,
                 stats: Any = None, on_dead_grant: DeadGrant | None = None) -> None:
        if not tokens.instance_url:
            raise ValueError("Salesforce tokens need an instance_url (from the token response)")
        self.tokens = tokens
        self.session = session
        self.refresh = refresh
        self.on_tokens = on_tokens
        self.on_dead_grant = on_dead_grant
        self.version = version
        self.refreshes = 0
        self.stats = stats
        """The app's shared counters (anything with `bump(name, n)`): calls, token_refreshes,
        rate_limited_retries, transient_retries, ambiguous_lookups."""
        self._usage: Any = None
        self._lock = threading.Lock()
        self.sf = self._build()

    def _build(self) -> Salesforce:
        return Salesforce(session_id=self.tokens.access_token, instance_url=self.tokens.instance_url,
                          session=self.session, version=self.version)

    @property
    def api_usage(self) -> Any:
        """The last Sforce-Limit-Info api-usage seen (kept across SDK rebuilds after a refresh)."""
        self._usage = self.sf.api_usage.get("api-usage") or self._usage
        return self._usage

    def _refresh(self, stale: str) -> None:
        with self._lock:
            if self.tokens.access_token != stale:
                return  # another thread refreshed already
            if self.refresh is None:
                raise CrmAuthExpired("session expired and no refresh token flow configured",
                                     status=401, crm=constants.CRM, code="INVALID_SESSION_ID")
            fresh = self.refresh(self.tokens)
            _ = self.api_usage  # remember the usage the old SDK object saw
            self.tokens = fresh
            self.refreshes += 1
            self.bump("token_refreshes")
            self.sf = self._build()
        if self.on_tokens is not None:
            self.on_tokens(fresh)

    def bump(self, name: str, n: int = 1) -> None:
        if self.stats is not None:
            self.stats.bump(name, n)

    def _mapped(self, exc: Exception, what: str) -> Exception:
        err = from_sdk(exc, what=what, usage=self.api_usage, timeout=getattr(self.session, "timeout", None))
        if isinstance(err, CrmRateLimited):
            self.bump("rate_limited_retries")
        elif isinstance(err, CrmUnavailable):
            self.bump("transient_retries")
        return err

    def call(self, fn: Callable[[Salesforce], T], *, what: str = "") -> T:
        """Run fn(sdk); on 401 INVALID_SESSION_ID refresh and run it once more; map errors."""
        stale = self.tokens.access_token
        self.bump("calls")
        try:
            return fn(self.sf)
        except sfx.SalesforceExpiredSession as exc:
            if error_code(getattr(exc, "content", None)) not in (None, "INVALID_SESSION_ID"):
                raise self._mapped(exc, what) from None
            log.info("salesforce session expired; refreshing once", extra={"crm": constants.CRM})
        except (sfx.SalesforceError, requests.RequestException) as exc:
            raise self._mapped(exc, what) from None
        try:
            self._refresh(stale)
        except CrmAuthExpired as exc:
            # A refresh ends in CrmAuthExpired only when it cannot happen (no refresh token) or Salesforce refused the
            # token for good (invalid_grant); an unreachable token endpoint or a refused client is another error.
            log.warning("salesforce session expired and cannot be renewed: %s", exc, extra={"crm": constants.CRM})
            if self.on_dead_grant is not None:
                self.on_dead_grant(exc)
            raise
        self.bump("calls")
        try:
            return fn(self.sf)
        except (sfx.SalesforceError, requests.RequestException) as exc:
            raise self._mapped(exc, what) from None
