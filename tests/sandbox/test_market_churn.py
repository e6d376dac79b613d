"""Churn in the simulated market is a process of the account's behaviour: it fades, then leaves for good."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from integrations.sandbox.market import Market, MarketConfig, _churn, _generate

START = datetime(2026, 10, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(MarketConfig(seed=11, start=START, n_companies=200, n_owners=6, n_open_deals=30,
                               n_closed_deals=700))


def _churned(m: Market) -> list:
    return [c for c in m.companies if c.churned_at is not None]


def test_a_third_or_so_of_customers_churned_over_the_history(market):
    customers = [c for c in market.companies if market.won_at.get(c.key)]
    share = len(_churned(market)) / len(customers)
    assert len(customers) >= 60 and 0.15 <= share <= 0.6, share


def test_no_churned_account_starts_or_wins_a_deal_after_its_churn_date(market):
    churned = {c.key: c.churned_at for c in _churned(market)}
    assert churned
    for d in market.deals:
        if d.company in churned:
            assert d.created_at < churned[d.company], d.key
            if d.stage == "closedwon":
                assert d.closed_at < churned[d.company], d.key
    assert all(t < churned[k] for k, times in market.won_at.items() if k in churned for t in times)


def test_accounts_start_fewer_and_less_engaged_deals_in_the_months_before_they_churn(market):
    fading, before = [], []
    engagement_fading, engagement_before = [], []
    window = timedelta(days=_churn.FADE_DAYS)
    for comp in _churned(market):
        deals = [d for d in market.deals if d.company == comp.key]
        # Only accounts whose history covers a full window before the fade began.
        if comp.churned_at - 2 * window < START - timedelta(days=_generate.HISTORY_DAYS):
            continue
        late = [d for d in deals if comp.churned_at - window <= d.created_at < comp.churned_at]
        early = [d for d in deals if comp.churned_at - 2 * window <= d.created_at < comp.churned_at - window]
        fading.append(len(late))
        before.append(len(early))
        engagement_fading += [d.engagement_ for d in late]
        engagement_before += [d.engagement_ for d in early]
    assert len(fading) >= 10
    assert sum(fading) < 0.75 * sum(before), (sum(fading), sum(before))
    assert np.mean(engagement_fading) < np.mean(engagement_before)


def test_churn_dates_are_seeded():
    config = MarketConfig(seed=4, start=START, n_companies=60, n_closed_deals=200, n_open_deals=20)
    a, b = Market(config), Market(config)
    assert [c.churned_at for c in a.companies] == [c.churned_at for c in b.companies]
    assert any(c.churned_at for c in a.companies)


def test_the_live_market_churns_a_customer_on_its_churn_date_and_loses_its_open_deals(market):
    m = Market(MarketConfig(seed=11, start=START, n_companies=200, n_owners=6, n_open_deals=30,
                            n_closed_deals=700))
    due = sorted((c.churn_due_, c.key) for c in m.companies if c.churn_due_ is not None and c.churn_due_ > m.now)
    assert due
    when, key = due[0]
    events = m.advance((when - m.now).days + 1)
    assert {"type": "churned", "company": key} in events
    assert m.companies[key].churned_at == when
    assert m.churn_truth(key) is None  # no longer a customer
    assert not any(d.stage == "closedwon" and d.closed_at >= when for d in m.deals if d.company == key)


def test_the_reported_churn_truth_grows_with_the_accounts_hidden_risk(market):
    customers = [c for c in market.companies if market.churn_truth(c.key) is not None]
    risk = np.array([c.churn_risk_ for c in customers])
    truth = np.array([market.churn_truth(c.key) for c in customers])
    assert np.all(np.diff(truth[np.argsort(risk)]) >= 0)
    assert 0 < truth.min() < truth.max() < 1
