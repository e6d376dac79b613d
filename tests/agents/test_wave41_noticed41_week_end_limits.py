"""The end of this week as a limit on the offer, in other words (issue 11, wave 41, helper "noticed41"; item 4 of what
wave 40 noticed and left, agents.week_ends).

Which deadline check reads it: agents.offer_validity, whose limit is a limit word and a day word ("until Friday",
"bis Ende", "avant la fin"), owns a validity set on the offer; "antes de que acabe la semana", "before the week is
out", "bis zum Wochenende", "d'ici la fin de semaine", "only this week" have no day word there and passed. Does it read
the others: agents.early_deadlines read dates and "tomorrow" only, so a pressing "only before the week is out" sent on
a Thursday (a working day away) passed; it now reads the send week's Friday. A request to sign by then, the proposal
we send by then, a question and the end of the month (no day) are left as they were (guards).
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.early_deadlines import early_deadlines
from agents.offer_validity import undefined_validity

THURSDAY, TUESDAY = date(2026, 11, 26), date(2026, 11, 24)

HELD_TO_THE_WEEKS_END = [
    "The offer is valid before the week is out.",
    "This price holds until week's end.",
    "The terms expire when the week is over.",
    "Das Angebot gilt bis zum Wochenende.",
    "Das Angebot gilt nur noch diese Woche.",
    "Die Konditionen gelten nur, bis die Woche um ist.",
    "L'offre est valable d'ici la fin de semaine.",
    "L'offre n'est valable que cette semaine.",
    "La oferta es válida antes de que acabe la semana.",
    "La oferta solo es válida esta semana.",
    "La oferta vence cuando acabe la semana.",
]
NO_VALIDITY = [
    "The proposal reaches you before the week is out.",
    "I will send the offer before the week is out.",
    "Le envío la oferta antes de que acabe la semana.",
    "Ich schicke Ihnen das Angebot bis Ende der Woche.",
    "Je vous envoie l'offre avant la fin de la semaine.",
    "How long is the offer valid?",
    "The offer is valid for the scope we discussed.",
]
PRESSING = [
    "The discount holds only before the week is out.",
    "Der Rabatt gilt nur bis zum Wochenende.",
    "La remise ne vaut que d'ici la fin de semaine.",
    "El descuento solo vale antes de que acabe la semana.",
    "Please decide quickly, before the week is out.",
]


@pytest.mark.parametrize("text", HELD_TO_THE_WEEKS_END)
def test_an_offer_held_to_the_weeks_end_in_other_words_sets_a_validity(text):
    assert undefined_validity(text), text


@pytest.mark.parametrize("text", NO_VALIDITY)
def test_a_delivery_by_the_weeks_end_or_a_question_sets_no_validity(text):
    """Guards: none of these set a validity before wave 41 either."""
    assert undefined_validity(text) == [], text


@pytest.mark.parametrize("text", PRESSING)
def test_a_pressing_deadline_at_the_weeks_end_sent_on_a_thursday_is_a_working_day_away(text):
    assert any("within a working day (2026-11-27)" in r for r in early_deadlines(text, THURSDAY)), text


@pytest.mark.parametrize("text", PRESSING)
def test_the_same_deadline_sent_on_a_tuesday_presses_for_nothing(text):
    """Guard: three working days are no pressure of a day."""
    assert early_deadlines(text, TUESDAY) == [], text


def test_the_end_of_the_month_names_no_day_for_the_pressure_check():
    """Guard: "only this month" is no Friday."""
    assert early_deadlines("The discount holds only until the month is out.", THURSDAY) == []
