"""A holiday and a date far apart in a long draft are read in linear time (wave 29: the joining pattern backtracked
exponentially on the text between them, and one German quality draft held the checks for over 300 s)."""

from __future__ import annotations

import time
from datetime import date

from agents.event_dates import _joined, calendar_facts_out

TODAY = date(2026, 11, 25)


def test_a_long_paragraph_between_a_holiday_and_a_date_is_judged_at_once():
    body = ("Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November. Das Angebot für 120 Fahrzeuge "
            "erhalten Sie bis Freitag, 27. November.\n\n" + "Wir besprechen die Einführung gern ausführlich mit Ihnen "
            * 20 + "\n\nWie wäre es am Nikolaustag, 6. Dezember, um 10 Uhr?")
    started = time.process_time()
    calendar_facts_out(body, TODAY)
    assert _joined("\n" + body[:-20]) is False
    assert time.process_time() - started < 1.0


def test_a_holiday_joined_to_its_date_is_still_taken_out():
    text = "Da der erste Advent auf den 29. November fällt, bekommen Sie es schon am Freitag davor."
    assert "29. November" not in calendar_facts_out(text, TODAY)


def test_a_holiday_the_calendar_contradicts_stays():
    text = "The first Sunday of Advent falls on 6 December this year."
    assert "6 December" in calendar_facts_out(text, TODAY)
