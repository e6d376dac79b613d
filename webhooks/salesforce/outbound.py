"""Outbound Message (SOAP 1.1) parsing with defusedxml, and the exact acknowledgement.

The envelope (Outbound Messaging WSDL): `notifications` in the namespace
http://soap.sforce.com/2005/09/outbound with OrganizationId, ActionId, SessionId (always nil
since Feb 2026), EnterpriseUrl, PartnerUrl and up to 100 `Notification` (Id + sObject with the
admin-chosen fields in urn:sobject.enterprise.soap.sforce.com). Salesforce counts a delivery
as done only when the answer is HTTP 200 with `notificationsResponse/Ack = true` (ACK below);
anything else is retried for 24 hours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from integrations.salesforce.constants import CRM, OBJECT_TYPES
from webhooks.changes import RecordChange, delivery_key
from webhooks.errors import AnomalousPayloadError, UnsupportedEventTypeError

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
OM_NS = "http://soap.sforce.com/2005/09/outbound"
SOBJECT_NS = "urn:sobject.enterprise.soap.sforce.com"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

ACK = (b'<?xml version="1.0" encoding="UTF-8"?>'
       b'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
       b'<soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">'
       b'<Ack>true</Ack></notificationsResponse></soapenv:Body></soapenv:Envelope>')
"""The exact bytes we answer to a stored (or deliberately ignored) Outbound Message."""

ACK_CONTENT_TYPE = "text/xml; charset=utf-8"

_ID = re.compile(r"^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$")

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
"""A LastModifiedDate outside [EARLIEST, LATEST) is not a real edit time (HubSpot's occurredAt has the same bounds)."""


@dataclass(frozen=True)
class Notification:
    id: str
    sobject: str
    fields: Mapping[str, Any]

    @property
    def record_id(self) -> str:
        return str(self.fields.get("Id") or "")

    def to_change(self, tenant_id: str, org_id: str) -> RecordChange:
        object_type = OBJECT_TYPES.get(self.sobject)
        if object_type is None:
            raise UnsupportedEventTypeError(f"sObject {self.sobject}")
        occurred = _when(self.fields.get("LastModifiedDate") or self.fields.get("SystemModstamp")) or datetime.now(UTC)
        return RecordChange(
            tenant_id=tenant_id, crm=CRM, object_type=object_type, record_id=self.record_id,
            kind="updated", properties=dict(self.fields), occurred_at=occurred,
            delivery_key=delivery_key({"org": org_id, "notification": self.id, "sobject": self.sobject,
                                       "fields": dict(self.fields)}),
            change_source="outbound_message",
        )


@dataclass(frozen=True)
class OutboundMessage:
    organization_id: str
    action_id: str
    notifications: tuple[Notification, ...] = field(default_factory=tuple)


def _when(raw: Any) -> datetime | None:
    if not raw:
        return None
    s = str(raw).replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", s):
        s = s[:-2] + ":" + s[-2:]
    try:
        t = datetime.fromisoformat(s)
        t = (t if t.tzinfo else t.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):  # year 1 at +14:00 is before year 1 in UTC
        return None
    # A notification's dates are not trusted: one no org can have written counts as absent, like a malformed
    # one (year 9999 at -14:00 was a 500 storing it, which Salesforce retries for 24 hours).
    return t if EARLIEST <= t < LATEST else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(el: Element | None) -> str | None:
    if el is None or el.get(f"{{{XSI_NS}}}nil") == "true":
        return None
    return (el.text or "").strip()


def _value(el: Element) -> Any:
    if el.get(f"{{{XSI_NS}}}nil") == "true":
        return None
    text = (el.text or "").strip()
    return text


def parse(body: bytes, *, max_notifications: int) -> OutboundMessage:
    """Parse an Outbound Message; raise AnomalousPayloadError naming what is wrong.

    defusedxml refuses DTDs, entity expansion and external references (billion laughs, XXE).
    """
    try:
        root = ElementTree.fromstring(body, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise AnomalousPayloadError(f"forbidden XML construct: {type(exc).__name__}") from None
    except ElementTree.ParseError as exc:
        raise AnomalousPayloadError(f"body is not XML: {exc}") from None
    if root.tag != f"{{{SOAP_NS}}}Envelope":
        raise AnomalousPayloadError(f"not a SOAP envelope (root {_local(root.tag)!r})")
    notes_el = root.find(f"{{{SOAP_NS}}}Body/{{{OM_NS}}}notifications")
    if notes_el is None:
        raise AnomalousPayloadError("SOAP body has no outbound notifications element")
    org = _text(notes_el.find(f"{{{OM_NS}}}OrganizationId")) or ""
    if not _ID.match(org) or not org.startswith("00D"):
        raise AnomalousPayloadError(f"bad OrganizationId {org[:20]!r}")
    action = _text(notes_el.find(f"{{{OM_NS}}}ActionId")) or ""
    items = notes_el.findall(f"{{{OM_NS}}}Notification")
    if not items:
        raise AnomalousPayloadError("no Notification in the message")
    if len(items) > max_notifications:
        raise AnomalousPayloadError(f"{len(items)} notifications, more than {max_notifications}")
    out = []
    for n in items:
        nid = _text(n.find(f"{{{OM_NS}}}Id")) or ""
        sobj = n.find(f"{{{OM_NS}}}sObject")
        if not nid or sobj is None:
            raise AnomalousPayloadError("a Notification lacks its Id or sObject")
        xsi_type = sobj.get(f"{{{XSI_NS}}}type") or ""
        sobject = xsi_type.split(":", 1)[-1]
        fields = {_local(c.tag): _value(c) for c in sobj if c.tag.startswith(f"{{{SOBJECT_NS}}}")}
        rid = str(fields.get("Id") or "")
        if not sobject or not _ID.match(rid):
            raise AnomalousPayloadError(f"notification {nid} has no valid sObject type or Id")
        out.append(Notification(nid, sobject, fields))
    return OutboundMessage(org, action, tuple(out))
