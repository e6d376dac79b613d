"""Outbound Message parsing, one test per captured-shape fixture (tests/fixtures/salesforce)."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from webhooks.errors import AnomalousPayloadError
from webhooks.salesforce import outbound

SF = FIXTURES / "salesforce"


def body(name: str) -> bytes:
    return (SF / name).read_bytes()


def test_a_single_notification_yields_the_org_the_record_and_its_fields() -> None:
    msg = outbound.parse(body("om_single.xml"), max_notifications=100)
    assert msg.organization_id == "00D5g000004ABCDEAW"
    assert msg.action_id == "04k5g000000ABCDAA1"
    (n,) = msg.notifications
    assert (n.id, n.sobject, n.record_id) == ("04l5g00000DeFgHAA3", "Opportunity", "0065g00000AbCdEAAV")
    assert n.fields["StageName"] == "Negotiation/Review"
    assert n.fields["Amount"] == "48000.0"


def test_a_notification_becomes_an_updated_deal_change_keyed_on_its_notification_id() -> None:
    (n,) = outbound.parse(body("om_single.xml"), max_notifications=100).notifications
    ch = n.to_change("salesforce-00D5g000004ABCDEAW", "00D5g000004ABCDEAW")
    assert (ch.crm, ch.object_type, ch.record_id, ch.kind) == ("salesforce", "deal", "0065g00000AbCdEAAV", "updated")
    assert ch.occurred_at is not None and ch.occurred_at.isoformat() == "2026-12-01T14:03:22+00:00"
    again = outbound.parse(body("om_single.xml"), max_notifications=100).notifications[0]
    assert again.to_change(ch.tenant_id, "00D5g000004ABCDEAW").delivery_key == ch.delivery_key


def test_one_hundred_notifications_are_all_parsed_with_distinct_records() -> None:
    msg = outbound.parse(body("om_100.xml"), max_notifications=100)
    assert len(msg.notifications) == 100
    assert len({n.record_id for n in msg.notifications}) == 100
    assert len({n.id for n in msg.notifications}) == 100


def test_more_than_one_hundred_notifications_is_anomalous() -> None:
    with pytest.raises(AnomalousPayloadError, match="101 notifications"):
        outbound.parse(body("om_101.xml"), max_notifications=100)


def test_truncated_xml_is_anomalous() -> None:
    with pytest.raises(AnomalousPayloadError, match="not XML"):
        outbound.parse(body("om_bad.xml"), max_notifications=100)


def test_a_dtd_with_entities_is_refused_before_any_expansion() -> None:
    with pytest.raises(AnomalousPayloadError, match="forbidden XML construct"):
        outbound.parse(body("om_xxe.xml"), max_notifications=100)


@pytest.mark.parametrize("raw,reason", [
    (b"<html><body>hi</body></html>", "not a SOAP envelope"),
    (b'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>',
     "no outbound notifications"),
    (b"", "not XML"),
])
def test_other_xml_is_anomalous(raw: bytes, reason: str) -> None:
    with pytest.raises(AnomalousPayloadError, match=reason):
        outbound.parse(raw, max_notifications=100)


def test_a_malformed_organization_id_is_anomalous() -> None:
    raw = body("om_single.xml").replace(b"00D5g000004ABCDEAW", b"00D<script>")
    with pytest.raises(AnomalousPayloadError):
        outbound.parse(raw, max_notifications=100)


def test_the_acknowledgement_is_byte_for_byte_the_documented_envelope() -> None:
    assert outbound.ACK == body("ack.xml")
