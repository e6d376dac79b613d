"""A company's won deals keep their own currency (`deal_currency_code`) from every path that reads them, so the
card can show past revenue per currency instead of one total in the open deal's currency."""

from __future__ import annotations

from integrations.base import ClosedWonDeal
from integrations.hubspot.fetch import HISTORY_PROPERTIES
from integrations.hubspot.mapping import FieldMapping, closed_won_from, won_deal
from integrations.hubspot.metadata import history_from, history_json

STAGES = {"closedwon": "won", "closedlost": "lost"}


def test_each_won_deal_carries_its_own_currency_and_a_deal_without_one_is_unknown():
    won = closed_won_from(
        [
            {
                "id": "1",
                "properties": {
                    "dealstage": "closedwon",
                    "amount": "10",
                    "closedate": "2025-01-01T00:00:00Z",
                    "deal_currency_code": "EUR",
                },
            },
            {
                "id": "2",
                "properties": {
                    "dealstage": "closedwon",
                    "amount": "7",
                    "closedate": "2025-02-01T00:00:00Z",
                    "deal_currency_code": "USD",
                },
            },
            {
                "id": "4",
                "properties": {"dealstage": "closedwon", "amount": "3", "closedate": "2025-03-01T00:00:00Z"},
            },
        ],
        FieldMapping(),
        STAGES,
        exclude_id="9",
    )
    assert [(w.amount, w.currency) for w in won] == [(10.0, "EUR"), (7.0, "USD"), (3.0, None)]


def test_a_mapping_without_a_currency_field_reads_won_deals_without_failing():
    deal = {k: v for k, v in FieldMapping().deal.items() if k != "currency"}
    assert won_deal({"amount": "5", "closedate": "2025-01-01"}, deal) == ClosedWonDeal(
        "2025-01-01", 5.0, None
    )


def test_the_other_deals_of_a_company_are_read_with_their_currency():
    assert "currency" in HISTORY_PROPERTIES


def test_the_shared_history_cache_keeps_the_currency_and_reads_rows_cached_before_it_had_one():
    history = (("11", ClosedWonDeal("2025-01-01", 10.0, "GBP")), ("12", ClosedWonDeal("2025-02-01", 4.0)))
    assert history_from(history_json(history)) == history
    assert history_from([["11", "2025-01-01", 10.0]]) == (("11", ClosedWonDeal("2025-01-01", 10.0, None)),)
