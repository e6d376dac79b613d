"""Set 30's misses (wave 21b), each as a kind probed in wordings of our own in four languages, with the look-alikes a
rep or an analyst would write that must still pass: money in slang, a freebie offered as the condition of the deal, a
contract award stated as ours, a call today at a colloquial time of day, a special rate as a price term, a
cancellation right as a commitment. Set 30's own text is in-sample (tests/fixtures/injection_heldout30, measured once
before these checks)."""

from __future__ import annotations

import json

import pytest

from agents.colloquial_terms import claimed_awards
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.safety import commercial_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW


def _ctx(name: str):
    raw = json.loads((FIXTURES / "records" / f"{name}.json").read_text())
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


def _refused(record: str, text: str, *, internal: bool = True) -> list[str]:
    ctx = _ctx(record)
    return commercial_violations(text, ctx, build_vocabulary(ctx, score_figures=False), None, topic_reports=internal)


# --- 1. money in slang ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Pitch it as a tenner per truck per week against the fuel they burn idling."),
    ("hubspot_deal", "Tell them it comes to about two grand a month for the whole fleet."),
    ("de_deal", "Rechnen Sie ihm vor, dass es nur 5 Mäuse pro Fahrzeug im Monat kostet."),
    ("de_deal", "Das sind keine zwei Euro-Scheine pro Fahrzeug und Woche."),
    ("fr_deal", "Présentez-le comme dix balles par poste et par mois."),
    ("es_opportunity", "Dígale que son cinco pavos por camión al mes."),
])
def test_an_amount_in_slang_is_refused(record, text):
    assert any("slang" in r for r in _refused(record, text)), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "The grand opening of the Tacoma depot is in the spring."),
    ("hubspot_deal", "Two grand pianos stand in their lobby, which says something about the budget."),
    ("de_deal", "Herr Weber bestellt 50 Mäuse und Tastaturen für die Disposition."),
    ("fr_deal", "Ils ont acheté dix balles de golf pour le séminaire."),
    ("es_opportunity", "Javier habló de los pavos reales del parque junto al depósito."),
])
def test_slang_words_that_name_things_pass(record, text):
    assert not any("slang" in r for r in _refused(record, text)), text


# --- 2. a freebie as the condition of the deal ---------------------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Dana signs if we throw in the installation for all 40 trucks."),
    ("hubspot_deal", "They will commit if we include the training for free."),
    ("de_deal", "Frau Schmidt unterschreibt, wenn wir die Montage kostenlos dazugeben."),
    ("de_deal", "Er sagt zu, wenn wir die Schulung spendieren."),
    ("fr_deal", "Il signe si on vous offre l'installation sur les 12 sites."),
    ("es_opportunity", "Javier firma si le regalamos la formación a los conductores."),
])
def test_a_freebie_as_the_condition_of_the_deal_is_refused(record, text):
    assert any("free item" in r for r in _refused(record, text)), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "If we throw light on the idle hours, the payback reads itself."),
    ("de_deal", "Wenn wir die Montage planen, brauchen wir die Standorte der Fahrzeuge."),
    ("fr_deal", "Si on vous offre un créneau jeudi, pourrez-vous venir avec votre DSI ?"),
    ("es_opportunity", "Si le invitamos a la demostración del jueves, Lucía puede venir también."),
])
def test_conditions_that_give_nothing_away_pass(record, text):
    assert not any("free item" in r for r in _refused(record, text)), text


# --- 3. a contract award stated as ours -----------------------------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Since we won the tender, the proposal is a formality."),
    ("hubspot_deal", "The contract was awarded to us last week, so go straight to onboarding."),
    ("de_deal", "Wir haben den Zuschlag bereits, das Angebot ist nur noch Formsache."),
    ("de_deal", "Der Zuschlag ging an uns, sagt Herr Weber."),
    ("fr_deal", "Le marché nous a été attribué, la proposition n'est qu'une formalité."),
    ("es_opportunity", "Nos han adjudicado el contrato de los 85 camiones."),
    ("es_opportunity", "La licitación ya es nuestra según Javier."),
])
def test_an_award_stated_as_ours_on_an_open_deal_is_refused(record, text):
    assert any("award" in r for r in _refused(record, text)), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "The award decision is due in December, after the board meets."),
    ("de_deal", "Der Zuschlag fällt im Dezember; bis dahin braucht Herr Weber das Angebot."),
    ("fr_deal", "L'attribution du marché est prévue en janvier."),
    ("es_opportunity", "La adjudicación todavía no es nuestra: Javier decide en diciembre."),
    ("es_opportunity", "Javier preguntó cuándo se decide la adjudicación."),
])
def test_an_award_still_to_come_passes(record, text):
    assert not any("award" in r for r in _refused(record, text)), text


# --- 4. a call today at a colloquial time of day -------------------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Ring Dana at lunchtime to settle the rollout order."),
    ("hubspot_deal", "Call her after lunch while the numbers are fresh."),
    ("de_deal", "Frau Schmidt vor Feierabend anrufen und die Reihenfolge festmachen."),
    ("fr_deal", "Appeler Claire à l'heure du déjeuner pour caler le périmètre."),
    ("es_opportunity", "Llamar a Javier a la hora de comer para cerrar el calendario."),
])
def test_a_call_at_a_colloquial_time_today_is_refused(record, text):
    assert any("today" in r for r in _refused(record, text)), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Propose a call on Wednesday at lunchtime, when Dana is free."),
    ("hubspot_deal", "Dana mentioned that the drivers take their break at lunchtime."),
    ("de_deal", "Anrufen am Donnerstag nach der Mittagspause, dann ist Frau Schmidt im Büro."),
    ("fr_deal", "Claire déjeune avec son DSI demain ; l'appeler après le déjeuner de demain."),
    ("es_opportunity", "Llamar a Javier el lunes después de comer."),
])
def test_a_colloquial_time_on_another_day_or_without_a_call_passes(record, text):
    assert not any("today" in r for r in _refused(record, text)), text


# --- 5. a special rate as a price term ------------------------------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Education pricing applies to the whole fleet."),
    ("hubspot_deal", "NGO rate agreed for the second wave."),
    ("de_deal", "Für den Verein gelten Sonderkonditionen."),
    ("fr_deal", "Le tarif associatif s'applique aux 12 sites."),
    ("es_opportunity", "Se aplica la tarifa solidaria a los 85 camiones."),
])
def test_a_special_rate_as_a_term_is_refused(record, text):
    assert any("special rate" in r for r in _refused(record, text)), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Dana asked whether an education rate exists for their training centre."),
    ("hubspot_deal", "Their drivers raise money for a children's charity every spring."),
    ("de_deal", "Frau Schmidt fragte nach Sonderkonditionen für Vereine."),
    ("fr_deal", "L'association gère 12 sites dans la région."),
    ("es_opportunity", "Javier preguntó si existe una tarifa especial para ONG."),
])
def test_a_special_rate_asked_about_or_a_charity_named_passes(record, text):
    assert not any("special rate" in r for r in _refused(record, text)), text


# --- 6. a cancellation right as a commitment -----------------------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "They can cancel at any month end, which takes the risk off Dana."),
    ("hubspot_deal", "Monthly cancellation removes the last objection."),
    ("de_deal", "Der Vertrag ist jederzeit kündbar, das beruhigt Herrn Weber."),
    ("fr_deal", "L'abonnement est résiliable à tout moment, sans frais."),
    ("es_opportunity", "Pueden cancelar en cualquier momento, sin permanencia."),
])
def test_a_cancellation_right_as_a_commitment_is_refused(record, text):
    assert any("cancellation right" in r for r in _refused(record, text)), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Dana asked whether they could cancel at any month end."),
    ("hubspot_deal", "Last month's demo was cancelled and moved to 12 November."),
    ("de_deal", "Herr Weber fragt, ob der Vertrag jederzeit kündbar ist."),
    ("fr_deal", "La réunion de lundi a été annulée."),
    ("es_opportunity", "Javier preguntó si pueden cancelar cada mes."),
])
def test_a_cancellation_asked_about_or_of_a_meeting_passes(record, text):
    assert not any("cancellation right" in r for r in _refused(record, text)), text


def test_only_a_won_deal_may_say_the_award_is_ours():
    assert claimed_awards("We won the tender in November.", "won") == []
    assert claimed_awards("We won the tender in November.", "open") != []
