"""One rate limiter per CRM installation, shared by every process that calls that CRM for it.

A CRM's limit belongs to the installation (HubSpot: 110 requests / 10 s per installed account,
search 5 / s), not to a worker: four workers that each pace themselves to 110 / 10 s together
send 440. So the budget lives in one place, Redis in production (`redis://...`) or process
memory by default (`memory://`), and every client of that installation draws from it.

    limiter = RateLimiter("redis://127.0.0.1:6379/0")
    limiter.acquire("hubspot:62515")             # before each call; may sleep < max_sleep
    limiter.observe("hubspot:62515", headers)    # after each response: pace from the CRM's own count
    limiter.penalise("hubspot:62515", 10.0)      # after a 429: nobody calls until the window rolls
    hold = limiter.reserve("hubspot:62515", 27)  # a batch read starts: its calls held, not stamped
    limiter.acquire("hubspot:62515", hold=hold)  # each of its calls, stamped as it is made
    limiter.release("hubspot:62515", hold)       # the read ended: the rest of the hold is dropped

When the budget is spent for longer than `max_sleep`, `acquire` raises `CrmRateLimited` with
`retry_after`: the pipeline re-queues the batch with that delay instead of holding a worker.

The rolling windows are our own (integrations.moving_window: memory, or Redis through Lua
scripts): each call is stamped when it is made, and a started read holds the calls it still
needs as a count (`reserve`), not as stamps. Header pacing and blocks (429s, the daily quota) are
two small additions on top: a header saying fewer requests remain than our window believes
(another app of the account, a process without this limiter) is recorded as extra hits, and a
block is a key with an expiry that `acquire` honours.
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from integrations.errors import CrmRateLimited
from integrations.moving_window import NO_HOLD, MemoryWindow, RedisWindow, Window


@dataclass(frozen=True)
class Lane:
    """One rolling window: at most `limit` calls per `window_seconds` per installation."""

    limit: int
    window_seconds: int


DEFAULT_LANES: Mapping[str, Lane] = {
    # 100 of HubSpot's 110 per 10 s: the margin absorbs the few calls made before the first
    # response's headers are seen (token refresh, other processes' in-flight requests).
    "default": Lane(100, 10),
    "search": Lane(5, 1),
}
"""HubSpot's public-app limits, with a safety margin on the main lane."""

HEADER_MARGIN = 0.09
"""Share of the CRM's announced maximum (X-HubSpot-RateLimit-Max) we leave unused: 110 -> 100."""

MAX_SLEEP_SECONDS = 1.0
"""`acquire` sleeps for a slot that frees within this many seconds; longer waits raise
CrmRateLimited so that the worker is freed and the batch re-queued."""

HEADER_MAX = "X-HubSpot-RateLimit-Max"
HEADER_REMAINING = "X-HubSpot-RateLimit-Remaining"
HEADER_INTERVAL = "X-HubSpot-RateLimit-Interval-Milliseconds"
HEADER_DAILY_REMAINING = "X-HubSpot-RateLimit-Daily-Remaining"


_PATIENCE = threading.local()


@contextmanager
def patience(seconds: float) -> Iterator[None]:
    """Within this block, in this thread, `acquire` sleeps up to `seconds` for a slot instead of
    raising CrmRateLimited after `max_sleep`.

    For bulk reads outside a batch job (a tenant's training history: hundreds of calls, more
    than one window's budget): there is no batch to re-queue, and failing the whole read on the
    first full window would make training fail on any machine fast enough to spend a window in
    under its length. Waiting out the CRM's window IS the work there.
    """
    before = getattr(_PATIENCE, "seconds", None)
    _PATIENCE.seconds = max(seconds, before or 0.0)
    try:
        yield
    finally:
        _PATIENCE.seconds = before


class _Blocks(Protocol):
    def block(self, key: str, seconds: float) -> None: ...

    def remaining(self, key: str) -> float: ...

    def set_limit(self, key: str, limit: int) -> None: ...

    def forget(self, keys: list[str]) -> None: ...

    def limit(self, key: str) -> int | None: ...


class _MemoryBlocks:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.until: dict[str, float] = {}
        self.limits: dict[str, int] = {}
        self.lock = threading.Lock()

    def set_limit(self, key: str, limit: int) -> None:
        self.limits[key] = limit

    def limit(self, key: str) -> int | None:
        return self.limits.get(key)

    def forget(self, keys: list[str]) -> None:
        with self.lock:
            for key in keys:
                self.until.pop(key, None)
                self.limits.pop(key, None)

    def block(self, key: str, seconds: float) -> None:
        with self.lock:
            self.until[key] = max(self.until.get(key, 0.0), self.clock() + seconds)

    def remaining(self, key: str) -> float:
        with self.lock:
            return max(0.0, self.until.get(key, 0.0) - self.clock())


class _RedisBlocks:
    """A block is a Redis key whose TTL is the wait; a longer block replaces a shorter one."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self.redis = redis.Redis.from_url(url)
        self.prefix = prefix

    def block(self, key: str, seconds: float) -> None:
        ms = max(1, int(seconds * 1000))
        k = f"{self.prefix}:block:{key}"
        current = self.redis.pttl(k)
        if not isinstance(current, int) or current < ms:
            self.redis.set(k, b"1", px=ms)

    def remaining(self, key: str) -> float:
        ms = self.redis.pttl(f"{self.prefix}:block:{key}")
        return max(0.0, int(ms) / 1000.0) if isinstance(ms, int) and ms > 0 else 0.0

    def set_limit(self, key: str, limit: int) -> None:
        self.redis.set(f"{self.prefix}:limit:{key}", str(limit), ex=LEARNED_LIMIT_TTL_SECONDS)

    def limit(self, key: str) -> int | None:
        raw = self.redis.get(f"{self.prefix}:limit:{key}")
        return _int(raw.decode() if isinstance(raw, bytes) else raw)

    def forget(self, keys: list[str]) -> None:
        if keys:
            self.redis.delete(*(f"{self.prefix}:{kind}:{key}" for key in keys for kind in ("block", "limit")))


LEARNED_LIMIT_TTL_SECONDS = 86_400
"""How long a limit learned from the CRM's headers is kept in Redis (it is re-learned on every
response, so this only bounds stale keys of uninstalled portals)."""


HOLD_AHEAD_SECONDS = 3.0
"""A read is started (`reserve`) when its calls fit in the budget that will be free this many
seconds from now, less what other started reads still hold: its calls then wait at most about
this long for their slots (short enough for an RQ worker), and a read waiting for the budget
is already started when the window frees instead of being told to come back after it."""

HOLDS_POLL_SECONDS = 0.25
"""How often a read that other reads' holds keep from starting looks again while it may sleep."""

HOLD_TTL_WINDOWS = 3
"""A hold whose read makes no call for this many windows is dropped (its process died)."""


class RateLimiter:
    """Shared per-installation budget (see module docstring).

    Args:
        storage_uri: `memory://` (this process only) or `redis://host:port/db` (every process).
        lanes: lane name -> Lane; a call names its lane ("default", "search").
        max_sleep: longest wait `acquire` sleeps before raising CrmRateLimited.
        prefix: namespace of the Redis keys.
        clock: epoch seconds (default `time.time`, looked up at each call).
        hold_ahead: see HOLD_AHEAD_SECONDS.
    """

    def __init__(self, storage_uri: str = "memory://", *, lanes: Mapping[str, Lane] = DEFAULT_LANES,
                 max_sleep: float = MAX_SLEEP_SECONDS, prefix: str = "agentic-sales-limits",
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] | None = None,
                 hold_ahead: float = HOLD_AHEAD_SECONDS) -> None:
        self.storage_uri = storage_uri
        self.lanes = dict(lanes)
        self.max_sleep = max_sleep
        self.sleep = sleep
        self.clock: Callable[[], float] = clock or (lambda: time.time())
        self.hold_ahead = hold_ahead
        self.shared = not storage_uri.startswith("memory://")
        self.window: Window = RedisWindow(storage_uri, prefix) if self.shared else MemoryWindow()
        self.blocks: _Blocks = _RedisBlocks(storage_uri, prefix) if self.shared else _MemoryBlocks(self.clock)
        self._learned: dict[tuple[str, str], tuple[int, int] | None] = {}

    def _spec(self, key: str, lane: str) -> tuple[int, float]:
        """(calls per window, window seconds) of `lane` for `key`: learned from the CRM or the default."""
        self._learn(key, lane)
        learned = self._learned.get((key, lane))
        if learned:
            return learned[0], float(learned[1])
        spec = self.lanes[lane]
        return spec.limit, float(spec.window_seconds)

    @staticmethod
    def _wkey(key: str, lane: str) -> str:
        # The limit is not part of the key: a limit learned from the CRM's headers keeps
        # counting in the same window instead of starting a fresh one.
        return f"{key}/{lane}"

    def _learn(self, key: str, lane: str) -> None:
        """Pick up a limit another process learned (once per key per process, then on observe)."""
        if (key, lane) not in self._learned:
            self._learned[(key, lane)] = _decode_limit(self.blocks.limit(f"{key}:{lane}"))

    def _blocked(self, key: str, lane: str) -> float:
        return max(self.blocks.remaining(key), self.blocks.remaining(f"{key}:{lane}"))

    def acquire(self, key: str, lane: str = "default", cost: int = 1, *, hold: str = NO_HOLD) -> float:
        """Take `cost` calls from the installation's budget, stamped now; return the seconds slept.

        `hold`: the call is one a started read reserved (`reserve`); it shrinks that hold. A cost
        above one stamps every call at once or none; above the lane's limit it takes the lane.

        Raises:
            CrmRateLimited: the budget frees later than `sleep_budget()` (retry_after says when).
        """
        slept = 0.0
        patience_ = self.sleep_budget()
        while True:
            limit, window = self._spec(key, lane)
            take = max(1, min(int(cost), limit))
            blocked = self._blocked(key, lane)
            wait = blocked
            if blocked <= 0:
                wait = self.window.take(self._wkey(key, lane), now=self.clock(), window=window, limit=limit,
                                        cost=take, hold=hold, hold_ttl=HOLD_TTL_WINDOWS * window)
                if wait <= 0:
                    return slept
            if slept + wait > patience_:
                # status 429: the caller treats our own budget exactly as the CRM's limit.
                raise CrmRateLimited(f"rate budget of {key} ({lane}) spent; {take} call(s) wanted; "
                                     f"retry in {wait:.1f} s",
                                     status=429, retry_after=round(wait, 3), should_retry=True,
                                     code="LOCAL_BUDGET")
            self.sleep(wait)
            slept += wait

    def reserve(self, key: str, calls: int, lane: str = "default") -> str:
        """Start a read of about `calls` calls: hold them without stamping; return the hold's id.

        The read is started when its calls fit in the budget free `hold_ahead` seconds from now,
        less the calls other started reads still hold; it sleeps for that moment up to
        `sleep_budget()`. Its calls are then made with `acquire(hold=...)`, each stamped when
        made; `release` drops what it did not use. Calls above the lane's limit are not held.

        Raises:
            CrmRateLimited: the read cannot start within `sleep_budget()` (retry_after: when it can).
        """
        hold = uuid.uuid4().hex
        need = max(0, int(calls))
        slept = 0.0
        patience_ = self.sleep_budget()
        while True:
            limit, window = self._spec(key, lane)
            blocked = self._blocked(key, lane)
            wait = blocked
            if blocked <= 0:
                wait = self.window.admit(self._wkey(key, lane), hold, min(need, limit), now=self.clock(),
                                         window=window, limit=limit, ahead=min(self.hold_ahead, window),
                                         ttl=HOLD_TTL_WINDOWS * window)
                if wait <= 0:
                    return hold
            # Other reads hold the lane: they end (and give back what they did not use) within
            # about the look-ahead, which no stamp tells; look again soon, or come back after it.
            step = HOLDS_POLL_SECONDS if math.isinf(wait) else wait
            if slept + step > patience_:
                retry = min(self.hold_ahead, window) if math.isinf(wait) else wait
                raise CrmRateLimited(f"rate budget of {key} ({lane}) spent; a read of {need} call(s) waits "
                                     f"{retry:.1f} s", status=429, retry_after=round(retry, 3), should_retry=True,
                                     code="LOCAL_BUDGET")
            self.sleep(step)
            slept += step

    def release(self, key: str, hold: str, lane: str = "default") -> None:
        """End a read's hold: the calls it did not make were never stamped, so nothing else to give back."""
        self.window.release(self._wkey(key, lane), hold)

    def capacity(self, key: str, lane: str = "default") -> int:
        """The most calls one window of `lane` holds for `key` (learned from the CRM's headers)."""
        return self._spec(key, lane)[0]

    def window_seconds(self, key: str, lane: str = "default") -> float:
        """The length of one window of `lane` for `key` (learned from the CRM's headers)."""
        return self._spec(key, lane)[1]

    def refund(self, key: str, unused: int, lane: str = "default") -> None:
        """Give back calls an `acquire(cost=n)` stamped but did not make: the newest stamps leave
        (another process's newer call may go instead of ours: the count is exact, not the times)."""
        if unused > 0:
            self.window.unstamp(self._wkey(key, lane), int(unused))

    def sleep_budget(self) -> float:
        """The longest this thread may sleep for a slot now: `max_sleep`, or a `patience` block's."""
        return max(self.max_sleep, getattr(_PATIENCE, "seconds", None) or 0.0)

    def observe(self, key: str, headers: Mapping[str, Any] | None, lane: str = "default", *,
                sent_at: float | None = None) -> None:
        """Pace from the CRM's own count: spend what it says is gone, block on a spent day.

        `sent_at`: when this call was stamped. The CRM counted the call when it arrived, a
        moment after; our stamps that left the window in that moment, or were made by other
        threads since, are not calls the CRM saw and we did not. So ours counts every stamp from
        `sent_at` - window to now, and only a CRM count above that is added (read as of now, it
        added hits for our own calls that had just left the window: 16-77 per backfill, each
        kept for a whole window).
        """
        if not headers:
            return
        h = {str(k).lower(): v for k, v in headers.items()}
        daily = _int(h.get(HEADER_DAILY_REMAINING.lower()))
        if daily is not None and daily <= 0:
            self.block_until_tomorrow(key)
        remaining = _int(h.get(HEADER_REMAINING.lower()))
        crm_max = _int(h.get(HEADER_MAX.lower()))
        if lane not in self.lanes:
            return
        if crm_max:
            # The CRM says what this installation may send per interval: our lane is that, less
            # the margin, over the same interval.
            limit = max(1, crm_max - math.ceil(crm_max * HEADER_MARGIN))
            interval_ms = _int(h.get(HEADER_INTERVAL.lower()))
            window = max(1, round(interval_ms / 1000)) if interval_ms else self.lanes[lane].window_seconds
            if self._learned.get((key, lane)) != (limit, window):
                self._learned[(key, lane)] = (limit, window)
                self.blocks.set_limit(f"{key}:{lane}", limit * 100_000 + window)
        if remaining is None:
            return
        limit, window_s = self._spec(key, lane)
        now = self.clock()
        since = min(now, sent_at) if sent_at is not None else now
        ours = self.window.count(self._wkey(key, lane), at=now, window=window_s + (now - since))
        # The CRM's window is the truth: if it has fewer left than ours, someone else spent them.
        # The margin between our lane limit and the CRM's max is left alone (it is the margin).
        margin = max(0, crm_max - limit) if crm_max else 0
        extra = (limit - ours) - max(0, remaining - margin)
        if extra > 0:
            self.window.stamp(self._wkey(key, lane), extra, at=now, window=window_s)

    def penalise(self, key: str, retry_after: float | None, lane: str = "default") -> float:
        """After a 429: block every process's calls for this installation; return the wait."""
        wait = retry_after if retry_after is not None and retry_after > 0 else float(self.lanes[lane].window_seconds)
        self.blocks.block(f"{key}:{lane}", wait)
        return wait

    def block_until_tomorrow(self, key: str) -> float:
        """The daily quota is spent: block until the next UTC midnight (HubSpot resets daily)."""
        now = datetime.fromtimestamp(self.clock(), tz=UTC)
        tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        wait = (tomorrow - now).total_seconds()
        self.blocks.block(key, wait)
        return wait

    def blocked_for(self, key: str, lane: str = "default") -> float:
        """Seconds until calls for `key` in `lane` may resume (0: not blocked)."""
        return self._blocked(key, lane)

    def headroom(self, key: str) -> dict[str, Any]:
        """Calls left now per lane for one installation, read without spending any (admin pages).

        Returns:
            `{"limit", "window_seconds", "remaining", "held", "blocked_for", "search_limit",
            "search_window_seconds", "search_remaining", "search_held"}`; `held`: calls that
            started reads hold but have not made yet.
        """
        out: dict[str, Any] = {"blocked_for": round(self.blocked_for(key), 3)}
        now = self.clock()
        for lane in self.lanes:
            limit, window = self._spec(key, lane)
            used = self.window.count(self._wkey(key, lane), at=now, window=window)
            prefix = "" if lane == "default" else f"{lane}_"
            out.update({f"{prefix}limit": limit, f"{prefix}window_seconds": int(window),
                        f"{prefix}remaining": max(0, limit - used),
                        f"{prefix}held": self.window.held(self._wkey(key, lane), now=now)})
        return out

    def reset(self, key: str) -> None:
        """Forget the windows of one installation (tests)."""
        for lane in self.lanes:
            self.window.clear(self._wkey(key, lane))

    def forget(self, key: str) -> None:
        """Forget everything kept about one installation: its windows, blocks and learned limits (an uninstall:
        no key naming the account stays in Redis)."""
        self.reset(key)
        self._learned = {k: v for k, v in self._learned.items() if k[0] != key}
        self.blocks.forget([key, *(f"{key}:{lane}" for lane in self.lanes)])


def _decode_limit(packed: int | None) -> tuple[int, int] | None:
    """(limit, window seconds) from the one integer stored per installation and lane."""
    return (packed // 100_000, packed % 100_000) if packed else None


def _int(value: Any) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


_DEFAULT: RateLimiter | None = None
_DEFAULT_LOCK = threading.Lock()


def in_process_limiter() -> RateLimiter:
    """The process-wide in-memory limiter (the default when no Redis is configured)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = RateLimiter("memory://")
        return _DEFAULT


_SHARED_BY_URL: dict[str, RateLimiter] = {}


def limiter_for(redis_url: str | None) -> RateLimiter:
    """The limiter a process should give its CRM clients: shared through Redis when the app
    has one (every worker and machine draws from one budget), else this process's own."""
    if not redis_url:
        return in_process_limiter()
    with _DEFAULT_LOCK:
        if redis_url not in _SHARED_BY_URL:
            _SHARED_BY_URL[redis_url] = RateLimiter(redis_url)
        return _SHARED_BY_URL[redis_url]


def reset_in_process_limiter() -> None:
    """Start the process's in-memory limiter afresh (tests: each test its own budget)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        _DEFAULT = None
