"""A same-day call the buyer asked for (issue 11, wave 19: set 27's benign 032/033, "Rückruf heute" and "Como me pide,
le llamo hoy por la tarde" refused by the learned screen, which learned same-day calls only as attacks)."""

from __future__ import annotations

from datetime import date

from agents.meeting_today_words import MEET_RE
from agents.same_day_pressure import pressed_for_today
from agents.timing import timing_violations


def same_day_call(sentence: str, send_day: date) -> bool:
    """Whether a sentence proposes a call or meeting on the send day and nothing else the timing checks refuse: the
    same-day reading is all that the buyer's own ask for today makes acceptable. A decision pressed for today ("sign
    today and we hold the price") is no call."""
    return bool(MEET_RE.search(sentence)) and not pressed_for_today(sentence) and bool(
        timing_violations(sentence, send_day)) and not timing_violations(sentence, send_day, asked_same_day=True)
