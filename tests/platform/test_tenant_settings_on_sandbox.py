"""Tenant settings that change what is read and written, against the HubSpot sandbox over HTTP.

Opt-outs: a contact who unsubscribed from all email (HubSpot's read-only `hs_email_optout`) or
whom the tenant's own opt-out field marks never gets a draft; the strategist writes to another
contact of the deal, or to nobody when all opted out. Output mappings: an output the tenant maps
to its own property is written there instead of ours."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.dispatch import get_dispatcher
from app.storage import get_db
from app.storage.models import Enrichment
from app.sync import enqueue_records
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def sandbox():
    handle = sb.start(n_open_deals=6, n_closed_deals=20, n_companies=6, seed=33)
    yield handle
    handle.stop()


def install(app_factory, sandbox):
    app = app_factory(
        HUBSPOT_CLIENT_ID=sandbox.client_id, HUBSPOT_CLIENT_SECRET=sandbox.client_secret,
        HUBSPOT_API_BASE=sandbox.url, HUBSPOT_AUTHORIZE_URL=sandbox.url + "/oauth/authorize",
        BACKFILL_ON_INSTALL=False, JOB_FUNCTION="app.pipeline.batch.process_batch",
    )
    return app, sb.install(app.test_client())


def enrich(app, tid: str, deal_id: str, key: str) -> Enrichment:
    with app.app_context():
        enqueue_records(app, tid, [(deal_id, key)], source="RECONCILE")
    backend = get_dispatcher(app).backend
    while backend.run_due():
        pass
    with get_db(app).session() as s:
        return s.execute(select(Enrichment).where(Enrichment.record_id == deal_id)
                         .order_by(Enrichment.id.desc()).limit(1)).scalars().one()


def deal_with_contacts(sandbox, n: int) -> tuple[str, list[str]]:
    for deal_id in reversed(sandbox.deal_ids()):
        deal = sandbox.store_get("deals", deal_id)
        if deal["properties"].get("dealstage") in ("closedwon", "closedlost"):
            continue
        contacts = sorted((deal.get("associations") or {}).get("contacts") or {})
        if len(contacts) >= n:
            return deal_id, contacts
    pytest.skip(f"no open deal with {n} contacts in this market")


def drafted_to(e: Enrichment) -> str | None:
    """Whom the rep's card offers a draft to (None: no draft on the card)."""
    draft = e.card.get("draft") or {}
    return (draft.get("to") or {}).get("contact_id") if draft.get("body") else None


def test_a_contact_who_unsubscribed_gets_no_draft_and_the_deals_other_contact_is_written_to(app_factory, sandbox):
    app, tid = install(app_factory, sandbox)
    deal_id, contacts = deal_with_contacts(sandbox, 2)
    before = drafted_to(enrich(app, tid, deal_id, "before"))
    assert before in contacts
    sandbox.handle.unsubscribe(before)
    after = drafted_to(enrich(app, tid, deal_id, "after-unsubscribe"))
    assert after in contacts and after != before


def test_a_deal_whose_every_contact_unsubscribed_gets_no_customer_draft_and_says_why(app_factory, sandbox):
    app, tid = install(app_factory, sandbox)
    deal_id, contacts = deal_with_contacts(sandbox, 1)
    for cid in contacts:
        sandbox.handle.unsubscribe(cid)
    e = enrich(app, tid, deal_id, "all-out")
    assert drafted_to(e) is None
    assert e.card["decision"]["action"] == "suppress"
    assert "opted out" in e.card["next_best_action"]["summary"]


def test_the_tenants_own_opt_out_field_is_honoured_beside_the_crms_flag(app_factory, sandbox):
    from app import settings

    app, tid = install(app_factory, sandbox)
    deal_id, contacts = deal_with_contacts(sandbox, 2)
    sb.define_property(sandbox, "contacts", {
        "name": "do_not_email", "label": "Do not email", "type": "enumeration", "fieldType": "booleancheckbox",
        "groupName": "contactinformation",
        "options": [{"label": "Yes", "value": "true"}, {"label": "No", "value": "false"}]})
    before = drafted_to(enrich(app, tid, deal_id, "before"))
    sandbox.handle.ui_change("contacts", before, {"do_not_email": "true"})
    assert drafted_to(enrich(app, tid, deal_id, "field-set-but-not-named")) == before  # just a field so far
    settings.update(app, tid, {"opt_out_field": "do_not_email"}, author="revops")
    after = drafted_to(enrich(app, tid, deal_id, "own-field"))
    assert after in contacts and after != before


def test_an_output_mapped_to_the_portals_own_property_is_written_there_instead_of_ours(app_factory, sandbox):
    from app import settings

    app, tid = install(app_factory, sandbox)
    deal_id, _contacts = deal_with_contacts(sandbox, 1)
    sb.define_property(sandbox, "deals", {"name": "revops_next_step", "label": "RevOps next step",
                                          "type": "string", "fieldType": "text", "groupName": "dealinformation"})
    settings.set_mappings(app, tid, "deal", {"ai_next_best_action": "revops_next_step"}, author="revops")
    enrich(app, tid, deal_id, "mapped-output")
    props = sandbox.store_get("deals", deal_id)["properties"]
    assert props.get("revops_next_step")  # the rep's team reads it in their own field
    assert not props.get("ai_next_best_action")  # and ours stays empty: one place, not two
    assert props.get("ai_strategy")  # outputs not mapped still go to the app's own fields
