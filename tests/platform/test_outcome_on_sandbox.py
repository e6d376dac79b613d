"""The outcome stage against the HubSpot sandbox over HTTP: a deal closed won after its
enrichment gets its AI task completed, no new note and no new draft, one outcome row with the
rewards of its logged strategy choice, and a duplicate outcome change changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Action, Enrichment, Outcome, Reward
from app.sync import enqueue_records
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(240)
MARKER = "[agentic-sales]"


@pytest.fixture
def sandbox():
    handle = sb.start(n_open_deals=4, n_closed_deals=20, n_companies=6, seed=21)
    yield handle
    handle.stop()


def notes_on(sandbox, deal_id: str) -> int:
    deal = sandbox.store_get("deals", deal_id)
    return sum(1 for nid in (deal.get("associations") or {}).get("notes") or {}
               if MARKER in (sandbox.store_get("notes", nid)["properties"].get("hs_note_body") or ""))


def app_tasks(sandbox, deal_id: str) -> list[dict]:
    deal = sandbox.store_get("deals", deal_id)
    out = []
    for tid in (deal.get("associations") or {}).get("tasks") or {}:
        p = sandbox.store_get("tasks", tid)["properties"]
        if MARKER in f"{p.get('hs_task_subject') or ''} {p.get('hs_task_body') or ''}":
            out.append(p)
    return out


def test_a_deal_closed_won_completes_our_task_and_records_one_outcome_with_rewards(app_factory, sandbox):
    app = app_factory(
        HUBSPOT_CLIENT_ID=sandbox.client_id, HUBSPOT_CLIENT_SECRET=sandbox.client_secret,
        HUBSPOT_API_BASE=sandbox.url, HUBSPOT_AUTHORIZE_URL=sandbox.url + "/oauth/authorize",
        BACKFILL_ON_INSTALL=False, JOB_FUNCTION="app.pipeline.batch.process_batch",
    )
    tid = sb.install(app.test_client())
    deal_id = sandbox.deal_ids()[-1]
    backend = get_dispatcher(app).backend

    def run(key: str) -> None:
        with app.app_context():
            enqueue_records(app, tid, [(deal_id, key)], source="RECONCILE")
        while backend.run_due():
            pass

    run("open-1")
    assert [t.get("hs_task_status") for t in app_tasks(sandbox, deal_id)] == ["NOT_STARTED"]
    notes = notes_on(sandbox, deal_id)
    assert notes == 1
    sandbox.handle.ui_change("deals", deal_id, {"dealstage": "closedwon"})
    run("won-1")
    run("won-2")  # a duplicate/late delivery of the outcome
    tasks = app_tasks(sandbox, deal_id)
    assert [t.get("hs_task_status") for t in tasks] == ["COMPLETED"]
    assert notes_on(sandbox, deal_id) == notes
    with get_db(app).session() as s:
        outcomes = s.execute(select(Outcome)).scalars().all()
        rewards = s.execute(select(Reward)).scalars().all()
        choices = s.execute(select(Action).where(Action.kind == "strategy_choice")).scalars().all()
        enrichments = s.execute(select(Enrichment)).scalars().all()
    assert [(o.deal_id, o.kind) for o in outcomes] == [(deal_id, "won")]
    assert len(enrichments) == 1 and len(choices) == 1  # no agent ran on the closed deal
    assert [(r.action_id, r.arm, r.propensity) for r in rewards] == [
        (choices[0].id, choices[0].payload["arm"], choices[0].payload["propensity"])]
    assert enrichments[0].card["outcome"]["kind"] == "won"
