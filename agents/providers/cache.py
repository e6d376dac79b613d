"""Pluggable stores for the gateway: the answer cache and the spend ledger.

Both are Protocols with in-memory implementations for tests and the CLI; the app provides
database-backed ones (the cache keyed by tenant, provider, model, prompt version and input hash;
the ledger summing cost per tenant and calendar month).
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
    """Sums LLM spend per tenant and calendar month (`YYYY-MM`, UTC)."""

    def spent(self, tenant_id: str, month: str) -> float: ...

    def add(self, tenant_id: str, month: str, usage: Usage) -> None: ...


class MemoryLedger:
    """A thread-safe spend ledger in process memory."""

    def __init__(self, initial: dict[tuple[str, str], float] | None = None) -> None:
        self._spent: dict[tuple[str, str], float] = dict(initial or {})
        self._lock = threading.Lock()

    def spent(self, tenant_id: str, month: str) -> float:
        """Return USD spent by the tenant in the month."""
        with self._lock:
            return self._spent.get((tenant_id, month), 0.0)

    def add(self, tenant_id: str, month: str, usage: Usage) -> None:
        """Add one call's cost."""
        with self._lock:
            self._spent[(tenant_id, month)] = self._spent.get((tenant_id, month), 0.0) + usage.cost_usd
