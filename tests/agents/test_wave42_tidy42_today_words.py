"""Today named as a day, one list for two checks (issue 11, code health, wave 42, tidy42).

agents.dated_times (a time said today stays dayless) and agents.everyday_terms (a zoned clock time today) each kept
the same list of today's words; both now read `agents.meeting_today_words.SAID_TODAY`. The meeting check's `TODAY`
is wider on purpose ("gleich", "shortly", "luego": a while from now), so it stays apart: the last tests show a draft
whose verdict would move if dated_times read it.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from agents import dated_times, everyday_terms, meeting_today_words
from agents.everyday_terms import same_day_calls
from agents.meeting_today_words import TODAY
from agents.timing import timing_violations

SEND_DAY = date(2026, 11, 25)  # a Wednesday, the tests' clock


def test_dated_times_and_everyday_terms_read_today_from_one_list():
    """Fails on the code before wave 42 (no SAID_TODAY; each module spelled its own list)."""
    said_today = meeting_today_words.SAID_TODAY
    assert said_today in dated_times._SAYS_TODAY.pattern
    assert said_today in everyday_terms._ZONED_TODAY.pattern


@pytest.mark.parametrize("text", [
    "Could we talk on Tuesday, December 1? I can call you at 4 pm today.",
    "Passt Ihnen Dienstag, 1. Dezember? Ich rufe Sie heute abend um 18 Uhr an.",
    "Seriez-vous disponible le mardi 1er décembre ? Je vous appelle ce soir à 18 h.",
    "¿Le viene bien el martes 1 de diciembre? Le llamo esta tarde a las 18:00.",
])
def test_a_time_said_today_after_a_later_day_is_still_todays(text):
    """Guard: refused before and after (the time is today's, whatever day the question before names)."""
    assert timing_violations(text, SEND_DAY)


@pytest.mark.parametrize("text", [
    "Let's speak at 17:00 GMT this evening.",
    "Wir sprechen heute abend um 18 Uhr MEZ.",
    "Je vous appelle à 18h CET ce soir.",
    "Le llamo a las 18:00 CET esta tarde.",
    "Le llamo hoy a las 18:00 CET.",
])
def test_a_zoned_clock_time_today_is_still_a_same_day_call(text):
    """Guard: refused before and after, in the four languages and either order ("heute abend" keeps its part of
    the day, so the words after it are counted from its end)."""
    assert same_day_calls(text)


def test_a_question_about_a_zoned_time_today_still_passes():
    """Guard: the buyer is asked, nothing is set."""
    assert same_day_calls("¿Le llamo hoy a las 18:00 CET?") == []


def test_gleich_gut_is_no_today_for_the_times_after_a_later_day():
    """Guard, and why the meeting check's wider `TODAY` is not this list: it reads "gleich" (right away) as today,
    so were dated_times to use it, "10 oder 14 Uhr gingen bei mir gleich gut" ("would suit me equally") would stay
    dayless and be refused as a meeting today."""
    text = "Passt Ihnen Dienstag, 1. Dezember? 10 oder 14 Uhr gingen bei mir gleich gut."
    assert timing_violations(text, SEND_DAY) == []
    assert re.search(rf"\b(?:{TODAY})\b", text, re.I) and not dated_times._SAYS_TODAY.search(text)


def test_luego_after_the_times_is_no_today_either():
    """Guard: Spanish "luego" (later, a while from now) is on `TODAY`, not on dated_times' list."""
    text = "¿Le viene bien el martes 1 de diciembre? A las 10:00 o a las 16:00, luego le confirmo."
    assert timing_violations(text, SEND_DAY) == []
    assert re.search(rf"\b(?:{TODAY})\b", text, re.I) and not dated_times._SAYS_TODAY.search(text)
