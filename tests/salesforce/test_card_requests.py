"""Card requests from the package's Apex controller: signed per installation, method and path included."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from integrations.salesforce.card_auth import sign_card
from tests.conftest import TEST_PUBLIC_URL
from tests.salesforce.helpers import ORG, OTHER_ORG, install_org, secret_for

OPP = "0065g00000AbCdEAAV"


def signed(method: str, path_qs: str, body: bytes = b"", org: str = ORG, ts: int | None = None,
           secret: str | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if ts is None else ts)
    return {"X-Agentic-Org-Id": org, "X-Agentic-Timestamp": stamp, "Content-Type": "application/json",
            "X-Agentic-Signature": sign_card(secret=secret or secret_for(org), timestamp=stamp, method=method,
                                             path_qs=path_qs, body=body)}


@pytest.fixture
def card_app(app: Any) -> Any:
    install_org(app)
    from app.storage import get_db
    from app.storage.models import Enrichment

    with get_db(app).session() as s:
        s.add(Enrichment(tenant_id=f"salesforce-{ORG}", object_type="deal", record_id=OPP,
                         strategy={"arm": "social_proof"}, card={"status": "enriched"}))
    return app


def test_a_signed_card_request_gets_the_card_of_its_record(card_app: Any) -> None:
    path = f"/api/cards/salesforce?objectType=deal&objectId={OPP}"
    resp = card_app.test_client().get(path, headers=signed("GET", path), base_url=TEST_PUBLIC_URL)
    assert resp.status_code == 200, resp.get_json()
    assert resp.get_json()["record"]["id"] == OPP


def test_an_opportunitys_card_offers_not_relevant_to_this_opportunity(card_app: Any) -> None:
    # Wave 28's walk through the Salesforce demo: an Opportunity's card offered "Not relevant to this deal".
    path = f"/api/cards/salesforce?objectType=deal&objectId={OPP}"
    resp = card_app.test_client().get(path, headers=signed("GET", path), base_url=TEST_PUBLIC_URL)
    labels = [r["label"] for r in resp.get_json()["dismiss_reasons"]]
    assert "Not relevant to this opportunity" in labels, labels
    assert not any("deal" in label.lower() for label in labels), labels


def test_a_signature_for_another_record_cannot_be_replayed(card_app: Any) -> None:
    path = f"/api/cards/salesforce?objectType=deal&objectId={OPP}"
    other = "/api/cards/salesforce?objectType=deal&objectId=0065g00000AbCdFAAV"
    resp = card_app.test_client().get(other, headers=signed("GET", path), base_url=TEST_PUBLIC_URL)
    assert resp.status_code == 401


def test_a_stale_or_foreign_signature_is_refused(card_app: Any) -> None:
    install_org(card_app, OTHER_ORG)
    path = f"/api/cards/salesforce?objectType=deal&objectId={OPP}"
    client = card_app.test_client()
    stale = client.get(path, headers=signed("GET", path, ts=int(time.time()) - 600), base_url=TEST_PUBLIC_URL)
    foreign = client.get(path, headers=signed("GET", path, secret=secret_for(OTHER_ORG)), base_url=TEST_PUBLIC_URL)
    assert (stale.status_code, foreign.status_code) == (401, 401)


def test_accept_is_recorded_once_and_a_later_reject_is_refused(card_app: Any) -> None:
    client = card_app.test_client()
    path = f"/api/cards/salesforce/feedback?objectType=deal&objectId={OPP}&userId=0055g00000QrStUAAV"
    outs = []
    for action in ("accept", "accept"):
        body = json.dumps({"action": action}).encode()
        resp = client.post(path, data=body, headers=signed("POST", path, body), base_url=TEST_PUBLIC_URL)
        assert resp.status_code == 200, resp.get_json()
        outs.append(resp.get_json())
    assert [o["duplicate"] for o in outs] == [False, True]
    # Once accepted, a Reject (sent by the Apex controller as a dismiss with a reason) is refused.
    body = json.dumps({"action": "dismiss", "reason": "not_relevant"}).encode()
    resp = client.post(path, data=body, headers=signed("POST", path, body), base_url=TEST_PUBLIC_URL)
    assert resp.status_code == 409 and resp.get_json()["error"] == "feedback_given"

    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import Action

    with get_db(card_app).session() as s:
        kinds = sorted(a.kind for a in s.execute(select(Action)).scalars())
    assert kinds == ["feedback_accept"]
