"""The endpoints a Salesforce org calls, as the AppExchange review's DAST scan (Burp / ZAP) probes
them: the Apex callout receiver, the Outbound Message receiver, the card API the package's Apex
calls, and the OAuth callback. What tests/security/test_response_headers.py checks for every page
is not repeated here; this is what differs for machine-to-machine JSON endpoints."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import TEST_PUBLIC_URL
from tests.salesforce.helpers import ORG, callout_body, callout_headers, install_org
from tests.salesforce.test_card_requests import OPP, signed

CARD = f"/api/cards/salesforce?objectType=deal&objectId={OPP}"
LIGHTNING = "https://acme.lightning.force.com"


@pytest.fixture
def org_app(app_factory: Any) -> Any:
    app = app_factory(PUBLIC_URL=TEST_PUBLIC_URL)
    install_org(app)
    from app.storage import get_db
    from app.storage.models import Enrichment

    with get_db(app).session() as s:
        s.add(Enrichment(tenant_id=f"salesforce-{ORG}", object_type="deal", record_id=OPP,
                         strategy={"arm": "social_proof"}, card={"status": "enriched"}))
    return app


def test_a_card_answer_with_the_records_data_is_never_stored_by_a_cache(org_app: Any) -> None:
    resp = org_app.test_client().get(CARD, headers=signed("GET", CARD), base_url=TEST_PUBLIC_URL)
    assert resp.status_code == 200
    assert resp.headers.get("Cache-Control") == "no-store"


@pytest.mark.parametrize("path", ["/webhooks/salesforce/callout", CARD])
def test_no_browser_origin_is_allowed_to_read_the_machine_endpoints(org_app: Any, path: str) -> None:
    # The card is fetched by the package's Apex through the Named Credential, never by the browser:
    # a Lightning origin (or any other) gets no CORS grant, on the preflight or the request.
    client = org_app.test_client()
    pre = client.open(path, method="OPTIONS", base_url=TEST_PUBLIC_URL,
                      headers={"Origin": LIGHTNING, "Access-Control-Request-Method": "GET"})
    got = client.get(path, headers={**signed("GET", CARD), "Origin": LIGHTNING}, base_url=TEST_PUBLIC_URL)
    for resp in (pre, got):
        assert not [h for h in resp.headers.keys() if h.lower().startswith("access-control-")], dict(resp.headers)


@pytest.mark.parametrize("method, path", [
    ("GET", "/webhooks/salesforce/callout"), ("PUT", "/webhooks/salesforce/callout"),
    ("GET", "/webhooks/salesforce/outbound/00D5g000004ABCDEAW/x"), ("GET", "/api/cards/salesforce/feedback"),
    ("DELETE", "/api/cards/salesforce"), ("GET", "/webhooks/salesforce/no-such-hook"),
])
def test_a_wrong_method_or_path_on_a_machine_endpoint_is_a_json_error_naming_it(
        org_app: Any, method: str, path: str) -> None:
    resp = org_app.test_client().open(path, method=method, base_url=TEST_PUBLIC_URL)
    assert resp.status_code in (404, 405)
    assert resp.is_json, resp.data[:200]
    body = resp.get_json()
    assert body["error"] in ("not_found", "method_not_allowed") and body["message"]
    assert resp.headers.get("Cache-Control") == "no-store"


def test_a_crash_while_answering_salesforce_is_a_json_500_without_a_stack_trace(org_app: Any,
                                                                               monkeypatch: Any) -> None:
    org_app.config["PROPAGATE_EXCEPTIONS"] = False
    from webhooks.salesforce import callouts

    def boom(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("secret-bearing detail /srv/app/webhooks/salesforce/callouts.py line 42")

    monkeypatch.setattr(callouts, "parse", boom)
    body = callout_body()
    resp = org_app.test_client().post("/webhooks/salesforce/callout", data=body, headers=callout_headers(body),
                                      base_url=TEST_PUBLIC_URL)
    assert resp.status_code == 500 and resp.is_json
    text = resp.get_data(as_text=True)
    assert "Traceback" not in text and "secret-bearing" not in text and ".py" not in text
    assert resp.get_json()["error"] == "internal_error"


def test_a_replayed_signed_callout_inside_the_window_changes_nothing(org_app: Any) -> None:
    body = callout_body()
    headers = callout_headers(body)
    client = org_app.test_client()
    first = client.post("/webhooks/salesforce/callout", data=body, headers=headers, base_url=TEST_PUBLIC_URL)
    again = client.post("/webhooks/salesforce/callout", data=body, headers=headers, base_url=TEST_PUBLIC_URL)
    assert first.status_code == again.status_code == 200
    assert first.get_json()["accepted"] > 0
    assert again.get_json()["accepted"] == 0 and again.get_json()["duplicates"] == first.get_json()["accepted"]
