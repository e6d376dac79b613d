"""Two more refusal families found by drafting as a rep after the probe (wave 41, qual41; issue 11).

1. Times offered in the sentence after a question that proposes a later day with no time of its own ("Could we find 30
   minutes on Tuesday, December 1? 10 am or 2 pm Central both work on my side.") read as today's
   (`agents.dated_times.times_for_the_day_before`).
2. A question relayed as another person's after a colon, without quotation marks ("Tom raised a good point on our
   call: could the 9 clinics go live in two waves?") counted as the draft's ask and as asking the record again
   (`agents.reported_questions`).
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.known_record import asks_again
from agents.next_steps import count_asks
from agents.timing import timing_violations
from tests.agents.quality_probe import failed_checks, named_check, record_context

SEND_DAY = date(2026, 11, 25)  # a Wednesday, the tests' clock


@pytest.mark.parametrize("text", [
    "Could we find 30 minutes on Tuesday, December 1 to walk through it? 10 am or 2 pm Central both work on my side.",
    "Seriez-vous disponible le mardi 1er décembre ? 10 h ou 14 h me conviendraient.",
])
def test_times_after_a_question_that_names_a_later_day_are_that_days(text):
    assert timing_violations(text, SEND_DAY) == []


@pytest.mark.parametrize("text", [
    "Passt Ihnen Dienstag, 1. Dezember? 10 oder 14 Uhr gingen bei mir.",
    "¿Le viene bien el martes 1 de diciembre? A las 10:00 o a las 16:00, como prefiera.",
])
def test_german_and_spanish_times_after_the_day_stay_that_days(text):
    """Guard: these passed before (their times were not read as a meeting's there); the new reading keeps them."""
    assert timing_violations(text, SEND_DAY) == []


@pytest.mark.parametrize("text", [
    "Could we talk on Tuesday, December 1? Otherwise I can call you at 4 pm.",
    "The proposal reaches you on Friday, November 27. I can call you at 4 pm.",
    "Could we talk on Tuesday, December 1 at 10 am? 4 pm works for me too.",
    "Could we talk on Wednesday? 4 pm works for me.",
    "Could we talk today? 4 pm works for me.",
])
def test_times_after_no_later_proposal_or_as_an_alternative_still_read_as_today(text):
    """Guard and adversary: an alternative, a sentence that proposes no meeting, one with its own time, or the send
    day are not a later day the times could complete."""
    assert timing_violations(text, SEND_DAY)


def test_a_rep_draft_offering_two_times_after_the_day_passes_the_timing_check():
    body = ("Hi Dana,\n\nThe proposal goes out Friday, November 27, so Marcus has it well before the December budget "
            "review.\n\nCould we find 30 minutes on Tuesday, December 1 to walk through it? 10 am or 2 pm Central both "
            "work on my side.\n\nBest,\nSam")
    assert named_check("hubspot_deal", body, "no_past_deadline_or_same_day_meeting").passed


@pytest.mark.parametrize("text", [
    "Tom raised a good point on our call: could the 9 clinics go live in two waves? Would Thursday, December 3 work?",
    "Herr Weber hat bei der Demo gefragt: Wie schnell amortisiert sich das? Passt Ihnen Dienstag, 1. Dezember?",
    "Paul se demandait lors de la démonstration : combien coûte un atelier ? Êtes-vous disponible le mardi 1er décembre ?",
    "Lucía preguntó en la demo: ¿cuánto se ahorra en combustible? ¿Le viene bien el martes 1 de diciembre?",
])
def test_a_question_relayed_as_a_colleagues_is_no_ask_of_the_draft(text):
    assert count_asks(text) == 1


@pytest.mark.parametrize("text", [
    "I wondered: could we meet on Tuesday?",
    "I asked myself: could we meet on Tuesday?",
    "One question for Marcus: would Tuesday suit him?",
])
def test_our_own_question_after_a_colon_is_still_an_ask(text):
    """Guard and adversary: a first person reports our own question; no reporting verb, no report."""
    assert count_asks(text) == 1


def test_a_relayed_question_the_record_holds_is_not_asked_again():
    body = ("Tom raised a good point on our call: could the 9 clinics go live in two waves? I'm putting a plan together "
            "that does exactly that.")
    assert asks_again(body, record_context("salesforce_opportunity")) == []


def test_the_same_question_asked_of_the_buyer_is_still_asked_again():
    """Guard: asked as ours, the record's question is a repeat."""
    body = "Could the 9 clinics go live in two waves?"
    assert asks_again(body, record_context("salesforce_opportunity"))


def test_a_report_answered_after_its_colon_leaves_the_drafts_own_question_counted():
    """Guard (set 17's en-g8, a call script): "Tom asked whether they can go live in two waves: they can, and I would
    like ... Could we book 20 minutes next week ...?" answers the report, then asks ours; a first cut of the rule read
    everything up to the last question mark as Tom's."""
    assert count_asks("Tom asked whether they can go live in two waves: they can, and I would like to agree which "
                      "clinics go first. Could we book 20 minutes next week to settle the order?") == 1
    assert failed_checks("q17-en-g8") == set()
