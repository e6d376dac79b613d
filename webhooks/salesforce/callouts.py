"""The JSON our Apex change-event trigger sends (after the signature is verified).

    {"organizationId": "00D...", "events": [{"eventId": "...", "sobjectType": "Opportunity",
      "recordId": "006...", "changeType": "UPDATE", "changedFields": ["Amount"],
      "changeOrigin": "com/salesforce/api/rest/66.0;client=agentic-sales", "commitTimestamp": 1764590400000}]}

`changeOrigin` is the change event header Salesforce fills from `Sforce-Call-Options: client=`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from integrations.base import is_output_field
from integrations.salesforce.constants import CALL_OPTIONS_CLIENT, CRM, OBJECT_TYPES
from webhooks.changes import RecordChange, delivery_key
from webhooks.errors import AnomalousPayloadError, UnsupportedEventTypeError

KINDS = {"CREATE": "created", "UPDATE": "updated", "DELETE": "deleted", "UNDELETE": "restored"}
SYSTEM_FIELDS = frozenset({"LastModifiedDate", "SystemModstamp", "LastModifiedById"})


@dataclass(frozen=True)
class CalloutEvent:
    event_id: str
    sobject: str
    record_id: str
    change_type: str
    changed_fields: tuple[str, ...]
    change_origin: str
    committed_at: datetime
    raw: Mapping[str, Any]

    @property
    def is_echo(self) -> bool:
        """Our own write: the origin carries our client id, or only output fields changed."""
        if f"client={CALL_OPTIONS_CLIENT}" in self.change_origin:
            return True
        meaningful = [f for f in self.changed_fields if f not in SYSTEM_FIELDS]
        return self.change_type == "UPDATE" and bool(meaningful) and all(is_output_field(f) for f in meaningful)

    def to_change(self, tenant_id: str) -> RecordChange:
        object_type = OBJECT_TYPES.get(self.sobject)
        kind = KINDS.get(self.change_type)
        if object_type is None or kind is None:
            raise UnsupportedEventTypeError(f"{self.sobject}.{self.change_type}")
        return RecordChange(
            tenant_id=tenant_id, crm=CRM, object_type=object_type, record_id=self.record_id, kind=kind,
            properties={"changedFields": list(self.changed_fields)}, occurred_at=self.committed_at,
            delivery_key=delivery_key(dict(self.raw), ignore=()), change_source=(self.change_origin or "apex_callout")[:60],
        )


def parse(payload: Any, *, org_id: str, max_events: int) -> list[CalloutEvent]:
    """Type-check a callout body; raise AnomalousPayloadError naming the first problem."""
    if not isinstance(payload, dict):
        raise AnomalousPayloadError("callout body is not a JSON object")
    if payload.get("organizationId") != org_id:
        raise AnomalousPayloadError("organizationId does not match the signed org")
    events = payload.get("events")
    if not isinstance(events, list) or not events:
        raise AnomalousPayloadError("callout has no events array")
    if len(events) > max_events:
        raise AnomalousPayloadError(f"{len(events)} events, more than {max_events}")
    return [_event(e, i) for i, e in enumerate(events)]


def _event(e: Any, i: int) -> CalloutEvent:
    if not isinstance(e, dict):
        raise AnomalousPayloadError(f"event {i} is not an object")
    try:
        fields: Sequence[Any] = e.get("changedFields") or []
        if not isinstance(fields, list):
            raise TypeError("changedFields")
        ts = int(e["commitTimestamp"])
        return CalloutEvent(
            event_id=str(e["eventId"]), sobject=str(e["sobjectType"]), record_id=str(e["recordId"]),
            change_type=str(e["changeType"]), changed_fields=tuple(str(f) for f in fields),
            change_origin=str(e.get("changeOrigin") or ""),
            committed_at=datetime.fromtimestamp(ts / 1000, UTC), raw=e)
    except (KeyError, TypeError, ValueError) as exc:
        raise AnomalousPayloadError(f"event {i} is malformed: {exc}") from None
