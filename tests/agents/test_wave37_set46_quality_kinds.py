"""Set 46's quality misses and false rejections, by family and in other wordings and languages than the set's (wave 37).

Each family is tested as the user (an honest draft passes) and as the adversary (the bad drafts of earlier sets that
share its shape stay flagged). The fixture records' buyers asked for the proposal by Friday, 27 November; the tests'
clock is Wednesday, 25 November 2026. The close dates: hubspot_deal 18 December, de_deal 22 December, fr_deal 30
December, es_opportunity 15 January.
"""

from __future__ import annotations

import pytest

from agents.next_steps import count_asks, dated_next_step
from tests.agents.quality_probe import failed_checks, named_check

ES_JAVIER, ES_LUCIA = "0035g00000Es01", "0035g00000Es02"


# --- how asks are counted: one ask laid out over blank lines, or answered another way by a fallback ---

@pytest.mark.parametrize("body", [
    "Hi Dana,\n\nSo the proposal fits Marcus's review, two quick questions:\n\n- Should all 6 depots start together?\n\n"
    "- Who else should receive the proposal?\n\nBest regards,\nSam",
    "Guten Tag Frau Schmidt,\n\nfür den Zeitplan zwei Fragen vorab:\n\n1. Wann möchten Sie starten?\n"
    "2. Wer begleitet die Einführung?\n\nFreundliche Grüße\nLena Vogt",
    "Hi Dana,\n\nWould either of these work for a 30-minute walkthrough?\n\n- Tuesday, December 1 at 10 am CT\n"
    "- Wednesday, December 2 at 2 pm CT\n\nIf none of them suits you, just reply with a time that does.\n\nSam",
    "Guten Tag Frau Schmidt,\n\npasst Ihnen einer dieser Termine?\n- Dienstag, 1. Dezember, 10 Uhr\n"
    "- Mittwoch, 2. Dezember, 14 Uhr\nFalls keiner passt, geben Sie mir bitte kurz Bescheid, welcher Tag Ihnen lieber "
    "ist.\n\nLena Vogt",
    "Bonjour Claire,\n\nL'un de ces créneaux vous convient-il ?\n\n- mardi 1er décembre, 10 h\n"
    "- mercredi 2 décembre, 14 h\n\nSi aucun ne vous convient, indiquez-moi un autre créneau.\n\nHugo",
    "Hola, Javier:\n\n¿Le va bien alguna de estas horas?\n\n- martes 1 de diciembre, 10:00\n"
    "- miércoles 2 de diciembre, 16:00\n\nSi ninguna le va bien, dígame otra hora.\n\nMarta",
])
def test_one_ask_over_blank_lines_or_with_a_fallback_counts_once(body):
    assert count_asks(body) == 1


@pytest.mark.parametrize("body", [
    "Would Tuesday, December 1 at 10 am CT suit you? Let me know what works best.",
    "Would Tuesday at 10 am work? Happy to adjust; just let me know when suits you.",
    "Passt Ihnen Dienstag, 1. Dezember, um 10 Uhr? Falls ein anderer Tag besser passt, geben Sie mir Bescheid.",
    "Mardi 1er décembre à 10 h vous convient-il ? Si un autre jour vous arrange, dites-moi lequel.",
    "¿Le va bien el martes 1 de diciembre a las 10:00? Si prefiere otro día, dígamelo.",
])
def test_a_call_to_answer_or_another_day_offered_after_a_question_is_the_same_ask(body):
    assert count_asks(body) == 1


@pytest.mark.parametrize(("body", "asks"), [
    ("Would Tuesday work? Please confirm the depot count and let me know what works.", 2),
    ("Passt Ihnen Dienstag? Geben Sie mir bitte Bescheid, ob Herr Weber dabei ist.", 2),
    ("Hi Dana,\n\nThree questions first:\n\n- Who signs?\n\n- What is the budget?\n\n- Does Monday work?\n\nSam", 3),
    ("Hola, Javier:\n\n¿Le va bien el martes?\n\n¿Podría enviarme también la lista de bases?\n\nMarta", 2),
    ("Hi Dana,\n\nWould Tuesday at 10 am work? Could Marcus also send his budget ceiling?\n\nSam", 2),
])
def test_different_asks_or_three_questions_still_count_each(body, asks):
    assert count_asks(body) == asks


@pytest.mark.parametrize("entry_id", ["qh-en-b16", "qh-de-b16", "qh-fr-b16", "qh-es-b16", "q12-de-b8", "q13-es-b6",
                                      "q28-en-b11"])
def test_earlier_sets_drafts_with_too_many_asks_are_still_refused_one_call_to_action(entry_id):
    assert "one_clear_call_to_action" in failed_checks(entry_id)


def test_set_20s_date_and_time_left_as_question_marks_are_placeholders():
    assert "no_placeholders" in failed_checks("q20-de-b7")  # "am ??.12. um ??:?? Uhr": caught before only by its "2 ask(s)"


def test_a_step_for_a_colleague_named_with_an_honorific_is_one_sentence():
    body = ("Gracias por la demostración del 27 de octubre. La propuesta que recibirá la Sra. Fernández el viernes 27 de "
            "noviembre incluye el calendario.")
    assert dated_next_step(body)


# --- a draft to the asker's colleague about the colleague's own matter owes the asker's question no answer ---

@pytest.mark.parametrize(("record", "contact", "body", "language"), [
    ("hubspot_deal", "502", "Hi Marcus,\n\nFor our call on Wednesday, December 2 at 10 am CT, I suggest we go through "
     "the assumptions behind the payback estimate: idle hours per truck and the depots in scope.\n\n"
     "Best regards,\nSam Okafor", "en"),
    ("fr_deal", "712", "Bonjour Paul,\n\nPour notre échange du mercredi 2 décembre à 10 h, je propose de reprendre le "
     "coût par atelier, poste par poste, avec la formation et l'accompagnement.\n\nBien cordialement,\nHugo Martin",
     "fr"),
    ("es_opportunity", ES_LUCIA, "Hola, Lucía:\n\nPara nuestra llamada del miércoles 2 de diciembre a las 10:00, "
     "propongo repasar las cifras de la estimación de retorno: consumo por camión y horas de ralentí.\n\nUn saludo,\n"
     "Marta Ruiz", "es"),
])
def test_a_draft_to_a_colleague_on_their_own_recorded_matter_passes_the_question_check(record, contact, body, language):
    assert named_check(record, body, "answers_latest_question", contact=contact, language=language).passed


@pytest.mark.parametrize(("record", "contact", "body", "language"), [
    # the same agenda to the asker: Dana's question about the proposal is hers to have answered
    ("hubspot_deal", "501", "Hi Dana,\n\nFor our call on Wednesday, December 2 at 10 am CT, I suggest we go through "
     "the assumptions behind the payback estimate: idle hours per truck and the depots in scope.\n\n"
     "Best regards,\nSam Okafor", "en"),
    # to the colleague, on nothing of theirs
    ("fr_deal", "712", "Bonjour Paul,\n\nConnaissez-vous notre nouveau module de rappels par SMS ? Il réduit les "
     "rendez-vous manqués.\n\nBien cordialement,\nHugo Martin", "fr"),
])
def test_the_asker_or_a_colleague_on_nothing_of_theirs_must_still_take_the_question_up(record, contact, body, language):
    assert not named_check(record, body, "answers_latest_question", contact=contact, language=language).passed


# --- "later" of a condition proposes no meeting today ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("de_deal", "Guten Tag Frau Schmidt,\n\ndas Angebot für 120 Fahrzeuge erhalten Sie bis Freitag, 27. November. "
     "Falls später noch Fragen auftauchen, bringe ich gern unseren Experten zu einem Telefonat mit.\n\n"
     "Freundliche Grüße\nLena Vogt", "de"),
    ("es_opportunity", "Hola, Javier:\n\nLa propuesta le llegará el viernes 27 de noviembre. Si más tarde surgen dudas "
     "sobre la implantación, puedo organizar una llamada con nuestro equipo técnico.\n\nUn saludo,\nMarta Ruiz", "es"),
    ("hubspot_deal", "Hi Dana,\n\nThe proposal reaches you by Friday, November 27. Should questions about SSO arise "
     "later, I can set up a call with our security engineer.\n\nBest regards,\nSam Okafor", "en"),
])
def test_a_call_offered_for_questions_that_come_up_later_proposes_no_meeting_today(record, body, language):
    assert named_check(record, body, "no_past_deadline_or_same_day_meeting", language=language).passed


@pytest.mark.parametrize("body", [
    "Hi Dana,\n\nI can call you later to go through the proposal.\n\nSam",
    "Hi Dana,\n\nIf it suits you, I'll ring you later for a quick chat about the proposal.\n\nSam",
])
def test_a_call_later_with_no_day_still_proposes_to_meet_today(body):
    assert not named_check("hubspot_deal", body, "no_past_deadline_or_same_day_meeting").passed


@pytest.mark.parametrize("entry_id", ["qh-en-b26", "qh-de-b26", "qh-fr-b26", "qh-es-b26", "q12-en-b4", "q13-es-b3"])
def test_earlier_sets_same_day_meetings_are_still_flagged(entry_id):
    assert "no_past_deadline_or_same_day_meeting" in failed_checks(entry_id)


# --- what becomes of the buyer's price questions is no price talk ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("fr_deal", "Objectif : parcourir la proposition avec Claire après le vendredi 27 novembre.\n1. Demander quels "
     "ateliers démarrent en premier.\n2. Convenir de la suite.\nNe pas négocier au téléphone ; noter les questions sur "
     "le prix et y répondre par écrit.", "fr"),
    ("es_opportunity", "Objetivo: repasar con Javier la propuesta del 27 de noviembre.\n1. Preguntar si el calendario "
     "encaja.\n2. Acordar la siguiente fecha.\nNo negociar en la llamada; las dudas sobre el precio se responden por "
     "escrito.", "es"),
    ("hubspot_deal", "Goal: go through the proposal with Dana after Friday, November 27.\n1. Ask which depots start "
     "first.\n2. Agree the next step.\nDo not discuss discounts on the call; take down any pricing questions and answer "
     "them in writing.", "en"),
])
def test_a_scripts_procedure_for_price_questions_is_no_price_talk(record, body, language):
    assert named_check(record, body, "no_unapproved_commitments", kind="call_script", language=language).passed


def test_price_questions_beside_a_moved_price_are_still_price_talk():
    body = ("Goal: go through the proposal with Dana.\n1. Ask which depots start first.\n2. Agree the next step.\n"
            "Note any price questions and tell her we can lower the price for a 2-year term.")
    assert not named_check("hubspot_deal", body, "no_unapproved_commitments", kind="call_script").passed


@pytest.mark.parametrize("entry_id", ["qh-fr-b21", "q13-en-b5", "q18-de-b1", "q18-es-b1", "q24-en-b1"])
def test_earlier_sets_price_talk_is_still_flagged(entry_id):
    assert "no_unapproved_commitments" in failed_checks(entry_id)


# --- the inputs of a calculation the record holds are no unrecorded thing of the buyer's ---

def test_the_inputs_of_the_recorded_calculation_are_no_invented_thing():
    body = ("Guten Tag Herr Weber,\n\ndas Angebot übernimmt die Amortisationsrechnung vom 28. Oktober. Falls sich Ihre "
            "Ausgangswerte seitdem verschoben haben, sagen Sie mir bitte Bescheid.\n\nFreundliche Grüße\nLena Vogt")
    assert named_check("de_deal", body, "no_invented_facts", contact="702", language="de").passed


def test_inputs_with_no_recorded_calculation_named_are_still_judged():
    body = ("Guten Tag Herr Weber,\n\nich übernehme Ihre Annahmen in das Angebot, das Frau Schmidt bis Freitag, "
            "27. November, erhält. Passt Ihnen Mittwoch, 2. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt")
    assert not named_check("de_deal", body, "no_invented_facts", contact="702", language="de").passed


@pytest.mark.parametrize("entry_id", ["q13-de-b1", "q24-de-b6", "q22-de-b6"])
def test_earlier_sets_unrecorded_german_nouns_are_still_flagged(entry_id):
    assert "no_invented_facts" in failed_checks(entry_id)


# --- our tracking of the buyer is not told to the buyer ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("hubspot_deal", "Hi Dana,\n\nI noticed you visited our pricing page on November 23, so I wanted to reach out. "
     "The proposal will be with you by Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("de_deal", "Guten Tag Frau Schmidt,\n\nwie ich sehe, haben Sie am 3. November unsere Preisseite besucht. Das "
     "Angebot erhalten Sie bis Freitag, 27. November.\n\nFreundliche Grüße\nLena Vogt", "de"),
    ("fr_deal", "Bonjour Claire,\n\nJ'ai vu que vous aviez consulté notre page tarifs le 12 novembre. La proposition "
     "vous parviendra d'ici le vendredi 27 novembre.\n\nBien cordialement,\nHugo Martin", "fr"),
    ("es_opportunity", "Hola, Javier:\n\nVeo que ha abierto varias veces mi correo con la estimación. La propuesta le "
     "llegará el viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
])
def test_a_page_visit_or_an_open_told_to_the_buyer_is_flagged(record, body, language):
    assert not named_check(record, body, "no_internal_notes_or_scores", language=language).passed


@pytest.mark.parametrize(("record", "body", "language"), [
    ("hubspot_deal", "Hi Dana,\n\nThe proposal will be with you by Friday, November 27; the case studies are also on "
     "our website if Marcus wants them.\n\nBest regards,\nSam Okafor", "en"),
    ("de_deal", "Guten Tag Frau Schmidt,\n\ndas Angebot erhalten Sie bis Freitag, 27. November. Die Preise finden Sie "
     "danach auch in Ihrem Kundenkonto.\n\nFreundliche Grüße\nLena Vogt", "de"),
])
def test_pointing_the_buyer_to_our_site_discloses_nothing(record, body, language):
    assert named_check(record, body, "no_internal_notes_or_scores", language=language).passed


@pytest.mark.parametrize("entry_id", ["q21-de-b11", "q29-en-b7", "q29-fr-b7", "q33-es-b2", "q36-de-b5"])
def test_earlier_sets_internal_notes_are_still_flagged(entry_id):
    assert "no_internal_notes_or_scores" in failed_checks(entry_id)


# --- a phone call recalled when the record holds none ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("fr_deal", "Bonjour Claire,\n\nComme convenu au téléphone, la proposition pour les 6 ateliers vous parviendra "
     "d'ici le vendredi 27 novembre.\n\nBien cordialement,\nHugo Martin", "fr"),
    ("es_opportunity", "Hola, Javier:\n\nComo hablamos por teléfono, la propuesta con el calendario le llegará el "
     "viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
    ("de_deal", "Guten Tag Frau Schmidt,\n\nnach unserem Telefonat schicke ich Ihnen das Angebot für 120 Fahrzeuge bis "
     "Freitag, 27. November.\n\nFreundliche Grüße\nLena Vogt", "de"),
])
def test_a_call_recalled_on_a_record_with_no_call_is_an_invented_fact(record, body, language):
    assert not named_check(record, body, "no_invented_facts", language=language).passed


@pytest.mark.parametrize(("record", "body", "language"), [
    ("fr_deal", "Bonjour Claire,\n\nLa proposition vous parviendra d'ici le vendredi 27 novembre. Je vous appellerai "
     "ensuite pour la parcourir ensemble.\n\nBien cordialement,\nHugo Martin", "fr"),
    ("hubspot_deal", "Hi Dana,\n\nAs discussed on the call with Priya, SSO is covered; the proposal will be with you by "
     "Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
])
def test_a_call_to_come_or_one_the_record_holds_is_no_invented_fact(record, body, language):
    assert named_check(record, body, "no_invented_facts", language=language).passed


# --- who did what: an ask or a thing sent attributed to the wrong contact ---

@pytest.mark.parametrize(("record", "contact", "body", "language"), [
    ("hubspot_deal", "501", "Hi Dana,\n\nThe proposal builds on the payback estimate I sent you on October 22 and will "
     "be with you by Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("es_opportunity", ES_JAVIER, "Hola, Javier:\n\nLa propuesta parte de la estimación de retorno que le envié el 5 de "
     "noviembre y le llegará el viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
    ("es_opportunity", ES_JAVIER, "Hola, Javier:\n\nComo usted pidió en la demostración, la propuesta incluye la "
     "estimación de retorno. Le llegará el viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
    ("hubspot_deal", "501", "Hi Dana,\n\nAs you had asked at the demo, the proposal includes the payback estimate. It "
     "will be with you by Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
])
def test_a_thing_the_record_gives_another_contact_told_to_the_recipient_is_flagged(record, contact, body, language):
    assert not named_check(record, body, "asked_by_the_recipient", contact=contact, language=language).passed


@pytest.mark.parametrize(("record", "contact", "body", "language"), [
    ("hubspot_deal", "502", "Hi Marcus,\n\nThe proposal builds on the payback estimate I sent you on October 22; Dana "
     "has it by Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("es_opportunity", ES_LUCIA, "Hola, Lucía:\n\nLa propuesta parte de la estimación de retorno que le envié el 5 de "
     "noviembre; Javier la recibe el viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
])
def test_the_same_thing_told_to_the_contact_the_record_sent_it_to_passes(record, contact, body, language):
    assert named_check(record, body, "asked_by_the_recipient", contact=contact, language=language).passed


@pytest.mark.parametrize("entry_id", ["q23-fr-b3", "q24-de-b3", "q33-en-b3", "q33-es-b3", "q19-de-b6"])
def test_earlier_sets_wrong_person_drafts_are_still_flagged(entry_id):
    assert "asked_by_the_recipient" in failed_checks(entry_id)


# --- going through the proposal on the deal's close date ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("de_deal", "Guten Tag Frau Schmidt,\n\ndas Angebot erhalten Sie bis Freitag, 27. November. Wollen wir es am "
     "Dienstag, 22. Dezember, um 10 Uhr gemeinsam durchgehen?\n\nFreundliche Grüße\nLena Vogt", "de"),
    ("fr_deal", "Bonjour Claire,\n\nLa proposition vous parviendra d'ici le vendredi 27 novembre. Pouvons-nous la "
     "parcourir ensemble le mercredi 30 décembre à 10 h ?\n\nBien cordialement,\nHugo Martin", "fr"),
    ("es_opportunity", "Hola, Javier:\n\nLa propuesta le llegará el viernes 27 de noviembre. ¿La revisamos juntos el "
     "viernes 15 de enero a las 10:00?\n\nUn saludo,\nMarta Ruiz", "es"),
])
def test_a_walkthrough_of_the_proposal_on_the_close_date_is_flagged(record, body, language):
    assert not named_check(record, body, "meeting_in_business_hours", language=language).passed


@pytest.mark.parametrize(("record", "body", "language"), [
    ("de_deal", "Guten Tag Frau Schmidt,\n\ndas Angebot erhalten Sie bis Freitag, 27. November. Wollen wir es am "
     "Montag, 21. Dezember, um 10 Uhr gemeinsam durchgehen?\n\nFreundliche Grüße\nLena Vogt", "de"),
    ("hubspot_deal", "Hi Dana,\n\nThe proposal will be with you by Friday, November 27. Shall we walk through it on "
     "Tuesday, December 1 at 10 am CT?\n\nBest regards,\nSam Okafor", "en"),
])
def test_a_walkthrough_before_the_close_date_passes(record, body, language):
    assert named_check(record, body, "meeting_in_business_hours", language=language).passed


@pytest.mark.parametrize("entry_id", ["q28-en-b8", "q29-en-b3", "q29-de-b3", "q30-fr-b3", "q31-de-b3"])
def test_earlier_sets_meetings_after_the_close_date_are_still_flagged(entry_id):
    assert "meeting_in_business_hours" in failed_checks(entry_id)
