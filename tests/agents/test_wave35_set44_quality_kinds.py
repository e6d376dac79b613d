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
