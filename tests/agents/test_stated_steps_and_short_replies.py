"""A draft that ends on a step it states, not on a question (set 32's good drafts refused "0 ask(s)"), a short complete
reply, and thanks for the buyer's interest in what we sent. Wordings of our own in four languages, with look-alikes
that must still be refused: a draft with no ask and no step, a habit stated in the present tense, a past delivery."""

from __future__ import annotations

import pytest

from agents.settings import DRAFT_MIN_WORDS
from agents.stated_steps import stated_step
from tests.agents.test_quality import _checks

RECIPIENT = {"hubspot_deal": "501", "de_deal": "701", "fr_deal": "711", "es_opportunity": "0035g00000Es01"}


def _check(record: str, body: str, name: str, kind: str = "email", contact: str | None = None):
    entry = {"record": record, "language": "en", "draft": {"to_contact_id": contact or RECIPIENT[record],
                                                            "subject": "Next steps", "body": body, "kind": kind}}
    return next(c for c in _checks(entry) if c.name == name)


STATED = {
    "en-goes-to-people": ("hubspot_deal", "Hi Dana,\n\nThe security answers are in the annex to the proposal, which "
                          "goes to you and Marcus on Friday, November 27.\n\nBest,\nSam"),
    "en-goes-out": ("hubspot_deal", "Hi Dana,\n\nNoted, thank you. The revised quote goes out on Thursday with the "
                    "six depots priced separately.\n\nBest,\nSam"),
    "en-reply-is-all": ("hubspot_deal", "Hi Dana,\n\nThe rollout plan follows your two waves exactly. Should a date in "
                        "it not suit Marcus, a short reply by Wednesday is all I need.\n\nBest,\nSam"),
    "de-haben-bis": ("de_deal", "Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht. Sie und Herr Weber haben den "
                     "Vertragsentwurf bis Donnerstag, 26. November.\n\nBeste Grüße\nLena Vogt"),
    "de-geht-raus": ("de_deal", "Hallo Frau Schmidt,\n\nalles klar: das Angebot für die 120 Fahrzeuge geht am Freitag "
                     "an Sie und Herrn Weber raus.\n\nBeste Grüße\nLena Vogt"),
    "de-wird-verschickt": ("de_deal", "Hallo Frau Schmidt,\n\ndanke für die Rückmeldung. Das überarbeitete Angebot wird "
                           "am Donnerstag, 26. November, verschickt.\n\nBeste Grüße\nLena Vogt"),
    "fr-part": ("fr_deal", "Bonjour Claire,\n\nBien reçu. Le devis pour vos 6 ateliers part jeudi 26 novembre, Paul en "
                "copie.\n\nBien cordialement,\nHugo Martin"),
    "fr-vous-parvient": ("fr_deal", "Bonjour Claire,\n\nMerci pour votre retour. Le contrat révisé vous parvient avant "
                         "vendredi, avec les licences par atelier.\n\nBien cordialement,\nHugo Martin"),
    "fr-reponse-suffit": ("fr_deal", "Bonjour Claire,\n\nLa proposition reprend vos 6 ateliers. Si un chiffre vous "
                          "semble faux, une simple réponse avant jeudi suffit.\n\nBien cordialement,\nHugo Martin"),
    "es-sale": ("es_opportunity", "Hola Javier:\n\nDe acuerdo. El presupuesto revisado sale el jueves 26 de noviembre, "
                "con Lucía en copia.\n\nSaludos,\nMarta"),
    "es-le-llega": ("es_opportunity", "Hola Javier:\n\nGracias por el aviso. La propuesta le llega antes del viernes "
                    "con el calendario de implantación.\n\nSaludos,\nMarta"),
    "es-basta": ("es_opportunity", "Hola Javier:\n\nLa propuesta recoge los 85 camiones. Si algo no encaja, basta con "
                 "responder a este correo antes del jueves.\n\nSaludos,\nMarta"),
}


@pytest.mark.parametrize("case", sorted(STATED))
def test_a_draft_ending_on_a_step_it_states_leaves_the_buyer_a_next_step(case):
    record, body = STATED[case]
    check = _check(record, body, "one_clear_call_to_action")
    assert check.passed, check.detail


NO_STEP = {
    "en-nothing-to-come": ("hubspot_deal", "Hi Dana,\n\nThank you for the call. The proposal covers all six depots "
                           "and the two rollout waves we discussed.\n\nBest,\nSam"),
    "en-habit": ("hubspot_deal", "Hi Dana,\n\nThank you for the call. Our product newsletter and the price sheet go "
                 "out every Friday to all customers.\n\nBest,\nSam"),
    "en-past": ("hubspot_deal", "Hi Dana,\n\nThank you for the call. You have had the proposal since Friday, "
                "November 20, with all six depots in it.\n\nBest,\nSam"),
    "de-nothing-to-come": ("de_deal", "Hallo Frau Schmidt,\n\ndanke für das Gespräch. Das Angebot umfasst alle 120 "
                           "Fahrzeuge und beide Standorte.\n\nBeste Grüße\nLena Vogt"),
    "de-habit": ("de_deal", "Hallo Frau Schmidt,\n\ndanke für das Gespräch. Unsere Angebote gehen freitags raus, das "
                 "ist bei uns immer so.\n\nBeste Grüße\nLena Vogt"),
    "fr-nothing-to-come": ("fr_deal", "Bonjour Claire,\n\nMerci pour l'échange. La proposition couvre vos 6 ateliers "
                           "et les licences dont nous avons parlé.\n\nBien cordialement,\nHugo Martin"),
    "fr-habit": ("fr_deal", "Bonjour Claire,\n\nMerci pour l'échange. Nos devis partent chaque vendredi, comme pour "
                 "tous nos clients.\n\nBien cordialement,\nHugo Martin"),
    "es-nothing-to-come": ("es_opportunity", "Hola Javier:\n\nGracias por la llamada. La propuesta cubre los 85 "
                           "camiones y las dos fases de implantación.\n\nSaludos,\nMarta"),
    "es-habit": ("es_opportunity", "Hola Javier:\n\nGracias por la llamada. Los presupuestos salen todos los viernes, "
                 "como para todos los clientes.\n\nSaludos,\nMarta"),
    "es-vague": ("es_opportunity", "Hola Javier:\n\nGracias por la llamada. La propuesta sale el viernes; me pondré en "
                 "contacto la semana que viene.\n\nSaludos,\nMarta"),
}


@pytest.mark.parametrize("case", sorted(NO_STEP))
def test_a_draft_with_no_ask_and_no_step_to_come_is_still_refused(case):
    record, body = NO_STEP[case]
    check = _check(record, body, "one_clear_call_to_action")
    assert not check.passed, check.detail


def test_a_habit_in_the_present_tense_is_no_stated_step():
    assert stated_step("Our proposals go out on Fridays.") is None
    assert stated_step("Les propositions partent les vendredis.") is None
    assert stated_step("The proposal goes out on Friday.") is not None


SHORT = {
    "es": ("es_opportunity", "Hola Javier:\n\nAnotado. El presupuesto sale el jueves 26 de noviembre, con Lucía en "
           "copia.\n\nSaludos,\nMarta"),
    "fr": ("fr_deal", "Bonjour Claire,\n\nC'est noté : le devis part jeudi 26 novembre.\n\nBonne journée,\nHugo"),
    "de": ("de_deal", "Hallo Frau Schmidt,\n\nnotiert: das Angebot geht am Donnerstag raus.\n\nBeste Grüße\nLena"),
}


@pytest.mark.parametrize("case", sorted(SHORT))
def test_a_complete_two_sentence_reply_is_long_enough(case):
    record, body = SHORT[case]
    assert len(body.split()) < 18
    check = _check(record, body, "within_length")
    assert check.passed, check.detail


@pytest.mark.parametrize("body", [
    "Hi Dana, any update on the proposal for Northwind Logistics? Sam",
    "Hallo Anna,\n\nhier kurz das Update.\n\nViele Grüße\nLena",
    "Hola Javier: le mando la propuesta. ¿Lunes?\nMarta",
    "Bonjour Claire,\n\npetit point rapide.\n\nBien à vous,\nHugo",
])
def test_a_reply_that_says_nothing_is_still_too_short(body):
    assert len(body.split()) < DRAFT_MIN_WORDS
    assert not _check("hubspot_deal", body, "within_length").passed


def _thanks_problems(record: str, body: str, contact: str, kind: str = "email") -> list[str]:
    entry = {"record": record, "language": "en", "draft": {"to_contact_id": contact, "subject": "Call", "body": body,
                                                            "kind": kind}}
    return [c.detail for c in _checks(entry) if not c.passed and "thanks the buyer for what we sent" in c.detail]


@pytest.mark.parametrize(("record", "contact", "body", "kind"), [
    ("es_opportunity", "0035g00000Es02", "Hola Lucía:\n\nLe agradezco su interés en la estimación de retorno. ¿Le "
     "viene bien el jueves 3 de diciembre a las 16:00?\n\nSaludos,\nMarta", "email"),
    ("de_deal", "702", "Einstieg: Herrn Weber für das Gespräch danken; danach die Amortisationsrechnung kurz "
     "zusammenfassen.\nFrage: Welche Kennzahl braucht er?", "call_script"),
    ("fr_deal", "711", "Ouverture : remercier Claire pour son intérêt pour la proposition.\nQuestion : quel format "
     "préfère-t-elle ?", "call_script"),
])
def test_thanks_for_the_buyers_interest_or_time_next_to_our_document_is_not_thanks_for_our_document(
        record, contact, body, kind):
    assert _thanks_problems(record, contact=contact, body=body, kind=kind) == []


@pytest.mark.parametrize(("record", "contact", "body"), [
    ("es_opportunity", "0035g00000Es02", "Hola Lucía:\n\nGracias por la estimación de retorno, muy útil. ¿Le viene "
     "bien el jueves 3 de diciembre a las 16:00?\n\nSaludos,\nMarta"),
    ("de_deal", "702", "Hallo Herr Weber,\n\nvielen Dank für die Amortisationsrechnung; passt Ihnen Donnerstag, 3. "
     "Dezember, um 14 Uhr?\n\nBeste Grüße\nLena Vogt"),
])
def test_thanks_for_the_estimate_we_sent_is_still_refused(record, contact, body):
    assert _thanks_problems(record, contact=contact, body=body)
