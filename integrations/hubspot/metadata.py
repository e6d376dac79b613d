"""Per-portal metadata, cached with a TTL: pipelines, owners with time zones, output fields.

These change rarely (an admin edits a pipeline or an owner's time zone) but are needed for every
record, so the hot path must not pay for them: one list of owners, one list of users (time
zones; never the rate-limited search API) and one list of pipelines per portal per TTL, shared
by every client of that portal in the process (clients are rebuilt per job). A cache object can
be injected to share it further or to control it in tests.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from integrations.base import Owner, Pipeline
from integrations.errors import CrmError
from integrations.hubspot import constants, mapping, schema
from integrations.hubspot.session import ApiSession

OWNER_PAGE_SIZE = 500
"""Owners per page (HubSpot's maximum)."""

USER_PAGE_SIZE = 100
"""Users per list page."""


@dataclass
class PortalMetadata:
    """What one portal's clients share; each part remembers when it was fetched."""

    pipelines: list[Pipeline] | None = None
    pipelines_at: float = 0.0
    owners: dict[str, Owner] | None = None
    owners_at: float = 0.0
    output_fields: frozenset[str] | None = None
    output_fields_at: float = 0.0
    company_won: dict[str, tuple[tuple[Any, ...], float]] = field(default_factory=dict)
    """company id -> (its closed-won deals as (deal id, ClosedWonDeal), fetched at)."""
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)


class MetadataCache:
    """Portal id -> PortalMetadata, with one TTL for every part."""

    def __init__(self, ttl: float = constants.METADATA_TTL_SECONDS, clock: Callable[[], float] = time.time) -> None:
        self.ttl = ttl
        self.clock = clock
        self._portals: dict[str, PortalMetadata] = {}
        self._lock = threading.Lock()

    def portal(self, key: str) -> PortalMetadata:
        with self._lock:
            return self._portals.setdefault(key, PortalMetadata())

    def fresh(self, fetched_at: float) -> bool:
        return self.clock() - fetched_at <= self.ttl

    def forget(self, key: str) -> None:
        """Drop a portal's metadata (uninstall, or a settings change that must be seen now)."""
        with self._lock:
            self._portals.pop(key, None)

    # -- the parts -------------------------------------------------------------------------------

    def pipelines(self, session: ApiSession, key: str) -> list[Pipeline]:
        meta = self.portal(key)
        with meta.lock:
            if meta.pipelines is None or not self.fresh(meta.pipelines_at):
                meta.pipelines = schema.list_pipelines(session, "deals")
                meta.pipelines_at = self.clock()
            return list(meta.pipelines)

    def owners(self, session: ApiSession, key: str) -> dict[str, Owner]:
        meta = self.portal(key)
        with meta.lock:
            if meta.owners is None or not self.fresh(meta.owners_at):
                meta.owners = fetch_owners(session)
                meta.owners_at = self.clock()
            return dict(meta.owners)

    def output_fields(self, session: ApiSession, key: str, refresh: bool = False) -> frozenset[str]:
        """Names of the deal properties that exist (to know whether ours need creating)."""
        meta = self.portal(key)
        with meta.lock:
            if refresh or meta.output_fields is None or not self.fresh(meta.output_fields_at):
                meta.output_fields = frozenset(f.name for f in schema.describe(session, "deals"))
                meta.output_fields_at = self.clock()
            return meta.output_fields

    def company_history(self, key: str, company_id: str) -> tuple[Any, ...] | None:
        meta = self.portal(key)
        with meta.lock:
            hit = meta.company_won.get(company_id)
            return hit[0] if hit is not None and self.fresh(hit[1]) else None

    def remember_company_history(self, key: str, company_id: str, won: tuple[Any, ...]) -> None:
        meta = self.portal(key)
        with meta.lock:
            meta.company_won[company_id] = (won, self.clock())


def fetch_owners(session: ApiSession) -> dict[str, Owner]:
    """Every owner of the portal with a time zone, from one owners list and one users list.

    Time zones live on the `users` object (`hs_standard_time_zone`, linked by
    `hubspot_owner_id`). Without the users scope the owners still come back, without zones.
    """
    raw: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        resp = session.call(session.apis.owners.get_page, limit=OWNER_PAGE_SIZE, after=after, archived=False,
                            _preload_content=False)
        page = json.loads(resp.data or b"{}")
        raw.extend(r for r in page.get("results") or () if isinstance(r, dict))
        after = ((page.get("paging") or {}).get("next") or {}).get("after")
        if not after:
            break
    zones = _user_zones(session)
    owners: dict[str, Owner] = {}
    for data in raw:
        owner = mapping.owner_from(data)
        if owner is None:
            continue
        if owner.timezone is None and owner.id in zones:
            owner = Owner(id=owner.id, name=owner.name, email=owner.email, timezone=zones[owner.id])
        owners[owner.id] = owner
    return owners


def _user_zones(session: ApiSession) -> dict[str, str]:
    zones: dict[str, str] = {}
    after: str | None = None
    try:
        while True:
            page = session.call(session.apis.objects.get_page, "users", limit=USER_PAGE_SIZE, after=after,
                                properties=["hs_standard_time_zone", "hubspot_owner_id"], archived=False)
            for obj in page.results or ():
                props = obj.properties or {}
                if props.get("hubspot_owner_id") and props.get("hs_standard_time_zone"):
                    zones[str(props["hubspot_owner_id"])] = str(props["hs_standard_time_zone"])
            nxt = page.paging.next if page.paging else None
            if not nxt or not nxt.after:
                return zones
            after = nxt.after
    except CrmError as err:
        if err.should_retry:
            raise
        return zones  # no users scope: owners without zones (callers default to UTC)


_SHARED = MetadataCache()


def shared_cache() -> MetadataCache:
    """The process-wide cache every client uses unless one is injected."""
    return _SHARED


def reset_shared_cache() -> None:
    """Empty the process-wide cache (tests: a re-seeded sandbox reuses the same portal id)."""
    global _SHARED
    _SHARED = MetadataCache()
