"""Pluggable stores for the gateway: the answer cache and the spend ledger.

Both are Protocols with in-memory implementations for tests and the CLI; the app provides
database-backed ones (the cache keyed by tenant, provider, model, prompt version and input hash;
the ledger counting cost per tenant and period, and granting reservations against the caps).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from agents.providers.base import Message, Usage
from agents.providers.spend import Period

CACHE_MAX_ENTRIES = 1024
"""Entries the in-memory cache keeps before evicting the least recently used."""


@dataclass(frozen=True)
class CacheKey:
    """What identifies one cached answer."""

    tenant_id: str
    provider: str
    model: str
    prompt_version: str
    input_hash: str


def input_hash(messages: Sequence[Message], schema: type[BaseModel]) -> str:
    """Hash what the vendor would see (message text and the schema), never `Message.data`."""
    blob = json.dumps({"m": [[m.role, m.content] for m in messages],
                       "s": schema.model_json_schema()}, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()


class LLMCache(Protocol):
    """Stores validated answers as JSON-ready dicts."""

    def get(self, key: CacheKey) -> dict[str, Any] | None: ...

    def put(self, key: CacheKey, value: dict[str, Any], usage: Usage) -> None: ...


class MemoryCache:
    """A thread-safe LRU cache in process memory."""

    def __init__(self, max_entries: int = CACHE_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[CacheKey, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: CacheKey) -> dict[str, Any] | None:
        """Return the cached answer for `key`, or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: CacheKey, value: dict[str, Any], usage: Usage) -> None:
        """Store an answer (the usage is ignored here; a DB cache may keep it)."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)


class SpendLedger(Protocol):
    """Counts LLM spend per tenant and period and grants reservations against the caps.

    `spent` is what the period has committed: billed calls plus reservations still in flight.
    """

    def spent(self, tenant_id: str, period: str) -> float: ...

    def reserve(self, tenant_id: str, periods: Sequence[Period], amount_usd: float) -> Period | None:
        """Add `amount_usd` to every period if each stays within its cap; else add nothing and
        return the first period that refused. Atomic against concurrent callers."""
        ...

    def settle(self, tenant_id: str, periods: Sequence[Period], reserved_usd: float, usage: Usage | None, *,
               record_id: str | None = None) -> None:
        """Record one call (billed, cached or fallen back) and replace its reservation by its cost;
        `usage` None releases the reservation of an attempt the vendor did not bill (429, 5xx)."""
        ...


class MemoryLedger:
    """A thread-safe spend ledger in process memory (one process only: the CLI and tests)."""

    def __init__(self, initial: dict[tuple[str, str], float] | None = None) -> None:
        self._spent: dict[tuple[str, str], float] = dict(initial or {})
        self._lock = threading.Lock()
        self.calls: list[tuple[str, Usage, str | None]] = []

    def spent(self, tenant_id: str, period: str) -> float:
        """Return USD committed by the tenant in the period (`YYYY-MM` or `YYYY-MM-DD`)."""
        with self._lock:
            return self._spent.get((tenant_id, period), 0.0)

    def reserve(self, tenant_id: str, periods: Sequence[Period], amount_usd: float) -> Period | None:
        """Reserve `amount_usd` in every period, or nothing if one would pass its cap."""
        with self._lock:
            for p in periods:
                if not fits(self._spent.get((tenant_id, p.key), 0.0), amount_usd, p.cap_usd):
                    return p
            for p in periods:
                self._spent[(tenant_id, p.key)] = self._spent.get((tenant_id, p.key), 0.0) + amount_usd
            return None

    def settle(self, tenant_id: str, periods: Sequence[Period], reserved_usd: float, usage: Usage | None, *,
               record_id: str | None = None) -> None:
        """Record the call and swap its reservation for its cost."""
        with self._lock:
            if usage is not None:
                self.calls.append((tenant_id, usage, record_id))
            cost = usage.cost_usd if usage is not None else 0.0
            for p in periods:
                key = (tenant_id, p.key)
                self._spent[key] = self._spent.get(key, 0.0) + cost - reserved_usd


def fits(committed: float, amount_usd: float, cap_usd: float | None) -> bool:
    """Whether `amount_usd` more stays within `cap_usd` (no cap, or a free call, always fits)."""
    return cap_usd is None or amount_usd <= 0 or committed + amount_usd <= cap_usd + 1e-12
