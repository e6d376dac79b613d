"""One bad event never costs its batch: invalid events are quarantined, the valid ones stored.

Each case is a kind of malformed event an attacker or a buggy proxy could send inside an
otherwise genuine, signed HubSpot batch (issue: nothing lost, nobody let in).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import InboxEvent, QuarantinedEvent
from tests.conftest import deal_event, install_tenant


@pytest.fixture
def portal(app):
    return install_tenant(app, "62515")


def rows(app, model):
    with get_db(app).session() as s:
        return s.execute(select(model).order_by(model.id)).scalars().all()


def bad(**changes):
    ev = deal_event(62515, 901, event_id=901)
    for key, value in changes.items():
        if value is _DROP:
            ev.pop(key, None)
        else:
            ev[key] = value
    return ev


_DROP = object()

BAD_EVENTS = {
    "nul_in_text": (bad(propertyName="description", propertyValue="Budget\x00approved"), "NUL"),
    "lone_surrogate": (bad(propertyName="description", propertyValue="caf\ud800"), "surrogate"),
    "object_id_over_64_chars": (bad(objectId="9" * 70), "objectId"),
    "object_id_not_a_number": (bad(objectId="abc"), "objectId"),
    "object_id_a_list": (bad(objectId=[1, 2]), "objectId"),
    "object_id_negative": (bad(objectId=-5), "objectId"),
    "portal_id_with_underscore": (bad(portalId="62_515"), "portalId"),
    "attempt_number_over_int32": (bad(attemptNumber=2**31), "attemptNumber"),
    "property_name_not_a_string": (bad(propertyName=12), "propertyName"),
    "occurred_at_huge": (bad(occurredAt=10**18), "occurredAt"),
    "occurred_at_text": (bad(occurredAt="yesterday"), "occurredAt"),
    "property_value_an_object": (bad(propertyValue={"a": 1}), "propertyValue"),
    "property_value_too_long": (bad(propertyValue="x" * 70_000), "propertyValue"),
    "no_object_id": (bad(objectId=_DROP), "objectId"),
    "not_an_object": ("just text", "JSON object"),
}


@pytest.mark.parametrize("name", sorted(BAD_EVENTS))
def test_a_bad_event_is_quarantined_and_its_good_neighbours_are_stored(app, webhook, portal, name):
    event, reason_part = BAD_EVENTS[name]
    good = [deal_event(62515, 1, event_id=1), deal_event(62515, 2, event_id=2)]
    r = webhook.post_body(json.dumps([good[0], event, good[1]]).encode())
    assert r.status_code == 200, r.json
    assert (r.json["accepted"], r.json["quarantined"]) == (2, 1)
    assert sorted(row.record_id for row in rows(app, InboxEvent)) == ["1", "2"]
    [q] = rows(app, QuarantinedEvent)
    assert reason_part in q.reason
    assert q.position == 1 and q.crm == "hubspot"
    assert "\x00" not in q.raw


def test_quarantine_never_maps_a_malformed_portal_to_a_tenant(app, webhook, portal):
    r = webhook.post_events([bad(portalId="62_515")])
    assert r.status_code == 200
    assert rows(app, InboxEvent) == []
    assert rows(app, QuarantinedEvent)[0].account_hint is None


@pytest.mark.parametrize("body, why", [
    (b"[" * 5000 + b"]" * 5000, "nested"),
    (b'[{"eventId": ' + b"9" * 4300 + b"}]", "digits"),
    (b'[{"eventId": NaN}]', "NaN"),
    (b"\xff\xfe[]", "UTF-8"),
])
def test_a_body_that_breaks_json_limits_is_400_not_500(app, webhook, portal, body, why):
    r = webhook.post_body(body)
    assert r.status_code == 400
    assert why in r.json["detail"]
    assert rows(app, InboxEvent) == [] and rows(app, QuarantinedEvent) == []


def test_a_retried_batch_with_a_bad_event_stores_the_good_ones_once(app, webhook, portal):
    batch = [deal_event(62515, 1, event_id=1), bad(objectId="abc")]
    webhook.post_events(batch)
    for ev in batch:
        if isinstance(ev, dict):
            ev["attemptNumber"] = 1
    r = webhook.post_events(batch)
    assert r.status_code == 200
    assert r.json["duplicates"] == 1
    assert len(rows(app, InboxEvent)) == 1


def test_a_deadlock_between_concurrent_deliveries_is_retried_not_a_500(app, webhook, portal, monkeypatch):
    from sqlalchemy.exc import OperationalError

    import webhooks.hubspot.receiver as receiver

    class Deadlock(Exception):
        sqlstate = "40P01"

    real, calls = receiver._store, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("SELECT ... FOR UPDATE", {}, Deadlock("deadlock detected"))
        return real(*args, **kwargs)

    monkeypatch.setattr(receiver, "_store", flaky)
    r = webhook.post_events([deal_event(62515, 1, event_id=1)])
    assert r.status_code == 200 and r.json["accepted"] == 1
    assert len(calls) == 2 and len(rows(app, InboxEvent)) == 1
