"""Logged bandit decisions written to a tenant's tables as the pipeline writes them, for the
export, the report and the console page that shows it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

FIRST_DECISION = datetime(2026, 3, 1, 9)
DECISIONS_A_DAY = 5
OUTCOMES_AT = datetime(2026, 4, 1, tzinfo=UTC)
"""When the deals close: every decision of March (the first 155) closes then, a later one the day after it."""


def closed_at(decided: datetime) -> datetime:
    """When the deal of a decision made at `decided` (naive means UTC) closes."""
    decided = decided.replace(tzinfo=UTC) if decided.tzinfo is None else decided
    return OUTCOMES_AT if decided < OUTCOMES_AT else decided + timedelta(days=1)


def log_decisions(app: Any, tenant_id: str, *, n: int = 40, old_rows: int = 0, outcomes: bool = True,
                  object_type: str = "deal") -> None:
    """`n` strategy choices, five a day from 1 March 2026, with every allowed arm's probability in
    the payload (as `app.pipeline.strategy.logged_choice` logs it), each deal won or lost (with
    `outcomes`), and the first `old_rows` logged as an older version did: the chosen arm's
    propensity only. Any `n`: the days run on past March, the probabilities stay inside (0, 1) and
    every outcome comes after its decision. `object_type`: whose decisions (a Salesforce Lead's;
    outcomes are written for deals only)."""
    from app.storage import get_db
    from app.storage import models as m

    with get_db(app).session() as s:
        for i in range(n):
            arm = ("social_proof", "education_nurture")[i % 2 if i % 5 else 0]
            # The first 50 as they always were (tests assert on them); then the same spread again, where
            # 0.5 ± i / 100 would leave (0, 1) and give a negative propensity.
            shift = (i % 50) / 100
            probs = {"social_proof": 0.5 + shift, "education_nurture": 0.5 - shift}
            payload = {"arm": arm, "propensity": probs[arm], "policy": "thompson-v1", "holdout": False,
                       "context": {"segment": "smb", "band": ("low", "high")[i % 3 == 0], "engagement": "active",
                                   "baseline": 0.2, "amount_weight": 1.0 + (i % 4) / 4}}
            if i >= old_rows:
                payload["probabilities"] = probs
            decided = FIRST_DECISION + timedelta(days=i // DECISIONS_A_DAY)
            a = m.Action(tenant_id=tenant_id, object_type=object_type, record_id=f"d{i}", kind="strategy_choice",
                         status="logged", payload=payload, created_at=decided)
            s.add(a)
            s.flush()
            if not outcomes:
                continue
            won = (i * 7) % 3 == 0
            crm = tenant_id.split("-", 1)[0] if "-" in tenant_id else "hubspot"
            closed = closed_at(decided)
            o = m.Outcome(tenant_id=tenant_id, crm=crm, deal_id=f"d{i}", kind="won" if won else "lost",
                          at=closed, amount=1000.0,
                          stage="closedwon" if won else "closedlost")
            s.add(o)
            s.flush()
            s.add(m.Reward(tenant_id=tenant_id, outcome_id=o.id, action_id=a.id, deal_id=f"d{i}", arm=arm,
                           propensity=probs[arm], policy="thompson-v1", context={}, reward=float(won)))


def add_outcomes(app: Any, tenant_id: str) -> int:
    """Win or lose every logged decision of the tenant that has no reward yet; return how many."""
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage import models as m

    done = 0
    with get_db(app).session() as s:
        rewarded = set(s.execute(select(m.Reward.action_id).where(m.Reward.tenant_id == tenant_id)).scalars())
        for i, a in enumerate(s.execute(select(m.Action).where(
                m.Action.tenant_id == tenant_id, m.Action.kind == "strategy_choice").order_by(m.Action.id)).scalars()):
            if a.id in rewarded:
                continue
            won = (i * 7) % 3 == 0
            o = m.Outcome(tenant_id=tenant_id, crm="hubspot", deal_id=a.record_id, kind="won" if won else "lost",
                          at=closed_at(a.created_at), amount=1000.0,
                          stage="closedwon" if won else "closedlost")
            s.add(o)
            s.flush()
            s.add(m.Reward(tenant_id=tenant_id, outcome_id=o.id, action_id=a.id, deal_id=a.record_id,
                           arm=a.payload["arm"], propensity=a.payload["propensity"], policy="thompson-v1",
                           context={}, reward=float(won)))
            done += 1
    return done
