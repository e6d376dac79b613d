"""The outcome stage: a deal that became won or lost closes our open task, records the Outcome
and the rewards of the strategy choices that preceded it. It never runs the agents and never
writes a note, a draft or a field to a closed record (DESIGN.md, pipeline). A Salesforce Lead
goes the same way: converted is `won` (on its ConvertedDate), closed unconverted (the tenant's
`lead_closed_statuses`) is `lost`; the outcome row records its object type, its rewards fold into
the tenant's lead posterior only (app/pipeline/posterior.py), and the only write is completing
our Task, which is its own object: a converted Lead refuses every update, its Task does not. An open deal that moved to a
later open stage after a logged decision records a `stage_advanced` outcome per stage reached
(partial credit, learning/README.md) from its stage history (`record_advances`).

Idempotent under duplicate and late outcome webhooks: one `outcomes` row per (tenant, deal,
kind, stage) — won/lost once per deal — and one `rewards` row per (outcome, logged decision),
both enforced by unique constraints; a second pass finds the task already completed and writes
nothing. Reward attribution itself is learning/rewards.py (pure); this module only feeds it the
stored decisions.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app import defaults
from app.admin.learning_report import request_refresh
from app.audit import write_audit
from app.pipeline.strategy import refresh_posterior
from app.storage import get_db
from app.storage.models import Action, Enrichment
from app.storage.models import Outcome as OutcomeRow
from app.storage.models import Reward as RewardRow
from app.storage.upsert import insert_if_absent
from integrations.base import Pipeline, Record, TaskRef, TaskSpec, TaskWrite, WriteResult
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


def outcome_time(record: Record, *, now: datetime | None = None) -> datetime:
    """When the record closed in the CRM: a deal's last stage change; a lead's close date (its
    ConvertedDate, a date: the end of that day, at most now, since no decision on a lead can
    follow its conversion and the attribution window counts decisions up to the outcome); else
    now (observed)."""
    now = now or datetime.now(UTC)
    for change in reversed(record.history.stage_changes):
        if change.stage == record.stage:
            return _parse_time(change.at) or now
    if record.object_type != "deal" and record.close_date:
        at = _parse_time(record.close_date)
        if at is not None and "T" not in record.close_date:
            at = min(at + timedelta(days=1) - timedelta(microseconds=1), now)
        if at is not None:
            return at
    return now


def _parse_time(text: str) -> datetime | None:
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def open_stage_order(pipelines: Iterable[Pipeline]) -> dict[str, int]:
    """Position of every open stage in its pipeline (the CRM's display order): what "later" means."""
    order: dict[str, int] = {}
    for pipeline in pipelines:
        stages = sorted((s for s in pipeline.stages if s.kind == "open"), key=lambda s: s.display_order)
        order.update({s.id: i for i, s in enumerate(stages)})
    return order


def stage_advances(record: Record, order: Mapping[str, int], since: datetime) -> list[OutcomeEvent]:
    """The stage advances of an open deal at or after `since`: each change of its stage history to
    an open stage later than the stage it left (the first entry is the deal's creation, not an
    advance; a move back and forward again reaches the same stage, the same outcome key)."""
    out: list[OutcomeEvent] = []
    changes = record.history.stage_changes
    for before, change in zip(changes, changes[1:], strict=False):
        at = _parse_time(change.at)
        if at is None or at < since or change.stage not in order or before.stage not in order:
            continue
        if order[change.stage] > order[before.stage]:
            out.append(OutcomeEvent(tenant_id=record.tenant_id, crm=record.crm, deal_id=record.id,
                                    kind="stage_advanced", at=at, amount=record.amount, stage=change.stage))
    return out


def record_advances(app: Any, tenant_id: str, records: list[Record], pipelines: Any) -> dict[str, int]:
    """Store the stage-advance outcomes (and their partial-credit rewards) of open deals with a
    logged decision; `pipelines` is called only when some deal has one. Returns new rewards by deal."""
    if not records:
        return {}
    with get_db(app).session() as s:
        # the deal's first logged decision: nothing before it can be credited
        first: dict[str, datetime] = {str(rid): at for rid, at in s.execute(
            select(Action.record_id, Action.created_at).where(
                Action.tenant_id == tenant_id, Action.kind == "strategy_choice",
                Action.record_id.in_([r.id for r in records])).order_by(Action.created_at.desc())).all()}
    decided = [r for r in records if r.id in first and len(r.history.stage_changes) > 1]
    if not decided:
        return {}
    order = open_stage_order(pipelines())
    with get_db(app).session() as s:
        # stored already (a deal is re-enriched on every change): skipped without re-attributing
        stored = set(s.execute(select(OutcomeRow.deal_id, OutcomeRow.stage).where(
            OutcomeRow.tenant_id == tenant_id, OutcomeRow.kind == "stage_advanced",
            OutcomeRow.deal_id.in_([r.id for r in decided]))).tuples().all())
    new: dict[str, int] = {}
    for record in decided:
        events = [e for e in stage_advances(record, order, _aware(first[record.id]))
                  if (record.id, e.stage) not in stored]
        if not events:
            continue
        with get_db(app).session() as s:
            for event in events:
                _, _, added = _store_outcome(app, s, event, object_type="deal")
                new[record.id] = new.get(record.id, 0) + added
    if any(new.values()):
        refresh_posterior(app, tenant_id)
        request_refresh(app, tenant_id)
    return new


def store(app: Any, closing: Closing, results: list[WriteResult]) -> dict[str, Any]:
    """Record the outcome, its rewards and the task completion (idempotent); update the card."""
    record = closing.record
    tenant_id = record.tenant_id
    object_type = record.object_type
    event = OutcomeEvent(tenant_id=tenant_id, crm=record.crm, deal_id=record.id, kind=closing.kind,  # type: ignore[arg-type]
                         at=outcome_time(record), amount=record.amount, stage=record.stage)
    task_result = next((r for r in results if r.kind == "task"), None)
    with get_db(app).session() as s:
        outcome_id, rewards, new_rewards = _store_outcome(app, s, event, object_type=object_type)
        if task_result is not None and task_result.status == "completed":
            s.add(Action(tenant_id=tenant_id, object_type=object_type, record_id=record.id, kind="task_completed",
                         crm_id=task_result.id, status="completed", payload={"outcome": event.kind}))
        latest = s.execute(select(Enrichment).where(
            Enrichment.tenant_id == tenant_id, Enrichment.object_type == object_type,
            Enrichment.record_id == record.id).order_by(Enrichment.id.desc()).limit(1)).scalars().first()
        stored_at = s.execute(select(OutcomeRow.at).where(OutcomeRow.id == outcome_id)).scalar_one()
        shown = {"kind": event.kind, "at": _aware(stored_at).isoformat(), "amount": event.amount,
                 "stage": event.stage, "object_type": object_type, "rewards": len(rewards)}
        if latest is not None and (latest.card or {}).get("outcome") != shown:
            latest.card = {**(latest.card or {}), "outcome": shown}
        write_audit(s, "record.outcome", tenant_id=tenant_id, object_type=object_type, record_id=record.id,
                    detail={"outcome_id": outcome_id, **shown, "rewards_new": new_rewards,
                            "task": task_result.status if task_result else None})
    if new_rewards:
        # Fold them into the tenant's posterior now; if this fails, the next batch's refresh does.
        refresh_posterior(app, tenant_id, object_type)
    # The console's learning report is computed by a worker now that it is out of date, not by the next view.
    request_refresh(app, tenant_id)
    return {"outcome": event.kind, "object_type": object_type, "outcome_id": outcome_id, "rewards": len(rewards),
            "rewards_new": new_rewards, "task": task_result.status if task_result else None}


def _store_outcome(app: Any, s: Any, event: OutcomeEvent, *, object_type: str) -> tuple[int, list[Any], int]:
    """Insert the outcome if absent and the rewards of the record's logged decisions if absent (in
    session `s`); returns (outcome id, its rewards, how many were new). A lead's reward is not
    amount-weighted (its `won` is a conversion; a lead has no amount): it weighs 1."""
    tenant_id = event.tenant_id
    same = select(OutcomeRow.id).where(OutcomeRow.tenant_id == tenant_id, OutcomeRow.deal_id == event.deal_id,
                                       OutcomeRow.kind == event.kind)
    if event.kind != "stage_advanced":
        same_stage = same  # won/lost once per deal, whatever stage a reopened deal closes in next
    else:
        same_stage = same.where(OutcomeRow.stage == event.stage)
    outcome_id = s.execute(same_stage.order_by(OutcomeRow.id).limit(1)).scalar()
    if outcome_id is None:
        s.execute(insert_if_absent(
            s, OutcomeRow, ["tenant_id", "deal_id", "kind", "stage"],
            tenant_id=tenant_id, crm=event.crm, deal_id=event.deal_id, kind=event.kind, at=event.at,
            amount=event.amount, stage=event.stage, created_at=datetime.now(UTC), object_type=object_type))
        outcome_id = s.execute(same_stage.order_by(OutcomeRow.id).limit(1)).scalar_one()
    decisions = [
        LoggedDecision(decision_id=str(a.id), deal_id=event.deal_id, at=_aware(a.created_at),
                       arm=str(a.payload.get("arm")), propensity=float(a.payload.get("propensity") or 0.0),
                       policy=str(a.payload.get("policy") or ""), context=a.payload.get("context") or {},
                       tenant_id=tenant_id, crm=event.crm)
        for a in s.execute(select(Action).where(
            Action.tenant_id == tenant_id, Action.record_id == event.deal_id,
            Action.kind == "strategy_choice")).scalars()
    ]
    config = RewardConfig(window_days=float(app.config.get("OUTCOME_ATTRIBUTION_DAYS",
                                                           defaults.OUTCOME_ATTRIBUTION_DAYS)),
                          reference_amount=reference_amount(s, tenant_id) if object_type == "deal" else None)
    rewards = attribute(event, decisions, config=config)
    new_rewards = 0
    for r in rewards:
        inserted = s.execute(insert_if_absent(
            s, RewardRow, ["outcome_id", "action_id"],
            tenant_id=tenant_id, outcome_id=outcome_id, action_id=int(r.decision_id), deal_id=event.deal_id,
            arm=r.arm, propensity=r.propensity, policy=r.policy, reward=r.value,
            # The amount weight in `reward`, so the bandit learns per unit of weight (learning/README.md).
            context={**dict(r.context), "amount_weight": round(r.weight, 6)},
            created_at=datetime.now(UTC),
        ).returning(RewardRow.id)).first()
        new_rewards += 1 if inserted else 0
    return int(outcome_id), rewards, new_rewards


def reference_amount(session: Any, tenant_id: str) -> float | None:
    """The amount worth reward 1 (the issue's default: won = amount-weighted 1): the median amount
    of the tenant's won deals, once it has REWARD_REFERENCE_MIN_WON of them; None (every won deal
    worth 1) before. It moves as deals are won; a stored reward keeps the weight it was given."""
    amounts = sorted(float(a) for a in session.execute(select(OutcomeRow.amount).where(
        OutcomeRow.tenant_id == tenant_id, OutcomeRow.kind == "won", OutcomeRow.object_type == "deal",
        OutcomeRow.amount > 0)).scalars())
    if len(amounts) < defaults.REWARD_REFERENCE_MIN_WON:
        return None
    mid = len(amounts) // 2
    return amounts[mid] if len(amounts) % 2 else (amounts[mid - 1] + amounts[mid]) / 2.0


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
