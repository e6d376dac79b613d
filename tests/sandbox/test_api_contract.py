"""Golden bodies, OAuth, limits, portals and secrecy of the truth, over real HTTP."""

from __future__ import annotations

import json
import re
import time
import uuid
from urllib.parse import parse_qs, urlparse

import requests

from integrations.sandbox import run_in_thread

from .conftest import SMALL

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ISO_MS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def _keys(raw: bytes) -> list[str]:
    return list(json.loads(raw))


def test_golden_error_bodies(api):
    r = api("GET", "/crm/v3/objects/deals/123")
    assert r.status_code == 404
    assert _keys(r.content) == ["status", "message", "category", "correlationId"]
    body = r.json()
    assert body["status"] == "error" and body["category"] == "OBJECT_NOT_FOUND" and UUID.match(body["correlationId"])
    r = api("PATCH", f"/crm/v3/objects/deals/{api('GET', '/crm/v3/objects/deals?limit=1').json()['results'][0]['id']}",
            json={"properties": {"discount": "ten"}})
    assert r.status_code == 400
    assert _keys(r.content) == ["status", "message", "errors", "category", "correlationId"]
    err = r.json()["errors"][0]
    assert err == {"message": 'Property "discount" does not exist', "code": "PROPERTY_DOESNT_EXIST",
                   "context": {"propertyName": ["discount"]}}
    r = requests.get(r.url, timeout=5)  # no token at all
    assert r.status_code == 401 and r.json()["category"] == "INVALID_AUTHENTICATION"


def test_golden_429_body_and_headers(sandbox, token):
    sandbox.configure(rate_limit=3)
    try:
        sandbox.reset_limits()
        h = {"Authorization": f"Bearer {token}"}
        seen = [requests.get(f"{sandbox.url}/crm/v3/objects/contacts?limit=1", headers=h, timeout=5) for _ in range(4)]
        assert [r.status_code for r in seen] == [200, 200, 200, 429]
        assert [r.headers["X-HubSpot-RateLimit-Remaining"] for r in seen[:3]] == ["2", "1", "0"]
        r = seen[3]
        assert _keys(r.content) == ["status", "message", "errorType", "correlationId", "policyName", "groupName"]
        body = r.json()
        assert body["message"] == "You have reached your ten_secondly_rolling limit."
        assert body["errorType"] == "RATE_LIMIT" and body["policyName"] == "TEN_SECONDLY_ROLLING"
        assert r.headers["X-HubSpot-RateLimit-Max"] == "3" and r.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000"
        assert "X-HubSpot-RateLimit-Daily" not in r.headers  # OAuth calls carry no daily headers
        assert sandbox.stats()["rate_limited"] >= 1
    finally:
        sandbox.configure(rate_limit=110)
        sandbox.reset_limits()


def test_search_limits(api, sandbox):
    sandbox.reset_limits()
    replies = [api("POST", "/crm/v3/objects/deals/search", json={"limit": 1}) for _ in range(7)]
    assert [r.status_code for r in replies[:5]] == [200] * 5
    r = next(r for r in replies[5:] if r.status_code == 429)
    assert r.json()["policyName"] == "SECONDLY" and "X-HubSpot-RateLimit-Max" not in r.headers
    time.sleep(1.1)
    assert api("POST", "/crm/v3/objects/deals/search", json={"limit": 201}).status_code == 400
    assert api("POST", "/crm/v3/objects/deals/search", json={"limit": 100, "after": "9950"}).status_code == 400
    six = [{"propertyName": "amount", "operator": "GT", "value": "1"}] * 7
    assert api("POST", "/crm/v3/objects/deals/search", json={"filterGroups": [{"filters": six}]}).status_code == 400
    assert api("POST", "/crm/v3/objects/deals/search", json={"query": "x" * 3001}).status_code == 400


def test_golden_207_batch_and_100_cap(api):
    ids = [r["id"] for r in api("GET", "/crm/v3/objects/deals?limit=2").json()["results"]]
    r = api("POST", "/crm/v3/objects/deals/batch/update", json={"inputs": [
        {"id": ids[0], "properties": {"description": "ok"}},
        {"id": "404404", "properties": {"description": "nope"}, "objectWriteTraceId": "t-1"}]})
    assert r.status_code == 207
    assert _keys(r.content) == ["status", "results", "numErrors", "errors", "requestedAt", "startedAt", "completedAt"]
    body = r.json()
    assert body["status"] == "COMPLETE" and body["numErrors"] == 1 and ISO_MS.match(body["completedAt"])
    assert body["errors"][0]["context"] == {"ids": ["404404"], "objectWriteTraceId": ["t-1"]}
    assert set(body["errors"][0]) == {"status", "category", "message", "context", "errors", "links"}
    r = api("POST", "/crm/v3/objects/deals/batch/read", json={"inputs": [{"id": str(i)} for i in range(101)]})
    assert r.status_code == 400 and r.json()["category"] == "VALIDATION_ERROR"


def test_objects_look_like_hubspot(api):
    deal = api("GET", "/crm/v3/objects/0-3?limit=1&properties=amount,createdate,hs_object_id,unknown_prop").json()["results"][0]
    assert list(deal) == ["id", "properties", "createdAt", "updatedAt", "archived"]
    assert set(deal["properties"]) == {"amount", "createdate", "hs_object_id"}
    assert all(v is None or isinstance(v, str) for v in deal["properties"].values())
    assert ISO_MS.match(deal["createdAt"]) and ISO_MS.match(deal["properties"]["createdate"])
    props = {p["name"] for p in api("GET", "/crm/v3/properties/deals").json()["results"]}
    assert {"dealname", "amount", "dealstage", "pipeline", "closedate", "hubspot_owner_id", "description",
            "createdate", "hs_lastmodifieddate", "hs_object_id", "deal_currency_code"} <= props


def test_oauth_authorize_exchange_refresh_expiry_and_revoke():
    with run_in_thread(seed=5, access_token_ttl=1, **SMALL) as sb:
        redirect = "http://localhost:5000/oauth/hubspot/callback"
        r = requests.get(f"{sb.url}/oauth/authorize", allow_redirects=False, timeout=5, params={
            "client_id": sb.client_id, "redirect_uri": redirect, "state": "s-1",
            "scope": "oauth crm.objects.deals.read crm.objects.deals.write"})
        assert r.status_code == 302
        loc = urlparse(r.headers["Location"])
        assert f"{loc.scheme}://{loc.netloc}{loc.path}" == redirect
        q = parse_qs(loc.query)
        assert q["state"] == ["s-1"]
        form = {"grant_type": "authorization_code", "code": q["code"][0], "redirect_uri": redirect,
                "client_id": sb.client_id, "client_secret": sb.client_secret}
        r = requests.post(f"{sb.url}/oauth/v1/token", data=form, timeout=5)
        assert r.status_code == 200
        assert _keys(r.content) == ["token_type", "refresh_token", "access_token", "hub_id", "scopes", "expires_in"]
        tok = r.json()
        assert tok["token_type"] == "bearer" and tok["refresh_token"].startswith("na1-") and tok["expires_in"] == 1
        assert tok["scopes"] == ["oauth", "crm.objects.deals.read", "crm.objects.deals.write"]
        again = requests.post(f"{sb.url}/oauth/v1/token", data=form, timeout=5)  # a code is single-use
        assert again.status_code == 400 and again.json()["status"] == "BAD_AUTH_CODE"
        h = {"Authorization": f"Bearer {tok['access_token']}"}
        assert requests.get(f"{sb.url}/crm/v3/objects/deals?limit=1", headers=h, timeout=5).status_code == 200
        r = requests.get(f"{sb.url}/crm/v3/objects/contacts?limit=1", headers=h, timeout=5)
        assert r.status_code == 403 and r.json()["category"] == "MISSING_SCOPES"
        time.sleep(1.2)
        r = requests.get(f"{sb.url}/crm/v3/objects/deals?limit=1", headers=h, timeout=5)
        assert r.status_code == 401 and r.json()["category"] == "EXPIRED_AUTHENTICATION"
        assert re.match(r"The OAuth token used to make this call expired \d+ second\(s\) ago\.", r.json()["message"])
        r = requests.post(f"{sb.url}/oauth/v3/token", timeout=5, data={
            "grant_type": "refresh_token", "refresh_token": tok["refresh_token"], "client_id": sb.client_id,
            "client_secret": sb.client_secret})
        fresh = r.json()
        assert fresh["refresh_token"] == tok["refresh_token"] and sb.stats()["token_refreshes"] == 1
        info = requests.get(f"{sb.url}/oauth/v1/access-tokens/{fresh['access_token']}", timeout=5).json()
        assert info["hub_id"] == sb.hub_id and info["token_type"] == "access"
        assert requests.delete(f"{sb.url}/oauth/v1/refresh-tokens/{tok['refresh_token']}", timeout=5).status_code == 204
        h = {"Authorization": f"Bearer {fresh['access_token']}"}
        assert requests.get(f"{sb.url}/crm/v3/objects/deals?limit=1", headers=h, timeout=5).status_code == 401
        r = requests.post(f"{sb.url}/oauth/v3/token", timeout=5, data={
            "grant_type": "refresh_token", "refresh_token": tok["refresh_token"], "client_id": sb.client_id,
            "client_secret": sb.client_secret})
        assert r.status_code == 400 and r.json()["error"] == "invalid_grant"


def test_portals_are_isolated_and_private_app_token_works():
    with run_in_thread(seed=8, hub_ids=(111, 222), private_app_token="pat-na1-x", **SMALL) as sb:
        t2 = sb.token(portal_id=222)["access_token"]
        deals_1 = requests.get(f"{sb.url}/crm/v3/objects/deals?limit=100", timeout=5,
                               headers={"Authorization": "Bearer pat-na1-x"})
        assert deals_1.status_code == 200 and "X-HubSpot-RateLimit-Daily" in deals_1.headers
        did = deals_1.json()["results"][0]["id"]
        h2 = {"Authorization": f"Bearer {t2}"}
        requests.patch(f"{sb.url}/crm/v3/objects/deals/{did}", json={"properties": {"description": "portal 2"}},
                       headers=h2, timeout=5)
        p1 = requests.get(f"{sb.url}/crm/v3/objects/deals/{did}?properties=description", timeout=5,
                          headers={"Authorization": "Bearer pat-na1-x"}).json()
        assert p1["properties"]["description"] != "portal 2"
        names1 = {r["properties"]["dealname"] for r in deals_1.json()["results"]}
        names2 = {r["properties"]["dealname"] for r in requests.get(
            f"{sb.url}/crm/v3/objects/deals?limit=100", headers=h2, timeout=5).json()["results"]}
        assert names1 != names2


def test_truth_never_leaks_through_the_api(sandbox, api):
    did = next(d["id"] for d in sandbox.store("deals") if d["properties"]["hs_is_closed"] == "false")
    truth = sandbox.truth(did)
    assert 0 < truth["p_win"] < 1
    hidden = {'"p_win"', '"engagement"', "strategy_effects", "price_curve", "best_discount", "skill", "churn_"}
    bodies = [
        api("GET", f"/crm/v3/objects/deals/{did}?propertiesWithHistory=dealstage&associations=contacts,companies").text,
        api("GET", "/crm/v3/properties/deals").text, api("GET", "/crm/v3/properties/companies").text,
        api("GET", "/crm/v3/properties/contacts").text, api("GET", "/crm/v3/owners").text,
        api("GET", f"/crm/v3/objects/deals/{did}?properties=" + ",".join(
            p["name"] for p in api("GET", "/crm/v3/properties/deals").json()["results"])).text,
        api("POST", "/crm/v3/objects/deals/search", json={"limit": 200, "properties": ["amount", "dealstage"]}).text,
    ]
    for body in bodies:
        assert not any(word in body for word in hidden)
        assert f"{truth['p_win']:.6f}"[:8] not in body
    assert api("GET", f"/crm/v3/objects/deals/{uuid.uuid4().int % 10**9}").status_code == 404


def test_injected_faults_latency_burst_and_5xx(sandbox, api):
    sandbox.reset_limits()
    try:
        sandbox.faults(rate_limit_burst=2, fail_next=1, latency_ms=50)
        t = time.monotonic()
        codes = [api("GET", "/crm/v3/objects/deals?limit=1").status_code for _ in range(4)]
        assert codes == [429, 429, 500, 200] and time.monotonic() - t >= 0.2
        stats = sandbox.stats()
        assert stats["rate_limited"] >= 2 and stats["server_errors"] >= 1
        assert sandbox.faults(webhooks_enabled="false")["webhooks_enabled"] is False
        sandbox.faults(latency_ms=0, daily_limit_reached=True)
        r = api("GET", "/crm/v3/objects/deals?limit=1")
        assert r.status_code == 429 and r.json()["policyName"] == "DAILY"
        assert r.headers["X-HubSpot-Correlation-Id"] == r.json()["correlationId"]
    finally:
        sandbox.faults(latency_ms=0, webhooks_enabled=True, daily_limit_reached=False)


def test_upsert_and_contains_token_search(api, sandbox):
    time.sleep(1.0)  # leave the search window of the previous test
    r = api("POST", "/crm/v3/objects/contacts/batch/upsert", json={"inputs": [
        {"id": "new.person@example.com", "idProperty": "email", "properties": {"firstname": "New"}}]})
    assert r.status_code == 200 and r.json()["results"][0]["new"] is True
    did = sandbox.store("deals")[0]["id"]
    marker = f"[agentic-sales:{did}]"
    api("POST", "/crm/v3/objects/tasks", json={"properties": {"hs_timestamp": "2026-12-01T09:00:00Z",
                                                              "hs_task_subject": "Next step", "hs_task_body": f"Do it {marker}"}})
    found = api("POST", "/crm/v3/objects/tasks/search", json={"filterGroups": [{"filters": [
        {"propertyName": "hs_task_body", "operator": "CONTAINS_TOKEN", "value": marker}]}], "properties": ["hs_task_body"]})
    assert found.json()["total"] == 1
