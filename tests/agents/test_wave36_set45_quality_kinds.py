"""Set 45's quality misses and false rejections, by family and in other wordings and languages than the set's (wave 36).

Each family is tested as the user (an honest draft passes) and as the adversary (the bad drafts of earlier sets that
share its shape stay flagged). The fixture records' buyers asked for the proposal by Friday, 27 November; the tests'
clock is Wednesday, 25 November 2026.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from agents.context import build_context
from agents.counted_sites import invented_site_counts
from agents.disparaging import disparages_competitor
from agents.late_promises import late_promises
from agents.next_steps import count_asks
from agents.noted_hearsay import repeated_notes
from agents.price_guidance import without_price_guidance
from agents.record_reading import record_reading_problems
from integrations.base import Activity
from tests.agents.conftest import FIXTURES, NOW, load_record
from tests.agents.quality_probe import named_check, record_context
from tests.agents.test_quality import _checks

SEND_DAY = date(2026, 11, 25)


def _heldout(entry_id: str) -> dict:
    """One draft of an earlier quality set, by its id."""
    number = entry_id.split("-")[0].removeprefix("q").removeprefix("h")
    folder = "quality_heldout" if entry_id.startswith("qh-") else f"quality_heldout{number}"
    lang = entry_id.split("-")[1]
    return next(e for e in json.loads((FIXTURES / folder / f"{lang}.json").read_text()) if e["id"] == entry_id)


# --- how asks are counted: one question over two sentences, or two bulleted questions under one lead-in ---

@pytest.mark.parametrize("body", [
    "To size the rollout, two quick questions:\n- Should all 6 depots start on day one?\n"
    "- Who besides Marcus should receive the proposal?",
    "Pour préparer la proposition, deux questions :\n- Faut-il inclure les 6 ateliers dès le départ ?\n"
    "- Qui, en plus de M. Lefèvre, doit la recevoir ?",
    "Would Wednesday, 2 December at 10 am suit you? Or is Thursday better?",
    "Passt Ihnen Mittwoch, 2. Dezember, um 10 Uhr? Oder lieber Donnerstag?",
    "¿Le va bien el miércoles 2 de diciembre a las 10:00? ¿O prefiere el jueves?",
    "Would Wednesday at 10 am work for you? If not, would Friday at 2 pm suit you?",
])
def test_a_question_carried_on_by_or_or_two_bulleted_questions_under_a_lead_in_are_one_ask(body):
    assert count_asks(body) == 1


@pytest.mark.parametrize(("body", "asks"), [
    ("Three questions first:\n- Who signs?\n- What is the budget?\n- Does Monday work?", 3),
    ("Before the proposal goes out: Who signs? What is the budget?", 2),
    ("Two questions:\n- Who signs? And when?\n- Does Monday work?", 3),
])
def test_three_bulleted_questions_or_questions_run_together_still_count_each(body, asks):
    assert count_asks(body) == asks


@pytest.mark.parametrize("entry_id", ["qh-en-b16", "qh-de-b16", "qh-fr-b16", "q12-de-b8", "q28-en-b11"])
def test_earlier_sets_drafts_with_too_many_asks_are_still_refused_one_call_to_action(entry_id):
    entry = _heldout(entry_id)
    assert not next(c for c in _checks(entry) if c.name == "one_clear_call_to_action").passed


# --- a document due by a day, or with a person of the deal by then, is a stated next step ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("hubspot_deal", "Hi Dana,\n\n- Idle time: the dashboard flags every truck idling over ten minutes.\n"
     "- Fuel: the weekly report shows litres per depot.\n\nBoth are covered in the proposal, due by Friday, "
     "27 November.\n\nSam", "en"),
    ("fr_deal", "Bonjour Claire,\n\nLa proposition pour les 6 ateliers sera chez vous au plus tard le vendredi "
     "27 novembre, avec le nombre de licences.\n\nBien cordialement,\nHugo Martin", "fr"),
    ("es_opportunity", "Hola, Javier:\n\nLa propuesta con el calendario estará en manos de Lucía el viernes 27 de "
     "noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
])
def test_a_document_due_by_a_day_is_a_next_step_for_a_draft_without_a_question(record, body, language):
    assert named_check(record, body, "one_clear_call_to_action", language=language).passed


@pytest.mark.parametrize("body", [
    "Hi Dana,\n\nBoth points are covered in the proposal, due soon.\n\nSam",
    "Hi Dana,\n\nYour payment is due by Friday, 27 November.\n\nSam",
    "Hi Dana,\n\nThe proposal was due by Friday, 20 November.\n\nSam",
])
def test_a_due_with_no_day_or_no_document_of_ours_is_still_no_next_step(body):
    assert not named_check("hubspot_deal", body, "one_clear_call_to_action").passed


# --- a negated or procedural mention of price is no price talk ---

@pytest.mark.parametrize("line", [
    "No discount negotiations on the call.",
    "Keine Rabattdiskussion am Telefon.",
    "Aucune discussion sur les remises pendant l'appel.",
    "We will not discuss discounts on the call.",
    "Wir werden am Telefon nicht über Preise sprechen.",
    "Pas de négociation tarifaire au téléphone.",
    "Nous ne parlerons pas de prix au téléphone.",
    "Sin negociación de precios en la llamada.",
    "No hablaremos de descuentos por teléfono.",
])
def test_price_talk_ruled_out_by_a_negated_noun_or_our_negated_future_is_taken_out(line):
    assert without_price_guidance(line).strip() == ""


def test_a_step_before_a_semicolon_stays_to_be_read_when_the_rule_after_it_is_taken_out():
    assert without_price_guidance("- Confirm the slot; no price negotiation on the call.").strip() == "- Confirm the slot;"
    assert without_price_guidance("- Agree a lower price; do not discuss discounts.").strip() == "- Agree a lower price;"


@pytest.mark.parametrize("line", [
    "No price talk: it is 20% off anyway.",
    "Keine Preisverhandlung, aber 10 % Rabatt.",
    "We will discuss a lower price on the call.",
    "We will not discuss discounts because the price is already lower.",
    "Nous ne parlerons pas de prix, la remise de 15 % reste.",
    "No price increase until 2027.",
])
def test_a_rule_that_also_states_a_term_or_a_moved_price_is_read_as_before(line):
    assert without_price_guidance(line) == line


def test_a_call_script_that_rules_price_talk_out_passes_the_commitment_check():
    body = ("Goal: find out what Tom needs for the partners' decision.\n- Ask whether the two-wave order suits him.\n"
            "- No price negotiation on this call.")
    assert named_check("salesforce_opportunity", body, "no_unapproved_commitments", kind="call_script",
                       contact="0035g00000Con02").passed


# --- a meeting proposed on a day is no promised document date ---

@pytest.mark.parametrize("body", [
    "To go through the proposal with you, I suggest two times: Wednesday, 2 December at 10 am, or Friday, 4 December "
    "at 2 pm.",
    "For going over the proposal together I would suggest two slots with you: Thursday, 3 December or Friday, "
    "4 December.",
])
def test_a_meeting_proposed_about_the_proposal_gives_the_meetings_day_not_the_documents(body):
    assert late_promises(body, record_context("hubspot_deal"), SEND_DAY) == []


@pytest.mark.parametrize(("record", "body"), [
    ("hubspot_deal", "The proposal will be with you on Wednesday, 2 December; I suggest a call that afternoon."),
    ("hubspot_deal", "The proposal will be ready on Wednesday, 2 December, so I suggest a call that afternoon."),
    ("de_deal", "Das Angebot ist am 2. Dezember fertig, und für die Besprechung schlage ich den 3. Dezember vor."),
    ("de_deal", "Das Angebot erhalten Sie am 4. Dezember, einen Termin schlage ich danach vor."),
    ("hubspot_deal", "Expect the proposal on Friday, 4 December, and I suggest a call the Monday after."),
])
def test_a_late_document_beside_a_proposed_meeting_is_still_late(record, body):
    assert late_promises(body, record_context(record), SEND_DAY)


# --- a split of the record's count of sites is a proposal, not a count of ours ---

@pytest.mark.parametrize("body", [
    "Welle eins umfasst die fünf Praxen mit den meisten Ausfällen, Welle zwei die übrigen vier.",
    "La première vague couvre les cinq cliniques les plus touchées, la seconde les quatre autres.",
    "La primera fase cubre las cinco clínicas con más ausencias y la segunda las otras cuatro.",
    "We would start with 6 clinics and bring in the remaining 3 in January.",
])
def test_a_part_of_the_records_nine_clinics_with_the_rest_named_is_no_invented_count(body):
    assert invented_site_counts(body, record_context("salesforce_opportunity")) == []


@pytest.mark.parametrize("body", [
    "Wave one covers your five clinics, wave two the other three.",
    "Your 5 clinics and 4 warehouses are covered.",
    "We start with your 5 clinics.",
])
def test_a_part_and_a_rest_that_miss_the_records_count_are_still_invented(body):
    assert invented_site_counts(body, record_context("salesforce_opportunity"))


# --- internal notes and hearsay repeated to the buyer; a competitor run down ---

def _with_note(record: str, text: str):
    """The fixture record's context with one more CRM note, written the day before the tests' clock."""
    rec, scores = load_record(record)
    note = Activity(type="note", at="2026-11-24T09:00:00Z", subject="Notiz", body=text)
    return build_context(dataclasses.replace(rec, activities=[*rec.activities, note]), scores, now=NOW)


@pytest.mark.parametrize("body", [
    "Hi Dana,\n\nAccording to our notes, you hinted that the telematics add-on is cheaper. The proposal reaches you "
    "by Friday, 27 November.\n\nBest,\nSam",
    "Hi Dana,\n\nMarcus told us he hopes for flexibility on price with a 2-year term. The proposal reaches you by "
    "Friday, 27 November.\n\nBest,\nSam",
])
def test_the_records_note_read_out_to_dana_fails_the_internal_note_check(body):
    assert not named_check("hubspot_deal", body, "no_internal_note_about_the_buyer").passed


@pytest.mark.parametrize(("record", "recipient", "note", "body"), [
    ("de_deal", "701", "Herr Weber hat angedeutet, dass das Budget für Telematik knapp ist.",
     "Laut unserer internen Notiz ist das Budget für Telematik knapp."),
    ("fr_deal", "711", "Paul a laissé entendre que le budget formation est serré.",
     "Entre nous, Paul nous a dit que le budget formation est serré."),
    ("es_opportunity", "0035g00000Es01", "Lucía dejó caer que el presupuesto de formación es ajustado.",
     "Según nuestras notas, usted insinuó que el presupuesto de formación es ajustado."),
])
def test_a_note_of_the_record_read_out_to_the_buyer_is_flagged(record, recipient, note, body):
    reasons = dict(record_reading_problems(body, _with_note(record, note), recipient, SEND_DAY))
    assert reasons["no_internal_note_about_the_buyer"]


@pytest.mark.parametrize(("recipient", "body"), [
    ("501", "You mentioned that the telematics add-on from your current vendor looks cheaper, so the proposal shows "
            "the fuel savings side by side."),
    ("502", "Dana mentioned you asked whether there is any flexibility on price for a 2-year term."),
    ("501", "The proposal goes to you and Marcus by Friday, 27 November."),
])
def test_what_the_buyer_said_taken_up_or_said_back_to_its_speaker_is_no_note_read_out(recipient, body):
    assert repeated_notes(body, record_context("hubspot_deal"), recipient) == []


def test_a_plan_a_note_records_told_as_a_contacts_words_is_not_read_as_a_note():
    body = "Tom mentioned the partners will decide in December, so here is how the two waves would run."
    assert repeated_notes(body, record_context("salesforce_opportunity"), "0035g00000Con01") == []


@pytest.mark.parametrize("body", [
    "Ehrlich gesagt ist das im Vergleich zu Brightlane Spielzeug.",
    "Franchement, comparé à Brightlane, c'est un jouet.",
    "Sinceramente, comparado con Brightlane es un juguete.",
    "The add-on may be cheaper, but it is a joke for fleets your size.",
])
def test_a_product_set_against_us_and_run_down_is_a_competitor_disparaged(body):
    assert disparages_competitor(body)


@pytest.mark.parametrize("body", [
    "Compared with the add-on, the proposal shows the fuel savings for your 420 trucks.",
    "Our own reporting was a mess compared with today.",
])
def test_a_comparison_without_a_sneer_at_another_seller_passes(body):
    assert disparages_competitor(body) == []


@pytest.mark.parametrize("entry_id", ["q33-en-b10", "q36-en-b4", "q37-en-b6", "q32-fr-b6"])
def test_earlier_sets_drafts_that_carry_notes_or_sneers_are_still_flagged(entry_id):
    entry = _heldout(entry_id)
    assert not all(c.passed for c in _checks(entry))
