"""Every contact and company property the app reads for a deal sends a webhook when it changes.

A field the scores or the agents read (a contact's salutation decides "Dear Ms"/"Sehr geehrter Herr") but
no subscription watches leaves the deal's card stale until some other change to the deal comes in.
"""

from __future__ import annotations

import pytest

from integrations.hubspot.manifests import watched_properties
from integrations.hubspot.mapping import DEFAULT_COMPANY_FIELDS, DEFAULT_CONTACT_FIELDS

NOT_WATCHED = {
    ("contact", "created_at"): "set once, when the contact is created (contact.creation covers it)",
    ("contact", "last_visit_at"): "moves with every visit, and the same visit moves the page views, which are watched",
}
"""Read but deliberately not subscribed, with why."""


@pytest.mark.parametrize(("object_type", "fields"), [
    ("contact", DEFAULT_CONTACT_FIELDS),
    ("company", DEFAULT_COMPANY_FIELDS),
])
def test_a_change_to_any_field_the_app_reads_sends_a_webhook(object_type: str, fields: dict[str, str]) -> None:
    watched = watched_properties(object_type)
    unwatched = {canonical: prop for canonical, prop in fields.items()
                 if prop not in watched and (object_type, canonical) not in NOT_WATCHED}
    assert not unwatched, (f"{object_type} properties read by the app but not in webhooks-hsmeta.json: {unwatched}; "
                           "subscribe to them or say in NOT_WATCHED why not")


def test_the_exceptions_are_fields_the_app_still_reads() -> None:
    read = {("contact", c) for c in DEFAULT_CONTACT_FIELDS} | {("company", c) for c in DEFAULT_COMPANY_FIELDS}
    assert set(NOT_WATCHED) <= read


def test_the_salutation_and_the_company_country_are_watched() -> None:
    assert "salutation" in watched_properties("contact")
    assert "country" in watched_properties("company")
