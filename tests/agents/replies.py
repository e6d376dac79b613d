"""Vendor-side answers used across the tests (what a well-behaved model returns for the fixture)."""

from __future__ import annotations

import json

from agents.strategist import ArmChoice

GOOD_DRAFT = {
    "to_contact_id": "501",
    "subject": "Northwind Logistics: proposal before your December budget review",
    "body": ("Hi Dana,\n\nThanks for your email on November 18 confirming that security signed off. I know "
             "Marcus needs the proposal before the December budget review, so I am building it around the "
             "idle time savings across your 420 trucks that we covered in the discovery call.\n\n"
             "Would a 20-minute call on Friday work to walk through the draft before I send it?\n\nBest,\nSam"),
}

GOOD_STRATEGY = {
    "strategy": "value_reinforcement",
    "rationale": "Security signed off and the buyer asked for the proposal before the budget review; "
                 "repeated pricing page views show active evaluation.",
    "channel": "email", "timing": "today", "discount": None, "recipient_contact_id": "501",
}

GOOD_ANALYSIS = {
    "summary": "Northwind Logistics is engaged: security signed off and they want the proposal before the "
               "December budget review. A competitor add-on is the main risk.",
    "engagement_trend": "rising",
    "engagement_evidence": [{"activity_id": "a3", "at": "2026-11-18", "note": "asked for the proposal"}],
    "risk_indicators": [{"label": "Competitor add-on said to be cheaper",
                         "evidence": [{"activity_id": "a2", "at": "2026-11-19", "note": "cheaper add-on"}]}],
    "buying_signals": [{"label": "Security review passed",
                        "evidence": [{"activity_id": "a3", "at": "2026-11-18", "note": "security signed off"}]}],
}


def fixed_policy(arm: str = "value_reinforcement"):
    """A policy that always picks `arm` (propensity 1), so replies can name it."""
    return lambda inp: ArmChoice(arm=arm, propensity=1.0, probabilities={arm: 1.0}, policy="fixed-test")


def dumps(obj: object) -> str:
    return json.dumps(obj)
