"""The outcome stage: a deal that became won or lost closes our open task, records the Outcome
and the rewards of the strategy choices that preceded it. It never runs the agents and never
writes a note or a draft to a closed deal (DESIGN.md, pipeline).

Idempotent under duplicate and late outcome webhooks: one `outcomes` row per (tenant, deal,
kind) and one `rewards` row per (outcome, logged decision), both enforced by unique constraints;
a second pass finds the task already completed and writes nothing. Reward attribution itself is
learning/rewards.py (pure); this module only feeds it the stored decisions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app import defaults
from app.audit import write_audit
from app.pipeline.strategy import refresh_posterior
from app.storage import get_db
from app.storage.models import Action, Enrichment
from app.storage.models import Outcome as OutcomeRow
from app.storage.models import Reward as RewardRow
from integrations.base import Record, TaskRef, TaskSpec, TaskWrite, WriteResult
from learning.rewards import LoggedDecision, RewardConfig, attribute
from learning.rewards import Outcome as OutcomeEvent

log = logging.getLogger(__name__)


@dataclass
class Closing:
    """One closed deal of a batch: the task completion to write (if we have an open task)."""

    item: Any
    record: Record
    kind: str
    task: TaskWrite | None


def plan(app: Any, tenant_id: str, closed: list[tuple[Any, Record]]) -> list[Closing]:
    """Decide each closed deal's write: complete our open task, if there is one."""
    out = []
    for item, record in closed:
        task_ref = record.app_task or _open_task_from_actions(app, tenant_id, record.id)
        task = None
        if task_ref is not None and (task_ref.status or "").upper() != "COMPLETED":
            task = TaskWrite(record=record, task=TaskSpec(subject=task_ref.subject or "", body=task_ref.body or ""),
                             idempotency_key=f"{tenant_id}:{record.id}:complete", existing=task_ref, complete=True)
        out.append(Closing(item=item, record=record, kind=record.stage_kind, task=task))
    return out


def _open_task_from_actions(app: Any, tenant_id: str, deal_id: str) -> TaskRef | None:
    """Our task on the deal as the actions log knows it, unless we already completed it."""
    with get_db(app).session() as s:
        rows = s.execute(select(Action.kind, Action.crm_id).where(
            Action.tenant_id == tenant_id, Action.record_id == deal_id,
            Action.kind.in_(("task", "task_completed"))).order_by(Action.id.desc()).limit(1)).all()
    if not rows or rows[0][0] != "task" or not rows[0][1]:
        return None
    return TaskRef(id=str(rows[0][1]))


def outcome_time(record: Record) -> datetime:
    """When the deal closed in the CRM: its last stage change, else now (observed)."""
    for change in reversed(record.history.stage_changes):
        if change.stage == record.stage:
            try:
                at = datetime.fromisoformat(change.at.replace("Z", "+00:00"))
                return at if at.tzinfo else at.replace(tzinfo=UTC)
            except ValueError:
                break
    return datetime.now(UTC)


def store(app: Any, closing: Closing, results: list[WriteResult]) -> dict[str, Any]:
    """Record the outcome, its rewards and the task completion (idempotent); update the card."""
    record = closing.record
    tenant_id = record.tenant_id
    event = OutcomeEvent(tenant_id=tenant_id, crm=record.crm, deal_id=record.id, kind=closing.kind,  # type: ignore[arg-type]
                         at=outcome_time(record), amount=record.amount, stage=record.stage)
    task_result = next((r for r in results if r.kind == "task"), None)
    with get_db(app).session() as s:
        insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
        s.execute(insert(OutcomeRow).values(
            tenant_id=tenant_id, crm=record.crm, deal_id=record.id, kind=event.kind, at=event.at,
            amount=event.amount, stage=event.stage, created_at=datetime.now(UTC),
        ).on_conflict_do_nothing(index_elements=["tenant_id", "deal_id", "kind"]))
        outcome_id = s.execute(select(OutcomeRow.id).where(
            OutcomeRow.tenant_id == tenant_id, OutcomeRow.deal_id == record.id,
            OutcomeRow.kind == event.kind)).scalar_one()
        decisions = [
            LoggedDecision(decision_id=str(a.id), deal_id=record.id, at=_aware(a.created_at),
                           arm=str(a.payload.get("arm")), propensity=float(a.payload.get("propensity") or 0.0),
                           policy=str(a.payload.get("policy") or ""), context=a.payload.get("context") or {},
                           tenant_id=tenant_id, crm=record.crm)
            for a in s.execute(select(Action).where(
                Action.tenant_id == tenant_id, Action.record_id == record.id,
                Action.kind == "strategy_choice")).scalars()
        ]
        config = RewardConfig(window_days=float(app.config.get("OUTCOME_ATTRIBUTION_DAYS",
                                                               defaults.OUTCOME_ATTRIBUTION_DAYS)),
                              reference_amount=reference_amount(s, tenant_id))
        rewards = attribute(event, decisions, config=config)
        new_rewards = 0
        for r in rewards:
            inserted = s.execute(insert(RewardRow).values(
                tenant_id=tenant_id, outcome_id=outcome_id, action_id=int(r.decision_id), deal_id=record.id,
                arm=r.arm, propensity=r.propensity, policy=r.policy, reward=r.value,
                # The amount weight in `reward`, so the bandit learns per unit of weight (learning/README.md).
                context={**dict(r.context), "amount_weight": round(r.weight, 6)},
                created_at=datetime.now(UTC),
            ).on_conflict_do_nothing(index_elements=["outcome_id", "action_id"]).returning(RewardRow.id)).first()
            new_rewards += 1 if inserted else 0
        if task_result is not None and task_result.status == "completed":
            s.add(Action(tenant_id=tenant_id, object_type="deal", record_id=record.id, kind="task_completed",
                         crm_id=task_result.id, status="completed", payload={"outcome": event.kind}))
        latest = s.execute(select(Enrichment).where(
            Enrichment.tenant_id == tenant_id, Enrichment.object_type == "deal",
            Enrichment.record_id == record.id).order_by(Enrichment.id.desc()).limit(1)).scalars().first()
        shown = {"kind": event.kind, "at": event.at.isoformat(), "amount": event.amount, "stage": event.stage,
                 "rewards": len(rewards)}
        if latest is not None and (latest.card or {}).get("outcome") != shown:
            latest.card = {**(latest.card or {}), "outcome": shown}
        write_audit(s, "record.outcome", tenant_id=tenant_id, object_type="deal", record_id=record.id,
                    detail={"outcome_id": outcome_id, **shown, "rewards_new": new_rewards,
                            "task": task_result.status if task_result else None})
    if new_rewards:
        # Fold them into the tenant's posterior now; if this fails, the next batch's refresh does.
        refresh_posterior(app, tenant_id)
    return {"outcome": event.kind, "outcome_id": outcome_id, "rewards": len(rewards), "rewards_new": new_rewards,
            "task": task_result.status if task_result else None}


def reference_amount(session: Any, tenant_id: str) -> float | None:
    """The amount worth reward 1 (the issue's default: won = amount-weighted 1): the median amount
    of the tenant's won deals, once it has REWARD_REFERENCE_MIN_WON of them; None (every won deal
    worth 1) before. It moves as deals are won; a stored reward keeps the weight it was given."""
    amounts = sorted(float(a) for a in session.execute(select(OutcomeRow.amount).where(
        OutcomeRow.tenant_id == tenant_id, OutcomeRow.kind == "won", OutcomeRow.amount > 0)).scalars())
    if len(amounts) < defaults.REWARD_REFERENCE_MIN_WON:
        return None
    mid = len(amounts) // 2
    return amounts[mid] if len(amounts) % 2 else (amounts[mid - 1] + amounts[mid]) / 2.0


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
