"""Quality kinds set 30 missed (wave 22), probed in wordings of our own in four languages, with drafts that must pass:
a question about a priority or a topic the buyer already stated, a meeting time in a zone spelled out in the buyer's
language, and a deadline on the terms before the offer arrives or pressed within a working day. Through the whole
quality check, as a sales manager reads a draft: one failed check flags it. (Not named test_waveN_kinds.py: these
sentences are no screen training data.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from agents.context import build_context
from agents.early_deadlines import early_deadlines
from agents.known_record import asks_about_known_topics
from integrations.base import Activity
from tests.agents.conftest import NOW, load_record
from tests.agents.test_asks_and_thanks_by_direction import _failed

SEND_DAY = NOW.date()  # Wednesday, November 25, 2026

ASKS_FOR_A_STATED_PRIORITY = [
    # the demo notes: "Pain: idle time and fuel cost"
    ("hubspot_deal", "501", "Before I write it up, what would you most like to reduce across your routes?"),
    # "Biggest pain: no-shows and double bookings across 9 clinics"
    ("salesforce_opportunity", "0035g00000Con01", "What is the main problem you want the suite to solve first?"),
    # "Schwerpunkt: Leerlaufzeiten und Dieselkosten bei 120 Fahrzeugen"
    ("de_deal", "701", "Was ist Ihnen am wichtigsten: welche Ausgaben wollen Sie zuerst angehen?"),
    # "Problème principal : les absences aux rendez-vous dans les 6 ateliers"
    ("fr_deal", "711", "Quel est aujourd'hui l'enjeu que vous voulez traiter en priorité ?"),
    # "Prioridad: reducir el consumo de combustible en 85 camiones"
    ("es_opportunity", "0035g00000Es01", "¿Cuál es el objetivo principal que quieren conseguir con la plataforma?"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), ASKS_FOR_A_STATED_PRIORITY)
def test_asking_for_a_priority_the_record_states_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "priority the record already states" in failed.get("asks_only_for_what_is_open", ""), failed


PRIORITY_LOOK_ALIKES = [
    # naming the stated focus confirms it
    ("hubspot_deal", "501", "Is idle time still what you most want to reduce, or has fuel cost moved up?"),
    ("de_deal", "701", "Sind Leerlaufzeiten und Dieselkosten weiterhin das, was Sie vor allem senken möchten?"),
    ("fr_deal", "711", "Les absences aux rendez-vous restent-elles le problème que vous souhaitez d'abord résoudre ?"),
    ("es_opportunity", "0035g00000Es01", "¿Sigue siendo el combustible lo que más quieren reducir?"),
    # a choice among things on record moves the topic forward
    ("hubspot_deal", "501", "Which of the two depots should go first?"),
    ("de_deal", "701", "Welche der beiden Niederlassungen möchten Sie zuerst anbinden?"),
    ("es_opportunity", "0035g00000Es01", "¿Cuál de los dos almacenes quieren conectar primero?"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), PRIORITY_LOOK_ALIKES)
def test_a_confirmation_or_a_choice_among_known_things_is_not_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "asks_only_for_what_is_open" not in failed, failed


def test_a_priority_question_is_silent_when_the_record_states_no_focus():
    record, scores = load_record("fr_deal")
    quiet = [replace(a, body=a.body.replace("Problème principal :", "Points abordés :")) for a in record.activities]
    ctx = build_context(replace(record, activities=quiet), scores, now=NOW)
    assert asks_about_known_topics("Quel problème souhaitez-vous d'abord résoudre ?", ctx) == []


# the buyer asked us on a call whether the rollout can go in two waves, in each language's record
RAISED = {"de_deal": "Frau Schmidt fragte, ob die Einführung in zwei Wellen möglich ist.",
          "fr_deal": "Claire a demandé si le déploiement peut se faire en deux vagues.",
          "es_opportunity": "Javier preguntó si la implantación puede hacerse en dos fases."}


def _with_call(record_name: str):
    record, scores = load_record(record_name)
    call = Activity(type="call", at=record.activities[-1].at, direction="outbound", subject="Fragen / Questions",
                    body=RAISED[record_name])
    return build_context(replace(record, activities=[*record.activities, call]), scores, now=NOW)


ASKS_THE_BUYERS_OWN_QUESTION = [
    ("de_deal", "Möchten Sie lieber alle Standorte auf einmal starten oder in Etappen?"),
    ("fr_deal", "Préférez-vous un lancement en une fois ou par étapes ?"),
    ("es_opportunity", "¿Prefieren una puesta en marcha de golpe o escalonada por fases?"),
]


@pytest.mark.parametrize(("record_name", "sentence"), ASKS_THE_BUYERS_OWN_QUESTION)
def test_asking_the_buyer_back_what_they_asked_us_is_flagged(record_name, sentence):
    assert asks_about_known_topics(sentence, _with_call(record_name))


def test_asking_tom_whether_he_wants_the_phased_rollout_he_asked_about_is_flagged():
    failed = _failed("salesforce_opportunity", "0035g00000Con02",
                     "Would you rather launch every clinic together or in phases?")
    assert "topic the buyer already raised" in failed.get("asks_only_for_what_is_open", ""), failed


RAISED_LOOK_ALIKES = [
    ("de_deal", "Sie hatten gefragt, ob zwei Wellen möglich sind: passt der März für die erste?"),
    ("fr_deal", "Vous avez demandé deux vagues : mars vous convient-il toujours pour la première ?"),
    ("es_opportunity", "¿Cuál de los dos almacenes prefieren que vaya en la primera fase?"),
    # a preference about something else
    ("de_deal", "Möchten Sie das Angebot als PDF oder lieber ausgedruckt?"),
]


@pytest.mark.parametrize(("record_name", "sentence"), RAISED_LOOK_ALIKES)
def test_quoting_the_buyers_question_or_moving_it_forward_is_not_flagged(record_name, sentence):
    assert asks_about_known_topics(sentence, _with_call(record_name)) == []


def test_you_mentioned_two_waves_is_a_confirmation_not_a_repeat():
    failed = _failed("salesforce_opportunity", "0035g00000Con02",
                     "You mentioned two waves for the 9 clinics: is March still right for the first one?")
    assert "asks_only_for_what_is_open" not in failed, failed


def test_a_wanted_topic_is_no_question_asked_back():
    # Paul wants to understand the cost per workshop: how he wants it shown moves the topic forward (q28-fr-g7's kind)
    failed = _failed("fr_deal", "711", "Pour le coût par atelier, préférez-vous un montant mensuel ou annuel ?")
    assert "asks_only_for_what_is_open" not in failed, failed


SPELLED_ZONES = [
    ("de_deal", "701", "Passt Ihnen Dienstag, 1. Dezember, um 16 Uhr Ostküstenzeit?"),
    ("de_deal", "701", "Hätten Sie am Mittwoch, 2. Dezember, um 18 Uhr pazifischer Zeit eine halbe Stunde?"),
    ("fr_deal", "711", "Le mercredi 2 décembre à 17 h, heure du Pacifique, vous conviendrait-il ?"),
    ("fr_deal", "711", "Seriez-vous disponible le mardi 1er décembre à 16 h heure de l'Est ?"),
    ("es_opportunity", "0035g00000Es01", "¿Le viene bien el miércoles 2 de diciembre a las 16:00 hora del este?"),
    # Elena's clinics are in the United Kingdom: 9 am Central European Time is not "9 am Central" (US)
    ("salesforce_opportunity", "0035g00000Con01", "Would Tuesday, 1 December at 9 am Central European Time work?"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), SPELLED_ZONES)
def test_a_meeting_time_in_a_spelled_out_foreign_zone_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "another zone" in failed.get("meeting_in_business_hours", ""), failed


SPELLED_OWN_ZONES = [
    ("de_deal", "701", "Passt Ihnen Dienstag, 1. Dezember, um 10 Uhr mitteleuropäischer Zeit?"),
    ("es_opportunity", "0035g00000Es01", "¿Le viene bien el miércoles 2 de diciembre a las 10:00, hora central europea?"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), SPELLED_OWN_ZONES)
def test_the_buyers_own_zone_spelled_out_is_not_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "meeting_in_business_hours" not in failed, failed


EARLY_DEADLINES = [
    # a deadline before the offer the same draft promises
    "I'll send the proposal on Friday, November 27. The discount needs your signature by Thursday, November 26.",
    "Ich schicke Ihnen das Angebot am Freitag, 27. November. Die Konditionen brauche ich bis Donnerstag, 26. November, bestätigt.",
    "Je vous envoie la proposition le vendredi 27 novembre. Il faudrait confirmer le tarif avant le jeudi 26 novembre.",
    "Le envío la propuesta el viernes 27 de noviembre. Necesito que confirme el precio antes del jueves 26 de noviembre.",
    # pressed within one working day
    "These prices are only available until tomorrow, so please decide quickly.",
    "Den Rabatt kann ich leider nur bis morgen freigeben.",
    "Je ne peux garantir cette remise que jusqu'à demain.",
    "Solo puedo mantener este descuento hasta mañana.",
]


@pytest.mark.parametrize("sentence", EARLY_DEADLINES)
def test_a_deadline_the_offer_cannot_meet_is_flagged(sentence):
    assert early_deadlines(sentence, SEND_DAY), sentence


EARLY_DEADLINE_LOOK_ALIKES = [
    # the delivery's own day
    "I'll send the proposal on Friday, November 27.",
    "Ich schicke Ihnen das Angebot bis Freitag, 27. November.",
    # a deadline after the offer arrives, with no pressure (the code-decided incentive's shape)
    "If Northwind can confirm by December 18, I can offer 8% off.",
    "Si vous confirmez avant le 18 décembre, je peux vous proposer 8 % de remise.",
    # the buyer's own deadline, and a question
    "As you asked, I will send the proposal so you can sign by Monday, November 30.",
    "¿Le parece bien confirmar el precio hasta mañana?",
    # tomorrow without terms
    "I will call you tomorrow to go through the timeline.",
]


@pytest.mark.parametrize("sentence", EARLY_DEADLINE_LOOK_ALIKES)
def test_a_delivery_an_incentive_or_a_question_sets_no_early_deadline(sentence):
    assert early_deadlines(sentence, SEND_DAY) == [], sentence


def test_the_working_day_counts_past_the_weekend():
    # sent on a Friday: Monday is the next working day, so "until Monday, only" still presses
    assert early_deadlines("This price only holds until Monday, November 30.", date(2026, 11, 27))
    assert early_deadlines("This price only holds until Monday, November 30.", date(2026, 11, 18)) == []


MOVED_EVENTS = [
    # no activity gives December 9: Dana wrote "Marcus needs the proposal before the December budget review"
    ("hubspot_deal", "501", "Now that Marcus has pushed the budget review to Wednesday, December 9, we have a little more room."),
    ("de_deal", "701", "Da Herr Weber die Budgetrunde auf Mittwoch, 9. Dezember, verschoben hat, bleibt etwas mehr Zeit."),
    ("fr_deal", "711", "Comme Paul a reporté le comité au mercredi 9 décembre, nous avons un peu plus de temps."),
    ("es_opportunity", "0035g00000Es01", "Como Lucía ha aplazado el comité al miércoles 9 de diciembre, hay algo más de margen."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), MOVED_EVENTS)
def test_the_buyers_event_moved_to_a_day_the_record_does_not_give_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "record does not give" in failed.get("states_only_decisions_on_record", ""), failed


MOVED_LOOK_ALIKES = [
    # our own meeting moved by us, a question, and the record's own close date (December 22 for Müller Logistik)
    ("de_deal", "701", "Ich habe unseren Termin auf Mittwoch, 9. Dezember, verschoben."),
    ("hubspot_deal", "501", "Has the budget review moved to Wednesday, December 9?"),
    ("de_deal", "701", "Herr Weber hat die Entscheidung auf den 22. Dezember verschoben, wie im Plan."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), MOVED_LOOK_ALIKES)
def test_our_own_move_a_question_or_a_day_on_record_is_not_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "record does not give" not in failed.get("states_only_decisions_on_record", ""), failed


THANKS_FOR_SIGNING_OFF_A_PART = [
    # Dana wrote "security signed off on our side": Priya signed off on the security review, a part of the deal
    ("hubspot_deal", "503", "Thank you for signing off on the security review so quickly."),
    ("hubspot_deal", "501", "Thanks again for getting security signed off on your side."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), THANKS_FOR_SIGNING_OFF_A_PART)
def test_thanks_for_signing_off_a_part_is_no_thanks_for_signing(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "step the record does not show" not in failed.get("no_unapproved_commitments", ""), failed


THANKS_FOR_THE_DEALS_OWN_STEP = [
    ("hubspot_deal", "502", "Thank you for signing off on the budget for the rollout."),
    ("hubspot_deal", "502", "Thanks for signing off on our proposal."),
    ("hubspot_deal", "501", "Thank you for signing the contract."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), THANKS_FOR_THE_DEALS_OWN_STEP)
def test_thanks_for_signing_off_the_deal_itself_is_still_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "step the record does not show" in failed.get("no_unapproved_commitments", ""), failed


def test_the_first_steps_after_signing_are_a_plan_not_a_signed_document():
    for record_name, contact_id, sentence in (
            ("es_opportunity", "0035g00000Es01", "La propuesta incluirá los primeros pasos tras la firma."),
            ("hubspot_deal", "501", "The proposal will also cover the first steps after signing."),
            ("de_deal", "701", "Das Angebot beschreibt auch die ersten Schritte nach der Unterzeichnung.")):
        failed = _failed(record_name, contact_id, sentence)
        assert "binding document" not in failed.get("no_unapproved_commitments", ""), failed
    failed = _failed("es_opportunity", "0035g00000Es01", "Ya tenemos su firma en el contrato.")
    assert "binding document" in failed.get("no_unapproved_commitments", ""), failed


def test_the_proposal_in_the_genitive_takes_up_a_question_about_the_proposal():
    # Anna asked "Können Sie uns das Angebot ... schicken?"; "auf der ersten Seite des Angebots" takes it up (q30-de-g9)
    failed = _failed("de_deal", "701", "Die Wirkung fasse ich auf der ersten Seite des Angebots zusammen. "
                                       "Hätten Sie am Donnerstag, 3. Dezember, um 14:30 Uhr eine halbe Stunde?")
    assert "answers_latest_question" not in failed, failed
