"""Set 47's quality misses and false rejection, by family and in other wordings and languages than the set's (wave 37).

Each family is tested as the user (an honest draft passes) and as the adversary (the bad drafts of earlier sets that
share its shape stay flagged). The fixture records' buyers asked for the proposal by Friday, 27 November; the tests'
clock is Wednesday, 25 November 2026. Contacts: hubspot_deal Dana 501 (asked), Marcus 502, Priya 503; de_deal Anna
Schmidt 701 (asked), Jonas Weber 702; fr_deal Claire 711 (asked), Paul 712; es_opportunity Javier (asked), Lucía.
"""

from __future__ import annotations

import pytest

from agents.next_steps import dated_next_step
from tests.agents.quality_probe import failed_checks, named_check

ES_JAVIER, ES_LUCIA = "0035g00000Es01", "0035g00000Es02"


# --- thanks said by name to someone who is not the recipient ---

@pytest.mark.parametrize(("record", "contact", "body", "language"), [
    ("hubspot_deal", "501", "Hi Dana,\n\nThanks, Priya, for your patience with the questionnaire. The proposal will be "
     "with you by Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("hubspot_deal", "501", "Hi Dana,\n\nMarcus, thank you for the quick answers. The proposal will be with you by "
     "Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("de_deal", "701", "Guten Tag Frau Schmidt,\n\nDanke, Herr Weber, für Ihre Geduld. Das Angebot für 120 Fahrzeuge "
     "erhalten Sie bis Freitag, 27. November.\n\nFreundliche Grüße\nLena Vogt", "de"),
    ("fr_deal", "711", "Bonjour Claire,\n\nMerci, Paul, pour votre patience. Vous recevrez la proposition pour les 6 "
     "ateliers vendredi 27 novembre.\n\nBien cordialement,\nHugo Martin", "fr"),
    ("es_opportunity", ES_JAVIER, "Hola, Javier:\n\nGracias, Lucía, por su paciencia. Le enviaré la propuesta con el "
     "calendario de implantación el viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
    # a name the record does not hold at all
    ("hubspot_deal", "501", "Hi Dana,\n\nThank you, Diane, for your patience. The proposal will be with you by "
     "Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
])
def test_thanks_said_by_name_to_another_contact_or_an_unknown_name_is_the_wrong_person(record, contact, body, language):
    assert not named_check(record, body, "thanks_the_right_person", contact=contact, language=language).passed


@pytest.mark.parametrize(("record", "contact", "body", "language"), [
    ("hubspot_deal", "501", "Hi Dana,\n\nThank you, Dana, for your patience. The proposal will be with you by Friday, "
     "November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("hubspot_deal", "501", "Hi Dana and Marcus,\n\nThank you, Marcus, for your patience. The proposal will be with "
     "you by Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("de_deal", "701", "Guten Tag Frau Schmidt,\n\ndanke, Frau Schmidt, für Ihre Geduld. Das Angebot für 120 Fahrzeuge "
     "erhalten Sie bis Freitag, 27. November.\n\nFreundliche Grüße\nLena Vogt", "de"),
    ("fr_deal", "711", "Bonjour Claire,\n\nMerci, Madame, pour votre patience. Vous recevrez la proposition pour les 6 "
     "ateliers vendredi 27 novembre.\n\nBien cordialement,\nHugo Martin", "fr"),
    # a word before the thanks that names nobody: an acknowledgement, not a person spoken to
    ("de_deal", "701", "Guten Tag Frau Schmidt,\n\nVerstanden, danke. Das Angebot für 120 Fahrzeuge erhalten Sie bis "
     "Freitag, 27. November.\n\nFreundliche Grüße\nLena Vogt", "de"),
])
def test_thanks_said_to_the_recipient_or_to_a_greeted_colleague_is_the_right_person(record, contact, body, language):
    assert named_check(record, body, "thanks_the_right_person", contact=contact, language=language).passed


@pytest.mark.parametrize("entry_id", ["q17-fr-b4", "q18-en-b4", "q19-es-b6", "q24-de-b3", "q45-en-b1", "q45-fr-b4",
                                      "q46-es-b7"])
def test_earlier_sets_wrong_person_thanked_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


# --- a competitor run down with an adverb between the verb and the sneer ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("hubspot_deal", "Hi Dana,\n\nYour current supplier's fleet app is frankly a joke; the proposal shows the idle hours "
     "for all 420 trucks. It reaches you by Friday, November 27.\n\nBest regards,\nSam Okafor", "en"),
    ("de_deal", "Guten Tag Frau Schmidt,\n\ndas Tool Ihres bisherigen Anbieters ist ehrlich gesagt ein Witz. Das "
     "Angebot für 120 Fahrzeuge erhalten Sie bis Freitag, 27. November.\n\nFreundliche Grüße\nLena Vogt", "de"),
    ("fr_deal", "Bonjour Claire,\n\nVotre outil actuel, c'est franchement un gadget. Vous recevrez la proposition pour "
     "les 6 ateliers vendredi 27 novembre.\n\nBien cordialement,\nHugo Martin", "fr"),
    ("es_opportunity", "Hola, Javier:\n\nSu herramienta actual es sinceramente un juguete. Le enviaré la propuesta el "
     "viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz", "es"),
])
def test_a_sneer_behind_an_adverb_still_runs_the_competitor_down(record, body, language):
    assert not named_check(record, body, "fair_to_competitors", language=language).passed


@pytest.mark.parametrize("body", [
    "Hi Dana,\n\nCompared with your current tool, setting up our app is honestly a simple step. The proposal reaches "
    "you by Friday, November 27.\n\nBest regards,\nSam Okafor",
    "Hi Dana,\n\nYour current vendor's add-on is honestly a fair choice for small fleets; the proposal shows what "
    "changes at 420 trucks. It reaches you by Friday, November 27.\n\nBest regards,\nSam Okafor",
])
def test_an_adverb_beside_a_fair_word_about_the_competitor_is_no_sneer(body):
    assert named_check("hubspot_deal", body, "fair_to_competitors").passed


@pytest.mark.parametrize("entry_id", ["q28-en-b7", "q32-en-b6", "q34-en-b7", "q45-fr-b9"])
def test_earlier_sets_disparaged_competitors_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


# --- the document due to a named reader on its day, in the passive ---

@pytest.mark.parametrize("sentence", [
    "The proposal, expected by Marcus on Friday, November 27, covers all 420 trucks.",
    "Das Angebot, von Herrn Weber bis Freitag erwartet, enthält alle 120 Fahrzeuge.",
    "La propuesta, esperada por Lucía el viernes 27, detalla los 95 camiones.",
    "La proposition, attendue par Paul vendredi, reprend le coût des 6 ateliers.",
])
def test_the_document_due_to_a_named_reader_on_its_day_is_a_dated_step(sentence):
    assert dated_next_step(sentence) is not None


def test_a_french_draft_with_the_proposal_awaited_on_its_day_passes_the_call_to_action():
    body = ("Bonjour Claire,\n\nComme convenu lors de la démonstration du 21 octobre, la proposition, attendue par vous "
            "vendredi 27 novembre, détaille le nombre de licences pour les 6 ateliers.\n\nBien cordialement,\nHugo Martin")
    assert named_check("fr_deal", body, "one_clear_call_to_action", contact="711", language="fr").passed


@pytest.mark.parametrize("sentence", ["We expected the proposal last week.", "Marcus is expected to review it.",
                                      "Das Angebot wurde letzte Woche erwartet, ich melde mich nächste Woche."])
def test_an_expectation_with_no_coming_day_or_a_check_in_is_no_step(sentence):
    assert dated_next_step(sentence) is None


# --- the document's bare name is no reference to the record ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("hubspot_deal", "Hi Dana,\n\nPlease find the proposal attached. Let me know if you have any questions.\n\n"
     "Best regards,\nSam Okafor", "en"),
    ("de_deal", "Guten Tag Frau Schmidt,\n\nhier ist das Angebot. Bei Fragen geben Sie mir gern Bescheid.\n\n"
     "Freundliche Grüße\nLena Vogt", "de"),
    ("fr_deal", "Bonjour Claire,\n\nvoici la proposition. Dites-moi si vous avez des questions.\n\n"
     "Bien cordialement,\nHugo Martin", "fr"),
    ("es_opportunity", "Hola, Javier:\n\nle adjunto la propuesta. Avíseme si tiene alguna pregunta.\n\n"
     "Un saludo,\nMarta Ruiz", "es"),
])
def test_a_draft_naming_only_the_document_refers_to_nothing_real(record, body, language):
    assert not named_check(record, body, "references_real_activity", language=language).passed


@pytest.mark.parametrize(("record", "body", "language"), [
    ("de_deal", "Guten Tag Frau Schmidt,\n\nhier ist das Angebot für 120 Fahrzeuge. Bei Fragen geben Sie mir gern "
     "Bescheid.\n\nFreundliche Grüße\nLena Vogt", "de"),
    ("fr_deal", "Bonjour Claire,\n\nvoici la proposition pour les 6 ateliers. Dites-moi si vous avez des questions.\n\n"
     "Bien cordialement,\nHugo Martin", "fr"),
    # no figure, but a word of the buyer's own question beside the document ("la propuesta con el calendario de
    # implantación")
    ("es_opportunity", "Hola, Javier:\n\nPara cerrar el calendario de implantación, una pregunta: ¿empiezan con "
     "toda la flota o por etapas?\n\nCon su respuesta le mando la propuesta.\n\nUn saludo,\nMarta Ruiz", "es"),
])
def test_the_document_with_a_fact_of_the_record_beside_it_still_refers_to_the_ask(record, body, language):
    assert named_check(record, body, "references_real_activity", language=language).passed


def test_the_document_named_in_a_draft_with_dates_still_refers_to_the_activity_that_sent_it():
    # set 44's en-g9 shape, other words: the proposal's own e-mail is referred to when the draft holds facts beside it
    body = ("Dear Tom,\n\nThe proposal reaches you again by Friday, 27 November. Would a 20-minute call on Tuesday, "
            "1 December at 15:00 GMT suit you?\n\nKind regards,\nRachel Kim")
    assert named_check("salesforce_opportunity", body, "references_real_activity", contact="0035g00000Con02").passed


@pytest.mark.parametrize("entry_id", ["q44-en-b9", "q45-fr-b2"])
def test_earlier_sets_drafts_with_nothing_concrete_are_still_flagged(entry_id):
    assert failed_checks(entry_id)
