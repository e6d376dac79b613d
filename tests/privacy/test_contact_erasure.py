"""A contact's privacy deletion or deletion in the CRM erases them from every table we keep.

Checked as the data-protection officer would: by reading every column of every table for the
person's e-mail address and name, not by a list of the places we remember writing them."""

from __future__ import annotations

import json

import pytest

from tests.privacy.helpers import (
    DANA,
    contact_event,
    crm_deletes_contact,
    crm_of,
    deliver,
    enriched_app,
    enrichments,
    linked_contacts,
    rows_mentioning,
)


def test_before_any_erasure_the_person_is_held_in_drafts_cards_and_written_fields(app_factory):
    # The baseline the erasure tests rely on: without it they would pass on an app storing nothing.
    app, _ = enriched_app(app_factory)
    held = rows_mentioning(app, DANA)
    assert ("enrichments", "draft") in held and ("enrichments", "card") in held
    assert ("actions", "payload") in held  # ai_next_best_action "Email Dana Whitfield ..."


@pytest.mark.parametrize("fixture", ["contact_privacyDeletion", "contact_deletion"])
def test_a_hubspot_contact_erasure_leaves_no_row_naming_them(app_factory, fixture):
    app, _ = enriched_app(app_factory)
    crm_deletes_contact(app, "501")

    deliver(app, [contact_event(fixture, 501, event_id=77)])

    assert rows_mentioning(app, DANA) == []
    # The deal's other contacts are not erased with her, and the deal keeps its scores.
    assert linked_contacts(app) == ["502", "503"]
    assert all(e.scores for e in enrichments(app))


def test_a_redelivered_privacy_deletion_erases_nothing_more_and_fails_nothing(app_factory):
    app, _ = enriched_app(app_factory)
    crm_deletes_contact(app, "501")
    event = contact_event("contact_privacyDeletion", 501, event_id=78)
    deliver(app, [event])
    deliver(app, [{**event, "attemptNumber": 1}])
    assert rows_mentioning(app, DANA) == []


def test_the_demo_snapshot_pages_are_rewritten_without_the_erased_person(app_factory):
    # `demo --once` leaves static card pages in its data directory; they showed her draft.
    import html
    from pathlib import Path

    from app.site.snapshot import write_snapshot

    app, _ = enriched_app(app_factory)
    data_dir = Path(app.config["DATA_DIR"])
    write_snapshot(app, data_dir)

    def pages_naming_her() -> list[str]:
        return [p.name for p in data_dir.rglob("*.html")
                if any(n.lower() in html.unescape(p.read_text()).lower() for n in DANA)]

    assert pages_naming_her()
    crm_deletes_contact(app, "501")
    deliver(app, [contact_event("contact_privacyDeletion", 501, event_id=79)])
    assert pages_naming_her() == []
    assert [p.name for p in (data_dir / "snapshot" / "cards").glob("*.html")] == ["hubspot-62515-8807.html"]


def test_after_a_privacy_deletion_the_deals_fields_in_the_crm_no_longer_name_her(app_factory):
    # What we wrote on the deal (ai_next_best_action "Email Dana Whitfield ...", the open task)
    # stays in the customer's CRM after HubSpot deletes her, unless the deal is enriched again.
    app, _ = enriched_app(app_factory)
    crm = crm_of(app)
    assert DANA[1] in crm.fields["8807"]["ai_next_best_action"]
    crm_deletes_contact(app, "501")

    deliver(app, [contact_event("contact_privacyDeletion", 501, event_id=80)])
    deliver(app, [])  # the deal's job, scheduled by the erasure

    written = json.dumps([crm.fields["8807"], list(crm.tasks.values())])
    assert "Dana" not in written and "dana.whitfield" not in written


def test_an_erasure_leaves_people_whose_address_or_name_only_contains_hers(app_factory):
    # Substrings are other people: p17@x.com is not p7@x.com, Dana Whitfield-Jones is not Dana Whitfield.
    from app.storage import get_db
    from app.storage.models import Action

    app, tid = enriched_app(app_factory)
    others = ["Email Dana Whitfield-Jones today", "adana.whitfield@northwind-logistics.com",
              "dana.whitfield@northwind-logistics.com.au"]
    with get_db(app).session() as s:
        for n, text in enumerate(others):
            s.add(Action(tenant_id=tid, object_type="deal", record_id=f"99{n}", kind="fields",
                         payload={"fields": {"ai_next_best_action": text}}))
    crm_deletes_contact(app, "501")

    deliver(app, [contact_event("contact_privacyDeletion", 501, event_id=81)])

    with get_db(app).session() as s:
        kept = sorted(a.payload["fields"]["ai_next_best_action"]
                      for a in s.query(Action).filter(Action.record_id.like("99%")))
    assert kept == sorted(others)


def test_a_name_with_accents_is_erased_wherever_json_escaped_it(app_factory):
    # JSON columns may store "Zoë" as "Zo\u00eb": the erasure must find it either way.
    from dataclasses import replace

    from app.dispatch import get_dispatcher
    from tests.pipeline.test_pipeline_on_fake_crm import run_change

    app, _ = enriched_app(app_factory)
    crm = crm_of(app)
    deal = crm.records["8807"]
    zoe = replace(deal.contacts[0], name="Zoë Łukasik-Brandão")
    crm.records["8807"] = replace(deal, contacts=[zoe, *deal.contacts[1:]])
    run_change(app, 2)
    assert rows_mentioning(app, ("Zoë Łukasik-Brandão",))
    crm_deletes_contact(app, "501")

    deliver(app, [contact_event("contact_privacyDeletion", 501, event_id=82)])
    get_dispatcher(app).backend.run_due()

    assert rows_mentioning(app, ("Zoë Łukasik-Brandão", "Łukasik", DANA[0])) == []
