"""Read helpers over the SDK: paged associations, batch reads, owners, windowed search.

Each helper returns plain dicts/strings at once, so no SDK model leaves this module's callers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from hubspot.crm.associations.v4 import (
    BatchInputPublicFetchAssociationsBatchRequest,
    PublicFetchAssociationsBatchRequest,
)
from hubspot.crm.objects import (
    BatchReadInputSimplePublicObjectId,
    Filter,
    FilterGroup,
    PublicObjectSearchRequest,
    SimplePublicObjectId,
)

from integrations.hubspot import constants
from integrations.hubspot.fast_sdk import VALIDATING
from integrations.hubspot.mapping import to_ms
from integrations.hubspot.session import ApiSession

ASSOCIATION_PAGE_SIZE = 500
"""v4 association page size (HubSpot allows up to 500 per page)."""

ASSOCIATION_BATCH_SIZE = 1000
"""Ids per v4 association batch read (HubSpot's maximum)."""


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Yield consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def associations(session: ApiSession, from_type: str, from_id: str, to_type: str) -> list[dict[str, Any]]:
    """Return every v4 association of one record to one object type.

    Returns:
        Dicts `{"id": str, "types": [{"type_id", "label", "category"}]}`.
    """
    out: list[dict[str, Any]] = []
    after = None
    while True:
        page = session.call(session.apis.associations.get_page, from_type, from_id, to_type,
                            after=after, limit=ASSOCIATION_PAGE_SIZE)
        for item in page.results or ():
            d = item.to_dict()
            out.append({"id": str(d["to_object_id"]), "types": list(d.get("association_types") or ())})
        nxt = page.paging.next if page.paging else None
        if not nxt or not nxt.after:
            return out
        after = nxt.after


def association_batch(session: ApiSession, from_type: str, to_type: str,
                      ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """v4 associations of many records to one object type, ≤1,000 ids per request.

    Returns:
        from id -> [{"id": str, "types": [{"type_id", "label", "category"}]}]; a record without
        any such association (HubSpot answers it as a per-input NO_ASSOCIATIONS_FOUND error in a
        207) maps to [].
    """
    unique = list(dict.fromkeys(str(i) for i in ids))
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in unique}
    for part in chunks(unique, ASSOCIATION_BATCH_SIZE):
        body = BatchInputPublicFetchAssociationsBatchRequest(
            inputs=[PublicFetchAssociationsBatchRequest(id=i, local_vars_configuration=VALIDATING) for i in part])
        data = _raw_json(session, session.apis.association_batch.get_page, from_type, to_type, body)
        for item in data.get("results") or ():
            src = str((item.get("from") or {}).get("id"))
            out.setdefault(src, []).extend(
                {"id": _text(t.get("toObjectId")), "types": [_association_type(a) for a in t.get("associationTypes") or ()]}
                for t in item.get("to") or ())
    return out


def _raw_json(session: ApiSession, fn: Any, *args: Any) -> dict[str, Any]:
    """Call an SDK method and parse its JSON body ourselves.

    For the batch reads of the pipeline's fetch: the SDK's models and their `to_dict()` cost
    ~16 ms per 100-deal association page and ~25 ms per 100-deal batch read (pure Python, and
    `to_dict` calls `inspect.getfullargspec` per value), against ~0.4 ms for `json.loads`; a
    batch's fetch makes 15-20 of them. The dicts built here are the ones `to_dict()` gave
    (snake_case keys, the SDK's types: tests/hubspot/test_raw_reads.py compares them)."""
    resp = session.call(fn, *args, _preload_content=False)
    data = json.loads(resp.data or b"{}")
    return data if isinstance(data, dict) else {}


def _text(value: Any) -> Any:
    """A `str`-typed SDK field: the SDK's `str(value)`, None kept."""
    return None if value is None else str(value)


def _int(value: Any) -> Any:
    return None if value is None else int(value)


def _association_type(t: dict[str, Any]) -> dict[str, Any]:
    """AssociationSpecWithLabel.to_dict() of one association type (the SDK's key order)."""
    return {"type_id": _int(t.get("typeId")), "label": _text(t.get("label")), "category": _text(t.get("category"))}


def _timestamp(value: Any) -> Any:
    """A `datetime`-typed SDK field as the session's SDK parses it (integrations/hubspot/fast_sdk)."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        from dateutil.parser import parse

        return parse(value)


def _raw_object_dict(obj: dict[str, Any]) -> dict[str, Any]:
    """`object_dict` of a batch-read result (SimplePublicObject JSON: no associations)."""
    hist = obj.get("propertiesWithHistory") or {}
    return {
        "id": str(obj["id"]),
        "properties": {k: _text(v) for k, v in (obj.get("properties") or {}).items()},
        "history": {k: [{"source_id": _text(v.get("sourceId")), "source_type": _text(v.get("sourceType")),
                         "source_label": _text(v.get("sourceLabel")),
                         "updated_by_user_id": _int(v.get("updatedByUserId")), "value": _text(v.get("value")),
                         "timestamp": _timestamp(v.get("timestamp"))} for v in (vals or ())]
                    for k, vals in hist.items()},
        "associations": {},
        "association_types": {},
        "associations_paged": [],
        "updated_at": _timestamp(obj.get("updatedAt")),
    }


def batch_read(session: ApiSession, object_type: str, ids: Iterable[str], properties: Sequence[str],
               history: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Batch-read records by id (≤100 per request) as `{"id", "properties", "history"}` dicts."""
    unique = list(dict.fromkeys(str(i) for i in ids))
    out: list[dict[str, Any]] = []
    for part in chunks(unique, constants.BATCH_SIZE):
        body = BatchReadInputSimplePublicObjectId(
            inputs=[SimplePublicObjectId(id=i, local_vars_configuration=VALIDATING) for i in part],
            properties=list(properties),
            properties_with_history=list(history),
        )
        data = _raw_json(session, session.apis.batch.read, object_type, body)
        out += [_raw_object_dict(obj) for obj in data.get("results") or ()]
    return out


def object_dict(obj: Any) -> dict[str, Any]:
    """Convert an SDK SimplePublicObject* model into a plain dict."""
    d = obj.to_dict()
    hist = d.get("properties_with_history") or {}
    return {
        "id": str(d["id"]),
        "properties": dict(d.get("properties") or {}),
        # The generated to_dict() does not descend into dict-of-list values: convert by hand.
        "history": {k: [_plain(v) for v in (vals or ())] for k, vals in hist.items()},
        "associations": {k: list(dict.fromkeys(str(r["id"]) for r in ((v or {}).get("results") or ())))
                         for k, v in (d.get("associations") or {}).items()},
        # v3 names each link's type: `deal_to_company` is the primary one, `..._unlabeled` the rest.
        "association_types": {k: [(str(r["id"]), str(r.get("type") or "")) for r in ((v or {}).get("results") or ())]
                              for k, v in (d.get("associations") or {}).items()},
        # Keys whose v3 association list was cut off (more pages): read those through v4 instead.
        "associations_paged": sorted(k for k, v in (d.get("associations") or {}).items()
                                     if ((v or {}).get("paging") or {}).get("next")),
        "updated_at": d.get("updated_at"),
    }


def _plain(value: Any) -> dict[str, Any]:
    return value.to_dict() if hasattr(value, "to_dict") else dict(value)


def owner(session: ApiSession, owner_id: str) -> dict[str, Any] | None:
    """Fetch an owner as raw JSON (keeps fields the SDK model lacks, e.g. a `timezone`)."""
    from integrations.errors import CrmNotFound

    try:
        resp = session.call(session.apis.owners.get_by_id, owner_id, id_property="id",
                            _preload_content=False)
    except CrmNotFound:
        return None  # a deactivated owner must not make the whole record unreadable
    data = json.loads(resp.data or b"{}")
    return data if isinstance(data, dict) else None


def user_timezone(session: ApiSession, owner: dict[str, Any]) -> str | None:
    """Find an owner's IANA time zone on the CRM `users` object (`hs_standard_time_zone`).

    The owners API carries no time zone; HubSpot keeps it on the user record, linked by
    `hubspot_owner_id`. Missing scope (crm.objects.users.read) or no match → None (callers fall
    back to a default zone) rather than failing the whole record.
    """
    from integrations.errors import CrmError

    filters = [{"property_name": "hubspot_owner_id", "operator": "EQ", "value": str(owner["id"])}]
    req = PublicObjectSearchRequest(filter_groups=[FilterGroup(filters=[Filter(**f) for f in filters])],
                                    properties=["hs_standard_time_zone"], limit=1)
    try:
        page = session.call(session.apis.search.do_search, "users", req, search=True)
    except CrmError as err:
        if err.should_retry:
            raise
        return None
    for obj in page.results or ():
        tz = (obj.properties or {}).get("hs_standard_time_zone")
        if tz:
            return str(tz)
    return None


def search_ids(session: ApiSession, object_type: str, filters: list[dict[str, Any]],
               *, sort_property: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (id, properties) of every search hit, paging at HubSpot's maximum page size."""
    after: str | None = None
    while True:
        req = PublicObjectSearchRequest(
            filter_groups=[FilterGroup(filters=[Filter(**f) for f in filters])],
            sorts=[sort_property],
            properties=[sort_property],
            limit=constants.SEARCH_PAGE_SIZE,
            after=after,
        )
        page = session.call(session.apis.search.do_search, object_type, req, search=True)
        for obj in page.results or ():
            d = object_dict(obj)
            yield d["id"], d["properties"]
        nxt = page.paging.next if page.paging else None
        if not nxt or not nxt.after:
            return
        after = nxt.after


def modified_since(session: ApiSession, object_type: str, since: datetime,
                   prop: str = "hs_lastmodifieddate") -> list[tuple[str, str | None]]:
    """Return (id, last-modified value) of records modified at or after `since`, oldest first.

    HubSpot refuses to page past 10,000 results of one query, so when a window fills up we start a
    new query from the last modification time seen (sorted ascending) and de-duplicate.
    """
    seen: dict[str, str | None] = {}
    start = to_ms(since) or 0
    while True:
        count = 0
        last_ms = start
        filters = [{"property_name": prop, "operator": "GTE", "value": str(start)}]
        for rid, props in search_ids(session, object_type, filters, sort_property=prop):
            seen[rid] = props.get(prop)
            count += 1
            last_ms = max(last_ms, to_ms(props.get(prop)) or last_ms)
            if count >= constants.SEARCH_RESULT_CAP - constants.SEARCH_PAGE_SIZE:
                break
        else:
            return list(seen.items())
        if last_ms <= start:
            # >10k records share one timestamp: nothing better to do than stop at the cap.
            return list(seen.items())
        start = last_ms
