"""Schema-ish routes: properties and property groups, pipelines, owners, account details.

Property creation validates the type/fieldType pairs HubSpot accepts (hubspot-api-facts.md
§3.2) and answers 409 when the name is taken, which is what `ensure_output_fields` relies on.
"""

from __future__ import annotations

import copy
from typing import Any

from flask import Blueprint, g, jsonify, request

from . import errors, schema
from .objects import body_json, otype_or_404
from .store import iso, now_utc

bp = Blueprint("hs_meta", __name__)

VALID_FIELD_TYPES = {
    "bool": {"booleancheckbox", "calculation_equation"},
    "enumeration": {"booleancheckbox", "checkbox", "radio", "select", "calculation_equation"},
    "date": {"date"}, "datetime": {"date"},
    "string": {"text", "textarea", "html", "phonenumber", "file", "calculation_equation"},
    "number": {"number", "calculation_equation"},
}


# --- properties -------------------------------------------------------------------------------
@bp.get("/crm/v3/properties/<otype>")
def list_properties(otype: str):
    t = otype_or_404(otype)
    archived = request.args.get("archived", "false") == "true"
    wanted = {p for p in request.args.get("properties", "").split(",") if p}
    results = [copy.deepcopy(p) for p in g.portal.properties[t].values()
               if not archived and (not wanted or p["name"] in wanted)]
    return jsonify({"results": results})


@bp.get("/crm/v3/properties/<otype>/<name>")
def get_property(otype: str, name: str):
    t = otype_or_404(otype)
    prop = g.portal.properties[t].get(name)
    if prop is None:
        raise errors.not_found(f"Unable to find property {name} on object type {schema.OBJECT_TYPE_IDS[t]}")
    return jsonify(prop)


def _validate_property(t: str, data: dict[str, Any]) -> None:
    missing = [k for k in ("name", "label", "type", "fieldType", "groupName") if not data.get(k)]
    if missing:
        raise errors.validation(f"Missing required field(s): {', '.join(missing)}",
                                errors=[{"message": f"{k} is required", "code": "REQUIRED_FIELD",
                                         "in": k} for k in missing])
    if data["fieldType"] not in VALID_FIELD_TYPES.get(data["type"], set()):
        raise errors.validation(
            f"Property type {data['type']} is not compatible with fieldType {data['fieldType']}",
            sub_category="PropertyValidationError.INVALID_FIELD_TYPE_FOR_PROPERTY_TYPE")
    if data["groupName"] not in g.portal.groups[t]:
        raise errors.validation(f"Property group {data['groupName']} does not exist",
                                sub_category="PropertyValidationError.PROPERTY_GROUP_NOT_FOUND")


@bp.post("/crm/v3/properties/<otype>")
def create_property(otype: str):
    t = otype_or_404(otype)
    data = body_json()
    _validate_property(t, data)
    if data["name"] in g.portal.properties[t]:
        raise errors.conflict(f"Property named '{data['name']}' already exists.")
    return jsonify(g.portal.define_property(t, data)), 201


@bp.patch("/crm/v3/properties/<otype>/<name>")
def update_property(otype: str, name: str):
    t = otype_or_404(otype)
    prop = g.portal.properties[t].get(name)
    if prop is None:
        raise errors.not_found(f"Unable to find property {name}")
    data = body_json()
    for key in ("label", "description", "groupName", "options", "displayOrder", "hidden", "formField"):
        if key in data:
            prop[key] = data[key]
    prop["updatedAt"] = iso(now_utc())
    return jsonify(prop)


@bp.post("/crm/v3/properties/<otype>/batch/create")
def batch_create_properties(otype: str):
    t = otype_or_404(otype)
    inputs = body_json().get("inputs") or []
    started = iso(now_utc())
    results, errs = [], []
    for data in inputs:
        _validate_property(t, data)
        if data["name"] in g.portal.properties[t]:
            errs.append({"status": "error", "category": "OBJECT_ALREADY_EXISTS",
                         "message": f"Property named '{data['name']}' already exists.",
                         "context": {"name": [data["name"]]}, "errors": [], "links": {}})
            continue
        results.append(g.portal.define_property(t, data))
    body: dict[str, Any] = {"status": "COMPLETE", "results": results}
    if errs:
        body.update(numErrors=len(errs), errors=errs)
    body.update(startedAt=started, completedAt=iso(now_utc()))
    return jsonify(body), 207 if errs else 201


@bp.post("/crm/v3/properties/<otype>/batch/read")
def batch_read_properties(otype: str):
    t = otype_or_404(otype)
    names = [i.get("name") for i in body_json().get("inputs") or []]
    stamp = iso(now_utc())
    results = [g.portal.properties[t][n] for n in names if n in g.portal.properties[t]]
    return jsonify({"status": "COMPLETE", "results": results, "startedAt": stamp, "completedAt": stamp})


@bp.get("/crm/v3/properties/<otype>/groups")
def list_groups(otype: str):
    t = otype_or_404(otype)
    return jsonify({"results": list(g.portal.groups[t].values())})


@bp.get("/crm/v3/properties/<otype>/groups/<name>")
def get_group(otype: str, name: str):
    t = otype_or_404(otype)
    grp = g.portal.groups[t].get(name)
    if grp is None:
        raise errors.not_found(f"Unable to find property group {name}")
    return jsonify(grp)


@bp.post("/crm/v3/properties/<otype>/groups")
def create_group(otype: str):
    t = otype_or_404(otype)
    data = body_json()
    if not data.get("name") or not data.get("label"):
        raise errors.validation("Property group requires name and label")
    if data["name"] in g.portal.groups[t]:
        raise errors.conflict(f"A property group named '{data['name']}' already exists.")
    grp = {"name": data["name"], "label": data["label"], "displayOrder": int(data.get("displayOrder", -1)),
           "archived": False}
    g.portal.groups[t][grp["name"]] = grp
    return jsonify(grp), 201


# --- pipelines --------------------------------------------------------------------------------
def _pipelines(otype: str) -> list[dict[str, Any]]:
    t = otype_or_404(otype)
    if t not in g.portal.pipelines:
        raise errors.validation(f"Object type {otype} does not support pipelines")
    return g.portal.pipelines[t]


@bp.get("/crm/v3/pipelines/<otype>")
def list_pipelines(otype: str):
    return jsonify({"results": copy.deepcopy(_pipelines(otype))})


@bp.get("/crm/v3/pipelines/<otype>/<pipeline_id>")
def get_pipeline(otype: str, pipeline_id: str):
    for p in _pipelines(otype):
        if p["id"] == pipeline_id:
            return jsonify(p)
    raise errors.not_found(f"Unable to find pipeline {pipeline_id}")


@bp.get("/crm/v3/pipelines/<otype>/<pipeline_id>/stages")
def list_stages(otype: str, pipeline_id: str):
    for p in _pipelines(otype):
        if p["id"] == pipeline_id:
            return jsonify({"results": p["stages"]})
    raise errors.not_found(f"Unable to find pipeline {pipeline_id}")


# --- owners and account -----------------------------------------------------------------------
@bp.get("/crm/v3/owners/")
@bp.get("/crm/v3/owners")
def list_owners():
    owners = [o for o in g.portal.owners if o["archived"] == (request.args.get("archived") == "true")]
    email = request.args.get("email")
    if email:
        owners = [o for o in owners if o["email"].lower() == email.lower()]
    limit = max(1, min(int(request.args.get("limit", 100)), 500))
    after = int(request.args.get("after") or 0)
    page = owners[after:after + limit]
    body: dict[str, Any] = {"results": page}
    if after + limit < len(owners):
        body["paging"] = {"next": {"after": str(after + limit)}}
    return jsonify(body)


@bp.get("/crm/v3/owners/<owner_id>")
def get_owner(owner_id: str):
    by_user = request.args.get("idProperty") == "userId"
    for o in g.portal.owners:
        if (str(o["userId"]) if by_user else o["id"]) == owner_id:
            return jsonify(o)
    raise errors.not_found(f"Unable to find owner {owner_id}")


@bp.get("/account-info/v3/details")
def account_details():
    return jsonify({"portalId": g.portal.hub_id, "accountType": "STANDARD", "timeZone": "US/Eastern",
                    "companyCurrency": "USD", "additionalCurrencies": ["EUR", "GBP"], "utcOffset": "-05:00",
                    "utcOffsetMilliseconds": -18000000, "uiDomain": "app.hubspot.com", "dataHostingLocation": "na1"})
