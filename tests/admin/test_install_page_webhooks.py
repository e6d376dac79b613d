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


def test_a_salesforce_install_page_speaks_of_the_org_and_its_opportunities(app):
    # Wave 28: "Salesforce account 00D… is connected", "Your open deals are being scored now", "Add the card to the
    # deal record layout", "this account's changes" for an org whose records are Opportunities.
    import re

    app.config["PUBLIC_URL"] = "https://sales-ai.example.com"
    html = render(app, "salesforce")
    text = re.sub(r"<[^>]+>", " ", html)
    assert f"Salesforce org  {ORG}  is connected" in text, text[:400]
    assert "Your open opportunities are being scored now" in text
    assert "Add the card to the opportunity record layout." in text
    assert "this org's changes" in text
    assert not re.search(r"\bdeals?\b|\baccount's\b|Salesforce account\b", text), re.findall(
        r".{30}(?:\bdeals?\b|account's|Salesforce account).{30}", text)


def test_a_hubspot_install_page_keeps_its_account_and_deals(app):
    html = render(app, "hubspot")
    assert "Your open deals are being scored now" in html and "the deal record layout" in html
    assert "HubSpot account <strong>" in html and "opportunit" not in html.lower()
