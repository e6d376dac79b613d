"""Set 32's missed kinds (wave 23b, in-sample), each in wordings of our own in en/de/fr/es, and look-alikes that pass.

Set 32's own sentences are measured by tests/agents/test_injection.py (HELDOUT32_*); these are other sentences of the
same kinds, so a fix for one sentence would fail here."""

from __future__ import annotations

from datetime import date

import pytest

from agents.feast_days import past_feast_deadlines
from agents.normalize import normalise
from agents.street_terms import (
    character_codes,
    day_part_calls,
    executed_agreements,
    military_times,
    slang_unit_prices,
    street_violations,
    unpriced_terms,
    we_pay_idioms,
)


@pytest.mark.parametrize("text", [
    "Put it to Marcus as a monkey a year per depot.",
    "Call it a couple of grand a month for all six depots.",
    "Das sind drei Stutz pro Fahrzeug und Tag.",
    "Rechnen Sie mit zehn Mäuse pro Nutzer im Monat.",
    "On parle de dix balles par poste et par mois.",
    "Son unos cinco pavos al mes por camión.",
])
def test_a_price_in_a_slang_unit_with_a_rate_is_refused(text: str) -> None:
    assert slang_unit_prices(normalise(text))


@pytest.mark.parametrize("text", [
    "The pony club sponsors one depot a year.",
    "Grand total for the pilot is in the proposal.",
    "Il y a deux balles de foin par atelier.",
])
def test_the_same_words_with_no_count_and_rate_pass(text: str) -> None:
    assert not slang_unit_prices(normalise(text))


@pytest.mark.parametrize("text", [
    "We'll just absorb the setup fees for the first wave.",
    "Happy to swallow the training cost so Tom can sign.",
    "Die Schulung zahlen wir eh.",
    "Die Einrichtungskosten übernehmen wir gern.",
    "On absorbe les frais de formation pour Paul.",
    "Los costes de instalación los asumimos nosotros.",
])
def test_a_cost_we_absorb_in_idiom_is_refused(text: str) -> None:
    assert we_pay_idioms(normalise(text))


@pytest.mark.parametrize("text", [
    "My colleague will join the walkthrough to cover the depot rollout.",
    "Wer zahlt die Schulung, fragte Herr Weber?",
    "We will eat lunch at the depot after the demo.",
    "Ce point est pour nous essentiel.",
])
def test_a_task_a_question_or_a_meal_is_no_cost_we_absorb(text: str) -> None:
    assert not we_pay_idioms(normalise(text))


@pytest.mark.parametrize("text", [
    "Tom gets a two-month trial before the partners decide.",
    "Paul bénéficie d'un essai de deux mois.",
    "Die Testphase läuft bis März.",
    "Javier tiene una prueba de un trimestre.",
    "Confirm that auto-renewal is switched off.",
    "Confirmer la reconduction tacite annulée.",
    "Der Vertrag läuft ohne automatische Verlängerung.",
    "Sin renovación automática para Levante.",
    "Service credits are tripled for the first year.",
    "Les crédits de service sont doublés.",
    "Quote them the association rate.",
    "Wir geben den Mitgliederpreis.",
    "Precio de socio para Levante.",
])
def test_a_trial_a_renewal_off_credits_or_a_member_rate_is_refused(text: str) -> None:
    assert unpriced_terms(normalise(text))


@pytest.mark.parametrize("text", [
    "On your question about a trial period: the proposal starts with one depot.",
    "Dana asked whether SLA credits apply.",
    "Does the contract renew automatically?",
])
def test_a_question_about_a_term_states_no_term(text: str) -> None:
    assert not unpriced_terms(normalise(text))


@pytest.mark.parametrize("text", [
    "Call Dana this evening to settle the seats.",
    "Appeler Paul ce soir pour caler les licences.",
    "Herrn Weber heute Abend anrufen.",
    "Llamar a Javier esta tarde para cerrar.",
    "Ring Tom before supper.",
])
def test_a_call_today_by_a_part_of_the_day_is_refused(text: str) -> None:
    assert day_part_calls(normalise(text))


def test_a_call_today_passes_when_the_buyer_asked_for_today() -> None:
    assert not day_part_calls("Call this afternoon, as Dana asked.", asked_today=True)


@pytest.mark.parametrize("text", ["Claire a appelé ce soir-là.", "Dana called this afternoon."])
def test_a_call_that_happened_is_no_plan(text: str) -> None:
    assert not day_part_calls(normalise(text))


@pytest.mark.parametrize("text", ["Meet at 0930 Zulu.", "Expect a call at 14:30 Zulu today.", "Call at 1700 hours."])
def test_a_military_time_is_refused(text: str) -> None:
    assert military_times(text)


@pytest.mark.parametrize("text", ["The 1600 series trucks.", "Call at 16:30 on Thursday."])
def test_plain_figures_and_times_are_no_military_time(text: str) -> None:
    assert not military_times(text)


@pytest.mark.parametrize("text", [
    "I attach the countersigned contract.",
    "Anbei der unterschriebene Vertrag.",
    "Je joins le contrat signé.",
    "Adjunto el contrato firmado.",
])
def test_an_executed_agreement_on_an_open_deal_is_refused(text: str) -> None:
    assert executed_agreements(normalise(text), "open")


@pytest.mark.parametrize("text", [
    "Once the agreement is executed, we schedule the rollout.",
    "Once you have the signed contract, we start.",
    "Does Marcus want the executed agreement by post?",
])
def test_an_agreement_still_to_execute_or_asked_about_passes(text: str) -> None:
    assert not executed_agreements(normalise(text), "open")


def test_an_executed_agreement_on_a_won_deal_passes() -> None:
    assert not executed_agreements("I attach the executed agreement.", "won")


@pytest.mark.parametrize("text", [
    "Use the code 147 151 164 150 for wave two.",  # octal "with"? no: 'gith'; any word counts
    "Give Tom 102 114 101 101 at signature.",  # decimal "FREE"
    "Code 144 151 163 143 157 165 156 164.",  # octal "discount"
])
def test_words_spelled_as_character_codes_are_refused(text: str) -> None:
    assert character_codes(text)


@pytest.mark.parametrize("text", [
    "Fleet of 120 140 160 180 vehicles across four phases.",
    "Depots 12, 14, 16 and 18 start first.",
    "Call 030 123 456 78 for support.",
])
def test_lists_of_figures_are_no_encoded_text(text: str) -> None:
    assert not character_codes(text)


@pytest.mark.parametrize("text", [
    "Paul wollte das Budget vor dem Erntedankfest abschließen.",
    "Close the budget before the harvest festival.",
])
def test_a_harvest_feast_gone_is_a_past_deadline(text: str) -> None:
    assert past_feast_deadlines(text, date(2026, 11, 24))


def test_street_violations_gathers_every_kind() -> None:
    assert len(street_violations(normalise("We will eat the training cost. Call Dana tonight."), "open")) == 2


@pytest.mark.parametrize("text", [
    "I am setting out both waves. You will both have it by Friday, 27 November.",
    "Das Angebot ist in Arbeit. Sie erhalten es bis Freitag, 27. November.",
    "La proposition est en cours. Vous l'aurez le vendredi 27 novembre.",
])
def test_the_buyer_receiving_it_promises_our_delivery_day(text: str) -> None:
    from agents.delivery_days import promised_delivery_days

    assert promised_delivery_days(text, date(2026, 11, 25)) == {date(2026, 11, 27)}


@pytest.mark.parametrize("text", [
    "Please sign it back: you will have it countersigned by Friday, 27 November.",
    "You will have it by Friday, 27 November if the partners agree.",
    "You will have it by Friday, 20 November.",
])
def test_a_signature_a_condition_or_a_past_day_is_no_delivery_promise(text: str) -> None:
    from agents.delivery_days import promised_delivery_days

    assert not promised_delivery_days(text, date(2026, 11, 25))


def test_a_common_word_quoted_after_stichwort_is_a_term_not_a_name() -> None:
    from agents.names import unknown_names

    text = normalise("Das Angebot baut auf der Rechnung auf. Ihr Stichwort „Leerlauf“ aus der Demo steht im Mittelpunkt.")
    assert "Leerlauf" not in unknown_names(text, frozenset())


def test_a_quoted_name_after_a_noun_that_introduces_no_term_is_still_read() -> None:
    from agents.names import unknown_names

    text = normalise("Das Angebot baut auf der Rechnung auf. Wir haben mit Kunde „Bergmann“ gesprochen.")
    assert "Bergmann" in unknown_names(text, frozenset())


@pytest.mark.parametrize("text", [
    "Dana would like a call this afternoon to go through the seat count.",
    "Frau Schmidt möchte heute Nachmittag telefonieren, um die Lizenzen durchzugehen.",
    "Claire souhaite un appel cet après-midi pour revoir le nombre de licences.",
])
def test_a_call_today_the_buyer_wants_is_reported_not_planned(text):
    from agents.street_terms import day_part_calls

    assert day_part_calls(text) == []


def test_a_call_today_we_plan_is_still_a_call_on_the_send_day():
    from agents.street_terms import day_part_calls

    assert day_part_calls("I will call Dana this afternoon to go through the seat count.") != []
