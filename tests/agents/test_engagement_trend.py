"""The analyst's engagement trend comes from what the customer did lately, and a Lead's analysis names its Status.

Wave 24's demo card read "engagement is rising (weighted 1 in the last 14 days vs 0 …)" beside "No customer activity
for 145 days": the rep's own outbound e-mail had counted as engagement. And a Salesforce Lead's analysis said "is in
stage Open" for the Status "Open - Not Contacted".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from agents.analyst import engagement_trend, offline_analysis, trend_violations
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import AnalysisOut
from agents.safety import check_analysis
from integrations.base import Activity
from tests.agents.conftest import NOW, load_record


def _at(days_ago: int) -> str:
    return (NOW - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ctx(activities: list[Activity], **changes):
    record, scores = load_record()
    return build_context(replace(record, activities=tuple(activities), **changes), scores, now=NOW)


MONTHS_SILENT = [
    Activity(
        type="email", at=_at(145), direction="inbound", subject="Re: rollout", body="Let us talk in spring."
    ),
    Activity(type="meeting", at=_at(160), subject="Discovery call", body="Dana attended."),
]
OUR_OWN_LATELY = [
    [
        Activity(
            type="email",
            at=_at(2),
            direction="outbound",
            subject="Checking in",
            body="Any news on the rollout?",
        )
    ],
    [
        Activity(type="note", at=_at(1), subject="Left a voicemail", body="No answer."),
        Activity(
            type="email", at=_at(5), direction="outbound", subject="Following up", body="Still interested?"
        ),
    ],
    [
        Activity(type="task", at=_at(3), subject="Call Dana", body=""),
        Activity(
            type="email", at=_at(9), direction="outbound", subject="Case study", body="Thought this may help."
        ),
        Activity(type="email", at=_at(12), direction="outbound", subject="Bump", body="Bumping this up."),
    ],
]


@pytest.mark.parametrize("ours", OUR_OWN_LATELY, ids=["one-email", "note-and-email", "task-and-two-emails"])
def test_a_deal_whose_customer_went_silent_months_ago_is_not_rising_however_busy_the_rep_was(ours):
    analysis = offline_analysis({"ctx": _ctx([*ours, *MONTHS_SILENT])})
    assert analysis.engagement_trend == "declining"
    assert "engagement is declining" in analysis.summary
    assert any("No customer activity for 145 days" == r.label for r in analysis.risk_indicators)


def test_a_deal_with_only_the_reps_own_activity_is_declining_not_rising():
    analysis = offline_analysis({"ctx": _ctx(OUR_OWN_LATELY[1])})
    assert analysis.engagement_trend == "declining"
    assert (
        "engagement is declining (0 activity points from the customer in the last 14 days vs 0 per 14 days before" in analysis.summary
    )


@pytest.mark.parametrize(
    "lately",
    [
        [
            Activity(
                type="email",
                at=_at(3),
                direction="inbound",
                subject="Re: rollout",
                body="Can we meet next week?",
            )
        ],
        [Activity(type="meeting", at=_at(6), subject="Demo", body="Dana and Marcus attended.")],
        [
            Activity(type="page_view", at=_at(1), subject="Pricing", body="/pricing"),
            Activity(type="page_view", at=_at(2), subject="Pricing", body="/pricing"),
        ],
    ],
    ids=["reply", "meeting", "page-views"],
)
def test_a_customer_who_came_back_after_months_is_rising(lately):
    assert offline_analysis({"ctx": _ctx([*lately, *MONTHS_SILENT])}).engagement_trend == "rising"


def _trend(ctx):
    acts = sorted(ctx.activities.values(), key=lambda a: a["days_ago"])
    customer = [
        a for a in acts if a["type"] in ("call", "meeting", "page_view") or a["direction"] == "inbound"
    ]
    return engagement_trend(acts, customer)


def test_the_reps_recent_emails_are_not_the_customers_engagement_but_a_call_three_weeks_ago_keeps_it_steady():
    call = Activity(type="call", at=_at(20), subject="Check-in call", body="Talked about timing.")
    assert _trend(_ctx([*OUR_OWN_LATELY[2], *MONTHS_SILENT, call])) == ("steady", 0, 1.0)


def test_a_deal_whose_activity_of_any_kind_fell_away_is_declining():
    earlier = [
        Activity(type="meeting", at=_at(20), subject="Workshop", body="Dana attended."),
        Activity(type="email", at=_at(25), direction="inbound", subject="Re", body="Thanks."),
        Activity(type="note", at=_at(30), subject="Prep", body="Agenda."),
    ]
    lately = [Activity(type="page_view", at=_at(3), subject="Docs", body="/docs")]
    assert _trend(_ctx([*lately, *earlier])) == ("declining", 1.0, 2.5)


def _model_says(trend: str, ctx) -> AnalysisOut:
    out = offline_analysis({"ctx": ctx})
    return out.model_copy(update={"engagement_trend": trend})


def test_a_models_rising_trend_on_a_silent_customer_is_refused_with_the_days_it_was_silent():
    ctx = _ctx([*OUR_OWN_LATELY[0], *MONTHS_SILENT])
    assert trend_violations(_model_says("rising", ctx), ctx) == [
        "engagement trend 'rising' but the customer's last activity was 145 days ago "
        "(rising needs customer activity in the last 14 days)"
    ]
    assert trend_violations(_model_says("rising", _ctx(OUR_OWN_LATELY[0])), _ctx(OUR_OWN_LATELY[0]))


@pytest.mark.parametrize("trend", ["declining", "steady", "no_activity"])
def test_a_model_may_call_a_silent_customer_anything_but_rising(trend):
    ctx = _ctx([*OUR_OWN_LATELY[0], *MONTHS_SILENT])
    assert trend_violations(_model_says(trend, ctx), ctx) == []


def test_a_models_rising_trend_on_a_customer_who_replied_this_week_stands():
    ctx = _ctx(
        [
            Activity(type="email", at=_at(4), direction="inbound", subject="Re", body="Yes, let us meet."),
            *MONTHS_SILENT,
        ]
    )
    assert trend_violations(_model_says("rising", ctx), ctx) == []


@pytest.mark.parametrize("status", ["Open - Not Contacted", "Working - Contacted", "Closed - Not Converted"])
def test_a_salesforce_leads_analysis_names_its_lead_status_whole_and_no_stage(status):
    record, _ = load_record()
    ctx = _ctx(list(record.activities), object_type="lead", stage=status)
    summary = offline_analysis({"ctx": ctx}).summary
    assert f"(Lead status: {status}); engagement is" in summary
    assert "stage" not in summary


def test_a_lead_status_with_free_text_after_it_is_named_without_the_text():
    record, _ = load_record()
    ctx = _ctx(
        list(record.activities), object_type="lead", stage="Working - contract signed, send the invoice"
    )
    summary = offline_analysis({"ctx": ctx}).summary
    assert "(Lead status: Working); engagement is" in summary and "invoice" not in summary


def test_a_leads_analysis_passes_the_analysts_own_checks():
    record, scores = load_record()
    ctx = _ctx(list(record.activities), object_type="lead", stage="Open - Not Contacted")
    out = offline_analysis({"ctx": ctx})
    assert check_analysis(out, ctx, build_vocabulary(ctx)) == []


def test_a_deal_still_reads_in_stage():
    record, _ = load_record()
    summary = offline_analysis({"ctx": _ctx(list(record.activities))}).summary
    assert summary.startswith("Northwind Logistics is in stage presentationscheduled; engagement is")
