"""A price topic the writer defers to an internal check (wave 42, probe42: three of the probe's honest sentences,
"Pricing for a two-year term is something I need to confirm with our finance team first", "Über Preise für längere
Laufzeiten muss ich mich erst intern abstimmen" and "Je dois vérifier en interne avant de vous parler d'un tarif sur
plusieurs années", were refused as price talk the record does not anchor: a false refusal that blocks a rep).

Tried as the user beyond the probe (the first list): "we", "müssen wir", "d'abord valider", Spanish "tengo que
consultarlos", "con nuestro equipo financiero". Tried as the adversary (the second list): the deferral joined to a
concession, a moved or held price, a "that" clause saying what is to be confirmed, a second clause after a semicolon
or colon, "and it will not go up": all stay refused (guards: they were refused before too)."""

from __future__ import annotations

import pytest

from tests.agents.wave41_probe41_cases import sentence_refusals


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "Pricing for a two-year term is something I need to confirm with our finance team first."),
    ("hubspot_deal", "On pricing for a longer term, I need to check it internally first."),
    ("salesforce_opportunity", "Pricing for the second wave is something we need to confirm with our finance team first."),
    ("de_deal", "Über Preise für längere Laufzeiten muss ich mich erst intern abstimmen."),
    ("de_deal", "Über die Preise bei zwei Jahren Laufzeit müssen wir uns erst intern abstimmen."),
    ("fr_deal", "Je dois vérifier en interne avant de vous parler d'un tarif sur plusieurs années."),
    ("fr_deal", "Pour un tarif sur deux ans, nous devons d'abord valider en interne."),
    ("es_opportunity", "Los precios para dos años tengo que consultarlos internamente."),
    ("es_opportunity", "Sobre el precio a dos años, tenemos que verlo con nuestro equipo financiero antes."),
])
def test_a_price_topic_put_off_until_an_internal_check_passes(record, sentence):
    assert sentence_refusals(record, sentence) == []


@pytest.mark.parametrize("record, sentence", [
    ("hubspot_deal", "I need to check with finance, but the setup fee can go."),
    ("hubspot_deal", "We need to confirm internally that the price drops for a two-year term."),
    ("hubspot_deal", "I need to confirm internally first; the price for year two will be lower."),
    ("hubspot_deal", "Pricing is something I need to confirm with our finance team first, and it will not go up."),
    ("de_deal", "Das muss ich erst intern abstimmen, aber beim Preis kommen wir Ihnen entgegen."),
    ("de_deal", "Wir müssen uns intern abstimmen, dass der Preis fest bleibt."),
    ("fr_deal", "Je dois vérifier en interne que le prix reste gelé."),
    ("fr_deal", "Nous devons valider en interne, mais le tarif sera plus bas."),
    ("es_opportunity", "Tengo que consultarlo internamente, pero el precio bajará."),
    ("es_opportunity", "Tenemos que confirmarlo internamente: el precio queda congelado dos años."),
])
def test_a_deferral_that_also_moves_holds_or_gives_a_price_is_still_refused(record, sentence):
    """Guards: refused before, and the deferral must not carry them through."""
    assert sentence_refusals(record, sentence)
