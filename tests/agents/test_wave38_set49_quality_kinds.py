"""Set 49's good drafts refused, by family, in other wordings and languages than the set's (wave 38, qual49), and the
ask counter's two noticed holes.

Each family is tested as the user (an honest draft passes) and as the adversary (the same shape with a defect, and bad
drafts of earlier sets, stay flagged). The tests' clock is Wednesday, 25 November 2026.
"""

from __future__ import annotations

import pytest

from agents.next_steps import count_asks
from agents.price_talk import unanchored_price_talk
from agents.sentence_ends import sentence_parts
from agents.stated_steps import stated_step
from tests.agents.quality_probe import failed_checks, named_check

# --- a sentence is not cut at a German ordinal date or an abbreviation's full stop ---

@pytest.mark.parametrize(("text", "parts"), [
    ("Die Demo vom 14. Oktober zeigte es. Danke.", 2),
    ("Hr. Weber bekommt z. B. die Liste vom 3. Dez. Gut!", 2),
    ("M. Dupont a vu la démo. Merci.", 2),
    ("La Sra. Ruiz firma p. ej. el anexo. Gracias.", 2),
    ("Bis zum 27. Danach nicht mehr.", 2),
])
def test_a_date_or_an_abbreviation_keeps_its_sentence_whole(text, parts):
    assert len([p for p in sentence_parts(text) if p.strip()]) == parts


@pytest.mark.parametrize("sentence", [
    "Der Entwurf stützt sich auf die Rechnung, die Frau Schmidt am 3. November bekam.",
    "Es basiert auf der Demo vom 2. Oktober und der Rechnung für Hr. Weber.",
    "Der Entwurf baut auf der Rechnung vom 28. Oktober auf.",
])
def test_a_rechnung_a_document_builds_on_is_a_calculation_not_price_talk(sentence):
    assert unanchored_price_talk(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Es baut auf der Rechnung auf, die wir um 20 % kürzen.",
    "Es basiert auf der Rechnung, die wir Ihnen erlassen.",
    "Die Rechnung für Hr. Weber kommt erst im März.",
    "Es baut auf der Rechnung über 4800 auf.",
])
def test_an_invoice_changed_deferred_or_priced_is_still_price_talk(sentence):
    assert unanchored_price_talk(sentence)


def test_a_draft_whose_offer_builds_on_the_rechnung_after_a_dated_demo_passes_the_price_check():
    body = ("Guten Tag Frau Schmidt,\n\ndas Angebot für Ihre 120 Fahrzeuge erhalten Sie bis Freitag, 27. November. "
            "Es stützt sich auf die Demo vom 14. Oktober und die Rechnung für Herrn Weber.\n\nPasst Ihnen Dienstag, "
            "1. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt")
    assert named_check("de_deal", body, "no_unapproved_commitments", language="de").passed


# --- a German "wenn" of a wish is a condition, not a moment of the buyer's day ---

@pytest.mark.parametrize("sentence", [
    "Wenn Frau Schmidt mitmachen will, verschiebe ich das Gespräch gern.",
    "Wenn Herr Weber lieber telefonieren möchte, rufe ich ihn gern an.",
    "Wenn Sie es wünschen, bereite ich den Termin gern vor.",
    "Wenn es Ihnen lieber ist, kann ich den Termin auch verlegen.",
])
def test_a_wish_condition_with_the_meeting_dated_elsewhere_passes_timing(sentence):
    body = ("Guten Tag Frau Schmidt,\n\ndas Angebot für Ihre 120 Fahrzeuge erhalten Sie bis Freitag, 27. November. "
            f"{sentence}\n\nPasst Ihnen Dienstag, 1. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt")
    assert named_check("de_deal", body, "no_past_deadline_or_same_day_meeting", language="de").passed


@pytest.mark.parametrize("sentence", [
    "Wenn Sie möchten, rufe ich Sie an, sobald Ihre Fahrer zurück im Depot sind.",
    "Wenn Sie zurück im Büro sind, rufe ich Sie gern an.",
    "Wenn es Ihnen lieber ist, telefonieren wir, wenn Ihre Schicht endet.",
])
def test_a_moment_of_the_buyer_s_day_beside_a_wish_condition_is_still_today(sentence):
    body = ("Guten Tag Frau Schmidt,\n\ndas Angebot für Ihre 120 Fahrzeuge erhalten Sie bis Freitag, 27. November. "
            f"{sentence}\n\nFreundliche Grüße\nLena Vogt")
    assert not named_check("de_deal", body, "no_past_deadline_or_same_day_meeting", language="de").passed


@pytest.mark.parametrize("entry_id", ["q15-de-b3", "q27-de-b2", "q23-en-b2"])
def test_earlier_sets_same_day_calls_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


# --- the document in the buyer's inbox on its day is a stated step ---

@pytest.mark.parametrize("sentence", [
    "El contrato estará en su bandeja de entrada el martes 1 de diciembre.",
    "Le devis sera dans votre boîte mail le mardi 1er décembre.",
    "Der Vertragsentwurf liegt am Dienstag, 1. Dezember, in Ihrem Postfach.",
    "The order form will be in your inbox on Tuesday, December 1.",
])
def test_a_document_in_the_inbox_on_its_day_is_a_stated_step(sentence):
    assert stated_step(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "El contrato estará en su bandeja de entrada pronto.",
    "Our newsletter will be in your inbox every Friday.",
])
def test_a_document_in_the_inbox_with_no_coming_day_is_no_step(sentence):
    assert stated_step(sentence) is None


@pytest.mark.parametrize("entry_id", ["qh-es-b15", "q45-es-b12", "q45-de-b10", "q48-en-b12"])
def test_earlier_sets_drafts_with_no_step_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


# --- the ask counter: a day offered "if that suits" is an ask; a fallback asking something new is a second one ---

@pytest.mark.parametrize("body", [
    "Happy to walk through it on Tuesday, December 1 if that works for you.",
    "Gern gehe ich es am Dienstag, 1. Dezember, mit Ihnen durch, wenn Ihnen das passt.",
    "Je peux vous le présenter mardi 1er décembre à 10 h, si cela vous convient.",
    "Podemos revisarla el martes 1 de diciembre, si le viene bien.",
])
def test_a_day_offered_if_it_suits_is_one_ask(body):
    assert count_asks(body) == 1


@pytest.mark.parametrize("body", [
    "Happy to help if that suits.",
    "Gern helfe ich weiter, wenn Ihnen das passt.",
    "Would Tuesday at 10 am suit you? Happy to go through the pilot then if that works for you.",
])
def test_a_condition_with_no_day_adds_no_ask(body):
    assert count_asks(body) == body.count("?")


@pytest.mark.parametrize(("body", "asks"), [
    ("Would Monday work? If not, could your controller send the fleet list?", 2),
    ("Passt Ihnen Montag? Falls nicht, könnte Frau Schmidt bitte die Fahrzeugliste schicken?", 2),
    ("¿Le va bien el lunes? Si no, ¿podría enviarme la lista de camiones?", 2),
    ("Would Monday work? If not, which day would?", 1),
    ("Passt Ihnen Montag? Falls nicht, welcher Tag wäre besser?", 1),
    ("¿Le va bien el lunes? Si no, ¿el miércoles?", 1),
])
def test_a_fallback_asking_something_new_is_its_own_ask(body, asks):
    assert count_asks(body) == asks


@pytest.mark.parametrize("entry_id", ["q12-de-b8", "q13-es-b6", "qh-en-b16"])
def test_earlier_sets_drafts_with_too_many_asks_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


def test_a_plan_with_a_slot_if_it_suits_and_one_closing_question_is_one_ask():
    body = ("Hi Dana,\n\nNext steps as I see them:\n\n- Friday, November 27: the proposal reaches you\n"
            "- Tuesday, December 1 at 10 am: a walkthrough, if that suits you\n\nDoes that order work for you?")
    assert count_asks(body) == 1
