"""Set 51's quality miss and good drafts refused, by family, in other wordings and languages than the set's (wave 39,
qual51).

Each family is tested as the user (an honest draft passes) and as the adversary (the same shape with the defect stays
flagged; bad drafts of earlier sets are measured with tests.agents.measure_heldout). The tests' clock is Wednesday,
25 November 2026; the buyers asked for the proposal by Friday, 27 November.
"""

from __future__ import annotations

import json

import pytest

from agents.blamed_buyer import blamed_buyer
from agents.context import build_context
from agents.german_nouns import unnamed_claims
from agents.late_promises import late_promises
from agents.next_steps import count_asks
from agents.price_talk import unanchored_price_talk
from agents.recalled_calls import unrecorded_phone_calls
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.quality_probe import named_check, record_context

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}

# --- a month before a figure makes it a day of the month, not an hour of the night ---

@pytest.mark.parametrize("slot", [
    "Wednesday, December 2 in the morning",
    "Friday, Dec 4 in the morning",
    "Monday, December 7 in the morning",
])
def test_a_morning_on_a_dated_day_is_no_meeting_before_dawn(slot):
    body = (f"Hi Dana,\n\nThe proposal for your 420 trucks will be with you on Friday, November 27.\n\nCould we go "
            f"through it on {slot}?\n\nBest regards,\nSam Okafor")
    assert named_check("hubspot_deal", body, "meeting_in_business_hours").passed, slot


@pytest.mark.parametrize("slot", [
    "Friday, December 4 at 6 in the morning",
    "December 4 at five in the morning",
    "Friday at 3 in the morning",
])
def test_an_hour_before_dawn_on_a_dated_day_is_still_outside_business_hours(slot):
    body = (f"Hi Dana,\n\nThe proposal for your 420 trucks will be with you on Friday, November 27.\n\nCould we go "
            f"through it on {slot}?\n\nBest regards,\nSam Okafor")
    assert not named_check("hubspot_deal", body, "meeting_in_business_hours").passed, slot


# --- a count asked only if it changed is a check-in, not a re-ask ---

CHANGED_COUNTS = [
    ("en", "Should the number of trucks have changed since October, please let me know."),
    ("de", "Falls sich die Anzahl der Fahrzeuge seit der Demo geändert hat, sagen Sie mir bitte Bescheid."),
    ("fr", "Si le nombre d'ateliers a changé depuis la démo, merci de me le dire."),
    ("es", "Si el número de camiones ha cambiado desde la demo, podría indicármelo."),
]
RE_ASKED_COUNTS = [
    ("en", "Could you confirm the number of trucks across your depots?"),
    ("de", "Können Sie mir bitte die Anzahl der Fahrzeuge nennen?"),
    ("fr", "Pourriez-vous m'indiquer le nombre d'ateliers concernés ?"),
    ("es", "¿Podría indicarme el número de camiones de su flota?"),
]


def _asks_the_record(lang: str, sentence: str) -> bool:
    return not named_check(RECORD[lang], sentence, "asks_only_for_what_is_open", language=lang).passed


@pytest.mark.parametrize(("lang", "sentence"), CHANGED_COUNTS)
def test_a_count_asked_only_if_it_has_changed_asks_nothing_the_record_holds(lang, sentence):
    assert not _asks_the_record(lang, sentence), sentence


@pytest.mark.parametrize(("lang", "sentence"), RE_ASKED_COUNTS)
def test_a_count_the_record_gives_asked_outright_is_still_an_ask_again(lang, sentence):
    assert _asks_the_record(lang, sentence), sentence


# --- a request that waits on a change or the buyer's wish is no second ask ---

@pytest.mark.parametrize("body", [
    "Would Tuesday at 10 am work? If your fleet size has changed, just let me know if I should rework the quote.",
    "Passt Ihnen Dienstag um 10 Uhr? Sollte sich an den Standorten etwas geändert haben, sagen Sie mir bitte Bescheid.",
    "Seriez-vous disponible mardi à 10 h ? Si vous souhaitez que nous ajoutions un atelier, dites-moi.",
    "¿Le va bien el martes a las 10:00? Si prefiere que incluyamos otra sede, avíseme.",
])
def test_a_request_only_if_something_changed_or_is_wanted_is_not_a_second_ask(body):
    assert count_asks(body) == 1, body


@pytest.mark.parametrize("body", [
    "Passt Ihnen Dienstag um 10 Uhr? Wenn Sie die Liste schicken könnten, geben Sie mir Bescheid.",
    "Would Tuesday at 10 am work? If the budget has changed, let me know when you can share it.",
    "Would Tuesday at 10 am work? Let me know whether Marcus joins.",
    "Passt Ihnen Dienstag um 10 Uhr? Bitte sagen Sie mir, ob Herr Weber dabei ist.",
    "¿Le va bien el martes a las 10:00? Si algo ha cambiado, dígame qué día prefiere.",
])
def test_a_second_request_that_asks_in_any_case_is_still_counted(body):
    assert count_asks(body) == 2, body


# --- the buyer's own deliberation and a fleet's dispatch are no invented things ---

@pytest.mark.parametrize("sentence", [
    "Danke, dass Sie sich nach Ihrer Rücksprache mit Herrn Weber gemeldet haben.",
    "Nach Ihrer Besprechung am Montag schicke ich das Angebot.",
    "Die Einweisung Ihrer Tourendisposition planen wir für Januar.",
    "Gern warte ich Ihre Budgetabstimmung ab.",
])
def test_a_german_draft_may_name_the_buyer_s_deliberation_and_dispatch(sentence):
    assert unnamed_claims(sentence, record_context("de_deal")) == [], sentence


@pytest.mark.parametrize("sentence", [
    "Das Angebot deckt auch Ihre Kühlfahrzeuge ab.",
    "Die Anbindung an Ihr Tankkartensystem ist enthalten.",
    "Ihre Reifendruckmodule binden wir mit ein.",
])
def test_a_german_draft_still_may_not_give_the_buyer_things_the_record_never_names(sentence):
    assert unnamed_claims(sentence, record_context("de_deal")), sentence


# --- a purpose clause in which the buyer has the document gives the delivery's day ---

LATE_BY_PURPOSE = [
    ("en", "I am polishing the proposal so that you have it on Wednesday, December 9."),
    ("de", "Ich stelle das Angebot noch fertig, damit Sie es am Mittwoch, 9. Dezember, haben."),
    ("fr", "Je termine la proposition pour que vous l'ayez le mercredi 9 décembre."),
    ("es", "Estoy cerrando la propuesta para que la tengan el miércoles 9 de diciembre."),
]
ON_TIME_BY_PURPOSE = [
    ("en", "I am polishing the proposal so that you have it on Friday, November 27."),
    ("de", "Ich stelle das Angebot noch fertig, damit Sie es am Freitag, 27. November, haben."),
    ("fr", "Je vous envoie la proposition le vendredi 27 novembre, afin que vous puissiez décider le 22 décembre."),
    ("es", "Le envío la propuesta el viernes 27 de noviembre, para que la tengan antes de la reunión del 3 de diciembre."),
]


ASKED_BY_FRIDAY = {
    "fr": "Pourriez-vous nous envoyer la proposition avant le vendredi 27 novembre ? Cordialement, Claire Dubois",
    "es": "¿Nos puede enviar la propuesta antes del viernes 27 de noviembre? Un saludo, Javier García",
}
"""The French and Spanish records' buyers name no day; here they ask for Friday 27 November as Dana and Frau Schmidt
do."""


def asking_by_friday(lang: str):
    """The context of a record whose buyer's latest ask wants the proposal by Friday, 27 November."""
    if lang not in ASKED_BY_FRIDAY:
        return record_context(RECORD[lang])
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    for activity in raw["activities"]:
        if activity.get("direction") == "inbound":
            activity["body"] = ASKED_BY_FRIDAY[lang]
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


@pytest.mark.parametrize(("lang", "sentence"), LATE_BY_PURPOSE)
def test_a_document_the_buyer_has_only_after_their_day_is_a_late_promise(lang, sentence):
    assert late_promises(sentence, asking_by_friday(lang), NOW.date()), sentence


@pytest.mark.parametrize(("lang", "sentence"), ON_TIME_BY_PURPOSE)
def test_a_document_on_time_with_a_later_reason_is_no_late_promise(lang, sentence):
    assert late_promises(sentence, asking_by_friday(lang), NOW.date()) == [], sentence


# --- a price named as a topic (payment terms asked about, an amount the buyer books by site, a heading) ---

@pytest.mark.parametrize("sentence", [
    "If you have any questions about the payment terms, I am happy to answer them.",
    "Si tiene dudas sobre las condiciones de pago, se las aclaro con gusto.",
    "Vous pourrez ainsi répartir le montant entre les ateliers.",
    "That way you can allocate the amount depot by depot.",
    "So können Sie den Betrag je Standort verbuchen.",
    "Así podrá imputar el importe por taller.",
    "Pricing and payment terms",
    "Preis und Zahlungsbedingungen",
    "Prix et modalités de paiement",
    "Coste anual y condiciones de pago",
])
def test_a_price_named_only_as_a_topic_is_no_price_talk(sentence):
    assert unanchored_price_talk(sentence) == [], sentence


@pytest.mark.parametrize("sentence", [
    "If you have questions about the payment terms, we can move the first invoice to March.",
    "Vous pourrez imputer le montant réduit atelier par atelier.",
    "Lower price and free setup",
    "Prix spécial et paiement en 2027",
    "You can allocate the cost per depot, and we waive the setup fee.",
    "So können Sie den Betrag je Standort verbuchen, wir berechnen die Einrichtung nicht.",
    "Si tiene dudas sobre la forma de pago, le ofrecemos pagar en marzo.",
])
def test_a_price_moved_or_stated_beside_the_topic_is_still_price_talk(sentence):
    assert unanchored_price_talk(sentence), sentence


# --- a request waiting on a change is the draft's one ask when it asks nothing else ---

@pytest.mark.parametrize("body", [
    "Hi Dana,\n\nThe proposal follows on Friday. If you want us to change the fuel price it assumes, tell me by "
    "Thursday and I will update it.\n\nBest,\nSam",
    "Guten Tag Frau Schmidt,\n\ndas Angebot kommt am Freitag. Falls sich die Dieselpreise geändert haben, geben Sie "
    "mir bitte kurz Bescheid.\n\nFreundliche Grüße\nLena Vogt",
])
def test_a_request_waiting_on_a_change_alone_is_still_one_ask(body):
    assert count_asks(body) == 1, body


# --- the buyer's people said to work badly or their process to drag is reproach, whatever the noun ---

@pytest.mark.parametrize("sentence", [
    "Ihre Tourenplanung arbeitet sichtlich ineffizient, das ändert unser Angebot.",
    "Since your internal review dragged on for weeks, the ball is now in our court.",
    "Vos validations internes ont traîné en longueur, mais la proposition arrive.",
    "Su departamento de compras es caótico, pero la propuesta llega el viernes.",
])
def test_the_buyer_s_people_called_inefficient_or_slow_is_blame(sentence):
    assert blamed_buyer(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Nach Ihrer internen Abstimmung schicke ich das Angebot.",
    "Idling at your depots is inefficient and costs fuel.",
    "The training for your dispatch team is part of the plan.",
])
def test_the_buyer_s_process_or_pain_named_without_blame_passes(sentence):
    assert blamed_buyer(sentence) == [], sentence


# --- what a record person confirmed on a call the record does not hold is a call recalled ---

@pytest.mark.parametrize(("record", "contact", "sentence"), [
    ("fr_deal", "711", "Paul m'a confirmé par téléphone que le budget est validé."),
    ("es_opportunity", "0035g00000Es01", "Javier me confirmó por teléfono que el presupuesto está aprobado."),
    ("de_deal", "701", "Herr Weber hat mir am Telefon gesagt, dass das Budget steht."),
])
def test_a_confirmation_heard_on_a_call_the_record_lacks_is_refused(record, contact, sentence):
    assert unrecorded_phone_calls(sentence, record_context(record), contact), sentence


@pytest.mark.parametrize(("record", "contact", "sentence"), [
    ("hubspot_deal", "501", "Dana confirmed by email on November 18 that security signed off."),
    ("hubspot_deal", "501", "I will confirm the slot by phone on Tuesday."),
    ("de_deal", "701", "Ich bestätige Ihnen den Termin gern telefonisch."),
])
def test_a_confirmation_by_mail_or_a_call_to_come_recalls_no_call(record, contact, sentence):
    assert unrecorded_phone_calls(sentence, record_context(record), contact) == [], sentence
