"""CRM v3 object routes: get, list, create, update, archive, batch read/create/update/archive.

Both `/crm/v3/objects/deals` and `/crm/v3/objects/0-3` resolve to the same store. Batches take
at most 100 inputs; inputs that fail while others succeed produce HubSpot's 207 multi-status
body (`numErrors`, `errors[]`); invalid property values fail the whole call with 400.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, g, jsonify, request

from . import errors, records, schema
from .store import Portal, iso

bp = Blueprint("hs_objects", __name__)
BATCH_LIMIT = 100
PAGE_LIMIT = 100


def otype_or_404(raw: str) -> str:
    """Resolve an object type path segment or raise 400 like HubSpot for unknown types."""
    otype = schema.canonical_type(raw)
    if otype is None:
        raise errors.validation(f"Unable to infer object type from: {raw}")
    return otype


def body_json() -> dict[str, Any]:
    """Return the JSON body or raise HubSpot's 400 for malformed input."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise errors.validation("Invalid input JSON on line 1, column 1: Cannot build request body")
    return data


def _args_list(name: str) -> list[str]:
    return records.split_list(request.args.getlist(name))


def _find(portal: Portal, otype: str, oid: str, id_property: str | None, *, archived: bool = False):
    if id_property and id_property != "hs_object_id":
        for obj in portal.objects[otype].values():
            if obj.archived == archived and obj.properties.get(id_property) == oid:
                return obj
        return None
    return portal.get(otype, oid, archived=archived)


def _stamp() -> str:
    return iso(datetime.now(UTC))


@bp.get("/crm/v3/objects/<otype>/<oid>")
def get_object(otype: str, oid: str):
    t = otype_or_404(otype)
    obj = _find(g.portal, t, oid, request.args.get("idProperty"),
                archived=request.args.get("archived", "false") == "true")
    if obj is None:
        raise errors.not_found()
    props = records.wanted(g.portal, t, _args_list("properties"))
    return jsonify(records.render(g.portal, t, obj, props, history=_args_list("propertiesWithHistory"),
                                  assoc_types=_args_list("associations")))


@bp.get("/crm/v3/objects/<otype>")
def list_objects(otype: str):
    t = otype_or_404(otype)
    try:
        limit = int(request.args.get("limit", 10))
        after = int(request.args.get("after") or 0)
    except ValueError as exc:
        raise errors.validation(f"Invalid paging parameter: {exc}") from None
    limit = max(1, min(limit, PAGE_LIMIT))
    archived = request.args.get("archived", "false") == "true"
    with g.portal.lock:  # other threads may be creating records while we page
        items = sorted((o for o in g.portal.objects[t].values() if o.archived == archived), key=lambda o: int(o.id))
    items = [o for o in items if int(o.id) > after][: limit + 1]
    props = records.wanted(g.portal, t, _args_list("properties"))
    hist, assoc = _args_list("propertiesWithHistory"), _args_list("associations")
    body: dict[str, Any] = {"results": [records.render(g.portal, t, o, props, history=hist, assoc_types=assoc)
                                        for o in items[:limit]]}
    if len(items) > limit:
        nxt = items[limit - 1].id
        body["paging"] = {"next": {"after": nxt, "link": f"{request.host_url.rstrip('/')}{request.path}?after={nxt}"}}
    return jsonify(body)


def _create_one(t: str, data: dict[str, Any]):
    props = records.normalise(g.portal, t, data.get("properties") or {}, creating=True)
    links = _parse_associations(data.get("associations") or [])
    obj = g.portal.create(t, {k: v for k, v in props.items() if v != ""}, source="API", source_id=g.source_id)
    for to_type, to_id, types in links:
        g.portal.associate(t, obj.id, to_type, to_id, types, source="API", source_id=g.source_id)
    return obj


def _parse_associations(items: list[dict[str, Any]]) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """Resolve create-time associations; HubSpot infers the target type from the type id."""
    out = []
    for item in items:
        to_id = str((item.get("to") or {}).get("id", ""))
        types = [(s.get("associationCategory", "HUBSPOT_DEFINED"), int(s.get("associationTypeId", 0)))
                 for s in item.get("types") or []]
        to_type = _target_type(types, to_id)
        if to_type is None or not types:
            raise errors.validation(f"Invalid association type or target id: {item}")
        if g.portal.get(to_type, to_id) is None:
            raise errors.validation(f"No {schema.SINGULAR[to_type]} with id {to_id} exists",
                                    sub_category="crm-object-associations.INVALID_OBJECT_IDS")
        out.append((to_type, to_id, types))
    return out


def _target_type(types: list[tuple[str, int]], to_id: str) -> str | None:
    for (_, to_type), (unlabeled, primary) in schema.ASSOCIATION_TYPES.items():
        if any(tid in (unlabeled, primary) for _, tid in types):
            return to_type
    for (_, to_type), (tid, _) in schema.USER_DEFINED_TYPES.items():
        if any(t == tid for _, t in types):
            return to_type
    return None


@bp.post("/crm/v3/objects/<otype>")
def create_object(otype: str):
    t = otype_or_404(otype)
    obj = _create_one(t, body_json())
    props = records.wanted(g.portal, t, list(obj.properties))
    return jsonify(records.render(g.portal, t, obj, props)), 201


@bp.patch("/crm/v3/objects/<otype>/<oid>")
def update_object(otype: str, oid: str):
    t = otype_or_404(otype)
    data = body_json()
    obj = _find(g.portal, t, oid, request.args.get("idProperty"))
    if obj is None:
        raise errors.not_found()
    props = records.normalise(g.portal, t, data.get("properties") or {}, creating=False)
    obj = g.portal.write(t, obj.id, props, source="API", source_id=g.source_id)
    return jsonify(records.render(g.portal, t, obj, records.wanted(g.portal, t, list(obj.properties))))


@bp.delete("/crm/v3/objects/<otype>/<oid>")
def archive_object(otype: str, oid: str):
    t = otype_or_404(otype)
    # HubSpot answers 204 even when the record is already gone.
    g.portal.archive(t, oid, source="API", source_id=g.source_id)
    return "", 204


@bp.put("/crm/v3/objects/<otype>/<oid>/associations/<to_type>/<to_id>/<assoc_type>")
def associate_v3(otype: str, oid: str, to_type: str, to_id: str, assoc_type: str):
    t, tt = otype_or_404(otype), otype_or_404(to_type)
    if g.portal.get(t, oid) is None or g.portal.get(tt, to_id) is None:
        raise errors.not_found()
    if assoc_type.isdigit():
        type_id = int(assoc_type)
    else:
        type_id = schema.ASSOCIATION_TYPES.get((t, tt), (0, None))[0]
    g.portal.associate(t, oid, tt, to_id, [("HUBSPOT_DEFINED", type_id)], source="API", source_id=g.source_id)
    obj = g.portal.get(t, oid)
    return jsonify(records.render(g.portal, t, obj, records.wanted(g.portal, t, []), assoc_types=[to_type]))


def _inputs(data: dict[str, Any]) -> list[dict[str, Any]]:
    inputs = data.get("inputs")
    if not isinstance(inputs, list):
        raise errors.validation("Invalid input JSON: inputs must be an array")
    if len(inputs) > BATCH_LIMIT:
        raise errors.validation(f"Too many inputs: {len(inputs)}, the maximum batch size is {BATCH_LIMIT}",
                                context={"maxInputs": [str(BATCH_LIMIT)]})
    return inputs


def batch_body(results: list[dict[str, Any]], errs: list[dict[str, Any]], started: str) -> tuple[Any, int]:
    """Return (body, status): 207 with numErrors/errors when some inputs failed."""
    body: dict[str, Any] = {"status": "COMPLETE", "results": results}
    if errs:
        body["numErrors"] = len(errs)
        body["errors"] = errs
    body.update(requestedAt=started, startedAt=started, completedAt=_stamp())
    return jsonify(body), 207 if errs else 200


def not_found_error(label: str, ids: list[str], verb: str = "get") -> dict[str, Any]:
    """Return the StandardError of a batch input that named missing records."""
    return {"status": "error", "category": "OBJECT_NOT_FOUND",
            "message": f"Could not {verb} some {label} objects, they may be deleted or not exist. Check that ids are valid.",
            "context": {"ids": ids}, "errors": [], "links": {}}


@bp.post("/crm/v3/objects/<otype>/batch/read")
def batch_read(otype: str):
    t, started = otype_or_404(otype), _stamp()
    data = body_json()
    inputs = _inputs(data)
    id_prop = data.get("idProperty")
    props = records.wanted(g.portal, t, list(data.get("properties") or []))
    hist = list(data.get("propertiesWithHistory") or [])
    results, missing = [], []
    for item in inputs:
        obj = _find(g.portal, t, str(item.get("id")), id_prop, archived=bool(data.get("archived")))
        if obj is None:
            missing.append(str(item.get("id")))
        else:
            results.append(records.render(g.portal, t, obj, props, history=hist))
    errs = [not_found_error(schema.SINGULAR[t].upper(), missing)] if missing else []
    return batch_body(results, errs, started)


@bp.post("/crm/v3/objects/<otype>/batch/create")
def batch_create(otype: str):
    t, started = otype_or_404(otype), _stamp()
    inputs = _inputs(body_json())
    for item in inputs:  # validate all first: HubSpot rejects the whole batch on bad values
        records.normalise(g.portal, t, item.get("properties") or {}, creating=True)
    results = []
    for item in inputs:
        obj = _create_one(t, item)
        results.append(records.render(g.portal, t, obj, records.wanted(g.portal, t, list(obj.properties))))
    body, status = batch_body(results, [], started)
    return body, 201 if status == 200 else status


@bp.post("/crm/v3/objects/<otype>/batch/update")
def batch_update(otype: str):
    t, started = otype_or_404(otype), _stamp()
    data = body_json()
    inputs = _inputs(data)
    ids = [str(i.get("id")) for i in inputs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise errors.validation(f"Duplicate IDs found in batch input: {dupes}. IDs must be unique")
    cleaned = [records.normalise(g.portal, t, i.get("properties") or {}, creating=False) for i in inputs]
    results, errs = [], []
    for item, props in zip(inputs, cleaned, strict=True):
        obj = _find(g.portal, t, str(item.get("id")), item.get("idProperty") or data.get("idProperty"))
        if obj is None:
            err = not_found_error(schema.SINGULAR[t].upper(), [str(item.get("id"))], "update")
            if item.get("objectWriteTraceId"):
                err["context"]["objectWriteTraceId"] = [str(item["objectWriteTraceId"])]
            errs.append(err)
            continue
        obj = g.portal.write(t, obj.id, props, source="API", source_id=g.source_id)
        r = records.render(g.portal, t, obj, records.wanted(g.portal, t, list(props) or ["hs_object_id"]))
        if item.get("objectWriteTraceId"):
            r["objectWriteTraceId"] = str(item["objectWriteTraceId"])
        results.append(r)
    return batch_body(results, errs, started)


@bp.post("/crm/v3/objects/<otype>/batch/archive")
def batch_archive(otype: str):
    t = otype_or_404(otype)
    for item in _inputs(body_json()):
        g.portal.archive(t, str(item.get("id")), source="API", source_id=g.source_id)
    return "", 204


@bp.post("/crm/v3/objects/<otype>/merge")
def merge_objects(otype: str):
    t = otype_or_404(otype)
    data = body_json()
    primary, other = str(data.get("primaryObjectId", "")), str(data.get("objectIdToMerge", ""))
    if g.portal.get(t, primary) is None or g.portal.get(t, other) is None or primary == other:
        raise errors.validation(f"Cannot merge {other} into {primary}: both must exist and differ")
    obj = g.portal.merge(t, primary, other, source="API", source_id=g.source_id)
    return jsonify(records.render(g.portal, t, obj, records.wanted(g.portal, t, [])))


@bp.post("/crm/v3/objects/contacts/gdpr-delete")
def gdpr_delete():
    data = body_json()
    obj = _find(g.portal, "contacts", str(data.get("objectId", "")), data.get("idProperty"))
    if obj is None:
        raise errors.not_found()
    g.portal.purge("contacts", obj.id, source="API", source_id=g.source_id)
    return "", 204


@bp.post("/crm/v3/objects/<otype>/batch/upsert")
def batch_upsert(otype: str):
    """Create or update by a unique `idProperty` (e.g. email); HubSpot answers 200 either way."""
    t, started = otype_or_404(otype), _stamp()
    inputs = _inputs(body_json())
    results = []
    for item in inputs:
        id_prop = item.get("idProperty")
        if not id_prop:
            raise errors.validation("Each upsert input needs an idProperty")
        props = records.normalise(g.portal, t, item.get("properties") or {}, creating=False)
        obj = _find(g.portal, t, str(item.get("id")), id_prop)
        new = obj is None
        if new:
            obj = g.portal.create(t, {**{k: v for k, v in props.items() if v != ""}, id_prop: item.get("id")},
                                  source="API", source_id=g.source_id)
        else:
            obj = g.portal.write(t, obj.id, props, source="API", source_id=g.source_id)
        r = records.render(g.portal, t, obj, records.wanted(g.portal, t, list(props) + [id_prop]))
        r["new"] = new
        results.append(r)
    return batch_body(results, [], started)
