"""The JSON our Apex change-event trigger sends (after the signature is verified).

    {"organizationId": "00D...", "events": [{"eventId": "...", "sobjectType": "Opportunity",
      "recordId": "006...", "changeType": "UPDATE", "changedFields": ["Amount"],
      "changeOrigin": "com/salesforce/api/rest/66.0;client=agentic-sales", "commitTimestamp": 1764590400000}]}

`changeOrigin` is the change event header Salesforce fills from `Sforce-Call-Options: client=`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from integrations.base import is_output_field
from integrations.salesforce.constants import CALL_OPTIONS_CLIENT, CRM, OBJECT_TYPES
from webhooks.changes import RecordChange, delivery_key
from webhooks.errors import AnomalousPayloadError, UnsupportedEventTypeError
from webhooks.validation import clean_json, clean_text

KINDS = {"CREATE": "created", "UPDATE": "updated", "DELETE": "deleted", "UNDELETE": "restored"}
GAP_PREFIX = "GAP_"
"""Change types of events that carry no change (salesforce-api-facts 1.3: GAP_*, GAP_OVERFLOW)."""
SYSTEM_FIELDS = frozenset({"LastModifiedDate", "SystemModstamp", "LastModifiedById"})

MIN_COMMIT_MS = 946_684_800_000
"""2000-01-01 in epoch ms: a commitTimestamp before it is not a real commit time."""
MAX_COMMIT_MS = 4_102_444_800_000
"""2100-01-01 in epoch ms."""
MAX_TEXT = 1_000
"""Longest eventId, sobjectType, changeType, changeOrigin or changed field name accepted in an event."""

# A record id (15 or 18 characters), or the key-prefix wildcard ("006*") Salesforce puts in
# recordIds of gap and overflow events, which name no single record.
_RECORD_ID = re.compile(r"[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?|[A-Za-z0-9]{3}\*")


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
    def is_gap(self) -> bool:
        """A CDC gap event (GAP_CREATE, GAP_UPDATE, GAP_DELETE, GAP_UNDELETE, GAP_OVERFLOW) of an object we
        enrich: Salesforce could not capture the change itself (too large, an internal error, or too many
        changes at once), so the event says only that the object's records changed; their data must be read."""
        return self.change_type.startswith(GAP_PREFIX) and self.sobject in OBJECT_TYPES

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
        if object_type is None or kind is None or self.record_id.endswith("*"):
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
    """One event, type-checked: a body signed with the org's secret can still come from a broken
    or hostile sender (a legacy Outbound Message URL carries that secret), and a value that is not
    what Salesforce sends must be refused naming the field, not stored as a record "None" or
    crash the receiver with a 500 that the sender retries."""
    if not isinstance(e, dict):
        raise AnomalousPayloadError(f"event {i} is not an object")
    record_id = e.get("recordId")
    if not isinstance(record_id, str) or not _RECORD_ID.fullmatch(record_id):
        raise AnomalousPayloadError(f"event {i}: recordId is not a 15- or 18-character Salesforce id")
    ts = e.get("commitTimestamp")
    if isinstance(ts, bool) or not isinstance(ts, int):
        raise AnomalousPayloadError(f"event {i}: commitTimestamp is not an integer of epoch milliseconds")
    if not MIN_COMMIT_MS <= ts <= MAX_COMMIT_MS:
        raise AnomalousPayloadError(f"event {i}: commitTimestamp {ts} is outside 2000-2100")
    fields = e.get("changedFields")
    if fields is None:
        fields = []
    if not isinstance(fields, list) or not all(_is_text(f) and f for f in fields):
        raise AnomalousPayloadError(f"event {i}: changedFields is not a list of field names")
    origin = e.get("changeOrigin")
    if origin is None:
        origin = ""
    texts: dict[str, Any] = {"eventId": e.get("eventId"), "sobjectType": e.get("sobjectType"),
                             "changeType": e.get("changeType"), "changeOrigin": origin}
    for key, value in texts.items():
        if not _is_text(value) or (key != "changeOrigin" and not value):
            raise AnomalousPayloadError(f"event {i}: {key} is not a string of 1-{MAX_TEXT} characters "
                                        "without NUL or lone surrogates")
    return CalloutEvent(
        event_id=texts["eventId"], sobject=texts["sobjectType"], record_id=record_id,
        change_type=texts["changeType"], changed_fields=tuple(fields), change_origin=origin,
        committed_at=datetime.fromtimestamp(ts / 1000, UTC), raw=clean_json(e))


def _is_text(value: Any) -> bool:
    """A string PostgreSQL and UTF-8 can store as sent (no NUL, no lone surrogate), of bounded length."""
    return isinstance(value, str) and len(value) <= MAX_TEXT and clean_text(value) == value
