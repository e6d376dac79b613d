"""Set 43's quality misses, by family, in en/de/fr/es wordings of our own (issue 11, wave 34, qual43), each with the near
miss that must still be refused. Set 43's own drafts are measured, not tested here (no set-43 floor).

- the sender's job title under their name in the sign-off ("Account Executive, Brightlane"), which names nobody (en-g1);
- a call script's German label with its verb last ("Termin vorschlagen: Mittwoch, 2. Dezember, 10 Uhr": de-g9);
- what the deal's document shows or follows of the recipient's own recorded point, with no question (en-g9, fr-g7,
  es-g7);
- "your question on SSO" to the contact whose question it was not, when a note says whose questions they are (en-b2);
- a draft whose sentence changes language mid-way, however short the sentence's function words (en-b6, fr-b6).

Measured on every quality set (`python -m tests.agents.measure_heldout quality_heldout ... quality_heldout43`, one
process) before (fc8627da) and after: bad flagged 1436/1442 -> 1439/1442, good passed 1172/1203 -> 1179/1203; set 43
en 10/12 4/10 -> 12/12 8/10, de 12/12 8/10 -> same, fr 11/12 8/10 -> 12/12 9/10, es 12/12 7/10 -> 12/12 8/10; set 40
en good 8/10 -> 9/10; no other set moved, labelled.json unchanged. Set 43's en-g6 stays refused, now for telling Elena
"You asked whether the 9 clinics can go live in two waves", which the record's call note gives to Tom (en-b2's defect).
Injection sets 41-43 unchanged (110/110 0 154; 110/110 0 153; 102/110 1 146)."""

from __future__ import annotations

import json

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import Draft, Recipient
from agents.quality import check_draft_quality
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.quality_probe import named_check as _check
from tests.agents.test_quality import SETTINGS

# --- the sender's job title in the sign-off --------------------------------------------------------------------------

TITLED = [
    ("hubspot_deal", "en", "Hi Dana,\n\nThe proposal for your 420 trucks reaches you on Friday, November 27. Would "
     "Tuesday, December 1 at 10 am Central suit you to go through it?\n\nKind regards,\nSam Okafor\n"
     "Account Executive, Brightlane"),
    ("hubspot_deal", "en", "Hi Dana,\n\nThe proposal for your 420 trucks reaches you on Friday, November 27. Would "
     "Tuesday, December 1 at 10 am Central suit you to go through it?\n\nBest,\nSam Okafor, Senior Key Account Manager"
     "\n\nP.S. Priya's SSO answers are in the appendix."),
    ("salesforce_opportunity", "en", "Hi Elena,\n\nThe revised proposal for the 9 clinics reaches you by Friday, "
     "27 November. Could we go through it on Tuesday, 1 December at 11:00?\n\nKind regards,\nRachel Kim\n"
     "Regional Sales Director | Brightlane"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nLa proposition avec le nombre de licences pour les 6 ateliers vous parviendra "
     "le vendredi 27 novembre. Pourrions-nous la parcourir le mardi 1er décembre à 10 h ?\n\nBien cordialement,\n"
     "Hugo Martin\nResponsable Grands Comptes, Brightlane"),
    ("es_opportunity", "es", "Hola, Javier:\n\nLa propuesta con el calendario de implantación le llegará el viernes 27 "
     "de noviembre. ¿Le va bien revisarla el martes 1 de diciembre a las 10:00?\n\nUn cordial saludo,\nMarta Ruiz\n"
     "Ejecutiva de Cuentas, Brightlane"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\ndas Angebot für 120 Fahrzeuge erhalten Sie am Freitag, "
     "27. November. Passt Ihnen Dienstag, 1. Dezember, 10 Uhr für eine Durchsicht?\n\nMit freundlichen Grüßen\n"
     "Lena Vogt\nSenior Key Account Managerin, Brightlane"),
]


@pytest.mark.parametrize(("record", "language", "body"), TITLED)
def test_the_senders_job_title_under_their_name_is_no_invented_name(record, language, body):
    check = _check(record, body, "no_invented_facts", language=language)
    assert check.passed, check.detail


NAMED_IN_THE_SIGN_OFF = [
    ("hubspot_deal", "en", "Hi Dana,\n\nThe proposal for your 420 trucks reaches you on Friday, November 27. Would "
     "Tuesday, December 1 at 10 am Central suit you?\n\nBest, Sam and Laura", "Laura"),
    ("hubspot_deal", "en", "Hi Dana,\n\nThe proposal for your 420 trucks reaches you on Friday, November 27. Would "
     "Tuesday, December 1 at 10 am Central suit you?\n\nKind regards,\nSam Okafor\nAccount Executive, with Laura "
     "Brennan", "Laura"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nLa proposition vous parviendra le vendredi 27 novembre. Pourrions-nous la "
     "parcourir le mardi 1er décembre à 10 h ?\n\nBien cordialement,\nHugo Martin\nResponsable commercial, et Sophie "
     "Garnier, Directrice Commerciale", "Sophie"),
    ("es_opportunity", "es", "Hola, Javier:\n\nLa propuesta le llegará el viernes 27 de noviembre. ¿Le va bien "
     "revisarla el martes 1 de diciembre a las 10:00?\n\nUn cordial saludo,\nMarta Ruiz y Carmen Ortega\nEjecutivas de "
     "Cuentas", "Carmen"),
]


@pytest.mark.parametrize(("record", "language", "body", "name"), NAMED_IN_THE_SIGN_OFF)
def test_an_invented_person_in_the_sign_off_is_still_refused_beside_a_title(record, language, body, name):
    check = _check(record, body, "no_invented_facts", language=language)
    assert not check.passed and name in check.detail, check.detail


def test_a_title_word_mid_sentence_still_leaves_the_person_it_names_refused():
    body = ("Hi Dana,\n\nOur Account Executive Laura Brennan will send the proposal on Friday, November 27. Would "
            "Tuesday, December 1 at 10 am Central suit you?\n\nSam Okafor")
    check = _check("hubspot_deal", body, "no_invented_facts")
    assert not check.passed and "Laura" in check.detail, check.detail


# --- a German call script's label with its verb last -----------------------------------------------------------------

SCRIPTS = [
    "Gesprächsleitfaden für Frau Schmidt:\n1. Dank für die Nachricht vom 20. November.\n2. Angebot für 120 Fahrzeuge "
    "kommt am Freitag, 27. November.\n3. Termin vorschlagen: Mittwoch, 2. Dezember, 10 Uhr.",
    "Leitfaden Anruf Frau Schmidt\n- Angebot für 120 Fahrzeuge kommt am Freitag, 27. November.\n- Rückruf anbieten: "
    "Donnerstag, 3. Dezember, 9 Uhr",
    "Leitfaden Anruf Frau Schmidt\n- Angebot für 120 Fahrzeuge kommt am Freitag, 27. November.\n- Durchsicht "
    "vereinbaren: Dienstag, 1. Dezember, 14 Uhr",
]


@pytest.mark.parametrize("body", SCRIPTS)
def test_a_german_script_line_whose_verb_labels_the_slot_is_an_ask(body):
    check = _check("de_deal", body, "one_clear_call_to_action", kind="call_script", language="de")
    assert check.passed, check.detail


def test_a_german_script_label_with_no_day_or_time_asks_nothing():
    body = ("Leitfaden Anruf Frau Schmidt\n- Angebot für 120 Fahrzeuge kommt am Freitag, 27. November.\n"
            "- Preis vorschlagen: 36.000 EUR wie im Angebot.")
    check = _check("de_deal", body, "one_clear_call_to_action", kind="call_script", language="de")
    assert not check.passed, check.detail


# --- what the document shows of the recipient's own recorded point -------------------------------------------------

SHOWN = [
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "Dear Tom,\n\nThere is no discount in the revised proposal and the GBP 24,000 stays, but the two waves spread the "
     "work across the year for the partners, and the revised proposal shows that clinic by clinic.\n\nRachel Kim"),
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "Dear Tom,\n\nYou asked whether the clinics can go live in two waves. The revised proposal sets out the rollout "
     "order wave by wave for the partners.\n\nKind regards,\nRachel Kim"),
    ("fr_deal", "711", "fr",
     "Bonjour Claire,\n\nLes absences aux rendez-vous étaient votre priorité lors de la démonstration. La proposition "
     "montre comment les rappels s'appliquent dans chacun des 6 ateliers.\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "0035g00000Es01", "es",
     "Hola, Javier:\n\nEn la demo del 27 de octubre su prioridad era reducir el consumo de combustible en 85 camiones. "
     "El calendario de implantación de la propuesta sigue esa prioridad.\n\nUn cordial saludo,\nMarta Ruiz"),
    ("de_deal", "701", "de",
     "Sehr geehrte Frau Schmidt,\n\nin der Demo lag Ihr Schwerpunkt auf den Leerlaufzeiten und Dieselkosten der "
     "120 Fahrzeuge. Das Angebot zeigt die Leerlaufzeiten je Fahrzeug.\n\nMit freundlichen Grüßen\nLena Vogt"),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), SHOWN)
def test_the_document_shown_to_carry_the_recipients_own_point_is_a_step(record, contact, language, body):
    check = _check(record, body, "one_clear_call_to_action", contact=contact, language=language)
    assert check.passed, check.detail


NOT_THEIRS = [
    # the point is nobody's on record: a friendly note that settles nothing
    ("fr_deal", "711", "fr",
     "Bonjour Claire,\n\nJ'ai beaucoup réfléchi à votre projet. La proposition montre notre nouvelle application "
     "mobile pour les techniciens.\n\nBien cordialement,\nHugo Martin"),
    # the point is another's: the CFO never raised the reminder texts
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "Dear Tom,\n\nThe revised proposal shows our new online payment module for your front desk.\n\nRachel Kim"),
    # "no-shows" shows nothing: the buyer's pain restated, no document said to carry it
    ("salesforce_opportunity", "0035g00000Con01", "en",
     "Hi Elena,\n\nFrankly, nine clinics with that many no-shows is a management problem for the plan. The plan comes "
     "by Friday, 27 November.\n\nRachel"),
    # no document carries it: the point is only restated
    ("es_opportunity", "0035g00000Es01", "es",
     "Hola, Javier:\n\nEn la demo del 27 de octubre su prioridad era reducir el consumo de combustible en 85 camiones. "
     "Seguimos esa prioridad.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), NOT_THEIRS)
def test_a_document_shown_to_carry_something_nobody_raised_is_still_no_step(record, contact, language, body):
    check = _check(record, body, "one_clear_call_to_action", contact=contact, language=language)
    assert not check.passed, check.detail


# --- a question answered as the recipient's when a note says whose it was --------------------------------------------

NOTED_QUESTIONS = {
    "de_deal": "Anruf mit Jonas Weber: Datenschutz und Hosting in Deutschland sind seine Hauptfragen.",
    "fr_deal": "Appel avec Paul : l'hébergement et la conservation des données sont ses principales questions.",
    "es_opportunity": "Llamada con Lucía: el alojamiento y la conservación de datos son sus principales dudas.",
}


def _noted_checks(record: str, contact: str, language: str, body: str):
    raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    raw["activities"] = [*raw["activities"], {"type": "call", "at": "2026-11-12T11:30:00Z", "direction": "outbound",
                                              "subject": "Call", "body": NOTED_QUESTIONS[record]}]
    rec = Record.from_dict(raw)
    person = next(c for c in rec.contacts if c.id == contact)
    draft = Draft(to=Recipient(contact_id=contact, name=person.name, email=person.email), channel="email", kind="email",
                  subject="Your question", body=body, language=language, tone="friendly")
    ctx = build_context(rec, raw.get("scores"), now=NOW)
    return {c.name: c for c in check_draft_quality(draft, ctx, build_vocabulary(ctx, score_figures=False), SETTINGS)}


def test_anothers_noted_questions_answered_as_the_recipients_are_refused_in_english():
    body = ("Hi Dana,\n\nTo answer your question on SSO and data retention: both are covered in the appendix. The "
            "proposal reaches you on Friday, November 27.\n\nSam Okafor")
    check = _check("hubspot_deal", body, "asked_by_the_recipient")
    assert not check.passed and "Priya" in check.detail, check.detail


def test_the_noted_questions_answered_to_the_contact_who_raised_them_pass():
    body = ("Hi Priya,\n\nTo answer your question on SSO and data retention: both are covered in the appendix. The "
            "proposal reaches Dana on Friday, November 27.\n\nSam Okafor")
    check = _check("hubspot_deal", body, "asked_by_the_recipient", contact="503")
    assert check.passed, check.detail


@pytest.mark.parametrize(("record", "wrong", "right", "language", "body"), [
    ("de_deal", "701", "702", "de", "Sehr geehrte{} ,\n\nzu Ihrer Frage nach Datenschutz und Hosting: beides steht im "
     "Anhang. Das Angebot kommt am Freitag, 27. November.\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("fr_deal", "711", "712", "fr", "Bonjour {},\n\nPour répondre à votre question sur l'hébergement et la "
     "conservation des données : tout figure en annexe. La proposition vous parviendra le vendredi 27 novembre.\n\nBien "
     "cordialement,\nHugo Martin"),
    ("es_opportunity", "0035g00000Es01", "0035g00000Es02", "es", "Hola, {}:\n\nSobre su pregunta del alojamiento y "
     "la conservación de datos: todo va en el anexo. La propuesta le llegará el viernes 27 de noviembre.\n\nUn cordial "
     "saludo,\nMarta Ruiz"),
])
def test_anothers_noted_questions_answered_as_the_recipients_are_refused_in_every_language(
        record, wrong, right, language, body):
    greet = {"701": " Frau Schmidt", "702": "r Herr Weber", "711": "Claire", "712": "Paul",
             "0035g00000Es01": "Javier", "0035g00000Es02": "Lucía"}
    to_wrong = _noted_checks(record, wrong, language, body.format(greet[wrong]))["asked_by_the_recipient"]
    to_right = _noted_checks(record, right, language, body.format(greet[right]))["asked_by_the_recipient"]
    assert not to_wrong.passed, to_wrong.detail
    assert to_right.passed, to_right.detail


# --- a sentence in another language mid-draft ------------------------------------------------------------------------

SWITCHED = [
    ("hubspot_deal", "en", "Hi Dana,\n\nThe proposal for your 420 trucks arrives on Friday, November 27. Quedo a su "
     "disposición para cualquier pregunta.\n\nSam Okafor"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nLa proposition pour vos 6 ateliers vous parviendra le vendredi 27 novembre. "
     "Looking forward to your feedback, have a great week!\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Hola, Javier:\n\nLa propuesta con el calendario de implantación le llegará el viernes 27 "
     "de noviembre. Je reste à votre disposition pour toute question.\n\nUn cordial saludo,\nMarta Ruiz"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\ndas Angebot für 120 Fahrzeuge erhalten Sie am Freitag, "
     "27. November. Looking forward to hearing your thoughts!\n\nMit freundlichen Grüßen\nLena Vogt"),
]


@pytest.mark.parametrize(("record", "language", "body"), SWITCHED)
def test_a_sentence_that_changes_language_mid_draft_is_refused(record, language, body):
    check = _check(record, body, "in_buyer_language", language=language)
    assert not check.passed, check.detail


KEPT = [
    ("fr_deal", "fr", "Bonjour Claire,\n\nLa proposition pour vos 6 ateliers vous parviendra le vendredi 27 novembre, "
     "avec le « kick-off » prévu après la signature. Pourrions-nous la parcourir le mardi 1er décembre à 10 h ?\n\n"
     "Bien cordialement,\nHugo Martin"),
    ("salesforce_opportunity", "en", "Hi Elena,\n\nThe revised proposal for the Scheduling Suite across the 9 clinics "
     "reaches you by Friday, 27 November. Could we go through it on Tuesday, 1 December at 11:00?\n\nRachel Kim"),
    ("es_opportunity", "es", "Hola, Javier:\n\nLa propuesta con el calendario de implantación y el dashboard de "
     "consumo le llegará el viernes 27 de noviembre. ¿Le va bien revisarla el martes 1 de diciembre a las 10:00?\n\n"
     "Un cordial saludo,\nMarta Ruiz"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\ndas Angebot für 120 Fahrzeuge mit dem Dashboard und dem "
     "Onboarding erhalten Sie am Freitag, 27. November. Passt Ihnen Dienstag, 1. Dezember, 10 Uhr?\n\n"
     "Mit freundlichen Grüßen\nLena Vogt"),
]


@pytest.mark.parametrize(("record", "language", "body"), KEPT)
def test_a_quoted_term_a_product_name_or_a_loanword_changes_no_language(record, language, body):
    check = _check(record, body, "in_buyer_language", language=language)
    assert check.passed, check.detail


# --- "I will check and come back by <day>" (set 43's de-g3, fr-g3, es-g3: the refusal is fair) -----------------------

COME_BACK_ON_NOTHING_ASKED = [
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\nich prüfe, wie sich die Leerlaufzeiten je Fahrzeug im Bericht "
     "darstellen lassen, und melde mich bis Montag, 30. November, bei Ihnen.\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nJe vérifie comment les rappels de rendez-vous peuvent être réglés atelier "
     "par atelier et je reviens vers vous d'ici le lundi 30 novembre.\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Hola, Javier:\n\nEstoy comprobando en qué orden conviene equipar los camiones y le "
     "respondo como muy tarde el lunes 30 de noviembre.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "body"), COME_BACK_ON_NOTHING_ASKED)
def test_coming_back_later_on_a_point_nobody_raised_leaves_the_buyers_request_for_the_proposal_unanswered(
        record, language, body):
    # the buyer asked for the proposal by the end of next week (27 November); the draft promises word on something
    # else by the 30th and says nothing of the proposal
    check = _check(record, body, "answers_latest_question", language=language)
    assert not check.passed, check.detail


def test_coming_back_later_on_the_recipients_own_recorded_question_answers_it():
    body = ("Dear Tom,\n\nI am checking which clinics are easiest to start with in the two waves and come back to you "
            "by Monday, 30 November.\n\nKind regards,\nRachel Kim")
    checks = {name: _check("salesforce_opportunity", body, name, contact="0035g00000Con02")
              for name in ("answers_latest_question", "one_clear_call_to_action", "references_real_activity")}
    assert all(c.passed for c in checks.values()), {n: c.detail for n, c in checks.items()}
