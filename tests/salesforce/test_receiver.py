"""The Salesforce receivers end to end in the app: raw bytes -> verify -> parse -> inbox -> answer."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.salesforce.helpers import (
    ORG,
    OTHER_ORG,
    callout_body,
    callout_headers,
    inbox_rows,
    install_org,
    outbound_path,
    secret_for,
)
from webhooks.salesforce import outbound

SF = FIXTURES / "salesforce"
SOAP = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'}


@pytest.fixture
def sf_app(app: Any) -> Any:
    install_org(app)
    return app


def post_om(client: Any, name: str, path: str | None = None, data: bytes | None = None) -> Any:
    return client.post(path or outbound_path(), data=data if data is not None else (SF / name).read_bytes(),
                       headers=SOAP)


def test_an_outbound_message_is_stored_and_answered_with_the_exact_ack_bytes(sf_app: Any) -> None:
    resp = post_om(sf_app.test_client(), "om_single.xml")
    assert resp.status_code == 200
    assert resp.data == (SF / "ack.xml").read_bytes()
    assert resp.headers["Content-Type"].startswith("text/xml")
    (row,) = inbox_rows(sf_app)
    assert (row.tenant_id, row.crm, row.object_type, row.record_id, row.kind) == (
        f"salesforce-{ORG}", "salesforce", "deal", "0065g00000AbCdEAAV", "updated")


def test_a_redelivered_outbound_message_is_acknowledged_and_deduped(sf_app: Any) -> None:
    client = sf_app.test_client()
    assert post_om(client, "om_single.xml").data == outbound.ACK
    assert post_om(client, "om_single.xml").data == outbound.ACK
    assert len(inbox_rows(sf_app)) == 1


def test_one_hundred_notifications_become_one_hundred_inbox_rows_in_one_answer(sf_app: Any) -> None:
    resp = post_om(sf_app.test_client(), "om_100.xml")
    assert resp.data == outbound.ACK
    rows = inbox_rows(sf_app)
    assert len(rows) == 100 and len({r.record_id for r in rows}) == 100


def test_a_message_whose_org_differs_from_the_endpoints_org_is_refused(sf_app: Any) -> None:
    resp = post_om(sf_app.test_client(), "om_wrong_org.xml")
    assert resp.status_code == 401
    assert resp.data != outbound.ACK
    assert inbox_rows(sf_app) == []


def test_a_wrong_secret_in_the_endpoint_url_is_refused_before_parsing(sf_app: Any) -> None:
    resp = post_om(sf_app.test_client(), "om_bad.xml", path=outbound_path(secret="0" * 40))
    assert resp.status_code == 401  # not 400: the body is never looked at
    assert resp.get_json() == {"error": "invalid_signature"}


def test_another_orgs_secret_cannot_post_for_this_org(sf_app: Any) -> None:
    install_org(sf_app, OTHER_ORG)
    resp = post_om(sf_app.test_client(), "om_single.xml", path=outbound_path(ORG, secret_for(OTHER_ORG)))
    assert resp.status_code == 401
    assert inbox_rows(sf_app) == []


@pytest.mark.parametrize("name", ["om_bad.xml", "om_xxe.xml", "om_101.xml"])
def test_anomalous_xml_is_answered_400_without_an_ack(sf_app: Any, name: str) -> None:
    resp = post_om(sf_app.test_client(), name)
    assert resp.status_code == 400
    assert resp.get_json()["error"] == "anomalous_payload"
    assert inbox_rows(sf_app) == []


def test_an_oversize_body_is_refused_without_reading_it(sf_app: Any) -> None:
    from webhooks.salesforce import defaults

    big = b"<x>" + b"a" * (defaults.MAX_OM_BODY_BYTES + 1) + b"</x>"
    resp = post_om(sf_app.test_client(), "", data=big)
    # The app-wide body guard answers first (same limit): 413, payload too large.
    assert resp.status_code == 413
    assert "over" in resp.get_json()["detail"]


def test_a_message_for_an_org_that_is_not_installed_is_acknowledged_and_ignored(app: Any) -> None:
    resp = post_om(app.test_client(), "om_single.xml")
    assert resp.data == outbound.ACK  # else Salesforce retries it for 24 hours
    assert inbox_rows(app) == []


def test_a_signed_callout_stores_changes_and_drops_our_own_echo(sf_app: Any) -> None:
    body = callout_body()
    resp = sf_app.test_client().post("/webhooks/salesforce/callout", data=body, headers=callout_headers(body))
    assert resp.status_code == 200
    out = resp.get_json()
    assert (out["accepted"], out["echoes"]) == (2, 1)
    assert sorted(r.kind for r in inbox_rows(sf_app)) == ["created", "updated"]


def test_a_tampered_callout_is_refused(sf_app: Any) -> None:
    body = callout_body()
    headers = callout_headers(body)
    resp = sf_app.test_client().post("/webhooks/salesforce/callout", data=body.replace(b"Amount", b"Amounu"),
                                     headers=headers)
    assert resp.status_code == 401
    assert inbox_rows(sf_app) == []


def test_a_stale_callout_is_refused(sf_app: Any) -> None:
    body = callout_body()
    resp = sf_app.test_client().post("/webhooks/salesforce/callout", data=body,
                                     headers=callout_headers(body, ts=int(time.time()) - 400))
    assert resp.status_code == 401


def test_a_callout_signed_for_one_org_cannot_carry_another_orgs_changes(sf_app: Any) -> None:
    install_org(sf_app, OTHER_ORG)
    body = callout_body(org_id=ORG)
    headers = callout_headers(body, org_id=OTHER_ORG)  # valid signature, but for the other org
    resp = sf_app.test_client().post("/webhooks/salesforce/callout", data=body, headers=headers)
    assert resp.status_code == 400
    assert inbox_rows(sf_app) == []


def test_each_org_only_reaches_its_own_tenant(sf_app: Any) -> None:
    install_org(sf_app, OTHER_ORG)
    client = sf_app.test_client()
    for org in (ORG, OTHER_ORG):
        body = callout_body(org_id=org)
        assert client.post("/webhooks/salesforce/callout", data=body, headers=callout_headers(body, org)).status_code == 200
    tenants = sorted({r.tenant_id for r in inbox_rows(sf_app)})
    assert tenants == [f"salesforce-{ORG}", f"salesforce-{OTHER_ORG}"]


def test_a_callout_that_is_not_json_is_anomalous(sf_app: Any) -> None:
    body = b"not json"
    resp = sf_app.test_client().post("/webhooks/salesforce/callout", data=body, headers=callout_headers(body))
    assert resp.status_code == 400


def test_changes_to_the_same_record_schedule_one_job(sf_app: Any) -> None:
    events = json.loads(callout_body())["events"]
    burst = [dict(events[0], eventId=f"e{i}", commitTimestamp=events[0]["commitTimestamp"] + i) for i in range(5)]
    body = callout_body(events=burst)
    resp = sf_app.test_client().post("/webhooks/salesforce/callout", data=body, headers=callout_headers(body))
    assert resp.get_json()["accepted"] == 5
    assert {r.record_id for r in inbox_rows(sf_app)} == {"0065g00000AbCdEAAV"}
