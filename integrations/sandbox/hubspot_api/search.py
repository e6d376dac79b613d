"""CRM search: filterGroups (OR of ANDed filters), operators, one sort, paging, HubSpot's limits.

Limits enforced as documented (hubspot-api-facts.md §3.1): limit ≤ 200 (default 10), at most
5 groups × 6 filters and 18 filters in total, and no paging past 10,000 results. The 5/s rate
limit is applied by the guard, and search responses carry no rate-limit headers.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request

from . import errors, records, schema
from .objects import body_json, otype_or_404
from .store import Obj, Portal

bp = Blueprint("hs_search", __name__)
MAX_LIMIT, MAX_RESULTS, MAX_GROUPS, MAX_FILTERS_PER_GROUP, MAX_FILTERS = 200, 10_000, 5, 6, 18
MAX_BODY_CHARS = 3000
"""HubSpot rejects search request bodies longer than this."""
QUERY_PROPERTIES = ("firstname", "lastname", "email", "phone", "company", "name", "domain", "dealname",
                    "hs_task_subject", "hs_note_body")
OPERATORS = {"EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN", "HAS_PROPERTY",
             "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"}


def _value(portal: Portal, otype: str, name: str, raw: Any) -> Any:
    """Turn a stored or filter value into something comparable for the property's type."""
    if raw is None:
        return None
    spec = portal.properties[otype].get(name, {"type": "string"})
    if spec["type"] == "number":
        try:
            return float(raw)
        except ValueError:
            return None
    if spec["type"] in ("datetime", "date"):
        dt = records.to_datetime(raw)
        return dt.timestamp() if dt else None
    return str(raw) if spec["type"] == "enumeration" else str(raw).lower()


def _tokens(text: str) -> list[str]:
    return [t for t in "".join(c if c.isalnum() or c in "@.*" else " " for c in text.lower()).split() if t]


def _token_match(stored: str | None, pattern: str) -> bool:
    """CONTAINS_TOKEN: a token (with `*` wildcards), or a run of tokens, found in the value."""
    if stored is None:
        return False
    pat = pattern.lower().strip()
    toks = _tokens(stored)
    want = _tokens(pat)
    if len(want) > 1:  # e.g. a marker like "agentic-sales:123" is several tokens in a row
        return any(toks[i:i + len(want)] == want for i in range(len(toks) - len(want) + 1))
    for tok in toks + [stored.lower()]:
        if pat.startswith("*") and pat.endswith("*") and pat.strip("*") in tok:
            return True
        if pat.endswith("*") and tok.startswith(pat[:-1]):
            return True
        if pat.startswith("*") and tok.endswith(pat[1:]):
            return True
        if tok == pat:
            return True
    return False


def _match(portal: Portal, otype: str, obj: Obj, f: dict[str, Any]) -> bool:
    name, op = f.get("propertyName", ""), f.get("operator", "EQ")
    if name.startswith("associations."):
        to_type = schema.canonical_type(name.split(".", 1)[1])
        ids = set(portal.associations(otype, obj.id, to_type)) if to_type else set()
        vals = [str(v) for v in (f.get("values") or [f.get("value")])]
        hit = any(v in ids for v in vals)
        return hit if op in ("EQ", "IN") else not hit
    stored = obj.properties.get(name)
    if op == "HAS_PROPERTY":
        return stored not in (None, "")
    if op == "NOT_HAS_PROPERTY":
        return stored in (None, "")
    if op in ("CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"):
        hit = _token_match(stored, str(f.get("value", "")))
        return hit if op == "CONTAINS_TOKEN" else not hit
    left = _value(portal, otype, name, stored)
    if op in ("IN", "NOT_IN"):
        vals = {_value(portal, otype, name, v) for v in f.get("values") or []}
        return (left in vals) if op == "IN" else (left not in vals)
    right = _value(portal, otype, name, f.get("value"))
    if op == "EQ":
        return left == right
    if op == "NEQ":
        return left != right
    if left is None or right is None:
        return False
    if op == "BETWEEN":
        high = _value(portal, otype, name, f.get("highValue"))
        return high is not None and right <= left <= high
    return {"LT": left < right, "LTE": left <= right, "GT": left > right, "GTE": left >= right}[op]


def _validate(data: dict[str, Any]) -> tuple[list[list[dict[str, Any]]], int, int]:
    groups = [grp.get("filters") or [] for grp in data.get("filterGroups") or []]
    n_filters = sum(len(x) for x in groups)
    if len(groups) > MAX_GROUPS or any(len(x) > MAX_FILTERS_PER_GROUP for x in groups) or n_filters > MAX_FILTERS:
        raise errors.validation(
            f"Search requests may include at most {MAX_GROUPS} filterGroups with at most "
            f"{MAX_FILTERS_PER_GROUP} filters each and {MAX_FILTERS} filters in total.")
    for f in (f for grp in groups for f in grp):
        if f.get("operator", "EQ") not in OPERATORS:
            raise errors.validation(f"Invalid operator: {f.get('operator')}")
    limit = int(data.get("limit") or 10)
    if limit > MAX_LIMIT or limit < 1:
        raise errors.validation(f"limit must be between 1 and {MAX_LIMIT}, was {limit}")
    try:
        after = int(data.get("after") or 0)
    except ValueError:
        raise errors.validation(f"Invalid after: {data.get('after')}") from None
    if after + limit > MAX_RESULTS:
        raise errors.validation(f"Cannot page past {MAX_RESULTS} results (after={after}, limit={limit}).")
    return groups, limit, after


def _sort_key(data: dict[str, Any]) -> tuple[str, bool]:
    sorts = data.get("sorts") or []
    if not sorts:
        return "hs_object_id", False
    s = sorts[0]
    if isinstance(s, str):
        return s.lstrip("-"), s.startswith("-")
    return s.get("propertyName", "hs_object_id"), s.get("direction", "ASCENDING") == "DESCENDING"


@bp.post("/crm/v3/objects/<otype>/search")
def search(otype: str):
    t = otype_or_404(otype)
    if len(request.get_data(as_text=True)) > MAX_BODY_CHARS:
        raise errors.validation(f"Search request body exceeds {MAX_BODY_CHARS} characters")
    data = body_json()
    groups, limit, after = _validate(data)
    p: Portal = g.portal
    query = str(data.get("query") or "").strip()
    with p.lock:
        hits = [o for o in p.objects[t].values() if not o.archived
                and (not groups or any(all(_match(p, t, o, f) for f in grp) for grp in groups))
                and (not query or any(_token_match(o.properties.get(n), query + "*") for n in QUERY_PROPERTIES))]
    prop, desc = _sort_key(data)
    present = [o for o in hits if _value(p, t, prop, o.properties.get(prop)) is not None]
    absent = [o for o in hits if _value(p, t, prop, o.properties.get(prop)) is None]
    present.sort(key=lambda o: (_value(p, t, prop, o.properties.get(prop)), int(o.id)), reverse=desc)
    ordered = present + absent
    page = ordered[after:after + limit]
    props = records.wanted(p, t, list(data.get("properties") or []))
    body: dict[str, Any] = {"total": len(ordered), "results": [records.render(p, t, o, props) for o in page]}
    if after + limit < len(ordered) and after + limit < MAX_RESULTS:
        body["paging"] = {"next": {"after": str(after + limit)}}
    return jsonify(body)
