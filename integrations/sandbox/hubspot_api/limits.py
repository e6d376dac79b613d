"""Rate limits and injected faults, applied before (and, for writes, after) every API call.

The limit is a rolling window per app installation, as HubSpot counts it: an OAuth app installed
in a portal has its own 110 requests / 10 s, and a private app of that portal its own; search
has its own 5/s limit and no rate-limit headers. Faults (latency, 429 bursts, 5xx before the
write, 502/504 after the write, refused refresh, withheld email scope) are switched on through
the control API, one by one or as a named profile (`FAULT_PROFILES`), so tests can prove the
adapter backs off, never drops a write and never writes twice.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, deque
from dataclasses import asdict, dataclass
from typing import Any

from . import errors


@dataclass
class Faults:
    """Fault-injection flags; all off by default."""

    latency_ms: float = 0.0
    """Added to every API response."""
    rate_limit_burst: int = 0
    """The next N API calls answer 429 whatever the real count."""
    error_5xx_rate: float = 0.0
    """Probability that an API call answers 500."""
    fail_next: int = 0
    """The next N API calls answer 500."""
    daily_limit_reached: bool = False
    """Every API call answers 429 with policyName DAILY (a private app out of its daily quota)."""
    webhooks_enabled: bool = True
    """Webhook delivery on/off; when off, events are dropped as HubSpot drops undeliverable ones."""
    duplicate_rate: float = 0.0
    """Probability that a delivered batch is delivered a second time."""
    reorder: bool = False
    """Shuffle events inside each batch and send batches out of order."""
    deliver_unsubscribed: bool = False
    """Test only: also deliver propertyChange events for properties nobody subscribed to."""
    webhook_latency_ms: float = 0.0
    """Delay before each webhook POST."""
    burst_every: int = 0
    """Every N-th API call starts a burst of `burst_length` 429s (0: off): HubSpot's limit hit by
    another app or process of the account, which the client must absorb without losing a write."""
    burst_length: int = 3
    ambiguous_write_rate: float = 0.0
    """Probability that a write (create, update, archive) is committed and then answered 502, as a
    gateway that lost the response: the client cannot tell whether it landed."""
    timeout_after_write_rate: float = 0.0
    """Probability that a committed write is answered 504 after `write_timeout_ms` (a timeout)."""
    write_timeout_ms: float = 0.0
    refuse_refresh: bool = False
    """Refresh tokens are refused with BAD_REFRESH_TOKEN: the app was uninstalled on HubSpot's side."""
    withhold_email_scope: bool = False
    """New installs are granted without `sales-email-read`: email bodies come back redacted."""

    def update(self, values: dict[str, Any]) -> None:
        """Set the named flags; unknown names raise KeyError."""
        for key, value in values.items():
            if key not in self.__dataclass_fields__:
                raise KeyError(key)
            current = getattr(self, key)
            if isinstance(current, bool):
                # bool("false") is True; accept JSON booleans and their usual spellings.
                value = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
            setattr(self, key, type(current)(value))

    def as_dict(self) -> dict[str, Any]:
        """Return the flags as JSON-ready values."""
        return asdict(self)


FAULT_PROFILES: dict[str, dict[str, Any]] = {
    "ambiguous-writes": {"ambiguous_write_rate": 0.08, "timeout_after_write_rate": 0.04, "write_timeout_ms": 200.0},
    "429-bursts": {"burst_every": 40, "burst_length": 3},
    "5xx": {"error_5xx_rate": 0.03},
    "latency": {"latency_ms": 40.0},
    "refused-refresh": {"refuse_refresh": True},
    "no-email-scope": {"withhold_email_scope": True},
    "duplicates": {"duplicate_rate": 0.2},
    "reorder": {"reorder": True},
}
"""Named fault sets for `--faults a,b,c` (demo) and `POST /_sandbox/faults/profile`."""


def fault_values(names: list[str] | tuple[str, ...] | str) -> dict[str, Any]:
    """Merge the named profiles into one dict of Faults flags.

    Raises:
        ValueError: an unknown name (the message lists the known ones).
    """
    if isinstance(names, str):
        names = [n for n in names.split(",")]
    values: dict[str, Any] = {}
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if name not in FAULT_PROFILES:
            raise ValueError(f"unknown fault {name!r}; known: {', '.join(sorted(FAULT_PROFILES))}")
        values.update(FAULT_PROFILES[name])
    return values


class RateLimiter:
    """Rolling-window counters per (installation, policy) plus counts of what was served.

    An installation key is `"<hub id>:oauth"` for the OAuth app and `"<hub id>:private"` for the
    portal's private app, each with its own window, as HubSpot meters them.
    """

    def __init__(self, limit: int, window_ms: int, search_per_second: int, seed: int = 0) -> None:
        self.limit = limit
        self.window = window_ms / 1000.0
        self.search_per_second = search_per_second
        self.lock = threading.Lock()
        self.hits: dict[tuple[str, str], deque[float]] = {}
        self.served: Counter[str] = Counter()
        self.mark = 0
        """The app's request count at the last `POST /_sandbox/counters/mark`."""
        self.faults = Faults()
        self.rng = random.Random(seed)

    def headers(self, hub_id: int, private: bool) -> dict[str, str]:
        """Return the X-HubSpot-RateLimit-* headers for the installation's current window."""
        key = installation_key(hub_id, private)
        with self.lock:
            q = self.hits.get((key, "ten"), deque())
            now = time.monotonic()
            used = sum(1 for t in q if t > now - self.window)
        h = {
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(int(self.window * 1000)),
            "X-HubSpot-RateLimit-Max": str(self.limit),
            "X-HubSpot-RateLimit-Remaining": str(max(self.limit - used, 0)),
        }
        if private:
            # OAuth calls carry no daily headers; private-app calls do.
            h["X-HubSpot-RateLimit-Daily"] = "250000"
            h["X-HubSpot-RateLimit-Daily-Remaining"] = str(250000 - self.served["requests"])
        return h

    def admit(self, hub_id: int, *, search: bool, private: bool) -> dict[str, str]:
        """Count one call; return headers to send or raise the 429/500 ApiError.

        Raises:
            errors.ApiError: rate limited (429) or an injected server error (500).
        """
        f = self.faults
        if f.latency_ms:
            time.sleep(f.latency_ms / 1000.0)
        group = f"publicapi:{'private' if private else 'oauth'}:{hub_id}"
        key = installation_key(hub_id, private)
        with self.lock:
            self.served["requests"] += 1
            self.served[f"requests:{key}"] += 1
            if f.burst_every and self.served["requests"] % f.burst_every == 0:
                f.rate_limit_burst += f.burst_length
            if f.rate_limit_burst > 0:
                f.rate_limit_burst -= 1
                self.served["429"] += 1
                burst = True
            else:
                burst = False
        if burst:
            raise errors.rate_limited("TEN_SECONDLY_ROLLING", group, self._retry_headers(hub_id, private))
        if f.daily_limit_reached:
            with self.lock:
                self.served["429"] += 1
            h = self.headers(hub_id, private)
            h["X-HubSpot-RateLimit-Daily-Remaining"] = "0"
            raise errors.rate_limited("DAILY", group, h)
        now = time.monotonic()
        bucket, limit, window = ((key, "search"), self.search_per_second, 1.0) if search else \
            ((key, "ten"), self.limit, self.window)
        with self.lock:
            q = self.hits.setdefault(bucket, deque())
            while q and q[0] <= now - window:
                q.popleft()
            if len(q) >= limit:
                self.served["429"] += 1
                self.served["429_search" if search else "429_ten_secondly"] += 1
                limited = True
            else:
                q.append(now)
                limited = False
        if limited:
            policy = "SECONDLY" if search else "TEN_SECONDLY_ROLLING"
            raise errors.rate_limited(policy, group, {} if search else self._retry_headers(hub_id, private))
        with self.lock:
            fail = f.fail_next > 0 or (f.error_5xx_rate > 0 and self.rng.random() < f.error_5xx_rate)
            if f.fail_next > 0:
                f.fail_next -= 1
            if fail:
                self.served["5xx"] += 1
        if fail:
            raise errors.server_error()
        return {} if search else self.headers(hub_id, private)

    def after_write(self) -> Any:
        """Decide the fault of a committed write: None, ("502", 0) or ("504", delay seconds)."""
        f = self.faults
        with self.lock:
            r = self.rng.random()
            if r < f.ambiguous_write_rate:
                self.served["ambiguous_writes"] += 1
                return ("502", 0.0)
            if r < f.ambiguous_write_rate + f.timeout_after_write_rate:
                self.served["ambiguous_writes"] += 1
                return ("504", f.write_timeout_ms / 1000.0)
        return None

    def _retry_headers(self, hub_id: int, private: bool) -> dict[str, str]:
        h = self.headers(hub_id, private)
        h["X-HubSpot-RateLimit-Remaining"] = "0"
        return h


def installation_key(hub_id: int, private: bool) -> str:
    """The rate bucket of one app installation: the OAuth app's or the private app's."""
    return f"{hub_id}:{'private' if private else 'oauth'}"
