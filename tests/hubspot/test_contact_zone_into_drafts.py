"""A HubSpot contact's own Time Zone (hs_timezone) decides where the draft's meeting times fall, through the
product path: a rep's edit in the sandbox portal sends the app a signed webhook over HTTP (the subscription in
manifests/hubspot/webhooks-hsmeta.json), the contact change re-schedules its deal, the pipeline reads the deal
through the real SDK, and the writer plans the meeting in the contact's zone, not the company country's."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

import agents.run
from agents.meeting_slots import BUSINESS_HOURS
from agents.slot_text import format_slots
from app.storage import get_db
from app.storage.models import Enrichment, InboxEvent
from app.tenants import client_for
from integrations.sandbox import run_in_thread
from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS
from tests.conftest import TEST_SECRET, install_tenant
from tests.hubspot.sandbox_helpers import PRIVATE_APP_TOKEN
from tests.run_jobs import run_until

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def wired(app_factory: Any) -> Any:
    """The app on a real socket with its pipeline, a sandbox portal whose webhooks go to it."""
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_URL"] = url
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True).start()
    sandbox = run_in_thread(seed=3, webhook_url=f"{url}/webhooks/hubspot", client_secret=TEST_SECRET,
                            private_app_token=PRIVATE_APP_TOKEN, retry_scale=0.0005, n_open_deals=5,
                            n_closed_deals=5, n_companies=4)
    app.config["HUBSPOT_API_BASE"] = sandbox.url
    tid = install_tenant(app, str(sandbox.hub_id), access_token=PRIVATE_APP_TOKEN)
    client_for(tid, app).ensure_output_fields()  # what the install does before the first write-back
    yield app, sandbox, tid
    sandbox.stop()
    server.shutdown()


@pytest.fixture
def plans(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Every draft plan the pipeline's writer made: (record id, DraftPlan). Watched, not replaced."""
    seen: list[tuple[str, Any]] = []
    real = agents.run.plan_draft

    def watch(ctx: Any, nba: Any, settings: Any) -> Any:
        plan = real(ctx, nba, settings)
        seen.append((ctx.record.id, plan))
        return plan
    monkeypatch.setattr(agents.run, "plan_draft", watch)
    return seen


def inbox_count(app: Any, **where: Any) -> int:
    with get_db(app).session() as s:
        q = select(func.count()).select_from(InboxEvent)
        for k, v in where.items():
            q = q.where(getattr(InboxEvent, k) == v)
        return int(s.scalar(q) or 0)


def enrichments(app: Any, deal: str) -> list[Enrichment]:
    with get_db(app).session() as s:
        return list(s.execute(select(Enrichment).where(Enrichment.record_id == deal)
                              .order_by(Enrichment.id)).scalars())


def a_deal_with_one_company_and_contacts(sandbox: Any) -> tuple[str, str, list[str]]:
    for d in sandbox.store("deals"):
        if d["properties"].get("dealstage") in ("closedwon", "closedlost"):
            continue
        links = sandbox.store("deals", str(d["id"])).get("associations") or {}
        companies, contacts = list(links.get("companies") or {}), list(links.get("contacts") or {})
        if len(companies) == 1 and contacts:
            return str(d["id"]), companies[0], contacts
    raise AssertionError("the seeded portal has no open deal with a company and a contact")


def test_a_contact_in_los_angeles_at_a_german_company_gets_meeting_times_in_los_angeles_business_hours(
        wired: Any, plans: list[tuple[str, Any]]) -> None:
    app, sandbox, _tid = wired
    deal, company, contacts = a_deal_with_one_company_and_contacts(sandbox)
    sandbox.ui_change("companies", company, {"country": "Germany"})
    for c in contacts:  # whoever the strategist writes to, nobody on the deal has a zone yet
        sandbox.ui_change("contacts", c, {"hs_timezone": "", "hs_language": ""})
    sandbox.ui_change("deals", deal, {"description": "the buyer asked for a call next week"})
    run_until(app, lambda: len(enrichments(app, deal)) == 1)
    before = [p for rid, p in plans if rid == deal][-1]
    assert before.recipient_tz == "Europe/Berlin"  # no contact zone: the company country's

    for c in contacts:  # the rep sets the contacts' Time Zone in HubSpot, as HubSpot stores it
        sandbox.ui_change("contacts", c, {"hs_timezone": "america_slash_los_angeles"})
    end = time.time() + 20
    while inbox_count(app, object_type="contact") < len(contacts) and time.time() < end:
        time.sleep(0.1)
    assert inbox_count(app, object_type="contact") >= len(contacts), "hs_timezone's change sent no webhook"
    run_until(app, lambda: len(enrichments(app, deal)) == 2)

    after = [p for rid, p in plans if rid == deal][-1]
    assert after.recipient_tz == "America/Los_Angeles"
    assert after.language == "de"  # the company's country still decides the language: the contact set none
    for slot in after.slots:
        local = slot.astimezone(after.slots[0].tzinfo)
        assert str(local.tzinfo) == "America/Los_Angeles"
        assert BUSINESS_HOURS[0] <= local.hour < BUSINESS_HOURS[1] and local.weekday() < 5
        berlin = slot.astimezone(before.slots[0].tzinfo)
        assert not BUSINESS_HOURS[0] <= berlin.hour < BUSINESS_HOURS[1]  # the same instant is evening in Berlin
        assert slot.date() > datetime.fromisoformat(enrichments(app, deal)[-1].card["next_best_action"]["due_at"]
                                                    ).astimezone(slot.tzinfo).date()
    card = enrichments(app, deal)[-1].card
    first, second = format_slots(after.slots, "de")
    assert first in card["draft"]["body"] and second in card["draft"]["body"], card["draft"]["body"]
