"""Per-portal metadata, cached with a TTL: pipelines, owners with time zones, output fields.

These change rarely (an admin edits a pipeline or an owner's time zone) but are needed for every
record, so the hot path must not pay for them: one list of owners, one list of users (time
zones; never the rate-limited search API) and one list of pipelines per portal per TTL, shared
by every client of that portal in the process (clients are rebuilt per job). A cache object can
be injected to share it further or to control it in tests.

With a `SharedMetadata` (Redis, `metadata_for(REDIS_URL)`), a process that misses looks in Redis
before asking HubSpot, and what one process fetched every other process finds: four RQ workers
then read a portal's owners, pipelines and companies' won deals once between them, not once
each. Values are JSON of our own dataclasses, stamped with their fetch time (the same TTL).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from integrations.base import ClosedWonDeal, Owner, Pipeline, Stage
from integrations.errors import CrmError
from integrations.hubspot import constants, mapping, schema
from integrations.hubspot.session import ApiSession

log = logging.getLogger(__name__)

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


class SharedMetadata:
    """The Redis level of the cache: one hash per portal (part or company id -> stamped JSON)."""

    def __init__(self, url: str, prefix: str = "agentic-sales-meta") -> None:
        import redis

        self.redis = redis.Redis.from_url(url)
        self.prefix = prefix

    def _key(self, portal: str) -> str:
        return f"{self.prefix}:{portal}"

    def get_many(self, portal: str, fields: list[str]) -> dict[str, tuple[float, Any]]:
        """field -> (fetched at, value) for the fields Redis holds."""
        if not fields:
            return {}
        out = {}
        raws = cast(list[Any], self.redis.hmget(self._key(portal), fields))
        for name, raw in zip(fields, raws, strict=True):
            if raw:
                at, value = json.loads(raw)
                out[name] = (float(at), value)
        return out

    def put_many(self, portal: str, values: dict[str, Any], at: float, ttl: float) -> None:
        if not values:
            return
        key = self._key(portal)
        with self.redis.pipeline() as pipe:
            pipe.hset(key, mapping={k: json.dumps([at, v]) for k, v in values.items()})
            pipe.expire(key, int(ttl) + 60)
            pipe.execute()

    def forget(self, portal: str) -> None:
        self.redis.delete(self._key(portal), self._rows_key(portal))

    def _rows_key(self, portal: str) -> str:
        return f"{self.prefix}:{portal}:rows"

    def get_rows(self, portal: str, fields: list[str]) -> dict[str, Any]:
        """field -> value for the engagement rows Redis holds (no fetch time: rows do not expire)."""
        if not fields:
            return {}
        raws = cast(list[Any], self.redis.hmget(self._rows_key(portal), fields))
        return {name: json.loads(raw) for name, raw in zip(fields, raws, strict=True) if raw}

    def put_rows(self, portal: str, values: dict[str, Any], *, cap: int, ttl: float) -> None:
        """Store rows; a hash grown past `cap` is emptied first (the process cache's own rule)."""
        if not values:
            return
        key = self._rows_key(portal)
        if int(cast(int, self.redis.hlen(key))) + len(values) > cap:
            self.redis.delete(key)
        with self.redis.pipeline() as pipe:
            pipe.hset(key, mapping={k: json.dumps(v) for k, v in values.items()})
            pipe.expire(key, int(ttl))
            pipe.execute()


def _pipelines_json(pipelines: list[Pipeline]) -> list[Any]:
    return [[p.id, p.label, [[st.id, st.label, st.kind, st.probability, st.display_order] for st in p.stages]]
            for p in pipelines]


def _pipelines_from(data: list[Any]) -> list[Pipeline]:
    return [Pipeline(id=i, label=label, stages=tuple(Stage(*st) for st in stages)) for i, label, stages in data]


def _owners_json(owners: dict[str, Owner]) -> list[Any]:
    return [[o.id, o.name, o.email, o.timezone] for o in owners.values()]


def _owners_from(data: list[Any]) -> dict[str, Owner]:
    return {row[0]: Owner(*row) for row in data}


def history_json(history: tuple[Any, ...]) -> list[Any]:
    return [[deal_id, won.date, won.amount, won.currency] for deal_id, won in history]


def history_from(data: list[Any]) -> tuple[Any, ...]:
    # Rows cached before wave 25 have no currency (three items): read as unknown, not refused.
    return tuple((row[0], ClosedWonDeal(date=row[1], amount=row[2], currency=row[3] if len(row) > 3 else None))
                 for row in data)


class MetadataCache:
    """Portal id -> PortalMetadata, with one TTL for every part (and an optional shared level)."""

    def __init__(self, ttl: float = constants.METADATA_TTL_SECONDS, clock: Callable[[], float] = time.time,
                 shared: SharedMetadata | None = None) -> None:
        self.ttl = ttl
        self.clock = clock
        self.shared = shared
        self._portals: dict[str, PortalMetadata] = {}
        self._lock = threading.Lock()

    def _from_shared(self, key: str, field_name: str) -> tuple[float, Any] | None:
        """A fresh value another process stored, or None (no shared level, absent, stale, down)."""
        if self.shared is None:
            return None
        try:
            hit = self.shared.get_many(key, [field_name]).get(field_name)
        except Exception:  # Redis down: HubSpot is still there
            log.warning("shared metadata cache unreachable", exc_info=True)
            return None
        return hit if hit is not None and self.fresh(hit[0]) else None

    def _to_shared(self, key: str, values: dict[str, Any], at: float) -> None:
        if self.shared is None:
            return
        try:
            self.shared.put_many(key, values, at, self.ttl)
        except Exception:
            log.warning("shared metadata cache unreachable", exc_info=True)

    def portal(self, key: str) -> PortalMetadata:
        with self._lock:
            return self._portals.setdefault(key, PortalMetadata())

    def fresh(self, fetched_at: float) -> bool:
        return self.clock() - fetched_at <= self.ttl

    def forget(self, key: str) -> None:
        """Drop a portal's metadata (uninstall, or a settings change that must be seen now)."""
        with self._lock:
            self._portals.pop(key, None)
        if self.shared is not None:
            try:
                self.shared.forget(key)
            except Exception:
                log.warning("shared metadata cache unreachable", exc_info=True)

    # -- the parts -------------------------------------------------------------------------------

    def pipelines(self, session: ApiSession, key: str) -> list[Pipeline]:
        meta = self.portal(key)
        with meta.lock:
            if meta.pipelines is None or not self.fresh(meta.pipelines_at):
                hit = self._from_shared(key, "pipelines")
                if hit is not None:
                    meta.pipelines_at, meta.pipelines = hit[0], _pipelines_from(hit[1])
                else:
                    meta.pipelines = schema.list_pipelines(session, "deals")
                    meta.pipelines_at = self.clock()
                    self._to_shared(key, {"pipelines": _pipelines_json(meta.pipelines)}, meta.pipelines_at)
            return list(meta.pipelines)

    def owners(self, session: ApiSession, key: str) -> dict[str, Owner]:
        meta = self.portal(key)
        with meta.lock:
            if meta.owners is None or not self.fresh(meta.owners_at):
                hit = self._from_shared(key, "owners")
                if hit is not None:
                    meta.owners_at, meta.owners = hit[0], _owners_from(hit[1])
                else:
                    meta.owners = fetch_owners(session)
                    meta.owners_at = self.clock()
                    self._to_shared(key, {"owners": _owners_json(meta.owners)}, meta.owners_at)
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
        return self.company_histories(key, [company_id]).get(company_id)

    def company_histories(self, key: str, company_ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """company id -> its cached won deals, for those cached and fresh (one Redis round trip
        for the ones this process does not hold)."""
        meta = self.portal(key)
        out: dict[str, tuple[Any, ...]] = {}
        with meta.lock:
            for cid in company_ids:
                hit = meta.company_won.get(cid)
                if hit is not None and self.fresh(hit[1]):
                    out[cid] = hit[0]
        missing = [cid for cid in company_ids if cid not in out]
        if missing and self.shared is not None:
            try:
                found = self.shared.get_many(key, [f"company:{cid}" for cid in missing])
            except Exception:
                log.warning("shared metadata cache unreachable", exc_info=True)
                found = {}
            with meta.lock:
                for cid in missing:
                    stamped = found.get(f"company:{cid}")
                    if stamped is not None and self.fresh(stamped[0]):
                        out[cid] = history_from(stamped[1])
                        meta.company_won[cid] = (out[cid], stamped[0])
        return out

    def engagement_rows(self, key: str, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """(type, id) -> properties of engagement rows another process read (one Redis round
        trip); empty without a shared level or when Redis is down.

        This process's own rows live in the client (fetch.ReadContext); this level is what makes
        a job on a worker that never read the deal as cheap as on the one that did: with four RQ
        workers, three single-deal jobs in four landed on a worker whose rows were cold and read
        them again (one request per deal more than in-process)."""
        if self.shared is None or not wanted:
            return {}
        try:
            found = self.shared.get_rows(key, [f"{t}:{i}" for t, i in wanted])
        except Exception:  # Redis down: HubSpot is still there
            log.warning("shared metadata cache unreachable", exc_info=True)
            return {}
        out = {}
        for otype, rid in wanted:
            row = found.get(f"{otype}:{rid}")
            if isinstance(row, dict):
                out[(otype, rid)] = row
        return out

    def remember_engagement_rows(self, key: str, rows: dict[tuple[str, str], dict[str, Any]], *, cap: int) -> None:
        if self.shared is None or not rows:
            return
        try:
            self.shared.put_rows(key, {f"{t}:{i}": v for (t, i), v in rows.items()}, cap=cap,
                                 ttl=constants.ENGAGEMENT_ROWS_TTL_SECONDS)
        except Exception:
            log.warning("shared metadata cache unreachable", exc_info=True)

    def remember_company_history(self, key: str, company_id: str, won: tuple[Any, ...]) -> None:
        self.remember_company_histories(key, {company_id: won})

    def remember_company_histories(self, key: str, histories: dict[str, tuple[Any, ...]]) -> None:
        meta = self.portal(key)
        at = self.clock()
        with meta.lock:
            for cid, won in histories.items():
                meta.company_won[cid] = (won, at)
        self._to_shared(key, {f"company:{cid}": history_json(won) for cid, won in histories.items()}, at)


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
    _BY_URL.clear()


_BY_URL: dict[str, MetadataCache] = {}
_BY_URL_LOCK = threading.Lock()


def metadata_for(redis_url: str | None) -> MetadataCache:
    """The cache a process should give its clients: backed by Redis when the app has one (every
    worker and machine shares what one fetched), else this process's own."""
    if not redis_url:
        return shared_cache()
    with _BY_URL_LOCK:
        if redis_url not in _BY_URL:
            _BY_URL[redis_url] = MetadataCache(shared=SharedMetadata(redis_url))
        return _BY_URL[redis_url]
