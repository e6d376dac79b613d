"""This month's LLM calls, tokens and cost of one tenant, from the `llm_usage` rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.models import LlmUsage


def month_start(now: datetime) -> datetime:
    """Midnight UTC on the first day of `now`'s month (spend caps are monthly)."""
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def summarise(rows: Iterable[tuple[str | None, str, str | None, int, int, float, bool, str | None]]) -> dict[str, Any]:
    """Per (role, provider, model): calls, cached, fallbacks, tokens and cost; plus totals.

    Rows are (role, provider, model, input_tokens, output_tokens, cost_usd, cached, fallback_reason).
    """
    lines: dict[tuple[str, str, str], dict[str, Any]] = {}
    total = {"calls": 0, "cost_usd": 0.0, "input_tokens": 0, "output_tokens": 0, "fallbacks": 0, "cached": 0}
    for role, provider, model, tin, tout, cost, cached, fallback in rows:
        key = (role or "–", provider, model or "–")
        line = lines.setdefault(key, {"role": key[0], "provider": provider, "model": key[2], "calls": 0,
                                      "cached": 0, "fallbacks": 0, "input_tokens": 0, "output_tokens": 0,
                                      "cost_usd": 0.0})
        for target in (line, total):
            target["calls"] += 1
            target["cached"] += int(bool(cached))
            target["fallbacks"] += int(bool(fallback))
            target["input_tokens"] += int(tin or 0)
            target["output_tokens"] += int(tout or 0)
            target["cost_usd"] += float(cost or 0.0)
    ordered = sorted(lines.values(), key=lambda x: (-x["cost_usd"], x["role"], x["provider"]))
    return {"lines": ordered, "total": total}


def this_month(s: Session, tenant_id: str, now: datetime) -> dict[str, Any]:
    """The tenant's usage since the first of this month (UTC)."""
    since = month_start(now)
    rows = s.execute(select(LlmUsage.role, LlmUsage.provider, LlmUsage.model, LlmUsage.input_tokens,
                            LlmUsage.output_tokens, LlmUsage.cost_usd, LlmUsage.cached, LlmUsage.fallback_reason)
                     .where(LlmUsage.tenant_id == tenant_id, LlmUsage.at >= since)).all()
    return {"since": since, **summarise(tuple(r) for r in rows)}
