"""A running worker uses a settings or mapping change in its next job, without a restart.

The worker is the in-process one of a started app; the change is made by another app object on
the same database, as `agentic-sales settings set` in another process would.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from app import settings
from app.pipeline import tenant as tenant_inputs
from app.storage import get_db
from app.storage.models import Action, Enrichment
from integrations.base import FieldSpec
from tests.conftest import WebhookSender, deal_event, install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

pytestmark = pytest.mark.timeout(120)


def wait_for_enrichments(app, n: int, timeout: float = 60.0) -> Enrichment:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with get_db(app).session() as s:
            if s.scalar(select(func.count()).select_from(Enrichment)) >= n:
                return s.execute(select(Enrichment).order_by(Enrichment.id.desc())).scalars().first()
        time.sleep(0.1)
    raise AssertionError(f"no enrichment #{n} within {timeout} s")


def last_decision(app) -> str:
    with get_db(app).session() as s:
        task = s.execute(select(Action).where(Action.kind == "task").order_by(Action.id.desc())).scalars().first()
    return task.payload["decision"]


def test_a_running_worker_uses_a_settings_and_mapping_change_in_its_next_job(app_factory):
    worker_app = app_factory(START_WORKER=True, JOB_FUNCTION="app.pipeline.batch.process_batch",
                             SWEEP_INTERVAL_SECONDS=0.1)
    tid = install_tenant(worker_app, "62515")
    crm = FakeCrm([sample_record(tid)])
    worker_app.extensions["crm_factory"] = lambda tenant_id, name: crm
    sender = WebhookSender(worker_app.test_client())

    sender.post_events([deal_event(62515, 8807, event_id=1)])
    first = wait_for_enrichments(worker_app, 1)
    assert first.card["draft"]["tone"] == "friendly"
    assert last_decision(worker_app) != "escalate"  # 48,000 is under the default 100,000
    assert tenant_inputs.scoring_mapping(worker_app, tid)["labels"]["deal_type"] == "Deal Type"

    # Revenue ops, from another process: formal tone, escalate anything over 10,000, and the deal
    # type read from the portal's own field.
    ops = app_factory()
    settings.update(ops, tid, {"tone": "formal", "escalate_amount_over": 10_000}, author="ana@revops")
    settings.set_mappings(ops, tid, "deal", {"deal_type": "contract_tier"}, author="ana@revops",
                          describe=lambda _ot: [FieldSpec("contract_tier", "Contract tier", "enumeration")])

    crm.change("8807", amount=48_500.0)  # the rep edits the deal: the next job runs
    sender.post_events([deal_event(62515, 8807, event_id=2)])
    second = wait_for_enrichments(worker_app, 2)
    assert second.card["draft"]["tone"] == "formal"
    assert last_decision(worker_app) == "escalate"
    assert tenant_inputs.scoring_mapping(worker_app, tid)["labels"]["deal_type"] == "Contract tier"
    assert tenant_inputs.tenant_settings(worker_app, tid).version == 2
