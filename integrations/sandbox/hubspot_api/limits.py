"""Rate limits and injected faults, applied before every HubSpot API call.

The per-portal limit is a rolling window (HubSpot: 110 requests / 10 s for OAuth apps), search
has its own 5/s limit and no rate-limit headers. Faults (latency, 429 bursts, 5xx) are switched
on through the control API so tests can prove the adapter backs off and never drops a write.
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


class RateLimiter:
    """Rolling-window counters per (portal, policy) plus counts of what was served."""

    def __init__(self, limit: int, window_ms: int, search_per_second: int, seed: int = 0) -> None:
        self.limit = limit
        self.window = window_ms / 1000.0
        self.search_per_second = search_per_second
        self.lock = threading.Lock()
        self.hits: dict[tuple[int, str], deque[float]] = {}
        self.served: Counter[str] = Counter()
        self.faults = Faults()
        self.rng = random.Random(seed)

    def headers(self, hub_id: int, private: bool) -> dict[str, str]:
        """Return the X-HubSpot-RateLimit-* headers for the portal's current window."""
        with self.lock:
            used = len(self.hits.get((hub_id, "ten"), ()))
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
        group = f"publicapi:oauth:{hub_id}"
        with self.lock:
            self.served["requests"] += 1
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
        key, limit, window = ((hub_id, "search"), self.search_per_second, 1.0) if search else \
            ((hub_id, "ten"), self.limit, self.window)
        with self.lock:
            q = self.hits.setdefault(key, deque())
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

    def _retry_headers(self, hub_id: int, private: bool) -> dict[str, str]:
        h = self.headers(hub_id, private)
        h["X-HubSpot-RateLimit-Remaining"] = "0"
        return h
