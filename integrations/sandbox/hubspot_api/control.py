"""The sandbox's own control API under `/_sandbox/` (never a HubSpot path).

Tests and the demo use it to reset or advance the market, make changes "as a rep in the UI"
(changeSource CRM_UI, so they arrive as webhooks), switch faults, read the webhook log and
counters, read the store directly (to verify writes independently of the API under test),
and read the hidden truth for benchmarks. The truth is only reachable here.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, request

from . import duplicates, errors, records, schema, simulation
from .state import Sandbox, current
from .store import Portal

bp = Blueprint("hs_control", __name__, url_prefix="/_sandbox")


@bp.before_request
def _check_token() -> None:
    token = current().config.control_token
    if token and request.headers.get("X-Sandbox-Token") != token:
        abort(403)


def _data() -> dict[str, Any]:
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else {}


def _portal(sb: Sandbox, data: dict[str, Any] | None = None) -> Portal:
    raw = (data or {}).get("portalId") or request.args.get("portalId")
    try:
        return sb.portal(int(raw) if raw else None)
    except (KeyError, ValueError):
        raise errors.not_found(f"no portal {raw}") from None


@bp.get("/health")
def health():
    sb = current()
    return jsonify({"status": "ok", "seed": sb.config.seed, "portals": list(sb.portals), "appId": sb.config.app_id,
                    "webhookTarget": sb.webhooks.subs.target_url})


@bp.post("/reset")
def reset():
    sb = current()
    data = _data()
    sizes = {k: int(data[k]) for k in ("n_companies", "n_owners", "n_open_deals", "n_closed_deals") if k in data}
    sb.reset(data.get("seed"), **sizes)
    return jsonify({"seed": sb.config.seed, "portals": {h: _counts(p) for h, p in sb.portals.items()}})


def _counts(p: Portal) -> dict[str, int]:
    return {t: sum(not o.archived for o in objs.values()) for t, objs in p.objects.items() if objs}


@bp.post("/advance")
def advance():
    sb = current()
    data = _data()
    p = _portal(sb, data)
    with sb.lock:
        counts = simulation.advance(sb.bridges[p.hub_id], int(data.get("days", 1)))
    return jsonify({"portalId": p.hub_id, "now": sb.markets[p.hub_id].now.isoformat(), "events": counts})


@bp.post("/ui-change")
def ui_change():
    """Body: {objectType, id?, properties, portalId?, userId?}; no id creates a record."""
    sb = current()
    data = _data()
    p = _portal(sb, data)
    otype = schema.canonical_type(str(data.get("objectType", "deals")))
    if otype is None:
        raise errors.validation("unknown objectType")
    props = records.normalise(p, otype, data.get("properties") or {}, creating=not data.get("id"))
    user = data.get("userId") or (p.owners[0]["userId"] if p.owners else 1)
    src = f"userId:{user}"
    if data.get("id"):
        if p.get(otype, str(data["id"])) is None:
            raise errors.not_found()
        obj = p.write(otype, str(data["id"]), props, source="CRM_UI", source_id=src)
    else:
        obj = p.create(otype, {k: v for k, v in props.items() if v != ""}, source="CRM_UI", source_id=src)
    return jsonify(records.render(p, otype, obj, list(obj.properties)))


@bp.post("/unsubscribe")
def unsubscribe():
    """Body: {contactId, portalId?}: the contact unsubscribes from all email (read-only `hs_email_optout`)."""
    p, cid = _portal(current(), _data()), str(_data().get("contactId") or "")
    if p.get("contacts", cid) is None:
        raise errors.not_found(f"no contact {cid}")
    obj = p.write("contacts", cid, {"hs_email_optout": "true"}, source="EMAIL", source_id="unsubscribe")
    return jsonify(records.render(p, "contacts", obj, ["hs_email_optout"]))


@bp.post("/ui-associate")
def ui_associate():
    """Body: {fromType, fromId, toType, toId, remove?, primary?}: a rep links or unlinks records."""
    sb = current()
    data = _data()
    p = _portal(sb, data)
    f, t = schema.canonical_type(str(data.get("fromType"))), schema.canonical_type(str(data.get("toType")))
    if f is None or t is None or (f, t) not in schema.ASSOCIATION_TYPES:
        raise errors.validation("unknown or unassociable object types")
    fid, tid = str(data.get("fromId")), str(data.get("toId"))
    if p.get(f, fid) is None or p.get(t, tid) is None:
        raise errors.not_found()
    user = f"userId:{p.owners[0]['userId']}" if p.owners else None
    if data.get("remove"):
        p.dissociate(f, fid, t, tid, source="CRM_UI", source_id=user)
    else:
        unlabeled, primary = schema.ASSOCIATION_TYPES[(f, t)]
        types = [("HUBSPOT_DEFINED", unlabeled)]
        if data.get("primary") and primary is not None:
            types.insert(0, ("HUBSPOT_DEFINED", primary))
        p.associate(f, fid, t, tid, types, source="CRM_UI", source_id=user)
    return jsonify({"from": fid, "to": tid, "removed": bool(data.get("remove"))})


@bp.post("/restore")
def restore():
    """Body: {objectType, id}: restore a record from the recycle bin, as in HubSpot's UI."""
    sb = current()
    data = _data()
    p = _portal(sb, data)
    otype = schema.canonical_type(str(data.get("objectType", "deals")))
    if otype is None or not p.restore(otype, str(data.get("id", "")), source="CRM_UI", source_id=None):
        raise errors.not_found("nothing to restore")
    return jsonify({"restored": str(data["id"])})


@bp.post("/privacy-delete")
def privacy_delete():
    """Body: {id, portalId?}: a GDPR deletion of a contact requested in HubSpot's UI."""
    sb = current()
    data = _data()
    p = _portal(sb, data)
    if not p.purge("contacts", str(data.get("id", "")), source="CRM_UI", source_id=None):
        raise errors.not_found()
    return jsonify({"deleted": str(data["id"])})


@bp.post("/rep-changes")
def rep_changes():
    """Body: {count, portalId?}: random realistic edits to open deals by their owners."""
    sb = current()
    data = _data()
    p = _portal(sb, data)
    b = sb.bridges[p.hub_id]
    changes = simulation.rep_changes(b, int(data.get("count", 1)))
    return jsonify({"changes": changes})


@bp.get("/faults")
def get_faults():
    return jsonify(current().limiter.faults.as_dict())


@bp.post("/faults")
def set_faults():
    sb = current()
    try:
        sb.limiter.faults.update(_data())
    except (KeyError, ValueError) as exc:
        raise errors.validation(f"unknown or invalid fault flag: {exc}") from None
    return jsonify(sb.limiter.faults.as_dict())


@bp.post("/faults/profile")
def set_fault_profile():
    """Body: {"faults": ["ambiguous-writes", "429-bursts", "5xx"]} (or a comma string): switch
    on the named fault sets (`limits.FAULT_PROFILES`); an empty list switches them all off."""
    sb = current()
    names = _data().get("faults") or []
    try:
        apply_fault_profile(sb, names)
    except ValueError as exc:
        raise errors.validation(str(exc)) from None
    return jsonify(sb.limiter.faults.as_dict())


def apply_fault_profile(sb: Sandbox, names: list[str] | str) -> dict[str, Any]:
    """Reset every fault of FAULT_PROFILES to off, then switch on the named ones.

    Raises:
        ValueError: an unknown fault name.
    """
    from .limits import FAULT_PROFILES, Faults, fault_values

    values = fault_values(names)
    defaults = Faults()
    off = {k: getattr(defaults, k) for profile in FAULT_PROFILES.values() for k in profile}
    sb.limiter.faults.update({**off, **values})
    return values


@bp.post("/counters/mark")
def counters_mark():
    """Remember the app's request count now; `GET /counters` reports requests since."""
    sb = current()
    with sb.limiter.lock:
        sb.limiter.mark = _app_requests(sb)
    return jsonify(counters_of(sb))


@bp.get("/counters")
def counters():
    """What the demo summary reports, counted here rather than by the app under test."""
    return jsonify(counters_of(current()))


def _app_requests(sb: Sandbox) -> int:
    served = sb.limiter.served
    return sum(n for k, n in served.items() if k.startswith("requests:") and k.endswith(":oauth"))


def counters_of(sb: Sandbox) -> dict[str, Any]:
    """Requests by the app (total, since the mark) and the duplicates the app wrote."""
    served = sb.limiter.served
    total = _app_requests(sb)
    dup_tasks = dup_notes = 0
    with sb.lock:
        for p in sb.portals.values():
            t, n = duplicates.count(p, sb.config.app_marker)
            dup_tasks += t
            dup_notes += n
    return {"app_requests": total, "app_requests_since_mark": total - getattr(sb.limiter, "mark", 0),
            "rate_limited": served["429"], "server_errors": served["5xx"],
            "ambiguous_writes": served["ambiguous_writes"], "duplicate_tasks": dup_tasks,
            "duplicate_notes": dup_notes}


@bp.post("/config")
def set_config():
    """Change limits at runtime: access_token_ttl, rate_limit, rate_window_ms, search_per_second."""
    sb = current()
    data = _data()
    if "access_token_ttl" in data:
        sb.config.access_token_ttl = int(data["access_token_ttl"])
    if "rate_limit" in data:
        sb.limiter.limit = sb.config.rate_limit = int(data["rate_limit"])
    if "rate_window_ms" in data:
        sb.config.rate_window_ms = int(data["rate_window_ms"])
        sb.limiter.window = sb.config.rate_window_ms / 1000.0
    if "search_per_second" in data:
        sb.limiter.search_per_second = sb.config.search_per_second = int(data["search_per_second"])
    if "webhook_url" in data:
        sb.webhooks.set_target(data["webhook_url"])
    return jsonify({"access_token_ttl": sb.config.access_token_ttl, "rate_limit": sb.limiter.limit,
                    "rate_window_ms": int(sb.limiter.window * 1000), "search_per_second": sb.limiter.search_per_second,
                    "webhook_url": sb.webhooks.subs.target_url})


@bp.post("/limits/reset")
def reset_limits():
    """Empty the rolling rate-limit windows and the served counters (between tests)."""
    sb = current()
    with sb.limiter.lock:
        sb.limiter.hits.clear()
        sb.limiter.served.clear()
        sb.limiter.mark = 0
    return jsonify({"rate_limit": sb.limiter.limit, "rate_window_ms": int(sb.limiter.window * 1000)})


@bp.get("/webhooks/log")
def webhook_log():
    limit = int(request.args.get("limit", 1000))
    return jsonify({"deliveries": list(current().webhooks.log)[-limit:]})


@bp.get("/webhooks/stats")
def webhook_stats():
    return jsonify(dict(current().webhooks.stats))


@bp.post("/webhooks/flush")
def webhook_flush():
    sb = current()
    done = sb.webhooks.flush(float(_data().get("timeout", 10)))
    return jsonify({"idle": done, **sb.webhooks.stats})


@bp.get("/stats")
def stats():
    sb = current()
    served = sb.limiter.served
    return jsonify({"requests": served["requests"], "rate_limited": served["429"],
                    "rate_limited_ten_secondly": served["429_ten_secondly"], "rate_limited_search": served["429_search"],
                    "server_errors": served["5xx"], "token_refreshes": sb.tokens.refreshes,
                    "token_exchanges": sb.tokens.exchanges, "installed": sorted(sb.installed),
                    "webhooks": dict(sb.webhooks.stats)})


@bp.get("/store/<otype>")
def store_list(otype: str):
    sb = current()
    t = schema.canonical_type(otype) or abort(404)
    return jsonify({"results": _portal(sb).snapshot(t)})


@bp.get("/store/<otype>/<oid>")
def store_get(otype: str, oid: str):
    sb = current()
    p = _portal(sb)
    t = schema.canonical_type(otype) or abort(404)
    obj = p.objects[t].get(oid) or abort(404)
    assoc = {to: {tid: [list(x) for x in types] for tid, types in p.associations(t, oid, to).items()}
             for to in schema.OBJECT_TYPE_IDS if p.associations(t, oid, to)}
    return jsonify({"id": obj.id, "archived": obj.archived, "properties": obj.properties,
                    "history": {n: obj.history_of(n) for n in {**obj.properties, **obj.history}},
                    "associations": assoc})


@bp.get("/truth/deals")
def truth_deals():
    """Every market deal: HubSpot id -> p_win, outcome, segment (?open=true for open ones only)."""
    sb = current()
    p = _portal(sb)
    m, b = sb.markets[p.hub_id], sb.bridges[p.hub_id]
    only_open = request.args.get("open") == "true"
    out = {}
    for hs_id, key in b.deal_keys.items():
        d = m.deals[key]
        if only_open and not d.is_open:
            continue
        out[hs_id] = {"p_win": m.p_win(key), "outcome": None if d.is_open else ("won" if d.stage == "closedwon" else "lost"),
                      "segment": m.companies[d.company].segment, "discount": d.discount}
    return jsonify({"deals": out})


@bp.get("/truth/effects")
def truth_effects():
    """The portal's strategy-effect table (fixed, or drawn for its seed with `drawn_effects`)."""
    sb = current()
    return jsonify(sb.markets[_portal(sb).hub_id].effects.describe())


@bp.get("/truth/deals/<oid>")
def truth_deal(oid: str):
    sb = current()
    p = _portal(sb)
    key = sb.bridges[p.hub_id].deal_keys.get(oid)
    if key is None:
        raise errors.not_found(f"deal {oid} is not part of the simulated market")
    return jsonify(sb.markets[p.hub_id].truth(key))


@bp.get("/truth/companies/<oid>")
def truth_company(oid: str):
    sb = current()
    p = _portal(sb)
    b = sb.bridges[p.hub_id]
    key = next((k for k, v in b.ids["companies"].items() if v == oid), None)
    if key is None:
        raise errors.not_found(f"company {oid} is not part of the simulated market")
    return jsonify({"company": key, "churn_12m": sb.markets[p.hub_id].churn_truth(key),
                    "churned": sb.markets[p.hub_id].companies[key].churned_at is not None})


@bp.post("/tokens")
def mint_token():
    """Mint an OAuth token pair for a portal without the browser dance (tests only)."""
    sb = current()
    data = _data()
    p = _portal(sb, data)
    ttl = int(data.get("ttl", sb.config.access_token_ttl))
    scopes = tuple(data["scopes"]) if isinstance(data.get("scopes"), list) else tuple(sb.config.scopes)
    if sb.limiter.faults.withhold_email_scope:
        scopes = tuple(s for s in scopes if s != "sales-email-read")
    access, refresh = sb.tokens.mint(sb.grant_for(p.hub_id, scopes), ttl)
    sb.installed.add(p.hub_id)
    return jsonify({"token_type": "bearer", "refresh_token": refresh, "access_token": access,
                    "hub_id": p.hub_id, "scopes": list(scopes), "expires_in": ttl})


@bp.post("/portals/<int:hub_id>/uninstall")
def uninstall(hub_id: int):
    sb = current()
    sb.tokens.revoke_portal(hub_id)
    sb.installed.discard(hub_id)
    return jsonify({"portalId": hub_id, "installed": False})
