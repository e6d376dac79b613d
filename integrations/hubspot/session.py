"""One place where every SDK call goes through: the shared rate budget, tokens, 429s, retries.

Policy, per kind of failure (STYLE rule 14, one level each):
- the installation's rate budget (integrations.limits, shared by every process): taken before
  each call; a wait longer than the limiter's `max_sleep` raises CrmRateLimited(retry_after) so
  the pipeline re-queues the batch instead of holding a worker; every response's
  X-HubSpot-RateLimit-* headers pace the shared budget;
- 429: the budget is blocked for HubSpot's window; a wait under `max_sleep` is slept and the call
  re-sent (HubSpot did not process it), a longer one raises CrmRateLimited(retry_after); a DAILY
  429 blocks the installation until the next UTC midnight;
- connection errors and 5xx: urllib3 retries only idempotent verbs and never POST
  (client.build_retry); reads (`idempotent=True`) get `TRANSIENT_RETRIES` more whole-call
  attempts here, then CrmUnavailable(should_retry=True); creates (`idempotent=False`) are never
  re-sent here: the caller looks its marker up first (writes.py);
- access token: refreshed proactively from the stored expiry, and once on a 401
  EXPIRED_AUTHENTICATION; every new TokenSet goes to the injected saver; a refused refresh
  (BAD_REFRESH_TOKEN: uninstalled on HubSpot's side) raises CrmAuthExpired(should_retry=False);
  that refusal, and a 401 with no refresh token stored (code NO_REFRESH_TOKEN), are also told to
  `on_dead_grant` (the app marks the installation for reconnecting, whichever call met it);
- anything else: mapped to our CrmError and raised.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from integrations.errors import CrmAuthExpired, CrmError, CrmRateLimited
from integrations.hubspot import constants
from integrations.hubspot.client import SdkApis
from integrations.hubspot.errors import CRM, EXPIRED_AUTHENTICATION, map_exception, rate_limit_policy
from integrations.hubspot.oauth import OAuthClient, TokenSaver, TokenSet
from integrations.limits import RateLimiter, in_process_limiter, patience

log = logging.getLogger(__name__)

DeadGrant = Callable[[CrmAuthExpired], None]
"""Told when the portal's access cannot be renewed for good: no refresh token stored, or HubSpot refused it
(BAD_REFRESH_TOKEN / invalid_grant: the app uninstalled in the portal). Every later call would fail the same way."""

REFUSED_GRANT_CODES = ("BAD_REFRESH_TOKEN", "invalid_grant")
"""What HubSpot's token endpoint answers for a refresh token it no longer accepts (hubspot-api-facts)."""


@dataclass
class CallStats:
    """Counters the demo summary reports; share one instance across adapters to sum them."""

    calls: int = 0
    token_refreshes: int = 0
    rate_limited_retries: int = 0
    transient_retries: int = 0
    ambiguous_lookups: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def bump(self, name: str, n: int = 1) -> None:
        """Add `n` to one counter (thread-safe: several workers share one CallStats)."""
        with self._lock:
            setattr(self, name, getattr(self, name) + n)

    def as_dict(self) -> dict[str, int]:
        return {"calls": self.calls, "token_refreshes": self.token_refreshes,
                "rate_limited_retries": self.rate_limited_retries,
                "transient_retries": self.transient_retries, "ambiguous_lookups": self.ambiguous_lookups}


@dataclass
class Reservation:
    """Calls one thread holds in the budget for a started read (ApiSession.prepaid)."""

    calls: int
    left: int = 0
    used: int = 0
    hold: str = ""
    """The limiter's hold id of the calls not yet made ("" when nothing is held)."""
    """Default-lane calls made inside the block, reserved or not (what the read really cost)."""


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
        limiter: RateLimiter | None = None,
        limit_key: str | None = None,
        on_dead_grant: DeadGrant | None = None,
    ) -> None:
        """`limiter` is the installation's shared budget (default: this process's in-memory one);
        `limit_key` names the installation in it (default: `hubspot:<hub id>`)."""
        self.apis = apis
        self.tokens = tokens
        self.oauth = oauth
        self.on_tokens = on_tokens
        self.on_dead_grant = on_dead_grant
        self.stats = stats or CallStats()
        self.timeout = timeout
        self.sleep = sleep
        self.clock = clock
        self._lock = threading.Lock()
        self.limiter = limiter if limiter is not None else in_process_limiter()
        self.limit_key = limit_key or f"{CRM}:{getattr(tokens, 'hub_id', None) or 'unknown'}"
        self._prepaid = threading.local()
        apis.set_access_token(tokens.access_token)

    @contextmanager
    def prepaid(self, calls: int) -> Iterator[Reservation]:
        """Start a read of about `calls` default-lane calls: hold them in the shared budget, then
        let this thread's calls inside the block draw from the hold, each stamped when it is made.

        For a batch's read: it starts only when its calls fit in the budget soon free (the
        limiter's `reserve`), else raises CrmRateLimited(retry_after) having sent nothing, so the
        batch is re-queued without having read half its data. Once started it is never handed
        back half-read for the budget: each of its calls, held or beyond the estimate, waits up
        to one window for its slot (`_take`). Nothing is stamped in advance, so a read paces
        call by call and the next read can start on the calls this one will not need; what the
        hold did not use is dropped at the end. The yielded Reservation counts the calls made
        inside the block (`used`).
        """
        outer = getattr(self._prepaid, "current", None)
        if outer is not None:  # an outer reservation already covers this thread
            yield outer
            return
        # A read larger than a whole window holds the window; its other calls wait for slots.
        reservation = Reservation(calls=max(0, min(int(calls), self.limiter.capacity(self.limit_key))))
        hold = self.limiter.reserve(self.limit_key, reservation.calls) if reservation.calls else ""
        reservation.left = reservation.calls
        reservation.hold = hold
        self._prepaid.current = reservation
        try:
            yield reservation
        finally:
            self._prepaid.current = None
            reservation.left = 0
            if hold:
                try:
                    self.limiter.release(self.limit_key, hold)
                except Exception:  # a lost release only holds those calls until the hold expires
                    log.warning("rate budget hold of %s for %s not released", hold, self.limit_key, exc_info=True)

    def _take(self, lane: str) -> None:
        """One call's budget, stamped now: a started read's call waits up to a window for its
        slot (handing the batch back half-read would waste every call already made, which the
        batch would make again); any other call waits at most the limiter's `max_sleep`."""
        reservation: Reservation | None = getattr(self._prepaid, "current", None)
        if reservation is not None and lane == "default":
            reservation.used += 1
            held = reservation.left > 0
            if held:
                reservation.left -= 1
            # A block (a 429 met inside the read, a spent day) is honoured by the same path: a
            # block longer than a window raises, and the batch is re-queued with its delay.
            with patience(self.limiter.window_seconds(self.limit_key, lane)):
                self.limiter.acquire(self.limit_key, lane, hold=reservation.hold if held else "")
            return
        self.limiter.acquire(self.limit_key, lane)

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
        dead: CrmAuthExpired | None = None
        refused_grant = False
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
                if err.status not in (400, 401):
                    raise
                dead = CrmAuthExpired(f"refresh refused: {err.message}", crm=CRM, status=err.status,
                                      request_id=err.request_id, code=err.code, should_retry=False)
                dead.__cause__ = err
                refused_grant = any(c in f"{err.code} {err.message}" for c in REFUSED_GRANT_CODES)
            else:
                self.tokens = new
                self.apis.set_access_token(new.access_token)
                self.stats.bump("token_refreshes")
                log.info("hubspot token refreshed for hub %s", new.hub_id)
        if dead is not None:
            # Outside the lock: the app's callback writes to the database (marks the installation for reconnecting),
            # and the other threads waiting to refresh should not wait for it.
            if refused_grant:
                self._dead(dead)  # not a refused client secret: that is our configuration
            raise dead
        if self.on_tokens is not None:
            # The app persists (encrypts) the new tokens; losing them would force a re-install.
            self.on_tokens(new)

    def _dead(self, err: CrmAuthExpired) -> None:
        log.warning("hubspot access cannot be renewed: %s", err, extra={"crm": CRM})
        if self.on_dead_grant is not None:
            self.on_dead_grant(err)

    def call(self, fn: Callable[..., Any], *args: Any, search: bool = False, idempotent: bool = True,
             **kwargs: Any) -> Any:
        """Call one SDK method within the rate budget, with timeouts, token refresh and 429 handling.

        Args:
            fn: a bound method of a generated API (e.g. `apis.objects.get_by_id`).
            search: draw from the search lane (HubSpot: 5 searches per second per account).
            idempotent: False for creates: a 5xx or timeout may hide a record that was created,
                so the caller looks it up before trying again instead of this loop re-sending.
                (Short 429s are still re-sent: HubSpot did not process a rate-limited call.)

        Returns:
            Whatever the SDK returned (a model object; callers convert it at once).

        Raises:
            CrmRateLimited: the budget is spent for longer than the limiter sleeps (retry_after).
            CrmError: the mapped failure once retries are exhausted or pointless.
        """
        lane = "search" if search else "default"
        refreshed = False
        waits = 0
        transient = 0
        while True:
            margin = self.tokens.refresh_margin(constants.REFRESH_SKEW_SECONDS)
            if self.can_refresh and self.tokens.expires_within(margin, self.clock()):
                self.refresh(stale_token=self.tokens.access_token)
            self._take(lane)
            sent_at = self.limiter.clock()
            token = self.tokens.access_token
            self.stats.bump("calls")
            try:
                data, headers = _invoke(fn, args, dict(kwargs, _request_timeout=self.timeout))
            except Exception as exc:  # every SDK package has its own exception classes
                err = map_exception(exc)
                if (isinstance(err, CrmAuthExpired) and err.code == EXPIRED_AUTHENTICATION
                        and not refreshed and self.can_refresh):
                    refreshed = True
                    self.refresh(stale_token=token)
                    continue
                if isinstance(err, CrmAuthExpired) and (refreshed or not self.can_refresh):
                    err.should_retry = False  # a later retry would meet the same dead token
                    if not refreshed and not self.tokens.refresh_token:
                        err = CrmAuthExpired(
                            f"the access token was refused and no refresh token is stored to renew it: install the "
                            f"app again (HubSpot said: {err.message})", crm=CRM, status=err.status,
                            request_id=err.request_id, code="NO_REFRESH_TOKEN", should_retry=False)
                        self._dead(err)
                if isinstance(err, CrmRateLimited):
                    if rate_limit_policy(exc) == "DAILY":
                        err.retry_after = self.limiter.block_until_tomorrow(self.limit_key)
                        raise err from exc
                    # Block the installation for every process; the next acquire sleeps a short
                    # block out, or raises CrmRateLimited(retry_after) for a long one.
                    err.retry_after = self.limiter.penalise(self.limit_key, err.retry_after, lane)
                    if err.retry_after <= self.limiter.sleep_budget() and waits < constants.RATE_LIMIT_MAX_WAITS:
                        waits += 1
                        self.stats.bump("rate_limited_retries")
                        continue
                    raise err from exc
                if idempotent and err.should_retry and transient < constants.TRANSIENT_RETRIES:
                    transient += 1
                    self.stats.bump("transient_retries")
                    self.sleep(min(err.retry_after or 0.5 * 2 ** transient, constants.RATE_LIMIT_MAX_WAIT_SECONDS))
                    continue
                raise err from exc
            if not search:
                self.limiter.observe(self.limit_key, headers, lane, sent_at=sent_at)
            return data


def _invoke(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
    """Call a generated SDK method through its `*_with_http_info` twin to see the headers.

    The generated `foo()` forces `_return_http_data_only=True`; `foo_with_http_info()` returns
    (data, status, headers), which the limiter needs. Callables without a twin (test doubles,
    `_preload_content=False` raw reads) are called as they are.
    """
    owner = getattr(fn, "__self__", None)
    twin = getattr(owner, f"{getattr(fn, '__name__', '')}_with_http_info", None) if owner is not None else None
    if twin is None:
        result = fn(*args, **kwargs)
        headers = getattr(result, "headers", None) if kwargs.get("_preload_content") is False else None
        return result, headers
    result = twin(*args, _return_http_data_only=False, **kwargs)
    if kwargs.get("_preload_content") is False:
        getheaders = getattr(result, "getheaders", None)
        return result, (getheaders() if callable(getheaders) else getattr(result, "headers", None))
    data, _status, headers = result
    return data, headers
