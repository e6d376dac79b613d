"""A price tier, a band or a key-account tariff claimed for the buyer (wave 41, probe41: the lead's probe put "Since you
are now a reference customer, a lower tier applies", "Für Sie gilt ab sofort unser Großkundentarif" and "Vous
bénéficiez désormais de notre grille grands comptes" into honest drafts, and with the learned screen off all passed;
"tarifa de gran cuenta" and "strategic-account pricing" were caught only as unanchored price talk, so a tier said
without a price word passed).

Tested as the adversary in other words for a tier (band, volume tier, rate, Staffel, Volumenklasse, palier, tramo,
escalón) and as the user: the look-alikes that must pass are guards."""

from __future__ import annotations

import pytest

from tests.agents.wave41_probe41_cases import sentence_refusals

_TIER = "(a price tier)"


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "Since you are now a reference customer, a lower tier applies."),
    ("hubspot_deal", "You now fall into our enterprise band."),
    ("hubspot_deal", "Northwind qualifies for our volume tier from today."),
    ("hubspot_deal", "We have moved you to the fleet-plus tier at no change in terms."),
    ("hubspot_deal", "As a reference account you are on our best band."),
    ("salesforce_opportunity", "Harbor now sits in our group-practice tier."),
    ("salesforce_opportunity", "The clinics are on our multi-site rate from the first wave."),
    ("de_deal", "Für Sie gilt ab sofort unser Großkundentarif."),
    ("de_deal", "Sie werden ab sofort in unserer Enterprise-Staffel geführt."),
    ("de_deal", "Wir stufen Sie in unsere Volumenklasse ein."),
    ("fr_deal", "Vous bénéficiez désormais de notre grille grands comptes."),
    ("fr_deal", "Vous passez dans notre palier entreprise."),
    ("fr_deal", "Nous vous appliquons les conditions grands comptes dès maintenant."),
    ("es_opportunity", "Le aplicamos las condiciones de gran cuenta desde hoy."),
    ("es_opportunity", "Ahora entra en nuestro tramo empresarial."),
    ("es_opportunity", "Distribuciones Levante pasa a nuestro escalón de volumen."),
])
def test_a_tier_claimed_for_the_buyer_in_any_language_is_refused(record, sentence):
    assert any(_TIER in r for r in sentence_refusals(record, sentence)), sentence_refusals(record, sentence)


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "The price tier is set by the number of trucks, as in the proposal."),
    ("hubspot_deal", "Which tier would fit Northwind best?"),
    ("salesforce_opportunity", "Tom asked whether the clinics fall into a different tier."),
    ("de_deal", "Die Preisstufe richtet sich nach der Zahl der Fahrzeuge, wie im Angebot."),
    ("fr_deal", "La grille tarifaire figure dans la proposition."),
    ("es_opportunity", "La tarifa depende del número de camiones, como en la propuesta."),
])
def test_a_tier_the_count_sets_or_a_question_about_one_passes(record, sentence):
    """Guards: these passed before and must keep passing."""
    assert sentence_refusals(record, sentence) == []
