"""The Outbound Message URL carries its own token, not the org's signing secret: whoever reads the
URL (an admin with View Setup, a proxy's access log) can post Outbound Messages for the org and
nothing more; callouts and card requests stay signed with the secret only the package reads.
URLs installed before keep working until AGENTIC_SALES_SALESFORCE_LEGACY_OUTBOUND_URLS is off."""

from __future__ import annotations

import time
from typing import Any

from integrations.salesforce.card_auth import sign_card
from integrations.salesforce.connector import CONNECTOR
from integrations.salesforce.webhook_secret import installation_secret, outbound_token
from tests.conftest import FIXTURES, TEST_PUBLIC_URL
from tests.salesforce.helpers import (
    ORG,
    TEST_SECRET_KEY,
    callout_body,
    callout_headers,
    install_org,
    outbound_path,
)

SOAP = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'}
MESSAGE = (FIXTURES / "salesforce" / "om_single.xml").read_bytes()


def test_the_outbound_token_and_the_signing_secret_differ_per_org() -> None:
    token, secret = outbound_token(TEST_SECRET_KEY, ORG), installation_secret(TEST_SECRET_KEY, ORG)
    assert token != secret and len(token) == len(secret) == 40
    assert outbound_token(TEST_SECRET_KEY, "00D000000000001AAA") != token


def test_the_install_page_url_carries_the_outbound_token_not_the_secret(app: Any) -> None:
    urls = CONNECTOR.webhook_urls(ORG, config=app.config)
    assert urls["outbound_message_url"].endswith(f"/{ORG}/{outbound_token(TEST_SECRET_KEY, ORG)}")
    assert installation_secret(TEST_SECRET_KEY, ORG) not in urls["outbound_message_url"]


def test_an_outbound_message_to_the_token_url_is_stored(app: Any) -> None:
    install_org(app)
    resp = app.test_client().post(outbound_path(secret=outbound_token(TEST_SECRET_KEY, ORG)), data=MESSAGE,
                                  headers=SOAP)
    assert resp.status_code == 200


def test_the_token_in_the_url_cannot_sign_a_callout_or_a_card_request(app: Any) -> None:
    install_org(app)
    token = outbound_token(TEST_SECRET_KEY, ORG)
    client = app.test_client()
    body = callout_body()
    forged = client.post("/webhooks/salesforce/callout", data=body, headers=callout_headers(body, secret=token),
                         base_url=TEST_PUBLIC_URL)
    path = "/api/cards/salesforce?objectType=deal&objectId=0065g00000AbCdEAAV"
    stamp = str(int(time.time()))
    card = client.get(path, base_url=TEST_PUBLIC_URL, headers={
        "X-Agentic-Org-Id": ORG, "X-Agentic-Timestamp": stamp,
        "X-Agentic-Signature": sign_card(secret=token, timestamp=stamp, method="GET", path_qs=path, body=b"")})
    assert (forged.status_code, card.status_code) == (401, 401)


def test_a_url_installed_before_still_works_by_default(app: Any) -> None:
    install_org(app)
    legacy = outbound_path(secret=installation_secret(TEST_SECRET_KEY, ORG))
    assert app.test_client().post(legacy, data=MESSAGE, headers=SOAP).status_code == 200


def test_with_legacy_urls_turned_off_only_the_token_url_is_accepted(app_factory: Any) -> None:
    app = app_factory(SALESFORCE_LEGACY_OUTBOUND_URLS=False)
    install_org(app)
    legacy = outbound_path(secret=installation_secret(TEST_SECRET_KEY, ORG))
    assert app.test_client().post(legacy, data=MESSAGE, headers=SOAP).status_code == 401
    token_url = outbound_path(secret=outbound_token(TEST_SECRET_KEY, ORG))
    assert app.test_client().post(token_url, data=MESSAGE, headers=SOAP).status_code == 200
