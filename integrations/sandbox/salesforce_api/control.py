"""Control API of the Salesforce sandbox (`/_sandbox/...`, not Salesforce): tests and the demo."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from .seed import UNCONVERTED_STATUS, LeadConversionError
from .state import EXTENSION, Sandbox

bp = Blueprint("sf_control", __name__, url_prefix="/_sandbox")


def sb() -> Sandbox:
    return current_app.extensions[EXTENSION]


def _org_id(body: dict[str, Any]) -> str:
    return str(body.get("orgId") or sb().config.org_ids[0])


@bp.get("/health")
def health() -> Any:
    s = sb()
    return jsonify({"seed": s.config.seed, "orgs": list(s.orgs), "client_id": s.config.client_id})


@bp.get("/stats")
def stats() -> Any:
    return jsonify(sb().stats_dict())


@bp.post("/stats/reset")
def stats_reset() -> Any:
    s = sb()
    from .state import Stats
    with s.lock:
        s.stats = Stats()
    return jsonify({"ok": True})


@bp.route("/faults", methods=["GET", "POST"])
def faults() -> Any:
    s = sb()
    body = request.get_json(silent=True) or {}
    with s.lock:
        for k, v in body.items():
            if not hasattr(s.faults, k):
                return jsonify({"error": f"unknown fault {k!r}"}), 400
            setattr(s.faults, k, type(getattr(s.faults, k))(v))
        return jsonify(dataclasses.asdict(s.faults))


@bp.post("/faults/profile")
def fault_profile() -> Any:
    """Switch on named fault profiles (FAULT_PROFILES); 400 naming unknown ones."""
    from .state import FAULT_PROFILES

    s = sb()
    names = (request.get_json(silent=True) or {}).get("faults") or []
    unknown = [n for n in names if n not in FAULT_PROFILES]
    if unknown:
        return jsonify({"error": f"unknown fault(s) {', '.join(unknown)}; known: {', '.join(sorted(FAULT_PROFILES))}"}), 400
    with s.lock:
        for n in names:
            for k, v in FAULT_PROFILES[n].items():
                setattr(s.faults, k, v)
        return jsonify(dataclasses.asdict(s.faults))


@bp.post("/counters/mark")
def counters_mark() -> Any:
    """Start counting the app's requests from here (the demo's scripted changes)."""
    s = sb()
    with s.lock:
        s.app_requests_mark = s.stats.app_requests
    return jsonify({"app_requests": s.stats.app_requests})


@bp.get("/counters")
def counters() -> Any:
    """App requests since the mark, and the duplicates the org holds (open app tasks beyond one per
    record, notes beyond one per enrichment)."""
    s = sb()
    with s.lock:
        since = s.stats.app_requests - s.app_requests_mark
    return jsonify({"app_requests_since_mark": since, "app_requests": s.stats.app_requests,
                    "duplicate_tasks": s.duplicate_tasks(), "duplicate_notes": s.duplicate_notes()})


@bp.post("/tokens")
def tokens() -> Any:
    body = request.get_json(silent=True) or {}
    return jsonify(sb().mint(_org_id(body), ttl=body.get("ttl", -1.0)))


@bp.post("/sessions/expire")
def expire() -> Any:
    body = request.get_json(silent=True) or {}
    return jsonify({"expired": sb().expire_sessions(body.get("orgId"))})


@bp.post("/orgs/<org_id>/endpoints")
def endpoints(org_id: str) -> Any:
    """Point an org's Outbound Message and/or callout (Named Credential) at a receiver."""
    st = sb().orgs[org_id]
    body = request.get_json(silent=True) or {}
    for k in ("outbound_url", "callout_url", "callout_secret"):
        if k in body:
            setattr(st, k, body[k])
    return jsonify({"outbound_url": st.outbound_url, "callout_url": st.callout_url})


@bp.post("/orgs/<org_id>/uninstall")
def uninstall(org_id: str) -> Any:
    st = sb().orgs[org_id]
    st.installed = False
    return jsonify({"ok": True})


@bp.post("/orgs/<org_id>/package")
def package(org_id: str) -> Any:
    body = request.get_json(silent=True) or {}
    sb().orgs[org_id].org.package_deployed = bool(body.get("deployed", True))
    return jsonify({"deployed": sb().orgs[org_id].org.package_deployed})


@bp.post("/orgs/<org_id>/fields")
def custom_field(org_id: str) -> Any:
    """Add a custom field to an sObject, as an admin does in Setup › Object Manager › Fields."""
    body = request.get_json(silent=True) or {}
    try:
        spec = sb().orgs[org_id].org.add_custom_field(str(body.get("sobject") or ""), str(body.get("name") or ""),
                                                      str(body.get("type") or "string"), label=body.get("label"),
                                                      picklist=tuple(body.get("picklist") or ()))
    except ValueError as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify(spec)


@bp.post("/ui-change")
def ui_change() -> Any:
    """Edit (or create, with no id) a record as the record's owner would in Lightning."""
    body = request.get_json(silent=True) or {}
    st = sb().orgs[_org_id(body)]
    t, rid, values = body.get("sobject", "Opportunity"), body.get("id"), body.get("fields") or {}
    if rid:
        rec = st.org.get(t, rid)
        if rec is None:
            return jsonify({"error": "not found"}), 404
        if t == "Lead" and rec.get("IsConverted"):  # Lightning opens a converted lead read-only
            return jsonify({"error": "CANNOT_UPDATE_CONVERTED_LEAD: cannot reference converted lead"}), 400
        changed = st.org.update(t, rid, values, user_id=rec.get("OwnerId"))
        return jsonify({"id": rid, "changed": list(changed)})
    return jsonify({"id": st.org.create(t, values)})


@bp.post("/rep-changes")
def rep_changes() -> Any:
    body = request.get_json(silent=True) or {}
    st = sb().orgs[_org_id(body)]
    return jsonify({"ids": st.bridge.rep_changes(int(body.get("count", 1)), int(body.get("seed", 0)))})


@bp.post("/advance")
def advance() -> Any:
    body = request.get_json(silent=True) or {}
    st = sb().orgs[_org_id(body)]
    return jsonify({"events": st.bridge.advance(int(body.get("days", 1)))})


@bp.post("/leads/<lead_id>/convert")
def convert_lead(lead_id: str) -> Any:
    """Convert a lead as convertLead does (`{"opportunity": false}`: without an Opportunity)."""
    body = request.get_json(silent=True) or {}
    st = sb().orgs[_org_id(body)]
    try:
        return jsonify(st.bridge.convert_lead(lead_id, opportunity=bool(body.get("opportunity", True))))
    except LeadConversionError as exc:
        return jsonify({"error": str(exc)}), 400


@bp.post("/leads/<lead_id>/close")
def close_lead(lead_id: str) -> Any:
    """Close a lead unconverted (Status "Closed - Not Converted", or the body's `status`)."""
    body = request.get_json(silent=True) or {}
    st = sb().orgs[_org_id(body)]
    try:
        st.bridge.close_lead(lead_id, status=str(body.get("status") or UNCONVERTED_STATUS))
    except LeadConversionError as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify({"id": lead_id, "status": st.org.records["Lead"][lead_id]["Status"]})


@bp.get("/store/<sobject>")
def store_all(sobject: str) -> Any:
    org_id = request.args.get("orgId") or sb().config.org_ids[0]
    recs = sb().orgs[org_id].org.records.get(sobject)
    if recs is None:
        return jsonify({"error": "unknown sobject"}), 404
    return jsonify({"results": [r for r in recs.values() if not r.get("IsDeleted")]})


@bp.get("/store/<sobject>/<rid>")
def store_one(sobject: str, rid: str) -> Any:
    org_id = request.args.get("orgId") or sb().config.org_ids[0]
    rec = sb().orgs[org_id].org.get(sobject, rid)
    return (jsonify(rec), 200) if rec else (jsonify({"error": "not found"}), 404)


@bp.get("/outbound/log")
def outbound_log() -> Any:
    return jsonify({"results": list(sb().sender.log)})


@bp.post("/outbound/flush")
def outbound_flush() -> Any:
    body = request.get_json(silent=True) or {}
    return jsonify({"idle": sb().sender.flush(float(body.get("timeout", 10)))})


@bp.get("/truth/<org_id>/<opp_id>")
def truth(org_id: str, opp_id: str) -> Any:
    st = sb().orgs[org_id]
    key = st.bridge.deal_keys.get(opp_id)
    if key is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(st.market.truth(key))


@bp.get("/lead-truth/<org_id>")
def lead_truth(org_id: str) -> Any:
    """Every lead's hidden chance to convert (lead id -> p): what a lead score is measured against."""
    return jsonify(sb().orgs[org_id].bridge.lead_truth)


def not_found(_: Any) -> Response:
    return Response('[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]',
                    status=404, mimetype="application/json")
