"""The install page gives a CRM admin what the CRM needs to send the app its changes, when the CRM
needs it entered by hand (Salesforce: the Outbound Message URL and the org's webhook secret)."""

from __future__ import annotations

from types import SimpleNamespace

from app.admin.install_page import installed_html
from app.connectors import get_connector

ORG = "00D5g000004ABCDEAW"


def render(app, crm: str) -> str:
    connector = get_connector(crm, app)
    body = {"crm": crm, "tenant": f"{crm}-{ORG}", "account_id": ORG, "fields_created": [], "degraded": [],
            "backfill": "started"}
    tokens = SimpleNamespace(scopes=("api", "refresh_token"), user=None)
    with app.test_request_context("/oauth/x/callback"):
        return str(installed_html(connector, body, tokens=tokens, config=app.config))


def test_a_salesforce_install_page_shows_the_orgs_webhook_secret_and_endpoint_urls(app):
    app.config["PUBLIC_URL"] = "https://sales-ai.example.com"
    urls = get_connector("salesforce", app).webhook_urls(ORG, config=app.config)
    html = render(app, "salesforce")
    assert 'id="webhook-setup"' in html
    assert urls["outbound_message_url"] in html and urls["callout_url"] in html
    assert urls["callout_secret"] in html and len(urls["callout_secret"]) >= 16


def test_a_crm_whose_webhooks_need_no_setup_shows_no_such_step(app):
    assert 'id="webhook-setup"' not in render(app, "hubspot")
