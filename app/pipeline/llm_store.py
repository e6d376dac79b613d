"""Database-backed stores for the agents: the answer cache and the spend ledger (budget periods).

Both are scoped by tenant, so one tenant's cached answers or spend never reach another; both
log and continue on database errors (a cache miss or an unrecorded cost must not fail a job).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from flask import Flask
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from agents.providers.base import Usage
from agents.providers.cache import CacheKey
from agents.providers.spend import Period, usd
from app.audit import write_audit
from app.storage import get_db, rowcount
from app.storage.models import LlmBudget, LlmCacheEntry, LlmUsage
from app.storage.upsert import insert_if_absent

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
                s.execute(insert_if_absent(s, LlmCacheEntry, ["tenant_id", "cache_key"],
                                           tenant_id=key.tenant_id, cache_key=_key(key), value=value))
        except Exception:
            log.exception("llm cache write failed")


class _Refused(Exception):
    """Unwinds a reservation's transaction (nothing reserved) when one period cannot hold it."""

    def __init__(self, period: Period) -> None:
        self.period = period


class DbLedger:
    """SpendLedger over `llm_budget` (the shared counter) and `llm_usage` (one row per call).

    A reservation is one transaction of conditional UPDATEs (`committed + amount <= cap`): on
    PostgreSQL the row lock makes a second worker re-check the condition against the first one's
    committed total, and SQLite runs one writer at a time, so concurrent workers cannot together
    pass a cap. A period's row is created on first use from the `llm_usage` rows already in it,
    so a deployment that upgrades mid-month starts from what it has really spent.
    """

    def __init__(self, app: Flask) -> None:
        self.app = app

    def spent(self, tenant_id: str, period: str) -> float:
        with get_db(self.app).session() as s:
            value = s.execute(select(LlmBudget.committed_usd).where(
                LlmBudget.tenant_id == tenant_id, LlmBudget.period == period)).scalar_one_or_none()
        return float(value or 0.0)

    def reserve(self, tenant_id: str, periods: Sequence[Period], amount_usd: float) -> Period | None:
        if amount_usd <= 0 or not periods:
            return None
        with get_db(self.app).session() as s:  # its own transaction: a refusal must not undo the seed
            for p in periods:
                _ensure_row(s, tenant_id, p)
        try:
            with get_db(self.app).session() as s:
                for p in periods:
                    stmt = (update(LlmBudget).where(LlmBudget.tenant_id == tenant_id, LlmBudget.period == p.key)
                            .values(committed_usd=LlmBudget.committed_usd + amount_usd))
                    if p.cap_usd is not None:
                        stmt = stmt.where(LlmBudget.committed_usd + amount_usd <= p.cap_usd + CAP_TOLERANCE_USD)
                    if rowcount(s.execute(stmt)) == 0:
                        raise _Refused(p)
        except _Refused as refused:
            return refused.period
        return None

    def settle(self, tenant_id: str, periods: Sequence[Period], reserved_usd: float, usage: Usage | None, *,
               record_id: str | None = None) -> None:
        delta = (usage.cost_usd if usage is not None else 0.0) - reserved_usd
        try:
            with get_db(self.app).session() as s:
                if usage is not None:
                    s.add(LlmUsage(tenant_id=tenant_id, role=usage.role or None, provider=usage.provider,
                                   model=usage.model, input_tokens=usage.input_tokens,
                                   output_tokens=usage.output_tokens, cost_usd=usage.cost_usd, cached=usage.cached,
                                   fallback_reason=(usage.fallback_reason or "")[:255] or None,
                                   record_id=(record_id or "")[:64] or None, estimated=usage.estimated))
                for p in periods:
                    if delta:
                        _ensure_row(s, tenant_id, p)
                        s.execute(update(LlmBudget).where(LlmBudget.tenant_id == tenant_id, LlmBudget.period == p.key)
                                  .values(committed_usd=LlmBudget.committed_usd + delta))
                    if p.warn_usd is not None and usage is not None and usage.cost_usd > 0:
                        _warn_once(s, tenant_id, p)
        except Exception:  # an unrecorded cost must not fail a job; the log says so
            log.exception("llm usage write failed")


CAP_TOLERANCE_USD = 1e-9
"""Float slack when comparing a committed total with a cap (sums of fractions of a cent)."""


def _ensure_row(s: Session, tenant_id: str, p: Period) -> None:
    exists = s.execute(select(LlmBudget.period).where(LlmBudget.tenant_id == tenant_id,
                                                      LlmBudget.period == p.key)).first()
    if exists:
        return
    seed = s.execute(select(func.coalesce(func.sum(LlmUsage.cost_usd), 0.0)).where(
        LlmUsage.tenant_id == tenant_id, LlmUsage.at >= p.start, LlmUsage.at < p.end)).scalar_one()
    s.execute(insert_if_absent(s, LlmBudget, ["tenant_id", "period"],
                               tenant_id=tenant_id, period=p.key, committed_usd=float(seed)))


def _warn_once(s: Session, tenant_id: str, p: Period) -> None:
    """The first settlement that takes a period past its warning share tells the admin (audit log)."""
    won = rowcount(s.execute(update(LlmBudget).where(
        LlmBudget.tenant_id == tenant_id, LlmBudget.period == p.key, LlmBudget.warned_at.is_(None),
        LlmBudget.committed_usd >= p.warn_usd).values(warned_at=datetime.now(UTC))))
    if won:
        committed = s.execute(select(LlmBudget.committed_usd).where(
            LlmBudget.tenant_id == tenant_id, LlmBudget.period == p.key)).scalar_one()
        log.warning("tenant %s has committed %s of its %s LLM budget of %s for %s", tenant_id, usd(committed),
                    p.kind, usd(p.cap_usd or 0.0), p.key)
        write_audit(s, "llm_budget_warning", tenant_id=tenant_id,
                    detail={"period": p.key, "kind": p.kind, "committed_usd": round(float(committed), 6),
                            "cap_usd": p.cap_usd, "warn_usd": p.warn_usd})
