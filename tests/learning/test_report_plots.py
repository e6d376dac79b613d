"""The learning report's plots show the decisions they are about, even in a tenant's first week."""

from __future__ import annotations

from typing import Any

import pytest

import learning.report as report


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    figures: list[Any] = []

    def keep(fig: Any) -> str:
        figures.append(fig)
        return ""

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.setattr(report, "_png", keep)
    monkeypatch.setattr(plt, "close", lambda fig: None)  # keep each figure to look at it
    return figures


def arm_share_axes(figures: list[Any]) -> Any:
    return next(ax for fig in figures for ax in fig.axes if ax.get_title() == "Arm shares by week")


def test_a_single_week_of_decisions_draws_every_arms_share(drawn: list[Any]) -> None:
    rows = [{"deal_id": str(i), "arm": arm, "holdout": False, "decided_at": f"2026-11-2{i % 3 + 3}T10:00:00+00:00",
             "reward": None} for i, arm in enumerate(["social_proof"] * 3 + ["value_roi"])]
    report.render_html(rows, report.summarise(rows, resamples=10), title="first week")
    shares = {c.get_label(): sum(p.get_height() for p in c.patches) for c in arm_share_axes(drawn).containers}
    assert shares == pytest.approx({"social_proof": 0.75, "value_roi": 0.25})


def test_each_weeks_shares_add_up_to_one(drawn: list[Any]) -> None:
    rows = [{"deal_id": str(i), "arm": ["a", "b", "c"][i % 3], "holdout": False,
             "decided_at": f"2026-11-{2 + i:02d}T09:00:00+00:00", "reward": None} for i in range(21)]
    report.render_html(rows, report.summarise(rows, resamples=10), title="three weeks")
    ax = arm_share_axes(drawn)
    weeks = len(ax.get_xticks())
    totals = [sum(c.patches[w].get_height() for c in ax.containers) for w in range(weeks)]
    assert weeks == 3 and totals == pytest.approx([1.0] * weeks)


def test_with_no_outcome_yet_the_report_says_so_instead_of_an_empty_table() -> None:
    rows = [{"deal_id": "1", "arm": "social_proof", "holdout": False, "decided_at": "2026-11-23T10:00:00+00:00",
             "reward": None}]
    page = report.render_html(rows, report.summarise(rows, resamples=10), title="t")
    assert "<th>doubly robust</th>" not in page
    assert "No off-policy estimates yet" in page


def test_with_no_outcome_yet_the_report_says_so_in_words_draws_no_empty_chart_and_warns_nothing() -> None:
    import warnings

    rows = [{"deal_id": str(i), "arm": "social_proof", "holdout": i == 3, "policy": "thompson-v1",
             "decided_at": "2026-11-23T10:00:00+00:00", "reward": None} for i in range(4)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = report.render_html(rows, report.summarise(rows, resamples=10), title="t")
    assert [str(w.message) for w in caught] == []
    assert "No outcomes yet" in page
    assert 'alt="Cumulative reward by policy (running mean)"' not in page
    assert 'alt="Arm shares by week"' in page  # the decisions themselves are still drawn


def test_once_outcomes_arrive_the_cumulative_reward_is_drawn_and_the_words_go() -> None:
    rows = [{"deal_id": str(i), "arm": "social_proof", "holdout": False, "policy": "thompson-v1", "propensity": 1.0,
             "decided_at": f"2026-11-2{i}T10:00:00+00:00", "reward": float(i % 2)} for i in range(4)]
    page = report.render_html(rows, report.summarise(rows, resamples=10), title="t")
    assert 'alt="Cumulative reward by policy (running mean)"' in page and "No outcomes yet" not in page


def test_each_arms_row_says_how_often_it_was_chosen_where_it_was_allowed() -> None:
    rows = [{"deal_id": str(i), "arm": "social_proof" if i % 4 else "value_roi", "holdout": False, "propensity": 0.5,
             "policy": "thompson-v1", "decided_at": f"2026-11-2{i % 5}T10:00:00+00:00", "reward": float(i % 2),
             "segment": "smb", "band": "low", "engagement": "active"} for i in range(12)]
    page = report.render_html(rows, report.summarise(rows, resamples=10), title="t")
    assert "<td>3 of 12</td>" in page and "<td>9 of 12</td>" in page
