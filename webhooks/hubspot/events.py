"""HubSpot webhook events: typed parsing at the edge and one dispatch table (STYLE rules 8, 10).

`EVENT_HANDLERS` maps a subscriptionType onto the RecordChange kind it produces; the generic
`object.*` subscriptions carry `objectTypeId` instead of a name in the type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from webhooks.changes import RecordChange, delivery_key
from webhooks.errors import AnomalousPayloadError, UnsupportedEventTypeError

OBJECT_TYPE_IDS = {"0-1": "contact", "0-2": "company", "0-3": "deal"}
"""HubSpot object type ids we handle, by the canonical singular name."""

SUPPORTED_OBJECTS = ("contact", "company", "deal")

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
        """Validate and convert one event object.

        Raises:
            AnomalousPayloadError: a required field is missing or has the wrong type.
        """
        if not isinstance(obj, Mapping):
            raise AnomalousPayloadError("each event must be a JSON object")
        try:
            occurred_ms = _int(obj, "occurredAt")
            object_id = next(
                (obj[k] for k in ("objectId", "primaryObjectId", "fromObjectId") if obj.get(k) is not None), None
            )
            if object_id is None or isinstance(object_id, bool):
                raise AnomalousPayloadError("event has no objectId")
            sub_type = obj.get("subscriptionType", obj.get("eventType"))
            if not isinstance(sub_type, str) or not sub_type:
                raise AnomalousPayloadError("event has no subscriptionType")
            return cls(
                event_id=_int(obj, "eventId"),
                subscription_id=_int(obj, "subscriptionId", required=False),
                portal_id=str(_int(obj, "portalId")),
                app_id=str(obj["appId"]) if obj.get("appId") is not None else None,
                occurred_at=datetime.fromtimestamp(occurred_ms / 1000.0, tz=UTC),
                subscription_type=sub_type,
                attempt_number=_int(obj, "attemptNumber", required=False) or 0,
                object_id=str(int(object_id)) if isinstance(object_id, int) else str(object_id),
                object_type_id=obj.get("objectTypeId"),
                property_name=obj.get("propertyName"),
                property_value=obj.get("propertyValue"),
                change_source=obj.get("changeSource"),
                raw=obj,
            )
        except (TypeError, ValueError) as exc:
            raise AnomalousPayloadError(f"malformed event field: {exc}") from None

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
    value = obj.get(key)
    if value is None:
        if required:
            raise AnomalousPayloadError(f"event has no {key}")
        return None  # type: ignore[return-value]
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise AnomalousPayloadError(f"event field {key} is not an integer")
    return int(value)


def parse_batch(payload: Any, *, max_events: int) -> list[HubSpotEvent]:
    """Parse a webhook body (already JSON-decoded) into events.

    Raises:
        AnomalousPayloadError: not a JSON array of event objects, or more than `max_events`.
    """
    if not isinstance(payload, list):
        raise AnomalousPayloadError("a HubSpot webhook body is a JSON array of events")
    if len(payload) > max_events:
        raise AnomalousPayloadError(f"batch of {len(payload)} events exceeds the limit of {max_events}")
    return [HubSpotEvent.from_payload(obj) for obj in payload]
