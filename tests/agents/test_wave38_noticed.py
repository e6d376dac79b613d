"""Wave 38 (helper "noticed38"): holes wave 37's helpers noticed in their own new checks, fixed as families.

1. Done deals and "after": a French or Spanish future ("arrivera", "llegará") is a plan (agents.future_forms); a French
   negation with an elided "ne" ("n'est pas arrivé") and a Spanish one across an auxiliary ("no hemos recibido") deny
   the document (agents.negation); a bare order said to have come in ("the order came in after your decision") is a
   deal stated done (agents.arrived_before_a_time).
2. A courtesy closer ("Let me know if you have any questions", "Melden Sie sich bei Fragen", "Dites-moi si vous avez
   des questions", "Dígame si tiene alguna duda") is no ask the buyer must answer: agents.next_steps.count_asks skips
   it (agents.courtesy_closers), so one real ask and a closer are one ask, and a closer alone is none.
3. A phrase the tenant allows, figures and all ("30 days net", "Zahlungsziel von 30 Tagen netto", "paiement à 30
   jours", "pago a 30 días", "2% early-payment discount"), is read without it by the commercial rules too, in the
   analyst's summary, the strategist's rationale and the draft alike (agents.allowed_phrases, agents.safety): wave 37
   vouched only its figures for the facts check, and "a commercial term (payment terms) no record field vouches for",
   "price talk the record does not anchor" and "discount of 2% offered" still fired in every role.
4. A document delivered in another word order ("Sie erhalten das Angebot", "la proposition vous sera envoyée", "le
   enviaremos la propuesta") is our delivery for agents.delivery_days.delivers_document too (read by asked_by,
   meeting_hours and meeting_proposals), as it already was for promised_delivery_days. A contract is no document we
   write: the day it is sent on stays a date the record must give, in every order.
5. A price fixed in the record's own currency ("the price is fixed in EUR" on a EUR record) is no currency switch
   (agents.indexed_prices reads the record's currency); one fixed in another currency still is, in every role.
6. Another customer whose name opens with a language's name ("English Garden Supplies", "Deutsch Logistik AG") is named
   by that word alone where a text uses it as a company's name: a possessive or after "our customer"
   (agents.language_led_names); "in English", "auf Deutsch", "the English version" stay the language.

Every check here is a rule read on text: the learned screen takes no part in it.
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.catalogue import catalogue_by_name
from agents.deal_done_claims import deal_done_claims
from agents.delivery_days import delivers_document, promised_delivery_days
from agents.models import AnalysisOut, DraftOut, StrategyOut
from agents.normalize import normalise
from agents.other_customers import named_other_customers
from agents.quality import count_asks
from agents.safety import check_analysis, check_draft, check_strategy
from tests.agents.role_matrix import CLOSING, CONTACT, GREETING, ROLES, world

# --- 1. done deals and "after" --------------------------------------------------------------------------------------

ORDER_CAME_IN = [
    "The order came in after your decision.",
    "Dana, your order arrived once the board had decided.",
    "The order has arrived after your decision.",
    "The orders came in when you decided.",
]

HONEST_ARRIVALS = [
    "Le bon de commande arrivera après votre décision.",
    "Nous recevrons le bon de commande après votre décision.",
    "Le contrat vous parviendra après votre décision.",
    "La orden de compra llegará después de su decisión.",
    "Recibiremos la orden de compra después de su decisión.",
    "El contrato le llegará tras su decisión.",
    "Le bon de commande n'est pas arrivé.",
    "Le bon de commande ne nous est pas parvenu.",
    "Nous n'avons pas reçu le bon de commande.",
    "Le contrat n'a pas été signé après votre décision.",
    "No hemos recibido la orden de compra.",
    "La orden de compra no ha llegado.",
    "Die Bestellung ist noch nicht eingegangen.",
    "The order will come in after your decision.",
    "The order has not arrived yet.",
    "We changed the order the sites came in after your decision.",
]


@pytest.mark.parametrize("sentence", ORDER_CAME_IN)
def test_an_order_said_to_have_come_in_is_a_deal_stated_done(sentence):
    assert deal_done_claims(sentence, "open"), sentence


@pytest.mark.parametrize("sentence", HONEST_ARRIVALS)
def test_a_document_to_come_in_a_future_tense_or_denied_is_no_deal_stated_done(sentence):
    assert deal_done_claims(sentence, "open") == [], sentence


@pytest.mark.parametrize("sentence", [
    "Le bon de commande est arrivé après votre décision.",
    "La orden de compra llegó después de su decisión.",
    "Hemos recibido la orden de compra.",
    "La primera orden de compra llegó ayer.",
])
def test_a_document_that_arrived_is_still_a_deal_stated_done_in_french_and_spanish(sentence):
    assert deal_done_claims(sentence, "open"), sentence


def test_a_won_deal_may_say_its_order_came_in():
    assert deal_done_claims("The order came in after your decision.", "won") == []


# --- 4. documents delivered in other word orders --------------------------------------------------------------------

SEND_DAY = date(2026, 12, 7)

OUR_DOCUMENT_IN_OTHER_ORDERS = [
    "The proposal will be sent to you by Friday, December 11.",
    "Sie erhalten das Angebot bis Freitag, 11. Dezember.",
    "Das Angebot geht am Freitag, 11. Dezember raus.",
    "La proposition vous sera envoyée le vendredi 11 décembre.",
    "Nous vous la transmettrons le vendredi 11 décembre, la proposition.",
    "Le enviaremos la propuesta el viernes 11 de diciembre.",
]

A_CONTRACT_IN_EVERY_ORDER = [
    "The contract will be sent to you by Friday, December 11.",
    "Sie erhalten den Vertrag bis Freitag, 11. Dezember.",
    "Vous recevrez le contrat le vendredi 11 décembre.",
    "Le enviaremos el contrato el viernes 11 de diciembre.",
]


@pytest.mark.parametrize("sentence", OUR_DOCUMENT_IN_OTHER_ORDERS)
def test_our_document_delivered_in_another_word_order_is_our_delivery(sentence):
    assert delivers_document(sentence), sentence
    assert promised_delivery_days(sentence, SEND_DAY) == {date(2026, 12, 11)}


@pytest.mark.parametrize("sentence", A_CONTRACT_IN_EVERY_ORDER)
def test_a_contract_sent_on_a_day_is_no_delivery_of_ours_and_its_day_stays_to_be_vouched(sentence):
    assert not delivers_document(sentence), sentence
    assert promised_delivery_days(sentence, SEND_DAY) == frozenset()


def test_a_signed_proposal_asked_back_in_another_order_is_still_no_delivery():
    assert not delivers_document("Sie erhalten das Angebot zurück, sobald Sie es unterschrieben haben.")


# --- 6. a customer whose name opens with a language's name ----------------------------------------------------------

LANGUAGE_LED = ("English Garden Supplies", "Deutsch Logistik AG", "Spanish Harbour Logistics")

NAMED_BY_THE_LANGUAGE_WORD = [
    ("English's team cut its fleet costs by 20% last quarter.", "English Garden Supplies"),
    ("Our customer English cut its fleet costs by 20%.", "English Garden Supplies"),
    ("Unser Kunde Deutsch hat seine Flottenkosten um 20 % gesenkt.", "Deutsch Logistik AG"),
    ("Deutsch's Team hat 20 % gespart.", "Deutsch Logistik AG"),
    ("Notre client English a réduit ses coûts de 20 %.", "English Garden Supplies"),
    ("Nuestro cliente Spanish redujo sus costes un 20 %.", "Spanish Harbour Logistics"),
]

THE_LANGUAGE_ITSELF = [
    "I can write to you in English if you prefer.",
    "The English version of the proposal is attached.",
    "Wir schreiben Ihnen gern auch auf Deutsch.",
    "Vous trouverez la version English ci-jointe.",
    "Adjunto la versión Spanish del contrato, como pidió.",
    "Our customers in Spanish-speaking markets ask for the same.",
]


@pytest.mark.parametrize(("text", "name"), NAMED_BY_THE_LANGUAGE_WORD)
def test_a_customer_named_by_the_language_word_that_opens_its_name_is_another_customer(text, name):
    assert name in named_other_customers(normalise(text), LANGUAGE_LED, frozenset()), text


@pytest.mark.parametrize("text", THE_LANGUAGE_ITSELF)
def test_a_language_named_as_a_language_names_no_customer(text):
    assert named_other_customers(normalise(text), LANGUAGE_LED, frozenset()) == [], text


def test_the_full_name_and_its_leading_words_stay_another_customer():
    assert named_other_customers("Like English Garden, you could save 20%.", LANGUAGE_LED, frozenset()) == [
        "English Garden Supplies"]


def test_a_record_that_uses_the_language_word_itself_names_nobody_by_it():
    assert named_other_customers("Our customer English cut costs.", LANGUAGE_LED, frozenset({"english"})) == []


# --- 5. a price fixed in the record's own currency ------------------------------------------------------------------

FIXED_IN = "a price fixed in a currency"
# the role matrix's records: en in USD, de, fr and es in EUR
OWN_CURRENCY_FIXINGS = [
    ("en", "All amounts in the proposal are fixed in US dollars."),
    ("de", "Alle Preise im Angebot sind in Euro festgelegt."),
    ("de", "Alle Beträge des Angebots sind in Euro festgeschrieben."),
    ("fr", "Tous les prix de la proposition sont libellés en euros."),
    ("fr", "Tous les montants de la proposition sont fixés en euros."),
    ("es", "Todos los precios de la propuesta están denominados en euros."),
]
OTHER_CURRENCY_FIXINGS = [
    ("en", "All amounts in the proposal are fixed in euros."),
    ("en", "The amounts in the proposal are denominated in euros."),
    ("de", "Alle Preise im Angebot sind in US-Dollar festgelegt."),
    ("fr", "Tous les prix de la proposition sont libellés en dollars."),
    ("es", "Todos los precios de la propuesta están denominados en dólares."),
    ("es", "Todos los precios quedan fijados en euros al cambio de hoy."),
]


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize(("lang", "text"), OWN_CURRENCY_FIXINGS)
def test_a_price_fixed_in_the_records_own_currency_is_no_currency_switch(role, lang, text):
    assert ROLES[role](lang, text) == [], text


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize(("lang", "text"), OTHER_CURRENCY_FIXINGS)
def test_a_price_fixed_in_another_currency_or_at_a_rate_is_still_refused(role, lang, text):
    assert any(FIXED_IN in r for r in ROLES[role](lang, text)), ROLES[role](lang, text)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_a_price_said_to_stay_fixed_in_the_records_own_currency_is_still_a_price_lock(role):
    reasons = ROLES[role]("en", "Marcus agreed the price stays fixed in US dollars for the 420 trucks.")
    assert any("price lock" in r for r in reasons), reasons


# --- 2. asks that are no asks ---------------------------------------------------------------------------------------

ONE_ASK_AND_A_CLOSER = [
    "Hi Dana,\n\nCould you send me the seat count for the 6 depots? Let me know if you have any questions.\n\nBest,\nSam",
    "Hi Dana,\n\nWould Tuesday at 10 am work for a call?\n\nPlease let me know if you have any further questions.\n\nSam",
    "Sehr geehrte Frau Schmidt,\n\nwelcher Tag passt Ihnen für einen Anruf? Melden Sie sich bei Fragen.\n\nLena Vogt",
    "Sehr geehrte Frau Schmidt,\n\nkönnen Sie mir die Zahl der Fahrzeuge bestätigen?\n\nBei Fragen geben Sie mir gern "
    "Bescheid.\n\nLena Vogt",
    "Bonjour Claire,\n\nQuel jour vous convient pour un appel ? Dites-moi si vous avez des questions.\n\nHugo Martin",
    "Hola Javier:\n\n¿Qué día le va bien para una llamada? Dígame si tiene alguna duda.\n\nMarta Ruiz",
]

REAL_ASKS = [
    ("Hi Dana,\n\nCould you send the seat count?\n\nSam", 1),
    ("Hi Dana,\n\nLet me know if you have any questions or which day works for a call.\n\nSam", 1),
    ("Hi Dana,\n\nDo you have any questions on the proposal?\n\nSam", 1),
    ("Sehr geehrte Frau Schmidt,\n\nGeben Sie mir bitte Bescheid, welcher Tag Ihnen passt.\n\nLena Vogt", 1),
    ("Bonjour Claire,\n\nDites-moi quel jour vous convient.\n\nHugo Martin", 1),
    ("Hola Javier:\n\nDígame qué día le va mejor.\n\nMarta Ruiz", 1),
]

CLOSER_ALONE = [
    "Hi Dana,\n\nFleet Analytics has a lot to offer fleets like yours. Let me know if you have any questions.\n\nSam",
    "Guten Tag Frau Schmidt,\n\nanbei das Angebot. Melden Sie sich bei Fragen.\n\nLena Vogt",
    "Bonjour Claire,\n\nVoici notre brochure. Dites-moi si vous avez des questions.\n\nHugo Martin",
    "Hola Javier:\n\nLe adjunto nuestro folleto. Dígame si tiene alguna duda.\n\nMarta Ruiz",
]


@pytest.mark.parametrize("body", ONE_ASK_AND_A_CLOSER)
def test_one_ask_and_a_courtesy_closer_are_one_ask(body):
    assert count_asks(body) == 1, body


@pytest.mark.parametrize(("body", "asks"), REAL_ASKS)
def test_a_real_ask_is_still_counted(body, asks):
    assert count_asks(body) == asks, body


@pytest.mark.parametrize("body", CLOSER_ALONE)
def test_a_courtesy_closer_alone_asks_the_buyer_nothing(body):
    assert count_asks(body) == 0, body


# --- 3. standard terms the tenant allows, in every role -------------------------------------------------------------

ALLOWED_TERMS = [
    ("en", "Our standard terms of 30 days net stay as they are.", ("30 days net",)),
    ("en", "Our standard 2% early-payment discount applies.", ("2% early-payment discount",)),
    ("de", "Es gilt unser übliches Zahlungsziel von 30 Tagen netto.", ("Zahlungsziel von 30 Tagen netto",)),
    ("fr", "Nos conditions habituelles de paiement à 30 jours restent inchangées.", ("paiement à 30 jours",)),
    ("es", "Se mantiene nuestro pago a 30 días.", ("pago a 30 días",)),
]


def _in_summary(lang: str, text: str, allowed: tuple[str, ...]) -> list[str]:
    ctx, vocab = world(lang)
    return check_analysis(AnalysisOut(summary=text, engagement_trend="steady", engagement_evidence=[],
                                      risk_indicators=[], buying_signals=[]), ctx, vocab, allowed)


def _in_rationale(lang: str, text: str, allowed: tuple[str, ...]) -> list[str]:
    ctx, vocab = world(lang)
    out = StrategyOut(strategy="value_reinforcement", rationale=text, channel="email", timing="in_2_business_days",
                      discount=None, recipient_contact_id=CONTACT[lang][0])
    return check_strategy(out, ctx, vocab, arm=catalogue_by_name()["value_reinforcement"], max_discount=0.1,
                          allowed_promises=allowed)


def _in_body(lang: str, text: str, allowed: tuple[str, ...]) -> list[str]:
    ctx, vocab = world(lang)
    cid, name = CONTACT[lang]
    owner = (ctx.record.owner.name if ctx.record.owner and ctx.record.owner.name else "Sam").split()[0]
    body = f"{GREETING[lang].format(n=name)}\n\n{text}\n\n{CLOSING[lang].format(o=owner)}"
    return check_draft(DraftOut(to_contact_id=cid, subject="Next steps", body=body), ctx, vocab,
                       approved_discount=None, allowed_promises=allowed, language=lang, learned_screen=False)


IN_EVERY_ROLE = pytest.mark.parametrize("role", [_in_summary, _in_rationale, _in_body],
                                        ids=["analyst summary", "strategist rationale", "writer body"])


@IN_EVERY_ROLE
@pytest.mark.parametrize(("lang", "text", "allowed"), ALLOWED_TERMS)
def test_a_term_the_tenant_allows_passes_every_role(role, lang, text, allowed):
    assert role(lang, text, allowed) == [], role(lang, text, allowed)


@IN_EVERY_ROLE
@pytest.mark.parametrize(("lang", "text", "allowed"), ALLOWED_TERMS)
def test_the_same_term_without_the_setting_or_with_another_figure_is_still_refused(role, lang, text, allowed):
    assert role(lang, text, ())
    assert role(lang, text.replace("30", "90").replace("2%", "9%"), allowed)


@IN_EVERY_ROLE
def test_an_allowed_term_vouches_nothing_else_in_its_sentence(role):
    reasons = role("en", "Our standard terms of 30 days net stay as they are, with a 10% discount on top.",
                   ("30 days net",))
    assert any("discount" in r for r in reasons), reasons
