"""End to end over real HTTP: the app enriches the HubSpot sandbox's open deals, then HubSpot runs a
GDPR delete of a contact a draft was addressed to (the sandbox sends contact.privacyDeletion and
contact.deletion, signed, to the app's webhook URL). Afterwards no table names her, and the deal
is rewritten in the CRM for another contact."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.demo import Demo, DemoOptions
from app.storage import get_db
from app.storage.models import Enrichment
from tests.privacy.helpers import rows_mentioning

pytestmark = [pytest.mark.embedded, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    run = Demo(DemoOptions(changes=0, seed=7, crm="hubspot", open_deals=6,
                           data_dir=Path(tmp_path_factory.mktemp("erasure")), timeout=240))
    run.start()
    try:
        run.install()
        run.backfill()
        run.drain()
        yield run
    finally:
        run.stop()


def addressed(demo: Demo) -> tuple[str, str, str, str]:
    """(deal id, contact id, e-mail, name) of the first draft addressed to a contact."""
    with get_db(demo.app).session() as s:
        for deal, draft in s.execute(select(Enrichment.record_id, Enrichment.draft).order_by(Enrichment.id)).all():
            to = (draft or {}).get("to") or {}
            if to.get("contact_id") and to.get("email"):
                return deal, str(to["contact_id"]), str(to["email"]), str(to["name"])
    raise AssertionError("no draft addressed to a contact")


def test_a_gdpr_delete_in_hubspot_leaves_no_row_or_written_field_naming_the_contact(demo: Demo) -> None:
    deal, contact, email, name = addressed(demo)
    assert rows_mentioning(demo.app, (email, name))
    handle = demo.sandbox.handle

    handle.control("POST", "privacy-delete", id=contact)
    assert handle.control("POST", "webhooks/flush", timeout=20) is not None

    deadline = time.time() + 90
    left = rows_mentioning(demo.app, (email, name))
    while left and time.time() < deadline:
        time.sleep(0.5)
        left = rows_mentioning(demo.app, (email, name))
    assert left == []
    demo.drain()  # the deal, re-scheduled by the erasure, is written again
    fields = demo.read_fields([deal])[deal]
    assert email not in str(fields)
    with get_db(demo.app).session() as s:
        latest = s.execute(select(Enrichment).where(Enrichment.record_id == deal)
                           .order_by(Enrichment.id.desc()).limit(1)).scalar_one()
    assert (latest.draft.get("to") or {}).get("contact_id") not in (None, contact)
    # HubSpot's GDPR delete leaves the deal's engagements: a call logged as "Call with <her name>"
    # still names her in the CRM, and a summary read from it again can too (docs/privacy.md says
    # the CRM's own activity text is the customer's to delete). Her address is not in any of it.
    assert rows_mentioning(demo.app, (email,)) == []

