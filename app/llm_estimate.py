"""What enriching N records will cost in LLM spend, before a backfill starts.

The per-record cost comes from the tenant's own last 30 days when it has enough billed records
(its real prompts, its real repair rate), else from what the demo measured per role
(benchmarks/llm_cost_per_record.py) at the price table in force for the roles it configures,
counted at 3 characters per token (the gateway's conservative estimate). Offline roles cost
nothing. The result says how many of the N records the remaining monthly and daily budget can
pay for; the rest would be enriched by the offline templates (never dropped).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from agents.providers.base import PriceTable
from agents.providers.spend import RESERVE_CHARS_PER_TOKEN
from agents.settings import DEFAULT_PRICE, ROLES
from app.admin.usage import BudgetLine
from app.storage.models import LlmUsage

MEASURED_PER_ROLE: Mapping[str, tuple[float, float, float]] = {
    "analyst": (1.0, 7548.3, 1227.6),
    "strategist": (1.0, 7727.1, 312.7),
    "writer": (1.02, 8317.4, 483.0),
}
"""Per role: vendor calls per record (repairs included), input characters per call (prompt plus
strict JSON schema) and output characters per call: means over 60 demo deals,
benchmarks/results/llm_cost_per_record.json (2026-12-04 03:29 UTC). The repair rate is the replay's
(offline answers checked as a vendor's: 0.02 extra calls per record); a real model's repairs are not measured here."""

HISTORY_DAYS = 30
"""Days of the tenant's own usage the per-record cost is taken from."""

HISTORY_MIN_RECORDS = 20
"""Billed records the tenant's own history needs before it is preferred to the demo's measurement."""


@dataclass(frozen=True)
class Estimate:
    """The cost of enriching `records` records and what the budget can pay for."""

    records: int
    usd_per_record: float
    basis: str
    roles: Mapping[str, str]
    budget: list[BudgetLine]

    @property
    def total_usd(self) -> float:
        return self.records * self.usd_per_record

    @property
    def headroom_usd(self) -> float | None:
        """USD left before the tightest cap (None without caps)."""
        left = [max(0.0, b.cap_usd - b.committed_usd) for b in self.budget if b.cap_usd is not None]
        return min(left) if left else None

    @property
    def records_within_budget(self) -> int:
        if self.usd_per_record <= 0 or self.headroom_usd is None:
            return self.records
        return min(self.records, math.floor(self.headroom_usd / self.usd_per_record))

    @property
    def fits(self) -> bool:
        return self.records_within_budget >= self.records

    def as_json(self) -> dict[str, Any]:
        return {"records": self.records, "usd_per_record": round(self.usd_per_record, 6),
                "estimated_usd": round(self.total_usd, 2), "basis": self.basis, "roles": dict(self.roles),
                "budget": [b.as_json() for b in self.budget],
                "headroom_usd": None if self.headroom_usd is None else round(self.headroom_usd, 2),
                "records_within_budget": self.records_within_budget, "fits": self.fits}


def measured_usd_per_record(roles: Mapping[str, str], prices: Mapping[str, tuple[float, float]]) -> float:
    """The demo's measured characters per role, priced for the roles' `provider:model`."""
    table = PriceTable(prices, DEFAULT_PRICE)
    total = 0.0
    for role in ROLES:
        provider, _sep, model = (roles.get(role) or "offline:template-v1").partition(":")
        if provider == "offline":
            continue
        calls, chars_in, chars_out = MEASURED_PER_ROLE[role]
        total += calls * table.cost(provider, model, math.ceil(chars_in / RESERVE_CHARS_PER_TOKEN),
                                    math.ceil(chars_out / RESERVE_CHARS_PER_TOKEN))
    return total


def history_usd_per_record(s: Session, tenant_id: str, now: datetime) -> tuple[float, int] | None:
    """(USD per billed record, records) over the tenant's last HISTORY_DAYS, or None when too few."""
    since = now - timedelta(days=HISTORY_DAYS)
    billed = (LlmUsage.tenant_id == tenant_id, LlmUsage.at >= since, LlmUsage.cost_usd > 0,
              LlmUsage.record_id.is_not(None))
    cost, records = s.execute(select(func.coalesce(func.sum(LlmUsage.cost_usd), 0.0),
                                     func.count(distinct(LlmUsage.record_id))).where(*billed)).one()
    if records < HISTORY_MIN_RECORDS:
        return None
    return float(cost) / records, int(records)


def estimate(s: Session, tenant_id: str, records: int, *, roles: Mapping[str, str],
             prices: Mapping[str, tuple[float, float]], budget: list[BudgetLine], now: datetime) -> Estimate:
    """The estimate for `records` records (see the module's doc for where the figure comes from)."""
    vendor_roles = {r: spec for r, spec in roles.items() if not spec.startswith("offline")}
    if not vendor_roles:
        return Estimate(records, 0.0, "every role runs on the offline templates: no vendor cost", roles, budget)
    history = history_usd_per_record(s, tenant_id, now)
    if history is not None:
        per_record, n = history
        basis = f"this tenant's last {HISTORY_DAYS} days: {n} records billed"
    else:
        per_record = measured_usd_per_record(roles, prices)
        basis = ("measured on the demo (benchmarks/llm_cost_per_record.py) at 3 characters per token, "
                 "priced at the table in force")
    return Estimate(records, per_record, basis, roles, budget)
