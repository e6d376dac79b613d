"""Unit tables for the code re-checks: facts, recipients, discounts and promises."""

from __future__ import annotations

import pytest

from agents.catalogue import catalogue_by_name
from agents.context import build_context
from agents.facts import build_vocabulary, find_unsupported
from agents.models import AnalysisOut, DraftOut, StrategyOut
from agents.safety import check_analysis, check_draft, check_strategy, discount_and_promise_violations
from tests.agents.conftest import NOW, load_record

RECORD, SCORES = load_record()
CTX = build_context(RECORD, SCORES, now=NOW)
VOCAB = build_vocabulary(CTX, other_customers=["Globex Freight"])


@pytest.mark.parametrize(("text", "kinds"), [
    ("Your 420 trucks across 6 depots", []),
    ("The $48,000 plan, or $48k in round numbers", []),
    ("USD 48,000 as quoted", []),
    ("Your conversion score is 62", []),
    ("We spoke on November 18 and October 29, 2026", []),
    ("Per the email on 2026-11-18", []),
    ("A 20-minute call at 10:30 or 2pm on Friday", []),
    ("Dana, Marcus and Priya at Northwind Logistics", []),
    ("Your 650 trucks", ["number"]),
    ("We spoke on November 14", ["date"]),
    ("Save $120,000 a year", ["money"]),
    ("Cut idle time by 35%", ["percent"]),
    ("Write to ops@lakeside.com", ["email"]),
    ("See https://example.com/x", ["url"]),
    ("Like our friends at Initech", ["name"]),
    ("Just as Globex Freight did", ["other_customer", "name"]),
    ("It pays back 3x", ["number"]),
])
def test_find_unsupported(text, kinds):
    assert sorted({f.kind for f in find_unsupported(text, VOCAB)}) == sorted(kinds)


@pytest.mark.parametrize(("text", "approved", "broken"), [
    ("I can offer 8% off if you sign by December 18.", 0.08, False),
    ("I can offer 10% off if you sign this week.", 0.08, True),
    ("A discount of 50% is possible.", None, True),
    ("We can take $5,000 off the price.", None, True),
    ("Onboarding is free of charge.", None, True),
    ("Free onboarding for your team.", None, True),
    ("You get 3 free months of support.", None, True),
    ("It comes with a money-back guarantee.", None, True),
    ("Full refund at any time.", None, True),
    ("We will waive the setup fee.", None, True),
    ("We can lock in this price for you.", None, True),
    ("We will match their price.", None, True),
    ("Unlimited seats included.", None, True),
    ("Repeated pricing page views suggest interest.", None, False),
])
def test_discounts_and_promises(text, approved, broken):
    assert bool(discount_and_promise_violations(text, approved)) is broken


def test_allowed_promises_let_a_tenant_phrase_through():
    assert discount_and_promise_violations("Includes a 30-day money-back guarantee.", None,
                                           allowed_promises=["30-day money-back guarantee"]) == []


def test_draft_recipient_must_be_a_contact():
    draft = DraftOut(to_contact_id="999", subject="Northwind Logistics", body="Hi Dana, see you Friday?")
    assert any("not one of the record's contacts" in r for r in check_draft(draft, CTX, VOCAB, approved_discount=None))


def test_analysis_evidence_must_exist_with_its_real_date():
    out = AnalysisOut(summary="ok", engagement_trend="steady", engagement_evidence=[
        {"activity_id": "a3", "at": "2026-11-18", "note": "fine"},
        {"activity_id": "a3", "at": "2026-11-01", "note": "wrong date"},
        {"activity_id": "a99", "at": "2026-11-18", "note": "no such activity"}], risk_indicators=[], buying_signals=[])
    reasons = check_analysis(out, CTX, VOCAB)
    assert len(reasons) == 2 and "a99" in reasons[1]


@pytest.mark.parametrize(("arm", "changes", "fragment"), [
    ("value_reinforcement", {"strategy": "limited_time_incentive"}, "strategy changed"),
    ("value_reinforcement", {"discount": 0.05}, "does not use a discount"),
    ("limited_time_incentive", {"strategy": "limited_time_incentive", "discount": 0.2}, "outside 0..0.1"),
    ("value_reinforcement", {"recipient_contact_id": "x"}, "not one of the record's contacts"),
])
def test_strategy_checks(arm, changes, fragment):
    base = {"strategy": arm, "rationale": "fits", "channel": "email", "timing": "today", "discount": None,
            "recipient_contact_id": "501"}
    out = StrategyOut(**{**base, **changes})
    reasons = check_strategy(out, CTX, VOCAB, arm=catalogue_by_name()[arm], max_discount=0.1)
    assert any(fragment in r for r in reasons), reasons
