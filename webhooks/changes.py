"""RecordChange: what every CRM receiver hands to the app's inbox (DESIGN.md contract)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

KINDS = ("created", "updated", "deleted", "merged", "restored", "privacy_deletion", "association")


@dataclass(frozen=True)
class RecordChange:
    """One change to one CRM record, normalised at the edge."""

    tenant_id: str
    crm: str
    object_type: str
    record_id: str
    kind: str
    properties: Mapping[str, Any] = field(default_factory=dict)
    occurred_at: datetime | None = None
    delivery_key: str = ""
    attempt: int = 0
    change_source: str | None = None

    @property
    def record_key(self) -> tuple[str, str, str]:
        return (self.tenant_id, self.object_type, self.record_id)


def delivery_key(obj: Mapping[str, Any], *, ignore: tuple[str, ...] = ("attemptNumber",)) -> str:
    """Hash an event's whole JSON object, minus the retry counter, into a stable dedupe key.

    HubSpot's eventId is not unique and a retry repeats the event with a higher attemptNumber,
    so the key is the sha256 of the canonical JSON of everything else.
    """
    core = {k: v for k, v in obj.items() if k not in ignore}
    canon = json.dumps(core, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canon.encode()).hexdigest()
