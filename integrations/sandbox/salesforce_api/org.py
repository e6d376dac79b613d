"""One Salesforce org's data: sObject records, describe, SOQL evaluation and change hooks.

Values are stored as Salesforce's REST API shows them: dates `YYYY-MM-DD`, datetimes
`2026-05-20T20:49:32.000+0000`, numbers as numbers. Every write records who made it (the
`Sforce-Call-Options: client=` value, as CDC's `changeOrigin` does) and notifies listeners
(the Outbound Message and callout senders).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from . import schema, soql

_ALPHA = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def to_18(id15: str) -> str:
    """Append Salesforce's case-safe 3-character suffix to a 15-character id."""
    suffix = ""
    for i in range(3):
        chunk = id15[i * 5:(i + 1) * 5]
        bits = sum(1 << j for j, ch in enumerate(chunk) if "A" <= ch <= "Z")
        suffix += _SUFFIX[bits]
    return id15 + suffix


def make_id(prefix: str, pod: str, n: int) -> str:
    body = ""
    for _ in range(10):
        n, r = divmod(n, 62)
        body = _ALPHA[r] + body
    return to_18(prefix + pod + body)


def sf_datetime(t: datetime | None) -> str | None:
    """Salesforce's REST datetime format, e.g. 2026-05-20T20:49:32.000+0000."""
    if t is None:
        return None
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}+0000"


def sf_date(t: datetime | date | None) -> str | None:
    if t is None:
        return None
    return (t.date() if isinstance(t, datetime) else t).isoformat()


@dataclass
class Change:
    """One committed write, as the change hooks see it."""

    sobject: str
    id: str
    kind: str  # created | updated | deleted
    changed: tuple[str, ...]
    origin: str | None
    at: datetime


@dataclass
class Org:
    """An org: its id, users, records and the package state."""

    org_id: str
    name: str
    pod: str = "0W"
    package_deployed: bool = True
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    listeners: list[Callable[[Change], None]] = field(default_factory=list)
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    api_user_id: str = ""
    lock: threading.RLock = field(default_factory=threading.RLock)
    multi_currency: bool = True
    """Multi-currency org: records carry CurrencyIsoCode and CurrencyType holds the rates. False: a
    single-currency org (no such field, no CurrencyType; every amount in `currency`)."""
    currency: str = schema.market_money.CORPORATE
    """Organization.DefaultCurrencyIsoCode (the corporate currency of a multi-currency org)."""
    custom_fields: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Fields the org's admin added in Setup (sObject → describe entries), e.g. a Contact's
    Preferred_Language__c: what a tenant maps its own features to."""

    def __post_init__(self) -> None:
        self._seq = itertools.count(1)
        for t in schema.BASE_FIELDS:
            self.records.setdefault(t, {})
        # Every org has exactly one Organization row, its id the org id (`SELECT Name FROM Organization`
        # is how an app learns the org's name: the token answer and the identity URL do not carry it).
        self.records["Organization"].setdefault(self.org_id, {
            "Id": self.org_id, "Name": self.name, "OrganizationType": "Developer Edition",
            "DefaultLocaleSidKey": "en_US", "DefaultCurrencyIsoCode": self.currency})
        for code, rate in schema.CURRENCY_RATES.items() if self.multi_currency else ():
            cid = self.new_id("CurrencyType")
            self.records["CurrencyType"][cid] = {"Id": cid, "IsoCode": code, "ConversionRate": rate, "DecimalPlaces": 2,
                                                 "IsActive": True, "IsCorporate": code == self.currency}

    # --- schema ---------------------------------------------------------------------------
    def fields(self, sobject: str) -> list[dict[str, Any]]:
        fs = list(schema.BASE_FIELDS[sobject])
        if not self.multi_currency:
            fs = [f for f in fs if f["name"] != schema.CURRENCY_FIELD]
        if self.package_deployed and sobject in schema.OUTPUT_OBJECTS:
            fs += schema.output_field_specs()
        if self.package_deployed:
            fs += schema.PACKAGE_FIELDS.get(sobject, [])
        return fs + self.custom_fields.get(sobject, [])

    def add_custom_field(self, sobject: str, name: str, type_: str = "string", *, label: str | None = None,
                         picklist: tuple[str, ...] = ()) -> dict[str, Any]:
        """Add a custom field as an admin does in Object Manager; returns its describe entry.

        Raises:
            ValueError: an unknown sObject, a name without `__c` or already taken, or a type Setup does not offer.
        """
        if sobject not in schema.BASE_FIELDS:
            raise ValueError(f"no sObject {sobject!r}")
        if not schema.CUSTOM_NAME.match(name):
            raise ValueError(f"{name!r} is not a custom field API name (letters, digits, _ and __c at the end)")
        if name in self.field_names(sobject):
            raise ValueError(f"{sobject} already has a field {name!r}")
        if type_ not in schema.CUSTOM_TYPES:
            raise ValueError(f"custom field type {type_!r} is not one of {', '.join(sorted(schema.CUSTOM_TYPES))}")
        spec = schema._f(name, type_, label=label, picklist=tuple(picklist))
        with self.lock:
            self.custom_fields.setdefault(sobject, []).append(spec)
        return spec

    def field_names(self, sobject: str) -> set[str]:
        return {f["name"] for f in self.fields(sobject)}

    def describe(self, sobject: str, base: str) -> dict[str, Any]:
        children = [{"cascadeDelete": False, "childSObject": c, "field": f, "relationshipName": r}
                    for r, (c, f) in schema.CHILD_RELATIONSHIPS.get(sobject, {}).items()]
        return {
            "name": sobject, "label": sobject, "labelPlural": sobject + "s", "custom": False,
            "keyPrefix": schema.KEY_PREFIXES.get(sobject), "createable": True, "updateable": True,
            "queryable": True, "deletable": True, "searchable": True, "layoutable": True,
            "childRelationships": children, "recordTypeInfos": [], "fields": self.fields(sobject),
            "urls": {"sobject": f"{base}/sobjects/{sobject}", "describe": f"{base}/sobjects/{sobject}/describe",
                     "rowTemplate": f"{base}/sobjects/{sobject}/{{ID}}"},
        }

    # --- records --------------------------------------------------------------------------
    def new_id(self, sobject: str) -> str:
        return make_id(schema.KEY_PREFIXES[sobject], self.pod, next(self._seq) + 10_000)

    def get(self, sobject: str, rid: str) -> dict[str, Any] | None:
        rec = self.records.get(sobject, {}).get(rid)
        return None if rec is None or rec.get("IsDeleted") else rec

    def find(self, rid: str) -> tuple[str, dict[str, Any]] | None:
        """Find a record of any type by its id (key prefix decides)."""
        for t, prefix in schema.KEY_PREFIXES.items():
            if rid.startswith(prefix):
                rec = self.get(t, rid)
                return (t, rec) if rec is not None else None
        return None

    def create(self, sobject: str, values: Mapping[str, Any], *, origin: str | None = None,
               at: datetime | None = None, emit: bool = True, user_id: str | None = None) -> str:
        at = at or self.clock()
        with self.lock:
            rid = self.new_id(sobject)
            rec = {"Id": rid, "IsDeleted": False, "CreatedDate": sf_datetime(at), "LastModifiedDate": sf_datetime(at),
                   "SystemModstamp": sf_datetime(at), "LastModifiedById": user_id or self.api_user_id}
            rec.update(values)
            self._derive(sobject, rec)
            self.records[sobject][rid] = rec
            if sobject == "Opportunity":
                self._history(rec, at)
        if emit:
            self._emit(Change(sobject, rid, "created", tuple(values), origin, at))
        return rid

    def update(self, sobject: str, rid: str, values: Mapping[str, Any], *, origin: str | None = None,
               at: datetime | None = None, emit: bool = True, user_id: str | None = None) -> tuple[str, ...]:
        """Apply a field update; returns the fields whose value changed."""
        at = at or self.clock()
        with self.lock:
            rec = self.get(sobject, rid)
            if rec is None:
                raise KeyError(rid)
            changed = tuple(k for k, v in values.items() if rec.get(k) != v)
            stage_before = rec.get("StageName")
            rec.update(values)
            self._derive(sobject, rec)
            rec["LastModifiedDate"] = rec["SystemModstamp"] = sf_datetime(at)
            rec["LastModifiedById"] = user_id or self.api_user_id
            if sobject == "Opportunity" and (rec.get("StageName") != stage_before or
                                             {"Amount", "CloseDate"} & set(changed)):
                self._history(rec, at)
        if emit and changed:
            self._emit(Change(sobject, rid, "updated", changed, origin, at))
        return changed

    def _derive(self, sobject: str, rec: dict[str, Any]) -> None:
        if sobject == "Opportunity" and rec.get("StageName") in schema.STAGE_INFO:
            info = schema.STAGE_INFO[rec["StageName"]]
            rec["IsClosed"], rec["IsWon"] = info["closed"], info["won"]
            rec["ForecastCategoryName"] = info["forecast"]
            rec.setdefault("Probability", info["probability"])
        elif sobject == "Task":
            rec["IsClosed"] = rec.get("Status") == "Completed"
        elif sobject in ("Contact", "Lead", "User"):
            rec["Name"] = " ".join(x for x in (rec.get("FirstName"), rec.get("LastName")) if x)

    def _history(self, opp: dict[str, Any], at: datetime) -> None:
        hid = self.new_id("OpportunityHistory")
        self.records["OpportunityHistory"][hid] = {
            "Id": hid, "OpportunityId": opp["Id"], "StageName": opp.get("StageName"), "Amount": opp.get("Amount"),
            "CloseDate": opp.get("CloseDate"), "Probability": opp.get("Probability"),
            "CreatedDate": sf_datetime(at), "SystemModstamp": sf_datetime(at)}

    def _emit(self, change: Change) -> None:
        for fn in list(self.listeners):
            fn(change)

    # --- SOQL -----------------------------------------------------------------------------
    def query(self, q: soql.Query, base: str) -> list[dict[str, Any]]:
        """Evaluate a parsed query; raises SoqlError for unknown objects or fields."""
        if q.sobject not in schema.BASE_FIELDS or (not self.multi_currency and
                                                   q.sobject in schema.MULTI_CURRENCY_ONLY):
            raise soql.SoqlError(f"sObject type '{q.sobject}' is not supported.")
        with self.lock:
            rows = [r for r in self.records[q.sobject].values() if not r.get("IsDeleted")]
            return self._select(q.sobject, q, rows, base, {})

    def _select(self, sobject: str, q: soql.Query, rows: Iterable[dict[str, Any]], base: str,
                children: dict[tuple[str, str], dict[Any, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
        for f in [*q.fields, *(c.field for g in q.where for c in g)]:
            self._check_path(sobject, f)
        out = [r for r in rows if soql.matches(r, q.where, self._getter(sobject, r))]
        if q.order_by:
            f, desc = q.order_by
            self._check_path(sobject, f)
            out.sort(key=lambda r: (self._value(sobject, r, f) is None, str(self._value(sobject, r, f) or "")),
                     reverse=desc)
        if q.limit is not None:
            out = out[: q.limit]
        return [self._shape(sobject, r, q, base, children) for r in out]

    def _getter(self, sobject: str, rec: Mapping[str, Any]) -> Callable[[str], Any]:
        return lambda path: self._value(sobject, rec, path)

    def _check_path(self, sobject: str, path: str) -> None:
        parts = path.split(".")
        t = sobject
        for rel in parts[:-1]:
            hit = schema.PARENT_RELATIONSHIPS.get(t, {}).get(rel)
            if hit is None:
                raise soql.SoqlError(f"Didn't understand relationship '{rel}' in field path. "
                                     f"If you are attempting to use a custom relationship, be sure to append "
                                     f"the '__r' after the custom relationship name.")
            t = hit[1]
        if parts[-1] not in self.field_names(t):
            raise soql.SoqlError(f"No such column '{parts[-1]}' on entity '{t}'. If you are attempting to use "
                                 f"a custom field, be sure to append the '__c' after the custom field name.")

    def _value(self, sobject: str, rec: Mapping[str, Any] | None, path: str) -> Any:
        t = sobject
        for rel in path.split(".")[:-1]:
            if rec is None:
                return None
            ref_field, t = schema.PARENT_RELATIONSHIPS[t][rel]
            rec = self._parent(t, rec.get(ref_field))
        return None if rec is None else rec.get(path.split(".")[-1])

    def _parent(self, t: str, rid: Any) -> dict[str, Any] | None:
        if not rid:
            return None
        rec = self.get(t, rid)
        if rec is None:  # polymorphic What/Who
            hit = self.find(str(rid))
            rec = hit[1] if hit else None
        return rec

    def attributes(self, sobject: str, rid: str, base: str) -> dict[str, str]:
        return {"type": sobject, "url": f"{base}/sobjects/{sobject}/{rid}"}

    def _children(self, child_type: str, fk: str, memo: dict[tuple[str, str], dict[Any, list[dict[str, Any]]]]
                  ) -> dict[Any, list[dict[str, Any]]]:
        """The live rows of `child_type` by their `fk`, in the records' order: built once per query (the query holds the
        lock) instead of a scan of every child row per parent row, O(parents x children), which was most of the time
        a Salesforce market's history read took (wave 34's profile of the vendor replay)."""
        if (child_type, fk) not in memo:
            by_parent: dict[Any, list[dict[str, Any]]] = {}
            for r in self.records[child_type].values():
                if not r.get("IsDeleted"):
                    by_parent.setdefault(r.get(fk), []).append(r)
            memo[(child_type, fk)] = by_parent
        return memo[(child_type, fk)]

    def _shape(self, sobject: str, rec: Mapping[str, Any], q: soql.Query, base: str,
               children: dict[tuple[str, str], dict[Any, list[dict[str, Any]]]]) -> dict[str, Any]:
        out: dict[str, Any] = {"attributes": self.attributes(sobject, rec["Id"], base)}
        for path in q.fields:
            parts = path.split(".")
            if len(parts) == 1:
                out[path] = rec.get(path)
                continue
            node: dict[str, Any] = out
            t = sobject
            cur: Mapping[str, Any] | None = rec
            for rel in parts[:-1]:
                ref_field, t = schema.PARENT_RELATIONSHIPS[t][rel]
                cur = self._parent(t, cur.get(ref_field)) if cur else None
                if cur is None:
                    node[rel] = None
                    break
                parent = node.get(rel) or {"attributes": self.attributes(t, cur["Id"], base)}
                node[rel] = parent
                node = parent
            else:
                node[parts[-1]] = cur.get(parts[-1]) if cur else None
        for sub in q.children:
            child = schema.CHILD_RELATIONSHIPS.get(sobject, {}).get(sub.sobject)
            if child is None:
                raise soql.SoqlError(f"Didn't understand relationship '{sub.sobject}' in FROM part of query call.")
            child_type, fk = child
            kids = self._children(child_type, fk, children).get(rec["Id"], [])
            got = self._select(child_type, sub, kids, base, children)
            out[sub.sobject] = {"totalSize": len(got), "done": True, "records": got} if got else None
        return out
