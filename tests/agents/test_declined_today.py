"""A same-day call declined is no same-day proposal (wave 33, set 42's en-g4, de-g3, fr-g3, es-g3 and benign 034);
every real same-day proposal next to a "can't" or a "nicht" stays refused."""

from __future__ import annotations

import json
from datetime import date

import pytest

from agents.context import build_context
from agents.declined_today import declines_today, without_declined_today
from agents.draft_conduct import unrecorded_thread
from agents.meeting_hours import proposed_meeting_days
from agents.timing import timing_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW, load_record

SEND_DAY = date(2026, 11, 25)  # the fixtures' clock: Wednesday


def _same_day(reasons: list[str]) -> list[str]:
    return [r for r in reasons if "today" in r or "send day" in r]


@pytest.mark.parametrize("text", [
    "I can't make a call today, but Tuesday, December 1 at 9 am Central would work if you prefer it to Thursday.",
    "I can't do a call today, as I want the proposal finished before we speak. Could we take Tuesday, December 1 at "
    "9 am Central instead?",
    "We won't be able to speak today; would Monday, November 30 at 15:00 suit you?",
    "Heute schaffe ich ein Gespräch leider nicht, und ich möchte Ihnen lieber das fertige Angebot zeigen. Ginge "
    "Dienstag, 1. Dezember, um 14 Uhr?",
    "Ein Telefonat heute klappt leider nicht, aber am Dienstag, 1. Dezember, um 10 Uhr rufe ich Sie gern an.",
    "Je ne pourrai pas vous appeler aujourd'hui, et je préfère venir avec la proposition terminée. Le mardi 1er "
    "décembre à 14 h vous irait-il ?",
    "Un appel aujourd'hui, ce n'est pas possible, mais mardi 1er décembre à 10 h je vous appelle volontiers.",
    "Hoy no puedo llamarle, y prefiero hacerlo con la propuesta terminada. ¿Le iría bien el martes 1 de diciembre a "
    "las 16:00?",
    "Hoy no me es posible hablar, pero el martes 1 de diciembre a las 10:00 le llamo con gusto.",
])
def test_a_draft_that_declines_a_call_today_and_offers_a_later_day_proposes_no_same_day_meeting(text):
    assert _same_day(timing_violations(text, SEND_DAY)) == []


@pytest.mark.parametrize("text", [
    "I can't wait to talk today at 4 pm.",
    "I can't do Tuesday, so let's call today at 4 pm.",
    "If you can't talk today at 4 pm, I will call at 5 pm.",
    "I can't stress this enough: let's have a call today at 4 pm.",
    "Können wir heute nicht um 16 Uhr telefonieren, Frau Schmidt?",
    "Morgen geht es leider nicht, deshalb rufe ich Sie heute um 16 Uhr an.",
    "Heute geht es nicht anders: ich rufe Sie heute um 16 Uhr an.",
    "Demain ce n'est pas possible, donc je vous appelle aujourd'hui à 16 h.",
    "¿No podemos hablar hoy a las 16:00?",
    "No puedo esperar: le llamo hoy a las 16:00.",
    "Mañana no puedo, así que le llamo hoy a las 16:00.",
])
def test_a_real_same_day_proposal_beside_a_negation_stays_refused(text):
    assert _same_day(timing_violations(text, SEND_DAY)), text


def test_only_the_declining_clause_is_dropped_and_the_rest_keeps_its_words():
    kept = without_declined_today("I can't make a call today, but Tuesday, December 1 at 9 am works.")
    assert kept == "but Tuesday, December 1 at 9 am works."
    assert without_declined_today("Let's call today at 4 pm.") == "Let's call today at 4 pm."


def test_a_question_or_a_condition_declines_nothing():
    assert not declines_today("¿No podemos hablar hoy?")
    assert not declines_today("if you can't talk today")
    assert not declines_today("wenn es heute nicht klappt")
    assert declines_today("aujourd'hui ce n'est pas possible")


@pytest.mark.parametrize(("text", "day"), [
    ("I can't make a call today, but Tuesday, December 1 at 9 am Central would work if you prefer it to Thursday.",
     date(2026, 12, 1)),
    ("Heute klappt es leider nicht, aber Dienstag, 1. Dezember, um 10 Uhr ginge auch, wenn Ihnen das lieber ist.",
     date(2026, 12, 1)),
    ("Aujourd'hui ce n'est pas possible, mais le mardi 1er décembre à 10 h me convient aussi si vous le préférez.",
     date(2026, 12, 1)),
    ("Hoy no puedo, pero el martes 1 de diciembre a las 10:00 también me va bien si lo prefiere.", date(2026, 12, 1)),
])
def test_a_later_slot_offered_as_the_buyers_preference_is_a_proposal_not_a_fact_to_vouch_for(text, day):
    assert proposed_meeting_days(text, SEND_DAY) == {day}


def test_a_slot_tied_to_a_term_is_still_no_proposal():
    assert proposed_meeting_days("Tuesday, December 1 at 9 am works if you sign the order today.", SEND_DAY) == set()


def test_a_reply_subject_about_a_call_today_is_a_thread_only_when_the_record_holds_that_ask():
    # decided from the records (wave 33, set 42's en-g4/en-g8): no message of Northwind's or Harbor Dental's asks for a
    # call today, so "Re: a call today" answers a message the buyer never sent, however politely the body declines it

    for name in ("hubspot_deal", "salesforce_opportunity"):
        record, scores = load_record(name)
        assert unrecorded_thread("Re: a call today", build_context(record, scores, now=NOW)), name
    raw = json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())
    raw["activities"].append({"type": "email", "at": "2026-11-25T13:00:00Z", "direction": "inbound",
                              "subject": "A call today?", "body": "Hi Sam, could we have a quick call today? Dana"})
    asked = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    assert unrecorded_thread("Re: a call today", asked) == []
