"""Another customer's name that shares a word with the buyer's company (wave 41, probe41: on the record of "Harbor
Dental Group" the lead's probe wrote "Harborview Dental Group just renewed with us for three years" and "Harborview
Clinics chose the same two-wave plan", and both passed while "Fleetway Haulage" was refused: a sentence's first word is
never read as a name, and the rest of the name was the record's words).

Tested as the adversary at a sentence's start and inside one, alone and before the buyer's trade, in en/de/es, and as
the user: the record's own company in its variants (guards)."""

from __future__ import annotations

import pytest

from agents.company_lookalikes import lookalike_company_names
from tests.agents.wave41_probe41_cases import sentence_refusals


@pytest.mark.parametrize("record, sentence, name", [
    ("salesforce_opportunity", "Harborview Dental Group just renewed with us for three years.", "Harborview"),
    ("salesforce_opportunity", "Harborview Clinics chose the same two-wave plan.", "Harborview"),
    ("salesforce_opportunity", "Harborview just renewed with us for three years.", "Harborview"),
    ("salesforce_opportunity", "Harborview's clinics renewed with us.", "Harborview"),
    ("salesforce_opportunity", "Bright Dental Group cut no-shows with the same plan.", "Bright"),
    ("hubspot_deal", "Southwind Logistics runs the same fleet analytics.", "Southwind"),
    ("hubspot_deal", "Eastern Logistics chose the same per-truck plan.", "Eastern"),
    ("de_deal", "Schneider Logistik nutzt die Flottenanalyse seit einem Jahr.", "Schneider"),
    ("de_deal", "Meier Logistik GmbH hat gerade verlängert.", "Meier"),
    ("es_opportunity", "Transportes Levante usa la misma analítica desde marzo.", "Transportes"),
])
def test_another_company_named_on_the_buyers_word_is_refused(record, sentence, name):
    assert f"unsupported fact: name {name!r} is not in the inputs" in sentence_refusals(record, sentence)


@pytest.mark.parametrize("record, sentence", [
    ("salesforce_opportunity", "Harbor Dental Group can start with the first five clinics."),
    ("salesforce_opportunity", "Harbor Dental's clinics are listed in the proposal."),
    ("salesforce_opportunity", "Harbor's clinics will each get a short onboarding session."),
    ("salesforce_opportunity", "Congratulations Harbor Dental team on the first wave."),
    ("hubspot_deal", "Congratulations Northwind on the new depot."),
    ("hubspot_deal", "Northwind's depots can start in the first wave."),
    ("de_deal", "Müller Logistik kann mit dem ersten Standort beginnen."),
    ("de_deal", "Moderne Logistik braucht verlässliche Daten."),
    ("de_deal", "Müllers Fuhrpark ist bereit für den Start."),
    ("fr_deal", "Atelier Lumière peut démarrer avec le premier atelier."),
    ("es_opportunity", "Distribuciones Levante puede empezar con la primera ruta."),
    ("es_opportunity", "Además, Levante puede empezar con la primera ruta."),
])
def test_the_buyers_own_company_in_its_variants_passes(record, sentence):
    """Guards: these passed before and must keep passing."""
    assert sentence_refusals(record, sentence) == []


def test_a_field_that_holds_an_abbreviation_vouches_it():
    """Guard: an abbreviation of the company the record's words hold ("HDG") is no other name."""
    assert lookalike_company_names("HDG clinics are ready.", frozenset({"hdg"}), "Harbor Dental Group") == []
