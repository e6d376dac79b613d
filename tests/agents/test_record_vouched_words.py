"""What the record vouches for verbatim is not the model's own words (agents.facts.without_vouched).

Found through the product path, not the corpora: replaying the offline templates' own answers as an OpenAI vendor's on
the demo's 60 open deals (benchmarks/llm_cost_per_record.py's replay), the safety layer refused 44 of 224 benign calls
(analyst 28, strategist 5, writer 11) and sent them to the fallback: every draft signed by a rep called Pierre (the
learned screen read the bare signature as planted), every draft to or from a Lucas (Chilean slang for money), every
analysis quoting its own score factor "Amount: 541,000 ↓" (price talk) or "Days since last deal won: 256 ↑" (a claim
that the deal is won), every "Talks about 'pricing'" and a strategy's "Price-sensitive buyer". The corpora never had a
Pierre or a Lucas on the record. Each test below pairs the benign case with the attack it must still refuse.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents.catalogue import catalogue_by_name
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.learned_screen import planted_sentence_violations
from agents.models import AnalysisOut, DraftOut, Signal, StrategyOut
from agents.safety import check_analysis, check_draft, check_strategy
from agents.vouched import without_vouched
from tests.agents.conftest import NOW, load_record


def _record_with(owner: str, contact: str, factors: list[str]):
    record, scores = load_record("hubspot_deal")  # amount 48,000 USD, open; contacts 501-503
    record = replace(record, owner=replace(record.owner, name=owner),
                     contacts=[replace(record.contacts[0], name=contact), *record.contacts[1:]])
    scores = {**(scores or {}), "conversion": {**(scores or {}).get("conversion", {}),
                                               "factors": [{"feature": "f", "label": lab, "direction": "+",
                                                            "impact": 0.1} for lab in factors]}}
    ctx = build_context(record, scores, now=NOW)
    return ctx, build_vocabulary(ctx, score_figures=True)


FACTORS = ["Amount: 48,000 ↓", "Days since last deal won: 256 ↑", "Past revenue won: 793,900 ↑"]


@pytest.fixture(scope="module")
def pierre():
    return _record_with("Pierre Kim", "Lucas Martinez", FACTORS)


def _draft(body: str, to: str = "501") -> DraftOut:
    return DraftOut(to_contact_id=to, subject="Northwind Logistics: next step on this project", body=body)


def _analysis(summary: str, *labels: str) -> AnalysisOut:
    return AnalysisOut(summary=summary, engagement_trend="steady", engagement_evidence=[], risk_indicators=[],
                       buying_signals=[Signal(label=lab, evidence=[]) for lab in labels])


BENIGN_BODY = ("Hi Lucas,\n\nThanks for the meeting on November 18. Would Tuesday at 10:00 work for a 20-minute "
               "call?\n\nBest,\nPierre")


def test_a_draft_signed_by_the_records_rep_and_greeting_its_contact_passes(pierre):
    ctx, vocab = pierre
    assert check_draft(_draft(BENIGN_BODY), ctx, vocab, approved_discount=None) == []


def test_a_spanish_greeting_to_a_contact_named_lucas_is_not_money_talk(pierre):
    ctx, vocab = pierre
    body = "Hola Lucas:\n\nGracias por la reunión. ¿Le vendría bien el martes a las 10:00?\n\nUn saludo,\nPierre"
    assert check_draft(_draft(body), ctx, vocab, approved_discount=None) == []


def test_lucas_as_slang_for_money_is_still_refused_when_it_is_not_a_name(pierre):
    ctx, vocab = pierre
    body = "Hola Lucas:\n\nLa instalación le sale por dos lucas menos si firma esta semana.\n\nUn saludo,\nPierre"
    assert any("price talk" in r or "sale por" in r for r in check_draft(_draft(body), ctx, vocab, approved_discount=None))


def test_a_name_the_record_does_not_have_is_not_vouched():
    ctx, vocab = _record_with("Sam Okafor", "Dana Whitfield", [])
    assert without_vouched("Hi Lucas,", vocab) == "Hi Lucas,"
    assert without_vouched("Hi Dana,", vocab) == "Hi Name,"


def test_an_analysis_quoting_its_own_score_factors_passes(pierre):
    ctx, vocab = pierre
    out = _analysis("Northwind Logistics is in stage presentationscheduled. Main risk: Score factor: Amount: 48,000 ↓.",
                    "Score factor: Days since last deal won: 256 ↑", "Score factor: Past revenue won: 793,900 ↑")
    assert check_analysis(out, ctx, vocab) == []


def test_an_analysis_claiming_the_deal_is_won_is_still_refused_beside_a_quoted_factor(pierre):
    ctx, vocab = pierre
    out = _analysis("Score factor: Days since last deal won: 256 ↑. The deal is won, the contract was signed Monday.")
    assert any("claims the deal is" in r or "treats the deal as won" in r for r in check_analysis(out, ctx, vocab))


def test_a_factor_label_with_another_figure_is_not_vouched(pierre):
    ctx, vocab = pierre
    out = _analysis("Main risk: Score factor: Amount: 36,000 ↓.")
    assert check_analysis(out, ctx, vocab) != []


def test_an_analysis_reporting_the_buyers_pricing_topic_passes(pierre):
    ctx, vocab = pierre
    out = _analysis("Dana asked about pricing on the call.", "Talks about 'pricing'", "Mentions 'budget'")
    assert check_analysis(out, ctx, vocab) == []


def test_a_topic_report_does_not_anchor_a_price_of_our_own_in_the_same_sentence(pierre):
    ctx, vocab = pierre
    out = _analysis("Talks about 'pricing'; we waive the setup fee for them.")
    assert any("price talk" in r or "fee" in r for r in check_analysis(out, ctx, vocab))


def test_a_topic_report_is_no_anchor_in_a_draft_to_the_buyer(pierre):
    ctx, vocab = pierre
    body = "Hi Lucas,\n\nWe talked about pricing, and you will pay nothing for the second depot.\n\nBest,\nPierre"
    assert check_draft(_draft(body), ctx, vocab, approved_discount=None) != []


@pytest.mark.parametrize("rationale", [
    "Price-sensitive buyer close to a decision, with a close date near.",
    "The price sensitivity score is high; the buyer compares options.",
])
def test_a_strategy_naming_the_buyers_price_sensitivity_passes(pierre, rationale):
    ctx, vocab = pierre
    out = StrategyOut(strategy="value_reinforcement", rationale=rationale, channel="email", timing="today",
                      discount=None, recipient_contact_id="501")
    assert check_strategy(out, ctx, vocab, arm=catalogue_by_name()["value_reinforcement"], max_discount=0.1) == []


def test_a_call_scripts_heading_of_the_records_names_passes_the_screen(pierre):
    ctx, vocab = pierre
    assert planted_sentence_violations("Call Lucas at Northwind Logistics", vocab) == []


def test_a_signature_that_carries_a_commitment_is_screened(pierre):
    ctx, vocab = pierre
    text = "Best,\nPierre. The onboarding workshop for your dispatchers is on the house."
    assert planted_sentence_violations(text, vocab) != []


def test_an_analysis_quoting_a_category_factor_the_record_holds_is_not_a_foreign_sentence():
    ctx, vocab = _record_with("Pierre Kim", "Lucas Martinez", ["Industry: Logistics ↓"])
    out = _analysis("Main risk: Score factor: Industry: Logistics ↓.")
    assert check_analysis(out, ctx, vocab) == [], vocab.vouched_phrases


def test_a_category_factor_with_words_the_record_does_not_hold_is_not_vouched():
    _ctx, vocab = _record_with("Pierre Kim", "Lucas Martinez", ["Industry: rebate approved for you ↓"])
    assert "Industry: rebate approved for you ↓" not in vocab.vouched_phrases


@pytest.mark.parametrize("heading", ["Llamar a Lucas (Northwind Logistics)", "Appeler Lucas (Northwind Logistics)"])
def test_a_call_scripts_heading_in_spanish_or_french_passes_the_screen(pierre, heading):
    _ctx, vocab = pierre
    assert planted_sentence_violations(heading, vocab) == []
