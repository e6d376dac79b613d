"""The checks wave 35 answers once (CI's CPU) answer exactly as a fresh check does.

`safety.commercial_violations` is asked with the vocabulary cut to the six fields its rules read
(`commercial_vocabulary`), so the writer's check of a German draft (whose vocabulary reads slash dates day first) and the
quality check of the same draft are one question inside a `same_checks` scope; `timing.timing_violations` is remembered
per (text, send day, same-day ask). If a rule added to the commercial checks reads another field of the vocabulary,
the first test names it; if a remembered timing verdict differs from a fresh one, or can be changed by its receiver,
the others fail."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import Vocabulary, build_vocabulary
from agents.safety import commercial_rule_violations, commercial_violations, commercial_vocabulary
from agents.timing import remembered_timing_violations, timing_violations
from tests.agents.conftest import FIXTURES, NOW, load_record

LANGUAGES = ("en", "de", "fr", "es")
READ = frozenset({"numbers", "money", "percents", "names", "vouched_phrases", "codes"})
"""The vocabulary fields the commercial rules read (agents.safety.commercial_vocabulary)."""


class OnlyRead:
    """A vocabulary that answers the fields in READ and refuses every other: a rule reading one fails the test."""

    def __init__(self, vocab: Vocabulary) -> None:
        self._vocab = vocab

    def __getattr__(self, name: str) -> Any:
        if name not in READ:
            raise AssertionError(f"a commercial rule reads Vocabulary.{name}: add it to commercial_vocabulary and READ")
        return getattr(self._vocab, name)


def _drafts(lang: str) -> list[tuple[str, Any, Vocabulary]]:
    """Quality set 43's drafts in `lang` (bad and good), each with its record's context and draft vocabulary."""
    out = []
    for entry in json.loads((FIXTURES / "quality_heldout43" / f"{lang}.json").read_text()):
        record, scores = load_record(entry["record"])
        ctx = build_context(record, scores, now=NOW)
        vocab = build_vocabulary(ctx, score_figures=False)
        out.append((f"{entry['draft']['subject']}\n{entry['draft']['body']}", ctx, vocab))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_commercial_rules_read_only_the_six_fields_and_answer_as_with_the_whole_vocabulary(lang):
    refused = 0
    for text, ctx, vocab in _drafts(lang):
        whole = commercial_rule_violations.__wrapped__(text, ctx, replace(vocab, day_first=True), 0.1, ("free onboarding",))
        assert commercial_rule_violations.__wrapped__(text, ctx, OnlyRead(vocab), 0.1, ("free onboarding",)) == whole
        assert commercial_violations(text, ctx, vocab, 0.1, ("free onboarding",)) == whole, text
        refused += bool(whole)
    assert refused >= 3, "the drafts must include some the commercial rules refuse, or the comparison shows nothing"


def test_the_commercial_vocabulary_keeps_the_six_fields_and_empties_the_rest():
    record, scores = load_record("de_deal")
    vocab = replace(build_vocabulary(build_context(record, scores, now=NOW)), day_first=True)
    cut = commercial_vocabulary(vocab)
    assert all(getattr(cut, f) == getattr(vocab, f) for f in READ)
    assert cut.money and cut.names, "the fixture record has figures and names, or the check above shows nothing"
    assert not cut.day_first and not cut.dates and not cut.words
    assert commercial_vocabulary(replace(vocab, day_first=False, dates=frozenset())) == cut


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_remembered_timing_verdict_is_the_fresh_one_for_every_day_and_same_day_ask(lang):
    texts = [text for text, _, _ in _drafts(lang)]
    days = [NOW.date() + timedelta(days=n) for n in (-30, 0, 1, 6)]
    asked = [(t, d, same) for t in texts for d in days for same in (False, True)]
    remembered_timing_violations.cache_clear()
    fresh = {}
    for t, d, same in asked:
        fresh[t, d, same] = timing_violations(t, d, asked_same_day=same)
        remembered_timing_violations.cache_clear()
    remembered = {(t, d, same): timing_violations(t, d, asked_same_day=same) for t, d, same in asked}
    assert remembered == fresh
    assert any(fresh.values()), "some draft must break a timing rule on some day, or the comparison shows nothing"


def test_a_timing_verdict_changed_by_its_receiver_is_not_the_next_callers():
    text = "Können wir uns heute um 15 Uhr kurz abstimmen? Bitte bis 1. November unterschreiben."
    day = date(2026, 11, 25)
    first = timing_violations(text, day)
    assert first, "the text holds a past deadline and a send-day meeting"
    first.append("edited by the receiver")
    first.clear()
    assert timing_violations(text, day) == list(remembered_timing_violations.__wrapped__(text, day, False)) != []
