"""The sandbox's v2 faults and counters, over HTTP: what the demo summary and the benchmarks read.

- one rate bucket per app installation (the OAuth app and the portal's private app apart);
- named fault profiles (`--faults ambiguous-writes,429-bursts,5xx`), unknown names refused;
- a write committed and then answered 502: the object is in the store;
- counters: the app's requests since a mark, duplicate app tasks and notes.
"""

from __future__ import annotations

import pytest
import requests

from integrations.sandbox import run_in_thread
from integrations.sandbox.hubspot_api.limits import FAULT_PROFILES, fault_values

PRIVATE = "pat-na1-faults-test"


@pytest.fixture(scope="module")
def sb():
    handle = run_in_thread(seed=3, webhook_url="http://127.0.0.1:9/none", webhooks_enabled=False,
                           private_app_token=PRIVATE, n_companies=6, n_owners=2, n_open_deals=6, n_closed_deals=6)
    yield handle
    handle.stop()


@pytest.fixture(autouse=True)
def clean(sb):
    sb.control("POST", "faults/profile", faults=[])
    sb.configure(rate_limit=110, rate_window_ms=10_000)
    sb.reset_limits()


def call(sb, token: str, method: str = "GET", path: str = "/crm/v3/objects/deals?limit=1", **kw):
    return requests.request(method, sb.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=10, **kw)


def test_the_oauth_app_and_the_private_app_have_separate_rate_buckets(sb):
    sb.configure(rate_limit=3)
    oauth = sb.token()["access_token"]
    assert [call(sb, oauth).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert call(sb, PRIVATE).status_code == 200  # the private app's own bucket is untouched
    counters = sb.control("GET", "counters")
    assert counters["app_requests"] == 4  # only the OAuth app's calls count as the app's


def test_fault_profiles_merge_and_unknown_names_are_refused(sb):
    values = fault_values("ambiguous-writes, 429-bursts,5xx")
    assert values["ambiguous_write_rate"] > 0 and values["burst_every"] > 0 and values["error_5xx_rate"] > 0
    with pytest.raises(ValueError, match="unknown fault 'nope'"):
        fault_values(["nope"])
    resp = requests.post(f"{sb.url}/_sandbox/faults/profile", json={"faults": ["nope"]}, timeout=10)
    assert resp.status_code == 400 and "known:" in resp.json()["message"]
    on = sb.control("POST", "faults/profile", faults=["5xx"])
    assert on["error_5xx_rate"] == FAULT_PROFILES["5xx"]["error_5xx_rate"]
    off = sb.control("POST", "faults/profile", faults=[])
    assert off["error_5xx_rate"] == 0.0 and off["ambiguous_write_rate"] == 0.0


def test_a_write_answered_502_after_the_fact_is_in_the_store(sb):
    token = sb.token()["access_token"]
    sb.faults(ambiguous_write_rate=1.0)
    resp = call(sb, token, "POST", "/crm/v3/objects/notes",
                json={"properties": {"hs_note_body": "lost response", "hs_timestamp": "1700000000000"}})
    sb.faults(ambiguous_write_rate=0.0)
    assert resp.status_code == 502
    notes = sb.control("GET", "store/notes")["results"]
    assert any(n["properties"].get("hs_note_body") == "lost response" for n in notes)
    # Reads are never answered with an after-write fault.
    sb.faults(ambiguous_write_rate=1.0)
    try:
        assert call(sb, token, "POST", "/crm/v3/objects/notes/search", json={"limit": 1}).status_code == 200
    finally:
        sb.faults(ambiguous_write_rate=0.0)


def test_counters_report_requests_since_a_mark_and_duplicate_app_tasks_and_notes(sb):
    token = sb.token()["access_token"]
    deal = sb.control("GET", "store/deals")["results"][0]["id"]
    sb.control("POST", "counters/mark")
    call(sb, token)
    call(sb, token)
    assert sb.control("GET", "counters")["app_requests_since_mark"] == 2
    before = sb.control("GET", "counters")
    assoc = [{"to": {"id": deal}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 216}]}]
    for _ in range(2):
        call(sb, token, "POST", "/crm/v3/objects/tasks", json={"associations": assoc, "properties": {
            "hs_task_subject": "Call", "hs_task_body": "[agentic-sales] do it", "hs_timestamp": "1700000000000"}})
    note_assoc = [{"to": {"id": deal}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 214}]}]
    for key in ("k1", "k1", "k2"):
        call(sb, token, "POST", "/crm/v3/objects/notes", json={"associations": note_assoc, "properties": {
            "hs_note_body": f"text\n\n[agentic-sales] ref {key}", "hs_timestamp": "1700000000000"}})
    after = sb.control("GET", "counters")
    assert after["duplicate_tasks"] - before["duplicate_tasks"] == 1
    assert after["duplicate_notes"] - before["duplicate_notes"] == 1
