"""A signed request's timestamp header is ASCII digits, or the request is refused 401 before anything else.

Python's int() read a timestamp of 401 digits, which then overflowed the float age check: the HubSpot
webhook, the Salesforce callout and both CRMs' card requests answered 500 to anyone, with no secret,
and logged a traceback per request. int() also took '+', '_', spaces and other scripts' digits.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from tests.conftest import TEST_PUBLIC_URL, WebhookSender, deal_event, install_tenant
from tests.salesforce.helpers import ORG, callout_body, callout_headers, inbox_rows, install_org
from webhooks.errors import SignatureVerificationError
from webhooks.timestamps import parse_timestamp

HUGE = ["1" + "0" * 400, "9" * 4299, "-" + "9" * 400, "1" + "0" * 16]
BAD = [*HUGE, "+{now}", "{now}_0", "-{now}", "0x1F", "1e3", "{now}.0"]
"""Templates: {now} is the current time in the unit the scheme signs (test ids stay the same on every worker)."""


def now_ms() -> str:
    return str(int(time.time() * 1000))


def now_s() -> str:
    return str(int(time.time()))


def _ids(raw: str) -> str:
    return raw if len(raw) < 20 else f"{raw[:3]}...{len(raw)}-digits"


@pytest.mark.parametrize("raw", [*BAD, "\u0661\u0667\u0669\u0666", "\uff11\uff17", " 17 ", "17\n"], ids=_ids)
def test_a_timestamp_that_is_not_ascii_digits_is_malformed_naming_the_header(raw: str) -> None:
    raw = raw.format(now=now_ms())
    with pytest.raises(SignatureVerificationError, match="malformed X-Test"):
        parse_timestamp(raw, header="X-Test")


@pytest.mark.parametrize("raw", ["0", "1700000000", "{now}", "0001796507575000", "9" * 16])
def test_honest_timestamps_of_seconds_and_milliseconds_parse_as_written(raw: str) -> None:
    raw = raw.format(now=now_ms())
    assert parse_timestamp(raw, header="X-Test") == int(raw)


@pytest.mark.parametrize("raw", BAD, ids=_ids)
def test_a_hubspot_webhook_with_such_a_timestamp_is_401_json_and_stores_nothing(app: Any, raw: str) -> None:
    raw = raw.format(now=now_ms())
    install_tenant(app, "62515")
    sender = WebhookSender(app.test_client())
    body = json.dumps([deal_event(62515, 1, event_id=1)]).encode()
    headers = sender.headers(body) | {"X-HubSpot-Request-Timestamp": raw}
    resp = sender.post_body(body, headers=headers)
    assert resp.status_code == 401 and resp.get_json() == {"error": "invalid_signature"}
    assert inbox_rows(app) == []


def test_the_same_webhook_with_its_honest_timestamp_is_accepted(app: Any) -> None:
    install_tenant(app, "62515")
    sender = WebhookSender(app.test_client())
    resp = sender.post_events([deal_event(62515, 1, event_id=1)])
    assert resp.status_code == 200 and resp.get_json()["accepted"] == 1


@pytest.mark.parametrize("raw", BAD, ids=_ids)
def test_a_salesforce_callout_with_such_a_timestamp_is_401_json(app: Any, raw: str) -> None:
    raw = raw.format(now=now_s())
    install_org(app)
    body = callout_body()
    headers = callout_headers(body) | {"X-Agentic-Timestamp": raw}
    resp = app.test_client().post("/webhooks/salesforce/callout", data=body, headers=headers)
    assert resp.status_code == 401 and resp.get_json() == {"error": "invalid_signature"}
    assert inbox_rows(app) == []


@pytest.mark.parametrize("raw", BAD, ids=_ids)
def test_a_hubspot_card_request_with_such_a_timestamp_is_refused_not_a_500(app: Any, raw: str) -> None:
    raw = raw.format(now=now_ms())
    install_tenant(app, "62515")
    path = "/api/cards/hubspot?objectType=deal&objectId=8807&portalId=62515"
    headers = WebhookSender(app.test_client()).headers(b"", uri=TEST_PUBLIC_URL + path, method="GET")
    resp = app.test_client().get(path, headers=headers | {"X-HubSpot-Request-Timestamp": raw})
    assert resp.status_code == 401 and resp.is_json


@pytest.mark.parametrize("raw", BAD, ids=_ids)
def test_a_salesforce_card_request_with_such_a_timestamp_is_refused_not_a_500(app: Any, raw: str) -> None:
    raw = raw.format(now=now_s())
    from tests.salesforce.test_card_requests import signed

    install_org(app)
    path = "/api/cards/salesforce?objectType=deal&objectId=0065g00000AbCdEAAV"
    headers = signed("GET", path, org=ORG) | {"X-Agentic-Timestamp": raw}
    resp = app.test_client().get(path, headers=headers, base_url=TEST_PUBLIC_URL)
    assert resp.status_code == 401 and resp.is_json
