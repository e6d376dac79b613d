"""Amounts on the card carry their own currency, and amounts in different currencies are never added up.

Wave 24's walk: a EUR deal's lifetime value read "$34,723", past revenue won by a company whose deals were in two
currencies was one total in the deal's, and the company's annual revenue had no currency at all.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cards.view import card_view, factor_view, past_revenue_text
from app.pipeline.card import card_record
from integrations.base import ClosedWonDeal, History, Record, revenue_by_currency

ROOT = Path(__file__).resolve().parents[2]
MEETING = json.loads((ROOT / "ui_extensions/hubspot/tests/fixtures/payload_meeting_draft.json").read_text())
NOW = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)
PAST = {"feature": "closed_won_sum", "label": "Past revenue won: 92,300 ↑", "direction": "+", "impact": 0.2}


def _card(record: dict, clv: dict | None = None) -> dict:
    data = copy.deepcopy(MEETING)
    data["record"] = {**data["record"], **record}
    data["scores"]["conversion"]["factors"] = [PAST]
    data["scores"]["clv"] = clv or {"value": 34723.0, "score_1_99": 50, "band": "medium"}
    return card_view(data, now=NOW)


def _deal(currency: str | None, won: list[tuple[float, str | None]]) -> Record:
    return Record(
        crm="hubspot",
        tenant_id="t",
        object_type="deal",
        id="1",
        amount=53200.0,
        currency=currency,
        history=History(
            closed_won_deals=tuple(ClosedWonDeal(f"2025-01-0{i + 1}", a, c) for i, (a, c) in enumerate(won))
        ),
    )


def test_a_eur_deals_lifetime_value_and_past_revenue_read_in_eur():
    view = _card({"currency": "EUR", "past_revenue": [{"currency": "EUR", "amount": 92300.0}]})
    assert view["conversion"]["factors"][0]["text"] == "Past revenue won: 92,300 EUR"
    clv = next(t for t in view["details"]["scores"] if t["key"] == "clv")
    assert clv["headline"] == "34,723 EUR" and "not converted" not in clv["detail"]


@pytest.mark.parametrize(
    ("past", "text"),
    [
        (
            [{"currency": "USD", "amount": 80300.0}, {"currency": "EUR", "amount": 12000.0}],
            "Past revenue won: $80,300 and 12,000 EUR (mixed currencies, not added up)",
        ),
        (
            [
                {"currency": "GBP", "amount": 50000.0},
                {"currency": "EUR", "amount": 30000.0},
                {"currency": "USD", "amount": 12300.0},
            ],
            "Past revenue won: 50,000 GBP, 30,000 EUR and $12,300 (mixed currencies, not added up)",
        ),
    ],
)
def test_past_revenue_in_several_currencies_is_shown_per_currency_never_as_one_total(past, text):
    view = _card({"currency": "EUR", "past_revenue": past})
    assert view["conversion"]["factors"][0]["text"] == text
    assert "92,300" not in text


def test_a_lifetime_value_learnt_from_amounts_in_two_currencies_has_no_currency_and_says_why():
    view = _card({"currency": "EUR", "past_revenue": [{"currency": "USD", "amount": 80300.0}]})
    clv = next(t for t in view["details"]["scores"] if t["key"] == "clv")
    assert clv["headline"] == "34,723"
    assert clv["detail"] == "Higher than 50% of customers; from amounts in EUR and USD, not converted"


def test_a_usd_deal_with_usd_history_reads_in_dollars_as_before():
    view = _card({"currency": "USD", "past_revenue": [{"currency": "USD", "amount": 92300.0}]})
    assert view["conversion"]["factors"][0]["text"] == "Past revenue won: $92,300"
    assert next(t for t in view["details"]["scores"] if t["key"] == "clv")["headline"] == "$34,723"


def test_past_revenue_whose_currency_nobody_knows_says_so_instead_of_guessing_dollars():
    assert past_revenue_text([{"currency": None, "amount": 92300.0}]) == "92,300 (currency not recorded)"


def test_a_payload_stored_before_past_revenue_was_recorded_keeps_the_deals_currency():
    view = _card({"currency": "EUR"})
    assert view["conversion"]["factors"][0]["text"] == "Past revenue won: 92,300 EUR"


@pytest.mark.parametrize("value", ["5,000,000", "120000000"])
def test_company_annual_revenue_is_said_to_be_in_the_company_currency_not_the_deals(value):
    factor = {
        "feature": "company_annual_revenue",
        "label": f"Company annual revenue: {value} ↑",
        "direction": "+",
    }
    text = factor_view(factor, {}, "EUR")["text"]
    assert text == f"Company annual revenue: {value} (company currency)"
    assert "EUR" not in text and "$" not in text


def test_the_card_record_sums_won_deals_per_currency_and_counts_an_unmarked_deal_in_the_records():
    record = _deal("EUR", [(10000.0, "EUR"), (5000.0, None), (80300.0, "USD"), (2000.0, "USD")])
    assert card_record(record)["past_revenue"] == [
        {"currency": "USD", "amount": 82300.0},
        {"currency": "EUR", "amount": 15000.0},
    ]
    assert revenue_by_currency((), "EUR") == {}


def test_a_won_deals_currency_survives_the_canonical_dict_and_an_unknown_one_leaves_the_fingerprint_alone():
    from app.pipeline.writeback import content_hash, record_fingerprint

    record = _deal("EUR", [(10000.0, "GBP")])
    assert Record.from_dict(record.to_dict()) == record
    unknown = _deal("EUR", [(10000.0, None)])
    as_before = unknown.to_dict() | {"app_task": None}
    for won in as_before["history"]["closed_won_deals"]:
        del won["currency"]  # the canonical dict before wave 25 had no such key
    assert record_fingerprint(unknown) == content_hash(as_before)
    assert record_fingerprint(record) != record_fingerprint(_deal("EUR", [(10000.0, "EUR")]))


def test_a_eur_deal_in_a_usd_org_reads_in_eur_on_the_card_while_its_feature_converts():
    from integrations.money import RATES_KEY, RateTable
    from scoring.features import record_features

    rates = RateTable("USD", {"EUR": 0.8}).to_dict()
    record = _deal("EUR", [(8000.0, "EUR"), (2000.0, "USD")])
    record = Record(**{**record.__dict__, "extra": {RATES_KEY: rates}})
    card = card_record(record)
    assert card["currency"] == "EUR"
    assert card["past_revenue"] == [
        {"currency": "EUR", "amount": 8000.0},
        {"currency": "USD", "amount": 2000.0},
    ]
    assert record_features(record, as_of=NOW)["closed_won_sum"] == 12000.0  # 8,000 EUR = $10,000, + $2,000
    view = _card(
        {"currency": "EUR", "past_revenue": card["past_revenue"]},
        clv={"value": 34723.0, "score_1_99": 50, "band": "medium", "currency": "USD"},
    )
    assert view["conversion"]["factors"][0]["text"] == (
        "Past revenue won: 8,000 EUR and $2,000 (mixed currencies, not added up)"
    )
    clv = next(t for t in view["details"]["scores"] if t["key"] == "clv")
    assert clv["headline"] == "$34,723" and "not converted" not in clv["detail"]


def test_the_rate_table_stays_out_of_the_fingerprint_and_the_currency_stays_in():
    from app.pipeline.writeback import record_fingerprint
    from integrations.money import RATES_KEY

    base = _deal("EUR", [(10000.0, "EUR")])
    monday = Record(**{**base.__dict__, "extra": {RATES_KEY: {"corporate": "USD", "rates": {"EUR": 0.92}}}})
    tuesday = Record(**{**base.__dict__, "extra": {RATES_KEY: {"corporate": "USD", "rates": {"EUR": 0.93}}}})
    assert record_fingerprint(monday) == record_fingerprint(tuesday) == record_fingerprint(base)
    assert record_fingerprint(Record(**{**base.__dict__, "currency": "USD"})) != record_fingerprint(base)


def test_past_revenue_the_scores_leave_out_is_noted_on_the_card_payload_with_why():
    from integrations.money import RATES_KEY, RateTable

    rated = Record(
        **{
            **_deal("EUR", [(8000.0, "EUR"), (9000.0, "JPY")]).__dict__,
            "extra": {RATES_KEY: RateTable("USD", {"EUR": 0.8}).to_dict()},
        }
    )
    note = card_record(rated)["past_revenue_note"]
    assert note.startswith("Left out of the scores' past revenue (USD): 9,000 JPY.") and "JPY to USD" in note
    unrated = _deal("EUR", [(8000.0, "EUR"), (2000.0, "USD")])
    assert "2,000 USD" in card_record(unrated)["past_revenue_note"]
    assert card_record(_deal("EUR", [(8000.0, "EUR"), (1.0, None)]))["past_revenue_note"] is None


def test_a_eur_deal_in_a_usd_org_reads_eur_on_the_card_and_its_amount_factor_in_dollars():
    from integrations.money import RATES_KEY, RateTable
    from scoring.features import record_features

    record = _deal("EUR", [])
    converted = Record(**{**record.__dict__, "extra": {RATES_KEY: RateTable("USD", {"EUR": 0.8}).to_dict()}})
    card = card_record(converted)
    assert card["currency"] == "EUR" and card["amount"] == 53200.0 and card["scores_currency"] == "USD"
    value = record_features(converted, as_of=NOW)["amount"]
    assert value == 66500.0  # 53,200 EUR at 0.8 per USD
    factor = {"feature": "amount", "label": f"Deal amount: {value:,.0f} ↑", "direction": "+", "impact": 0.3}
    data = copy.deepcopy(MEETING)
    data["record"] = {**data["record"], **card}
    data["scores"]["conversion"]["factors"] = [factor]
    view = card_view(data, now=NOW)
    assert view["conversion"]["factors"][0]["text"] == "Deal amount: $66,500"
    # Without rates (or a currency the CRM has no rate for) the factor is the deal's own amount, in its currency.
    assert card_record(record)["scores_currency"] == "EUR"
    yen = Record(**{**converted.__dict__, "currency": "JPY"})
    assert card_record(yen)["scores_currency"] == "JPY"
    assert factor_view(factor, {}, "EUR")["text"] == "Deal amount: 66,500 EUR"  # a payload from before wave 27
