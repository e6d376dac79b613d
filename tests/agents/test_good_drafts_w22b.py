"""Wave 22b: good drafts of set 31 refused by kind (a next step in the buyer's hands with no question, call scripts
with no greeting, a compound of the record's own words, the buyer's own phrase for what they asked), probed in wordings
of our own in en/de/fr/es beside bad drafts that must still be flagged."""

from __future__ import annotations

import pytest

from tests.agents.test_quality import _checks


def _check(record, contact, language, body, name, kind="email"):
    entry = {"record": record, "language": language, "label": "good",
             "draft": {"to_contact_id": contact, "kind": kind, "subject": "Proposal", "body": body}}
    return next(c for c in _checks(entry) if c.name == name)


STEP_GOOD = [
    ("hubspot_deal", "501", "en", "Hi Dana,\n\nThanks for your note of November 18. The proposal goes over to you on "
                                  "Friday, November 27, with the payback for the 420 trucks.\n\nBest,\nSam"),
    ("hubspot_deal", "502", "en", "Hi Marcus,\n\nThe order form goes out to you and Dana on Tuesday, December 1, in time "
                                  "for the December budget review.\n\nBest,\nSam"),
    ("hubspot_deal", "501", "en", "Hi Dana,\n\nOnce I send the proposal on Friday, November 27, Marcus will have the "
                                  "payback figures for the budget review in one place.\n\nBest,\nSam"),
    ("de_deal", "701", "de", "Guten Tag Frau Schmidt,\n\ndanke für Ihre Nachricht vom 20. November. Das Angebot für Ihre "
                             "120 Fahrzeuge ist bis Donnerstag, 26. November, bei Ihnen.\n\nViele Grüße\nLena Vogt"),
    ("es_opportunity", "0035g00000Es02", "es", "Hola Lucía:\n\nJavier y usted recibirán la propuesta con la estimación "
                                               "de retorno el viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz"),
    ("es_opportunity", "0035g00000Es01", "es", "Hola Javier:\n\nGracias por su mensaje del 18 de noviembre. Si alguien "
                                               "más debe recibir la propuesta para sus 85 camiones, dígamelo y la "
                                               "incluyo.\n\nUn saludo,\nMarta Ruiz"),
]
STEP_BAD = [
    # no day to hold us to
    ("hubspot_deal", "501", "en", "Hi Dana,\n\nThanks for your note of November 18. The proposal goes to you once "
                                  "Marcus has had a look at the payback for the 420 trucks.\n\nBest,\nSam"),
    # a habit in the present tense, not a step
    ("hubspot_deal", "501", "en", "Hi Dana,\n\nThanks for your note of November 18. As every month, we send our fleet "
                                  "newsletter on Friday, with news for teams like yours.\n\nBest,\nSam"),
    ("de_deal", "701", "de", "Guten Tag Frau Schmidt,\n\ndanke für Ihre Nachricht vom 20. November. Das Angebot für Ihre "
                             "120 Fahrzeuge ist bald bei Ihnen.\n\nViele Grüße\nLena Vogt"),
    ("es_opportunity", "0035g00000Es02", "es", "Hola Lucía:\n\nJavier y usted recibirán la propuesta con la estimación "
                                               "de retorno cuando esté lista.\n\nUn saludo,\nMarta Ruiz"),
    # "in touch next week" stays a check-in, whatever else the draft says
    ("es_opportunity", "0035g00000Es02", "es", "Hola Lucía:\n\nLa recibirán los dos el viernes 27 de noviembre. Le "
                                               "escribiré de nuevo la semana que viene.\n\nUn saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), STEP_GOOD)
def test_a_dated_step_in_the_buyers_hands_is_a_clear_next_step(record, contact, language, body):
    step = _check(record, contact, language, body, "one_clear_call_to_action")
    assert step.passed, step.detail


@pytest.mark.parametrize(("record", "contact", "language", "body"), STEP_BAD)
def test_a_step_with_no_day_or_a_habit_is_still_no_next_step(record, contact, language, body):
    step = _check(record, contact, language, body, "one_clear_call_to_action")
    assert not step.passed, step.detail


SCRIPTS_GOOD = [
    ("hubspot_deal", "501", "en", "Opening: the security sign-off of November 18.\nQuestion: should all 6 depots start "
                                  "together?\nClose: offer Tuesday, December 1 at 10 am to go through the proposal."),
    ("de_deal", "701", "de", "Einstieg: Nachricht vom 20. November.\nFrage: Sollen alle 120 Fahrzeuge zugleich "
                             "starten?\nAbschluss: Dienstag, 1. Dezember, 15 Uhr anbieten."),
    ("fr_deal", "711", "fr", "Ouverture : la démonstration du 21 octobre.\nQuestion : faut-il équiper les 6 ateliers en "
                             "même temps ?\nConclusion : proposer le jeudi 3 décembre à 16 h."),
    ("es_opportunity", "0035g00000Es01", "es", "Apertura: la demo del 27 de octubre.\nPregunta: ¿empezamos con los 85 "
                                               "camiones?\nCierre: proponer el martes 1 de diciembre a las 10:00."),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), SCRIPTS_GOOD)
def test_a_call_script_needs_no_greeting(record, contact, language, body):
    named = _check(record, contact, language, body, "addresses_contact_by_name", kind="call_script")
    assert named.passed, named.detail


@pytest.mark.parametrize(("record", "contact", "language", "body"), [
    ("de_deal", "701", "de", "Einstieg: Herr Schmidt, Nachricht vom 20. November.\nFrage: Sollen alle 120 Fahrzeuge "
                             "zugleich starten?\nAbschluss: Dienstag, 1. Dezember, 15 Uhr anbieten."),
    ("fr_deal", "711", "fr", "Ouverture : Monsieur Dubois, la démonstration du 21 octobre.\nQuestion : faut-il équiper "
                             "les 6 ateliers en même temps ?\nConclusion : proposer le jeudi 3 décembre à 16 h."),
])
def test_a_call_script_with_the_wrong_honorific_is_still_refused(record, contact, language, body):
    named = _check(record, contact, language, body, "addresses_contact_by_name", kind="call_script")
    assert not named.passed, named.detail


def test_an_email_with_no_name_in_its_greeting_is_still_refused():
    named = _check("de_deal", "701", "de", "Guten Tag,\n\ndas Angebot für Ihre 120 Fahrzeuge ist am Freitag, "
                                           "27. November, bei Ihnen.\n\nViele Grüße\nLena Vogt",
                   "addresses_contact_by_name")
    assert not named.passed, named.detail


def test_a_compound_of_one_activitys_words_refers_to_it():
    ref = _check("salesforce_opportunity", "0035g00000Con01", "en",
                 "Hi Elena,\n\nThe plan answers the two-wave question and reaches you both on Friday, 27 November."
                 "\n\nThanks,\nRachel", "references_real_activity")
    assert ref.passed and "two wave" in ref.detail, ref.detail


def test_a_compound_every_record_of_the_product_uses_refers_to_nothing():
    # "idle time" runs through three of the record's activities: it is the product's theme, not one of them
    ref = _check("hubspot_deal", "501", "en", "Hi Dana,\n\nOur idle-time alerts are popular with fleet teams. Would a "
                                              "short call on Tuesday, December 1 at 10 am suit you?\n\nSam",
                 "references_real_activity")
    assert not ref.passed, ref.detail


def test_the_buyers_own_phrase_for_what_they_asked_takes_up_the_question():
    answered = _check("es_opportunity", "0035g00000Es01", "es",
                      "Hola Javier:\n\nEl calendario de implantación para sus 85 camiones se lo envío el viernes 27 "
                      "de noviembre.\n\nUn saludo,\nMarta Ruiz", "answers_latest_question")
    assert answered.passed, answered.detail


@pytest.mark.parametrize(("record", "contact", "language", "body"), [
    # the same deadline words are no answer: Anna asked for the offer "bis Ende nächster Woche"
    ("de_deal", "701", "de", "Guten Tag Frau Schmidt,\n\nbis Ende nächster Woche sind viele Kollegen auf einer Messe. "
                             "Passt Ihnen Dienstag, 1. Dezember, um 15 Uhr?\n\nViele Grüße\nLena Vogt"),
    ("hubspot_deal", "501", "en", "Hi Dana,\n\nBy the end of next week our new scorecard module is live. Would a call "
                                  "on Tuesday, December 1 at 10 am suit you?\n\nBest,\nSam"),
])
def test_sharing_only_the_buyers_deadline_words_does_not_answer_the_question(record, contact, language, body):
    answered = _check(record, contact, language, body, "answers_latest_question")
    assert not answered.passed, answered.detail
