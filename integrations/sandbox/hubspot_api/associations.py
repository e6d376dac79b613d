"""Associations v4: list, default and labelled create, delete, batch read/create/default/archive.

Type ids are HubSpot's (SDK `association_type.py`); `toObjectId` is a number in v4 bodies as
in HubSpot's responses, although the SDK's models declare it a string.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request

from . import errors, schema
from .objects import body_json, otype_or_404
from .store import iso, now_utc

bp = Blueprint("hs_associations", __name__)
BATCH_READ_LIMIT = 1000


def _types_json(t: str, to: str, types: list[tuple[str, int]]) -> list[dict[str, Any]]:
    return [{"category": cat, "typeId": tid, "label": schema.association_label(t, to, tid, cat)}
            for cat, tid in types]


def _pair(t: str, oid: str, to: str, to_id: str) -> dict[str, Any]:
    labels = [lbl for cat, tid in g.portal.associations(t, oid, to).get(str(to_id), [])
              if (lbl := schema.association_label(t, to, tid, cat))]
    return {"fromObjectTypeId": schema.OBJECT_TYPE_IDS[t], "fromObjectId": int(oid),
            "toObjectTypeId": schema.OBJECT_TYPE_IDS[to], "toObjectId": int(to_id), "labels": labels}


def _require(t: str, oid: str) -> None:
    if g.portal.get(t, oid) is None:
        raise errors.validation(f"{schema.SINGULAR[t].upper()}={oid} is not valid",
                                sub_category="crm-associations.INVALID_OBJECT_IDS")


@bp.get("/crm/v4/objects/<otype>/<oid>/associations/<to_type>")
def list_associations(otype: str, oid: str, to_type: str):
    t, to = otype_or_404(otype), otype_or_404(to_type)
    links = list(g.portal.associations(t, oid, to).items())
    limit = max(1, min(int(request.args.get("limit", 500)), 500))
    after = int(request.args.get("after") or 0)
    body: dict[str, Any] = {"results": [{"toObjectId": int(tid), "associationTypes": _types_json(t, to, types)}
                                        for tid, types in links[after:after + limit]]}
    if after + limit < len(links):
        body["paging"] = {"next": {"after": str(after + limit)}}
    return jsonify(body)


def _default_results(t: str, oid: str, to: str, to_id: str) -> list[dict[str, Any]]:
    fwd = schema.ASSOCIATION_TYPES.get((t, to))
    back = schema.ASSOCIATION_TYPES.get((to, t))
    if fwd is None:
        raise errors.validation(f"No default association between {t} and {to}")
    g.portal.associate(t, oid, to, to_id, [("HUBSPOT_DEFINED", fwd[0])], source="API", source_id=g.source_id)
    out = [{"from": {"id": str(oid)}, "to": {"id": str(to_id)},
            "associationSpec": {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": fwd[0]}}]
    if back:
        out.append({"from": {"id": str(to_id)}, "to": {"id": str(oid)},
                    "associationSpec": {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": back[0]}})
    return out


@bp.put("/crm/v4/objects/<otype>/<oid>/associations/default/<to_type>/<to_id>")
def create_default(otype: str, oid: str, to_type: str, to_id: str):
    t, to = otype_or_404(otype), otype_or_404(to_type)
    _require(t, oid)
    _require(to, to_id)
    stamp = iso(now_utc())
    return jsonify({"status": "COMPLETE", "results": _default_results(t, oid, to, to_id),
                    "startedAt": stamp, "completedAt": iso(now_utc())})


def _specs(items: Any) -> list[tuple[str, int]]:
    if not isinstance(items, list) or not items:
        raise errors.validation("Association specs must be a non-empty array")
    out = []
    for s in items:
        cat = s.get("associationCategory")
        if cat not in ("HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED"):
            raise errors.validation(f"Invalid associationCategory: {cat}")
        out.append((cat, int(s.get("associationTypeId", 0))))
    return out


def _check_types(t: str, to: str, specs: list[tuple[str, int]]) -> None:
    valid = set(schema.ASSOCIATION_TYPES.get((t, to), ()))
    user = schema.USER_DEFINED_TYPES.get((t, to))
    for cat, tid in specs:
        ok = tid in valid if cat == "HUBSPOT_DEFINED" else (user is not None and tid == user[0])
        if not ok:
            raise errors.validation(f"{tid} is not a valid association type id between {t} and {to}",
                                    sub_category="crm-associations.INVALID_ASSOCIATION_TYPE")


@bp.put("/crm/v4/objects/<otype>/<oid>/associations/<to_type>/<to_id>")
def create_labelled(otype: str, oid: str, to_type: str, to_id: str):
    t, to = otype_or_404(otype), otype_or_404(to_type)
    specs = _specs(request.get_json(silent=True))
    _check_types(t, to, specs)
    _require(t, oid)
    _require(to, to_id)
    g.portal.associate(t, oid, to, to_id, specs, source="API", source_id=g.source_id)
    return jsonify(_pair(t, oid, to, to_id))


@bp.delete("/crm/v4/objects/<otype>/<oid>/associations/<to_type>/<to_id>")
def delete_association(otype: str, oid: str, to_type: str, to_id: str):
    t, to = otype_or_404(otype), otype_or_404(to_type)
    g.portal.dissociate(t, oid, to, to_id, source="API", source_id=g.source_id)
    return "", 204


@bp.post("/crm/v4/associations/<from_type>/<to_type>/batch/read")
def batch_read(from_type: str, to_type: str):
    t, to = otype_or_404(from_type), otype_or_404(to_type)
    inputs = body_json().get("inputs") or []
    if len(inputs) > BATCH_READ_LIMIT:
        raise errors.validation(f"Too many inputs: {len(inputs)}, the maximum is {BATCH_READ_LIMIT}")
    started = iso(now_utc())
    results, errs = [], []
    for item in inputs:
        oid = str(item.get("id"))
        links = g.portal.associations(t, oid, to) if g.portal.get(t, oid) else {}
        if not links:
            errs.append({"status": "error", "category": "OBJECT_NOT_FOUND", "subCategory": "crm-associations.NO_ASSOCIATIONS_FOUND",
                         "message": f"No {schema.SINGULAR[to]} is associated with {schema.SINGULAR[t]} {oid}.",
                         "context": {"fromObjectId": [oid]}, "errors": [], "links": {}})
            continue
        results.append({"from": {"id": oid}, "to": [
            {"toObjectId": int(tid), "associationTypes": _types_json(t, to, types)} for tid, types in links.items()]})
    body: dict[str, Any] = {"status": "COMPLETE", "results": results}
    if errs:
        body.update(numErrors=len(errs), errors=errs)
    body.update(startedAt=started, completedAt=iso(now_utc()))
    return jsonify(body), 207 if errs else 200


@bp.post("/crm/v4/associations/<from_type>/<to_type>/batch/create")
def batch_create(from_type: str, to_type: str):
    t, to = otype_or_404(from_type), otype_or_404(to_type)
    started = iso(now_utc())
    results = []
    for item in body_json().get("inputs") or []:
        oid, to_id = str(item["from"]["id"]), str(item["to"]["id"])
        specs = _specs(item.get("types"))
        _check_types(t, to, specs)
        _require(t, oid)
        _require(to, to_id)
        g.portal.associate(t, oid, to, to_id, specs, source="API", source_id=g.source_id)
        results.append(_pair(t, oid, to, to_id))
    return jsonify({"status": "COMPLETE", "results": results, "startedAt": started, "completedAt": iso(now_utc())}), 201


@bp.post("/crm/v4/associations/<from_type>/<to_type>/batch/associate/default")
def batch_default(from_type: str, to_type: str):
    t, to = otype_or_404(from_type), otype_or_404(to_type)
    started = iso(now_utc())
    results = []
    for item in body_json().get("inputs") or []:
        oid, to_id = str(item["from"]["id"]), str(item["to"]["id"])
        _require(t, oid)
        _require(to, to_id)
        results += _default_results(t, oid, to, to_id)
    return jsonify({"status": "COMPLETE", "results": results, "startedAt": started, "completedAt": iso(now_utc())})


@bp.post("/crm/v4/associations/<from_type>/<to_type>/batch/archive")
def batch_archive(from_type: str, to_type: str):
    t, to = otype_or_404(from_type), otype_or_404(to_type)
    for item in body_json().get("inputs") or []:
        for target in item.get("to") or []:
            g.portal.dissociate(t, str(item["from"]["id"]), to, str(target["id"]), source="API", source_id=g.source_id)
    return "", 204


@bp.get("/crm/v4/associations/<from_type>/<to_type>/labels")
def labels(from_type: str, to_type: str):
    t, to = otype_or_404(from_type), otype_or_404(to_type)
    out = []
    unlabeled, primary = schema.ASSOCIATION_TYPES.get((t, to), (None, None))
    if primary is not None:
        out.append({"category": "HUBSPOT_DEFINED", "typeId": primary, "label": "Primary"})
    if unlabeled is not None:
        out.append({"category": "HUBSPOT_DEFINED", "typeId": unlabeled, "label": None})
    if (t, to) in schema.USER_DEFINED_TYPES:
        tid, lbl = schema.USER_DEFINED_TYPES[(t, to)]
        out.append({"category": "USER_DEFINED", "typeId": tid, "label": lbl})
    return jsonify({"results": out})
