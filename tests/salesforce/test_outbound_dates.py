"""An Outbound Message's LastModifiedDate is a hint, never a reason to fail the delivery.

A date whose UTC instant does not exist (year 1 at +14:00, year 9999 at -14:00) was a 500 while
storing the change, which Salesforce retries for 24 hours; a date no org can have written (before
2000, after 2100) was stored as the change's time. Both now count as absent, as a malformed date did.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.salesforce.helpers import inbox_rows, install_org, outbound_path
from webhooks.salesforce import outbound

BASE = (FIXTURES / "salesforce" / "om_single.xml").read_bytes()
SENT = b"2026-12-01T14:03:22.000Z</sf:LastModifiedDate>"


@pytest.fixture
def sf_app(app: Any) -> Any:
    install_org(app)
    return app


def post(application: Any, last_modified: str) -> Any:
    body = BASE.replace(SENT, last_modified.encode() + b"</sf:LastModifiedDate>")
    assert SENT in BASE
    return application.test_client().post(outbound_path(), data=body, headers={"Content-Type": "text/xml"})


def as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@pytest.mark.parametrize(
    "stamp",
    [
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59.999+14:00",
        "0001-01-01T00:00:00Z",
        "1999-12-31T23:59:59Z",
        "2100-01-01T00:00:00Z",
        "2500-06-01T00:00:00+0200",
    ],
)
def test_a_last_modified_date_no_org_can_have_written_is_acknowledged_and_taken_as_absent(
    sf_app: Any, stamp: str
) -> None:
    before = datetime.now(UTC)
    resp = post(sf_app, stamp)
    assert resp.status_code == 200 and resp.data == outbound.ACK
    (row,) = inbox_rows(sf_app)
    assert (
        before - timedelta(seconds=1) <= as_utc(row.occurred_at) <= datetime.now(UTC) + timedelta(seconds=1)
    )


@pytest.mark.parametrize(
    ("stamp", "instant"),
    [
        ("2026-12-01T14:03:22.000Z", datetime(2026, 12, 1, 14, 3, 22, tzinfo=UTC)),
        ("2026-12-01T14:03:22.000+0530", datetime(2026, 12, 1, 8, 33, 22, tzinfo=UTC)),
        ("2026-12-01T06:03:22-08:00", datetime(2026, 12, 1, 14, 3, 22, tzinfo=UTC)),
        ("2026-12-01T14:03:22", datetime(2026, 12, 1, 14, 3, 22, tzinfo=UTC)),
        ("2000-01-01T00:00:00Z", datetime(2000, 1, 1, tzinfo=UTC)),
        ("2099-12-31T23:59:59Z", datetime(2099, 12, 31, 23, 59, 59, tzinfo=UTC)),
    ],
)
def test_an_honest_last_modified_date_in_any_offset_is_stored_as_its_instant(
    sf_app: Any, stamp: str, instant: datetime
) -> None:
    resp = post(sf_app, stamp)
    assert resp.status_code == 200 and resp.data == outbound.ACK
    (row,) = inbox_rows(sf_app)
    assert as_utc(row.occurred_at) == instant
