"""Set 41's quality misses, by family, in en/de/fr/es wordings of our own (issue 11, wave 32, qual41), each with the near
miss that must still be refused. Set 41's own drafts are measured, not tested here (no set-41 floor).

- a question the buyer asked on a call, which our note records, left for a product nobody asked about (en-b11);
- "the same price" comparing two options shown side by side, which holds no price for a period (en-g2);
- an offer to shape the document the buyer asked for around their question, which answers it (en-g8);
- a discount refused with a modal verb in German, the verb at the clause's end ("kann ich nicht anbieten": de-g3);
- the buyer's own question quoted before the answer, which is not the draft's ask (fr-g2)."""

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

# --- a question noted from a call, left for a pitch of something nobody asked about -------------------------------------

NOTED = {
    "salesforce_opportunity": None,  # the record as it is: "Tom asked about the rollout order and whether ... two waves"
    "de_deal": "Anruf mit Herrn Weber: Er fragte, ob die 120 Fahrzeuge in zwei Wellen starten können.",
    "fr_deal": "Appel avec Paul : il a demandé si les 6 ateliers peuvent démarrer en deux vagues.",
    "es_opportunity": "Llamada con Lucía: preguntó si los 85 camiones pueden arrancar en dos fases.",
}
"""The record's own call note (salesforce) or, for the others, the inbound e-mail replaced by a call on 16 November in
which the buyer asked about going live in two waves (nothing sent since)."""


def _noted_checks(record: str, contact: str, language: str, body: str, subject: str = "Next steps"):
    raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    if NOTED[record]:
        raw["activities"] = [a for a in raw["activities"] if a.get("direction") != "inbound"] + [
            {"type": "call", "at": "2026-11-16T11:30:00Z", "direction": "outbound", "subject": "Call",
             "body": NOTED[record]}]
    rec = Record.from_dict(raw)
    person = next(c for c in rec.contacts if c.id == contact)
    draft = Draft(to=Recipient(contact_id=contact, name=person.name, email=person.email), channel="email", kind="email",
                  subject=subject, body=body, language=language, tone="friendly")
    ctx = build_context(rec, raw.get("scores"), now=NOW)
    return {c.name: c for c in check_draft_quality(draft, ctx, build_vocabulary(ctx, score_figures=False), SETTINGS)}


PITCHED = [
    ("salesforce_opportunity", "0035g00000Con01", "en",
     "Hi Elena,\n\nWe can also add online payments for your patients; would a demo next week help?\n\nRachel"),
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "Dear Tom,\n\nWe could also offer our marketing newsletter module for the front desk. Shall I show it to you "
     "on a short call?\n\nRachel Kim"),
    ("salesforce_opportunity", "0035g00000Con01", "en",
     "Hi Elena,\n\nWould you like to see our new online patient portal app before the partners meet?\n\nRachel"),
    ("de_deal", "702", "de",
     "Sehr geehrter Herr Weber,\n\nwir können Ihnen zusätzlich unsere Reifendruck-Verwaltung für die Werkstatt "
     "anbieten. Wäre eine Demo nächste Woche hilfreich?\n\nLena Vogt"),
    ("fr_deal", "712", "fr",
     "Bonjour Paul,\n\nNous pouvons aussi vous proposer notre module de paie des techniciens. Une nouvelle "
     "démonstration vous intéresserait-elle ?\n\nHugo Martin"),
    ("es_opportunity", "0035g00000Es02", "es",
     "Estimada Lucía:\n\nPodemos también ofrecerle nuestro control de inventario del almacén. ¿Le vendría bien otra "
     "demo la próxima semana?\n\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), PITCHED)
def test_a_draft_that_leaves_the_question_noted_from_a_call_for_an_unasked_product_ignores_it(record, contact,
                                                                                             language, body):
    check = _noted_checks(record, contact, language, body)["answers_latest_question"]
    assert not check.passed, check.detail
    assert "pitch" in check.detail


TAKEN_UP = [
    # the question taken up, with an add-on beside it: the answer is there
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "Dear Tom,\n\nYes, the 9 clinics can go live in two waves; the revised proposal shows the order. We can also add "
     "online payments later if the partners want them. Would Tuesday suit you to go through it?\n\nRachel Kim"),
    # nothing pitched: a next step on what the record holds (labelled good drafts of this shape exist: g16, h3)
    ("salesforce_opportunity", "0035g00000Con01", "en",
     "Hi Elena,\n\nI can share a short guide on cutting no-shows with reminder texts, the part of the demo your "
     "clinic leads liked most. Would that be useful before Tom's review?\n\nRachel"),
    ("de_deal", "702", "de",
     "Sehr geehrter Herr Weber,\n\nja, die 120 Fahrzeuge können in zwei Wellen starten. Wäre Dienstag für ein kurzes "
     "Gespräch dazu recht?\n\nLena Vogt"),
    ("fr_deal", "712", "fr",
     "Bonjour Paul,\n\nOui, les 6 ateliers peuvent démarrer en deux vagues. Pouvons-nous en parler mardi ?\n\n"
     "Hugo Martin"),
    ("es_opportunity", "0035g00000Es02", "es",
     "Estimada Lucía:\n\nSí, los 85 camiones pueden arrancar en dos fases. ¿Le parece bien que lo veamos el martes?"
     "\n\nMarta Ruiz"),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), TAKEN_UP)
def test_a_draft_that_takes_up_the_noted_question_or_pitches_nothing_passes(record, contact, language, body):
    check = _noted_checks(record, contact, language, body)["answers_latest_question"]
    assert check.passed, check.detail


# --- "the same price" comparing options side by side -------------------------------------------------------------------

SIDE_BY_SIDE = [
    ("hubspot_deal", "502", "en",
     "The proposal is at USD 48,000. If the term matters, I can set out one year and two years side by side, at the "
     "same price."),
    ("hubspot_deal", "502", "en",
     "The proposal stays at USD 48,000; I can compare a one-year and a two-year term for you, both at the same price."),
    ("de_deal", "702", "de",
     "Das Angebot lautet auf 36.000 EUR. Gern stelle ich Ihnen ein und zwei Jahre Laufzeit nebeneinander, zum "
     "gleichen Preis."),
    ("fr_deal", "712", "fr",
     "La proposition est à 28 000 EUR. Je peux vous présenter côte à côte un an et deux ans d'engagement, au même "
     "prix."),
    ("es_opportunity", "0035g00000Es02", "es",
     "La propuesta es de 42.000 EUR. Puedo mostrarle lado a lado un plazo de uno y de dos años, al mismo precio."),
]
GREETING = {"en": "Dear Marcus,\n\n{s} Would that help?\n\nSam Okafor",
            "de": "Sehr geehrter Herr Weber,\n\n{s} Wäre das hilfreich?\n\nLena Vogt",
            "fr": "Bonjour Paul,\n\n{s} Cela vous aiderait-il ?\n\nHugo Martin",
            "es": "Estimada Lucía:\n\n{s} ¿Le sería útil?\n\nMarta Ruiz"}


@pytest.mark.parametrize(("record", "contact", "language", "sentence"), SIDE_BY_SIDE)
def test_the_same_price_for_two_options_shown_side_by_side_holds_no_price(record, contact, language, sentence):
    check = _check(record, GREETING[language].format(s=sentence), "no_unapproved_commitments", contact=contact,
                   language=language)
    assert check.passed, check.detail


HELD = [
    ("hubspot_deal", "502", "en", "The proposal is at USD 48,000, and we keep the same price for the next two years."),
    ("hubspot_deal", "502", "en", "We will hold the price until the end of 2027."),
    ("hubspot_deal", "502", "en",
     "I can set out one year and two years side by side, and the same price holds until 2028."),
    ("hubspot_deal", "502", "en", "The proposal keeps the price the same as last year."),
    ("de_deal", "702", "de", "Der Preis bleibt für drei Jahre gleich."),
    ("fr_deal", "712", "fr", "Je peux comparer un an et deux ans, au même prix jusqu'en 2028."),
    ("es_opportunity", "0035g00000Es02", "es", "El precio se mantiene igual durante tres años."),
    # options at the same price with no amount the text states: a price of the draft's own
    ("hubspot_deal", "502", "en", "I can set out one year and two years side by side, at the same price."),
]


@pytest.mark.parametrize(("record", "contact", "language", "sentence"), HELD)
def test_a_price_held_for_a_period_or_a_same_price_with_no_amount_is_still_refused(record, contact, language,
                                                                                     sentence):
    check = _check(record, GREETING[language].format(s=sentence), "no_unapproved_commitments", contact=contact,
                   language=language)
    assert not check.passed, sentence


# --- an offer to shape the asked-for document around the buyer's question ---------------------------------------------

SHAPED = [
    "Would it help the partners if the proposal showed what each wave involves for the clinics?",
    "Would it be useful if the revised proposal set out which clinics go in each wave?",
    "Would you like the proposal to break the two waves down clinic by clinic?",
]


@pytest.mark.parametrize("question", SHAPED)
def test_offering_to_shape_the_asked_for_document_around_the_question_is_answering_it(question):
    body = (f"Dear Tom,\n\nThe proposal stays at GBP 24,000 for the 9 clinics, in one wave or two. {question} "
            "The revised version arrives by Friday, 27 November.\n\nKind regards,\nRachel Kim")
    check = _check("salesforce_opportunity", body, "asks_only_for_what_is_open", contact="0035g00000Con02")
    assert check.passed, check.detail


@pytest.mark.parametrize("question", [
    "Would you be interested in going live in two waves?",
    "Would it help the partners to know whether the clinics can go live in two waves?",
    "Would it be useful if the clinics could go live in two waves?",
])
def test_asking_again_whether_the_buyer_wants_what_they_asked_about_is_still_refused(question):
    body = (f"Dear Tom,\n\nThe proposal stays at GBP 24,000 for the 9 clinics. {question} "
            "The revised version arrives by Friday, 27 November.\n\nKind regards,\nRachel Kim")
    check = _check("salesforce_opportunity", body, "asks_only_for_what_is_open", contact="0035g00000Con02")
    assert not check.passed, question


@pytest.mark.parametrize(("record", "contact", "question"), [
    # what the record gives as a wish (Marcus wants a payback estimate) and our e-mail already sent: no question of theirs
    ("hubspot_deal", "502", "Would it help if the proposal showed a payback estimate?"),
    # a pain, not a question ("Biggest pain: no-shows")
    ("salesforce_opportunity", "0035g00000Con01", "Would it help if the proposal showed how reminder texts cut no-shows?"),
])
def test_offering_to_show_a_wish_or_a_pain_the_record_holds_is_still_asking_again(record, contact, question):
    body = (f"Dear Tom,\n\nThe proposal follows. {question} The revised version arrives by Friday, 27 November."
            "\n\nKind regards,\nRachel Kim")
    check = _check(record, body, "asks_only_for_what_is_open", contact=contact)
    assert not check.passed, question


# --- a discount refused with the verb at the clause's end ----------------------------------------------------------------

REFUSED_DISCOUNT = [
    ("de_deal", "702", "de", "Einen Nachlass kann ich Ihnen nicht anbieten."),
    ("de_deal", "702", "de",
     "Falls Sie bei 120 Fahrzeugen mit einem Mengennachlass rechnen, möchte ich offen sein: Einen Nachlass kann ich "
     "Ihnen nicht anbieten."),
    ("de_deal", "702", "de", "Einen Nachlass können wir Ihnen leider nicht gewähren."),
    ("de_deal", "702", "de", "Ein Nachlass ist leider nicht möglich."),
    ("de_deal", "702", "de", "Ohne Nachlass bleibt es bei 36.000 EUR."),
    ("hubspot_deal", "502", "en", "No discount is possible on the USD 48,000."),
    ("fr_deal", "712", "fr", "Je ne peux pas vous accorder de remise sur les 6 ateliers."),
    ("es_opportunity", "0035g00000Es02", "es", "No puedo ofrecerle un descuento por los 85 camiones."),
]


@pytest.mark.parametrize(("record", "contact", "language", "sentence"), REFUSED_DISCOUNT)
def test_a_discount_refused_in_any_wording_offers_none(record, contact, language, sentence):
    check = _check(record, GREETING[language].format(s=sentence), "no_unapproved_commitments", contact=contact,
                   language=language)
    assert check.passed, check.detail


@pytest.mark.parametrize("sentence", [
    "Einen Nachlass kann ich Ihnen anbieten.",
    "Einen Nachlass kann ich Ihnen nicht anbieten, aber 5 % sind drin.",
    "Einen Nachlass von 10 % kann ich Ihnen anbieten.",
    "Bei 120 Fahrzeugen lasse ich beim Preis etwas nach.",
    "Einen Nachlass kann ich nicht schriftlich anbieten, nur mündlich.",
])
def test_a_german_discount_offered_or_turned_is_still_refused(sentence):
    check = _check("de_deal", GREETING["de"].format(s=sentence), "no_unapproved_commitments", contact="702",
                   language="de")
    assert not check.passed, sentence


# --- the buyer's own question quoted before the answer ------------------------------------------------------------------

QUOTED = [
    ("fr_deal", "711", "fr",
     "Bonjour Claire,\n\nVous me demandiez : « Pourriez-vous nous envoyer la proposition avec le nombre de licences "
     "pour les 6 ateliers ? » Oui : elle vous parviendra le vendredi 27 novembre. Souhaitez-vous que Paul la reçoive en "
     "même temps ?\n\nBien cordialement,\nHugo Martin"),
    ("de_deal", "701", "de",
     "Sehr geehrte Frau Schmidt,\n\nSie fragten: „Können Sie uns das Angebot für 120 Fahrzeuge bis Ende nächster "
     "Woche schicken?“ Ja, Sie erhalten es am Freitag, 27. November. Soll Herr Weber es gleichzeitig bekommen?\n\n"
     "Mit freundlichen Grüßen\nLena Vogt"),
    ("es_opportunity", "0035g00000Es01", "es",
     "Estimado Javier:\n\nMe preguntaba: «¿Nos puede enviar la propuesta con el calendario de implantación?» Sí, le "
     "llegará el viernes 27 de noviembre. ¿Quiere que Lucía la reciba a la vez?\n\nUn saludo,\nMarta Ruiz"),
    ("hubspot_deal", "501", "en",
     "Hi Dana,\n\nYou asked: \u201cCould you send it by the end of next week?\u201d Yes, the proposal reaches you on "
     "Friday, November 27. Should Marcus get it at the same time?\n\nBest,\nSam Okafor"),
    # straight quotes: the closing one is no opening one
    ("hubspot_deal", "502", "en",
     "Hi Marcus,\n\nYou asked: \"Is there any flexibility on price for a 2-year term?\"\n\nThe proposal stays at "
     "USD 48,000. Could you tell me whether the term matters for your budget?\n\nKind regards,\nSam Okafor"),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), QUOTED)
def test_the_buyers_question_quoted_before_the_answer_is_not_an_ask_of_the_draft(record, contact, language, body):
    check = _check(record, body, "one_clear_call_to_action", contact=contact, language=language)
    assert check.passed, check.detail


@pytest.mark.parametrize(("record", "contact", "language", "body"), [
    ("fr_deal", "711", "fr",
     "Bonjour Claire,\n\nPourriez-vous me confirmer le nombre de licences ? Souhaitez-vous que Paul reçoive la "
     "proposition ? Pouvons-nous en parler mardi ?\n\nHugo Martin"),
    ("hubspot_deal", "501", "en",
     "Hi Dana,\n\nCould you confirm the depots? Should Marcus get it? Can we talk on Tuesday?\n\nSam"),
    # a question of ours in quotation marks is still ours
    ("hubspot_deal", "501", "en",
     "Hi Dana,\n\nOne question for Marcus: \u201cWould Tuesday suit him?\u201d And could you confirm the depots? "
     "Can we talk on Wednesday?\n\nSam"),
])
def test_several_questions_of_the_drafts_own_are_still_too_many(record, contact, language, body):
    check = _check(record, body, "one_clear_call_to_action", contact=contact, language=language)
    assert not check.passed, check.detail
