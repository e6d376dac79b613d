"""The commercial rules that read only an output's words are answered from memory per wording (agents.worded_rules),
and every value they read is part of the key: a wording asked with another stage, discount, tenant's allowed promises,
vouched figures, same-day ask or topic reading gets its own answer, the one a fresh reading gives."""

from __future__ import annotations

from typing import Any

import pytest

from agents import AgentSettings
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.safety import commercial_violations
from agents.worded_rules import worded_concepts, worded_groups, worded_violations
from tests.agents.conftest import NOW, load_record

NONE: frozenset[float] = frozenset()
OPEN = {"text": "", "said": "", "stage_kind": "open", "approved_discount": None, "allowed_promises": (),
        "money": NONE, "counts": NONE, "percents": NONE, "asked_today": False, "topic_reports": False}

KEY_PARTS = [
    ("We include free onboarding for your whole team.", {"allowed_promises": ("free onboarding",)}),
    ("We can offer you 10% off the licence fee.", {"approved_discount": 0.1, "percents": frozenset({10.0})}),
    ("The contract is signed and the deal is closed.", {"stage_kind": "won"}),
    ("We will pay forty-eight thousand dollars.", {"money": frozenset({48000.0})}),
    ("Let's talk about pricing on the call.", {"topic_reports": True}),
    ("I will call you tonight before the end of the day.", {"asked_today": True}),
]
"""(wording, the key parts changed): each wording is refused with the first key and answered otherwise with the
second, so a memory keyed on less than the changed part would hand one the other's answer."""


def _ask(text: str, **changed: Any) -> tuple[tuple[str, ...], ...]:
    return worded_groups(**{**OPEN, "text": text, "said": text, **changed})


@pytest.mark.parametrize(("text", "changed"), KEY_PARTS, ids=[next(iter(c)) for _, c in KEY_PARTS])
def test_a_wording_asked_with_another_key_part_gets_its_own_answer_and_an_equal_one_is_remembered(text, changed):
    worded_groups.cache_clear()
    first = _ask(text)
    other = _ask(text, **changed)
    again = _ask(text)
    assert any(first) and first != other  # the wording is refused with the first key only: the comparison can fail
    assert first == again == worded_violations(**{**OPEN, "text": text, "said": text})
    assert other == worded_violations(**{**OPEN, "text": text, "said": text, **changed})
    assert worded_groups.cache_info().hits == 1 and worded_groups.cache_info().misses == 2


def test_the_concept_rule_is_remembered_per_tenants_allowed_promises():
    worded_concepts.cache_clear()
    refused = worded_concepts("No setup fee for you.", "open", ())
    granted = worded_concepts("No setup fee for you.", "open", ("no setup fee",))
    assert refused and granted == ()
    assert worded_concepts("No setup fee for you.", "open", ()) == refused
    assert worded_concepts.cache_info().hits == 1


def test_two_tenants_with_other_allowed_promises_get_their_own_answer_for_the_same_draft_of_the_same_record():
    record, scores = load_record("hubspot_deal")
    ctx = build_context(record, scores, now=NOW)
    vocab = build_vocabulary(ctx, score_figures=False)
    text = "We include free onboarding for your whole team."
    strict, lenient = AgentSettings(), AgentSettings(allowed_promises=("free onboarding",))
    worded_groups.cache_clear()
    refused = commercial_violations(text, ctx, vocab, None, strict.allowed_promises)
    granted = commercial_violations(text, ctx, vocab, None, lenient.allowed_promises)
    assert any("free onboarding" in r for r in refused) and granted == []
    assert commercial_violations(text, ctx, vocab, None, strict.allowed_promises) == refused
    assert worded_groups.cache_info().hits == 1


def test_allowed_promises_given_as_a_generator_are_read_up_by_the_first_rule_as_before_and_not_remembered():
    record, scores = load_record("hubspot_deal")
    ctx = build_context(record, scores, now=NOW)
    vocab = build_vocabulary(ctx, score_figures=False)
    text = "We include free onboarding for your whole team."
    worded_groups.cache_clear()
    assert commercial_violations(text, ctx, vocab, None, ("free onboarding",)) == []
    from_generator = commercial_violations(text, ctx, vocab, None, (p for p in ("free onboarding",)))
    # the first reader of the promises grants the term; the later ones find none left (as before wave 36). Since wave 38
    # (noticed38b) that reader is agents.allowed_phrases, which blanks every allowed phrase for all the rules at once
    assert from_generator == []
    assert worded_groups.cache_info().currsize == 1  # the tuple's wording only: the generator's was not kept
