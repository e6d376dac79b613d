"""Database-backed stores for the agents: the answer cache and the monthly spend ledger.

Both are scoped by tenant, so one tenant's cached answers or spend never reach another; both
log and continue on database errors (a cache miss or an unrecorded cost must not fail a job).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from agents.providers.base import Usage
from agents.providers.cache import CacheKey
from app.storage import get_db
from app.storage.models import LlmCacheEntry, LlmUsage

log = logging.getLogger(__name__)


def _key(key: CacheKey) -> str:
    return f"{key.provider}|{key.model}|{key.prompt_version}|{key.input_hash}"[:128]


class DbCache:
    """LLMCache over `llm_cache` (tenant, provider, model, prompt version, input hash)."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def get(self, key: CacheKey) -> dict[str, Any] | None:
        try:
            with get_db(self.app).session() as s:
                row = s.execute(select(LlmCacheEntry.value).where(
                    LlmCacheEntry.tenant_id == key.tenant_id, LlmCacheEntry.cache_key == _key(key))).first()
                return dict(row[0]) if row else None
        except Exception:  # never fail a job over the cache
            log.exception("llm cache read failed")
            return None

    def put(self, key: CacheKey, value: dict[str, Any], usage: Usage) -> None:
        try:
            with get_db(self.app).session() as s:
                insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
                s.execute(insert(LlmCacheEntry).values(tenant_id=key.tenant_id, cache_key=_key(key), value=value)
                          .on_conflict_do_nothing(index_elements=["tenant_id", "cache_key"]))
        except Exception:
            log.exception("llm cache write failed")


class DbLedger:
    """SpendLedger over `llm_usage`: one row per vendor call, summed per calendar month."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def spent(self, tenant_id: str, month: str) -> float:
        start = datetime.strptime(month + "-01", "%Y-%m-%d").replace(tzinfo=UTC)
        end = start.replace(year=start.year + (start.month == 12), month=start.month % 12 + 1)
        with get_db(self.app).session() as s:
            total = s.execute(select(func.coalesce(func.sum(LlmUsage.cost_usd), 0.0)).where(
                LlmUsage.tenant_id == tenant_id, LlmUsage.at >= start, LlmUsage.at < end)).scalar_one()
        return float(total)

    def add(self, tenant_id: str, month: str, usage: Usage) -> None:
        try:
            with get_db(self.app).session() as s:
                s.add(LlmUsage(tenant_id=tenant_id, role=usage.role or None, provider=usage.provider,
                               model=usage.model, input_tokens=usage.input_tokens,
                               output_tokens=usage.output_tokens, cost_usd=usage.cost_usd, cached=usage.cached,
                               fallback_reason=usage.fallback_reason))
        except Exception:
            log.exception("llm usage write failed")
