"""A per-org cache of slow-changing org set-up (Lead Status values, currencies), read at most once per org and TTL in
each process: a batch of reads costs no extra API calls, and an admin's change shows within the TTL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class OrgCache(Generic[T]):
    def __init__(self, ttl_seconds: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._entries: dict[str, tuple[float, T]] = {}
        self._lock = threading.Lock()

    def get(self, key: str, load: Callable[[], T]) -> T:
        """The cached value of `key` if younger than the TTL, else `load()` (outside the lock: it calls the CRM)."""
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and self._clock() - hit[0] < self.ttl_seconds:
            return hit[1]
        value = load()
        with self._lock:
            self._entries[key] = (self._clock(), value)
        return value

    def forget(self, key: str | None = None) -> None:
        """Drop one key's entry (every entry when None)."""
        with self._lock:
            if key is None:
                self._entries.clear()
            else:
                self._entries.pop(key, None)
