"""Set 50's good drafts the quality checks still refused after wave 38, by family, in wordings and languages other
than the set's (wave 39, qgood39): an amount tied to one year beside another term, "a year" as an amount's unit, a
bare thanks for the go-ahead, and an amount said to stay the one discussed.

Each family is tested as the user (an honest draft passes; these fail on the code before wave 39) and as the
adversary (the same shape with the defect stays flagged: an amount spread over years, a price held for a period, an
approval the record does not state, a price moved or held with no figure). The tests' clock is Wednesday, 25 November
2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.approvals import unvouched_approvals
from agents.concepts import concept_violations
from agents.german_nouns import unnamed_claims
from agents.price_talk import unanchored_price_talk
from agents.restated_amounts import restated_amounts
from agents.thanked_events import unrecorded_occasions
from agents.thanks import thanks_problems
from tests.agents.quality_probe import record_context

# --- an amount tied to one year, and another term offered beside it ---

@pytest.mark.parametrize("sentence", [
    "The proposal lists the annual price of USD 48,000 and, in an appendix, how a three-year term would compare.",
    "You will see USD 48,000 a year and, further down, what a 2-year agreement would mean for Marcus's budget.",
    "Das Angebot nennt den Jahrespreis von 36.000 EUR und, im Anhang, was eine Laufzeit von drei Jahren bedeuten würde.",
    "Vous y trouverez le prix annuel de 28 000 EUR et, en annexe, ce que changerait un engagement de trois ans.",
    "Verá el precio anual de 42.000 EUR y, en un anexo, lo que supondría un contrato de dos años.",
])
def test_a_yearly_amount_beside_a_longer_term_the_buyer_asked_about_is_no_restatement(sentence):
    assert restated_amounts(sentence) == []


@pytest.mark.parametrize("sentence", [
    "USD 48,000 a year and the same for a 2-year term.",
    "The one-year price of USD 48,000 also covers a 2-year term.",
    "The USD 48,000 covers all three years.",
    "The annual price of USD 48,000 and the 3-year price of USD 48,000 are both in the proposal.",
    "Der Jahrespreis von 36.000 EUR und ebenso für drei Jahre.",
    "28 000 EUR par an et la même chose sur trois ans.",
    "42.000 EUR al año y también para tres años.",
    "Los 42.000 EUR son el precio total de tres años.",
])
def test_an_amount_carried_over_several_years_is_still_a_restatement(sentence):
    assert restated_amounts(sentence)


# --- "a year" after an amount is its unit, not a period the price is held for ---

@pytest.mark.parametrize("sentence", [
    "The price remains USD 48,000 per year for all 420 trucks.",
    "Our price stays at USD 48,000 each year for the 420 trucks.",
    "Our price remains at $48,000/year.",
    "The price stays at USD 48,000 a year, whatever the add-on costs.",
])
def test_a_price_that_stays_at_the_records_yearly_amount_holds_nothing_for_a_period(sentence):
    assert concept_violations(sentence, ()) == []


@pytest.mark.parametrize("sentence", [
    "Our price stays at USD 48,000 a year until 2028.",
    "Our price stays at USD 48,000 a year for three years.",
    "The price stays at USD 48,000 per year, locked for the next 2 years.",
    "Our price stays the same for a year.",
])
def test_a_price_held_until_a_day_or_for_years_is_still_a_promise_outside_policy(sentence):
    assert any("price held for a period" in r for r in concept_violations(sentence, ()))


# --- a bare thanks for the go-ahead repeats the approval the buyer wrote ---

@pytest.mark.parametrize("sentence", ["Thank you for the go-ahead.", "Thanks for the green light."])
def test_thanks_for_a_go_ahead_that_names_nothing_passes_when_the_buyer_wrote_an_approval(sentence):
    # Dana wrote on November 18: "security signed off on our side"
    assert unvouched_approvals(sentence, record_context("hubspot_deal")) == []


@pytest.mark.parametrize(("record", "sentence"), [
    ("hubspot_deal", "Thanks for the go-ahead on the budget."),
    ("hubspot_deal", "Thank you for the green light on the whole rollout."),
    ("salesforce_opportunity", "Thanks for the go-ahead."),  # Elena and Tom wrote no approval
    ("fr_deal", "Merci pour votre feu vert."),
    ("es_opportunity", "Gracias por la luz verde."),
])
def test_a_go_ahead_on_something_named_or_on_a_record_with_no_approval_is_still_refused(record, sentence):
    assert unvouched_approvals(sentence, record_context(record))


# --- an amount said to stay the one discussed names no new price ---

@pytest.mark.parametrize("sentence", [
    "Le montant total reste celui que nous avons évoqué, avec le détail par atelier en annexe.",
    "The annual amount stays the one we discussed.",
    "El importe anual sigue siendo el que comentamos.",
    "Le montant ne change pas.",
    "Der Preis bleibt der vereinbarte.",
    "El precio se mantiene como lo hablamos.",
    "Our price stays as agreed.",
])
def test_an_amount_said_to_stay_as_discussed_is_no_unanchored_price_talk(sentence):
    assert unanchored_price_talk(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Le montant reste celui dont nous avons parlé jusqu'en 2028.",
    "Le montant reste le même avec deux ateliers de plus.",
    "Le montant reste négociable.",
    "El precio sigue siendo el mismo, menos un 10 %.",
    "The price stays the same, but setup is free.",
    "The amount stays the one we discussed for three years.",
    "Le prix sera ajusté.",
])
def test_an_amount_held_moved_or_given_more_with_no_figure_is_still_price_talk(sentence):
    assert unanchored_price_talk(sentence)


# --- questions settled are no bill settled (q26-en-g1, refused since set 26) ---

@pytest.mark.parametrize("sentence", [
    "Let us meet on Monday so the last details are settled before your review.",
    "We can settle open questions with Marcus on that call.",
    "Nous pourrons régler les questions ouvertes lors de l'appel.",
    "Any remaining points will be settled before the budget review.",
])
def test_questions_or_details_settled_are_no_price_talk(sentence):
    assert unanchored_price_talk(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Once the invoice is settled we start.",
    "Please settle the balance before go-live.",
    "Réglez la facture avant le 30.",
    "The questions are settled, and the price is lower.",
    "Questions are settled and you pay 20% less.",
])
def test_a_bill_settled_or_a_price_beside_settled_questions_is_still_price_talk(sentence):
    assert unanchored_price_talk(sentence)


# --- our suggestions are words of the conversation, in the plural too (q26-de-g3, refused since set 26) ---

@pytest.mark.parametrize("sentence", [
    "Im Angebot finden Sie auch unsere Vorschläge zur Tourenplanung.",
    "Zu Ihren Vorschlägen vom Telefonat melde ich mich bis Freitag.",
])
def test_suggestions_in_the_plural_are_no_thing_the_record_must_name(sentence):
    assert unnamed_claims(sentence, record_context("de_deal")) == []


@pytest.mark.parametrize("sentence", [
    "Das Angebot deckt auch Ihre Kühlfahrzeuge ab.",
    "Im Angebot sind unsere Reifendruckmodule enthalten.",
])
def test_an_invented_thing_of_the_buyer_or_ours_is_still_refused(sentence):
    assert unnamed_claims(sentence, record_context("de_deal"))


# --- a welcome dated by the words after it, not by the message thanked for first (q40-fr-g7, refused since set 40) ---

SEND_DAY = date(2026, 11, 25)


@pytest.mark.parametrize(("record", "sentence"), [
    ("hubspot_deal", "Thanks for your email of November 18 and for hosting us at the demo on October 8."),
    ("es_opportunity", "Gracias por su correo del 18 de noviembre y por recibirnos en la demo del 27 de octubre."),
    ("fr_deal", "Merci pour votre réponse du 19 novembre, et merci de nous avoir accueillis le 21 octobre."),
])
def test_a_welcome_at_the_recorded_demo_after_a_dated_message_passes(record, sentence):
    assert unrecorded_occasions(sentence, record_context(record), SEND_DAY) == []


@pytest.mark.parametrize(("record", "sentence"), [
    ("hubspot_deal", "Thanks for your email of November 18 and for hosting us at your depot on November 2."),
    ("es_opportunity", "Gracias por su correo del 18 de noviembre y por recibirnos en sus oficinas el 3 de noviembre."),
    ("fr_deal", "Merci pour votre message du 19 novembre et pour votre accueil dans vos ateliers le 10 novembre."),
    ("fr_deal", "Merci pour votre message du 19 novembre et pour la visite de vos ateliers."),
])
def test_a_welcome_on_a_day_or_at_a_place_the_record_does_not_hold_is_still_refused(record, sentence):
    assert unrecorded_occasions(sentence, record_context(record), SEND_DAY)


# --- a decision to go on thanked for as the company's own is the recipient's too (q25-de-g9, refused since set 25) ---

@pytest.mark.parametrize(("record", "recipient", "sentence"), [
    ("de_deal", "702", "Bedanken, dass Müller Logistik nach dem internen Gespräch weitermachen will."),
    ("de_deal", "702", "Danke, dass Müller Logistik nach Ihrem internen Gespräch weitermachen möchte."),
    ("fr_deal", "712", "Merci : Atelier Lumière souhaite continuer après la démonstration, et nous aussi."),
    ("es_opportunity", "0035g00000Es02", "Gracias: Distribuciones Levante quiere seguir adelante tras la demo y la propuesta."),
])
def test_thanks_that_the_buyers_company_goes_on_passes_to_any_of_its_people(record, recipient, sentence):
    assert thanks_problems(sentence, record_context(record), recipient) == []


@pytest.mark.parametrize(("record", "recipient", "sentence"), [
    ("hubspot_deal", "502", "Thanks for getting Northwind's security sign-off so we can proceed."),
    ("hubspot_deal", "502", "Thank you for closing the security review so quickly."),
    ("fr_deal", "712", "Merci pour votre message : Atelier Lumière souhaite continuer."),
])
def test_a_thing_someone_else_did_or_sent_is_still_credited_to_them(record, recipient, sentence):
    assert thanks_problems(sentence, record_context(record), recipient)
