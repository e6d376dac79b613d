"""HubSpot webhook events: typed parsing at the edge and one dispatch table (STYLE rules 8, 10).

`EVENT_HANDLERS` maps a subscriptionType onto the RecordChange kind it produces; the generic
`object.*` subscriptions carry `objectTypeId` instead of a name in the type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from webhooks.changes import RecordChange, delivery_key
from webhooks.errors import AnomalousPayloadError, UnsupportedEventTypeError
from webhooks.validation import MAX_TEXT_CHARS, RejectedEvent, clean_json, clean_text, raw_json

OBJECT_TYPE_IDS = {"0-1": "contact", "0-2": "company", "0-3": "deal"}
"""HubSpot object type ids we handle, by the canonical singular name."""

SUPPORTED_OBJECTS = ("contact", "company", "deal")

MIN_OCCURRED_MS = 946_684_800_000
"""2000-01-01 in epoch ms: an occurredAt before it is not a real event time."""
MAX_OCCURRED_MS = 4_102_444_800_000
"""2100-01-01 in epoch ms."""
MAX_ATTEMPT = 1_000
"""HubSpot retries 10 times over a day; far above that is not a real attemptNumber."""
MAX_INT64 = 2**63 - 1

_DIGITS = re.compile(r"[0-9]{1,19}")
_PROPERTY_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]{0,255}")
_TYPE_ID = re.compile(r"[0-9]{1,3}-[0-9]{1,12}")

_ACTIONS = {
    "creation": "created",
    "propertyChange": "updated",
    "deletion": "deleted",
    "merge": "merged",
    "restore": "restored",
    "associationChange": "association",
    "privacyDeletion": "privacy_deletion",
}

EVENT_HANDLERS: dict[str, str] = {
    f"{obj}.{action}": kind
    for obj in (*SUPPORTED_OBJECTS, "object")
    for action, kind in _ACTIONS.items()
    if action != "privacyDeletion" or obj == "contact"
}
"""subscriptionType → RecordChange kind."""

SUPPORTED_EVENT_TYPES = tuple(EVENT_HANDLERS)


@dataclass(frozen=True)
class HubSpotEvent:
    """One event of a HubSpot webhook batch, with its fields type-checked."""

    event_id: int
    subscription_id: int | None
    portal_id: str
    app_id: str | None
    occurred_at: datetime
    subscription_type: str
    attempt_number: int
    object_id: str
    object_type_id: str | None
    property_name: str | None
    property_value: Any
    change_source: str | None
    raw: Mapping[str, Any]

    @classmethod
    def from_payload(cls, obj: Any) -> HubSpotEvent:
        """Validate and convert one event object (types, id formats, ranges, text cleaned).

        Raises:
            AnomalousPayloadError: a field is missing, of the wrong type, or out of range; the
                message names the field (the receiver quarantines the event with it).
        """
        if not isinstance(obj, Mapping):
            raise AnomalousPayloadError("each event must be a JSON object")
        occurred_ms = _int(obj, "occurredAt")
        if not MIN_OCCURRED_MS <= occurred_ms <= MAX_OCCURRED_MS:
            raise AnomalousPayloadError(f"occurredAt {occurred_ms} is outside 2000-2100")
        id_key = next((k for k in ("objectId", "primaryObjectId", "fromObjectId") if obj.get(k) is not None), None)
        if id_key is None:
            raise AnomalousPayloadError("event has no objectId")
        sub_type = obj.get("subscriptionType", obj.get("eventType"))
        if not isinstance(sub_type, str) or not sub_type or len(sub_type) > 100:
            raise AnomalousPayloadError("event has no valid subscriptionType")
        attempt = _int(obj, "attemptNumber", required=False) or 0
        if not 0 <= attempt <= MAX_ATTEMPT:
            raise AnomalousPayloadError(f"attemptNumber {attempt} is outside 0-{MAX_ATTEMPT}")
        name = obj.get("propertyName")
        if name is not None and (not isinstance(name, str) or not _PROPERTY_NAME.fullmatch(name)):
            raise AnomalousPayloadError("propertyName is not a property's internal name")
        type_id = obj.get("objectTypeId")
        if type_id is not None and (not isinstance(type_id, str) or not _TYPE_ID.fullmatch(type_id)):
            raise AnomalousPayloadError("objectTypeId is not of the form 0-3 / 2-123")
        source = obj.get("changeSource")
        if source is not None and (not isinstance(source, str) or len(source) > 60):
            raise AnomalousPayloadError("changeSource is not a short string")
        return cls(
            event_id=_int(obj, "eventId"),
            subscription_id=_int(obj, "subscriptionId", required=False),
            portal_id=_id(obj, "portalId"),
            app_id=_id(obj, "appId") if obj.get("appId") is not None else None,
            occurred_at=datetime.fromtimestamp(occurred_ms / 1000.0, tz=UTC),
            subscription_type=clean_text(sub_type),
            attempt_number=attempt,
            object_id=_id(obj, id_key),
            object_type_id=type_id,
            property_name=name,
            property_value=_value(obj.get("propertyValue")),
            change_source=clean_text(source) if source else source,
            raw=clean_json(obj),
        )

    def object_type(self) -> str:
        """The canonical object type; raises UnsupportedEventTypeError for others."""
        prefix = self.subscription_type.split(".", 1)[0]
        if prefix == "object":
            name = OBJECT_TYPE_IDS.get(str(self.object_type_id))
            if name is None:
                raise UnsupportedEventTypeError(f"object type {self.object_type_id!r}")
            return name
        if prefix not in SUPPORTED_OBJECTS:
            raise UnsupportedEventTypeError(self.subscription_type)
        return prefix

    def to_change(self, tenant_id: str) -> RecordChange:
        """Convert to the app's RecordChange; raises UnsupportedEventTypeError if unhandled."""
        kind = EVENT_HANDLERS.get(self.subscription_type)
        if kind is None:
            raise UnsupportedEventTypeError(self.subscription_type)
        props: dict[str, Any] = {}
        if self.property_name:
            props[self.property_name] = self.property_value
        if kind == "merged":
            props["mergedObjectIds"] = self.raw.get("mergedObjectIds")
            props["newObjectId"] = self.raw.get("newObjectId")
        if kind == "association":
            for key in ("associationType", "fromObjectId", "toObjectId", "associationRemoved"):
                props[key] = self.raw.get(key)
        return RecordChange(
            tenant_id=tenant_id,
            crm="hubspot",
            object_type=self.object_type(),
            record_id=self.object_id,
            kind=kind,
            properties=props,
            occurred_at=self.occurred_at,
            delivery_key=delivery_key(self.raw),
            attempt=self.attempt_number,
            change_source=self.change_source,
        )


def _int(obj: Mapping[str, Any], key: str, *, required: bool = True) -> int:
    """A JSON integer (or a string of digits) within int64; None when absent and optional."""
    value = obj.get(key)
    if value is None:
        if required:
            raise AnomalousPayloadError(f"event has no {key}")
        return None  # type: ignore[return-value]
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnomalousPayloadError(f"event field {key} is not an integer")
    if not -MAX_INT64 <= value <= MAX_INT64:
        raise AnomalousPayloadError(f"event field {key} is out of range")
    return value


def _id(obj: Mapping[str, Any], key: str) -> str:
    """A HubSpot id (portal, object, app): a non-negative integer, as JSON number or digit string."""
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise AnomalousPayloadError(f"event field {key} is not an id")
    text = str(value)
    if not _DIGITS.fullmatch(text) or int(text) > MAX_INT64:
        raise AnomalousPayloadError(f"event field {key} is not a non-negative integer id")
    return str(int(text))


def _value(value: Any) -> Any:
    """A property value: text (cleaned, bounded), a finite number, a boolean or null."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AnomalousPayloadError("propertyValue is not a finite number")
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            raise AnomalousPayloadError(f"propertyValue is longer than {MAX_TEXT_CHARS} characters")
        if clean_text(value) != value:
            # Quarantined rather than silently changed: a rep's value is never stored altered.
            raise AnomalousPayloadError("propertyValue contains a NUL character or a lone surrogate")
        return value
    raise AnomalousPayloadError("propertyValue is not text, a number or a boolean")


def _account_hint(obj: Any) -> str | None:
    value = obj.get("portalId") if isinstance(obj, Mapping) else None
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else None
    return text if text and _DIGITS.fullmatch(text) else None


@dataclass(frozen=True)
class ParsedBatch:
    """A batch split into valid events and rejected ones (each with its reason)."""

    events: list[HubSpotEvent]
    rejected: list[RejectedEvent]


def parse_batch(payload: Any, *, max_events: int) -> ParsedBatch:
    """Split a webhook body (already JSON-decoded) into valid and rejected events.

    One bad event never costs the batch: it is returned in `rejected` with its reason.

    Raises:
        AnomalousPayloadError: not a JSON array, or more than `max_events` items.
    """
    if not isinstance(payload, list):
        raise AnomalousPayloadError("a HubSpot webhook body is a JSON array of events")
    if len(payload) > max_events:
        raise AnomalousPayloadError(f"batch of {len(payload)} events exceeds the limit of {max_events}")
    events: list[HubSpotEvent] = []
    rejected: list[RejectedEvent] = []
    for index, obj in enumerate(payload):
        try:
            events.append(HubSpotEvent.from_payload(obj))
        except AnomalousPayloadError as exc:
            rejected.append(RejectedEvent(index=index, reason=str(exc), raw=raw_json(obj),
                                          account_hint=_account_hint(obj)))
    return ParsedBatch(events=events, rejected=rejected)
