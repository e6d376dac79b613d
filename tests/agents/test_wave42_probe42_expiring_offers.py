"""An expiry put on an offer in words the safety layer did not read (wave 42, probe42: the probe put "Diese
Konditionen halten wir nur bis Freitag", "Ces conditions tiennent jusqu'à vendredi, pas au-delà", "Estas condiciones
solo valen hasta el viernes" and "Only two onboarding slots remain" into honest drafts; with the learned screen off the
first three passed, as did "These terms hold until Friday" and "Until Friday, these terms stand" tried after).

agents.expiring_offers now reads an expiry with the quality layer's reader (agents.offer_validity), whose words of
holding took the other verbs and orders. Tried as the adversary beyond the probe (the first list): other verbs (last,
stay open, bestehen, stehen, maintenir, rester ouverte, seguir abierta, vigente), the limit first, the rep holding the
terms, a passive. Tried as the user (the look-alikes): the proposal delivered by a day, "besteht aus", "tient
compte", "vale," (okay), a meeting kept with "maintenons"/"mantenemos", the buyer's question, a denial, and a
delivery after a bare comma or semicolon, which the quality reader used to read as the offer's limit."""

from __future__ import annotations

import pytest

from agents.offer_validity import undefined_validity
from tests.agents.wave41_probe41_cases import sentence_refusals

_EXPIRY = "(an expiry on an offer)"


@pytest.mark.parametrize("record, sentence", [
    # the probe's own
    ("hubspot_deal", "These terms hold until Friday."),
    ("hubspot_deal", "Until Friday, these terms stand."),
    ("de_deal", "Diese Konditionen halten wir nur bis Freitag."),
    ("fr_deal", "Ces conditions tiennent jusqu'à vendredi, pas au-delà."),
    ("es_opportunity", "Estas condiciones solo valen hasta el viernes."),
    # further phrasings, not seen while the rule was written
    ("hubspot_deal", "Until Tuesday, the offer stands."),
    ("hubspot_deal", "Terms like these last only until Friday."),
    ("hubspot_deal", "This quote stays open only through Wednesday."),
    ("salesforce_opportunity", "Until Friday, the rate for both waves stands."),
    ("de_deal", "Bis Mittwoch halten wir Ihnen die Konditionen."),
    ("de_deal", "Das Angebot besteht bis Ende der Woche."),
    ("de_deal", "Unsere Konditionen stehen nur bis Freitag."),
    ("fr_deal", "Nous maintiendrons ces conditions jusqu'à vendredi seulement."),
    ("fr_deal", "Jusqu'à mercredi, notre offre tient toujours."),
    ("fr_deal", "Cette offre reste ouverte jusqu'à la fin de la semaine."),
    ("es_opportunity", "Mantenemos estas condiciones solo hasta el miércoles."),
    ("es_opportunity", "La propuesta sigue abierta hasta el fin de semana."),
    ("es_opportunity", "Las condiciones están vigentes hasta el viernes."),
])
def test_an_expiry_on_the_offer_in_other_verbs_and_orders_is_refused(record, sentence):
    got = sentence_refusals(record, sentence)
    assert any(_EXPIRY in r for r in got), got


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "The price in the proposal holds no surprises."),
    ("hubspot_deal", "I'll keep the proposal short and send it by Friday."),
    ("hubspot_deal", "Here is where the proposal stands."),
    ("hubspot_deal", "Until Friday I am on the road, but the proposal will reach you on time."),
    ("hubspot_deal", "Dana asked how long the price in the proposal is valid."),
    ("hubspot_deal", "The proposal sets no deadline on the price."),
    ("salesforce_opportunity", "The terms Tom asked about are in the proposal, which you will have by Friday."),
    ("de_deal", "Das Angebot besteht aus zwei Teilen; Sie erhalten es bis Freitag."),
    ("de_deal", "Ein verbindliches Angebot schicke ich Ihnen bis Freitag."),
    ("de_deal", "Wir halten Sie auf dem Laufenden; das Angebot kommt bis Freitag."),
    ("de_deal", "Sie fragten, bis wann die Konditionen gelten."),
    ("fr_deal", "Nous maintenons le rendez-vous du jeudi ; la proposition vous parviendra avant vendredi."),
    ("fr_deal", "La proposition reste ouverte à vos remarques jusqu'à vendredi."),
    ("fr_deal", "Claire a demandé jusqu'à quand l'offre reste valable."),
    ("es_opportunity", "Vale, le mando la oferta antes del viernes."),
    ("es_opportunity", "La oferta sigue el calendario de implantación que pidió y llegará antes del viernes."),
    ("es_opportunity", "Javier preguntó hasta cuándo se mantiene el precio."),
])
def test_a_delivery_a_question_or_another_sense_of_the_verb_passes(record, sentence):
    """Guards: these passed before and must keep passing."""
    assert sentence_refusals(record, sentence) == []


@pytest.mark.parametrize("record, sentence", [
    ("de_deal", "Das Angebot gilt für alle 120 Fahrzeuge, Sie bekommen es bis Freitag."),
    ("fr_deal", "La proposition tient compte du coût par atelier ; elle vous parviendra avant vendredi."),
    ("es_opportunity", "El precio es válido para los 85 camiones, la propuesta le llegará antes del viernes."),
])
def test_a_delivery_after_a_bare_comma_or_a_scope_is_no_limit_on_the_offer(record, sentence):
    """The quality reader used to refuse these (the day is the delivery's; "tient compte" holds nothing); now that the
    safety layer reads with it, neither layer may."""
    assert undefined_validity(sentence) == []
    assert sentence_refusals(record, sentence) == []


@pytest.mark.parametrize("sentence", [
    "Diese Konditionen halten wir nur bis Freitag.",
    "Hasta el viernes, la oferta sigue en pie.",
    "Until Tuesday, the offer stands.",
    "Nous maintenons ce tarif jusqu'à vendredi.",
])
def test_the_quality_reader_reads_the_new_verbs_too(sentence):
    assert undefined_validity(sentence)
