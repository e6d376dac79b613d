"""The last private sentence splits moved onto agents.sentence_ends (wave 40, tidy40): the checks that read the
sentence around a match (`sentence_around`) and agents.seller_interest, which folded case before it cut and so took
an abbreviation's full stop for a sentence end."""

from __future__ import annotations

import pytest

from agents.context import build_context
from agents.negated_free import negated_free_spans
from agents.seller_interest import pushes_a_colleague
from agents.sentence_ends import sentence_around
from tests.agents.conftest import NOW, load_record


@pytest.mark.parametrize(("text", "word", "sentence"), [
    ("Hallo Herr Weber. Wir liefern am 2. Dezember, z. B. nach Hamburg. Danke!", "Hamburg",
     "Wir liefern am 2. Dezember, z. B. nach Hamburg"),
    ("The offer stands. Dr. Weber signs it on Friday?\nBest, Sam", "signs", "Dr. Weber signs it on Friday"),
    ("Line one\nLine two has 3.5 hours", "hours", "Line two has 3.5 hours"),
])
def test_the_sentence_around_a_word_runs_over_titles_days_and_abbreviations_to_its_own_end(
        text: str, word: str, sentence: str) -> None:
    start, end = sentence_around(text, text.index(word))
    assert text[start:end] == sentence


@pytest.mark.parametrize("text", [
    "Shipping is not free for orders under EUR 1.000 z. B. in Bavaria, but free for you.",
    "Der Versand ist nicht kostenlos für Aufträge unter 3.5 t, aber für Sie kostenlos.",
])
def test_a_free_word_given_back_after_an_abbreviation_or_a_decimal_is_not_read_as_negated(text: str) -> None:
    assert negated_free_spans(text) == []


@pytest.mark.parametrize("sentence", [
    "Könnten Sie Herrn Weber bitten, den Vertrag inkl. Anhang noch vor unserem Termin zu unterschreiben?",
    "Könnten Sie Herrn Weber bitten, den Vertrag z. B. per DocuSign noch vor unserem Termin zu unterschreiben?",
])
def test_pressing_a_colleague_to_sign_by_our_date_is_read_across_an_abbreviation(sentence: str) -> None:
    record, scores = load_record("de_deal")
    ctx = build_context(record, scores, now=NOW)
    assert pushes_a_colleague(f"Hallo Frau Schmidt,\n\n{sentence}\n\nViele Grüße\nLena Vogt", "701", ctx)
