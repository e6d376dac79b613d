"""The market's money (wave 27): each deal's value is drawn in the corporate currency and a CRM shows it in
its company's currency at the market's one rate table, which the Salesforce sandbox serves as CurrencyType and
the HubSpot demo's revenue ops enters as the tenant's exchange rates, so converting a CRM amount back with the
CRM's own rates gives the value the truth reads."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from integrations.money import RateTable, convert, salesforce_rate_table
from integrations.sandbox.hubspot_api.bridge import Bridge as HubSpotBridge
from integrations.sandbox.hubspot_api.demo import DemoSandbox as HubSpotDemo
from integrations.sandbox.hubspot_api.store import Portal
from integrations.sandbox.market import (
    CORPORATE,
    RATES,
    Market,
    MarketConfig,
    UnknownMarketCurrency,
    local_amount,
)
from integrations.sandbox.market._locales import LOCALES
from integrations.sandbox.salesforce_api import schema
from integrations.sandbox.salesforce_api.org import Org
from integrations.sandbox.salesforce_api.seed import Bridge as SalesforceBridge

START = datetime(2026, 10, 1, tzinfo=UTC)


def _market(seed: int = 2, locale: str | None = None) -> Market:
    return Market(
        MarketConfig(
            seed=seed,
            start=START,
            n_companies=25,
            n_owners=4,
            n_open_deals=20,
            n_closed_deals=60,
            locale=locale,
        )
    )


def _org(m: Market, *, multi_currency: bool = True) -> tuple[Org, SalesforceBridge]:
    org = Org(org_id="00D5g000007MONEYAW", name="Money", pod="1W", multi_currency=multi_currency)
    bridge = SalesforceBridge(org, m, n_leads=0)
    bridge.seed()
    return org, bridge


def test_the_sandbox_serves_the_markets_own_rate_table_not_a_copy():
    assert schema.CURRENCY_RATES is RATES and RATES[CORPORATE] == 1.0
    m = _market()
    org, _ = _org(m)
    table = salesforce_rate_table(org.records["CurrencyType"].values())
    assert table.corporate == CORPORATE and dict(table.rates) == RATES


@pytest.mark.parametrize("locale", (None, *LOCALES))
def test_every_companys_currency_has_a_rate(locale):
    assert {c.currency for c in _market(3, locale).companies} <= set(RATES)


def test_a_salesforce_opportunity_shows_its_companys_currency_and_converts_back_to_the_markets_value():
    m = _market()
    org, bridge = _org(m)
    table = salesforce_rate_table(org.records["CurrencyType"].values())
    seen = set()
    for d in m.deals:
        opp = org.records["Opportunity"][bridge.ids["Opportunity"][d.key]]
        assert opp["CurrencyIsoCode"] == d.currency
        assert convert(opp["Amount"], opp["CurrencyIsoCode"], table) == pytest.approx(d.amount, abs=0.01)
        seen.add(d.currency)
    assert {"EUR", "GBP", "USD"} <= seen, "seed 2 has deals in all three currencies"
    eur = next(d for d in m.deals if d.currency == "EUR")
    # The amount shown is not the value only relabelled (what the market did before wave 27).
    assert org.records["Opportunity"][bridge.ids["Opportunity"][eur.key]]["Amount"] == pytest.approx(
        eur.amount * 0.92
    )


def test_a_single_currency_org_shows_every_value_in_its_one_currency():
    m = _market()
    org, bridge = _org(m, multi_currency=False)
    assert org.currency == CORPORATE and not org.records["CurrencyType"]
    for d in m.deals:
        opp = org.records["Opportunity"][bridge.ids["Opportunity"][d.key]]
        assert "CurrencyIsoCode" not in opp and opp["Amount"] == pytest.approx(d.amount)


def test_a_hubspot_deal_shows_its_companys_currency_and_the_demos_rates_convert_it_back():
    m = _market()
    bridge = HubSpotBridge(Portal(4242), m)
    bridge.seed()
    settings = HubSpotDemo.revops_settings
    table = RateTable(settings["corporate_currency"], settings["exchange_rates"])
    for d in m.deals:
        props = bridge.portal.get("deals", bridge.ids["deals"][d.key]).properties
        assert props["deal_currency_code"] == d.currency
        assert convert(float(props["amount"]), props["deal_currency_code"], table) == pytest.approx(
            d.amount, abs=1
        )


def test_the_truth_reads_the_value_not_the_amount_a_crm_shows():
    m = _market()
    d = next(d for d in m.open_deals() if d.currency == "GBP")
    p = m.p_win(d.key)
    # Same deal, same value: relabelling its currency changes what the CRM shows, not its odds.
    d.currency = "EUR"
    assert m.p_win(d.key) == p and d.local_amount == pytest.approx(d.amount * 0.92)


@pytest.mark.parametrize("code", ("JPY", "usd", "", "EURO"))
def test_a_currency_the_market_has_no_rate_for_is_refused_naming_where_to_add_it(code):
    with pytest.raises(UnknownMarketCurrency, match="_money.RATES"):
        local_amount(1000.0, code)


def test_a_value_in_the_corporate_currency_shows_as_itself():
    assert local_amount(8000.0, CORPORATE) == 8000.0 and local_amount(8000.0, "GBP") == pytest.approx(6320.0)
