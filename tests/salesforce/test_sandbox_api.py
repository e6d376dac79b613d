"""The Salesforce sandbox answers as Salesforce does (shapes from the API facts reference)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from app.oauth.pkce import challenge
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.conftest import FIXTURES
from tests.salesforce.conftest import ORGS


def http(sb: SalesforceSandboxHandle) -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.verify = str(sb.ca_file)
    return s


def api(sb: SalesforceSandboxHandle, path: str, token: str, method: str = "GET", **kw: Any) -> requests.Response:
    return http(sb).request(method, f"{sb.url}/services/data/v66.0/{path}",
                            headers={"Authorization": f"Bearer {token}"}, timeout=30, **kw)


def test_it_serves_https_that_only_its_own_ca_verifies(sfsb: SalesforceSandboxHandle) -> None:
    s = requests.Session()
    s.trust_env = False
    try:
        s.get(f"{sfsb.url}/services/data/", timeout=10, verify=True)
        raise AssertionError("the system CAs must not trust the sandbox")
    except requests.exceptions.SSLError:
        pass
    assert http(sfsb).get(f"{sfsb.url}/services/data/", timeout=10).json()[-1]["version"] == "67.0"


def test_the_web_server_flow_gives_tokens_without_expires_in(sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    s = http(sfsb)
    redirect = "https://app.example/oauth/salesforce/callback"
    verifier = "v" * 43
    r = s.get(f"{sfsb.url}/services/oauth2/authorize", params={
        "response_type": "code", "client_id": sfsb.client_id, "redirect_uri": redirect, "state": "xyz",
        "org_id": ORGS[1], "code_challenge": challenge(verifier), "code_challenge_method": "S256"},
        allow_redirects=False, timeout=10)
    assert r.status_code == 302
    q = parse_qs(urlsplit(r.headers["Location"]).query)
    assert q["state"] == ["xyz"]
    tok = s.post(f"{sfsb.url}/services/oauth2/token", data={
        "grant_type": "authorization_code", "code": q["code"][0], "client_id": sfsb.client_id,
        "client_secret": sfsb.client_secret, "redirect_uri": redirect, "code_verifier": verifier}, timeout=10).json()
    assert {"access_token", "refresh_token", "instance_url", "id", "token_type", "issued_at", "signature"} <= set(tok)
    assert "expires_in" not in tok
    assert f"/id/{ORGS[1]}/" in tok["id"]
    again = s.post(f"{sfsb.url}/services/oauth2/token", data={
        "grant_type": "authorization_code", "code": q["code"][0], "client_id": sfsb.client_id,
        "client_secret": sfsb.client_secret, "redirect_uri": redirect}, timeout=10)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    refreshed = s.post(f"{sfsb.url}/services/oauth2/token", data={
        "grant_type": "refresh_token", "refresh_token": tok["refresh_token"], "client_id": sfsb.client_id,
        "client_secret": sfsb.client_secret}, timeout=10).json()
    assert "refresh_token" not in refreshed and refreshed["access_token"] != tok["access_token"]


def test_a_dead_session_answers_401_with_the_real_error_list(sfsb: SalesforceSandboxHandle) -> None:
    r = api(sfsb, "query?q=SELECT+Id+FROM+Account", "00Dbogus!token")
    assert r.status_code == 401
    assert r.json() == __import__("json").loads((FIXTURES / "salesforce" / "error_invalid_session.json").read_text())


def test_every_response_carries_sforce_limit_info_and_the_limit_is_a_403(sfsb: SalesforceSandboxHandle,
                                                                        clean_faults: None) -> None:
    tok = sfsb.token(ORGS[0])["access_token"]
    r = api(sfsb, "limits", tok)
    used, total = r.headers["Sforce-Limit-Info"].removeprefix("api-usage=").split("/")
    assert int(used) >= 1 and int(total) == 100_000
    sfsb.faults(limit_storm=1)
    r = api(sfsb, "limits", tok)
    assert r.status_code == 403
    assert r.json()[0]["errorCode"] == "REQUEST_LIMIT_EXCEEDED"
    assert "Retry-After" not in r.headers


def test_soql_pages_follow_next_records_url(sfsb: SalesforceSandboxHandle, clean_faults: None) -> None:
    from integrations.sandbox.salesforce_api import api as api_module

    tok = sfsb.token(ORGS[0])["access_token"]
    old = api_module.QUERY_BATCH
    api_module.QUERY_BATCH = 100
    try:
        first = api(sfsb, "query", tok, params={"q": "SELECT Id FROM Task"}).json()
        assert first["done"] is False and first["totalSize"] > 100 and len(first["records"]) == 100
        seen = [r["Id"] for r in first["records"]]
        page = first
        while not page["done"]:
            page = http(sfsb).get(sfsb.url + page["nextRecordsUrl"], headers={"Authorization": f"Bearer {tok}"},
                                  timeout=30).json()
            seen += [r["Id"] for r in page["records"]]
        assert len(seen) == len(set(seen)) == first["totalSize"]
    finally:
        api_module.QUERY_BATCH = old


def test_bad_soql_is_malformed_query_and_unknown_columns_are_invalid_field(sfsb: SalesforceSandboxHandle) -> None:
    tok = sfsb.token(ORGS[0])["access_token"]
    bad = api(sfsb, "query", tok, params={"q": "SELEC Id FROM Account"})
    assert bad.status_code == 400 and bad.json()[0]["errorCode"] == "MALFORMED_QUERY"
    col = api(sfsb, "query", tok, params={"q": "SELECT Nope__c FROM Account"})
    assert col.status_code == 400 and col.json()[0]["errorCode"] == "INVALID_FIELD"


def test_collections_answer_200_with_per_record_errors_and_refuse_over_200(sfsb: SalesforceSandboxHandle,
                                                                          clean_faults: None) -> None:
    tok = sfsb.token(ORGS[0])["access_token"]
    opp = sfsb.store("Opportunity", org_id=ORGS[0])[0]["Id"]
    recs = [{"attributes": {"type": "Opportunity"}, "id": opp, "AI_Strategy__c": "social_proof"},
            {"attributes": {"type": "Opportunity"}, "id": "006000000000000AAA", "AI_Strategy__c": "x"},
            {"attributes": {"type": "Opportunity"}, "id": opp, "AI_Strategy__c": "y" * 81}]
    r = api(sfsb, "composite/sobjects", tok, "PATCH", json={"allOrNone": False, "records": recs})
    assert r.status_code == 200
    out = r.json()
    assert [x["success"] for x in out] == [True, False, False]
    assert out[1]["errors"][0]["statusCode"] == "MALFORMED_ID"
    assert out[2]["errors"][0]["statusCode"] == "STRING_TOO_LONG"
    too_many = api(sfsb, "composite/sobjects", tok, "PATCH", json={"allOrNone": False, "records": recs * 67})
    assert too_many.status_code == 400 and too_many.json()[0]["errorCode"] == "EXCEEDED_ID_LIMIT"


def test_describe_lists_the_output_fields_only_when_the_package_is_deployed(sfsb: SalesforceSandboxHandle) -> None:
    tok = sfsb.token(ORGS[1])["access_token"]
    names = {f["name"] for f in api(sfsb, "sobjects/Opportunity/describe", tok).json()["fields"]}
    assert "AI_Conversion_Score__c" in names
    sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=False)
    try:
        names = {f["name"] for f in api(sfsb, "sobjects/Opportunity/describe", tok).json()["fields"]}
        assert "AI_Conversion_Score__c" not in names and "StageName" in names
    finally:
        sfsb.control("POST", f"orgs/{ORGS[1]}/package", deployed=True)


def test_both_orgs_show_the_same_kind_of_market(sfsb: SalesforceSandboxHandle) -> None:
    for org in ORGS:
        opps = sfsb.store("Opportunity", org_id=org)
        stages = {o["StageName"] for o in opps}
        assert {"Closed Won", "Closed Lost"} <= stages and len(stages) >= 4
        assert sfsb.store("OpportunityHistory", org_id=org)
        assert sfsb.store("EmailMessage", org_id=org) and sfsb.store("Event", org_id=org)
