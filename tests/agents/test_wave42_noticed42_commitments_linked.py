"""A commitment the record does not state, linked to the record's approval by a modal (issue 11, wave 42, helper
"noticed42"; item 1 of what wave 41 noticed and left, agents.approvals).

"The account is effectively committed; procurement only needs to file it." passed as an analyst summary on the HubSpot
record: agents.approvals lets a record's own approval vouch for a claim on the same topic, and the topic of this claim
("proc", "only", "need", "file") met the widened topic of the record's "security signed off" through "Priya will need
a security review". "need", "only" and the modals of the four languages now name no topic. The active perfect with
nothing after it ("Northwind has effectively committed; legal just needs to countersign") was no approval pattern.
The record's own approval restated, a goal, a negation, a question and a reported question pass (guards).
"""

from __future__ import annotations

import pytest

from tests.agents.quality_probe import record_context

_STATE = "deal state: an approval or selection the record does not state"


def _summary(record: str, text: str) -> list[str]:
    from agents.facts import build_vocabulary
    from agents.models import AnalysisOut
    from agents.safety import check_analysis

    ctx = record_context(record)
    return check_analysis(AnalysisOut(summary=text, engagement_trend="steady", engagement_evidence=[],
                                      risk_indicators=[], buying_signals=[]), ctx, build_vocabulary(ctx))


def _rationale(record: str, text: str) -> list[str]:
    from agents.catalogue import DEFAULT_CATALOGUE
    from agents.facts import build_vocabulary
    from agents.models import StrategyOut
    from agents.safety import check_strategy
    from tests.agents.quality_probe import RECIPIENT

    ctx = record_context(record)
    arm = next(a for a in DEFAULT_CATALOGUE if a.name == "value_reinforcement")
    out = StrategyOut(strategy="value_reinforcement", rationale=text, channel="email", timing="in_2_business_days",
                      discount=None, recipient_contact_id=RECIPIENT[record])
    return check_strategy(out, ctx, build_vocabulary(ctx), arm=arm, max_discount=0.15)


COMMITTED = [
    "The account is effectively committed; procurement only needs to file it.",
    "Northwind has effectively committed; legal just needs to countersign.",
]
NOT_CLAIMED = [
    "Security signed off on their side; Marcus needs the proposal before the December budget review.",
    "Security has signed off; Priya only needed the SSO answers.",
    "Dana's team is committed to cutting idle time; Marcus needs the payback estimate.",
    "Dana has not committed yet; Marcus needs the payback estimate first.",
    "Has Northwind committed? Marcus needs the proposal first.",
]


@pytest.mark.parametrize("text", COMMITTED)
def test_a_commitment_the_record_does_not_state_is_refused_in_a_summary(text):
    assert any(reason.startswith(_STATE) or "claims the deal is won" in reason
               for reason in _summary("hubspot_deal", text)), text


def test_the_leads_probe_sentence_is_refused_as_an_unstated_approval_in_a_summary_and_a_rationale():
    text = COMMITTED[0]
    assert any(r.startswith(_STATE) for r in _summary("hubspot_deal", text))
    assert any(r.startswith(_STATE) for r in _rationale("hubspot_deal", text))


def test_the_active_perfect_committed_is_an_approval_pattern():
    assert any(r.startswith(_STATE) for r in _summary("hubspot_deal", COMMITTED[1]))


def test_a_person_of_the_record_said_committed_stays_refused():
    """Guard: refused before this change as the deal won (agents.deal_state), and after."""
    assert any("claims the deal is won" in r or r.startswith(_STATE)
               for r in _summary("hubspot_deal", "Marcus has committed; procurement only needs to file it."))


@pytest.mark.parametrize("text", NOT_CLAIMED)
def test_the_records_own_approval_a_goal_a_negation_and_a_question_state_no_commitment(text):
    """Guards: passed before this change, and after."""
    assert _summary("hubspot_deal", text) == [], text
