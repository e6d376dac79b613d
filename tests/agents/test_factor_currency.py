"""The analyst's score factors name their amount's currency, and past revenue won in several currencies is never
one figure: wave 24's card read "Main risk: Past revenue won: 80,300" for a company whose deals were in two."""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents.analyst import factor_label, offline_analysis
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.safety import check_analysis
from integrations.base import ClosedWonDeal
from tests.agents.conftest import NOW, load_record

PAST = {"feature": "closed_won_sum", "label": "Past revenue won: 92,300 ↓", "direction": "-", "impact": -0.3}
AMOUNT = {"feature": "amount", "label": "Amount: 48,000 ↑", "direction": "+", "impact": 0.3}
MIXED = (ClosedWonDeal("2025-01-01", 80300.0, "USD"), ClosedWonDeal("2025-02-01", 12000.0, "EUR"))


def _ctx(name: str, won: tuple[ClosedWonDeal, ...]):
    record, scores = load_record(name)
    record = replace(record, history=replace(record.history, closed_won_deals=won))
    conversion = {
        **(scores or {}).get("conversion", {"probability": 0.4, "band": "medium"}),
        "factors": [PAST, AMOUNT],
    }
    return build_context(record, {**(scores or {}), "conversion": conversion}, now=NOW)


@pytest.mark.parametrize("name", ["hubspot_deal", "salesforce_opportunity"])
def test_past_revenue_in_two_currencies_is_named_per_currency_without_a_cross_currency_total(name):
    ctx = _ctx(name, MIXED)
    assert factor_label(PAST, ctx) == "Past revenue won in USD and EUR (mixed currencies, not one total)"
    out = offline_analysis({"ctx": ctx})
    assert "92,300" not in out.summary and "92,300" not in " ".join(s.label for s in out.risk_indicators)
    assert check_analysis(out, ctx, build_vocabulary(ctx)) == []


@pytest.mark.parametrize(
    ("won", "currency"),
    [
        ((ClosedWonDeal("2025-01-01", 50000.0, "EUR"), ClosedWonDeal("2025-02-01", 42300.0, "EUR")), "EUR"),
        ((ClosedWonDeal("2025-01-01", 92300.0, None),), "EUR"),  # no currency on the won deal: the record's
        ((ClosedWonDeal("2025-01-01", 92300.0, "GBP"),), "GBP"),  # one other currency than the deal's
    ],
)
def test_past_revenue_in_one_currency_keeps_the_scorers_figure_and_adds_that_currency(won, currency):
    ctx = _ctx("fr_deal", won)
    assert factor_label(PAST, ctx) == f"Past revenue won: 92,300 ↓ ({currency})"
    out = offline_analysis({"ctx": ctx})
    assert check_analysis(out, ctx, build_vocabulary(ctx)) == []


def test_the_deal_amount_factor_reads_in_the_deals_currency():
    assert factor_label(AMOUNT, _ctx("fr_deal", ())) == "Amount: 48,000 ↑ (EUR)"


@pytest.mark.parametrize(
    "factor",
    [
        {"feature": "deal_type", "label": "Deal Type: existingbusiness ↑"},
        {"feature": "page_views", "label": "Page views: 165 ↑"},
        {"feature": "closed_won_sum", "label": "Past revenue won: missing ↓"},
    ],
)
def test_factors_that_are_no_amount_or_carry_no_figure_are_left_as_the_scorer_wrote_them(factor):
    assert factor_label(factor, _ctx("hubspot_deal", MIXED)) == factor["label"]


@pytest.mark.parametrize("name", ["hubspot_deal", "salesforce_opportunity"])
def test_past_revenue_converted_at_the_crms_rates_is_named_in_the_corporate_currency(name):
    from integrations.money import RATES_KEY, RateTable

    rates = {RATES_KEY: RateTable("USD", {"EUR": 0.8}).to_dict()}
    ctx = _ctx(name, MIXED)
    ctx = build_context(
        replace(ctx.record, currency="EUR", extra={**ctx.record.extra, **rates}), ctx.scores, now=NOW
    )
    assert factor_label(PAST, ctx) == "Past revenue won: 92,300 ↓ (USD)"
    out = offline_analysis({"ctx": ctx})
    assert check_analysis(out, ctx, build_vocabulary(ctx)) == []
    # A won deal in a currency the CRM has no rate for: the figure is no total of them all.
    yen = build_context(
        replace(
            ctx.record,
            history=replace(
                ctx.record.history, closed_won_deals=(*MIXED, ClosedWonDeal("2025-03-01", 9000.0, "JPY"))
            ),
        ),
        ctx.scores,
        now=NOW,
    )
    assert (
        factor_label(PAST, yen) == "Past revenue won in USD and EUR and JPY (mixed currencies, not one total)"
    )


@pytest.mark.parametrize("name", ["hubspot_deal", "salesforce_opportunity"])
def test_a_eur_deals_amount_converted_at_the_crms_rates_is_named_in_the_corporate_currency(name):
    from integrations.money import RATES_KEY, RateTable

    ctx = _ctx(name, ())
    converted = build_context(
        replace(ctx.record, currency="EUR",
                extra={**ctx.record.extra, RATES_KEY: RateTable("USD", {"EUR": 0.92}).to_dict()}),
        ctx.scores, now=NOW,
    )
    # scoring.features.amount_in_corporate made the figure a USD one: "(EUR)" would misstate it.
    assert factor_label(AMOUNT, converted) == "Amount: 48,000 ↑ (USD)"
    out = offline_analysis({"ctx": converted})
    assert check_analysis(out, converted, build_vocabulary(converted)) == []
    # The CRM has no rate for the deal's currency: the scorer left the amount unconverted, so it stays the deal's.
    yen = build_context(replace(converted.record, currency="JPY"), converted.scores, now=NOW)
    assert factor_label(AMOUNT, yen) == "Amount: 48,000 ↑ (JPY)"
