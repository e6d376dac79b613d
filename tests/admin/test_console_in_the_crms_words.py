"""A Salesforce org's console says what the org says: Opportunities, Accounts, an org; a HubSpot account's keeps
deals. Found walking the Salesforce demo's console with Chromium (wave 28): "Backfill of every open deal and lead",
"Deals worth more than this (in the deal's currency) go to a human", "Min closed deals", record types "deal ·
company · contact · lead", "deal property 'x' does not exist"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.admin import crm_words
from app.connectors import deal_noun
from tests.admin.conftest import crm_session, csrf_of, operator_session
from tests.admin.test_learning_report_kinds import _main_text, as_salesforce

SF, HS = "hubspot-202", "hubspot-101"
OPPORTUNITY = deal_noun(("opportunity", "opportunities"))
DEAL_WORD = re.compile(r"\bdeals?\b", re.IGNORECASE)


def _sf_client(console: Any) -> Any:
    as_salesforce(console, SF)
    return operator_session(console.test_client())


def _deal_words_outside_code(page: str) -> list[str]:
    """ "deal" as a word in what the admin reads, leaving out setting keys and field names in <code>."""
    text = _main_text(re.sub(r"<code>.*?</code>", " ", page, flags=re.DOTALL))
    return re.findall(r".{0,40}\bdeals?\b.{0,40}", text, re.IGNORECASE)


@pytest.mark.parametrize("path", ["/", "/guardrails", "/models", "/mappings"])
def test_a_salesforce_orgs_console_pages_never_say_deal(console, path):
    page = _sf_client(console).get(f"/admin/t/{SF}{path}").get_data(as_text=True)
    assert not _deal_words_outside_code(page), _deal_words_outside_code(page)
    if path == "/models":
        assert "Conversion: the chance an open opportunity is won" in page


def test_the_guardrails_say_opportunities_and_keep_the_setting_keys(console):
    page = _sf_client(console).get(f"/admin/t/{SF}/guardrails").get_data(as_text=True)
    assert ("Opportunities worth more than this go to a human: in the corporate currency where the account&#39;s "
            "rates convert the opportunity&#39;s") in page
    assert "else in the opportunity&#39;s own currency." in page
    assert "Closed opportunities a task needs before it is trained" in page
    assert "<code>min_closed_deals</code>" in page and 'name="min_closed_deals"' in page


def test_a_hubspot_accounts_console_keeps_deals(console):
    client = crm_session(console.test_client(), HS, "ann@a.example")
    guardrails = client.get(f"/admin/t/{HS}/guardrails").get_data(as_text=True)
    assert ("Deals worth more than this go to a human: in the corporate currency where the account&#39;s rates "
            "convert the deal&#39;s") in guardrails
    health = client.get(f"/admin/t/{HS}/").get_data(as_text=True)
    assert "Backfill of every open deal" in health and "pportunit" not in _main_text(health)
    mappings = client.get(f"/admin/t/{HS}/mappings").get_data(as_text=True)
    assert ">deal</a>" in mappings and "Opportunity" not in mappings


def test_the_backfill_counts_opportunities_and_leads(console):
    page = _sf_client(console).get(f"/admin/t/{SF}/").get_data(as_text=True)
    assert "Backfill of every open opportunity and lead" in page
    assert "every one of the open opportunities and leads again" in page


def test_record_types_and_field_errors_are_named_as_salesforce_names_them(console, monkeypatch):
    from app.admin import settings_pages

    monkeypatch.setattr(settings_pages, "_crm_fields", lambda tenant, object_type: ({}, None))
    client = _sf_client(console)
    page = client.get(f"/admin/t/{SF}/mappings").get_data(as_text=True)
    nav = re.search(r'<nav aria-label="Record types">(.*?)</nav>', page, re.DOTALL)
    assert (
        nav
        and [t for t in re.findall(r">([^<]+)</a>", nav[1])]
        == ["Opportunity", "Account", "Contact", "Lead"][: len(re.findall(r"</a>", nav[1]))]
    ), nav
    assert "object=deal" in nav[1]  # the address keeps the app's own key
    canonical = re.search(r'name="map\.([a-z_]+)"', page)
    assert canonical, "no mapping row on the page"
    form = {
        "csrf_token": csrf_of(client, f"/admin/t/{SF}/mappings"),
        "object": "deal",
        "action": "save",
        f"map.{canonical[1]}": "NoSuchField__c",
    }
    html = client.post(f"/admin/t/{SF}/mappings", data=form).get_data(as_text=True)
    assert "Opportunity field &#39;NoSuchField__c&#39; does not exist in this org" in html, re.findall(
        r'class="error"[^>]*>([^<]+)', html
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deals worth more than this (in the deal's currency) go to a human.",
            "Opportunities worth more than this (in the opportunity's currency) go to a human.",
        ),
        ("Min closed deals", "Min closed opportunities"),
        ("A Deal stage", "A Opportunity stage"),
        # What the admin types stays as the app names it: keys and field names in backticks.
        (
            "Set `min_closed_deals` or `deal` to 10 deals",
            "Set `min_closed_deals` or `deal` to 10 opportunities",
        ),
        # Honest look-alikes: other words that contain "deal".
        ("A dealer's ideal dealings", "A dealer's ideal dealings"),
        ("closed_deals and deal_id", "closed_deals and deal_id"),
    ],
)
def test_help_texts_take_the_crms_word_for_a_deal_and_nothing_else(text, expected):
    assert crm_words(text, OPPORTUNITY) == expected
    assert crm_words(text, deal_noun(("deal", "deals"))) == text
    assert crm_words(text, None) == text


@pytest.mark.parametrize("path", ["/access", "/learning", "/models"])
def test_a_salesforce_orgs_console_says_this_org(console, path):
    page = _main_text(_sf_client(console).get(f"/admin/t/{SF}{path}").get_data(as_text=True))
    assert "this org" in page, page[:600]
    assert not re.search(r"\bthis account\b", page), re.findall(r".{40}this account.{20}", page)


def test_a_hubspot_accounts_console_says_this_account(console):
    client = crm_session(console.test_client(), HS, "ann@a.example")
    page = _main_text(client.get(f"/admin/t/{HS}/access").get_data(as_text=True))
    assert "this account" in page and "this org" not in page


def test_a_model_cards_text_and_alt_texts_take_the_crms_word_but_not_its_markup_or_figures():
    # Wave 29: an image's alt is text a screen reader reads; it said "deal" on a Salesforce card (it was left as
    # markup). Its src, the class and id, <code> and an inline <svg> stay as they are.
    from app.admin import crm_words_html

    html = (
        '<section class="deal card" id="card-deal"><h3>Conversion: the chance an open deal is won</h3>'
        "<p>Measured on a holdout of 400 deals.</p><ul><li>Days since last deal won</li></ul>"
        '<code>deal_amount deal</code><svg><text>deals</text><path d="M0 0"/></svg>'
        '<img alt="deal" src="data:image/png;base64,ZGVhbA=="><p>Past deals won</p></section>'
    )
    out = crm_words_html(html, OPPORTUNITY)
    assert out == (
        '<section class="deal card" id="card-deal"><h3>Conversion: the chance an open opportunity is won'
        "</h3><p>Measured on a holdout of 400 opportunities.</p><ul><li>Days since last opportunity won</li>"
        '</ul><code>deal_amount deal</code><svg><text>deals</text><path d="M0 0"/></svg>'
        '<img alt="opportunity" src="data:image/png;base64,ZGVhbA=="><p>Past opportunities won</p></section>'
    )
    assert crm_words_html(html, deal_noun(("deal", "deals"))) == html
