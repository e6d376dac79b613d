"""The in-memory data of one HubSpot portal, and the change feed that drives webhooks.

Every write goes through :meth:`Portal.write` (or `create`/`archive`/`associate`), which diffs
old and new values, keeps per-property history (`propertiesWithHistory`), bumps the
last-modified stamps and hands a :class:`Change` to each listener. The webhook dispatcher and
the market bridge are listeners; API views never emit events themselves, so a change made by
the market, a rep "in the UI" or the app through the API is reported the same way.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import schema

ID_BASES = {
    "contacts": 51_000_000_000, "companies": 61_000_000_000, "deals": 71_000_000_000,
    "tickets": 81_000_000_000, "tasks": 91_000_000_000, "notes": 92_000_000_000,
    "emails": 93_000_000_000, "calls": 94_000_000_000, "meetings": 95_000_000_000,
    "users": 41_000_000,
}
"""First id per object type; HubSpot ids are large numbers serialised as strings."""


def iso(ts: datetime) -> str:
    """Format a datetime as HubSpot does: ISO-8601 UTC with milliseconds and `Z`."""
    if ts.utcoffset():
        ts = ts.astimezone(UTC)
    # isoformat is several times faster than strftime, and seeding formats ~10^5 stamps.
    return ts.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def now_utc() -> datetime:
    """Return the current UTC time (one seam for the clock)."""
    return datetime.now(UTC)


@dataclass
class Obj:
    """One CRM record: string property values plus the bookkeeping the API exposes."""

    id: str
    properties: dict[str, str | None]
    created_at: datetime
    updated_at: datetime
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Property -> changes, newest first; a property never written since creation has none yet."""
    archived: bool = False
    archived_at: datetime | None = None
    source: str = "API"
    source_id: str | None = None
    """Who created the record (the first entry of every property's history)."""

    def history_of(self, name: str) -> list[dict[str, Any]]:
        """Return a property's history, newest first, as `propertiesWithHistory` shows it."""
        if name in self.history:
            return self.history[name]
        value = self.properties.get(name)
        # Creation entries are built on demand: seeding writes ~10^6 values nobody asks about.
        return [] if value is None else [_hist(value, iso(self.created_at), self.source, self.source_id)]


@dataclass(frozen=True)
class Change:
    """One observable change: kind is creation|propertyChange|deletion|restore|associationChange."""

    kind: str
    object_type: str
    object_id: str
    occurred_at: datetime
    source: str
    source_id: str | None
    property_name: str | None = None
    property_value: str | None = None
    association: dict[str, Any] | None = None
    extra: dict[str, Any] | None = None
    """Event-specific fields (merge: primaryObjectId, mergedObjectIds, ...)."""


class Portal:
    """One hub (portal): objects, schema, associations, pipelines and owners."""

    def __init__(self, hub_id: int, *, domain: str | None = None) -> None:
        self.hub_id = hub_id
        self.domain = domain or f"sandbox-{hub_id}.hubspot.com"
        self.lock = threading.RLock()
        self.objects: dict[str, dict[str, Obj]] = {t: {} for t in schema.OBJECT_TYPE_IDS}
        self.properties: dict[str, dict[str, dict[str, Any]]] = {}
        self.groups: dict[str, dict[str, dict[str, Any]]] = {}
        # (from_type, from_id) -> to_type -> to_id -> [(category, type_id)]
        self.assoc: dict[tuple[str, str], dict[str, dict[str, list[tuple[str, int]]]]] = {}
        self.pipelines: dict[str, list[dict[str, Any]]] = {"deals": [], "tickets": []}
        self.owners: list[dict[str, Any]] = []
        self.listeners: list[Callable[[Portal, Change], None]] = []
        self._next = dict(ID_BASES)
        self._install_schema()

    # --- schema -------------------------------------------------------------------------
    def _install_schema(self) -> None:
        epoch = datetime(2019, 8, 6, tzinfo=UTC)
        for otype, specs in schema.DEFAULT_PROPERTIES.items():
            self.groups[otype] = {
                name: {"name": name, "label": label, "displayOrder": i, "archived": False}
                for i, (name, label) in enumerate(schema.DEFAULT_GROUPS.get(otype, []))
            }
            self.properties[otype] = {}
            first_group = next(iter(self.groups[otype]), "")
            for i, spec in enumerate(specs):
                spec = {**spec, "groupName": spec["groupName"] or first_group}
                self.properties[otype][spec["name"]] = schema.property_definition(spec, i, epoch)

    def set_pipelines(self, otype: str, pipelines: list[dict[str, Any]]) -> None:
        """Install pipelines; for deals also HubSpot's calculated `hs_v2_date_entered_<stage>`."""
        self.pipelines[otype] = pipelines
        if otype != "deals":
            return
        # HubSpot lists every pipeline's stages as the options of `dealstage` (and pipelines of `pipeline`).
        self.properties["deals"]["dealstage"]["options"] = [
            {"label": st["label"], "value": st["id"], "displayOrder": i, "hidden": False,
             "description": f"{pipe['label']}: {st['label']}"}
            for i, (pipe, st) in enumerate((p, st) for p in pipelines for st in p["stages"])]
        self.properties["deals"]["pipeline"]["options"] = [
            {"label": pipe["label"], "value": pipe["id"], "displayOrder": i, "hidden": False}
            for i, pipe in enumerate(pipelines)]
        for pipe in pipelines:
            for st in pipe["stages"]:
                name = f"hs_v2_date_entered_{st['id']}"
                self.properties["deals"][name] = schema.property_definition({
                    "name": name, "label": f"Date entered \"{st['label']} ({pipe['label']})\"", "type": "datetime",
                    "fieldType": "date", "groupName": "dealinformation", "readOnly": True, "hubspotDefined": True,
                }, len(self.properties["deals"]), datetime(2019, 8, 6, tzinfo=UTC))

    def define_property(self, otype: str, spec: dict[str, Any]) -> dict[str, Any]:
        """Add a property definition (already validated) and return it as the API shows it."""
        with self.lock:
            order = spec.get("displayOrder", -1)
            d = schema.property_definition({**spec, "readOnly": False, "hubspotDefined": False}, order, now_utc())
            self.properties[otype][spec["name"]] = d
            return d

    # --- ids and records ----------------------------------------------------------------
    def new_id(self, otype: str) -> str:
        """Return the next id for the object type (numeric string)."""
        with self.lock:
            self._next[otype] += 1
            return str(self._next[otype])

    def get(self, otype: str, oid: str, *, archived: bool = False) -> Obj | None:
        """Return a record, or None when missing (or archived unless asked for)."""
        obj = self.objects[otype].get(str(oid))
        if obj is None or obj.archived != archived:
            return None
        return obj

    def create(self, otype: str, props: dict[str, Any], *, source: str, source_id: str | None,
               at: datetime | None = None, oid: str | None = None, emit: bool = True) -> Obj:
        """Create a record with HubSpot's computed defaults and report its creation."""
        at = at or now_utc()
        with self.lock:
            oid = oid or self.new_id(otype)
            stamp = iso(at)
            base: dict[str, str | None] = {"hs_object_id": oid, "hs_lastmodifieddate": stamp}
            if otype == "contacts":
                base.update(createdate=stamp, lastmodifieddate=stamp)
            elif otype in schema.ENGAGEMENTS or otype == "users":
                base["hs_createdate"] = stamp
            else:
                base["createdate"] = stamp
            values = {k: _str(v) for k, v in props.items()}
            # An explicit createdate (import of history) wins over the write time.
            merged = {**base, **{k: v for k, v in values.items() if v is not None}}
            obj = Obj(id=oid, properties=merged, created_at=at, updated_at=at, source=source, source_id=source_id)
            self.objects[otype][oid] = obj
            self.recompute(otype, obj)
        if emit:
            self._emit(Change("creation", otype, oid, at, source, source_id))
            for name, value in merged.items():
                if name not in schema.UNSUBSCRIBABLE and name != "hs_object_id":
                    self._emit(Change("propertyChange", otype, oid, at, source, source_id, name, value))
        return obj

    def write(self, otype: str, oid: str, props: dict[str, Any], *, source: str,
              source_id: str | None, at: datetime | None = None) -> Obj:
        """Update properties of an existing record; only real changes are reported.

        An empty string clears a value, as in HubSpot.
        """
        at = at or now_utc()
        changed: list[tuple[str, str | None]] = []
        with self.lock:
            obj = self.objects[otype][str(oid)]
            for name, raw in props.items():
                value = _str(raw)
                if value == "":
                    value = None
                if obj.properties.get(name) == value:
                    continue
                if name not in obj.history:
                    obj.history[name] = obj.history_of(name)
                obj.properties[name] = value
                obj.history[name].insert(0, _hist(value, iso(at), source, source_id))
                changed.append((name, value))
            if changed:
                stamp = iso(at)
                obj.updated_at = at
                obj.properties["hs_lastmodifieddate"] = stamp
                if otype == "contacts":
                    obj.properties["lastmodifieddate"] = stamp
                self.recompute(otype, obj)
        for name, value in changed:
            self._emit(Change("propertyChange", otype, obj.id, at, source, source_id, name, value))
        return obj

    def archive(self, otype: str, oid: str, *, source: str, source_id: str | None) -> bool:
        """Archive (soft-delete) a record; return False when it does not exist."""
        at = now_utc()
        with self.lock:
            obj = self.get(otype, oid)
            if obj is None:
                return False
            obj.archived, obj.archived_at, obj.updated_at = True, at, at
        self._emit(Change("deletion", otype, obj.id, at, source, source_id))
        return True

    def restore(self, otype: str, oid: str, *, source: str, source_id: str | None) -> bool:
        """Bring an archived record back from the recycle bin; return False if not archived."""
        at = now_utc()
        with self.lock:
            obj = self.objects[otype].get(str(oid))
            if obj is None or not obj.archived:
                return False
            obj.archived, obj.archived_at, obj.updated_at = False, None, at
        self._emit(Change("restore", otype, obj.id, at, source, source_id))
        return True

    def merge(self, otype: str, primary: str, other: str, *, source: str, source_id: str | None) -> Obj:
        """Merge `other` into `primary`: fill empty values, move associations, archive `other`."""
        at = now_utc()
        with self.lock:
            keep, gone = self.objects[otype][primary], self.objects[otype][other]
            moved = 0
            for name, value in gone.properties.items():
                if value not in (None, "") and keep.properties.get(name) in (None, "") and name != "hs_object_id":
                    keep.properties[name] = value
                    moved += 1
            for to_type, links in list(self.assoc.get((otype, other), {}).items()):
                for to_id, types in list(links.items()):
                    self.associate(otype, primary, to_type, to_id, types, emit=False)
            gone.archived, gone.archived_at = True, at
            keep.updated_at = at
            keep.properties["hs_lastmodifieddate"] = iso(at)
        self._emit(Change("merge", otype, primary, at, source, source_id, extra={
            "primaryObjectId": int(primary), "mergedObjectIds": [int(other)], "newObjectId": int(primary),
            "numberOfPropertiesMoved": moved}))
        return keep

    def purge(self, otype: str, oid: str, *, source: str, source_id: str | None) -> bool:
        """Delete a record for good (GDPR): no recycle bin, no history, no associations."""
        at = now_utc()
        with self.lock:
            obj = self.objects[otype].pop(str(oid), None)
            if obj is None:
                return False
            for to_type, links in self.assoc.pop((otype, str(oid)), {}).items():
                for to_id in links:
                    self.assoc.get((to_type, to_id), {}).get(otype, {}).pop(str(oid), None)
        self._emit(Change("privacyDeletion", otype, str(oid), at, source, source_id))
        self._emit(Change("deletion", otype, str(oid), at, source, source_id))
        return True

    def recompute(self, otype: str, obj: Obj) -> None:
        """Keep calculated deal properties (closed flags, stage probability) in step."""
        if otype != "deals":
            return
        stage = self.stage(obj.properties.get("pipeline"), obj.properties.get("dealstage"))
        if stage is None:
            return
        meta = stage["metadata"]
        closed = meta["isClosed"] == "true"
        won = closed and float(meta["probability"]) >= 1.0
        obj.properties["hs_deal_stage_probability"] = meta["probability"]
        obj.properties["hs_is_closed"] = "true" if closed else "false"
        obj.properties["hs_is_closed_won"] = "true" if won else "false"
        obj.properties["hs_closed_amount"] = obj.properties.get("amount") if won else "0"
        entered = f"hs_v2_date_entered_{stage['id']}"
        if not obj.properties.get(entered):
            obj.properties[entered] = obj.properties["hs_lastmodifieddate"]

    def stage(self, pipeline_id: str | None, stage_id: str | None) -> dict[str, Any] | None:
        """Return the deal stage definition for (pipeline, stage), or None."""
        for pipe in self.pipelines["deals"]:
            if pipeline_id in (None, pipe["id"]):
                for st in pipe["stages"]:
                    if st["id"] == stage_id:
                        return st
        return None

    # --- associations -------------------------------------------------------------------
    def associate(self, from_type: str, from_id: str, to_type: str, to_id: str,
                  types: list[tuple[str, int]], *, source: str = "API", source_id: str | None = None,
                  emit: bool = True) -> None:
        """Add association types between two records, in both directions."""
        rev = schema.reverse_types(from_type, to_type, types)
        with self.lock:
            fwd = self.assoc.setdefault((from_type, str(from_id)), {}).setdefault(to_type, {})
            cur = fwd.setdefault(str(to_id), [])
            new = [t for t in types if t not in cur]
            cur.extend(new)
            back = self.assoc.setdefault((to_type, str(to_id)), {}).setdefault(from_type, {})
            bcur = back.setdefault(str(from_id), [])
            bcur.extend(t for t in rev if t not in bcur)
        if emit and new:
            primary = any(t[1] == schema.ASSOCIATION_TYPES.get((from_type, to_type), (0, -1))[1] for t in new)
            self._emit(Change("associationChange", from_type, str(from_id), now_utc(), source, source_id,
                              association={"to_type": to_type, "to_id": str(to_id), "removed": False,
                                           "primary": primary}))

    def dissociate(self, from_type: str, from_id: str, to_type: str, to_id: str, *,
                   source: str = "API", source_id: str | None = None) -> None:
        """Remove every association between two records."""
        with self.lock:
            self.assoc.get((from_type, str(from_id)), {}).get(to_type, {}).pop(str(to_id), None)
            self.assoc.get((to_type, str(to_id)), {}).get(from_type, {}).pop(str(from_id), None)
        self._emit(Change("associationChange", from_type, str(from_id), now_utc(), source, source_id,
                          association={"to_type": to_type, "to_id": str(to_id), "removed": True,
                                       "primary": False}))

    def associations(self, from_type: str, from_id: str, to_type: str) -> dict[str, list[tuple[str, int]]]:
        """Return to_id -> association types for live target records (insertion order)."""
        links = self.assoc.get((from_type, str(from_id)), {}).get(to_type, {})
        return {tid: list(ts) for tid, ts in links.items() if self.get(to_type, tid) is not None}

    # --- change feed --------------------------------------------------------------------
    def _emit(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(self, change)

    def snapshot(self, otype: str) -> list[dict[str, Any]]:
        """Return a deep copy of every record of a type (for the control API and tests)."""
        with self.lock:
            return [
                {"id": o.id, "archived": o.archived, "properties": copy.deepcopy(o.properties)}
                for o in self.objects[otype].values()
            ]


def _str(value: Any) -> str | None:
    # HubSpot stores every property value as a string; booleans come back lower-case.
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return iso(value)
    return str(value)


def _hist(value: str | None, stamp: str, source: str, source_id: str | None) -> dict[str, Any]:
    h: dict[str, Any] = {"value": value if value is not None else "", "timestamp": stamp, "sourceType": source}
    if source_id:
        h["sourceId"] = source_id
    if source == "CRM_UI" and source_id and source_id.startswith("userId:"):
        h["updatedByUserId"] = int(source_id.split(":", 1)[1])
    return h
