"""A question set "at the meeting" ("Soll Herr Weber beim Termin dabei sein?") names the meeting another line of the
draft dates, not a moment of the buyer's working day today (wave 33, set 42's de-g7); with no later day for that
meeting in the draft it stays today's."""

from __future__ import annotations

from datetime import date

import pytest

from agents.timing import timing_violations

SEND_DAY = date(2026, 11, 25)
WORKING_DAY = "proposes to meet at a point of the buyer's working day (no day named: today)"

DATED = [
    "So sieht der Ablauf aus:\n\n1. Angebot am Freitag, 27. November\n2. Rückfragen bis Montag, 30. November\n"
    "3. Gemeinsame Durchsicht am Mittwoch, 2. Dezember, 10 Uhr\n\nSoll Herr Weber beim Termin dabei sein?",
    "The plan:\n1. Proposal on Friday, November 27\n2. Walkthrough call on Wednesday, December 2 at 10 am Central\n\n"
    "Could Marcus join us once the call starts?",
    "Le programme :\n1. Proposition le vendredi 27 novembre\n2. Rendez-vous le mercredi 2 décembre à 10 h\n\n"
    "Paul pourra-t-il se joindre à nous dès le rendez-vous ?",
    "El plan:\n1. Propuesta el viernes 27 de noviembre\n2. Reunión el miércoles 2 de diciembre a las 10:00\n\n"
    "¿Podrá Lucía unirse cuando empiece la reunión?",
]


@pytest.mark.parametrize("text", DATED)
def test_a_question_set_at_the_meeting_another_line_dates_names_that_day_not_today(text):
    assert timing_violations(text, SEND_DAY) == []


@pytest.mark.parametrize("text", [
    *(t.rsplit("\n\n", 1)[1] for t in DATED),  # the question alone: no day anywhere, so today's
    "Der Ablauf:\n1. Termin heute, 25. November, 16 Uhr\n\nSoll Herr Weber beim Termin dabei sein?",
    "Could I call you once your drivers clock out? The proposal follows on Friday, November 27.",
])
def test_a_meeting_moment_with_no_later_day_for_that_meeting_stays_today(text):
    assert any("today" in r or "send day" in r for r in timing_violations(text, SEND_DAY)), text
