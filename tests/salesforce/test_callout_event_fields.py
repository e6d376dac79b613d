"""A signed callout whose events are not what the package's Apex sends is refused naming the field.

The signature only proves the sender holds the org's secret (which a legacy Outbound Message URL
in a path log also gives away); the events must still be typed like HubSpot's: a record id that is
no Salesforce id was stored as record "None" or 200 characters long (a 500 on PostgreSQL's
varchar(64)), and a commitTimestamp out of range or a deeply nested body crashed the receiver (500).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.salesforce.helpers import callout_body, callout_headers, inbox_rows, install_org

CALLOUT = "/webhooks/salesforce/callout"


@pytest.fixture
def sf_app(app: Any) -> Any:
    install_org(app)
    return app


def event(**changes: Any) -> dict[str, Any]:
    ev = json.loads(callout_body())["events"][0]
    ev.update(changes)
    return {k: v for k, v in ev.items() if v is not DROP}


class _Absent:
    def __repr__(self) -> str:  # a stable test id on every xdist worker
        return "absent"


DROP = _Absent()


def post(application: Any, body: bytes) -> Any:
    return application.test_client().post(CALLOUT, data=body, headers=callout_headers(body))


BAD_EVENTS = {
    "recordId": [
        None,
        42,
        "",
        "None",
        "006" + "A" * 200,
        "0065g00000AbCdE AAV",
        "0065g00000AbCdEAA\u00e9",
        DROP,
    ],
    "commitTimestamp": [10**30, -1, 0, True, 1764597802000.5, "1764597802000", None, DROP],
    "changedFields": [[{"a": 1}], [""], "Amount", [None], ["x" * 1001], ["Amount\x00"]],
    "eventId": [None, "", 7, "e" * 1001, "e\ud800", DROP],
    "sobjectType": [None, "", ["Opportunity"], DROP],
    "changeType": [None, "", {"UPDATE": 1}, DROP],
    "changeOrigin": [7, ["client=agentic-sales"], "o" * 1001],
}


@pytest.mark.parametrize(
    ("key", "value"), [(k, v) for k, vs in BAD_EVENTS.items() for v in vs], ids=lambda x: repr(x)[:30]
)
def test_an_event_field_that_salesforce_never_sends_is_refused_400_naming_the_field(
    sf_app: Any, key: str, value: Any
) -> None:
    resp = post(sf_app, callout_body(events=[event(), event(**{key: value})]))
    assert resp.status_code == 400
    body = resp.get_json()
    assert body["error"] == "anomalous_payload"
    assert key in body["detail"] and "event 1" in body["detail"]
    assert inbox_rows(sf_app) == []


@pytest.mark.parametrize("literal", [b"1e400", b"-1e400", b"9" * 5000])
def test_a_number_no_json_decoder_should_turn_into_a_timestamp_is_refused_not_a_500(
    sf_app: Any, literal: bytes
) -> None:
    body = callout_body().replace(b'"commitTimestamp":1764597802000', b'"commitTimestamp":' + literal, 1)
    resp = post(sf_app, body)
    assert resp.status_code == 400
    assert resp.get_json()["error"] == "anomalous_payload"
    assert inbox_rows(sf_app) == []


@pytest.mark.parametrize(
    "body", [b'{"events":' + b"[" * 50_000 + b"]" * 50_000 + b"}", b'{"organizationId": NaN, "events": []}']
)
def test_a_body_too_deep_or_with_nan_is_refused_400_not_a_500(sf_app: Any, body: bytes) -> None:
    resp = post(sf_app, body)
    assert resp.status_code == 400
    assert resp.get_json()["error"] == "anomalous_payload"


@pytest.mark.parametrize(
    "changes",
    [
        {"recordId": "0065g00000AbCdE"},  # a 15-character id
        {"changedFields": None, "changeType": "CREATE"},  # Apex serialises an empty list as null
        {"changeOrigin": None},
        {"changeOrigin": "com/salesforce/api/soap/66.0;client=" + "c" * 300},
        {"changedFields": ["Name", "Beschreibung_\u00e4__c", "Amount"]},
        {"commitTimestamp": 946_684_800_000},
        {"extra": "\u00e9t\u00e9 \U0001f600"},
    ],
    ids=lambda x: next(iter(x)),
)
def test_honest_events_in_every_shape_the_apex_sends_are_accepted(
    sf_app: Any, changes: dict[str, Any]
) -> None:
    resp = post(sf_app, callout_body(events=[event(**changes)]))
    assert resp.status_code == 200, resp.get_json()
    assert resp.get_json()["accepted"] == 1
    (row,) = inbox_rows(sf_app)
    assert row.record_id == changes.get("recordId", "0065g00000AbCdEAAV")


def test_a_gap_overflow_event_with_a_wildcard_record_id_is_acknowledged_as_a_gap(sf_app: Any) -> None:
    # CDC puts the key prefix and a wildcard ("006*") in recordIds of overflow events: genuine,
    # but naming no record, so it must neither fail the batch nor become a record "006*"
    # (tests/salesforce/test_gap_events.py: it brings the reconciliation forward).
    gap = event(recordId="006*", changeType="GAP_OVERFLOW", eventId="t:9:006*")
    resp = post(sf_app, callout_body(events=[event(), gap]))
    assert resp.status_code == 200
    assert (resp.get_json()["accepted"], resp.get_json()["gaps"], resp.get_json()["unsupported"]) == (1, 1, 0)
    assert [r.record_id for r in inbox_rows(sf_app)] == ["0065g00000AbCdEAAV"]


def test_a_wildcard_on_an_update_is_not_taken_for_a_record(sf_app: Any) -> None:
    resp = post(sf_app, callout_body(events=[event(recordId="006*")]))
    assert resp.status_code == 200
    assert resp.get_json()["unsupported"] == 1
    assert inbox_rows(sf_app) == []
