"""The rate limiter's moving window, owned here: call stamps and soft holds, in memory or Redis.

A window key holds the time stamp of every call made in the last `window` seconds. A call is
stamped when it is made (`take`), never in advance: a read that is still to make 20 calls does
not make the budget look spent for the next 10 s. What a started read still needs is a *hold*
instead: a count, not stamps, that `admit` subtracts from the budget it offers the next read,
so two reads are not started on the same free calls. A hold shrinks with each call made under
it and is dropped when the read ends (or expires if its process dies).

Both storages answer the same questions in one step each (the Redis one in a Lua script, so
every worker and machine sees one window). Time comes from the caller (`now`), so that the
limiter's clock rules both and tests can move it.

We used the `limits` library's moving window before; a reservation then had to be stamped
up front and refunded by removing the newest entries (its storage internals), and a window's
waits were read from those internals too. Owning the window is ~150 lines and no private API.
"""

from __future__ import annotations

import bisect
import threading
from typing import Any, Protocol

NO_HOLD = ""

HOLDS_FULL = float("inf")
"""What `admit` answers when other reads' holds alone leave no room: no stamp says when those
reads end (they release what they did not use), so no wait is exact; the caller polls."""


class Window(Protocol):
    """One moving window per key, with soft holds (see module docstring)."""

    def take(self, key: str, *, now: float, window: float, limit: int, cost: int = 1, hold: str = NO_HOLD,
             hold_ttl: float = 0.0) -> float:
        """Stamp `cost` calls at `now` if they fit under `limit`; return 0.0, else the exact
        seconds until they would fit (nothing stamped). A call under `hold` shrinks it."""
        ...

    def admit(self, key: str, hold: str, need: int, *, now: float, window: float, limit: int, ahead: float,
              ttl: float) -> float:
        """Open `hold` for `need` calls if they fit in the budget that is free `ahead` seconds from
        now, less the other holds; return 0.0, else seconds until they would (HOLDS_FULL: not
        until other holds end)."""
        ...

    def release(self, key: str, hold: str) -> None:
        """Drop a hold (its read ended; calls it did not make are simply not stamped)."""
        ...

    def stamp(self, key: str, n: int, *, at: float, window: float) -> None:
        """Stamp `n` calls at `at` whatever the limit (calls the CRM saw that we did not make)."""
        ...

    def count(self, key: str, *, at: float, window: float) -> int:
        """Calls stamped in the window that ends at `at`: (at - window, at]."""
        ...

    def held(self, key: str, *, now: float) -> int:
        """Calls promised to open holds (expired ones are not counted)."""
        ...

    def unstamp(self, key: str, n: int) -> None:
        """Remove the `n` newest stamps (a caller that stamped calls it then did not make)."""
        ...

    def clear(self, key: str) -> None: ...


def admit_wait(stamps_newest_first: list[float], *, now: float, window: float, limit: int, held: int, need: int,
               ahead: float) -> float:
    """Seconds until `need` more calls fit beside `held` promised ones in the window as it will be
    `ahead` seconds later (0.0: now). Pure; both storages use the same rule (Redis in Lua).

    The calls still in the window at now + ahead are the stamps after now + ahead - window;
    room = limit - held - need of them may stay. With more, the (room)-th newest must have left
    by then: it leaves at its stamp + window.
    """
    room = limit - held - need
    if room < 0:
        return HOLDS_FULL
    edge = now + ahead - window
    staying = sum(1 for s in stamps_newest_first if s > edge)
    if staying <= room:
        return 0.0
    return max(0.01, stamps_newest_first[room] + window - ahead - now)


class MemoryWindow:
    """This process's windows (the default limiter, tests)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamps: dict[str, list[float]] = {}
        """key -> stamps, oldest first."""
        self._holds: dict[str, dict[str, tuple[int, float]]] = {}
        """key -> hold id -> (calls still promised, expires at)."""

    def _live(self, key: str, now: float, window: float) -> list[float]:
        stamps = self._stamps.setdefault(key, [])
        cut = bisect.bisect_right(stamps, now - window)
        if cut:
            del stamps[:cut]
        return stamps

    def _holds_of(self, key: str, now: float) -> dict[str, tuple[int, float]]:
        holds = self._holds.setdefault(key, {})
        for hid in [h for h, (_n, expires) in holds.items() if expires <= now]:
            del holds[hid]
        return holds

    def take(self, key: str, *, now: float, window: float, limit: int, cost: int = 1, hold: str = NO_HOLD,
             hold_ttl: float = 0.0) -> float:
        with self._lock:
            stamps = self._live(key, now, window)
            if len(stamps) + cost <= limit:
                for _ in range(cost):
                    bisect.insort(stamps, now)
                holds = self._holds_of(key, now)
                if hold and hold in holds:
                    left, expires = holds[hold]
                    holds[hold] = (max(0, left - cost), max(expires, now + hold_ttl))
                return 0.0
            index = len(stamps) - 1 - max(0, limit - cost)  # the (limit - cost)-th newest, oldest-first index
            return max(0.01, stamps[max(0, index)] + window - now)

    def admit(self, key: str, hold: str, need: int, *, now: float, window: float, limit: int, ahead: float,
              ttl: float) -> float:
        with self._lock:
            stamps = self._live(key, now, window)
            holds = self._holds_of(key, now)
            held = sum(n for hid, (n, _e) in holds.items() if hid != hold)
            wait = admit_wait(stamps[::-1], now=now, window=window, limit=limit, held=held, need=need, ahead=ahead)
            if wait <= 0:
                holds[hold] = (need, now + ttl)
            return wait

    def release(self, key: str, hold: str) -> None:
        with self._lock:
            self._holds.get(key, {}).pop(hold, None)

    def stamp(self, key: str, n: int, *, at: float, window: float) -> None:
        with self._lock:
            stamps = self._live(key, at, window)
            for _ in range(max(0, n)):
                bisect.insort(stamps, at)

    def count(self, key: str, *, at: float, window: float) -> int:
        with self._lock:
            stamps = self._stamps.get(key, [])
            return bisect.bisect_right(stamps, at) - bisect.bisect_right(stamps, at - window)

    def held(self, key: str, *, now: float) -> int:
        with self._lock:
            return sum(n for n, _e in self._holds_of(key, now).values())

    def unstamp(self, key: str, n: int) -> None:
        with self._lock:
            stamps = self._stamps.get(key)
            if stamps and n > 0:
                del stamps[-n:]

    def clear(self, key: str) -> None:
        with self._lock:
            self._stamps.pop(key, None)
            self._holds.pop(key, None)


# KEYS: stamps (sorted set: score = time, member unique), holds (hash: id -> "calls:expires"),
# sequence (the members' counter).
_TAKE = """
local now, window, limit, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local hold, ttl = ARGV[5], tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count + cost <= limit then
  local seq = redis.call('INCRBY', KEYS[3], cost)
  for i = 1, cost do redis.call('ZADD', KEYS[1], now, tostring(seq - i)) end
  local ms = math.ceil(window * 1000) + 1000
  redis.call('PEXPIRE', KEYS[1], ms)
  redis.call('PEXPIRE', KEYS[3], ms)
  if hold ~= '' then
    local v = redis.call('HGET', KEYS[2], hold)
    if v then
      local left, expires = string.match(v, '^(%-?%d+):(.+)$')
      local n = math.max(0, tonumber(left) - cost)
      redis.call('HSET', KEYS[2], hold, n .. ':' .. string.format('%.6f', math.max(tonumber(expires), now + ttl)))
    end
  end
  return '0'
end
local idx = math.max(0, limit - cost)
local r = redis.call('ZREVRANGE', KEYS[1], idx, idx, 'WITHSCORES')
if #r == 0 then return '0.01' end
return string.format('%.6f', math.max(0.01, tonumber(r[2]) + window - now))
"""

# Sum of the live holds in a hash except the hold named `except`, dropping expired
# ones; shared by the two scripts below (a Redis script cannot call another).
_SUM_HELD = """
local function sum_held(key, now, except)
  local all = redis.call('HGETALL', key)
  local held = 0
  for i = 1, #all, 2 do
    local left, expires = string.match(all[i + 1], '^(%-?%d+):(.+)$')
    if tonumber(expires) <= now then redis.call('HDEL', key, all[i])
    elseif all[i] ~= except then held = held + tonumber(left) end
  end
  return held
end
"""

_HELD = _SUM_HELD + """
local now, except = tonumber(ARGV[1]), ARGV[2]
return sum_held(KEYS[1], now, except)
"""

_ADMIT = _SUM_HELD + """
local now, window, limit, need = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local ahead, hold, ttl = tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local held = sum_held(KEYS[2], now, hold)
local room = limit - held - need
if room < 0 then return 'inf' end
local staying = redis.call('ZCOUNT', KEYS[1], '(' .. string.format('%.6f', now + ahead - window), '+inf')
if staying <= room then
  redis.call('HSET', KEYS[2], hold, need .. ':' .. string.format('%.6f', now + ttl))
  redis.call('PEXPIRE', KEYS[2], math.ceil(ttl * 1000) + 1000)
  return '0'
end
local r = redis.call('ZREVRANGE', KEYS[1], room, room, 'WITHSCORES')
return string.format('%.6f', math.max(0.01, tonumber(r[2]) + window - ahead - now))
"""

_STAMP = """
local at, window, n = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local seq = redis.call('INCRBY', KEYS[2], n)
for i = 1, n do redis.call('ZADD', KEYS[1], at, tostring(seq - i)) end
redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000) + 1000)
redis.call('PEXPIRE', KEYS[2], math.ceil(window * 1000) + 1000)
return n
"""


class RedisWindow:
    """Windows in Redis, shared by every process and machine with the same URL and prefix."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self.redis: Any = redis.Redis.from_url(url)
        self.prefix = prefix
        self._take = self.redis.register_script(_TAKE)
        self._admit = self.redis.register_script(_ADMIT)
        self._held = self.redis.register_script(_HELD)
        self._stamp = self.redis.register_script(_STAMP)

    def _keys(self, key: str) -> list[str]:
        # One hash tag per key: a Redis cluster keeps a window's three keys on one node.
        return [f"{self.prefix}:win:{{{key}}}", f"{self.prefix}:holds:{{{key}}}", f"{self.prefix}:seq:{{{key}}}"]

    def take(self, key: str, *, now: float, window: float, limit: int, cost: int = 1, hold: str = NO_HOLD,
             hold_ttl: float = 0.0) -> float:
        return float(self._take(keys=self._keys(key), args=[repr(now), window, limit, cost, hold, hold_ttl]))

    def admit(self, key: str, hold: str, need: int, *, now: float, window: float, limit: int, ahead: float,
              ttl: float) -> float:
        return float(self._admit(keys=self._keys(key)[:2],
                                 args=[repr(now), window, limit, need, ahead, hold, ttl]))

    def release(self, key: str, hold: str) -> None:
        self.redis.hdel(self._keys(key)[1], hold)

    def stamp(self, key: str, n: int, *, at: float, window: float) -> None:
        if n > 0:
            stamps, _holds, seq = self._keys(key)
            self._stamp(keys=[stamps, seq], args=[repr(at), window, n])

    def count(self, key: str, *, at: float, window: float) -> int:
        return int(self.redis.zcount(self._keys(key)[0], f"({at - window!r}", repr(at)))

    def held(self, key: str, *, now: float) -> int:
        return int(self._held(keys=[self._keys(key)[1]], args=[repr(now), NO_HOLD]))

    def unstamp(self, key: str, n: int) -> None:
        if n > 0:
            self.redis.zpopmax(self._keys(key)[0], n)

    def clear(self, key: str) -> None:
        self.redis.delete(*self._keys(key))
