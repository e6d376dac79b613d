"""Set 44's quality misses, by family, in en/de/fr/es wordings of our own (issue 11, wave 35, qual44), each with the near
miss that must still pass or still be refused. Set 44's own drafts are measured, not tested here (no set-44 floor).

- a subject that announces what the body denies ("Proposal attached" over "not ready yet": en/fr/es-b7, de-b7);
- our CRM's own terms sent to the buyer (MQL, SQL, "presentationscheduled", "deal stage", "Lead-Score": de-b5);
- a draft with no question that names a calendar day to come for what happens next ("0 ask(s)": en-g7, fr-g4, es-g1,
  es-g10): the ask counter's rule read only the grammatical forms listed one wave at a time;
- a question the draft answers itself in the same bullet ("- Can the 9 clinics go live in two waves? Yes; ...": en-g10);
- a formal greeting by the contact's title with no name ("Madame la Directrice,", "Monsieur le Directeur financier,":
  fr-g1, fr-g5)."""

from __future__ import annotations

import pytest

from tests.agents.quality_probe import named_check as _check

# --- a subject that announces what the body denies -------------------------------------------------------------------

DENIED = [
    ("salesforce_opportunity", "en", "Revised proposal attached",
     "Hi Elena,\n\nThe revised proposal for the 9 clinics is not ready yet; it will reach you by Friday, 27 November."
     "\n\nKind regards,\nRachel Kim"),
    ("hubspot_deal", "en", "Signed contract",
     "Hi Dana,\n\nThe contract is not signed yet on our side; Marcus will have it on Friday, November 27.\n\nSam"),
    ("hubspot_deal", "en", "Meeting confirmed",
     "Hi Dana,\n\nWe have not confirmed a meeting yet. Would Tuesday, December 1 at 10 am CT suit you?\n\nSam"),
    ("de_deal", "de", "Angebot anbei",
     "Sehr geehrte Frau Schmidt,\n\ndas Angebot für die 120 Fahrzeuge ist noch nicht fertig; es folgt am Freitag, "
     "27. November.\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("de_deal", "de", "Termin bestätigt",
     "Sehr geehrte Frau Schmidt,\n\nwir haben noch keinen Termin für die Durchsicht des Angebots. Passt Ihnen "
     "Dienstag, 1. Dezember, um 10 Uhr?\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("fr_deal", "fr", "Proposition ci-jointe",
     "Bonjour Claire,\n\nLa proposition pour les 6 ateliers n'est pas encore prête ; elle vous parviendra le vendredi "
     "27 novembre.\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Propuesta adjunta",
     "Hola, Javier:\n\nLa propuesta con el calendario de implantación todavía no está lista; se la enviaré el viernes "
     "27 de noviembre.\n\nUn cordial saludo,\nMarta Ruiz"),
    ("es_opportunity", "es", "Contrato firmado",
     "Hola, Javier:\n\nEl contrato aún no está firmado por nuestra parte; le llegará el viernes 27 de noviembre."
     "\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "subject", "body"), DENIED)
def test_a_subject_announcing_what_the_body_says_is_not_there_yet_is_refused(record, language, subject, body):
    check = _check(record, body, "subject_agrees_with_body", subject=subject, language=language)
    assert not check.passed
    assert "subject" in check.detail


AGREED = [
    # the thing the body says will follow is another one than the subject's
    ("salesforce_opportunity", "en", "Revised proposal attached",
     "Hi Elena,\n\nHere is the revised proposal for the 9 clinics. The appendix with the wave plan will follow on "
     "Friday, 27 November.\n\nKind regards,\nRachel Kim"),
    # the annex *to* the proposal is not the proposal
    ("hubspot_deal", "en", "Proposal attached",
     "Hi Dana,\n\nThe proposal for the 420 trucks is attached; the security annex to the proposal will follow on "
     "Friday, November 27.\n\nSam"),
    ("de_deal", "de", "Termin bestätigt",
     "Sehr geehrte Frau Schmidt,\n\nbis Dienstag, 1. Dezember, um 10 Uhr. Das Angebot folgt am Freitag, 27. November."
     "\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("fr_deal", "fr", "Proposition jointe",
     "Bonjour Claire,\n\nVoici la proposition pour les 6 ateliers. La fiche de paramétrage suivra le vendredi "
     "27 novembre.\n\nBien cordialement,\nHugo Martin"),
    # the subject says itself that the document follows
    ("es_opportunity", "es", "La propuesta sigue el viernes",
     "Hola, Javier:\n\nLa propuesta aún no está lista; se la enviaré el viernes 27 de noviembre.\n\nUn cordial saludo,"
     "\nMarta Ruiz"),
    ("es_opportunity", "es", "Lista de bases",
     "Hola, Javier:\n\nLas bases de la segunda fase aún no están decididas; la propuesta del viernes 27 de noviembre "
     "las deja abiertas.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "subject", "body"), AGREED)
def test_a_subject_the_body_does_not_deny_passes(record, language, subject, body):
    check = _check(record, body, "subject_agrees_with_body", subject=subject, language=language)
    assert check.passed, check.detail


# --- our CRM's own terms, sent to the buyer --------------------------------------------------------------------------

JARGON = [
    ("hubspot_deal", "en", "Hi Dana,\n\nNorthwind is now an SQL in our system, so the proposal reaches you on Friday, "
     "November 27.\n\nSam", "'SQL'"),
    ("hubspot_deal", "en", "Hi Dana,\n\nYour deal stage is now presentationscheduled; the proposal reaches you on "
     "Friday, November 27.\n\nSam", "presentationscheduled"),
    ("salesforce_opportunity", "en", "Hi Elena,\n\nGood news: the opportunity sits in Proposal/Price Quote now, with a "
     "closed won date of 31 December.\n\nKind regards,\nRachel Kim", "Proposal/Price Quote"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\nSie stehen bei uns jetzt als MQL; das Angebot folgt am Freitag, "
     "27. November.\n\nMit freundlichen Grüßen\nLena Vogt", "'MQL'"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\nIhr Lead-Score ist gestiegen, das Angebot folgt am Freitag, "
     "27. November.\n\nMit freundlichen Grüßen\nLena Vogt", "Lead-Score"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nVotre dossier est désormais à l'étape du pipeline « presentationscheduled » ; "
     "la proposition vous parvient le vendredi 27 novembre.\n\nBien cordialement,\nHugo Martin", "pipeline"),
    ("es_opportunity", "es", "Hola, Javier:\n\nSu cuenta figura ya como SQL y la categoría de previsión es alta; la "
     "propuesta le llega el viernes 27 de noviembre.\n\nUn cordial saludo,\nMarta Ruiz", "SQL"),
]


@pytest.mark.parametrize(("record", "language", "body", "named"), JARGON)
def test_our_crms_own_terms_sent_to_the_buyer_are_refused(record, language, body, named):
    check = _check(record, body, "no_internal_notes_or_scores", language=language)
    assert not check.passed
    assert named in check.detail


HONEST_TERMS = [
    ("hubspot_deal", "en", "Hi Dana,\n\nPriya asked whether the reports can be exported to your SQL Server; yes, a "
     "nightly SQL export is part of the proposal reaching you on Friday, November 27.\n\nSam"),
    ("salesforce_opportunity", "en", "Hi Elena,\n\nPhase 2 of the rollout covers the last four clinics; it is a good "
     "opportunity to reuse the reminder texts from the demo.\n\nKind regards,\nRachel Kim"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\ndie Daten lassen sich in eine SQL-Datenbank übernehmen; in der "
     "zweiten Phase kommen die übrigen Fahrzeuge dazu.\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nLa première phase couvre trois ateliers ; les requêtes SQL de votre équipe "
     "restent possibles.\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Hola, Javier:\n\nLa fase de implantación empieza con 40 camiones; las consultas SQL "
     "sobre su base de datos siguen funcionando.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "body"), HONEST_TERMS)
def test_sql_as_a_database_and_a_rollout_phase_are_no_crm_jargon(record, language, body):
    check = _check(record, body, "no_internal_notes_or_scores", language=language)
    assert check.passed, check.detail


# --- "0 ask(s)": a coming day and a clock time is a step, whoever the sentence's subject is ---------------------------

TIMED = [
    ("salesforce_opportunity", "en", "Hi Elena,\n\nFor Tuesday, 1 December at 11:00 GMT, here is what I would cover:\n\n"
     "1. Which clinics go live in wave one\n2. Which follow in wave two\n3. The reminder texts from the demo\n\n"
     "Kind regards,\nRachel Kim"),
    ("hubspot_deal", "en", "Hi Dana,\n\nThe walkthrough of the proposal for your 420 trucks: Thursday, December 3 at "
     "10 am CT, with Marcus.\n\nBest regards,\nSam Okafor"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\nfür die Durchsicht des Angebots über 120 Fahrzeuge wäre Mittwoch, "
     "2. Dezember, um 10 Uhr MEZ möglich.\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nPour parcourir la proposition des 6 ateliers, le mercredi 2 décembre à "
     "9 h 30 ou le vendredi 4 décembre à 15 h, heure de Paris.\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Hola, Javier:\n\nPara revisar la propuesta le propongo el martes 1 de diciembre a las "
     "16:00 o el viernes 4 de diciembre a las 9:30, hora peninsular.\n\nUn cordial saludo,\nMarta Ruiz"),
    ("es_opportunity", "es", "Estimado Sr. García:\n\nPara nuestra reunión del miércoles 2 de diciembre a las 11:00 "
     "(CET), le propongo:\n\n1. El calendario de implantación\n2. La estimación de retorno para 85 camiones\n\n"
     "Un cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "body"), TIMED)
def test_a_coming_day_with_its_clock_time_is_a_step_in_any_grammar(record, language, body):
    check = _check(record, body, "one_clear_call_to_action", language=language)
    assert check.passed, check.detail


UNTIMED = [
    # a day with no clock time and no verb of ours: the older rules decide, and this one adds nothing
    ("hubspot_deal", "en", "Hi Dana,\n\nI have been thinking about the rollout for your 420 trucks and the December "
     "budget review.\n\nBest regards,\nSam Okafor"),
    # a day looked back on
    ("salesforce_opportunity", "en", "Hi Elena,\n\nThanks for the demo on 14 October at 10:00 with the clinic leads; "
     "the reminder texts were the highlight.\n\nKind regards,\nRachel Kim"),
    # a habit
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\nunser Support ist jeden Dienstag um 10 Uhr für Ihre 120 "
     "Fahrzeuge erreichbar.\n\nMit freundlichen Grüßen\nLena Vogt"),
    # a check-in beside the timed line voids it, as it voids every step
    ("fr_deal", "fr", "Bonjour Claire,\n\nNotre démonstration du mercredi 2 décembre à 10 h reste d'actualité pour "
     "les 6 ateliers. Je reviendrai vers vous.\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Hola, Javier:\n\nLa demo del 27 de octubre a las 10:00 fue muy útil para los 85 "
     "camiones; gracias por su tiempo.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "body"), UNTIMED)
def test_a_past_habitual_or_check_in_time_leaves_no_step(record, language, body):
    check = _check(record, body, "one_clear_call_to_action", language=language)
    assert not check.passed, check.detail


NAMED_RECEIVER = [
    ("fr_deal", "fr", "712", "Bonjour Paul,\n\nJ'ai noté le 30 décembre comme date de décision. La proposition "
     "parvient à Claire le vendredi 27 novembre, ce qui vous laisse un mois pour vos questions.\n\nBien cordialement,\n"
     "Hugo Martin"),
    ("hubspot_deal", "en", "502", "Hi Marcus,\n\nI have noted December 18 for the decision. The proposal reaches Dana "
     "on Friday, November 27, ahead of your budget review.\n\nBest regards,\nSam Okafor"),
    ("es_opportunity", "es", "0035g00000Es02", "Estimada Sra. Fernández:\n\nLa propuesta llega a Javier el viernes 27 "
     "de noviembre, con la estimación de retorno.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "contact", "body"), NAMED_RECEIVER)
def test_the_document_reaching_a_named_colleague_on_a_coming_day_is_a_step(record, language, contact, body):
    check = _check(record, body, "one_clear_call_to_action", language=language, contact=contact)
    assert check.passed, check.detail


def test_the_document_reaching_a_colleague_some_time_is_still_no_step():
    body = ("Bonjour Paul,\n\nLa proposition parvient à Claire bientôt, ce qui vous laisse du temps pour vos questions."
            "\n\nBien cordialement,\nHugo Martin")
    check = _check("fr_deal", body, "one_clear_call_to_action", language="fr", contact="712")
    assert not check.passed, check.detail


# --- a point of the recipient's that *will* follow with the document --------------------------------------------------

def test_a_recipients_point_that_will_follow_with_the_proposal_settles_it():
    body = ("Hi Priya,\n\nThank you again for closing the security review. The appendix with the SSO and data "
            "retention answers will follow with the proposal; I will tell you as soon as it is out.\n\nKind regards,\n"
            "Sam Okafor")
    check = _check("hubspot_deal", body, "one_clear_call_to_action", contact="503")
    assert check.passed, check.detail


def test_a_thing_nobody_raised_that_will_follow_settles_nothing():
    body = ("Hi Priya,\n\nI hope all is well on your side. Our new brochure will follow with the proposal.\n\n"
            "Kind regards,\nSam Okafor")
    check = _check("hubspot_deal", body, "one_clear_call_to_action", contact="503")
    assert not check.passed, check.detail


# --- a question answered on its own line -------------------------------------------------------------------------------

ANSWERED = [
    ("salesforce_opportunity", "en", "Hi Elena,\n\nTwo points on the revised proposal:\n\n- Can the 9 clinics go live "
     "in two waves? Yes; the revised proposal lists the clinics in each.\n- Do the reminder texts change? No, they "
     "stay as shown in the demo.\n\nKind regards,\nRachel Kim"),
    ("de_deal", "de", "Sehr geehrte Frau Schmidt,\n\nzu Ihren Punkten:\n\n- Kommt das Angebot für 120 Fahrzeuge? Ja, "
     "Sie erhalten es am Freitag, 27. November.\n- Ändert sich die Amortisationsrechnung? Nein, sie bleibt wie am 28. Oktober.\n\n"
     "Mit freundlichen Grüßen\nLena Vogt"),
]


@pytest.mark.parametrize(("record", "language", "body"), ANSWERED)
def test_a_question_the_draft_answers_on_the_same_line_is_no_ask(record, language, body):
    check = _check(record, body, "one_clear_call_to_action", language=language)
    assert "2 ask(s)" not in check.detail and check.passed, check.detail
    assert _check(record, body, "asks_only_for_what_is_open", language=language).passed


def test_two_open_questions_are_still_two_asks():
    body = ("Hi Elena,\n\n- Can the 9 clinics go live in two waves?\n- Do the reminder texts change?\n\nKind regards,\n"
            "Rachel Kim")
    check = _check("salesforce_opportunity", body, "one_clear_call_to_action")
    assert not check.passed and "2 ask(s)" in check.detail


# --- a formal greeting by the recorded title -------------------------------------------------------------------------

TITLED_GREETINGS = [
    ("fr_deal", "fr", "711", "Madame la Directrice,\n\nLa proposition pour les 6 ateliers vous parvient le vendredi "
     "27 novembre. Pourrions-nous la parcourir le mardi 1er décembre à 10 h ?\n\nBien cordialement,\nHugo Martin"),
    ("fr_deal", "fr", "712", "Monsieur le Directeur financier,\n\nLe coût par atelier figure dans la proposition du "
     "vendredi 27 novembre. Pourrions-nous en parler le mardi 1er décembre à 10 h ?\n\nBien cordialement,\n"
     "Hugo Martin"),
    ("de_deal", "de", "702", "Sehr geehrter Herr Geschäftsführer,\n\ndie Amortisationsrechnung für 120 Fahrzeuge steht "
     "im Angebot. Passt Ihnen Dienstag, 1. Dezember, um 10 Uhr?\n\nMit freundlichen Grüßen\nLena Vogt"),
    ("es_opportunity", "es", "0035g00000Es02", "Estimada señora directora:\n\nLa estimación de retorno va en la "
     "propuesta. ¿Le va bien revisarla el martes 1 de diciembre a las 10:00?\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "contact", "body"), TITLED_GREETINGS)
def test_a_formal_greeting_by_the_contacts_recorded_title_addresses_them(record, language, contact, body):
    check = _check(record, body, "addresses_contact_by_name", language=language, contact=contact)
    assert check.passed, check.detail


OTHER_TITLES = [
    ("fr_deal", "fr", "711", "Madame la Présidente,\n\nLa proposition pour les 6 ateliers vous parvient le vendredi "
     "27 novembre. Pourrions-nous la parcourir le mardi 1er décembre à 10 h ?\n\nBien cordialement,\nHugo Martin"),
    ("fr_deal", "fr", "712", "Madame la Directrice financière,\n\nLe coût par atelier figure dans la proposition. "
     "Pourrions-nous en parler le mardi 1er décembre à 10 h ?\n\nBien cordialement,\nHugo Martin"),
    ("de_deal", "de", "701", "Sehr geehrte Frau Geschäftsführerin,\n\ndas Angebot für 120 Fahrzeuge kommt am Freitag. "
     "Passt Ihnen Dienstag, 1. Dezember, um 10 Uhr?\n\nMit freundlichen Grüßen\nLena Vogt"),
]


@pytest.mark.parametrize(("record", "language", "contact", "body"), OTHER_TITLES)
def test_a_title_the_record_does_not_give_or_the_wrong_honorific_is_refused(record, language, contact, body):
    check = _check(record, body, "addresses_contact_by_name", language=language, contact=contact)
    assert not check.passed, check.detail


# --- en-g6, decided: "the revised price" states a changed price; "the revised proposal" does not ----------------------

def test_a_revised_proposal_at_the_records_amount_changes_no_amount():
    body = ("Dear Tom,\n\nThe revised proposal, with the two waves and the GBP 24,000 unchanged, reaches you by Friday, "
            "27 November.\n\nKind regards,\nRachel Kim")
    check = _check("salesforce_opportunity", body, "no_unapproved_commitments", contact="0035g00000Con02")
    assert check.passed, check.detail


def test_the_revised_price_is_still_a_changed_amount_the_record_does_not_hold():
    body = ("Dear Tom,\n\nI would rather not send the revised price on its own by e-mail; the revised proposal reaches "
            "you by Friday, 27 November.\n\nKind regards,\nRachel Kim")
    check = _check("salesforce_opportunity", body, "no_unapproved_commitments", contact="0035g00000Con02")
    assert not check.passed and "revised price" in check.detail


TO_THE_ASKER_LATER = [
    ("hubspot_deal", "en", "501", "Hi Dana,\n\nThe proposal for your 420 trucks will follow as soon as Priya has "
     "finished the security review.\n\nBest,\nSam Okafor"),
    ("fr_deal", "fr", "711", "Bonjour Claire,\n\nPuisque vous avez opté pour la formule annuelle, la proposition ne "
     "montrera que celle-ci.\n\nCordialement,\nHugo Martin"),
    ("es_opportunity", "es", "0035g00000Es01", "Hola, Javier:\n\nEl calendario de implantación figurará en la propuesta "
     "cuando lo tengamos.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "contact", "body"), TO_THE_ASKER_LATER)
def test_to_the_asker_a_thing_that_will_follow_some_time_is_no_step(record, language, contact, body):
    check = _check(record, body, "one_clear_call_to_action", language=language, contact=contact)
    assert not check.passed, check.detail


UNTIMED_PROPOSAL_BESIDE = [
    ("salesforce_opportunity", "en", "Hi Elena,\n\nFor Tuesday, 1 December at 11:00 GMT, here is what I would cover: "
     "the two waves. I suggest we also meet the partners that week.\n\nRachel Kim"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nPour notre échange du jeudi 3 décembre à 10 h, le point est la proposition. "
     "Je vous propose aussi de rencontrer Paul ce mois-ci.\n\nBien cordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Hola, Javier:\n\nPara la reunión del miércoles 2 de diciembre a las 11:00, el tema es la "
     "propuesta. Le propongo además ver a Lucía este mes.\n\nUn cordial saludo,\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "language", "body"), UNTIMED_PROPOSAL_BESIDE)
def test_a_timed_line_beside_an_untimed_proposal_still_wants_the_ask(record, language, body):
    check = _check(record, body, "one_clear_call_to_action", language=language)
    assert not check.passed, check.detail
