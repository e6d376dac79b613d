"""Set 35's good drafts refused by the quality checks (wave 26, in-sample), as kinds in wordings of our own in four
languages: a rep's guidance not to talk price, a document a person of the deal receives on a coming day, a script's
"Next step: offer <day>", a question how a document reaches a person, and the draft handed to the colleague the record
names for the next step. Each with look-alikes that must still be refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents.context import build_context
from agents.handed_steps import handed_step
from agents.known_record import asks_again
from agents.next_steps import script_asks
from agents.price_talk import unanchored_price_talk
from agents.stated_steps import stated_step
from integrations.base import Activity
from tests.agents.conftest import NOW, load_record
from tests.agents.test_stated_steps_and_short_replies import _check

GUIDANCE = [
    "Do not: talk price before Marcus has seen the proposal.", "Avoid talking about discounts on this call.",
    "Don't bring up pricing.", "Never offer a discount.", "No need to discuss the price today.",
    "Nicht über den Preis sprechen.", "Keine Rabatte anbieten.", "Rabatte nicht ansprechen.",
    "Vermeiden: über Nachlässe reden.", "Über den Preis nicht reden.",
    "Ne pas parler de prix.", "Ne jamais proposer de remise.", "Éviter : aborder les tarifs.",
    "Ne pas évoquer de rabais.",
    "Éviter : parler du prix avant que Paul ait vu la proposition.",
    "No hablar del precio todavía.", "Nunca ofrecer descuentos.", "Evitar: mencionar las tarifas.",
    "No mencionar el precio hasta que Javier vea la propuesta.", "Evitar: sacar el tema del precio.",
]


CONCESSION_READS: set[str] = set()
"""Guidance the concession checks still read as moving the price. Wave 26 left three ("Don't bring up pricing.",
"Never offer a discount.", "Ne jamais proposer de remise."); wave 27 takes guidance lines out before every commercial
check (agents.price_guidance.without_price_guidance), so none is left."""


def _script_check(line: str, name: str = "no_unapproved_commitments"):
    body = f"Goal: learn which depots go first.\nAsk: which depot starts in January?\n{line}"
    return _check("hubspot_deal", body, name, kind="call_script")


@pytest.mark.parametrize("line", GUIDANCE)
def test_guidance_not_to_talk_price_is_no_price_talk(line):
    assert unanchored_price_talk(line) == []
    assert _script_check(line).passed is (line not in CONCESSION_READS)


STILL_PRICE_TALK = [
    "Don't worry about the price: 20% off.", "No need to discuss the discount, it's 15%.",
    "Don't mention the free months we add.", "Never talk price: we cut it for you anyway.",
    "Don't pay until March.", "Kein Rabatt nötig, Sie zahlen weniger.",
    "Nicht über den Preis reden, wir geben Ihnen einen Nachlass.", "Ne parlez pas de remise, nous vous offrons 10 %.",
    "Inutile de parler du prix : il baisse pour vous.", "No hablar de descuento: le hacemos un precio especial.",
    "No se preocupe por el precio, le rebajamos la cuota.",
    "Don't discuss the discount yet, it stays between us until you sign and the invoice goes out in January.",
]


@pytest.mark.parametrize("line", STILL_PRICE_TALK)
def test_price_said_behind_a_negation_is_still_price_talk(line):
    # the discount checks read a percentage ("it's 15%") and a won deal ("the invoice goes out") before this one does
    assert not _script_check(line).passed, line


RECEIVED = {
    "en-receives": ("hubspot_deal", "Hi Dana,\n\nYou asked about the two rollout waves. The proposal Marcus receives "
                    "on Friday, November 27 lays both waves out depot by depot.\n\nBest,\nSam"),
    "en-will-get": ("hubspot_deal", "Hi Dana,\n\nThanks for the note. Marcus will get the revised proposal on Thursday, "
                    "with the six depots priced separately.\n\nBest,\nSam"),
    "de-erhaelt": ("de_deal", "Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht. Das Angebot, das Herr Weber am "
                   "Freitag, 27. November, erhält, nennt die Kosten für alle 120 Fahrzeuge.\n\nBeste Grüße\nLena Vogt"),
    "de-bekommt": ("de_deal", "Hallo Frau Schmidt,\n\ndanke für die Rückmeldung. Herr Weber bekommt den "
                   "Vertragsentwurf am Donnerstag.\n\nBeste Grüße\nLena Vogt"),
    "fr-recevra": ("fr_deal", "Bonjour Claire,\n\nMerci pour votre message. Paul recevra la proposition le jeudi 26 "
                   "novembre, avec le coût par atelier.\n\nBien cordialement,\nHugo Martin"),
    "fr-recoit": ("fr_deal", "Bonjour Claire,\n\nBien noté. Le devis que Paul reçoit vendredi reprend les 6 "
                  "ateliers.\n\nBien cordialement,\nHugo Martin"),
    "es-recibe": ("es_opportunity", "Hola Javier:\n\nGracias por el aviso. La propuesta que Lucía recibe el viernes "
                  "incluye el calendario de implantación.\n\nSaludos,\nMarta"),
    "es-recibira": ("es_opportunity", "Hola Javier:\n\nDe acuerdo. Lucía recibirá el presupuesto el jueves 26 de "
                    "noviembre con los 85 camiones.\n\nSaludos,\nMarta"),
}


@pytest.mark.parametrize("case", sorted(RECEIVED))
def test_a_document_a_person_receives_on_a_coming_day_is_a_next_step(case):
    record, body = RECEIVED[case]
    check = _check(record, body, "one_clear_call_to_action")
    assert check.passed, check.detail


NOT_RECEIVED_STEP = {
    "en-received-past": ("hubspot_deal", "Hi Dana,\n\nThanks for the note. Marcus received the proposal on Friday, "
                         "November 20, with the six depots priced separately.\n\nBest,\nSam"),
    "en-no-day": ("hubspot_deal", "Hi Dana,\n\nThanks for the note. Marcus receives the proposal with the six depots "
                  "priced separately.\n\nBest,\nSam"),
    "en-habit": ("hubspot_deal", "Hi Dana,\n\nThanks for the note. Marcus receives our price sheet and the proposal "
                 "updates every Friday.\n\nBest,\nSam"),
    "de-erhielt": ("de_deal", "Hallo Frau Schmidt,\n\nvielen Dank. Herr Weber erhielt das Angebot letzte Woche am "
                   "Freitag.\n\nBeste Grüße\nLena Vogt"),
    "fr-a-recu": ("fr_deal", "Bonjour Claire,\n\nMerci. Paul a reçu la proposition vendredi dernier, avec le coût par "
                  "atelier.\n\nBien cordialement,\nHugo Martin"),
    "es-recibio": ("es_opportunity", "Hola Javier:\n\nGracias. Lucía recibió la propuesta el viernes pasado con el "
                   "calendario de implantación.\n\nSaludos,\nMarta"),
    "es-no-thing": ("es_opportunity", "Hola Javier:\n\nGracias. Lucía recibe el jueves a sus clientes de Sevilla, "
                    "así que la reunión queda para otro momento.\n\nSaludos,\nMarta"),
}


@pytest.mark.parametrize("case", sorted(NOT_RECEIVED_STEP))
def test_a_past_or_undated_or_habitual_receipt_is_no_next_step(case):
    record, body = NOT_RECEIVED_STEP[case]
    check = _check(record, body, "one_clear_call_to_action")
    assert not check.passed, check.detail


@pytest.mark.parametrize("line", [
    "Next step: offer Tuesday, 1 December at 11:00 to go through it.", "Offer: Wednesday, December 2 at 10 am.",
    "Suggest: Thursday afternoon for the walkthrough.", "Nächster Schritt: Mittwoch, 2. Dezember, 10 Uhr anbieten.",
    "Prochaine étape : offrir le jeudi 3 décembre à 10 h.", "Siguiente paso: ofrecer el miércoles 2 de diciembre a las 11:00.",
    "Suggérer : mardi prochain à 14 h.", "Sugerir: el jueves a las 10.",
])
def test_a_script_line_offering_a_time_is_an_ask(line):
    assert script_asks(f"Goal: learn which depots go first.\n{line}") == 1


@pytest.mark.parametrize("line", [
    "Offer: a discount if she pushes.", "Next step: offer help with the security questionnaire.",
    "Ofrecer: ayuda con el cuestionario.", "Anbieten: Unterstützung beim Rollout.", "Suggérer : un autre interlocuteur.",
    "Listen for: whether Tom has a date with the partners.",
])
def test_a_script_line_offering_no_time_asks_nothing(line):
    assert script_asks(f"Goal: learn which depots go first.\n{line}") == 0


def _ctx(name: str, note: str | None = None):
    record, scores = load_record(name)
    if note:
        note_activity = Activity(type="note", at="2026-11-20T09:00:00Z", subject="Next steps", body=note)
        record = replace(record, activities=(*record.activities, note_activity))
    return build_context(record, scores, now=NOW)


@pytest.mark.parametrize("question", [
    "Check: should Marcus get his own copy for the budget review?", "Should Marcus be copied directly for the review?",
    "Soll Herr Weber die Amortisationsrechnung direkt bekommen?",
])
def test_how_a_document_reaches_a_person_is_a_new_question(question):
    record = "de_deal" if "Weber" in question else "hubspot_deal"
    assert asks_again(question, _ctx(record)) == []


@pytest.mark.parametrize("question", [
    "Does Marcus need the proposal before the December budget review?",
    "Check: does Marcus need the proposal before the budget review?",
])
def test_asking_again_what_the_record_holds_is_still_flagged(question):
    assert asks_again(question, _ctx("hubspot_deal"))


HANDED = [
    ("hubspot_deal", "501", None, "I am copying Marcus, as the budget review runs through him."),
    ("hubspot_deal", "501", None, "I've copied Priya in, since the security review sits with her."),
    ("salesforce_opportunity", "0035g00000Con01", None, "I'm copying Tom, as the partners' review runs through him."),
    ("de_deal", "701", "Jonas Weber prüft das Angebot mit der Geschäftsführung.",
     "Ich setze Herrn Weber in Kopie, da die Prüfung bei ihm liegt."),
    ("fr_deal", "711", "Paul doit valider la proposition avec la direction.",
     "Je mets Paul en copie, car la validation passe par lui."),
    ("es_opportunity", "0035g00000Es01", "Lucía tiene que aprobar la propuesta con dirección.",
     "Pongo a Lucía en copia, ya que la aprobación pasa por ella."),
]


@pytest.mark.parametrize(("record", "to", "note", "sentence"), HANDED)
def test_copying_the_colleague_who_owns_the_recorded_step_is_a_next_step(record, to, note, sentence):
    body = f"Hello,\n\nThe proposal answers the rollout question. {sentence}\n\nBest,\nSam"
    assert handed_step(body, _ctx(record, note), to)
    assert stated_step(body, _ctx(record, note), to)


NOT_HANDED = [
    ("salesforce_opportunity", "0035g00000Con01", None, "I'm copying Tom."),  # no step given
    ("salesforce_opportunity", "0035g00000Con01", None, "I'm copying Tom, who enjoyed the demo."),
    ("hubspot_deal", "501", None, "I'm copying Sarah, as the budget review runs through her."),  # not on record
    ("hubspot_deal", "502", None, "I am copying Marcus, as the budget review runs through him."),  # the recipient
    ("de_deal", "701", None, "Ich setze Herrn Weber in Kopie, da die Prüfung bei ihm liegt."),  # record holds no step
    ("fr_deal", "711", "Paul doit valider la proposition avec la direction.", "Paul a reçu la proposition, merci."),
    ("es_opportunity", "0035g00000Es01", "Lucía tiene que aprobar la propuesta con dirección.",
     "Lucía ya conoce la aprobación de la propuesta."),  # no copy
]


@pytest.mark.parametrize(("record", "to", "note", "sentence"), NOT_HANDED)
def test_a_copy_without_the_recorded_owner_of_a_step_is_no_step(record, to, note, sentence):
    body = f"Hello,\n\nThe proposal answers the rollout question. {sentence}\n\nBest,\nSam"
    assert handed_step(body, _ctx(record, note), to) is None
