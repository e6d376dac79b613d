"""The install page gives a CRM admin what the CRM needs to send the app its changes, when the CRM
needs it entered by hand (Salesforce: the Outbound Message URL and the org's webhook secret)."""

from __future__ import annotations

from types import SimpleNamespace

from app.admin.install_page import installed_html
from app.connectors import get_connector

ORG = "00D5g000004ABCDEAW"


def render(app, crm: str, **extra) -> str:
    connector = get_connector(crm, app)
    body = {"crm": crm, "tenant": f"{crm}-{ORG}", "account_id": ORG, "fields_created": [], "degraded": [],
            "backfill": "started", **extra}
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


def test_once_the_app_put_the_secret_into_the_org_the_page_does_not_show_it_as_a_step(app):
    app.config["PUBLIC_URL"] = "https://sales-ai.example.com"
    urls = get_connector("salesforce", app).webhook_urls(ORG, config=app.config)
    html = render(app, "salesforce", secret_in_org=True)
    assert 'id="secret-in-org"' in html and "Callout secret" not in html
    assert urls["callout_url"] in html


def test_when_the_app_could_not_set_the_secret_the_page_says_why_and_shows_it(app):
    app.config["PUBLIC_URL"] = "https://sales-ai.example.com"
    urls = get_connector("salesforce", app).webhook_urls(ORG, config=app.config)
    html = render(app, "salesforce", secret_in_org=False, secret_error="package not deployed <b>")
    assert 'id="secret-error"' in html and "package not deployed &lt;b&gt;" in html
    assert urls["callout_secret"] in html


def test_a_crm_whose_webhooks_need_no_setup_shows_no_such_step(app):
    assert 'id="webhook-setup"' not in render(app, "hubspot")
