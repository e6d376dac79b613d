"""Failed admin-token attempts, counted per client address and shared by every web process.

The operator's token guards every tenant's console, so guessing it online must be slow: after
`ADMIN_TOKEN_ATTEMPTS` wrong tokens from one address within `ADMIN_TOKEN_ATTEMPT_WINDOW_SECONDS`
(the sign-in form and the `X-Admin-Token` / `Authorization: Bearer` header alike), that address
gets no answer about tokens until the oldest attempt leaves the window: the form says when to
try again (429, Retry-After) and a header token is not compared at all. The count lives where
the CRM rate limiter's windows live (integrations.moving_window): Redis when the app has one, so
gunicorn's workers and every machine count together, else this process's memory.

The address is `request.remote_addr`. Behind a load balancer that is the balancer's for every
client, so one guesser would lock everyone out of the form: set `AGENTIC_SALES_TRUSTED_PROXY_HOPS`
to the number of proxies in front of the app and the client's address is read from their
`X-Forwarded-For` (werkzeug's ProxyFix, installed by the app factory). A correct token is never
refused because of the count: it is only not tried when the address is over the limit.

While Redis cannot be reached the count is skipped (logged): the operator needs the console most
during an outage, and a token of MIN_ADMIN_TOKEN_CHARS random characters is not guessed in one.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from flask import Flask, current_app, request

from app import defaults
from integrations.moving_window import MemoryWindow, RedisWindow, Window

log = logging.getLogger(__name__)

_MEMORY_LOCK = threading.Lock()


@dataclass
class TokenAttempts:
    """A moving window of failed attempts per client address."""

    window: Window
    limit: int
    window_seconds: float

    def _key(self, address: str) -> str:
        return f"admin-token:{address}"

    def wait(self, address: str, *, now: float | None = None) -> float:
        """Seconds until `address` may try a token again (0.0: now)."""
        at = time.time() if now is None else now
        if self.window.count(self._key(address), at=at, window=self.window_seconds) < self.limit:
            return 0.0
        # The moving window's own answer: how long until one more attempt would fit. Nothing is
        # stamped by asking (`take` stamps only when it fits, and it does not fit here).
        return max(1.0, self.window.take(self._key(address), now=at, window=self.window_seconds,
                                         limit=self.limit, cost=1))

    def failed(self, address: str, *, now: float | None = None) -> None:
        """Count one wrong token from `address`."""
        at = time.time() if now is None else now
        self.window.stamp(self._key(address), 1, at=at, window=self.window_seconds)


def attempts_for(app: Flask) -> TokenAttempts:
    """The app's counter: in Redis when REDIS_URL is set, else in this process."""
    found = app.extensions.get("admin_token_attempts")
    if isinstance(found, TokenAttempts):
        return found
    with _MEMORY_LOCK:
        found = app.extensions.get("admin_token_attempts")
        if isinstance(found, TokenAttempts):
            return found
        url = app.config.get("REDIS_URL")
        window: Window = RedisWindow(url, "agentic-sales:admin") if url else MemoryWindow()
        found = TokenAttempts(
            window=window,
            limit=int(app.config.get("ADMIN_TOKEN_ATTEMPTS") or defaults.ADMIN_TOKEN_ATTEMPTS),
            window_seconds=float(app.config.get("ADMIN_TOKEN_ATTEMPT_WINDOW_SECONDS")
                                 or defaults.ADMIN_TOKEN_ATTEMPT_WINDOW_SECONDS),
        )
        app.extensions["admin_token_attempts"] = found
        return found


def client_address() -> str:
    """The requesting client's address as the app sees it (see the module docstring)."""
    return request.remote_addr or "unknown"


def wait_before_trying() -> float:
    """Seconds this request's client must wait before its token is compared (0.0: go ahead)."""
    from redis.exceptions import RedisError

    try:
        return attempts_for(current_app._get_current_object()).wait(client_address())  # type: ignore[attr-defined]
    except RedisError as exc:
        log.warning("admin token attempts not counted: Redis unreachable (%s)", type(exc).__name__)
        return 0.0


def record_failure() -> None:
    """Count a wrong token from this request's client and say so in the log (no token in it)."""
    from redis.exceptions import RedisError

    address = client_address()
    log.warning("admin token refused from %s on %s", address, request.path)
    try:
        attempts_for(current_app._get_current_object()).failed(address)  # type: ignore[attr-defined]
    except RedisError as exc:
        log.warning("admin token attempt not counted: Redis unreachable (%s)", type(exc).__name__)
