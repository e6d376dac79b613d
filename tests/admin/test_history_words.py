"""The history page writes each change in the values a person set (wave 30's walk read "100000.0 → 300000.0",
"None → hs_priority" and "{} → {'USD': 1.0, 'EUR': 0.92, 'GBP': 0.79}")."""

from __future__ import annotations

import html
import re

import pytest

from app import settings
from app.admin.change_words import value_words
from tests.admin.conftest import operator_session

A = "hubspot-101"


def changes_column(client) -> list[str]:
    page = client.get(f"/admin/t/{A}/history").get_data(as_text=True)
    rows = page.split('id="versions"')[1].split("</tbody>")[0].split("<tr>")[2:]
    return [html.unescape(re.sub(r"<[^>]+>", "", row.split("<td>")[5].split("</td>")[0])) for row in rows]


def test_the_history_writes_amounts_shares_unset_values_and_tables_as_a_person_would(console):
    settings.update(
        console, A, {"escalate_amount_over": 300000, "approval_threshold": 0.02}, author="ops@a.example"
    )
    settings.update(
        console,
        A,
        {
            "corporate_currency": "USD",
            "exchange_rates": {"USD": 1.0, "EUR": 0.92},
            "escalate_churn_over": None,
            "redact_pii": False,
        },
        author="ops@a.example",
    )
    settings.update(
        console, A, {"allowed_channels": ["email"], "contact_frequency_cap": 5}, author="ops@a.example"
    )
    newest, middle, oldest = changes_column(operator_session(console.test_client()))[:3]
    assert (
        "escalate_amount_over: 100,000 → 300,000" in oldest
        and "approval_threshold: 0.05 (5%) → 0.02 (2%)" in oldest
    )
    assert "corporate_currency: each record's own currency (nothing converted) → USD" in middle
    assert "exchange_rates: none → USD 1, EUR 0.92" in middle
    assert "escalate_churn_over: 0.8 (80%) → never" in middle
    assert "redact_pii: yes → no" in middle
    assert (
        "allowed_channels: email, call, meeting → email" in newest
        and "contact_frequency_cap: 3 → 5" in newest
    )
    every = " ".join([newest, middle, oldest])
    assert not re.search(r"\bNone\b|\d\.0\b|[{}\[\]]|'\w+':", every), every  # no Python repr left


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("deal.deal_type", None, "the default field"),
        ("deal.deal_type", "hs_priority", "hs_priority"),
        ("company.churned", "Lost_Customer__c", "Lost_Customer__c"),
        ("daily_spend_cap_usd", None, "no daily cap"),
        ("monthly_spend_cap_usd", 50.0, "$50"),
        ("holdout_share", 0.1, "0.1 (10%)"),
        ("min_closed_deals", 50, "50"),
        ("llm_roles", {"writer": "openai:gpt-4o"}, "writer openai:gpt-4o"),
        ("llm_timeouts", {}, "none"),
        ("tone", "formal", "formal"),
    ],
)
def test_each_kind_of_value(key, value, words):
    assert value_words(key, value) == words
