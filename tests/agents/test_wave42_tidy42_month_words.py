"""Why agents.bare_day_deadlines keeps its own month list (issue 11, code health, wave 42, tidy42).

The brief's reason was that the shared `past_terms.MONTH_NAME` has no abbreviations. That is not the whole
difference: bare_day_deadlines reads a month by its first letters ("mai\\w*", "dec\\w*", "mar\\w*"), so any word
starting so after the day is a month to it ("the 1st maintenance window", "the 2nd decision meeting"), and such a
deadline is no bare day. Whole month names with their abbreviations (what `MONTH_NAME` would become) read those as
bare days and refuse them, and read the Austrian "Jän." that the first letters miss: the verdict moves both ways, so
wave 42 left the list. Giving `MONTH_NAME` itself the abbreviations would reach its other readers (agents.timing,
clock_times, invoice_references, invoice_routing), where "ago." ends many a sentence. Every test here is a guard (it
held before wave 42) and shows a whole-word month reading deciding otherwise.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from agents.bare_day_deadlines import MONTHS, bare_day_deadlines
from agents.past_terms import MONTH_NAME

SEND_DAY = date(2026, 11, 25)
_ABBREVIATED = re.compile(r"\b(?:jan|jän|feb|febr|mär|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec|janv|févr|avr|"
                          r"juil|déc|ene|abr|ago|dic)\.?(?!\w)", re.I)
"""The abbreviations the brief names, as a shared list would hold them: whole words, the full stop optional."""


def _read_as_a_month_by_the_first_letters(word: str) -> bool:
    return re.fullmatch(rf"(?:{MONTHS})", word, re.I) is not None


def _read_as_a_month_by_whole_words(word: str) -> bool:
    return bool(MONTH_NAME.fullmatch(word) or _ABBREVIATED.fullmatch(word))


@pytest.mark.parametrize(("text", "word"), [
    ("Please confirm before the 1st maintenance window.", "maintenance"),
    ("Please decide before the 2nd decision meeting.", "decision"),
    ("Sign off by the 1st marketing review.", "marketing"),
])
def test_an_ordinal_before_a_word_that_starts_like_a_month_is_no_bare_day_today(text, word):
    """Guard: passes today; whole-word months would refuse it as a deadline on a bare day."""
    assert bare_day_deadlines(text, [], SEND_DAY) == []
    assert _read_as_a_month_by_the_first_letters(word) and not _read_as_a_month_by_whole_words(word)


def test_the_austrian_jaenner_abbreviated_is_a_bare_day_today():
    """Guard: refused today ("Jän." starts with no letters of the list); a shared list with "Jän." would pass it. A
    false refusal noticed in wave 42 and left with the list."""
    text = "Bitte bis zum 3. Jän. unterschreiben."
    assert bare_day_deadlines(text, [], SEND_DAY)
    assert not _read_as_a_month_by_the_first_letters("Jän") and _read_as_a_month_by_whole_words("Jän.")


@pytest.mark.parametrize("text", [
    "Bitte bis zum 3. Dez unterschreiben.",
    "Sign by the 3rd Dec., please.",
    "Sign by the 3rd Sept.",
    "Signez avant le 4 janv., merci.",
    "Firme antes del 3 de ene.",
    "Firme antes del 3 de dic.",
])
def test_an_abbreviated_month_after_the_day_is_a_full_date_either_way(text):
    """Guard and adversary: the abbreviations the brief names, in the four languages, are months on both readings."""
    assert bare_day_deadlines(text, [], SEND_DAY) == []


@pytest.mark.parametrize("text", [
    "Please sign by the 4th.",
    "Bitte bis zum 3. unterschreiben.",
    "Merci de signer avant le 4.",
    "Firme antes del día 3.",
])
def test_a_bare_day_is_still_refused(text):
    """Guard: no month after the day on either reading."""
    assert bare_day_deadlines(text, [], SEND_DAY)


@pytest.mark.parametrize("word", ["ago", "mar", "sep"])
def test_month_name_reads_no_bare_abbreviation(word):
    """Guard: "two weeks ago", "el mar", "sep" are no months to `MONTH_NAME`'s readers today."""
    assert not MONTH_NAME.search(f"It was {word}.")
