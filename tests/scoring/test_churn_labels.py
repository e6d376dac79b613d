"""Churn rows describe churned and staying customers at the same kind of moment (no time leak)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from integrations.base import Record
from scoring.churn_labels import churn_flag, dated_labels, observations
from scoring.train import records_to_frame

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _deal(company: str, won_at: datetime, *, churned_at: datetime | None = None, flag: str | None = None) -> Record:
    extra: dict[str, str] = {"churned": flag if flag is not None else ("true" if churned_at else "false")}
    if churned_at:
        extra["churn_date"] = churned_at.date().isoformat()
    return Record.from_dict({
        "crm": "hubspot", "tenant_id": "t", "object_type": "deal", "id": f"d-{company}", "name": f"deal {company}",
        "amount": 1000.0, "currency": "USD", "stage": "closedwon", "stage_kind": "won", "pipeline": "default",
        "close_date": won_at.isoformat(), "created_at": (won_at - timedelta(days=30)).isoformat(),
        "company": {"id": company, "name": f"Company {company}", "industry": "Retail", "employees": 50},
        "history": {"closed_won_deals": [{"date": won_at.isoformat(), "amount": 1000.0}]}, "extra": extra})


def _obs(*deals):
    return list(observations(deals, flag_key="churned", date_key="churn_date", now=NOW, horizon_days=365,
                             step_days=90))


def test_a_customer_is_never_observed_after_it_churned():
    won = NOW - timedelta(days=600)
    rows = _obs(_deal("c1", won, churned_at=won + timedelta(days=200)))
    assert [r.at - won for r in rows] == [timedelta(days=90), timedelta(days=180)]
    assert all(r.churned == 1 for r in rows)


def test_a_staying_customer_is_observed_only_where_its_whole_horizon_has_passed():
    won = NOW - timedelta(days=600)
    rows = _obs(_deal("c2", won))
    assert rows and all(r.churned == 0 for r in rows)
    assert all(r.at + timedelta(days=365) <= NOW for r in rows)


def test_a_churn_beyond_the_horizon_labels_the_early_moments_as_staying():
    won = NOW - timedelta(days=900)
    rows = _obs(_deal("c3", won, churned_at=won + timedelta(days=700)))
    early = [r for r in rows if r.at < won + timedelta(days=700 - 365)]
    assert early and all(r.churned == 0 for r in early)
    assert any(r.churned == 1 for r in rows)


def test_yes_no_values_are_read_and_anything_else_is_not_a_dated_label():
    assert churn_flag("TRUE") is True and churn_flag(0) is False and churn_flag("maybe") is None
    won = NOW - timedelta(days=400)
    assert dated_labels([_deal("a", won, churned_at=won + timedelta(days=10))], "churned", "churn_date")
    assert not dated_labels([_deal("b", won, flag="true")], "churned", "churn_date")  # churned, no date


def test_the_time_since_becoming_a_customer_does_not_separate_the_classes():
    # Churned customers used to be described as of their churn date and the rest as of today, so
    # any time-dependent feature gave the label away. Here both classes share one moment grid.
    rng = np.random.default_rng(0)
    deals = []
    for i in range(80):
        won = NOW - timedelta(days=int(rng.integers(400, 800)))
        churned = won + timedelta(days=int(rng.integers(60, 500))) if i % 2 else None
        deals.append(_deal(f"c{i}", won, churned_at=churned if churned and churned < NOW else None))
    frame, target, _ = records_to_frame(deals, "churn")
    assert set(frame[target]) == {0, 1}
    by_class = frame.groupby(target)["days_open"].mean()
    assert abs(by_class[0] - by_class[1]) < 0.5 * frame["days_open"].std()



def test_a_contacts_last_visit_does_not_tell_a_past_moment_that_the_account_stopped_visiting():
    # HubSpot reports a contact's visits as a count and its LAST visit; the adapter turns that into
    # one page-view activity at that date. Counted "as of" a past moment it said "no visit since":
    # on the demo market churn's time-split holdout AUC rose to 0.96 from that column alone.
    from dataclasses import replace

    from integrations.base import Activity

    rng = np.random.default_rng(1)
    deals = []
    for i in range(60):
        won = NOW - timedelta(days=int(rng.integers(400, 800)))
        churned = won + timedelta(days=int(rng.integers(100, 380))) if i % 2 else None
        last_visit = (churned - timedelta(days=20)) if churned else NOW - timedelta(days=3)
        deal = _deal(f"c{i}", won, churned_at=churned)
        visit = Activity(type="page_view", at=last_visit.isoformat(), subject="12 page views")
        deals.append(replace(deal, activities=(visit,)))
    frame, target, _ = records_to_frame(deals, "churn")
    assert set(frame[target]) == {0, 1}
    assert "page_views" not in frame.columns
