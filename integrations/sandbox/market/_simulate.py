"""One simulated day: new deals, activity, reps acting on the app's tasks, stage moves, closes.

Events returned (dicts with a "type"): deal_created, activity, visits, stage, closed,
task_completed, discount, rep_edit, churned. The CRM bridge turns each into record writes
made "by the rep in the UI" so they reach the app as webhooks.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from . import _churn as _churn_process
from . import _generate, _truth
from ._model import OPEN_STAGES

if TYPE_CHECKING:
    from ._market import Market

MEAN_CYCLE_DAYS = 50.0


def step(m: Market, actions: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Advance the market by one day from `m.now`; return the events."""
    rng, cfg = m.rng, m.config
    t0, t1 = m.now, m.now + timedelta(days=1)
    events: list[dict[str, Any]] = []
    rate = cfg.new_deals_per_day if cfg.new_deals_per_day is not None else cfg.n_open_deals / MEAN_CYCLE_DAYS
    for _ in range(int(rng.poisson(rate))):
        d = _generate.new_deal(m, t0 + timedelta(hours=float(rng.uniform(8, 18))))
        events.append({"type": "deal_created", "deal": d.key})
    for d in [x for x in m.deals if x.is_open]:
        n_acts = len(m.activities)
        seen = {c: len(m.contacts[c].visits) for c in d.contacts}
        _generate.simulate_activity(m, d, max(t0, d.created_at), t1)
        events += _app_actions(m, d, actions.get(d.key), t1)
        events += [{"type": "activity", "activity": a.key} for a in m.activities[n_acts:]]
        events += [{"type": "visits", "contact": c} for c in d.contacts if len(m.contacts[c].visits) != seen[c]]
        if d.decision_at_ is not None and d.decision_at_ <= t1:
            won = _generate.decide(m, d, t1)
            if d.discount_by_rep_:
                events.append({"type": "discount", "deal": d.key, "discount": d.discount})
            _generate.close(m, d, min(d.decision_at_, t1), won)
            events.append({"type": "closed", "deal": d.key, "won": won})
            continue
        before = len(d.stage_history)
        _generate.progress_stages(m, d, t1)
        events += [{"type": "stage", "deal": d.key, "stage": s} for s, _ in d.stage_history[before:]]
        if d.expected_close < t1:
            # Reps push an overdue close date out rather than leave it in the past.
            d.expected_close = max(d.decision_at_ or t1, t1) + timedelta(days=int(rng.integers(3, 21)))
            d.close_date_history.append((t1, d.expected_close))
            events.append({"type": "rep_edit", "deal": d.key, "properties": {"closedate": d.expected_close}})
    events += _churn(m, t1)
    return events


def _app_actions(m: Market, d: Any, act: dict[str, Any] | None, at: Any) -> list[dict[str, Any]]:
    """Let the rep work the app's open tasks; a completed task executes strategy and discount."""
    if not act:
        return []
    rng = m.rng
    events: list[dict[str, Any]] = []
    for task in sorted(act.get("open_tasks") or [], key=str):
        if rng.random() >= m.config.task_completion_rate:
            continue
        events.append({"type": "task_completed", "deal": d.key, "task": task})
        seg = m.companies[d.company].segment
        strategy = act.get("strategy")
        done = {s for s, _, _ in d.strategies_}
        if strategy in _truth.STRATEGY_EFFECT and strategy not in done:
            stale = (at - (d.last_activity_at or d.created_at)).days
            d.strategies_.append((strategy, at, m.effects.effect(strategy, seg, stale)))
            a = _generate.add_activity(m, d, "emails_out", at - timedelta(hours=2))
            events.append({"type": "activity", "activity": a.key})
        discount = act.get("discount")
        if discount is not None and 0 < float(discount) <= 0.9 and float(discount) != d.discount:
            d.discount = float(discount)
            events.append({"type": "discount", "deal": d.key, "discount": d.discount})
    return events


def _churn(m: Market, at: Any) -> list[dict[str, Any]]:
    """Customers whose churn date (see _churn) has come leave today."""
    events = []
    for comp in m.companies:
        if comp.churned_at is None and _churn_process.has_left(comp, at):
            comp.churned_at = comp.churn_due_
            events.append({"type": "churned", "company": comp.key})
    return events


def stage_index(stage: str) -> int:
    """Return the position of an open stage (closed stages rank last)."""
    return OPEN_STAGES.index(stage) if stage in OPEN_STAGES else len(OPEN_STAGES)

