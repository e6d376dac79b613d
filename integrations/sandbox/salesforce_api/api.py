"""Salesforce REST API paths the adapter uses, under /services/data/vNN.N/.

Every response carries `Sforce-Limit-Info: api-usage=N/M`; errors are Salesforce's JSON arrays
`[{"message", "errorCode", "fields"}]`; collections answer 200 with per-record results whose
errors carry `statusCode`. Writes made with `Sforce-Call-Options: client=<id>` are recorded with
that origin (CDC's changeOrigin), so the change hooks can tell the app's own echoes.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from typing import Any

from flask import Blueprint, Response, current_app, g, request

from . import schema, soql
from .org import Org
from .state import EXTENSION, OrgState, Sandbox

bp = Blueprint("sf_api", __name__)

COLLECTION_MAX = 200
QUERY_BATCH = 2000
QUERY_LOCATOR_TTL = 900.0


def sb() -> Sandbox:
    return current_app.extensions[EXTENSION]


def sf_error(status: int, code: str, message: str, fields: list[str] | None = None) -> Response:
    body = [{"message": message, "errorCode": code, **({"fields": fields} if fields is not None else {})}]
    return Response(json.dumps(body), status=status, mimetype="application/json")


def js(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")


def base(version: str) -> str:
    return f"/services/data/v{version}"


@bp.before_request
def guard() -> Response | None:
    s = sb()
    with s.lock:
        s.stats.requests += 1
    version = (request.view_args or {}).get("version")
    if version is not None and version not in s.config.api_versions:
        return sf_error(404, "NOT_FOUND", "The requested resource does not exist")
    auth = request.headers.get("Authorization", "")
    access = auth[7:] if auth.lower().startswith("bearer ") else None
    with s.lock:
        if s.faults.expire_at_request > 0:
            s.faults.expire_at_request -= 1
            hit = s.tokens.get(access or "")
            if s.faults.expire_at_request == 0 and hit is not None:
                s.expire_sessions(hit.org_id)
    tok = s.session(access)
    if tok is None:
        with s.lock:
            s.stats.invalid_session += 1
        return sf_error(401, "INVALID_SESSION_ID", "Session expired or invalid")
    st = s.org(tok.org_id)
    g.org_state, g.token = st, tok
    origin = request.headers.get("Sforce-Call-Options", "")
    g.origin = next((p.strip() for p in origin.split(",") if p.strip().startswith("client=")), None)
    f = s.faults
    if f.latency_ms:
        time.sleep(f.latency_ms / 1000)
    with s.lock:
        s.stats.api_requests += 1
        s.stats.app_requests += tok.app
        if f.limit_storm > 0 or (f.limit_403_rate and s.rng.random() < f.limit_403_rate) \
                or st.api_used >= s.config.daily_api_limit:
            f.limit_storm = max(f.limit_storm - 1, 0)
            s.stats.limit_exceeded += 1
            return sf_error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
        st.api_used += 1
        if f.error_5xx_rate and s.rng.random() < f.error_5xx_rate:
            s.stats.errors_5xx += 1
            return sf_error(503, "SERVER_UNAVAILABLE", "Service temporarily unavailable; please try again")
        write = request.method in ("POST", "PATCH")
        create = request.method == "POST"
        g.ambiguous = (create and f.ambiguous_next > 0) or (write and bool(
            f.ambiguous_write_rate and s.rng.random() < f.ambiguous_write_rate))
        if create and f.ambiguous_next > 0:
            f.ambiguous_next -= 1
    return None


@bp.after_request
def limit_header(resp: Response) -> Response:
    st: OrgState | None = g.get("org_state")
    if st is not None:
        resp.headers["Sforce-Limit-Info"] = f"api-usage={st.api_used}/{sb().config.daily_api_limit}"
        if g.get("ambiguous") and resp.status_code < 300:
            # The write is committed; the answer is lost on the way back (a gateway 502).
            s = sb()
            with s.lock:
                s.stats.ambiguous_writes += 1
                s.stats.errors_5xx += 1
            return Response("<html><body>502 Bad Gateway</body></html>", status=502, mimetype="text/html",
                            headers={"Sforce-Limit-Info": resp.headers["Sforce-Limit-Info"]})
    return resp


def org() -> Org:
    return g.org_state.org


SECRET_PATTERN = re.compile(r"[0-9a-f]{40}")


@bp.put("/services/apexrest/agentic-sales/v1/secret")
@bp.put("/services/apexrest/<namespace>/agentic-sales/v1/secret")
def package_secret(namespace: str | None = None) -> Response:
    """The package's AgenticSalesSecretResource (Apex REST): store the org's signing secret in its
    protected custom setting, which the package's signer (here: the callout sender) then uses.
    Without the package the URL is unknown (Apex REST's 404); no GET: it cannot be read back."""
    st: OrgState = g.org_state
    if not st.org.package_deployed:
        return sf_error(404, "NOT_FOUND", "Could not find a match for URL")
    body = request.get_json(silent=True)
    secret = body.get("secret") if isinstance(body, dict) else None
    if not isinstance(secret, str) or not SECRET_PATTERN.fullmatch(secret):
        return js({"error": "invalid_secret", "message": "secret must be 40 lowercase hex characters"}, 400)
    st.callout_secret = secret
    return Response(status=204)


@bp.get("/services/data/v<version>/")
def resources(version: str) -> Response:
    b = base(version)
    sb().count("resources")
    return js({k: f"{b}/{k}" for k in ("sobjects", "query", "composite", "limits", "queryAll")})


@bp.get("/services/data/v<version>/limits/")
@bp.get("/services/data/v<version>/limits")
def limits(version: str) -> Response:
    s, st = sb(), g.org_state
    sb().count("limits")
    lim = s.config.daily_api_limit
    return js({"DailyApiRequests": {"Max": lim, "Remaining": max(lim - st.api_used, 0)}})


@bp.get("/services/data/v<version>/sobjects/")
@bp.get("/services/data/v<version>/sobjects")
def global_describe(version: str) -> Response:
    sb().count("describe")
    b = base(version)
    return js({"encoding": "UTF-8", "maxBatchSize": COLLECTION_MAX, "sobjects": [
        {"name": t, "label": t, "keyPrefix": schema.KEY_PREFIXES.get(t), "custom": False, "queryable": True,
         "urls": {"sobject": f"{b}/sobjects/{t}", "describe": f"{b}/sobjects/{t}/describe"}}
        for t in schema.BASE_FIELDS]})


@bp.get("/services/data/v<version>/sobjects/<sobject>/describe/")
@bp.get("/services/data/v<version>/sobjects/<sobject>/describe")
def describe(version: str, sobject: str) -> Response:
    sb().count("describe")
    if sobject not in schema.BASE_FIELDS:
        return sf_error(404, "NOT_FOUND", "The requested resource does not exist")
    return js(org().describe(sobject, base(version)))


@bp.get("/services/data/v<version>/sobjects/<sobject>/<rid>")
def get_record(version: str, sobject: str, rid: str) -> Response:
    sb().count("get")
    if sobject not in schema.BASE_FIELDS:
        return sf_error(404, "NOT_FOUND", "The requested resource does not exist")
    rec = org().get(sobject, rid)
    if rec is None:
        return sf_error(404, "NOT_FOUND", "The requested resource does not exist")
    wanted = request.args.get("fields")
    names = [f.strip() for f in wanted.split(",")] if wanted else sorted(org().field_names(sobject))
    return js({"attributes": org().attributes(sobject, rid, base(version)), **{n: rec.get(n) for n in names}})


def _validate(o: Org, sobject: str, values: dict[str, Any], *, creating: bool) -> list[dict[str, Any]]:
    """Per-record validation errors (collection shape: statusCode, message, fields)."""
    errs = []
    known = {f["name"]: f for f in o.fields(sobject)}
    for k in values:
        if k == "attributes" or k == "id" or k == "Id":
            continue
        fd = known.get(k)
        if fd is None:
            errs.append({"statusCode": "INVALID_FIELD", "message": f"No such column '{k}' on sobject of type {sobject}",
                         "fields": [k]})
        elif not (fd["createable"] if creating else fd["updateable"]):
            errs.append({"statusCode": "INVALID_FIELD_FOR_INSERT_UPDATE",
                         "message": f"Unable to create/update fields: {k}. Please check the security settings "
                                    f"of this field and verify that it is read/write for your profile or "
                                    f"permission set.", "fields": [k]})
        elif fd["type"] == "string" and isinstance(values[k], str) and len(values[k]) > fd["length"]:
            errs.append({"statusCode": "STRING_TOO_LONG", "message": f"{fd['label']}: data value too large",
                         "fields": [k]})
        elif fd["type"] == "picklist" and fd["picklistValues"] and values[k] is not None and \
                values[k] not in {p["value"] for p in fd["picklistValues"]}:
            errs.append({"statusCode": "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                         "message": f"{fd['label']}: bad value for restricted picklist field: {values[k]}",
                         "fields": [k]})
    return errs


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("attributes", "id", "Id")}


def _write_one(sobject: str, rid: str | None, values: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
    o, s = org(), sb()
    if sobject not in schema.BASE_FIELDS:
        return None, [{"statusCode": "INVALID_TYPE", "message": f"sObject type '{sobject}' is not supported.",
                       "fields": []}]
    errs = _validate(o, sobject, values, creating=rid is None)
    if errs:
        return rid, errs
    try:
        if rid is None:
            if sobject == "Task" and not values.get("Subject"):
                return None, [{"statusCode": "REQUIRED_FIELD_MISSING", "message": "Required fields are missing: [Subject]",
                               "fields": ["Subject"]}]
            rid = o.create(sobject, _clean(values), origin=g.origin, user_id=g.token.user_id)
            with s.lock:
                s.stats.tasks_created += sobject == "Task"
        else:
            if o.get(sobject, rid) is None:
                code = "ENTITY_IS_DELETED" if o.records.get(sobject, {}).get(rid) else "MALFORMED_ID"
                return rid, [{"statusCode": code, "message": f"{sobject} ID: id value of incorrect type: {rid}"
                              if code == "MALFORMED_ID" else "entity is deleted", "fields": ["Id"]}]
            if sobject == "Lead" and (o.get(sobject, rid) or {}).get("IsConverted"):
                # What the real API answers for any update of a converted lead (its Tasks stay writable).
                with s.lock:
                    s.stats.converted_lead_refusals += 1
                return rid, [{"statusCode": "CANNOT_UPDATE_CONVERTED_LEAD", "message": "cannot reference converted lead",
                              "fields": []}]
            o.update(sobject, rid, _clean(values), origin=g.origin, user_id=g.token.user_id)
    except KeyError:
        return rid, [{"statusCode": "MALFORMED_ID", "message": f"bad id {rid}", "fields": ["Id"]}]
    with s.lock:
        s.stats.records_written += 1
    return rid, []


def _json_body() -> Any:
    try:
        return json.loads(request.get_data() or b"null")
    except ValueError as exc:
        raise _BadJson(str(exc)) from None


class _BadJson(Exception):
    pass


@bp.errorhandler(_BadJson)
def _bad_json(exc: _BadJson) -> Response:
    return sf_error(400, "JSON_PARSER_ERROR", f"Unexpected character: {exc}")


@bp.post("/services/data/v<version>/sobjects/<sobject>/")
@bp.post("/services/data/v<version>/sobjects/<sobject>")
def create(version: str, sobject: str) -> Response:
    sb().count("create")
    body = _json_body()
    if not isinstance(body, dict):
        return sf_error(400, "JSON_PARSER_ERROR", "Expected a JSON object")
    rid, errs = _write_one(sobject, None, body)
    if errs:
        return js([{"message": e["message"], "errorCode": e["statusCode"], "fields": e["fields"]} for e in errs], 400)
    return js({"id": rid, "success": True, "errors": []}, 201)


@bp.patch("/services/data/v<version>/sobjects/<sobject>/<rid>")
def update(version: str, sobject: str, rid: str) -> Response:
    sb().count("update")
    body = _json_body()
    if not isinstance(body, dict):
        return sf_error(400, "JSON_PARSER_ERROR", "Expected a JSON object")
    if org().get(sobject, rid) is None:
        return sf_error(404, "NOT_FOUND", "The requested resource does not exist")
    _, errs = _write_one(sobject, rid, body)
    if errs:
        return js([{"message": e["message"], "errorCode": e["statusCode"], "fields": e["fields"]} for e in errs], 400)
    return Response(status=204)


@bp.route("/services/data/v<version>/composite/sobjects", methods=["POST", "PATCH"])
@bp.route("/services/data/v<version>/composite/sobjects/", methods=["POST", "PATCH"])
def collections(version: str) -> Response:
    """sObject Collections create (POST) / update (PATCH): ≤200 records, 200 with per-record results."""
    sb().count("composite")
    body = _json_body()
    if not isinstance(body, dict) or not isinstance(body.get("records"), list):
        return sf_error(400, "JSON_PARSER_ERROR", "Request body must have a records array")
    recs = body["records"]
    if len(recs) > COLLECTION_MAX:
        return sf_error(400, "EXCEEDED_ID_LIMIT", f"record limit reached. cannot submit more than "
                                                  f"{COLLECTION_MAX} records into this call")
    all_or_none = bool(body.get("allOrNone"))
    creating = request.method == "POST"
    out: list[dict[str, Any]] = []
    for r in recs:
        if not isinstance(r, dict) or not isinstance(r.get("attributes"), dict) or "type" not in r["attributes"]:
            out.append({"success": False, "errors": [{"statusCode": "INVALID_TYPE", "message":
                        "Must send a concrete entity type.", "fields": []}]})
            continue
        t = r["attributes"]["type"]
        if creating and r.get("id"):
            out.append({"success": False, "errors": [{"statusCode": "INVALID_FIELD", "message":
                        "cannot specify Id in an insert call", "fields": ["Id"]}]})
            continue
        if not creating and not r.get("id"):
            out.append({"success": False, "errors": [{"statusCode": "MISSING_ARGUMENT", "message":
                        "Id not specified in an update call", "fields": []}]})
            continue
        if all_or_none and any(not x["success"] for x in out):
            out.append({"id": r.get("id"), "success": False, "errors": [{"statusCode":
                        "ALL_OR_NONE_OPERATION_ROLLED_BACK", "message": "Record rolled back because not all "
                        "records were valid and the request was using AllOrNone header", "fields": []}]})
            continue
        rid, errs = _write_one(t, None if creating else str(r["id"]), r)
        out.append({"id": rid, "success": not errs, "errors": errs} if not errs or rid else
                   {"success": False, "errors": errs})
    return js(out)


@bp.get("/services/data/v<version>/query/")
@bp.get("/services/data/v<version>/query")
@bp.get("/services/data/v<version>/queryAll/")
@bp.get("/services/data/v<version>/queryAll")
def query(version: str) -> Response:
    sb().count("query")
    q = request.args.get("q")
    if not q:
        return sf_error(400, "MALFORMED_QUERY", "A query string has to be specified")
    try:
        rows = org().query(soql.parse(q), base(version))
    except soql.SoqlError as exc:
        code = "INVALID_FIELD" if "No such column" in str(exc) else \
            "INVALID_TYPE" if "not supported" in str(exc) else "MALFORMED_QUERY"
        return sf_error(400, code, str(exc))
    return js(_page(version, rows, 0))


def _page(version: str, rows: list[dict[str, Any]], start: int) -> dict[str, Any]:
    page = rows[start:start + QUERY_BATCH]
    done = start + len(page) >= len(rows)
    body: dict[str, Any] = {"totalSize": len(rows), "done": done, "records": page}
    if not done:
        s = sb()
        loc = "01g" + secrets.token_hex(8)
        with s.lock:
            s.cursors = {k: v for k, v in s.cursors.items() if v[1] > time.time()}
            s.cursors[loc] = (rows, time.time() + QUERY_LOCATOR_TTL, g.token.org_id)
        body["nextRecordsUrl"] = f"{base(version)}/query/{loc}-{start + len(page)}"
    return body


@bp.get("/services/data/v<version>/query/<locator>")
def query_more(version: str, locator: str) -> Response:
    sb().count("query")
    loc, _, start = locator.rpartition("-")
    s = sb()
    with s.lock:
        hit = s.cursors.get(loc)
    if hit is None or hit[1] < time.time() or hit[2] != g.token.org_id or not start.isdigit():
        return sf_error(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
    return js(_page(version, hit[0], int(start)))
