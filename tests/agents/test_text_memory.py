"""A reading remembered by agents.text_memory answers as a fresh one does, for every argument it depends on: two
records (vocabularies), languages or vouched words asking about the same text get their own answers, and no caller can
change what the next one is handed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from agents.draft_language import sentences_in_other_languages
from agents.facts import Vocabulary, find_unsupported
from agents.models import DraftOut, StrategyOut
from agents.providers.base import strict_schema
from agents.safety import text_invariant_violations
from agents.sentence_language import language_violations, trigram_words
from agents.spelled_numbers import spelled_number_violations
from agents.text_memory import remembered
from agents.written_dates import find_dates

NONE: frozenset[Any] = frozenset()
GERMAN = "Wir schicken Ihnen das Angebot bis Freitag und melden uns danach telefonisch bei Ihnen."


def vocab(**fields: Any) -> Vocabulary:
    return Vocabulary(**{"numbers": NONE, "money": NONE, "percents": NONE, "dates": NONE, "emails": NONE,
                         "urls": NONE, "words": NONE, **fields})


READINGS: list[tuple[Callable[..., Any], tuple[Any, ...], tuple[Any, ...], dict[str, Any], dict[str, Any]]] = [
    (find_dates, ("bis 4/12 bitte",), ("bis 4/12 bitte",), {"day_first": False}, {"day_first": True}),
    (find_unsupported, ("The licence costs $48,000 per year.", vocab()),
     ("The licence costs $48,000 per year.", vocab(money=frozenset({48000.0}))), {}, {}),
    (language_violations, (GERMAN, "en"), (GERMAN, "de"), {}, {}),
    (spelled_number_violations, ("We have ninety trucks in the depot.", NONE),
     ("We have ninety trucks in the depot.", frozenset({90.0})), {}, {}),
    (trigram_words, ("Call Whitfield today about Hamburg", NONE, "de"),
     ("Call Whitfield today about Hamburg", frozenset({"whitfield"}), "de"), {}, {}),
    (sentences_in_other_languages, (f"Hi Dana, thanks for the call. {GERMAN}", "en", NONE),
     (f"Hi Dana, thanks for the call. {GERMAN}", "de", NONE), {}, {}),
    (text_invariant_violations, (GERMAN, vocab(), "en"), (GERMAN, vocab(), "de"), {}, {}),
]
"""(reading, arguments, the same text with one argument changed, keywords of each): the two answers differ."""


@pytest.mark.parametrize(("reading", "args", "other", "kwargs", "other_kwargs"), READINGS,
                         ids=[r[0].__name__ for r in READINGS])
def test_a_remembered_reading_answers_each_argument_as_afresh_and_an_equal_ask_from_memory(
        reading, args, other, kwargs, other_kwargs):
    reading.cache_clear()
    first = reading(*args, **kwargs)
    changed = reading(*other, **other_kwargs)
    assert first != changed  # the changed argument changes the answer: a memory keyed without it would fail here
    assert reading(*args, **kwargs) == first == reading.__wrapped__(*args, **kwargs)
    assert changed == reading.__wrapped__(*other, **other_kwargs)
    assert reading.cache_info().hits == 1


def test_an_answer_changed_by_its_caller_is_not_the_next_callers():
    find_unsupported.cache_clear()
    text, checked = "The licence costs $48,000 per year.", vocab()
    mine = find_unsupported(text, checked)
    mine.clear()
    assert find_unsupported(text, checked) != []
    segments = find_dates("bis 4/12 bitte")
    segments.append(("x", (None, 1, 1)))
    assert find_dates("bis 4/12 bitte") == [("4/12", (None, 4, 12))]


def test_arguments_equal_in_value_but_not_in_type_are_remembered_apart_and_unhashable_ones_read_afresh():
    calls: list[Any] = []

    @remembered(8)
    def kinds(value: Any) -> list[str]:
        calls.append(value)
        return [type(value).__name__]

    assert kinds(1) == ["int"] and kinds(1.0) == ["float"] and kinds(True) == ["bool"]
    assert kinds(1) == ["int"] and len(calls) == 3
    assert kinds([1]) == ["list"] and kinds([1]) == ["list"] and len(calls) == 5  # a list is no key: read each time
    assert {"answers": ["a"], "set": {"a"}} == {"answers": remembered(2)(lambda: ["a"])(),
                                                "set": remembered(2)(lambda: {"a"})()}


def test_a_strict_schema_is_worked_out_per_model_and_each_caller_gets_its_own_copy():
    draft, strategy = strict_schema(DraftOut), strict_schema(StrategyOut)
    assert draft != strategy
    draft["properties"].clear()
    assert strict_schema(DraftOut)["properties"] and strict_schema(DraftOut) != draft
    assert strict_schema(StrategyOut) == strategy
