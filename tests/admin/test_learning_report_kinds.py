"""The learning report offers only the kinds of record the tenant's CRM is enriched as: a HubSpot admin was offered
"Deals · Salesforce Leads" (HubSpot's leads are contacts, and the app enriches no lead there), a Salesforce admin
reads deals and Leads apart (found by a newcomer's walk through the HubSpot demo's console, wave 26)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import update

from tests.admin.conftest import crm_session, operator_session
from tests.admin.test_learning_report_cache import settled
from tests.learning.logged import log_decisions

HUBSPOT = "hubspot-101"


def as_salesforce(app: Any, tenant_id: str) -> None:
    from app.storage import get_db
    from app.storage.models import Tenant

    with get_db(app).session() as s:
        s.execute(update(Tenant).where(Tenant.id == tenant_id).values(crm="salesforce"))


def learning_page(client: Any, tenant_id: str, query: str = "") -> str:
    return settled(client, f"/admin/t/{tenant_id}/learning{query}")


def test_a_hubspot_admin_is_offered_the_deals_report_alone_and_no_salesforce_leads(console):
    page = learning_page(crm_session(console.test_client(), HUBSPOT, "ann@a.example"), HUBSPOT)
    assert "<h1>Learning report: Deals</h1>" in page
    assert "Salesforce Leads" not in page and "object_type=lead" not in page
    assert 'aria-label="Whose decisions"' not in page  # no one-link navigation either


def test_a_hubspot_address_asking_for_leads_shows_the_deals_report_rather_than_an_empty_leads_one(console):
    log_decisions(console, HUBSPOT, n=10)
    page = learning_page(
        crm_session(console.test_client(), HUBSPOT, "ann@a.example"), HUBSPOT, "?object_type=lead"
    )
    assert "<h1>Learning report: Deals</h1>" in page and "10 decisions" in page


def test_a_salesforce_admin_reads_opportunities_and_leads_apart(console):
    as_salesforce(console, "hubspot-202")
    log_decisions(console, "hubspot-202", n=10)
    client = operator_session(console.test_client())
    deals = learning_page(client, "hubspot-202")
    leads = learning_page(client, "hubspot-202", "?object_type=lead")
    assert 'aria-label="Whose decisions"' in deals and "object_type=lead" in deals and ">Leads</a>" in deals
    assert "<h1>Learning report: Opportunities</h1>" in deals
    assert "<h1>Learning report: Leads</h1>" in leads
    assert "10 decisions" in deals and "10 decisions" not in leads
    # the CLI line each report names gives the same report (wave 28's walk: the leads' left out --object-type)
    assert "learning report --tenant hubspot-202</code>" in deals
    assert "learning report --tenant hubspot-202 --object-type lead</code>" in leads


def _main_text(page: str) -> str:
    """The page's own content, without the navigation (the console's, and the report's tabs: checked on their own)
    and the tenant's id."""
    main = re.sub(r"<nav\b.*?</nav>", " ", page[page.index("<main"):], flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", main.replace("hubspot-202", "T").replace("hubspot-101", "T"))


def test_a_salesforce_orgs_report_says_opportunities_and_never_deals(console):
    # A Salesforce admin read "Learning report: Deals" and "none of these decisions' deals has been won" about an
    # org whose records are Opportunities (wave 28's walk through the Salesforce demo).
    as_salesforce(console, "hubspot-202")
    log_decisions(console, "hubspot-202", n=10, outcomes=False)
    text = _main_text(learning_page(operator_session(console.test_client()), "hubspot-202"))
    assert "none of these decisions' opportunities has been won, lost or moved a stage" in text, text
    assert not re.search(r"\bdeals?\b", text, re.IGNORECASE), re.findall(r".{40}\bdeals?\b.{40}", text, re.I)


def test_a_lead_report_waits_for_conversions_not_wins(console):
    as_salesforce(console, "hubspot-202")
    log_decisions(console, "hubspot-202", n=4, outcomes=False, object_type="lead")
    text = _main_text(learning_page(operator_session(console.test_client()), "hubspot-202", "?object_type=lead"))
    assert "4 decisions" in text
    assert "none of these decisions' leads has converted or been closed without converting" in text, text
    assert not re.search(r"\b(deals?|opportunit(y|ies)|won)\b", text, re.IGNORECASE), text


def test_a_hubspot_accounts_report_still_says_deals(console):
    log_decisions(console, HUBSPOT, n=10, outcomes=False)
    text = _main_text(learning_page(crm_session(console.test_client(), HUBSPOT, "ann@a.example"), HUBSPOT))
    assert "none of these decisions' deals has been won, lost or moved a stage" in text, text
    assert "pportunit" not in text
