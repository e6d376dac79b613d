"""A CDC gap event brings the tenant's reconciliation forward to within a minute.

Salesforce sends GAP_CREATE / GAP_UPDATE / GAP_DELETE / GAP_UNDELETE when it could not capture a change
(too large, an internal error) and GAP_OVERFLOW when a transaction changed too many records: the event
says records changed, never how (salesforce-api-facts 1.3). They were counted "unsupported" and dropped,
so the changes waited for the next 15-minute reconciliation.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.salesforce.helpers import OTHER_ORG, callout_body, callout_headers, inbox_rows, install_org

CALLOUT = "/webhooks/salesforce/callout"
GAP_TYPES = ["GAP_CREATE", "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW"]


@pytest.fixture
def sf_app(app_factory: Any) -> Any:
    application = app_factory(RECONCILE_ENABLED=True, RECONCILE_INTERVAL_SECONDS=900)
    install_org(application)
    return application


def event(n: int = 1, **changes: Any) -> dict[str, Any]:
    ev = json.loads(callout_body())["events"][0]
    ev.update(eventId=f"tx{n}:{n}:{ev['recordId']}", **changes)
    return ev


def post(application: Any, events: list[dict[str, Any]], org_id: str | None = None) -> Any:
    body = callout_body(events=events, **({"org_id": org_id} if org_id else {}))
    headers = callout_headers(body, **({"org_id": org_id} if org_id else {}))
    return application.test_client().post(CALLOUT, data=body, headers=headers)


def reconcile_due(application: Any, tenant_id: str = "salesforce-00D5g000004ABCDEAW") -> list[datetime]:
    from app.storage import get_db
    from app.storage.models import PeriodicRun

    with get_db(application).session() as s:
        rows = s.execute(
            select(PeriodicRun.next_run_at).where(
                PeriodicRun.tenant_id == tenant_id, PeriodicRun.name == "reconcile"
            )
        ).scalars()
        return [r if r.tzinfo else r.replace(tzinfo=UTC) for r in rows]


@pytest.mark.parametrize("change_type", GAP_TYPES)
def test_a_gap_event_of_any_kind_brings_the_reconciliation_to_within_a_minute(
    sf_app: Any, change_type: str
) -> None:
    record = "006*" if change_type == "GAP_OVERFLOW" else "0065g00000AbCdEAAV"
    before = datetime.now(UTC)
    resp = post(sf_app, [event(recordId=record, changeType=change_type, changedFields=[])])
    assert resp.status_code == 200
    assert (resp.get_json()["gaps"], resp.get_json()["unsupported"]) == (1, 0)
    (due,) = reconcile_due(sf_app)
    assert due <= before + timedelta(seconds=61)
    assert inbox_rows(sf_app) == []  # a gap names no change to run the record's job on


@pytest.mark.parametrize(
    "sobject, change_type",
    [
        ("Opportunity", "GAP_UPDATE"),
        ("Lead", "GAP_OVERFLOW"),
        ("Account", "GAP_CREATE"),
        ("Contact", "GAP_DELETE"),
    ],
)
def test_gap_events_of_every_object_the_package_watches_are_gaps(
    sf_app: Any, sobject: str, change_type: str
) -> None:
    resp = post(sf_app, [event(sobjectType=sobject, changeType=change_type, recordId="001*")])
    assert resp.get_json()["gaps"] == 1, resp.get_json()
    assert reconcile_due(sf_app)


def test_a_burst_of_gap_events_makes_one_reconciliation_never_later_than_the_first_asked(sf_app: Any) -> None:
    from app import scheduler

    first = post(sf_app, [event(i, changeType="GAP_OVERFLOW", recordId="006*") for i in range(50)])
    assert first.get_json()["gaps"] == 50
    (due,) = reconcile_due(sf_app)
    for n in range(3):  # later callouts of the same burst do not push the run back
        post(sf_app, [event(100 + n, changeType="GAP_UPDATE")])
        assert reconcile_due(sf_app) == [due]
    at = due + timedelta(seconds=1)
    claimed = [c for c in scheduler.claim_due(sf_app, now=at) if c[1] == "reconcile"]
    assert claimed == [("salesforce-00D5g000004ABCDEAW", "reconcile")]
    assert not [c for c in scheduler.claim_due(sf_app, now=at + timedelta(seconds=5)) if c[1] == "reconcile"]


def test_a_change_event_that_is_not_a_gap_leaves_the_reconciliation_where_it_was(sf_app: Any) -> None:
    resp = post(sf_app, [event(), event(2, changeType="UPDATE", recordId="0065g00000AbCdFAAV")])
    assert resp.get_json()["accepted"] == 2 and resp.get_json()["gaps"] == 0
    assert reconcile_due(sf_app) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"changeType": "OVERFLOW_GAP"},  # a type that merely contains the word
        {"changeType": "gap_update"},  # Apex sends the enum's name, upper case
        {"changeType": "GAP_UPDATE", "sobjectType": "Case"},  # an object the package does not watch
    ],
    ids=["word-inside", "lower-case", "unwatched-object"],
)
def test_look_alikes_of_a_gap_are_unsupported_and_schedule_nothing(
    sf_app: Any, changes: dict[str, Any]
) -> None:
    resp = post(sf_app, [event(**changes)])
    assert resp.status_code == 200
    assert (resp.get_json()["gaps"], resp.get_json()["unsupported"]) == (0, 1)
    assert reconcile_due(sf_app) == []


def test_a_gap_event_of_an_org_that_is_not_installed_schedules_nothing(sf_app: Any) -> None:
    from sqlalchemy import func

    from app.storage import get_db
    from app.storage.models import PeriodicRun

    resp = post(sf_app, [event(changeType="GAP_OVERFLOW", recordId="006*")], org_id=OTHER_ORG)
    assert resp.status_code == 200 and resp.get_json()["unknown_org"] == 1
    with get_db(sf_app).session() as s:
        assert s.execute(select(func.count(PeriodicRun.id))).scalar_one() == 0


def test_a_gap_event_when_our_own_write_overflowed_still_reconciles(sf_app: Any) -> None:
    # An overflow event carries the origin of the transaction that overflowed; others' changes may be in it.
    ev = event(
        changeType="GAP_OVERFLOW",
        recordId="006*",
        changeOrigin="com/salesforce/api/rest/66.0;client=agentic-sales",
    )
    resp = post(sf_app, [ev])
    assert (resp.get_json()["gaps"], resp.get_json()["echoes"]) == (1, 0)
    assert reconcile_due(sf_app)
