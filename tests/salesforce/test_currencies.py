"""A Salesforce org's currencies, end to end on the sandbox: a multi-currency org's records carry
CurrencyIsoCode and its CurrencyType rates (the past revenue feature converts to the corporate
currency), a single-currency org has no such field and everything is in its default currency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from integrations.base import Installation
from integrations.errors import CrmRejected
from integrations.money import RATES_KEY, RateTable
from integrations.salesforce import currencies
from integrations.salesforce.connector import CONNECTOR
from integrations.salesforce.oauth import parse_token_response
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle, run_salesforce_sandbox
from integrations.sandbox.salesforce_api.schema import CURRENCY_RATES
from scoring.features import parse_time, record_features, reference_time

from .conftest import ORGS, sf_config

SINGLE_ORG = "00D5g000007SNGLEAW"


def _client(sb: SalesforceSandboxHandle, org_id: str) -> Any:
    inst = Installation(
        tenant_id=CONNECTOR.tenant_id_for(org_id),
        crm="salesforce",
        account_id=org_id,
        tokens=parse_token_response(sb.token(org_id)),
        settings={},
    )
    return CONNECTOR.client(inst, config=sf_config(sb))


@pytest.fixture(scope="module")
def single() -> Iterator[SalesforceSandboxHandle]:
    with run_salesforce_sandbox(
        seed=11,
        org_ids=(SINGLE_ORG,),
        n_companies=8,
        n_open_deals=10,
        n_closed_deals=30,
        n_leads=20,
        multi_currency=False,
        retry_scale=0.0005,
    ) as sb:
        yield sb


def _past(rec: Any) -> list[float]:
    """The amounts of the wins before the moment the record's features describe."""
    now = reference_time(rec, None)
    return [d.amount for d in rec.history.closed_won_deals if (t := parse_time(d.date)) and t < now]


def _with_history(records: Any) -> list[Any]:
    return [r for r in records if r.history.closed_won_deals]


def test_a_eur_deal_in_a_usd_org_reads_in_eur_and_its_past_revenue_converts_at_the_orgs_rate(
    make_client: Any, sfsb: SalesforceSandboxHandle
) -> None:
    c = make_client()
    recs = list(c.iter_records("deal", kinds=("open", "won", "lost")))
    eur = [r for r in _with_history(recs) if r.currency == "EUR" and _past(r)]
    assert eur, "the seeded market has EUR accounts with past wins"
    rec = eur[0]
    stored = sfsb.store("Opportunity", rec.id, org_id=ORGS[0])
    assert stored["CurrencyIsoCode"] == "EUR" and rec.amount == pytest.approx(stored["Amount"])
    assert {d.currency for d in rec.history.closed_won_deals} == {"EUR"}
    table = RateTable.from_dict(rec.extra[RATES_KEY])
    assert table is not None and table.corporate == "USD"
    assert table.rates == pytest.approx(CURRENCY_RATES)
    past = _past(rec)
    feats = record_features(rec)
    assert feats["closed_won_sum"] == pytest.approx(sum(past) / CURRENCY_RATES["EUR"])
    # The rate is not 1: an unconverted sum would differ from the converted one.
    assert feats["closed_won_sum"] != pytest.approx(sum(past))


def test_the_orgs_currency_set_up_is_read_once_and_cached(
    make_client: Any, sfsb: SalesforceSandboxHandle
) -> None:
    c = make_client()
    currencies.forget()
    before = sfsb.stats()["api_requests"]
    first = c.currency()
    assert sfsb.stats()["api_requests"] - before == 2  # describe Opportunity + CurrencyType
    assert c.currency() == first and sfsb.stats()["api_requests"] - before == 2
    assert first.has_field and first.default == "USD"


def test_a_single_currency_org_has_no_currency_field_and_reads_in_its_default_currency(
    single: SalesforceSandboxHandle,
) -> None:
    c = _client(single, SINGLE_ORG)
    assert "CurrencyIsoCode" not in {f.name for f in c.describe("Opportunity")}
    with pytest.raises(CrmRejected, match="CurrencyIsoCode"):
        c._query_all("SELECT Id, CurrencyIsoCode FROM Opportunity", "probe")  # what a naive read would do
    with pytest.raises(CrmRejected):
        c._query_all("SELECT IsoCode FROM CurrencyType", "probe")
    setup = c.currency()
    assert (setup.has_field, setup.default) == (False, "USD")
    recs = list(c.iter_records("deal", kinds=("open", "won", "lost")))
    assert recs and {r.currency for r in recs} == {"USD"}
    hist = _with_history(recs)
    assert hist and all(d.currency == "USD" for r in hist for d in r.history.closed_won_deals)
    rec = next(r for r in hist if _past(r))
    assert RateTable.from_dict(rec.extra[RATES_KEY]) == RateTable("USD", {})
    assert sum(_past(rec)) > 0 and record_features(rec)["closed_won_sum"] == pytest.approx(sum(_past(rec)))
