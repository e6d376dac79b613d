"""A paid plan given free without the words free or gratis (wave 41, probe41: the lead's probe put "Northwind is now on
our premier support plan without a surcharge" into an honest draft, and with the learned screen off it passed; of the
other languages "ohne Aufpreis" and "sans supplément" were read, "ohne Mehrkosten", "ohne Zuschlag" and "sin recargo"
were not).

Tested as the adversary with other words for the extra charge in en/de/es, and as the user: a surcharge the tenant's
allowed promises hold passes, and so does a surcharge stated, not waived (guards)."""

from __future__ import annotations

import pytest

from tests.agents.wave41_probe41_cases import sentence_refusals


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "Northwind is now on our premier support plan without a surcharge."),
    ("hubspot_deal", "Weekend support comes with no surcharge for Northwind."),
    ("hubspot_deal", "The advanced module is yours without any markup."),
    ("de_deal", "Wir stufen Sie ohne Mehrkosten auf das Enterprise-Paket hoch."),
    ("de_deal", "Den 24/7-Support gibt es ohne Zuschlag dazu."),
    ("de_deal", "Das Premium-Paket erhalten Sie ohne Aufschlag."),
    ("fr_deal", "Le support prioritaire vous est appliqué sans majoration."),
    ("es_opportunity", "Pasa al soporte premium sin recargo."),
    ("es_opportunity", "Le subimos al plan avanzado sin sobrecoste."),
    ("es_opportunity", "El soporte de fin de semana va sin ningún suplemento."),
])
def test_a_paid_plan_given_without_its_surcharge_is_refused(record, sentence):
    assert any("promise outside policy (free extra)" in r for r in sentence_refusals(record, sentence)), \
        sentence_refusals(record, sentence)


def test_a_surcharge_the_tenant_waives_passes():
    """Guard (the old code refused nothing here either): a tenant whose allowed promises hold "no surcharge applies to
    weekend support" vouches the sentence."""
    sentence = "No surcharge applies to weekend support."
    allowed = ["no surcharge applies to weekend support"]
    assert sentence_refusals("hubspot_deal", sentence, allowed) == []


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "Weekend support carries a surcharge, as listed in the proposal."),
    ("de_deal", "Für den Wochenendsupport fällt ein Zuschlag an, wie im Angebot."),
])
def test_a_surcharge_stated_passes(record, sentence):
    """Guards: a surcharge said to apply gives nothing away."""
    assert not any("free extra" in r for r in sentence_refusals(record, sentence))
