"""Sums of money across currencies (integrations.money, scoring.features): converted at the CRM's
rates to the corporate currency, never added as if one currency where a rate is missing or bad."""

from __future__ import annotations

import math
from typing import Any

import pytest

from integrations.base import ClosedWonDeal, History, Record
from integrations.money import (
    RATES_KEY,
    BadRate,
    CurrencyError,
    MissingRate,
    RateTable,
    UnknownCurrency,
    convert,
    iso_code,
    salesforce_rate_table,
    setting_rate_table,
    split_sum,
)
from integrations.salesforce import currencies
from scoring.features import amount_in_corporate, closed_won_log, past_revenue, record_features

USD_ORG = [
    {"IsoCode": "USD", "ConversionRate": 1.0, "IsCorporate": True, "IsActive": True},
    {"IsoCode": "EUR", "ConversionRate": 0.8, "IsCorporate": False, "IsActive": True},
    {"IsoCode": "GBP", "ConversionRate": 0.5, "IsCorporate": False, "IsActive": False},
]


def _record(
    won: list[tuple[str, float, str | None]],
    *,
    currency: str | None = "EUR",
    amount: float = 1000.0,
    rates: Any = None,
) -> Record:
    extra = {RATES_KEY: rates} if rates is not None else {}
    return Record(
        crm="salesforce",
        tenant_id="t",
        object_type="deal",
        id="006X",
        amount=amount,
        currency=currency,
        created_at="2026-01-01T00:00:00+00:00",
        close_date="2026-06-01",
        history=History(closed_won_deals=tuple(ClosedWonDeal(d, a, c) for d, a, c in won)),
        extra=extra,
    )


# --- the pure core ------------------------------------------------------------------------------
def test_salesforce_rates_convert_to_the_corporate_currency_including_inactive_ones() -> None:
    table = salesforce_rate_table(USD_ORG)
    assert table.corporate == "USD"
    assert convert(800.0, "EUR", table) == pytest.approx(1000.0)
    assert convert(100.0, "GBP", table) == pytest.approx(200.0)  # inactive: old deals are still in it
    assert convert(5.0, "usd ", table) == 5.0


@pytest.mark.parametrize("bad", [0, -0.8, "n/a", None, float("nan"), float("inf"), True])
def test_a_bad_rate_from_the_crm_is_skipped_and_named_never_used(bad: Any) -> None:
    rows = [*USD_ORG[:1], {"IsoCode": "EUR", "ConversionRate": bad, "IsCorporate": False}]
    table = salesforce_rate_table(rows)
    assert "EUR" not in table.rates and "EUR" in table.skipped and "positive" in table.skipped["EUR"]
    with pytest.raises(MissingRate, match="EUR to USD"):
        convert(100.0, "EUR", table)


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [{"IsoCode": "EUR", "ConversionRate": 1.0, "IsCorporate": False}],
        [
            {"IsoCode": "EUR", "ConversionRate": 1.0, "IsCorporate": True},
            {"IsoCode": "USD", "ConversionRate": 1.0, "IsCorporate": True},
        ],
    ],
)
def test_no_single_corporate_currency_is_an_error_that_says_where_to_look(rows: list[dict[str, Any]]) -> None:
    with pytest.raises(CurrencyError, match="corporate"):
        salesforce_rate_table(rows)


@pytest.mark.parametrize("code", ["EURO", "€", "", None, "E1R", "US"])
def test_a_code_that_is_not_iso_4217_is_refused(code: Any) -> None:
    with pytest.raises(UnknownCurrency, match="ISO 4217"):
        iso_code(code)


def test_a_well_formed_code_the_org_does_not_keep_has_no_rate() -> None:
    with pytest.raises(MissingRate, match="JPY"):
        convert(1.0, "JPY", salesforce_rate_table(USD_ORG))


@pytest.mark.parametrize(
    "setting",
    [
        {"corporate": "USD", "rates": {"EUR": 0}},
        {"corporate": "USD", "rates": {"EUR": -1}},
        {"corporate": "USD", "rates": {"EURO": 0.9}},
        {"corporate": "dollars", "rates": {}},
        {"corporate": "USD", "rates": {"USD": 2.0}},
        {"corporate": "USD", "rates": ["EUR", 0.9]},
    ],
)
def test_a_bad_exchange_rates_setting_is_refused_with_a_reason(setting: Any) -> None:
    with pytest.raises(CurrencyError):
        setting_rate_table(setting)


def test_a_zero_rate_in_the_setting_is_a_bad_rate_naming_the_currency() -> None:
    with pytest.raises(BadRate, match="for EUR"):
        setting_rate_table({"corporate": "USD", "rates": {"EUR": 0}})


def test_a_setting_round_trips_and_an_unset_one_is_none() -> None:
    table = setting_rate_table({"corporate": "eur", "rates": {"USD": 1.1, "GBP": "0.85"}})
    assert table is not None and table.corporate == "EUR" and table.rates["GBP"] == 0.85
    assert RateTable.from_dict(table.to_dict()) == table
    assert setting_rate_table(None) is None and setting_rate_table({}) is None


def test_split_sum_keeps_what_it_cannot_convert_apart_with_the_reason() -> None:
    table = salesforce_rate_table(USD_ORG)
    got = split_sum(
        [("EUR", 800.0), ("USD", 50.0), ("JPY", 9000.0), ("JPY", 1000.0)], table=table, default="EUR"
    )
    assert got.currency == "USD" and got.total == pytest.approx(1050.0)
    assert got.unconverted == {"JPY": 10000.0} and len(got.why) == 1 and "JPY" in got.why[0]


def test_without_rates_only_the_records_own_currency_is_summed() -> None:
    got = split_sum([("EUR", 100.0), (None, 5.0), ("USD", 70.0)], table=None, default="EUR")
    assert got.currency == "EUR" and got.total == 105.0 and got.unconverted == {"USD": 70.0}
    # A record of unknown currency with undated amounts: nothing tells them apart, they are one currency.
    assert split_sum([(None, 1.0), (None, 2.0)], table=None, default=None).total == 3.0


# --- the features ---------------------------------------------------------------------------------
def test_past_revenue_in_two_currencies_converts_for_the_feature() -> None:
    rec = _record(
        [("2025-01-01", 800.0, "EUR"), ("2025-03-01", 300.0, "USD")],
        rates=salesforce_rate_table(USD_ORG).to_dict(),
    )
    assert record_features(rec)["closed_won_sum"] == pytest.approx(1300.0)
    assert [a for _, a in closed_won_log(rec)] == pytest.approx([1000.0, 300.0])
    assert amount_in_corporate(rec) == pytest.approx(1250.0)


def test_a_won_deal_in_a_currency_without_a_rate_is_left_out_of_the_feature_and_said() -> None:
    rec = _record(
        [("2025-01-01", 800.0, "EUR"), ("2025-03-01", 9000.0, "JPY")],
        rates=salesforce_rate_table(USD_ORG).to_dict(),
    )
    assert record_features(rec)["closed_won_sum"] == pytest.approx(1000.0)
    money = past_revenue(rec)
    assert money.unconverted == {"JPY": 9000.0} and "JPY" in money.why[0]
    assert [a for _, a in closed_won_log(rec)] == pytest.approx([1000.0])


def test_without_rates_a_mixed_history_is_not_added_up() -> None:
    rec = _record([("2025-01-01", 800.0, "EUR"), ("2025-03-01", 300.0, "USD"), ("2025-04-01", 20.0, None)])
    assert record_features(rec)["closed_won_sum"] == pytest.approx(820.0)  # EUR, and the one in the record's
    assert past_revenue(rec).unconverted == {"USD": 300.0}


def test_a_single_currency_history_sums_as_before() -> None:
    rec = _record([("2025-01-01", 800.0, None), ("2025-03-01", 300.0, None)], currency=None)
    assert record_features(rec)["closed_won_sum"] == 1100.0
    assert amount_in_corporate(rec) == 1000.0


def test_a_malformed_rate_table_on_a_record_converts_nothing_rather_than_failing_the_score() -> None:
    rec = _record(
        [("2025-01-01", 800.0, "EUR"), ("2025-03-01", 300.0, "USD")],
        rates={"corporate": "USD", "rates": {"EUR": -3}},
    )
    assert record_features(rec)["closed_won_sum"] == 800.0  # the record's own currency only
    assert (
        amount_in_corporate(_record([], currency="JPY", rates=salesforce_rate_table(USD_ORG).to_dict()))
        is None
    )
    assert not math.isnan(record_features(rec)["closed_won_count"])


# --- the deal's own amount as a feature (wave 27) ------------------------------------------------
def test_a_eur_deals_amount_feature_is_its_value_in_the_corporate_currency() -> None:
    rec = _record([], currency="EUR", amount=920.0, rates=salesforce_rate_table(USD_ORG).to_dict())
    assert record_features(rec)["amount"] == pytest.approx(1150.0)  # 920 EUR at 0.8 per USD
    same_value = _record([], currency="USD", amount=1150.0, rates=salesforce_rate_table(USD_ORG).to_dict())
    assert record_features(same_value)["amount"] == pytest.approx(record_features(rec)["amount"])


@pytest.mark.parametrize("currency", ("JPY", "EURO", "€", ""))
def test_an_amount_in_a_currency_without_a_rate_is_unknown_not_taken_as_corporate(currency: str) -> None:
    rates = salesforce_rate_table(USD_ORG).to_dict()
    # "" is a record whose currency nobody stated: amounts of no stated currency have no rate to convert with.
    feats = record_features(_record([], currency=currency or None, amount=5000.0, rates=rates))
    assert math.isnan(feats["amount"])


@pytest.mark.parametrize("bad", (0, -0.92, "n/a", float("inf")))
def test_a_bad_rate_leaves_the_amount_in_the_records_own_currency(bad: Any) -> None:
    # The connector hands on what the CRM gave; a table with a bad rate is malformed and converts nothing.
    rec = _record([], currency="EUR", amount=920.0, rates={"corporate": "USD", "rates": {"EUR": bad}})
    assert record_features(rec)["amount"] == 920.0


def test_a_single_currency_org_keeps_the_amount_as_it_is() -> None:
    # What the connector makes of a single-currency org's Opportunity: the org default as its currency
    # (integrations.salesforce.mapping), the one-currency table beside it, won deals without a currency.
    one = _setup([{"DefaultCurrencyIsoCode": "GBP"}], multi=False, org="org-gbp").rates
    assert one is not None and one.corporate == "GBP" and dict(one.rates) == {"GBP": 1.0}
    rec = _record([("2025-01-01", 800.0, None)], currency=one.corporate, amount=700.0, rates=one.to_dict())
    feats = record_features(rec)
    assert feats["amount"] == 700.0 and feats["closed_won_sum"] == 800.0
    assert record_features(_record([], currency=None, amount=700.0))["amount"] == 700.0  # no table at all


def test_the_clv_training_log_is_in_the_corporate_currency_like_the_scoring_log() -> None:
    from scoring.train import train_from_records

    rates = salesforce_rate_table(USD_ORG).to_dict()
    recs = [
        _record([("2025-01-01", 800.0, "EUR"), ("2025-03-01", 300.0, "USD"), ("2025-04-01", 9.0, "JPY")],
                rates=rates)
    ]
    seen: list[Any] = []

    def spy(tx: Any, *_a: Any, **_k: Any) -> Any:
        seen.append(tx)
        raise RuntimeError("stop")

    import scoring.train as train

    real, train.train_clv = train.train_clv, spy
    try:
        with pytest.raises(RuntimeError, match="stop"):
            train_from_records(recs, "clv", min_closed=1)
    finally:
        train.train_clv = real
    assert sorted(seen[0]["amount"]) == pytest.approx([300.0, 1000.0])  # 800 EUR = $1,000; JPY has no rate
    assert sorted(seen[0]["amount"]) == pytest.approx(sorted(a for _, a in closed_won_log(recs[0])))


# --- the Salesforce org's set-up, with a misbehaving org -----------------------------------------
def _setup(rows: list[dict[str, Any]], *, multi: bool = True, org: str = "org-x") -> currencies.OrgCurrency:
    currencies.forget(org)
    fields = ["Id", "Amount", *(["CurrencyIsoCode"] if multi else [])]
    return currencies.org_currency(org, field_names=lambda _s: fields, query=lambda _q, _w: rows)


def test_an_org_whose_currency_rows_are_unusable_converts_nothing() -> None:
    bad = _setup([{"IsoCode": "USD", "ConversionRate": 1.0, "IsCorporate": False}])
    assert bad.has_field and bad.rates is None and bad.default is None
    half = _setup([*USD_ORG[:1], {"IsoCode": "EUR", "ConversionRate": -1, "IsCorporate": False}])
    assert half.rates is not None and "EUR" in half.rates.skipped and half.rates.rates == {"USD": 1.0}


def test_a_single_currency_org_reads_its_default_and_a_missing_default_converts_nothing() -> None:
    assert _setup([{"DefaultCurrencyIsoCode": "CHF"}], multi=False).default == "CHF"
    blank = _setup([{"DefaultCurrencyIsoCode": None}], multi=False)
    assert blank.default is None and blank.rates is None


# --- HubSpot: the tenant's setting ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"corporate_currency": "dollars"}, "corporate_currency"),
        ({"corporate_currency": "USD", "exchange_rates": {"EUR": 0}}, "exchange_rates.EUR"),
        ({"corporate_currency": "USD", "exchange_rates": {"EUR": -0.9}}, "exchange_rates.EUR"),
        ({"corporate_currency": "USD", "exchange_rates": {"EURO": 0.9}}, "exchange_rates.EURO"),
        ({"corporate_currency": "USD", "exchange_rates": {"EUR": "lots"}}, "exchange_rates.EUR"),
        ({"exchange_rates": {"EUR": 0.9}}, "exchange_rates"),
        ({"corporate_currency": "USD", "exchange_rates": {"USD": 1.2}}, "exchange_rates.USD"),
    ],
)
def test_a_bad_exchange_rate_setting_is_refused_naming_the_key(changes: dict[str, Any], key: str) -> None:
    from app.settings.schema import DEFAULTS, SettingsError, apply_changes

    with pytest.raises(SettingsError) as err:
        apply_changes(DEFAULTS, changes)
    assert err.value.key == key


def test_a_good_exchange_rate_setting_reaches_hubspot_deals_as_their_rate_table() -> None:
    from app.settings.schema import DEFAULTS, apply_changes
    from integrations.base import Installation, TokenSet
    from integrations.hubspot.connector import installation_rates

    s = apply_changes(DEFAULTS, {"corporate_currency": "usd", "exchange_rates": {"eur": 0.8, "GBP": 0.5}})
    assert (s.corporate_currency, s.exchange_rates) == ("USD", {"EUR": 0.8, "GBP": 0.5})
    inst = Installation(
        tenant_id="hubspot-1",
        crm="hubspot",
        account_id="1",
        tokens=TokenSet(access_token="x"),
        settings={"exchange_rates": {"corporate": s.corporate_currency, "rates": s.exchange_rates}},
    )
    table = installation_rates(inst)
    assert table is not None and convert(80.0, "EUR", table) == pytest.approx(100.0)
    # Hand-edited stored settings: the reads go on without conversion.
    bad = Installation(
        tenant_id="hubspot-1",
        crm="hubspot",
        account_id="1",
        tokens=TokenSet(access_token="x"),
        settings={"exchange_rates": {"corporate": "USD", "rates": {"EUR": -1}}},
    )
    assert installation_rates(bad) is None
    assert (
        installation_rates(
            Installation(
                tenant_id="h", crm="hubspot", account_id="1", tokens=TokenSet(access_token="x"), settings={}
            )
        )
        is None
    )
