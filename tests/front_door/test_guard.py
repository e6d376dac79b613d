"""The front door's status policy, shared by every CRM's receiver (webhooks/guard.py): each refusal
has its status, its warning and its count, and a bug is a 500 that is still counted."""

from __future__ import annotations

import logging

import pytest

from app import metrics
from tests.conftest import TEST_SECRET
from webhooks.errors import AnomalousPayloadError, SignatureVerificationError
from webhooks.guard import guarded

log = logging.getLogger("tests.guard")


def counted(crm: str, status: int) -> float:
    return metrics.WEBHOOK_REQUESTS.labels(crm=crm, status=str(status))._value.get()


def refuse(exc: Exception):
    def receive(delivery_id: str):
        raise exc
    return receive


@pytest.mark.parametrize(("exc", "status", "body", "warning"), [
    (SignatureVerificationError("timestamp too old"), 401, {"error": "invalid_signature"},
     "door rejected: timestamp too old"),
    (AnomalousPayloadError("body over 2 bytes"), 400, {"error": "anomalous_payload", "detail": "body over 2 bytes"},
     "odd door: body over 2 bytes"),
])
def test_a_refusal_is_answered_with_its_status_logged_with_its_reason_and_counted(app, caplog, exc, status, body,
                                                                                 warning):
    before = counted("testcrm", status)
    with app.test_request_context(), caplog.at_level(logging.WARNING, logger="tests.guard"):
        response, code = guarded("testcrm", refuse(exc), log=log, rejected="door rejected", anomalous="odd door")

        assert (code, response.get_json()) == (status, body)
    assert [r.getMessage() for r in caplog.records] == [warning]
    assert caplog.records[0].crm == "testcrm" and len(caplog.records[0].delivery_id) == 32
    assert counted("testcrm", status) == before + 1


def test_a_bug_in_a_receiver_propagates_and_is_counted_as_a_500(app):
    before = counted("testcrm", 500)
    with app.test_request_context(), pytest.raises(ZeroDivisionError):
        guarded("testcrm", refuse(ZeroDivisionError()), log=log, rejected="r", anomalous="a")
    assert counted("testcrm", 500) == before + 1


def test_an_accepted_delivery_keeps_the_receivers_answer_and_is_counted_by_its_status(app):
    before = counted("testcrm", 200)
    with app.test_request_context():
        assert guarded("testcrm", lambda d: ("ok", 200), log=log, rejected="r", anomalous="a") == ("ok", 200)
    assert counted("testcrm", 200) == before + 1


def test_both_crms_doors_count_a_bad_signature_under_their_own_name(client):
    hubspot, salesforce = counted("hubspot", 401), counted("salesforce", 401)
    assert client.post("/webhooks/hubspot", data=b"[]", headers={"X-HubSpot-Signature-v3": "x"}).status_code == 401
    r = client.post("/webhooks/salesforce/callout", data=b"{}", headers={"X-Signature": TEST_SECRET})
    assert r.status_code == 401
    assert (counted("hubspot", 401), counted("salesforce", 401)) == (hubspot + 1, salesforce + 1)
