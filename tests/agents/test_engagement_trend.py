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


def test_a_deal_with_only_the_reps_own_activity_has_no_customer_engagement():
    analysis = offline_analysis({"ctx": _ctx(OUR_OWN_LATELY[1])})
    assert analysis.engagement_trend == "no_activity"


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


def test_the_trend_weighs_only_the_customers_activity_in_the_windows():
    ctx = _ctx(
        [
            *OUR_OWN_LATELY[2],
            *MONTHS_SILENT,
            Activity(type="call", at=_at(20), subject="Check-in call", body="Talked about timing."),
        ]
    )
    customer = [
        a for a in ctx.activities.values() if a["type"] in ("call", "meeting") or a["direction"] == "inbound"
    ]
    assert engagement_trend(sorted(customer, key=lambda a: a["days_ago"])) == ("declining", 0, 1.0)


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
