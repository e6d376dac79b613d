"""Stage advances as the HubSpot sandbox reports them: the adapter's stage history and the
pipelines' display order give the outcome stage its partial-credit outcomes, once per stage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.pipeline import outcome as outcome_stage
from app.storage import get_db
from app.storage.models import Action, Outcome, Reward
from app.tenants import client_for as hubspot_client_for
from tests.hubspot.test_sandbox_e2e import hs_app, install, sandbox  # noqa: F401 - fixtures

pytestmark = pytest.mark.timeout(120)


def parse(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00"))


def test_a_sandbox_deals_forward_stage_moves_after_a_decision_become_one_outcome_each(hs_app):  # noqa: F811
    tid = install(hs_app)
    crm = hubspot_client_for(tid, hs_app)
    order = outcome_stage.open_stage_order(crm.list_pipelines())
    assert order["appointmentscheduled"] < order["qualifiedtobuy"] < order["contractsent"]
    records = [crm.get_record("deal", rid) for rid in list(crm.iter_open_ids("deal"))[:40]]
    record = next(r for r in records if len(r.history.stage_changes) >= 3)
    changes = record.history.stage_changes
    forward = [c.stage for b, c in zip(changes, changes[1:], strict=False) if order[c.stage] > order[b.stage]]
    assert forward  # the sandbox moves deals forward as their cycle elapses
    decided_at = parse(changes[0].at) + timedelta(seconds=1)  # after its creation, before its moves
    assert [o.stage for o in outcome_stage.stage_advances(record, order, decided_at)] == forward
    assert outcome_stage.stage_advances(record, order, parse(changes[-1].at) + timedelta(seconds=1)) == []
    with get_db(hs_app).session() as s:
        s.add(Action(tenant_id=tid, object_type="deal", record_id=record.id, kind="strategy_choice",
                     status="logged", created_at=decided_at.astimezone(UTC),
                     payload={"arm": "social_proof", "propensity": 0.2, "policy": "thompson-v1",
                              "context": {"segment": "mid", "stage": changes[0].stage}}))
    for _delivery in range(2):  # a duplicate batch changes nothing
        outcome_stage.record_advances(hs_app, tid, [record], crm.list_pipelines)
    with get_db(hs_app).session() as s:
        stored = [(o.kind, o.stage) for o in s.execute(select(Outcome).order_by(Outcome.id)).scalars()]
        rewards = s.execute(select(Reward)).scalars().all()
    assert stored == [("stage_advanced", st) for st in dict.fromkeys(forward)]
    assert len(rewards) == len(stored) and all(r.arm == "social_proof" and r.reward > 0 for r in rewards)
