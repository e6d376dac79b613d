"""One place where every SDK call goes through: tokens, 429s, transient retries, error mapping.

Policy, per kind of failure (STYLE rule 14, one level each):
- connection errors and 5xx: urllib3 retries a few times inside the SDK (client.build_retry);
  after that, `TRANSIENT_RETRIES` more whole-call attempts here, then CrmUnavailable
  (should_retry=True) so the job queue retries later;
- 429: waited out here for HubSpot's window (`Retry-After` or the interval header), counted in
  `stats.rate_limited_retries`, up to `RATE_LIMIT_MAX_WAITS` times; a write is never dropped;
- access token: refreshed proactively from the stored expiry, and once on a 401
  EXPIRED_AUTHENTICATION; every new TokenSet goes to the injected saver;
- anything else: mapped to our CrmError and raised.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from integrations.errors import CrmAuthExpired, CrmError, CrmRateLimited
from integrations.hubspot import constants
from integrations.hubspot.client import SdkApis
from integrations.hubspot.errors import CRM, EXPIRED_AUTHENTICATION, map_exception
from integrations.hubspot.oauth import OAuthClient, TokenSaver, TokenSet

log = logging.getLogger(__name__)


@dataclass
class CallStats:
    """Counters the demo summary reports; share one instance across adapters to sum them."""

    calls: int = 0
    token_refreshes: int = 0
    rate_limited_retries: int = 0
    transient_retries: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def bump(self, name: str, n: int = 1) -> None:
        """Add `n` to one counter (thread-safe: several workers share one CallStats)."""
        with self._lock:
            setattr(self, name, getattr(self, name) + n)

    def as_dict(self) -> dict[str, int]:
        return {"calls": self.calls, "token_refreshes": self.token_refreshes,
                "rate_limited_retries": self.rate_limited_retries,
                "transient_retries": self.transient_retries}


class ApiSession:
    """Runs SDK calls for one installation with refresh, rate-limit and retry handling."""

    def __init__(
        self,
        apis: SdkApis,
        tokens: TokenSet,
        *,
        oauth: OAuthClient | None = None,
        on_tokens: TokenSaver | None = None,
        stats: CallStats | None = None,
        timeout: tuple[float, float] = (constants.CONNECT_TIMEOUT_SECONDS, constants.READ_TIMEOUT_SECONDS),
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.apis = apis
        self.tokens = tokens
        self.oauth = oauth
        self.on_tokens = on_tokens
        self.stats = stats or CallStats()
        self.timeout = timeout
        self.sleep = sleep
        self.clock = clock
        self._lock = threading.Lock()
        self._last_search = 0.0
        apis.set_access_token(tokens.access_token)

    @property
    def can_refresh(self) -> bool:
        return self.oauth is not None and bool(self.tokens.refresh_token)

    def refresh(self, *, stale_token: str | None = None) -> None:
        """Refresh the access token (once, even if several threads ask) and persist it.

        Args:
            stale_token: the token the caller saw fail; if another thread already replaced it,
                nothing is done.

        Raises:
            CrmAuthExpired: no refresh is possible, or HubSpot refused the refresh token.
        """
        with self._lock:
            if stale_token is not None and self.tokens.access_token != stale_token:
                return
            if not self.can_refresh:
                raise CrmAuthExpired("access token expired and cannot be refreshed", crm=CRM,
                                     should_retry=False, status=401)
            assert self.oauth is not None
            try:
                new = self.oauth.refresh(self.tokens)
            except CrmError as err:
                if err.status in (400, 401):
                    raise CrmAuthExpired(f"refresh refused: {err.message}", crm=CRM, status=err.status,
                                         request_id=err.request_id, code=err.code,
                                         should_retry=False) from err
                raise
            self.tokens = new
            self.apis.set_access_token(new.access_token)
            self.stats.bump("token_refreshes")
            log.info("hubspot token refreshed for hub %s", new.hub_id)
        if self.on_tokens is not None:
            # The app persists (encrypts) the new tokens; losing them would force a re-install.
            self.on_tokens(new)

    def call(self, fn: Callable[..., Any], *args: Any, search: bool = False, idempotent: bool = True,
             **kwargs: Any) -> Any:
        """Call one SDK method with our timeouts, token refresh and 429 handling.

        Args:
            fn: a bound method of a generated API (e.g. `apis.objects.get_by_id`).
            search: pace the call to HubSpot's 5 searches/second limit.
            idempotent: False for creates: a 5xx or timeout may hide a record that was created,
                so the caller checks before trying again instead of this loop re-sending blindly.
                (429s are still waited out: HubSpot did not process a rate-limited call.)

        Returns:
            Whatever the SDK returned (a model object; callers convert it at once).

        Raises:
            CrmError: the mapped failure once retries are exhausted or pointless.
        """
        refreshed = False
        waits = 0
        transient = 0
        while True:
            margin = self.tokens.refresh_margin(constants.REFRESH_SKEW_SECONDS)
            if self.can_refresh and self.tokens.expires_within(margin, self.clock()):
                self.refresh(stale_token=self.tokens.access_token)
            if search:
                self._pace_search()
            token = self.tokens.access_token
            self.stats.bump("calls")
            try:
                return fn(*args, _request_timeout=self.timeout, **kwargs)
            except Exception as exc:  # every SDK package has its own exception classes
                err = map_exception(exc)
                if (isinstance(err, CrmAuthExpired) and err.code == EXPIRED_AUTHENTICATION
                        and not refreshed and self.can_refresh):
                    refreshed = True
                    self.refresh(stale_token=token)
                    continue
                if isinstance(err, CrmAuthExpired) and (refreshed or not self.can_refresh):
                    err.should_retry = False  # a later retry would meet the same dead token
                if isinstance(err, CrmRateLimited) and waits < constants.RATE_LIMIT_MAX_WAITS:
                    waits += 1
                    self.stats.bump("rate_limited_retries")
                    self.sleep(self._rate_limit_wait(err, waits))
                    continue
                if idempotent and err.should_retry and not isinstance(err, CrmRateLimited) \
                        and transient < constants.TRANSIENT_RETRIES:
                    transient += 1
                    self.stats.bump("transient_retries")
                    self.sleep(min(err.retry_after or 0.5 * 2 ** transient, constants.RATE_LIMIT_MAX_WAIT_SECONDS))
                    continue
                raise err from exc

    def _rate_limit_wait(self, err: CrmError, attempt: int) -> float:
        if err.retry_after is not None:
            wait = err.retry_after
        else:
            wait = constants.RATE_LIMIT_DEFAULT_WAIT_SECONDS * min(attempt, 5)
        # A little spread so several workers of one portal do not return in lockstep.
        jitter = (hash((id(self), attempt)) % 100) / 1000.0
        return min(wait, constants.RATE_LIMIT_MAX_WAIT_SECONDS) + jitter

    def _pace_search(self) -> None:
        with self._lock:
            now = self.clock()
            wait = self._last_search + constants.SEARCH_MIN_INTERVAL_SECONDS - now
            if wait > 0:
                self.sleep(wait)
            self._last_search = max(now, self._last_search + constants.SEARCH_MIN_INTERVAL_SECONDS)
