"""Read the app's webhook subscriptions from its `webhooks-hsmeta.json` project template.

Each active subscription gets a stable numeric `subscriptionId` (its position), and
:meth:`Subscriptions.match` answers which subscription, if any, an event fires for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PLACEHOLDER = "{{PUBLIC_URL}}"
SUBSCRIPTION_ID_BASE = 2_400_000
LEGACY_TYPES = ("contact", "company", "deal", "ticket", "product", "line_item")


@dataclass(frozen=True)
class Subscription:
    id: int
    subscription_type: str  # e.g. deal.propertyChange, object.creation
    object_type: str  # singular: deal, contact, task ...
    property_name: str | None


class Subscriptions:
    """The active subscriptions, the target URL and the concurrency limit of one app."""

    def __init__(self, items: list[Subscription], target_url: str | None, max_concurrent: int) -> None:
        self.items = items
        self.target_url = target_url
        self.max_concurrent = max_concurrent

    @classmethod
    def load(cls, path: Path, *, public_url: str | None = None, target_url: str | None = None) -> Subscriptions:
        """Parse the template; `target_url` overrides, else `{{PUBLIC_URL}}` is substituted."""
        data: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {"config": {}}
        cfg = data.get("config", {})
        settings = cfg.get("settings", {})
        url = target_url
        if url is None and public_url:
            url = str(settings.get("targetUrl", "")).replace(PLACEHOLDER, public_url.rstrip("/"))
        items: list[Subscription] = []
        subs = cfg.get("subscriptions", {})
        for group in ("legacyCrmObjects", "crmObjects", "hubEvents"):
            for raw in subs.get(group, []):
                if not raw.get("active", False):
                    continue
                stype = raw["subscriptionType"]
                obj = raw.get("objectType") or stype.split(".")[0]
                items.append(Subscription(SUBSCRIPTION_ID_BASE + len(items), stype, obj, raw.get("propertyName")))
        return cls(items, url, int(settings.get("maxConcurrentRequests", 10)))

    def match(self, object_type: str, kind: str, property_name: str | None = None) -> Subscription | None:
        """Return the subscription an event fires for (legacy type first, then generic object.*)."""
        for s in self.items:
            legacy = s.subscription_type == f"{object_type}.{kind}"
            generic = s.subscription_type == f"object.{kind}" and s.object_type == object_type
            if (legacy or generic) and (kind != "propertyChange" or s.property_name == property_name):
                return s
        return None

    def any_for(self, object_type: str, kind: str) -> Subscription | None:
        """Return some subscription of this object type and kind, whatever its property."""
        for s in self.items:
            if s.subscription_type in (f"{object_type}.{kind}", f"object.{kind}") and s.object_type == object_type:
                return s
        return None
