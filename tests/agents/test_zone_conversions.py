"""A time converted between two zones in one sentence must name one instant (wave 28: set 25's en-b9 had been caught
only by an unknown "Central"; once the contact's zone vouched for the word, nothing read the arithmetic)."""

from __future__ import annotations

from datetime import date

import pytest

from agents.zone_conversions import wrong_conversions
from tests.agents.quality_probe import named_check

SEND_DAY = date(2026, 11, 25)

WRONG = [
    "Could we go through it on Tuesday, December 1 at 10 am Eastern, which is 11 am for you in Central time?",
    "Does Tuesday, December 1 at 2 pm Pacific (5 pm Central) work?",
    "Shall we say Thursday, December 3 at 9 am Central, i.e. 9 am Eastern?",
    "Could we talk on June 2 at 10 am Eastern, which is 3 pm CET for you?",
    "Passt Ihnen Dienstag, 1. Dezember, um 16 Uhr MEZ, also 9 Uhr Eastern Time?",
    "Wie wäre Donnerstag, 3. Dezember, um 15 Uhr MEZ, d. h. 8 Uhr Ostküstenzeit?",
    "On se parle le mardi 1er décembre à 16 h heure de Paris, soit 11 h heure de l'est ?",
    "¿Le viene bien el martes 1 de diciembre a las 10:00 hora del este, es decir, a las 8:00 hora de Chicago?",
    "¿Le viene bien el martes 1 de diciembre a las 10:00 hora del este, o sea, a las 8:00 hora de Chicago?",
]

RIGHT = [
    "Could we go through it on Tuesday, December 1 at 10 am Eastern, which is 9 am for you in Central time?",
    "Does Tuesday, December 1 at 2 pm Pacific (4 pm Central) suit you?",
    "Could we talk on June 2 at 10 am Eastern, which is 4 pm CET for you?",
    "Passt Ihnen Dienstag, 1. Dezember, um 16 Uhr MEZ, also 10 Uhr Eastern Time?",
    "On se parle le mardi 1er décembre à 16 h heure de Paris, soit 10 h heure de l'est ?",
    "¿Le viene bien el martes 1 de diciembre a las 10:00 hora del este, es decir, a las 9:00 hora de Chicago?",
    "¿Le viene bien el martes 1 de diciembre a las 10:00 hora del este, o sea, a las 9:00 hora de Chicago?",
    # two times offered, not one converted
    "¿El martes 1 de diciembre a las 10:00 hora del este o a las 8:00 hora de Chicago?",
    "Would 10 am Eastern or 2 pm Central work on Tuesday, December 1?",
    "Am Dienstag, 1. Dezember, um 10 Uhr MEZ oder um 16 Uhr Eastern Time?",
    # one zone only, or the buyer's own time with no zone
    "Could we talk at 10 am (9 am Central)?",
    "Could we meet on Tuesday, December 1 at 10 am Central, which is 10 am for you?",
]


@pytest.mark.parametrize("sentence", WRONG)
def test_a_time_converted_to_another_hour_than_the_zones_give_is_refused(sentence):
    assert wrong_conversions(sentence, SEND_DAY), sentence


@pytest.mark.parametrize("sentence", RIGHT)
def test_a_right_conversion_two_offered_times_or_one_zone_pass(sentence):
    assert wrong_conversions(sentence, SEND_DAY) == [], sentence


def test_the_draft_quality_check_refuses_the_wrong_conversion_to_a_buyer_whose_zone_is_central():
    body = ("Hi Dana,\n\nThe proposal reaches you by Friday, November 27. Could we go through it on Tuesday, "
            "December 1 at 10 am Eastern, which is {} am for you in Central time?\n\nBest regards,\nSam")
    assert not named_check("hubspot_deal", body.format(11), "meeting_in_business_hours").passed
    assert named_check("hubspot_deal", body.format(9), "meeting_in_business_hours").passed
