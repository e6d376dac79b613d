"""A tenant's LLM calls, tokens and cost from its `llm_usage` rows, and its budget in force.

One module backs the console's LLM page, its CSV download and `agentic-sales costs`, so the three
show the same figures. Periods are the tenant's budget periods (months and days in its
`budget_timezone`); the export's `day_utc` column lets finance re-cut by the UTC days a vendor
invoices on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agents.providers.spend import day_bounds, month_bounds, zone
from app.storage.models import LlmBudget, LlmUsage

UsageRow = tuple[str | None, str, str | None, int, int, float, bool, str | None, str | None]
"""(role, provider, model, input_tokens, output_tokens, cost_usd, cached, fallback_reason, record_id)."""

EXPORT_COLUMNS = ("tenant_id", "period", "day_utc", "provider", "model", "role", "calls", "billed_calls",
                  "cached_calls", "fallbacks", "estimated_calls", "records", "input_tokens", "output_tokens",
                  "cost_usd", "price_in_usd_per_mtok", "price_out_usd_per_mtok")
"""Columns of the usage export (one row per UTC day, provider, model and role)."""

RECORD_COLUMNS = ("tenant_id", "period", "record_id", "calls", "billed_calls", "cached_calls", "fallbacks",
                  "input_tokens", "output_tokens", "cost_usd")
"""Columns of the per-record export (one row per enriched record)."""


def month_start(now: datetime, tz: str = "UTC") -> datetime:
    """First instant (UTC) of the budget month holding `now` in `tz`."""
    return month_bounds(now, tz)[1]


def summarise(rows: Iterable[UsageRow | tuple[Any, ...]]) -> dict[str, Any]:
    """Per (role, provider, model): calls, cached, fallbacks, tokens and cost; plus totals and
    the average cost of an enriched record (records with at least one booked call)."""
    lines: dict[tuple[str, str, str], dict[str, Any]] = {}
    total: dict[str, Any] = {"calls": 0, "cost_usd": 0.0, "input_tokens": 0, "output_tokens": 0, "fallbacks": 0,
                             "cached": 0}
    records: set[str] = set()
    for role, provider, model, tin, tout, cost, cached, fallback, *rest in rows:
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
        if rest and rest[0]:
            records.add(str(rest[0]))
    ordered = sorted(lines.values(), key=lambda x: (-x["cost_usd"], x["role"], x["provider"]))
    total["records"] = len(records)
    total["cost_per_record_usd"] = total["cost_usd"] / len(records) if records else None
    return {"lines": ordered, "total": total}


def this_month(s: Session, tenant_id: str, now: datetime, tz: str = "UTC") -> dict[str, Any]:
    """The tenant's usage since the start of its budget month (in `tz`)."""
    key, since, until = month_bounds(now, tz)
    rows = s.execute(select(LlmUsage.role, LlmUsage.provider, LlmUsage.model, LlmUsage.input_tokens,
                            LlmUsage.output_tokens, LlmUsage.cost_usd, LlmUsage.cached, LlmUsage.fallback_reason,
                            LlmUsage.record_id)
                     .where(LlmUsage.tenant_id == tenant_id, LlmUsage.at >= since, LlmUsage.at < until)).all()
    return {"since": since.astimezone(zone(tz)), "period": key, "timezone": tz, **summarise(tuple(r) for r in rows)}


@dataclass(frozen=True)
class BudgetLine:
    """One budget period as the admin sees it."""

    kind: str
    period: str
    committed_usd: float
    cap_usd: float | None
    warn_share: float

    @property
    def share(self) -> float | None:
        """Committed share of the cap (None without a cap; 1.0 for a zero cap)."""
        if self.cap_usd is None:
            return None
        return 1.0 if self.cap_usd <= 0 else self.committed_usd / self.cap_usd

    @property
    def state(self) -> str:
        """`ok`, `warning` (past the warning share) or `capped` (no vendor call fits any more)."""
        share = self.share
        if share is None:
            return "ok"
        return "capped" if share >= 1.0 - 1e-9 else "warning" if share >= self.warn_share else "ok"

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "period": self.period, "committed_usd": round(self.committed_usd, 6),
                "cap_usd": self.cap_usd, "share": None if self.share is None else round(self.share, 4),
                "state": self.state}


def budget(s: Session, tenant_id: str, settings: Any, now: datetime) -> list[BudgetLine]:
    """The monthly (and daily, when set) budget lines in force for the tenant at `now`.

    `committed` is the shared counter the workers reserve against (billed plus in flight); a
    period no call has touched yet shows what its `llm_usage` rows hold.
    """
    tz = settings.budget_timezone
    out = []
    for kind, bounds, cap in (("monthly", month_bounds, settings.monthly_spend_cap_usd),
                              ("daily", day_bounds, settings.daily_spend_cap_usd)):
        if kind == "daily" and cap is None:
            continue
        key, start, end = bounds(now, tz)
        committed = s.execute(select(LlmBudget.committed_usd).where(
            LlmBudget.tenant_id == tenant_id, LlmBudget.period == key)).scalar_one_or_none()
        if committed is None:
            committed = s.execute(select(func.coalesce(func.sum(LlmUsage.cost_usd), 0.0)).where(
                LlmUsage.tenant_id == tenant_id, LlmUsage.at >= start, LlmUsage.at < end)).scalar_one()
        out.append(BudgetLine(kind, key, float(committed), cap, settings.spend_warning_share))
    return out


def export_rows(s: Session, tenant_id: str, period: str, tz: str, prices: Mapping[str, tuple[float, float]],
                *, by: str = "day") -> list[dict[str, Any]]:
    """The tenant's usage in `period` (`YYYY-MM` in `tz`), one row per UTC day, provider, model and
    role (`by="day"`) or per enriched record (`by="record"`), for reconciling with an invoice.

    Raises:
        ValueError: `period` is not `YYYY-MM`; the message names it.
    """
    try:
        first = datetime.strptime(period + "-01", "%Y-%m-%d").replace(tzinfo=zone(tz))
    except ValueError:
        raise ValueError(f"--month={period!r} is not a month like 2026-12") from None
    _key, start, end = month_bounds(first, tz)
    q = select(LlmUsage.at, LlmUsage.provider, LlmUsage.model, LlmUsage.role, LlmUsage.input_tokens,
               LlmUsage.output_tokens, LlmUsage.cost_usd, LlmUsage.cached, LlmUsage.fallback_reason,
               LlmUsage.estimated, LlmUsage.record_id).where(
        LlmUsage.tenant_id == tenant_id, LlmUsage.at >= start, LlmUsage.at < end).order_by(LlmUsage.at)
    groups: dict[tuple[str, ...], dict[str, Any]] = {}
    for at, provider, model, role, tin, tout, cost, cached, fallback, estimated, record_id in s.execute(q):
        if by == "record":
            key: tuple[str, ...] = (record_id or "",)
            row = groups.setdefault(key, {"tenant_id": tenant_id, "period": period, "record_id": record_id or "",
                                          "calls": 0, "billed_calls": 0, "cached_calls": 0, "fallbacks": 0,
                                          "input_tokens": 0, "output_tokens": 0, "cost_usd": 0.0})
        else:
            key = (at.strftime("%Y-%m-%d"), provider, model or "", role or "")
            pin, pout = (prices.get(f"{provider}:{model}") or prices.get(f"{provider}:*") or ("", ""))
            row = groups.setdefault(key, {"tenant_id": tenant_id, "period": period, "day_utc": key[0],
                                          "provider": provider, "model": model or "", "role": role or "",
                                          "calls": 0, "billed_calls": 0, "cached_calls": 0, "fallbacks": 0,
                                          "estimated_calls": 0, "records": set(), "input_tokens": 0,
                                          "output_tokens": 0, "cost_usd": 0.0, "price_in_usd_per_mtok": pin,
                                          "price_out_usd_per_mtok": pout})
            row["estimated_calls"] += int(bool(estimated))
            if record_id:
                row["records"].add(record_id)
        row["calls"] += 1
        row["billed_calls"] += int(not cached and not fallback)
        row["cached_calls"] += int(bool(cached))
        row["fallbacks"] += int(bool(fallback))
        row["input_tokens"] += int(tin or 0)
        row["output_tokens"] += int(tout or 0)
        row["cost_usd"] += float(cost or 0.0)
    out = []
    for row in groups.values():
        if "records" in row:
            row["records"] = len(row["records"])
        row["cost_usd"] = round(row["cost_usd"], 8)
        out.append(row)
    if by == "record":
        out.sort(key=lambda r: (-r["cost_usd"], r["record_id"]))
    return out


def to_csv(rows: list[dict[str, Any]], *, by: str = "day") -> str:
    """The export as CSV text (no cell a spreadsheet would run as a formula)."""
    from app.cli.csv_cells import text_cell  # loads pandas: only when a file is asked for

    columns = RECORD_COLUMNS if by == "record" else EXPORT_COLUMNS
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: text_cell(row.get(c, "")) for c in columns})
    return buf.getvalue()
