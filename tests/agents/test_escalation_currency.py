"""The amount guardrail compares a deal in its account's corporate currency where the record's rate
table converts it (wave 30's walk: a GBP 294,275 deal in a USD account with a 300,000 threshold was
not escalated, and the reason wrote amounts without a currency)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from agents import LlmResult, Policy, decide
from agents.decision import amount_for_threshold
from integrations.money import RATES_KEY
from tests.agents.conftest import load_record

CHICAGO = ZoneInfo("America/Chicago")
WED_10 = datetime(2026, 11, 25, 10, 0, tzinfo=CHICAGO)
PROPOSAL = LlmResult(arm="value_reinforcement", channel="email", due_at=WED_10, recipient_contact_id="501")
RECORD, SCORES = load_record()
USD_BOOK = {"corporate": "USD", "rates": {"GBP": 0.79, "JPY": 150.0, "EUR": 0.92}}
POLICY = Policy(escalate_amount_over=300_000.0)


def deal(amount: float, currency: str | None, rates: object = USD_BOOK):
    extra = {key: value for key, value in RECORD.extra.items() if key != RATES_KEY}
    if rates is not None:
        extra[RATES_KEY] = rates
    return replace(RECORD, amount=amount, currency=currency, extra=extra)


def decided(record):
    return decide(record, SCORES, PROPOSAL, POLICY)


def test_a_pound_deal_worth_more_than_the_dollar_threshold_goes_to_a_human():
    decision = decided(deal(294_275.0, "GBP"))
    assert decision.escalate
    assert "amount GBP 294,275 (USD 372,500) above USD 300,000: human review" in decision.reasons


def test_a_yen_deal_whose_number_passes_the_threshold_is_not_a_big_deal():
    decision = decided(deal(300_001.0, "JPY"))
    assert not decision.escalate, decision.reasons


def test_a_euro_deal_just_under_the_threshold_in_dollars_stays_with_the_rep():
    assert amount_for_threshold(deal(275_000.0, "EUR")) == (275_000.0 / 0.92, "USD")
    assert not decided(deal(275_000.0, "EUR")).escalate
    assert decided(deal(277_000.0, "EUR")).escalate


def test_a_currency_the_table_lacks_is_compared_in_its_own_currency_and_named():
    decision = decided(deal(310_000.0, "CHF"))
    assert decision.escalate
    assert "amount CHF 310,000 above CHF 300,000: human review" in decision.reasons


def test_without_a_rate_table_the_deal_is_compared_in_its_own_currency():
    assert amount_for_threshold(deal(294_275.0, "GBP", rates=None)) == (294_275.0, "GBP")
    assert not decided(deal(294_275.0, "GBP", rates=None)).escalate


def test_a_broken_rate_table_falls_back_to_the_deals_own_currency_instead_of_failing():
    for broken in ({"corporate": "dollars", "rates": {}}, {"corporate": "USD", "rates": {"GBP": -1}}, "USD"):
        assert amount_for_threshold(deal(301_000.0, "GBP", rates=broken)) == (301_000.0, "GBP")
        assert decided(deal(301_000.0, "GBP", rates=broken)).escalate


def test_a_deal_without_a_currency_keeps_the_plain_number():
    decision = decided(deal(301_000.0, None))
    assert decision.escalate
    assert "amount 301,000 above 300,000: human review" in decision.reasons
